//! Cookies and the [`CurrentUser`] extractor (looked up once per request and kept in its
//! extensions, so the other extractors of the same request reuse it).
//!
//! - `nmp_session` holds the session token (the database keeps only its SHA-256).
//! - `nmp_csrf` is a random nonce for forms shown before sign-in: the form's hidden `csrf` field
//!   carries the HMAC of the nonce under the servers' key (`nmp_store::auth::pre_session_csrf`),
//!   so a cookie planted by someone else, with the same value in their form, does not pass.
//!   After sign-in, forms carry the session's own `csrf_token` instead.
//!
//! - `nmp_pending` holds a pending sign-in's token between a right password and the code of an
//!   account with a second factor (the database keeps only its SHA-256; it is not a session).
//!
//! All three cookies are `HttpOnly; SameSite=Lax; Path=/`, plus `Secure` when the request came over
//! TLS (the proxy in front says so with `X-Forwarded-Proto: https`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use nmp_store::auth::SignedIn;

use super::error::web_error;
use crate::{AppState, WebError};

/// The session cookie.
pub const SESSION_COOKIE: &str = "nmp_session";
/// The pre-sign-in CSRF cookie.
pub const CSRF_COOKIE: &str = "nmp_csrf";
/// The pending sign-in cookie (between the password and the code).
pub const PENDING_COOKIE: &str = "nmp_pending";

/// The signed-in user, if any (from the `nmp_session` cookie); for a visitor not signed in, the
/// servers' key that signs pre-sign-in CSRF tokens.
#[derive(Clone, Debug)]
pub struct CurrentUser(pub Option<SignedIn>, pub(crate) PreSessionKey);

/// The key for pre-sign-in CSRF tokens (`None` when signed in: forms carry the session's token).
#[derive(Clone, Debug, Default)]
pub(crate) struct PreSessionKey(pub(crate) Option<std::sync::Arc<str>>);

impl CurrentUser {
    /// Nobody signed in, and no key (no pre-sign-in form can pass): for tests of guards.
    pub fn nobody() -> CurrentUser {
        CurrentUser(None, PreSessionKey::default())
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let signed_in = match cookie(&parts.headers, SESSION_COOKIE) {
            Some(token) => state.store.session(&token).await.map_err(web_error)?,
            None => None,
        };
        let user = match signed_in {
            Some(s) => CurrentUser(Some(s), PreSessionKey(None)),
            None => CurrentUser(None, PreSessionKey(Some(state.csrf_key().await.map_err(web_error)?))),
        };
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

/// A value of the request's `Cookie` header.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn over_tls(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// A `Set-Cookie` value; `None` clears the cookie.
pub fn set_cookie(request: &HeaderMap, name: &str, value: Option<&str>) -> HeaderValue {
    let secure = if over_tls(request) { "; Secure" } else { "" };
    let text = match value {
        Some(v) => format!("{name}={v}; HttpOnly; SameSite=Lax; Path=/{secure}"),
        None => format!("{name}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&text).expect("cookie names and hex tokens are valid header text")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_from_the_cookie_header() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; nmp_session=abc ; b=2"));
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, CSRF_COOKIE), None);
    }
}
