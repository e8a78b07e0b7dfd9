//! Cookies, the [`CurrentUser`] extractor, CSRF checks and [`require_role`].
//!
//! - `nmp_session` holds the session token (the database keeps only its SHA-256).
//! - `nmp_csrf` is a random token for forms shown before sign-in (double-submit: the form's
//!   hidden `csrf` field must equal the cookie, which another site can neither read nor set).
//!   After sign-in, forms carry the session's own `csrf_token` instead.
//!
//! Both cookies are `HttpOnly; SameSite=Lax; Path=/`, plus `Secure` when the request came over
//! TLS (the proxy in front says so with `X-Forwarded-Proto: https`).

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use nmp_core::vocab::AccountRole;
use nmp_store::auth::{SignedIn, constant_time_eq, random_token};

use super::MessagePage;
use crate::{AppState, WebError};

/// The session cookie.
pub const SESSION_COOKIE: &str = "nmp_session";
/// The pre-sign-in CSRF cookie.
pub const CSRF_COOKIE: &str = "nmp_csrf";

/// The signed-in user, if any (from the `nmp_session` cookie).
#[derive(Clone, Debug)]
pub struct CurrentUser(pub Option<SignedIn>);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Ok(CurrentUser(None));
        };
        let signed_in = state.store.session(&token).await.map_err(super::web_error)?;
        Ok(CurrentUser(signed_in))
    }
}

/// Why [`require_role`] refused a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not signed in: the answer is a redirect to `/login`.
    SignIn,
    /// Signed in with a role that may not: the answer is a 403 page.
    Forbidden,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::SignIn => Redirect::to("/login").into_response(),
            Refusal::Forbidden => message(
                StatusCode::FORBIDDEN,
                "Not allowed",
                "Your account's role does not allow this page.",
                Some(("/account", "Your account")),
            ),
        }
    }
}

/// Lets a signed-in user with one of `roles` through (any signed-in user if `roles` is empty);
/// anonymous users are sent to `/login` and others get a 403 page (see [`Refusal`]).
pub fn require_role<'a>(user: &'a CurrentUser, roles: &[AccountRole]) -> Result<&'a SignedIn, Refusal> {
    match &user.0 {
        None => Err(Refusal::SignIn),
        Some(s) if roles.is_empty() || roles.contains(&s.role) => Ok(s),
        Some(_) => Err(Refusal::Forbidden),
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

/// The CSRF token for a form on this request: the session's if signed in, else the `nmp_csrf`
/// cookie's, else a new one (returned with the `Set-Cookie` that stores it).
pub fn form_csrf(headers: &HeaderMap, user: &CurrentUser) -> (String, Option<HeaderValue>) {
    if let Some(s) = &user.0 {
        return (s.csrf_token.clone(), None);
    }
    if let Some(token) = cookie(headers, CSRF_COOKIE).filter(|t| t.len() == 64) {
        return (token, None);
    }
    let token = random_token();
    let set = set_cookie(headers, CSRF_COOKIE, Some(&token));
    (token, Some(set))
}

/// Whether a submitted form's `csrf` field matches what this request's forms carry.
pub fn csrf_ok(headers: &HeaderMap, user: &CurrentUser, submitted: Option<&str>) -> bool {
    let expected = match &user.0 {
        Some(s) => Some(s.csrf_token.clone()),
        None => cookie(headers, CSRF_COOKIE),
    };
    match (expected, submitted) {
        (Some(e), Some(s)) => !e.is_empty() && constant_time_eq(&e, s),
        _ => false,
    }
}

/// The 403 answer to a POST without the right CSRF token.
pub fn csrf_refused() -> Response {
    message(
        StatusCode::FORBIDDEN,
        "Form expired",
        "This form has expired or did not come from this site. Go back, reload the page and try again.",
        None,
    )
}

/// A message page (never cached).
pub fn message(status: StatusCode, title: &str, text: &str, link: Option<(&str, &str)>) -> Response {
    let page = MessagePage {
        title: title.to_string(),
        message: text.to_string(),
        link: link.map(|(h, t)| (h.to_string(), t.to_string())),
    };
    match page.render() {
        Ok(html) => (status, no_store(), Html(html)).into_response(),
        Err(e) => WebError::from(e).into_response(),
    }
}

/// Headers for personal pages: never cached, and no token leaks through `Referer`.
pub fn no_store() -> [(header::HeaderName, &'static str); 2] {
    [
        (header::CACHE_CONTROL, "no-store"),
        (header::REFERRER_POLICY, "no-referrer"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use nmp_store::entity::account;

    fn user(role: AccountRole) -> CurrentUser {
        let at = time::OffsetDateTime::UNIX_EPOCH;
        let account = account::Model {
            account_id: 1,
            email: "a@example.org".into(),
            name: "A".into(),
            role: role.code().into(),
            password_hash: None,
            active: true,
            organization_id: None,
            created_at: at,
            updated_at: at,
            updated_by: "system:test".into(),
            version: 1,
        };
        CurrentUser(Some(SignedIn {
            account,
            role,
            csrf_token: "c".repeat(64),
        }))
    }

    #[test]
    fn require_role_redirects_anonymous_users_and_refuses_other_roles() {
        assert_eq!(require_role(&CurrentUser(None), &[]).err(), Some(Refusal::SignIn));
        let editor = user(AccountRole::Editor);
        assert!(require_role(&editor, &[]).is_ok());
        assert!(require_role(&editor, &[AccountRole::Admin, AccountRole::Editor]).is_ok());
        let refusal = require_role(&editor, &[AccountRole::Admin]).err();
        assert_eq!(refusal, Some(Refusal::Forbidden));
        assert_eq!(Refusal::Forbidden.into_response().status(), StatusCode::FORBIDDEN);
        let redirect = Refusal::SignIn.into_response();
        assert_eq!(redirect.status(), StatusCode::SEE_OTHER);
        assert_eq!(redirect.headers()[header::LOCATION], "/login");
    }

    #[test]
    fn cookies_are_read_from_the_cookie_header() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; nmp_session=abc ; b=2"));
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, CSRF_COOKIE), None);
    }
}
