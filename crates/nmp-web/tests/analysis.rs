//! The analysis bench on the starter dataset: the page, its figures and downloads, the indicator
//! API, the comparison page, and the high-risk table over a small synthetic risk dataset.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use nmp_store::entity::{dataset, indicator, observation};
use nmp_store::testing::{TestDb, engines};
use nmp_store::{NotSet, Set};
use tower::ServiceExt;

async fn get(db: &TestDb, path: &str) -> (StatusCode, String, Vec<u8>) {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let response = app
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (
        status,
        content_type,
        response.into_body().collect().await.unwrap().to_bytes().to_vec(),
    )
}

async fn seeded() -> TestDb {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    db
}

/// A synthetic "ewp-2099" dataset (test data, not EWP's): ranks for four states.
async fn synthetic_risk(db: &TestDb) {
    let mut w = db.store.writer("test").await.unwrap();
    let ds = w
        .insert(dataset::ActiveModel {
            slug: Set("ewp-2099".into()),
            title: Set("Synthetic risk data for tests".into()),
            publisher: Set("Test suite (synthetic)".into()),
            dataset_version: Set(None),
            url: Set(None),
            licence: Set(None),
            file_name: Set(None),
            file_sha256: Set(None),
            note: Set(Some("synthetic".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    let mut ids = Vec::new();
    for code in ["rank_2yr", "risk_2yr"] {
        let i = w
            .insert(indicator::ActiveModel {
                dataset_id: Set(ds.dataset_id),
                code: Set(code.into()),
                label: Set(code.into()),
                unit: Set(None),
                description: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        ids.push(i.indicator_id);
    }
    let rows: Vec<observation::ActiveModel> = [
        ("KEN", 1.0, 0.12),
        ("AGO", 2.0, 0.10),
        ("AFG", 3.0, 0.08),
        ("ISL", 90.0, 0.001),
    ]
    .into_iter()
    .flat_map(|(iso, rank, risk)| {
        [(ids[0], rank), (ids[1], risk)].map(|(indicator_id, value)| observation::ActiveModel {
            observation_id: NotSet,
            indicator_id: Set(indicator_id),
            country_iso3: Set(iso.into()),
            year: Set(2099),
            value: Set(value),
        })
    })
    .collect();
    w.insert_many(rows, "dataset:ewp-2099", serde_json::json!({}))
        .await
        .unwrap();
    w.commit().await.unwrap();
}

#[tokio::test]
async fn the_analysis_page_shows_indicators_figures_and_their_data() {
    let db = seeded().await;
    let (status, _, body) = get(&db, "/analysis?edition=2017").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert!(html.matches("<svg").count() >= 5, "five figures or more");
    assert!(html.contains("States with a national mechanism") && html.contains("All-of-government breadth"));
    assert!(html.contains("No Early Warning Project risk assessment has been imported"));
    assert!(!html.contains("nmp import"), "no command line on a public page");
    for (file, kind) in [
        ("by-region.svg", "image/svg+xml"),
        ("map-status.svg", "image/svg+xml"),
        ("functions.csv", "text/csv"),
        ("by-status.png", "image/png"),
    ] {
        let (status, content_type, bytes) = get(&db, &format!("/analysis/figures/{file}?edition=2017")).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assert!(content_type.starts_with(kind), "{file}: {content_type}");
        assert!(!bytes.is_empty());
    }
    let (_, _, png) = get(&db, "/analysis/figures/by-region.png").await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(get(&db, "/analysis?edition=1999").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(get(&db, "/analysis/figures/nope.svg").await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        get(&db, "/analysis/figures/by-region.gif").await.0,
        StatusCode::NOT_FOUND
    );
    db.finish().await;
}

#[tokio::test]
async fn the_indicator_api_matches_the_store_and_changes_between_editions() {
    let db = seeded().await;
    let (status, _, body) = get(&db, "/api/v1/indicators?edition=2018").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let a = &json["analysis"];
    assert_eq!(a["edition"]["slug"], "2018");
    assert_eq!(a["previous"]["slug"], "2017");
    let states = a["indicators"]["states_with_mechanism"]["count"].as_u64().unwrap();
    assert!(states >= 10, "{states}");
    assert_eq!(a["indicators"]["states_with_mechanism"]["of"], 195);
    let regions: u64 = a["indicators"]["by_region"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["with_mechanism"]["count"].as_u64().unwrap())
        .sum();
    assert_eq!(regions, states, "regions add up to the total");
    let all: serde_json::Value = serde_json::from_slice(&get(&db, "/api/v1/indicators?edition=all").await.2).unwrap();
    assert!(
        all["analysis"]["indicators"]["states_with_mechanism"]["count"]
            .as_u64()
            .unwrap()
            >= states,
        "all data ⊇ 2018"
    );
    let early: serde_json::Value =
        serde_json::from_slice(&get(&db, "/api/v1/indicators?edition=2015").await.2).unwrap();
    let early_states = early["analysis"]["indicators"]["states_with_mechanism"]["count"]
        .as_u64()
        .unwrap();
    assert!(
        early_states <= states,
        "mechanisms accumulate: 2015 {early_states} <= 2018 {states}"
    );
    assert_eq!(
        get(&db, "/api/v1/indicators?edition=x").await.0,
        StatusCode::BAD_REQUEST
    );
    db.finish().await;
}

#[tokio::test]
async fn the_high_risk_table_tells_mechanism_network_or_neither() {
    let db = seeded().await;
    assert_eq!(
        get(&db, "/api/v1/high-risk").await.0,
        StatusCode::NOT_FOUND,
        "nothing imported yet"
    );
    synthetic_risk(&db).await;
    let (status, _, body) = get(&db, "/api/v1/high-risk").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let rows = json["items"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "ISL is ranked 90, outside the top 30");
    let category = |iso: &str| {
        rows.iter().find(|r| r["iso3"] == iso).unwrap()["category"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(category("KEN"), "mechanism");
    assert_eq!(
        category("AGO"),
        "network only",
        "Angola is in the ICGLR but has no mechanism"
    );
    assert_eq!(category("AFG"), "neither");
    assert_eq!(rows[0]["rank"], 1);
    let html = String::from_utf8(get(&db, "/analysis").await.2).unwrap();
    assert!(
        html.contains(
            "1 have a national mechanism, 1 belong to a prevention network but have no mechanism, and 1 have neither"
        ),
        "the page states the answer"
    );
    assert!(html.contains("map-high-risk"));
    let (_, _, csv) = get(&db, "/api/v1/high-risk?format=csv").await;
    assert_eq!(String::from_utf8(csv).unwrap().lines().count(), 4);

    // Any imported indicator has its own map page with downloads.
    let (status, _, page) = get(&db, "/datasets/ewp-2099/risk_2yr").await;
    assert_eq!(status, StatusCode::OK);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<svg") && page.contains("Kenya"), "map and table");
    let (_, content_type, csv) = get(&db, "/datasets/ewp-2099/risk_2yr/data.csv").await;
    assert!(content_type.starts_with("text/csv"));
    assert_eq!(
        String::from_utf8(csv).unwrap().lines().count(),
        5,
        "header and four states"
    );
    let (_, content_type, _) = get(&db, "/datasets/ewp-2099/risk_2yr/map.png").await;
    assert_eq!(content_type, "image/png");
    assert_eq!(get(&db, "/datasets/ewp-2099/nope").await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        get(&db, "/datasets/ewp-2099/risk_2yr/map.gif").await.0,
        StatusCode::NOT_FOUND
    );
    let (_, _, datasets) = get(&db, "/datasets").await;
    assert!(
        String::from_utf8(datasets)
            .unwrap()
            .contains("/datasets/ewp-2099/rank_2yr")
    );
    db.finish().await;
}

#[tokio::test]
async fn compare_puts_two_to_five_countries_side_by_side() {
    let db = seeded().await;
    let (status, _, body) = get(&db, "/compare?countries=ken,tza,uga").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    for name in ["Kenya", "United Republic of Tanzania", "Uganda"] {
        assert!(html.contains(name), "{name}");
    }
    assert_eq!(get(&db, "/compare?countries=ken").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(
        get(&db, "/compare?countries=ken,tza,uga,bdi,rwa,cod").await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(get(&db, "/compare?countries=ken,xyz").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(get(&db, "/compare").await.0, StatusCode::OK, "an empty form");
    let (status, _, _) = get(&db, "/datasets").await;
    assert_eq!(status, StatusCode::OK);
    db.finish().await;
}
