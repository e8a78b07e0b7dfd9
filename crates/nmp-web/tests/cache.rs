//! The read cache: a public answer is served again until a write; this process's writes show at
//! once, other processes' writes once the audit head is read; signed-in requests and `/healthz`
//! are never cached; `If-None-Match` gets a `304` from the cache.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use nmp_store::Store;
use nmp_store::entity::mechanism;
use nmp_store::testing::engines;
use tower::ServiceExt;

const LIST: &str = "/api/v1/mechanisms?region=africa&limit=50";

async fn get(app: &Router, path: &str, headers: &[(header::HeaderName, &str)]) -> (StatusCode, String, Option<String>) {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    let response = app.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let etag = response
        .headers()
        .get(header::ETAG)
        .map(|v| v.to_str().unwrap().to_string());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned(), etag)
}

async fn rename(store: &Store, slug: &str, name: &str) {
    let m = store.mechanism_by_slug(slug).await.unwrap().unwrap();
    let mut w = store.writer("test").await.unwrap();
    let name = name.to_string();
    w.update::<mechanism::Entity>(m.mechanism_id, m.version, move |row| {
        row.name = nmp_store::Set(name);
    })
    .await
    .unwrap();
    w.commit().await.unwrap();
}

fn app(store: &Store, check_every: Duration) -> Router {
    nmp_web::router_with_cache_check(nmp_web::AppState::new(store.clone()), check_every)
}

#[tokio::test]
async fn a_write_in_this_process_invalidates_at_once() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let app = app(&db.store, Duration::from_secs(3600));
        let (status, first, etag) = get(&app, LIST, &[]).await;
        assert_eq!(status, StatusCode::OK, "{}", db.engine);
        assert!(first.contains("\"citation_count\":"), "{first}");
        let (_, again, _) = get(&app, LIST, &[]).await;
        assert_eq!(again, first);
        let (status, body, _) = get(&app, LIST, &[(header::IF_NONE_MATCH, etag.as_deref().unwrap())]).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert!(body.is_empty());

        rename(&db.store, "cod-national-committee", "Renamed committee").await;
        let (_, after, etag_after) = get(&app, LIST, &[]).await;
        assert!(after.contains("Renamed committee"), "{after}");
        assert_ne!(etag_after, etag);
        let (status, _, _) = get(&app, LIST, &[(header::IF_NONE_MATCH, etag.as_deref().unwrap())]).await;
        assert_eq!(status, StatusCode::OK, "the old ETag no longer matches");
    }
}

#[tokio::test]
async fn another_process_write_shows_once_the_audit_head_is_read() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let other = db.reopen().await;
        // Never re-read the head: the cached answer stays, which shows that it is cached.
        let lazy = app(&db.store, Duration::from_secs(3600));
        // Read the head on every request.
        let eager = app(&db.store, Duration::ZERO);
        let (_, lazy_before, _) = get(&lazy, LIST, &[]).await;
        let (_, eager_before, _) = get(&eager, LIST, &[]).await;
        assert_eq!(lazy_before, eager_before);

        rename(&other, "cod-national-committee", "Changed elsewhere").await;
        let (_, lazy_after, _) = get(&lazy, LIST, &[]).await;
        assert_eq!(lazy_after, lazy_before, "{}: served from the cache", db.engine);
        let (_, eager_after, _) = get(&eager, LIST, &[]).await;
        assert!(eager_after.contains("Changed elsewhere"), "{}", db.engine);
        // The lazy cache shares the store's generation, which the eager check moved.
        let (_, lazy_now, _) = get(&lazy, LIST, &[]).await;
        assert!(lazy_now.contains("Changed elsewhere"));
    }
}

#[tokio::test]
async fn signed_in_requests_and_health_are_not_cached() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let other = db.reopen().await;
        let app = app(&db.store, Duration::from_secs(3600));
        get(&app, LIST, &[]).await;
        let (_, health_before, _) = get(&app, "/healthz", &[]).await;
        rename(&other, "cod-national-committee", "Seen by a signed-in reader").await;
        let (_, with_cookie, _) = get(&app, LIST, &[(header::COOKIE, "nmp_session=x")]).await;
        assert!(with_cookie.contains("Seen by a signed-in reader"), "{}", db.engine);
        let (_, health_after, _) = get(&app, "/healthz", &[]).await;
        assert_ne!(health_before, health_after, "audit event count moved");
    }
}
