//! The web layer on the seeded starter dataset: health, the home page, errors.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use nmp_store::testing::{TestDb, engines};
use tower::ServiceExt;

async fn get(db: &TestDb, path: &str) -> (StatusCode, String, String) {
    let app = nmp_web::router(nmp_web::AppState {
        store: db.store.clone(),
    });
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
        assert_eq!(json["schema_version"], 1);
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
    assert!(
        !body.contains("Burundi"),
        "Burundi has no mechanism in the starter dataset"
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
