//! Staff sign-in: `/login`, `/logout`, `/account`, `/account/password`, `/set-password/{token}`
//! and `/reset-password`, over the use cases in `nmp_store::auth`.
//!
//! Every POST carries a hidden `csrf` field (see [`session`]); forms are parsed by hand from the
//! body so that a missing field is a clear message, never a rejection page. Personal pages are
//! sent with `Cache-Control: no-store`.

mod session;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use nmp_store::auth::{AuthError, LinkProblem, MIN_PASSWORD_CHARS};

pub use session::{CurrentUser, Refusal, require_role};
use session::{SESSION_COOKIE, cookie, set_cookie};
pub(crate) use session::{csrf_ok, csrf_refused, form_csrf, message, no_store};

use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/password", get(password_form).post(change_password))
        .route("/set-password/{token}", get(set_password_form).post(set_password))
        .route("/reset-password", get(reset_form).post(reset))
}

/// A store failure as a web error (user-facing auth outcomes are handled before this).
pub(crate) fn web_error(e: AuthError) -> WebError {
    match e {
        AuthError::Store(e) => WebError::Store(e),
        other => WebError::Internal(other.to_string()),
    }
}

/// A generic message page.
#[derive(Template)]
#[template(path = "auth/message.html")]
pub(crate) struct MessagePage {
    title: String,
    message: String,
    link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage {
    csrf: String,
    email: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/account.html")]
struct AccountPage {
    name: String,
    email: String,
    role: &'static str,
    csrf: String,
}

#[derive(Template)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    csrf: String,
    min_chars: usize,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/set_password.html")]
struct SetPasswordPage {
    token: String,
    email: String,
    csrf: String,
    min_chars: usize,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/reset.html")]
struct ResetPage {
    csrf: String,
    sent: bool,
}

/// A submitted form: `application/x-www-form-urlencoded` pairs.
pub(crate) struct Form(pub(crate) Vec<(String, String)>);

impl Form {
    pub(crate) fn parse(body: &[u8]) -> Form {
        Form(serde_urlencoded::from_bytes(body).unwrap_or_default())
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub(crate) fn text(&self, name: &str) -> &str {
        self.get(name).unwrap_or_default()
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

fn link_problem(problem: LinkProblem) -> Response {
    let status = match problem {
        LinkProblem::Unknown => StatusCode::NOT_FOUND,
        LinkProblem::Used | LinkProblem::Expired => StatusCode::GONE,
    };
    message(
        status,
        "This link cannot be used",
        &problem.to_string(),
        Some(("/reset-password", "Forgot your password?")),
    )
}

async fn login_form(headers: HeaderMap, user: CurrentUser) -> Response {
    let (csrf, set) = form_csrf(&headers, &user);
    let form = LoginPage {
        csrf,
        email: String::new(),
        error: None,
    };
    page(StatusCode::OK, &form, set)
}

async fn login(State(state): State<AppState>, headers: HeaderMap, user: CurrentUser, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let email = form.text("email").trim().to_string();
    let again = |status: StatusCode, error: String| {
        let (csrf, set) = form_csrf(&headers, &user);
        let form = LoginPage {
            csrf,
            email: email.clone(),
            error: Some(error),
        };
        page(status, &form, set)
    };
    match state.store.verify_login(&email, form.text("password")).await {
        Ok(account) => {
            let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok());
            let previous = cookie(&headers, SESSION_COOKIE);
            match state
                .store
                .create_session(&account, user_agent, previous.as_deref())
                .await
            {
                Ok(new) => {
                    let mut response = Redirect::to("/staff").into_response();
                    response.headers_mut().append(
                        header::SET_COOKIE,
                        set_cookie(&headers, SESSION_COOKIE, Some(&new.token)),
                    );
                    response
                }
                Err(e) => web_error(e).into_response(),
            }
        }
        Err(e @ AuthError::BadCredentials) => again(StatusCode::OK, e.to_string()),
        Err(e @ AuthError::Throttled) => again(StatusCode::TOO_MANY_REQUESTS, e.to_string()),
        Err(e) => web_error(e).into_response(),
    }
}

async fn logout(State(state): State<AppState>, headers: HeaderMap, user: CurrentUser, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if user.0.is_some() && !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    if let Some(token) = cookie(&headers, SESSION_COOKIE)
        && let Err(e) = state.store.delete_session(&token).await
    {
        return web_error(e).into_response();
    }
    let mut response = Redirect::to("/").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, set_cookie(&headers, SESSION_COOKIE, None));
    response
}

async fn account(user: CurrentUser) -> Response {
    let signed_in = match require_role(&user, &[]) {
        Ok(s) => s,
        Err(refusal) => return refusal.into_response(),
    };
    let view = AccountPage {
        name: signed_in.account.name.clone(),
        email: signed_in.account.email.clone(),
        role: signed_in.role.label(),
        csrf: signed_in.csrf_token.clone(),
    };
    page(StatusCode::OK, &view, None)
}

async fn password_form(user: CurrentUser) -> Response {
    let signed_in = match require_role(&user, &[]) {
        Ok(s) => s,
        Err(refusal) => return refusal.into_response(),
    };
    let view = PasswordPage {
        csrf: signed_in.csrf_token.clone(),
        min_chars: MIN_PASSWORD_CHARS,
        error: None,
    };
    page(StatusCode::OK, &view, None)
}

async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    body: Bytes,
) -> Response {
    let signed_in = match require_role(&user, &[]) {
        Ok(s) => s,
        Err(refusal) => return refusal.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let again = |error: String| {
        let view = PasswordPage {
            csrf: signed_in.csrf_token.clone(),
            min_chars: MIN_PASSWORD_CHARS,
            error: Some(error),
        };
        page(StatusCode::OK, &view, None)
    };
    let new = form.text("new_password");
    if new != form.text("confirm_password") {
        return again("The two new passwords are not the same.".into());
    }
    match state
        .store
        .change_password(signed_in.account.account_id, form.text("current_password"), new)
        .await
    {
        Ok(()) => message(
            StatusCode::OK,
            "Password changed",
            "Your password has been changed.",
            Some(("/account", "Your account")),
        ),
        Err(e @ (AuthError::WrongCurrentPassword | AuthError::Invalid(_))) => again(e.to_string()),
        Err(e) => web_error(e).into_response(),
    }
}

async fn set_password_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Response {
    match state.store.link_account(&token).await {
        Ok(account) => {
            let (csrf, set) = form_csrf(&headers, &user);
            let view = SetPasswordPage {
                token,
                email: account.email,
                csrf,
                min_chars: MIN_PASSWORD_CHARS,
                error: None,
            };
            page(StatusCode::OK, &view, set)
        }
        Err(AuthError::Link(problem)) => link_problem(problem),
        Err(e) => web_error(e).into_response(),
    }
}

async fn set_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let again = |email: String, error: String| {
        let (csrf, set) = form_csrf(&headers, &user);
        let view = SetPasswordPage {
            token: token.clone(),
            email,
            csrf,
            min_chars: MIN_PASSWORD_CHARS,
            error: Some(error),
        };
        page(StatusCode::OK, &view, set)
    };
    let account = match state.store.link_account(&token).await {
        Ok(account) => account,
        Err(AuthError::Link(problem)) => return link_problem(problem),
        Err(e) => return web_error(e).into_response(),
    };
    let password = form.text("password");
    if password != form.text("confirm_password") {
        return again(account.email, "The two passwords are not the same.".into());
    }
    match state.store.set_password_with_link(&token, password).await {
        Ok(_) => message(
            StatusCode::OK,
            "Password set",
            "Your password has been set. You can now sign in.",
            Some(("/login", "Sign in")),
        ),
        Err(AuthError::Link(problem)) => link_problem(problem),
        Err(e @ AuthError::Invalid(_)) => again(account.email, e.to_string()),
        Err(e) => web_error(e).into_response(),
    }
}

async fn reset_form(headers: HeaderMap, user: CurrentUser) -> Response {
    let (csrf, set) = form_csrf(&headers, &user);
    page(StatusCode::OK, &ResetPage { csrf, sent: false }, set)
}

async fn reset(State(state): State<AppState>, headers: HeaderMap, user: CurrentUser, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    // The same answer whether or not an account has this email.
    if let Err(e) = state.store.request_reset(form.text("email")).await {
        return web_error(e).into_response();
    }
    page(
        StatusCode::OK,
        &ResetPage {
            csrf: String::new(),
            sent: true,
        },
        None,
    )
}
