//! The one CSRF check of every staff POST: the submitted token (a form's hidden `csrf` field, a
//! multipart form's `csrf` part, or the JSON API's `X-CSRF-Token` header) must equal the
//! signed-in session's `csrf_token`, or before sign-in the HMAC of the `nmp_csrf` cookie's nonce
//! under the servers' key (a planted cookie with the same value in the form does not pass). A
//! request the browser marks as cross-site (`Sec-Fetch-Site: cross-site`) is refused whatever
//! it carries. [`CsrfForm`] and [`CsrfJson`] are the extractors that read a body only with a
//! checked token.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use nmp_store::auth::{constant_time_eq, pre_session_csrf, random_token};
use serde::de::DeserializeOwned;

use super::Form;
use super::error::WorkspaceError;
use super::session::{CSRF_COOKIE, CurrentUser, cookie, set_cookie};
use crate::AppState;

/// The CSRF token for a form on this request: the session's if signed in, else the signature of
/// the `nmp_csrf` cookie's nonce, else of a new nonce (returned with the `Set-Cookie` that
/// stores it).
pub fn form_csrf(headers: &HeaderMap, user: &CurrentUser) -> (String, Option<HeaderValue>) {
    if let Some(s) = &user.0 {
        return (s.csrf_token.clone(), None);
    }
    let (nonce, set) = match cookie(headers, CSRF_COOKIE).filter(|t| t.len() == 64) {
        Some(nonce) => (nonce, None),
        None => {
            let nonce = random_token();
            let set = set_cookie(headers, CSRF_COOKIE, Some(&nonce));
            (nonce, Some(set))
        }
    };
    match &user.1.0 {
        Some(key) => (pre_session_csrf(key, &nonce), set),
        // No key (a test's bare user): a token that no check accepts.
        None => (random_token(), set),
    }
}

/// Checks a submitted token against what this request's forms carry.
pub(crate) fn check_csrf(
    headers: &HeaderMap,
    user: &CurrentUser,
    submitted: Option<&str>,
) -> Result<(), WorkspaceError> {
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"));
    if cross_site {
        return Err(WorkspaceError::Csrf);
    }
    let expected = match (&user.0, &user.1.0) {
        (Some(s), _) => Some(s.csrf_token.clone()),
        (None, Some(key)) => cookie(headers, CSRF_COOKIE)
            .filter(|nonce| nonce.len() == 64)
            .map(|nonce| pre_session_csrf(key, &nonce)),
        (None, None) => None,
    };
    match (expected, submitted) {
        (Some(e), Some(s)) if !e.is_empty() && constant_time_eq(&e, s) => Ok(()),
        _ => Err(WorkspaceError::Csrf),
    }
}

/// The request's user and body, the user looked up before the body is read.
async fn user_and_body(req: Request, state: &AppState) -> Result<(HeaderMap, CurrentUser, Bytes), Response> {
    let (mut parts, body) = req.into_parts();
    let user = CurrentUser::from_request_parts(&mut parts, state)
        .await
        .map_err(IntoResponse::into_response)?;
    let headers = parts.headers.clone();
    let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
        .await
        .map_err(IntoResponse::into_response)?;
    Ok((headers, user, bytes))
}

/// A url-encoded form whose `csrf` field was checked; a wrong token is the 403 "Form expired".
pub(crate) struct CsrfForm(pub Form);

impl FromRequest<AppState> for CsrfForm {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (headers, user, body) = user_and_body(req, state).await?;
        let form = Form::parse(&body);
        check_csrf(&headers, &user, form.get("csrf")).map_err(IntoResponse::into_response)?;
        Ok(CsrfForm(form))
    }
}

/// A JSON body sent with a checked `X-CSRF-Token` header (a wrong one is a 403 `csrf`); the body
/// is parsed when the handler asks ([`CsrfJson::parse`]), so that checks of the route come first.
pub(crate) struct CsrfJson(Bytes);

impl CsrfJson {
    /// The body as `T`; a body that is not is a 422 naming `body`.
    pub(crate) fn parse<T: DeserializeOwned>(&self) -> Result<T, WorkspaceError> {
        serde_json::from_slice(&self.0).map_err(|e| WorkspaceError::Invalid(vec![("body".into(), e.to_string())]))
    }
}

impl FromRequest<AppState> for CsrfJson {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (headers, user, body) = user_and_body(req, state).await?;
        let token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
        check_csrf(&headers, &user, token).map_err(WorkspaceError::json)?;
        Ok(CsrfJson(body))
    }
}
