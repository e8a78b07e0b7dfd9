//! The staff side's one error type, [`WorkspaceError`], and the pages it renders: a message page
//! (never cached) or, for the JSON routes under `/api/`, the API's error shape
//! `{"error": {"code", "message"}}` (with `fields` when values were refused). Handlers of the
//! sign-in pages and the workspace return `Result<Response, WorkspaceError>` and use `?`; a JSON
//! handler returns `Result<Response, JsonError>`, the same error answered as JSON.

use askama::Template;
use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use nmp_core::ValidationError;
use nmp_store::StoreError;
use nmp_store::auth::AuthError;
use nmp_store::records::Record;
use nmp_store::records::apply::ApplyError;
use serde_json::json;

use crate::WebError;
use crate::lang::t;

/// A generic message page.
#[derive(Template)]
#[template(path = "auth/message.html")]
pub(crate) struct MessagePage {
    title: String,
    message: String,
    link: Option<(String, String)>,
    /// ` lang="en"` when the message is English whatever the page's language (a store's
    /// message), else empty.
    text_lang: &'static str,
}

/// What went wrong on a staff page or the workspace's JSON API.
#[derive(Debug)]
pub(crate) enum WorkspaceError {
    /// Not signed in: a page sends the visitor to `/login`; JSON is a 401 `sign_in`.
    SignIn,
    /// Signed in, but the role or scope may not: a 403 "Not allowed" page saying `why`, with a
    /// link on; JSON is a 403 `forbidden`.
    Forbidden {
        /// Why, for people.
        why: String,
        /// Where to go instead: (href, text).
        link: Option<(String, String)>,
        /// Whether `why` is English whatever the page's language (a store's message).
        english: bool,
    },
    /// The form's CSRF token (or the `X-CSRF-Token` header) is missing or wrong: a 403.
    Csrf,
    /// Values that do not pass: a 422 "Not saved" page listing them; JSON is a 422 `invalid`
    /// naming each field, or a 403 `forbidden` when the record as a whole may not be changed.
    Fields(Vec<ValidationError>),
    /// JSON values that do not pass, (field, message) each: a 422 `invalid`.
    Invalid(Vec<(String, String)>),
    /// A stale version in the JSON API: a 409 `conflict` with the record as it now is.
    Conflict {
        /// What happened, for people.
        message: String,
        /// The record now.
        current: Option<Record>,
    },
    /// A message page with its status: title, text and an optional link (href, text).
    Message {
        /// The answer's status.
        status: StatusCode,
        /// The page's title.
        title: String,
        /// What to say.
        text: String,
        /// Where to go on: (href, text).
        link: Option<(String, String)>,
        /// Whether `text` is English whatever the page's language (a store's message).
        english: bool,
    },
    /// The web layer's errors: the error page, or the JSON error shape.
    Web(WebError),
}

impl WorkspaceError {
    /// A message page, its title, text and link in the request's language.
    pub(crate) fn message(status: StatusCode, title: &str, text: &str, link: Option<(&str, &str)>) -> Self {
        WorkspaceError::Message {
            status,
            title: title.to_string(),
            text: text.to_string(),
            link: link.map(|(h, t)| (h.to_string(), t.to_string())),
            english: false,
        }
    }

    /// [`WorkspaceError::message`] whose text is English whatever the page's language (a store's
    /// message): marked as English on a French or Spanish page.
    pub(crate) fn message_en(status: StatusCode, title: &str, text: &str, link: Option<(&str, &str)>) -> Self {
        WorkspaceError::Message {
            status,
            title: title.to_string(),
            text: text.to_string(),
            link: link.map(|(h, t)| (h.to_string(), t.to_string())),
            english: true,
        }
    }

    /// A 403 "Not allowed" page saying `why` (in the request's language), with a link on.
    pub(crate) fn forbidden(why: &str, link: Option<(&str, &str)>) -> Self {
        WorkspaceError::Forbidden {
            why: why.to_string(),
            link: link.map(|(h, t)| (h.to_string(), t.to_string())),
            english: false,
        }
    }

    /// [`WorkspaceError::forbidden`] whose `why` is English whatever the page's language (a
    /// store's message).
    pub(crate) fn forbidden_en(why: &str, link: Option<(&str, &str)>) -> Self {
        WorkspaceError::Forbidden {
            why: why.to_string(),
            link: link.map(|(h, t)| (h.to_string(), t.to_string())),
            english: true,
        }
    }

    /// A 404 of the web layer.
    pub(crate) fn not_found(what: String) -> Self {
        WorkspaceError::Web(WebError::NotFound(what))
    }

