//! Security headers on every answer, pages, API, files and errors alike:
//!
//! - a strict `Content-Security-Policy`: the site has no inline script or style and no
//!   third-party resource, so everything but its own style sheet, its one script (`nmp.js`, an
//!   enhancement the pages work without), images and forms is refused,
//!   and no other site may frame it (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for
//!   older browsers);
//! - `X-Content-Type-Options: nosniff`, so a download is never run as something else;
//! - `Referrer-Policy: strict-origin-when-cross-origin` unless the handler chose a stricter one
//!   (the sign-in pages send `no-referrer`);
//! - `Strict-Transport-Security` when the request came over TLS through the proxy
//!   (`X-Forwarded-Proto: https`, as for the `Secure` session cookie).

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The content security policy of every answer.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// How long browsers keep to HTTPS once they have seen it over TLS (one year).
const HSTS: &str = "max-age=31536000";

/// Adds the security headers to the answer.
pub(crate) async fn headers(request: Request, next: Next) -> Response {
    let tls = request
        .headers()
        .get("x-forwarded-proto")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("strict-origin-when-cross-origin"));
    if tls {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}
