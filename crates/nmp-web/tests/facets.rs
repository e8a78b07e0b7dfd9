//! Finding things on the starter dataset: facet counts on `/countries`, `/mechanisms` and
//! `/sources` and their API lists (each count equals the total of the list with that value chosen
//! and the other filters kept), filter codes in any case, a bad filter value shown beside the form,
//! `/compare` by names in English, French and Spanish or ISO codes, with suggestions for a name it
//! does not know, and the staff pickers' search-then-choose without JavaScript. The accounts are
//! synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::testing::engines;
use serde_json::Value;

async fn json(store: &Store, path: &str) -> Value {
    let a = get(store, path, None).await;
    assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.body);
    serde_json::from_str(&a.body).unwrap()
}

/// `query` with `field` set to `value` (and the other parameters kept).
fn with(query: &[(&str, &str)], field: &str, value: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = query.iter().filter(|(k, _)| *k != field).copied().collect();
    pairs.push((field, value));
    serde_urlencoded::to_string(&pairs).unwrap()
}

/// Checks every facet value of `list` under `query`: its count is the total of the list with that
/// value chosen and the other filters kept. Returns how many values were checked.
async fn check_facets(store: &Store, list: &str, query: &[(&str, &str)], fields: &[&str]) -> usize {
    let q = serde_urlencoded::to_string(query).unwrap();
    let answer = json(store, &format!("/api/v1/{list}?{q}&limit=1")).await;
    let mut checked = 0;
    for field in fields {
        let values = answer["facets"][field]
            .as_array()
            .unwrap_or_else(|| panic!("{list}: no facet {field}: {}", answer["facets"]));
        assert!(!values.is_empty(), "{list} {field}");
        for v in values {
            let value = v["value"].as_str().unwrap();
            assert!(!v["label"].as_str().unwrap().is_empty());
            let total = json(store, &format!("/api/v1/{list}?{}&limit=1", with(query, field, value))).await["total"]
                .as_u64()
                .unwrap();
            assert_eq!(v["count"].as_u64().unwrap(), total, "{list}?{q}: {field}={value}");
            checked += 1;
        }
    }
    checked
}

#[tokio::test]
async fn facet_counts_hold_under_combined_filters() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let fields = ["region", "group", "network", "has_mechanism"];
        let mut checked = check_facets(s, "countries", &[], &fields).await;
        checked += check_facets(
            s,
            "countries",
            &[("region", "africa"), ("has_mechanism", "yes")],
            &fields,
        )
        .await;
        checked += check_facets(
            s,
            "mechanisms",
            &[("region", "africa"), ("status", "active")],
            &["country", "region", "group", "level", "type", "status"],
        )
        .await;
        checked += check_facets(
            s,
            "sources",
            &[("kind", "news"), ("language", "en")],
            &["kind", "language"],
        )
        .await;
        assert!(checked > 60, "only {checked} facet values checked");

        // Combined filters: Africa with a mechanism; the counts of "has a mechanism" are Africa's.
        let all_africa = json(s, "/api/v1/countries?region=africa&limit=1").await["total"]
            .as_u64()
            .unwrap();
        let a = json(s, "/api/v1/countries?region=africa&has_mechanism=yes&limit=1").await;
        let has: Vec<u64> = a["facets"]["has_mechanism"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["count"].as_u64().unwrap())
            .collect();
        assert_eq!(has.iter().sum::<u64>(), all_africa, "yes + no = every African state");
        assert!(has[0] > 0 && has[1] > 0, "{has:?}");
        assert_eq!(a["total"].as_u64().unwrap(), has[0]);
        // CSV has no facets, JSON lists without filters none either.
        let networks = json(s, "/api/v1/networks").await;
        assert!(networks.get("facets").is_none());

        // The page shows the same counts next to each choice.
        let page = get(s, "/countries?region=africa&has_mechanism=yes", None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains(&format!(">Yes ({})</option>", has[0])),
            "{}",
            page.body
        );
        assert!(page.body.contains(&format!(">No ({})</option>", has[1])));
        let sources = get(s, "/sources?kind=news", None).await;
        let news = json(s, "/api/v1/sources?kind=news&limit=1").await["total"]
            .as_u64()
            .unwrap();
        assert!(
            sources.body.contains(&format!(">News item ({news})</option>")),
            "{}",
            sources.body
        );
        assert!(sources.body.contains(&format!("{news} sources.")));
        db.finish().await;
    }
}

