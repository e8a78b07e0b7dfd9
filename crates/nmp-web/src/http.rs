//! Response middleware for reads: a strong `ETag` (SHA-256 of the body) with `304 Not Modified`
//! for a matching `If-None-Match`, and a `Cache-Control` for successful GETs that did not set one.
//! Compression (gzip) is a tower-http layer applied after this one.
//!
//! An answer is tagged only when its size is known and at most [`MAX_ETAG_BODY`]: a larger one
//! (the PDF of a 600-page report, a ZIP of a build) or one of unknown length passes through whole
//! and untouched, so no answer is ever cut short or refused for its size.

use axum::body::{Body, HttpBody, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Bodies above this size are passed through without an ETag.
const MAX_ETAG_BODY: usize = 16 * 1024 * 1024;

/// Adds ETag and Cache-Control to successful GET and HEAD responses.
/// Whether `response` is an HTML page not yet compressed: what the layers that rewrite a page
/// (the language's links, the signed-in footer) may read and change.
pub(crate) fn is_plain_html(response: &Response) -> bool {
    let headers = response.headers();
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
        && !headers.contains_key(header::CONTENT_ENCODING)
}

pub(crate) async fn etag(request: Request, next: Next) -> Response {
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if !is_read || response.status() != StatusCode::OK {
        return response;
    }
    let taggable = response
        .body()
        .size_hint()
        .upper()
        .is_some_and(|n| n <= MAX_ETAG_BODY as u64);
    if !taggable {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ETAG_BODY).await else {
        // Only a body that lied about its size gets here.
        return (StatusCode::INTERNAL_SERVER_ERROR, "the answer could not be read").into_response();
    };
    let tag = format!("\"{}\"", &nmp_core::sha256_hex(&bytes)[..32]);
    let value = HeaderValue::from_str(&tag).expect("hex is a valid header value");
    if !parts.headers.contains_key(header::CACHE_CONTROL) {
        parts.headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=60, must-revalidate"),
        );
    }
    parts.headers.insert(header::ETAG, value.clone());
    if if_none_match.is_some_and(|v| crate::cache::etag_matches(&v, &value)) {
        let mut not_modified = Response::new(Body::empty());
        *not_modified.status_mut() = StatusCode::NOT_MODIFIED;
        for name in [header::ETAG, header::CACHE_CONTROL] {
            if let Some(v) = parts.headers.get(&name) {
                not_modified.headers_mut().insert(name, v.clone());
            }
        }
        return not_modified;
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::http::{Request, StatusCode, header};
    use axum::routing::get;
    use tower::ServiceExt;

    use super::MAX_ETAG_BODY;

    fn app() -> Router {
        Router::new()
            .route("/small", get(|| async { "a small answer" }))
            .route("/large", get(|| async { vec![b'x'; MAX_ETAG_BODY + 1] }))
            .layer(axum::middleware::from_fn(super::etag))
    }

    async fn get_path(path: &str) -> axum::response::Response {
        app()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn small_answers_get_an_etag_and_large_ones_pass_whole() {
        let small = get_path("/small").await;
        assert_eq!(small.status(), StatusCode::OK);
        assert!(small.headers().contains_key(header::ETAG));

        let large = get_path("/large").await;
        assert_eq!(large.status(), StatusCode::OK, "a large answer is not refused");
        assert!(!large.headers().contains_key(header::ETAG));
        let body = to_bytes(large.into_body(), usize::MAX).await.unwrap();
        assert_eq!(body.len(), MAX_ETAG_BODY + 1, "passed through whole");
    }
}