    /// The error as the JSON API answers it.
    pub(crate) fn json(self) -> Response {
        let (status, code, message, fields) = match self {
            WorkspaceError::SignIn => (
                StatusCode::UNAUTHORIZED,
                "sign_in",
                "sign in first (session cookie)".to_string(),
                Vec::new(),
            ),
            WorkspaceError::Forbidden { why, .. } => (StatusCode::FORBIDDEN, "forbidden", why, Vec::new()),
            WorkspaceError::Csrf => (
                StatusCode::FORBIDDEN,
                "csrf",
                "missing or wrong X-CSRF-Token header".to_string(),
                Vec::new(),
            ),
            WorkspaceError::Fields(errors) if errors.iter().any(|e| e.field == "record") => (
                StatusCode::FORBIDDEN,
                "forbidden",
                errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
                Vec::new(),
            ),
            WorkspaceError::Fields(errors) => {
                return WorkspaceError::Invalid(errors.into_iter().map(|e| (e.field, e.message)).collect()).json();
            }
            WorkspaceError::Invalid(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "some values are not valid; nothing was written".to_string(),
                fields,
            ),
            WorkspaceError::Conflict { message, current } => {
                let body = json!({
                    "error": { "code": "conflict", "message": message },
                    "current": current,
                });
                return (StatusCode::CONFLICT, Json(body)).into_response();
            }
            WorkspaceError::Message { status, text, .. } => (status, code_of(status), text, Vec::new()),
            WorkspaceError::Web(e) => return e.json(),
        };
        error_body(status, code, &message, fields)
    }
}

/// The API's code for a status.
fn code_of(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND | StatusCode::GONE => "not_found",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::CONFLICT => "conflict",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid",
        s if s.is_client_error() => "bad_request",
        _ => "internal",
    }
}

/// `{"error": {"code", "message", "fields"?}}` with `status`.
fn error_body(status: StatusCode, code: &str, message: &str, fields: Vec<(String, String)>) -> Response {
    let mut body = json!({ "error": { "code": code, "message": message } });
    if !fields.is_empty() {
        body["error"]["fields"] = fields
            .into_iter()
            .map(|(field, message)| json!({ "field": field, "message": message }))
            .collect();
    }
    (status, Json(body)).into_response()
}

impl IntoResponse for WorkspaceError {
    fn into_response(self) -> Response {
        match self {
            WorkspaceError::SignIn => Redirect::to("/login").into_response(),
            WorkspaceError::Forbidden { why, link, english } => message_page(
                StatusCode::FORBIDDEN,
                &t("auth-not-allowed"),
                &why,
                link.as_ref().map(|(h, t)| (h.as_str(), t.as_str())),
                english,
            ),
            WorkspaceError::Csrf => message(
                StatusCode::FORBIDDEN,
                &t("auth-form-expired"),
                &t("auth-form-expired-text"),
                None,
            ),
            // The fields' problems are the store's, in English.
            WorkspaceError::Fields(errors) => message_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &t("auth-not-saved"),
                &errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "),
                None,
                true,
            ),
            WorkspaceError::Invalid(fields) => message_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &t("auth-not-saved"),
                &fields
                    .iter()
                    .map(|(f, m)| format!("{f}: {m}"))
                    .collect::<Vec<_>>()
                    .join("; "),
                None,
                true,
            ),
            WorkspaceError::Conflict { message: text, .. } => {
                message_page(StatusCode::CONFLICT, &t("auth-changed-by-someone"), &text, None, true)
            }
            WorkspaceError::Message {
                status,
                title,
                text,
                link,
                english,
            } => message_page(
                status,
                &title,
                &text,
                link.as_ref().map(|(h, t)| (h.as_str(), t.as_str())),
                english,
            ),
            WorkspaceError::Web(e) => e.into_response(),
        }
    }
}

/// A [`WorkspaceError`] answered in the JSON API's shape (see [`WorkspaceError::json`]).
pub(crate) struct JsonError(pub WorkspaceError);

impl<E: Into<WorkspaceError>> From<E> for JsonError {
    fn from(e: E) -> Self {
        JsonError(e.into())
    }
}

impl IntoResponse for JsonError {
    fn into_response(self) -> Response {
        self.0.json()
    }
}

impl From<WebError> for WorkspaceError {
    fn from(e: WebError) -> Self {
        WorkspaceError::Web(e)
    }
}

impl From<StoreError> for WorkspaceError {
    fn from(e: StoreError) -> Self {
        WorkspaceError::Web(WebError::Store(e))
    }
}

impl From<askama::Error> for WorkspaceError {
    fn from(e: askama::Error) -> Self {
        WorkspaceError::Web(WebError::Render(e))
    }
}

/// Field errors are the caller's to show, a store failure the error page.
impl From<ApplyError> for WorkspaceError {
    fn from(e: ApplyError) -> Self {
        match e {
            ApplyError::Fields(errors) => WorkspaceError::Fields(errors),
            ApplyError::Store(e) => e.into(),
        }
    }
}

/// A failure of the store (user-facing sign-in outcomes are handled before this).
impl From<AuthError> for WorkspaceError {
    fn from(e: AuthError) -> Self {
        WorkspaceError::Web(web_error(e))
    }
}

