//! The web layer on the seeded starter dataset: health, the home page, errors.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use nmp_store::testing::{TestDb, engines};
use tower::ServiceExt;

async fn get(db: &TestDb, path: &str) -> (StatusCode, String, String) {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let response = app
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, content_type, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn healthz_reports_engine_schema_and_counts() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let (status, content_type, body) = get(&db, "/healthz").await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("application/json"));
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["status"], "ok");
        assert_eq!(json["engine"], db.engine);
        assert!(json["schema_version"].as_u64().unwrap() >= 2, "every migration applied");
        assert_eq!(json["counts"]["countries"], 195);
        assert!(json["counts"]["mechanisms"].as_u64().unwrap() >= 12);
        assert!(json["counts"]["citations"].as_u64().unwrap() >= json["counts"]["mechanisms"].as_u64().unwrap());
        db.finish().await;
    }
}

#[tokio::test]
async fn home_lists_the_countries_that_have_a_mechanism_and_escapes_text() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let (status, content_type, body) = get(&db, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    for expected in ["Kenya", "Paraguay", "Zambia", "Atrocities Prevention Board"] {
        assert!(body.contains(expected), "home page lacks {expected}");
    }
    let table = &body[body
        .find("aria-labelledby=\"with-mechanisms\"")
        .expect("the list of states")..];
    assert!(
        table.contains("href=\"/countries/ken\"") && !table.contains("href=\"/countries/ago\""),
        "Angola has no mechanism in the starter dataset (the map above links every country)"
    );
    assert!(
        body.contains("l&#39;humanit") || body.contains("l&#x27;humanit"),
        "apostrophes are escaped"
    );
    db.finish().await;
}

#[tokio::test]
async fn unknown_paths_get_a_404_page_and_the_stylesheet_is_served() {
    let db = engines().await.remove(0);
    let (status, _, body) = get(&db, "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("There is no page at /no/such/page."));
    let (status, content_type, css) = get(&db, "/static/nmp.css").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/css") && css.contains("@media print"));
    db.finish().await;
}

#[tokio::test]
async fn every_page_type_renders_the_starter_data_with_numbered_sources() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let pages: &[(&str, &[&str])] = &[
        (
            "/countries",
            &["Kenya", "Holy See", "observer state", "Download as CSV"],
        ),
        ("/countries?region=africa&has_mechanism=yes", &["Kenya", "Zambia"]),
        (
            "/countries/cod",
            &["Décret", "18/058", "2014-12-05", "id=\"note-1\"", "href=\"#note-1\""],
        ),
        ("/countries/ago", &["No mechanism is recorded for Angola"]),
        ("/mechanisms", &["Atrocities Prevention Board", "Status"]),
        (
            "/mechanisms/usa-atrocities-prevention-board",
            &["<h1", "Members", "Presidential directive", "id=\"note-1\""],
        ),
        (
            "/initiatives",
            &["<h1>Initiatives</h1>", "Download as CSV", "Filter initiatives"],
        ),
        ("/networks", &["Latin American Network"]),
        (
            "/networks/latin-american-network",
            &["Founding member", "2012-03-29", "Argentina"],
        ),
        ("/editions", &["Pursuing Institutionalization of the Prevention Agenda"]),
        (
            "/editions/2017",
            &["Part I", "New and Emerging", "Yiliao Wang", "South Sudan"],
        ),
        ("/sources", &["id=\"source-", "Cited by"]),
        (
            "/about",
            &["What counts as a national mechanism", "How to cite", "Risk assessment"],
        ),
        ("/data", &["/api/v1/countries", "datapackage.json"]),
    ];
    for (path, expected) in pages {
        let (status, content_type, body) = get(&db, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(content_type.starts_with("text/html"), "{path}");
        for e in *expected {
            assert!(body.contains(e), "{path} lacks {e:?}");
        }
        assert_eq!(body.matches("<h1").count(), 1, "{path} has exactly one h1");
    }
    let (status, _, body) = get(&db, "/countries?region=mars").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("region") && body.contains("africa, americas"),
        "the 400 page names the parameter"
    );
    let (status, _, _) = get(&db, "/countries/xyz").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    db.finish().await;
}

#[tokio::test]
async fn each_edition_has_its_data_package_at_a_stable_url() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let (status, content_type, body) = get(&db, "/editions/2017/datapackage.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("application/json"));
    let descriptor: serde_json::Value = serde_json::from_str(&body).unwrap();
    let resources = descriptor["resources"].as_array().unwrap();
    assert!(resources.len() >= 10);
    for r in resources {
        let path = r["path"].as_str().unwrap();
        let (status, content_type, csv) = get(&db, &format!("/editions/2017/{path}")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(content_type.starts_with("text/csv"), "{path}");
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields, "{path}: CSV header matches its schema");
    }
    assert_eq!(
        get(&db, "/editions/1999/datapackage.json").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&db, "/editions/2017/secrets.csv").await.0, StatusCode::NOT_FOUND);
    db.finish().await;
}
