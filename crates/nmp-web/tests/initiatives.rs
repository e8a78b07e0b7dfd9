//! Initiatives on the public website and the API, and outcome assessments on `/analysis`: the
//! list and its filters, an initiative's page with cited facts, partners and its consensus
//! ratings, the API's list and record, 404s, and that only the consensus of a published edition
//! is shown. The initiative, its kind, organisations, source and assessment rounds are synthetic
//! test records written through the store (labelled so); the starter dataset gives the countries,
//! a mechanism and the editions.

mod common;

use axum::http::StatusCode;
use common::get;
use nmp_core::vocab::AccountRole;
use nmp_store::entity::{
    citation, criterion, criterion_level, framework, initiative, initiative_kind, initiative_partner, organization,
    source,
};
use nmp_store::outcomes::{EvidenceInput, NewRound, RatingInput, Reconciliation};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};
use serde_json::Value;

const SLUG: &str = "synthetic-test-initiative";
const TITLE: &str = "Synthetic training programme (test record)";
const KIND: &str = "synthetic_test_kind";
const MECHANISM: &str = "usa-atrocities-prevention-board";

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// The synthetic initiative in the USA, run by the Atrocities Prevention Board, with a lead, a
/// partner and cited facts. Returns the source slug its facts and evidence cite.
async fn initiative_fixture(store: &Store) {
    let mut w = store.writer("system:test").await.unwrap();
    let kind = w
        .insert(initiative_kind::ActiveModel {
            code: Set(KIND.into()),
            label: Set("Synthetic kind (test)".into()),
            description: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    let org = |slug: &str, name: &str, kind: &str| organization::ActiveModel {
        slug: Set(slug.into()),
        name: Set(name.into()),
        local_name: Set(None),
        acronym: Set(None),
        kind: Set(kind.into()),
        country_iso3: Set(None),
        parent_id: Set(None),
        website: Set(None),
        note: Set(Some("synthetic test record".into())),
        sector: Set(None),
        ..Default::default()
    };
    let lead = w
        .insert(org("synthetic-test-ministry", "Synthetic Ministry (test)", "ministry"))
        .await
        .unwrap();
    let partner = w
        .insert(org(
            "synthetic-test-ngo",
            "Synthetic Civil Society Group (test)",
            "civil_society",
        ))
        .await
        .unwrap();
    let src = w
        .insert(source::ActiveModel {
            slug: Set("synthetic-test-source".into()),
            title: Set("Synthetic test source".into()),
            kind: Set("document".into()),
            author: Set(None),
            publisher: Set(Some("Test suite (synthetic)".into())),
            published_on: Set(Some("2016".into())),
            url: Set(None),
            accessed_on: Set(None),
            language: Set(None),
            note: Set(Some("synthetic".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    let mechanism = store.mechanism_by_slug(MECHANISM).await.unwrap().unwrap();
    let i = w
        .insert(initiative::ActiveModel {
            slug: Set(SLUG.into()),
            country_iso3: Set(Some("USA".into())),
            mechanism_id: Set(Some(mechanism.mechanism_id)),
            initiative_kind_id: Set(kind.initiative_kind_id),
            title: Set(TITLE.into()),
            started_on: Set(Some("2016-03".into())),
            ended_on: Set(None),
            lead_organization_id: Set(Some(lead.organization_id)),
            description: Set(Some("A synthetic record for the web tests.".into())),
            note: Set(Some("Synthetic: not a real initiative.".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    let p = w
        .insert(initiative_partner::ActiveModel {
            initiative_id: Set(i.initiative_id),
            organization_id: Set(partner.organization_id),
            role: Set(Some("co-organiser".into())),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    let cite = |entity: &str, key: i32, field: Option<&str>, locator: &str| citation::ActiveModel {
        source_id: Set(src.source_id),
        entity: Set(entity.into()),
        entity_id: Set(key.to_string()),
        field: Set(field.map(str::to_string)),
        locator: Set(Some(locator.into())),
        quote: Set(None),
        ..Default::default()
    };
    w.insert(cite("initiative", i.initiative_id, None, "p. 1"))
        .await
        .unwrap();
    w.insert(cite("initiative", i.initiative_id, Some("started_on"), "p. 2"))
        .await
        .unwrap();
    w.insert(cite("initiative_partner", p.initiative_partner_id, None, "p. 3"))
        .await
        .unwrap();
    w.commit().await.unwrap();
}

/// A synthetic framework with two criteria of four levels; returns its id.
async fn framework_fixture(store: &Store) -> i32 {
    let mut w = store.writer("system:test").await.unwrap();
    let f = w
        .insert(framework::ActiveModel {
            slug: Set("synthetic-test-framework".into()),
            framework_version: Set(1),
            title: Set("Synthetic framework (test)".into()),
            description: Set(None),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    for (position, (code, label)) in [("institutionalisation", "Institutionalisation"), ("results", "Results")]
        .into_iter()
        .enumerate()
    {
        let c = w
            .insert(criterion::ActiveModel {
                framework_id: Set(f.framework_id),
                code: Set(code.into()),
                position: Set(position as i32 + 1),
                label: Set(label.into()),
                description: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        for (rank, level) in ["Absent", "Emerging", "Established", "Embedded"]
            .into_iter()
            .enumerate()
        {
            w.insert(criterion_level::ActiveModel {
                criterion_id: Set(c.criterion_id),
                rank: Set(rank as i32 + 1),
                label: Set(level.into()),
                descriptor: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        }
    }
    w.commit().await.unwrap();
    f.framework_id
}

fn evidence(locator: &str, quote: &str) -> Vec<EvidenceInput> {
    vec![EvidenceInput {
        source: "synthetic-test-source".into(),
        locator: Some(locator.into()),
        quote: Some(quote.into()),
    }]
}

/// A round of `edition` rating the synthetic initiative and the mechanism, two raters, and the
/// consensus: `ranks` (institutionalisation, results) for the initiative, rank 2 for both of the
/// mechanism's criteria, with `word` in every rationale.
async fn round(store: &Store, framework_id: i32, edition: &str, raters: &[i32], ranks: (i32, i32), word: &str) {
    let mut w = store.writer("system:test").await.unwrap();
    let round_id = w
        .open_round(
            &NewRound {
                countries: Vec::new(),
                assessed_on: None,
                edition: edition.into(),
                framework_id,
                title: format!("Synthetic round {edition} (test)"),
                due_on: "2030-01-31".into(),
                note: None,
                initiatives: vec![SLUG.into()],
                mechanisms: vec![MECHANISM.into()],
                raters: raters.to_vec(),
            },
            None,
        )
        .await
        .unwrap();
    w.commit().await.unwrap();
    let view = store.round_view(round_id).await.unwrap().unwrap();
    let level = |criterion: usize, rank: i32| {
        let c = &view.framework.criteria[criterion];
        (
            c.row.criterion_id,
            c.levels.iter().find(|l| l.rank == rank).unwrap().criterion_level_id,
        )
    };
    for t in &view.targets {
        let wanted = if t.slug == SLUG { [ranks.0, ranks.1] } else { [2, 2] };
        let mut w = store.writer("system:test").await.unwrap();
        for rater in raters {
            let inputs: Vec<RatingInput> = (0..2)
                .map(|c| {
                    let (criterion_id, level_id) = level(c, wanted[c]);
                    RatingInput {
                        trend: None,
                        criterion_id,
                        level_id: Some(level_id),
                        rationale: format!("Rater's reason ({word})"),
                        evidence: evidence("p. 9", "a rater's quote"),
                    }
                })
                .collect();
            w.submit_ratings(t.row.round_target_id, *rater, &inputs).await.unwrap();
        }
        for (c, rank) in wanted.iter().enumerate() {
            let (criterion_id, level_id) = level(c, *rank);
            w.reconcile(
                &Reconciliation {
                    trend: None,
                    round_target_id: t.row.round_target_id,
                    criterion_id,
                    level_id: Some(level_id),
                    rationale: format!("Consensus reason {c} ({word})"),
                    evidence: evidence(&format!("p. {}", 10 + c), "the consensus quote"),
                    base_version: None,
                },
                None,
            )
            .await
            .unwrap();
        }
        w.commit().await.unwrap();
    }
}

/// Two synthetic raters' account ids.
async fn raters(store: &Store) -> Vec<i32> {
    let mut ids = Vec::new();
    for (email, role) in [
        ("rater1@example.org", AccountRole::Researcher),
        ("rater2@example.org", AccountRole::Student),
    ] {
        ids.push(
            store
                .create_account("system:test", email, "Synthetic rater (test)", role)
                .await
                .unwrap()
                .account_id,
        );
    }
    ids
}

#[tokio::test]
async fn the_list_and_the_page_show_an_initiative_with_cited_facts_and_partners() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        initiative_fixture(s).await;

        let list = get(s, "/initiatives", None).await;
        assert_eq!(list.status, StatusCode::OK, "{engine}");
        assert!(
            list.body.contains(&format!("href=\"/initiatives/{SLUG}\"")),
            "{}",
            list.body
        );
        for expected in [
            TITLE,
            "Synthetic kind (test)",
            "United States of America",
            "2016-03",
            "Synthetic Ministry (test)",
        ] {
            assert!(list.body.contains(expected), "{engine}: the list lacks {expected}");
        }
        assert!(
            list.body.contains("<option value=\"synthetic_test_kind\">"),
            "the kinds filter"
        );
        assert!(list.body.contains("<option value=\"USA\">"), "the country filter");
        assert!(
            list.body.contains("href=\"/initiatives\">Initiatives</a>"),
            "the site's navigation"
        );

        // The filters: by kind and country (both ways), and a bad kind is a 400 naming it.
        let by_kind = get(s, &format!("/initiatives?kind={KIND}&country=usa"), None).await;
        assert!(
            by_kind.body.contains(TITLE) && by_kind.body.contains("1 initiative."),
            "{}",
            by_kind.body
        );
        assert!(by_kind.body.contains("<option value=\"synthetic_test_kind\" selected>"));
        let elsewhere = get(s, &format!("/initiatives?kind={KIND}&country=KEN"), None).await;
        assert!(!elsewhere.body.contains(TITLE) && elsewhere.body.contains("0 initiatives."));
        let other_region = get(s, "/initiatives?region=africa", None).await;
        assert!(!other_region.body.contains(TITLE), "the USA is in the Americas");
        let bad = get(s, "/initiatives?kind=nonsense", None).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.body.contains(KIND), "the message lists the kinds: {}", bad.body);

        // The page: every fact, its notes, the partner with its role, the mechanism link.
        let page = get(s, &format!("/initiatives/{SLUG}"), None).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}");
        for expected in [
            format!("<h1>{TITLE}"),
            "Synthetic kind (test)".into(),
            "href=\"/countries/usa\"".into(),
            "2016-03<sup class=\"cite\"><a href=\"#note-2\"".into(),
            "no end recorded".into(),
            "Synthetic Ministry (test)".into(),
            format!("href=\"/mechanisms/{MECHANISM}\""),
            "A synthetic record for the web tests.".into(),
            "Synthetic Civil Society Group (test)".into(),
            "co-organiser".into(),
            "Civil society organisation".into(),
            "Synthetic: not a real initiative.".into(),
            "id=\"note-3\"".into(),
            "Synthetic test source".into(),
            "No published assessment yet.".into(),
        ] {
            assert!(
                page.body.contains(&expected),
                "{engine}: the page lacks {expected}: {}",
                page.body
            );
        }
        assert!(!page.body.contains("id=\"note-4\""), "three citations, three notes");
        assert_eq!(page.body.matches("<h1").count(), 1, "one h1");

        // Linked from its mechanism and its country.
        let mech = get(s, &format!("/mechanisms/{MECHANISM}"), None).await;
        assert!(
            mech.body.contains(&format!("href=\"/initiatives/{SLUG}\"")),
            "{engine}: mechanism page"
        );
        let country = get(s, "/countries/usa", None).await;
        assert!(
            country.body.contains(&format!("href=\"/initiatives/{SLUG}\"")),
            "{engine}: country page"
        );
        let other = get(s, "/countries/ago", None).await;
        assert!(
            other.body.contains("No initiative is recorded for Angola."),
            "{}",
            other.body
        );

        // An unknown initiative: the 404 page.
        let missing = get(s, "/initiatives/no-such-initiative", None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.body.contains("There is no initiative"), "{}", missing.body);
        db.finish().await;
    }
}

#[tokio::test]
async fn the_api_lists_and_gives_an_initiative_with_its_partners_and_notes() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        initiative_fixture(s).await;

        let list = json(&get(s, &format!("/api/v1/initiatives?kind={KIND}"), None).await.body);
        assert_eq!(list["total"], 1, "{engine}: {list}");
        assert_eq!((list["limit"].as_u64(), list["offset"].as_u64()), (Some(100), Some(0)));
        let item = &list["items"][0];
        assert_eq!(item["slug"], SLUG);
        assert_eq!(item["title"], TITLE);
        assert_eq!(item["kind"], KIND);
        assert_eq!(item["country_iso3"], "USA");
        assert_eq!(item["un_region"], "americas");
        assert_eq!(item["mechanism"], MECHANISM);
        assert_eq!(item["lead_organization"], "synthetic-test-ministry");
        assert_eq!(item["started_on"], "2016-03");
        assert!(item["ended_on"].is_null());
        assert_eq!(
            (item["partner_count"].as_u64(), item["citation_count"].as_u64()),
            (Some(1), Some(2))
        );
        let by_mechanism = json(
            &get(s, &format!("/api/v1/initiatives?mechanism={MECHANISM}"), None)
                .await
                .body,
        );
        assert!(
            by_mechanism["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["slug"] == SLUG)
        );
        let none = json(
            &get(s, &format!("/api/v1/initiatives?kind={KIND}&region=europe"), None)
                .await
                .body,
        );
        assert_eq!(none["total"], 0);
        let paged = json(&get(s, "/api/v1/initiatives?limit=1&offset=0", None).await.body);
        assert_eq!(paged["items"].as_array().unwrap().len(), 1);

        // CSV, by path and by parameter.
        let csv = get(s, &format!("/api/v1/initiatives.csv?kind={KIND}"), None).await;
        assert_eq!(csv.status, StatusCode::OK);
        let mut lines = csv.body.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("slug,title,kind,kind_label,country_iso3"),
            "{}",
            csv.body
        );
        assert!(lines.next().unwrap().starts_with(&format!("{SLUG},{TITLE},{KIND}")));
        assert!(
            get(s, &format!("/api/v1/initiatives?kind={KIND}&format=csv"), None)
                .await
                .body
                .starts_with("slug,")
        );

        // Bad parameters: 400 naming the parameter.
        for (query, field) in [
            ("kind=nonsense", "kind"),
            ("region=mars", "region"),
            ("colour=red", "colour"),
            ("limit=0", "limit"),
        ] {
            let a = get(s, &format!("/api/v1/initiatives?{query}"), None).await;
            assert_eq!(a.status, StatusCode::BAD_REQUEST, "{query}");
            let e = json(&a.body);
            assert_eq!(
                (e["error"]["code"].as_str(), e["error"]["field"].as_str()),
                (Some("bad_parameter"), Some(field))
            );
        }

        // One record: its facts, partners, citations with numbered notes, and no ratings yet.
        let one = json(&get(s, &format!("/api/v1/initiatives/{SLUG}"), None).await.body);
        let i = &one["initiative"];
        assert_eq!(i["slug"], SLUG);
        assert_eq!(i["description"], "A synthetic record for the web tests.");
        assert_eq!(i["lead"]["slug"], "synthetic-test-ministry");
        assert_eq!(i["partners"][0]["organization"]["slug"], "synthetic-test-ngo");
        assert_eq!(i["partners"][0]["role"], "co-organiser");
        assert_eq!(i["partners"][0]["cites"][0]["note"], 3);
        let cites = i["cites"].as_array().unwrap();
        assert_eq!(cites.len(), 2);
        assert!(
            cites
                .iter()
                .any(|c| c["field"] == "started_on" && c["source"] == "synthetic-test-source")
        );
        assert_eq!(one["notes"].as_array().unwrap().len(), 3);
        assert_eq!(one["notes"][1]["locator"], "p. 2");
        assert_eq!(i["ratings"], serde_json::json!([]));

        // Unknown: 404 in the API's error shape.
        let missing = get(s, "/api/v1/initiatives/no-such-initiative", None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        let e = json(&missing.body);
        assert_eq!(e["error"]["code"], "not_found");
        assert!(e["error"]["message"].as_str().unwrap().contains("no-such-initiative"));

        // The OpenAPI document describes both endpoints and their types.
        let doc = json(&get(s, "/api/openapi.json", None).await.body);
        for p in ["/api/v1/initiatives", "/api/v1/initiatives/{slug}"] {
            assert!(doc["paths"].get(p).is_some(), "OpenAPI lacks {p}");
        }
        for schema in [
            "InitiativeItem",
            "InitiativeDetail",
            "RatingView",
            "InitiativeWithNotes",
        ] {
            assert!(
                doc["components"]["schemas"].get(schema).is_some(),
                "OpenAPI lacks {schema}"
            );
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn only_the_consensus_of_a_published_edition_shows_on_the_page_the_api_and_analysis() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();

        // Nothing published: the analysis says so instead of drawing empty charts.
        let analysis = get(s, "/analysis", None).await;
        assert_eq!(analysis.status, StatusCode::OK);
        assert!(
            analysis.body.contains("No outcome assessments are published yet."),
            "{engine}"
        );
        assert!(!analysis.body.contains("outcome-levels-"));
        assert!(
            analysis.body.contains("<title>Analysis · NMP</title>"),
            "{engine}: the title is text"
        );
        assert_eq!(
            analysis.body.matches("<h2 id=\"outcomes\">").count(),
            1,
            "one outcomes section"
        );

        initiative_fixture(s).await;
        let framework_id = framework_fixture(s).await;
        let raters = raters(s).await;
        round(s, framework_id, "2017", &raters, (3, 2), "edition-2017").await;
        round(s, framework_id, "2018", &raters, (4, 1), "edition-2018").await;

        // Reconciled in both, published in neither: nothing shows.
        let page = get(s, &format!("/initiatives/{SLUG}"), None).await;
        assert!(page.body.contains("No published assessment yet."), "{engine}");
        assert!(!page.body.contains("edition-2017") && !page.body.contains("edition-2018"));
        assert!(
            get(s, "/analysis", None)
                .await
                .body
                .contains("No outcome assessments are published yet.")
        );

        // 2017 published, 2018 not.
        nmp_report::publish::publish(s, "2017", "system:test").await.unwrap();
        let page = get(s, &format!("/initiatives/{SLUG}"), None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("No published assessment yet."), "{engine}");
        for expected in [
            "Consensus reason 0 (edition-2017)",
            "Consensus reason 1 (edition-2017)",
            "Institutionalisation",
            "<strong>Established</strong>",
            "3 of 4",
            "<strong>Emerging</strong>",
            "2 of 4",
            "the consensus quote",
            "framework synthetic-test-framework v1",
        ] {
            assert!(
                page.body.contains(expected),
                "{engine}: the page lacks {expected}: {}",
                page.body
            );
        }
        for hidden in ["edition-2018", "Embedded", "Rater's reason", "a rater's quote"] {
            assert!(!page.body.contains(hidden), "{engine}: the page shows {hidden}");
        }
        // The evidence is numbered with the facts' notes: p. 10 and p. 11 after the three citations.
        assert!(page.body.contains("id=\"note-4\"") && page.body.contains("id=\"note-5\""));
        assert!(!page.body.contains("id=\"note-6\""));

        let one = json(&get(s, &format!("/api/v1/initiatives/{SLUG}"), None).await.body);
        let ratings = one["initiative"]["ratings"].as_array().unwrap();
        assert_eq!(ratings.len(), 2, "{engine}: two criteria of 2017 only: {one}");
        assert!(ratings.iter().all(|r| r["edition"] == "2017"));
        let inst = ratings
            .iter()
            .find(|r| r["criterion"] == "institutionalisation")
            .unwrap();
        assert_eq!((inst["rank"].as_i64(), inst["of"].as_i64()), (Some(3), Some(4)));
        assert_eq!(inst["level"], "Established");
        assert_eq!(inst["rationale"], "Consensus reason 0 (edition-2017)");
        assert_eq!(inst["evidence"][0]["source"], "synthetic-test-source");
        assert_eq!(inst["evidence"][0]["locator"], "p. 10");
        assert_eq!(inst["evidence"][0]["quote"], "the consensus quote");
        assert_eq!(inst["evidence"][0]["note"], 4);
        assert!(
            !one.to_string().contains("Rater's reason"),
            "individual ratings stay internal"
        );

        // The analysis: levels by criterion and region for 2017 (the latest published as of
        // 2018); no change yet, since 2018 is not published.
        let analysis = get(s, "/analysis", None).await;
        assert!(
            !analysis.body.contains("No outcome assessments are published yet."),
            "{engine}"
        );
        assert!(
            analysis
                .body
                .contains("Institutionalisation: consensus levels by UN region (edition 2017)")
        );
        assert!(
            analysis
                .body
                .contains("Change between editions is shown once a target has been assessed")
        );
        let csv = get(s, "/analysis/figures/outcome-levels-institutionalisation.csv", None).await;
        assert_eq!(csv.status, StatusCode::OK, "{engine}");
        assert_eq!(
            csv.body.lines().collect::<Vec<_>>(),
            [
                "region,Absent (1 of 4),Emerging (2 of 4),Established (3 of 4),Embedded (4 of 4),targets assessed",
                "Americas,0,1,1,0,2"
            ],
            "{engine}: the mechanism at 2, the initiative at 3"
        );
        let svg = get(s, "/analysis/figures/outcome-levels-results.svg", None).await;
        assert_eq!(svg.status, StatusCode::OK);
        assert!(svg.body.starts_with("<svg") && svg.body.contains("role=\"img\""));
        assert_eq!(
            get(s, "/analysis/figures/outcome-change.csv", None).await.status,
            StatusCode::NOT_FOUND
        );
        let before = get(s, "/analysis?edition=2015", None).await;
        assert!(
            before
                .body
                .contains("No outcome assessments are published as of edition 2015."),
            "{engine}"
        );

        // 2018 published too: its ratings join, newest first, and the change is drawn.
        nmp_report::publish::publish(s, "2018", "system:test").await.unwrap();
        let one = json(&get(s, &format!("/api/v1/initiatives/{SLUG}"), None).await.body);
        let editions: Vec<&str> = one["initiative"]["ratings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["edition"].as_str().unwrap())
            .collect();
        assert_eq!(editions, ["2018", "2018", "2017", "2017"], "{engine}");
        let change = get(s, "/analysis/figures/outcome-change.csv", None).await;
        assert_eq!(change.status, StatusCode::OK);
        assert_eq!(
            change.body.lines().collect::<Vec<_>>(),
            [
                "from edition,to edition,criterion,moved up,stayed,moved down",
                "2017,2018,Institutionalisation,1,1,0",
                "2017,2018,Results,0,1,1",
            ],
            "{engine}: the initiative 3 → 4 and 2 → 1, the mechanism 2 → 2 twice"
        );
        db.finish().await;
    }
}