/// A store failure as a web error (user-facing auth outcomes are handled before this).
pub(crate) fn web_error(e: AuthError) -> WebError {
    match e {
        AuthError::Store(e) => WebError::Store(e),
        other => WebError::Internal(other.to_string()),
    }
}

/// A message page (never cached), in the request's language.
pub(crate) fn message(status: StatusCode, title: &str, text: &str, link: Option<(&str, &str)>) -> Response {
    message_page(status, title, text, link, false)
}

/// A message page (never cached); `english` marks its text as English on a French or Spanish
/// page (a store's message).
fn message_page(status: StatusCode, title: &str, text: &str, link: Option<(&str, &str)>, english: bool) -> Response {
    let page = MessagePage {
        title: title.to_string(),
        message: text.to_string(),
        link: link.map(|(h, t)| (h.to_string(), t.to_string())),
        text_lang: if english { crate::lang::english_attr() } else { "" },
    };
    match page.render() {
        Ok(html) => (status, no_store(), Html(html)).into_response(),
        Err(e) => WebError::from(e).into_response(),
    }
}

/// Renders a page with `status`, never cached, with an optional `Set-Cookie`.
pub(crate) fn page(status: StatusCode, template: &impl Template, cookie: Option<header::HeaderValue>) -> Response {
    match template.render() {
        Ok(html) => {
            let mut response = (status, no_store(), Html(html)).into_response();
            if let Some(c) = cookie {
                response.headers_mut().append(header::SET_COOKIE, c);
            }
            response
        }
        Err(e) => WebError::from(e).into_response(),
    }
}

/// Headers for personal pages: never cached, and no token leaks through `Referer`.
pub(crate) fn no_store() -> [(header::HeaderName, &'static str); 2] {
    [
        (header::CACHE_CONTROL, "no-store"),
        (header::REFERRER_POLICY, "no-referrer"),
    ]
}

/// A sign-in outcome the person can act on, in the request's language (a store failure is said
/// as the store says it).
pub(crate) fn auth_text(e: &AuthError) -> String {
    use nmp_store::auth::LinkProblem;
    match e {
        AuthError::BadCredentials => t("auth-bad-credentials"),
        AuthError::Throttled { retry_after } => crate::lang::tn(
            "auth-throttled",
            "seconds",
            usize::try_from(*retry_after).unwrap_or(usize::MAX),
        ),
        AuthError::WrongCurrentPassword => t("auth-wrong-current-password"),
        AuthError::Link(LinkProblem::Unknown) => t("auth-link-unknown"),
        AuthError::Link(LinkProblem::Used) => t("auth-link-used"),
        AuthError::Link(LinkProblem::Expired) => t("auth-link-expired"),
        AuthError::WrongCode => t("auth-wrong-code"),
        AuthError::CodeUsed => t("auth-code-used"),
        AuthError::SignInExpired => t("auth-sign-in-expired"),
        AuthError::Refused(why) => refusal_text(why).unwrap_or_else(|| why.clone()),
        AuthError::Invalid(v) => invalid_text(v).unwrap_or_else(|| v.to_string()),
        other => other.to_string(),
    }
}

/// A refusal of the sign-in and account use cases (`AuthError::Refused`) in the request's
/// language, when it is one of theirs.
pub(crate) fn refusal_text(why: &str) -> Option<String> {
    let key = match why {
        "Two-factor sign-in is already on. Switch it off first to move it to another app." => {
            "auth-refused-already-on-move"
        }
        "Two-factor sign-in is already on." => "auth-refused-already-on",
        "Start setting up two-factor sign-in first: the set-up was not found (it may have been reset)." => {
            "auth-refused-no-setup"
        }
        "The set-up changed meanwhile (in another window?). Reload the page and start again." => {
            "auth-refused-setup-changed"
        }
        "Two-factor sign-in is not on for this account." => "auth-refused-not-on",
        "You cannot change your own role: another administrator must do it, so that an administrator always remains." => {
            "auth-refused-own-role"
        }
        "You cannot deactivate your own account: another administrator must do it." => "auth-refused-own-account",
        "This account is deactivated: reactivate it before issuing a link." => "auth-refused-deactivated",
        _ => return None,
    };
    Some(t(key))
}

/// A refused password (too short or too long) in the request's language, naming its field.
fn invalid_text(v: &ValidationError) -> Option<String> {
    use nmp_store::auth::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
    let field = crate::workspace::field_name(&v.field);
    if v.message == format!("the password must have at least {MIN_PASSWORD_CHARS} characters") {
        let min = MIN_PASSWORD_CHARS.to_string();
        return Some(crate::lang::ta(
            "auth-password-too-short",
            &[("field", &field), ("min", &min)],
        ));
    }
    if v.message == format!("the password must have at most {MAX_PASSWORD_CHARS} characters") {
        let max = MAX_PASSWORD_CHARS.to_string();
        return Some(crate::lang::ta(
            "auth-password-too-long",
            &[("field", &field), ("max", &max)],
        ));
    }
    None
}