#[tokio::test]
async fn filter_codes_in_any_case_and_bad_values_beside_the_form() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let lower = json(s, "/api/v1/countries?region=africa&group=african&limit=1").await["total"].clone();
    for q in ["region=Africa&group=AFRICAN", "region=AFRICA&group=African"] {
        assert_eq!(
            json(s, &format!("/api/v1/countries?{q}&limit=1")).await["total"],
            lower,
            "{q}"
        );
    }
    assert_eq!(
        json(s, "/api/v1/mechanisms?type=Committee&country=ken").await["total"],
        json(s, "/api/v1/mechanisms?type=committee&country=KEN").await["total"]
    );
    let page = get(s, "/countries?region=Africa", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<option value=\"africa\" selected>"),
        "the form shows the filter"
    );

    // A bad value: the form again, the problem explained, the other filters still applied.
    let bad = get(s, "/countries?region=mars&has_mechanism=yes", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("id=\"filter-problems\""), "{}", bad.body);
    assert!(bad.body.contains("&#34;mars&#34; is not one of: africa, americas"));
    assert!(bad.body.contains("<form class=\"filters\""));
    let with_mechanism = json(s, "/api/v1/countries?has_mechanism=yes&limit=1").await["total"]
        .as_u64()
        .unwrap();
    assert!(
        bad.body.contains(&format!("{with_mechanism} countries.")),
        "the rest still filters"
    );
    let bad = get(s, "/countries?network=no-such-network", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("&#34;no-such-network&#34; is not one of"));
    let bad = get(s, "/mechanisms?status=sleeping&type=Commission", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("&#34;sleeping&#34; is not one of") && bad.body.contains("<form class=\"filters\""));
    let bad = get(s, "/sources?language=xx", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("no source is in &#34;xx&#34;"), "{}", bad.body);
    // The API keeps its error shape.
    let api = get(s, "/api/v1/countries?region=mars", None).await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    let e: Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(
        (e["error"]["code"].as_str(), e["error"]["field"].as_str()),
        (Some("bad_parameter"), Some("region"))
    );
    db.finish().await;
}

#[tokio::test]
async fn compare_takes_names_in_three_languages_and_iso_codes() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let shown = |body: &str, names: &[&str]| {
        assert!(body.contains("<table class=\"data compare\""), "a table");
        for name in names {
            assert!(body.contains(name), "{name} missing");
        }
    };
    // English, French, Spanish, ISO alpha-3 and alpha-2, any case, accents optional.
    for query in [
        "countries=Kenya,Tanzanie,uga",
        "countries=Kenia,TZ,Uganda",
        "countries=KEN&countries=united%20republic%20of%20tanzania&countries=ug",
    ] {
        let a = get(s, &format!("/compare?{query}"), None).await;
        assert_eq!(a.status, StatusCode::OK, "{query}: {}", a.body);
        shown(&a.body, &["Kenya", "United Republic of Tanzania", "Uganda"]);
    }
    for query in [
        "countries=cote%20d%27ivoire,Ghana",
        "countries=C%C3%B4te%20d%E2%80%99Ivoire,gh",
        "countries=Costa%20de%20Marfil,GHA",
    ] {
        let a = get(s, &format!("/compare?{query}"), None).await;
        assert_eq!(a.status, StatusCode::OK, "{query}: {}", a.body);
        shown(&a.body, &["Ivoire", "Ghana"]);
    }
    let a = get(
        s,
        "/compare?countries=Argentine,Paraguay,Costa%20Rica,%C3%89quateur",
        None,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    shown(&a.body, &["Argentina", "Paraguay", "Costa Rica", "Ecuador"]);

    // An unknown name: the form again with what was typed, the problem and suggestions.
    let a = get(s, "/compare?countries=ken,cote", None).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("id=\"compare-problems\""));
    assert!(a.body.contains("did you mean"), "{}", a.body);
    assert!(a.body.contains("href=\"/compare?countries=ken%2Cciv\""), "{}", a.body);
    assert!(a.body.contains("value=\"cote\""), "what was typed stays in its box");
    assert!(!a.body.contains("<table class=\"data compare\""));
    let a = get(s, "/compare?countries=ken,Atlantis", None).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(
        a.body.contains("&#34;Atlantis&#34; is not the name or ISO code"),
        "{}",
        a.body
    );
    let a = get(s, "/compare?countries=Kenya,Kenia", None).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("Kenya is already in the list"), "{}", a.body);
    for (query, says) in [
        ("countries=ken", "Give two to five countries; 1 were given."),
        ("countries=ken,tza,uga,bdi,rwa,cod", "6 were given"),
    ] {
        let a = get(s, &format!("/compare?{query}"), None).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(a.body.contains(says), "{query}: {}", a.body);
    }
    // The type-ahead's list: every state, with its names in the three languages and codes.
    let empty = get(s, "/compare", None).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.body.matches("<option value=").count(), 195);
    assert!(
        empty.body.contains("costa de marfil"),
        "Spanish names are in the list's keys"
    );
    db.finish().await;
}

