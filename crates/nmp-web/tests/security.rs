//! Security headers on every kind of answer: a public page, the API (JSON and CSV), the style
//! sheet, a 404, a staff redirect, a refused POST, a workspace page and a sign-in page; and
//! HSTS only behind TLS. On the seeded starter dataset (SQLite; the headers do not depend on the
//! engine).

mod common;

use axum::body::Body;
use axum::http::{Request, header};
use common::staff;
use nmp_core::vocab::AccountRole;
use nmp_store::testing::engines;
use tower::ServiceExt;

fn check(what: &str, headers: &axum::http::HeaderMap) {
    let value = |name: header::HeaderName| {
        headers
            .get(&name)
            .unwrap_or_else(|| panic!("{what}: no {name}"))
            .to_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        value(header::CONTENT_SECURITY_POLICY),
        nmp_web::security::CONTENT_SECURITY_POLICY,
        "{what}"
    );
    assert!(!value(header::CONTENT_SECURITY_POLICY).contains("unsafe-inline"));
    assert!(value(header::CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'"));
    assert_eq!(value(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{what}");
    assert_eq!(value(header::X_FRAME_OPTIONS), "DENY", "{what}");
    assert!(!value(header::REFERRER_POLICY).is_empty(), "{what}");
    assert!(
        headers.get(header::STRICT_TRANSPORT_SECURITY).is_none(),
        "{what}: HSTS without TLS"
    );
}

async fn headers_of(store: &nmp_store::Store, path: &str, forwarded_https: bool) -> axum::http::HeaderMap {
    headers_as(store, path, forwarded_https, None).await
}

async fn headers_as(
    store: &nmp_store::Store,
    path: &str,
    forwarded_https: bool,
    session: Option<&common::Session>,
) -> axum::http::HeaderMap {
    let app = nmp_web::router(common::state(store));
    let mut request = Request::builder().uri(path);
    if forwarded_https {
        request = request.header("x-forwarded-proto", "https");
    }
    if let Some(s) = session {
        request = request.header(header::COOKIE, format!("nmp_session={}", s.token));
    }
    let response = app.oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    response.headers().clone()
}

#[tokio::test]
async fn every_kind_of_answer_carries_the_security_headers() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    for path in [
        "/",
        "/mechanisms/ken-national-committee",
        "/initiatives",
        "/api/v1/mechanisms",
        "/api/v1/mechanisms.csv",
        "/static/nmp.css",
        "/no-such-page",
        "/api/v1/mechanisms?limit=nonsense",
        "/staff",
        "/login",
    ] {
        check(path, &headers_of(s, path, false).await);
    }
    let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
    for path in ["/staff", "/staff/assessments", "/staff/records/initiative"] {
        check(path, &headers_as(s, path, false, Some(&editor)).await);
    }
    // The sign-in pages keep their stricter referrer policy.
    assert_eq!(
        headers_of(s, "/login", false).await[header::REFERRER_POLICY],
        "no-referrer"
    );
    // Behind TLS, browsers are told to keep to HTTPS.
    let tls = headers_of(s, "/", true).await;
    assert_eq!(tls[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
    db.finish().await;
}
