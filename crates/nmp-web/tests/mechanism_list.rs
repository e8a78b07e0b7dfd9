//! The mechanism list that the database filters, orders, pages and counts (`nmp_store::lists`)
//! answers what filtering the whole list in memory would: for combinations of filters and pages,
//! the page's rows, the total and every facet count equal those computed here from the unfiltered
//! list, on both engines. The starter dataset is extended with synthetic test mechanisms that
//! exercise the edges: no country, an undated status after a dated one (the undated one is the
//! latest), and a name that sorts differently bytewise than in a language's collation.

mod common;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use common::get;
use nmp_store::entity::{mechanism, mechanism_status};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};
use serde_json::Value;

async fn json(store: &Store, path: &str) -> Value {
    let a = get(store, path, None).await;
    assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.body);
    serde_json::from_str(&a.body).unwrap()
}

/// Adds synthetic test mechanisms: two without a country (one named with a non-ASCII capital,
/// which sorts after `Z` bytewise), whose latest statuses are an undated one recorded after a dated
/// one, and one in Kenya with two dated statuses.
async fn add_edge_cases(store: &Store) {
    let mut w = store.writer("test").await.unwrap();
    let mut add = async |slug: &str, name: &str, country: Option<&str>, statuses: &[(&str, Option<&str>)]| {
        let m = w
            .insert(mechanism::ActiveModel {
                slug: Set(slug.into()),
                name: Set(name.into()),
                country_iso3: Set(country.map(str::to_string)),
                level: Set("regional".into()),
                mechanism_type: Set("committee".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        for (status, on) in statuses {
            w.insert(mechanism_status::ActiveModel {
                mechanism_id: Set(m.mechanism_id),
                status: Set(status.to_string()),
                status_on: Set(on.map(str::to_string)),
                confidence: Set("sourced".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        }
    };
    add(
        "synthetic-eb",
        "Ébauche synthetic test committee",
        None,
        &[("active", Some("2020")), ("dormant", None)],
    )
    .await;
    add(
        "synthetic-z",
        "Zeta synthetic test committee",
        None,
        &[("proposed", Some("2019-05")), ("active", Some("2019-05-01"))],
    )
    .await;
    add(
        "synthetic-ke",
        "Synthetic test committee of Kenya",
        Some("KEN"),
        &[("dissolved", Some("2021")), ("established", Some("2018"))],
    )
    .await;
    w.commit().await.unwrap();
}

/// The values a row has for a filter.
fn value_of(row: &Value, field: &str) -> Option<String> {
    let key = match field {
        "country" => "country_iso3",
        "region" => "un_region",
        "group" => "un_regional_group",
        other => other,
    };
    row[key].as_str().map(str::to_string)
}

const FIELDS: [&str; 6] = ["country", "region", "group", "level", "type", "status"];

#[tokio::test]
async fn pages_of_the_filtered_list_equal_filtering_it_all() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        add_edge_cases(s).await;
        let all = json(s, "/api/v1/mechanisms?limit=1000").await;
        let rows = all["items"].as_array().unwrap().clone();
        assert_eq!(all["total"].as_u64().unwrap() as usize, rows.len());
        assert!(rows.len() > 20, "{}: the starter dataset has mechanisms", db.engine);

        // Ordered by country name (none first), then name, bytewise.
        let keys: Vec<(Option<&str>, &str)> = rows
            .iter()
            .map(|r| (r["country_name"].as_str(), r["name"].as_str().unwrap()))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{}: {keys:?}", db.engine);
        let slugs: Vec<&str> = rows.iter().map(|r| r["slug"].as_str().unwrap()).collect();
        let (eb, z) = (
            slugs.iter().position(|s| *s == "synthetic-eb").unwrap(),
            slugs.iter().position(|s| *s == "synthetic-z").unwrap(),
        );
        assert!(z < eb, "{}: 'Z' sorts before 'É' bytewise", db.engine);
        let status = |slug: &str| rows.iter().find(|r| r["slug"] == slug).unwrap()["status"].clone();
        assert_eq!(
            status("synthetic-eb"),
            "dormant",
            "{}: an undated status is the latest",
            db.engine
        );
        assert_eq!(status("synthetic-z"), "active", "{}: the later date", db.engine);
        assert_eq!(
            status("synthetic-ke"),
            "dissolved",
            "{}: the later date, not the later row",
            db.engine
        );

        let combos: &[&[(&str, &str)]] = &[
            &[],
            &[("region", "africa")],
            &[("region", "africa"), ("status", "active")],
            &[("level", "regional"), ("type", "committee")],
            &[("country", "ken")],
            &[("status", "dormant")],
            &[("group", "african"), ("level", "national")],
        ];
        let mut non_empty = 0;
        for filters in combos {
            let chosen = |row: &Value, except: Option<&str>| {
                filters.iter().all(|(field, want)| {
                    Some(*field) == except || value_of(row, field).is_some_and(|v| v.eq_ignore_ascii_case(want))
                })
            };
            let expected: Vec<&Value> = rows.iter().filter(|r| chosen(r, None)).collect();
            non_empty += usize::from(!expected.is_empty());
            for (limit, offset) in [(1000, 0), (3, 0), (3, 2), (2, 5), (5, 1000)] {
                let mut query: Vec<(&str, String)> = filters.iter().map(|(k, v)| (*k, v.to_string())).collect();
                query.push(("limit", limit.to_string()));
                query.push(("offset", offset.to_string()));
                let q = serde_urlencoded::to_string(&query).unwrap();
                let page = json(s, &format!("/api/v1/mechanisms?{q}")).await;
                let want: Vec<&Value> = expected.iter().skip(offset).take(limit).copied().collect();
                let got: Vec<&Value> = page["items"].as_array().unwrap().iter().collect();
                assert_eq!(got, want, "{}: ?{q}", db.engine);
                assert_eq!(
                    page["total"].as_u64().unwrap() as usize,
                    expected.len(),
                    "{}: ?{q}",
                    db.engine
                );
                assert_eq!(
                    (page["limit"].as_u64(), page["offset"].as_u64()),
                    (Some(limit as u64), Some(offset as u64))
                );
                for field in FIELDS {
                    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
                    for row in rows.iter().filter(|r| chosen(r, Some(field))) {
                        if let Some(v) = value_of(row, field) {
                            *counts.entry(v).or_default() += 1;
                        }
                    }
                    for v in page["facets"][field].as_array().unwrap() {
                        let value = v["value"].as_str().unwrap();
                        let want = counts.remove(value).unwrap_or(0);
                        assert_eq!(
                            v["count"].as_u64().unwrap(),
                            want,
                            "{}: ?{q}: {field}={value}",
                            db.engine
                        );
                    }
                    assert!(counts.is_empty(), "{}: ?{q}: {field} lacks {counts:?}", db.engine);
                }
                let csv = get(s, &format!("/api/v1/mechanisms.csv?{q}"), None).await;
                assert_eq!(csv.status, StatusCode::OK);
                let csv_slugs: Vec<String> = csv::Reader::from_reader(csv.body.as_bytes())
                    .deserialize::<BTreeMap<String, String>>()
                    .map(|r| r.unwrap()["slug"].clone())
                    .collect();
                let want_slugs: Vec<&str> = want.iter().map(|r| r["slug"].as_str().unwrap()).collect();
                assert_eq!(csv_slugs, want_slugs, "{}: .csv?{q}", db.engine);
            }
        }
        assert!(non_empty >= 5, "{}: most combinations select rows", db.engine);

        // The page lists every matching row, with the same counts beside its choices.
        let page = get(s, "/mechanisms?region=africa", None).await;
        assert_eq!(page.status, StatusCode::OK);
        let in_africa = rows.iter().filter(|r| r["un_region"] == "africa").count();
        assert_eq!(
            page.body.matches("href=\"/mechanisms/").count(),
            in_africa,
            "{}",
            db.engine
        );
    }
}