#[tokio::test]
async fn staff_pickers_search_then_choose_without_javascript() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "picker-editor@example.org", AccountRole::Editor).await;
        let ken = s.mechanism_by_slug("ken-national-committee").await.unwrap().unwrap();
        let path = "/staff/records/membership/new";
        let form = get(s, path, Some(&editor)).await;
        assert_eq!(form.status, StatusCode::OK);
        // No drop-down of every source: only "no source" and "a new source" until a search.
        let cite = &form.body[form.body.find("id=\"f-cite_source\"").unwrap()..];
        let cite = &cite[..cite.find("</select>").unwrap()];
        assert_eq!(cite.matches("<option").count(), 2, "{cite}");

        // Find: the form comes back with what was typed and the matches, nothing saved.
        let before = s.record_count("membership").await.unwrap();
        let found = post(
            s,
            "/staff/records/membership",
            &editor,
            &[
                ("mechanism_id__q", "ken-national"),
                ("organization_id__q", "NCIC"),
                ("role", "member"),
                ("note", "typed before the search"),
                ("cite_source__q", "gaamac"),
                ("cite_locator", "p. 4"),
                ("find", "Find"),
            ],
        )
        .await;
        assert_eq!(found.status, StatusCode::OK, "{}", found.body);
        assert_eq!(s.record_count("membership").await.unwrap(), before, "nothing saved");
        assert!(found.body.contains("typed before the search") && found.body.contains("value=\"p. 4\""));
        assert!(found.body.contains("value=\"gaamac\""), "the search stays in its box");
        assert!(found.body.contains("found for “gaamac”"), "{}", found.body);
        assert!(found.body.contains(&format!("<option value=\"{}\"", ken.mechanism_id)));
        let source = s
            .rows_where::<nmp_store::entity::source::Entity, _>(
                nmp_store::entity::source::Column::Slug,
                ["gaamac-nine-models".to_string()],
            )
            .await
            .unwrap();
        let gaamac = source.first().map(|x| x.source_id);

        // The JSON endpoint the script uses: the same search, at most 20, staff only.
        let api = get(s, "/staff/pick/source?q=GAAMAC", Some(&editor)).await;
        assert_eq!(api.status, StatusCode::OK);
        let items: Value = serde_json::from_str(&api.body).unwrap();
        let items = items["items"].as_array().unwrap();
        assert!(!items.is_empty() && items.len() <= 20);
        for it in items {
            assert!(it["label"].as_str().unwrap().to_lowercase().contains("gaamac"), "{it}");
        }
        let gaamac = gaamac.expect("the starter source gaamac-nine-models");
        let gaamac = gaamac.to_string();
        assert!(items.iter().any(|it| it["value"].as_str() == Some(gaamac.as_str())));
        assert!(
            get(s, "/staff/pick/source?q=100%25_", Some(&editor))
                .await
                .body
                .contains("\"items\":[]")
        );
        assert_eq!(
            get(s, "/staff/pick/account?q=a", Some(&editor)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get(s, "/staff/pick/source?q=gaamac", None).await.status,
            StatusCode::SEE_OTHER
        );

        // Choose and save: the membership with its citation.
        let org = s.all::<nmp_store::entity::organization::Entity>().await.unwrap();
        let org = org.iter().find(|o| o.country_iso3.as_deref() == Some("KEN")).unwrap();
        let source_id = items[0]["value"].as_str().unwrap().to_string();
        let saved = post(
            s,
            "/staff/records/membership",
            &editor,
            &[
                ("mechanism_id", &ken.mechanism_id.to_string()),
                ("organization_id", &org.organization_id.to_string()),
                ("role", "member"),
                ("confidence", "sourced"),
                ("note", "Synthetic test membership"),
                ("cite_source", &source_id),
                ("cite_locator", "p. 4"),
            ],
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(s.record_count("membership").await.unwrap(), before + 1);
        let id = saved
            .location
            .unwrap()
            .split('/')
            .nth(4)
            .unwrap()
            .split('?')
            .next()
            .unwrap()
            .to_string();
        let cited = s.citations_for("membership", &id).await.unwrap();
        assert_eq!(cited.len(), 1);
        assert_eq!(cited[0].0.source_id.to_string(), source_id);
        // The saved record's form shows the chosen rows by name, without a search.
        let again = get(s, &format!("/staff/records/membership/{id}"), Some(&editor)).await;
        assert!(
            again
                .body
                .contains(&format!("<option value=\"{}\" selected>", ken.mechanism_id)),
            "{}",
            again.body
        );
        db.finish().await;
    }
}
