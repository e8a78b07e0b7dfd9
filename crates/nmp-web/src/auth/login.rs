//! The sign-in pages: `/login` (and its second step `/login/code` for accounts with a second
//! factor), `/logout`, `/account`, `/account/password`, `/set-password/{token}` and
//! `/reset-password`, over the use cases in `nmp_store::auth`.
//!
//! After a right password, an account with a second factor gets no session yet: the browser gets a
//! pending sign-in token in the `nmp_pending` cookie and `/login/code` asks for a code; only a right
//! code starts the session. An account whose role must have a second factor and has none gets its
//! session and is sent to set one up (the `Staff` guard keeps it there).

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_store::auth::{AuthError, LinkProblem, MIN_PASSWORD_CHARS, NextStep};
use nmp_store::entity::account;

use super::csrf::{CsrfForm, check_csrf, form_csrf};
use super::error::{WorkspaceError, auth_text, message, page};
use super::form::Form;
use super::guard::{ENROL_PAGE, Staff};
use super::session::{CurrentUser, PENDING_COOKIE, SESSION_COOKIE, cookie, set_cookie};
use crate::AppState;
use crate::client::ClientAddress;
use crate::lang::t;

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage {
    csrf: String,
    email: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/code.html")]
struct CodePage {
    csrf: String,
    email: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/account.html")]
struct AccountPage {
    name: String,
    email: String,
    role: String,
    csrf: String,
    two_factor: bool,
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

impl ResetPage {
    /// The command that issues a new link, as HTML (its email in the request's language).
    fn command(&self) -> String {
        let email = crate::workspace::escape(&t("auth-reset-your-email"));
        format!("<code>nmp user reset --email {email}</code>")
    }
}

/// An unknown, used or expired link, as a page that says so (404 or 410).
fn link_problem(problem: LinkProblem) -> WorkspaceError {
    let status = match problem {
        LinkProblem::Unknown => StatusCode::NOT_FOUND,
        LinkProblem::Used | LinkProblem::Expired => StatusCode::GONE,
    };
    WorkspaceError::message(
        status,
        &t("auth-link-unusable"),
        &auth_text(&AuthError::Link(problem)),
        Some(("/reset-password", &t("auth-forgot"))),
    )
}

/// The account a set-password link is for, or why the link cannot be used.
async fn link_account(state: &AppState, token: &str) -> Result<account::Model, WorkspaceError> {
    match state.store.link_account(token).await {
        Ok(account) => Ok(account),
        Err(AuthError::Link(problem)) => Err(link_problem(problem)),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn login_form(headers: HeaderMap, user: CurrentUser) -> Result<Response, WorkspaceError> {
    let (csrf, set) = form_csrf(&headers, &user);
    let form = LoginPage {
        csrf,
        email: String::new(),
        error: None,
    };
    Ok(page(StatusCode::OK, &form, set))
}

pub(super) async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    ClientAddress(client): ClientAddress,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let email = form.text("email").trim().to_string();
    let again = |status: StatusCode, error: String| {
        let (csrf, set) = form_csrf(&headers, &user);
        let form = LoginPage {
            csrf,
            email: email.clone(),
            error: Some(error),
        };
        Ok(page(status, &form, set))
    };
    let throttled = |e: AuthError, retry_after: u64| -> Result<Response, WorkspaceError> {
        let mut response = again(StatusCode::TOO_MANY_REQUESTS, auth_text(&e))?;
        response.headers_mut().insert(header::RETRY_AFTER, retry_after.into());
        Ok(response)
    };
    let account = match state.store.verify_login(&email, form.text("password"), &client).await {
        Ok(account) => account,
        Err(e @ AuthError::BadCredentials) => return again(StatusCode::OK, auth_text(&e)),
        Err(e @ AuthError::Throttled { retry_after }) => return throttled(e, retry_after),
        Err(e) => return Err(e.into()),
    };
    match state.store.next_step(&account, &state.two_factor).await? {
        NextStep::Code => {
            let token = match state.store.begin_second_step(&account, &client).await {
                Ok(token) => token,
                Err(e @ AuthError::Throttled { retry_after }) => return throttled(e, retry_after),
                Err(e) => return Err(e.into()),
            };
            if let Some(old) = cookie(&headers, PENDING_COOKIE) {
                state.store.end_pending_sign_in(&old).await?;
            }
            let mut response = Redirect::to("/login/code").into_response();
            response
                .headers_mut()
                .append(header::SET_COOKIE, set_cookie(&headers, PENDING_COOKIE, Some(&token)));
            Ok(response)
        }
        NextStep::Enrol => start_session(&state, &headers, &account, ENROL_PAGE).await,
        NextStep::Session => start_session(&state, &headers, &account, "/staff").await,
    }
}

/// Starts a session for `account` (ending the browser's previous one and any pending sign-in)
/// and sends the browser to `to`.
async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    account: &account::Model,
    to: &str,
) -> Result<Response, WorkspaceError> {
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok());
    let previous = cookie(headers, SESSION_COOKIE);
    let new = state
        .store
        .create_session(account, user_agent, previous.as_deref())
        .await?;
    let mut response = Redirect::to(to).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(headers, SESSION_COOKIE, Some(&new.token)),
    );
    if let Some(pending) = cookie(headers, PENDING_COOKIE) {
        state.store.end_pending_sign_in(&pending).await?;
        response
            .headers_mut()
            .append(header::SET_COOKIE, set_cookie(headers, PENDING_COOKIE, None));
    }
    Ok(response)
}

/// The page for a pending sign-in that has ended: sign in again (the pending cookie is cleared).
fn sign_in_again(headers: &HeaderMap, e: &AuthError) -> Response {
    let mut response = message(
        StatusCode::GONE,
        &t("auth-sign-in-again"),
        &auth_text(e),
        Some(("/login", &t("auth-sign-in"))),
    );
    response
        .headers_mut()
        .append(header::SET_COOKIE, set_cookie(headers, PENDING_COOKIE, None));
    response
}

/// The second step's form: a code from the app, or a recovery code.
pub(super) async fn code_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
) -> Result<Response, WorkspaceError> {
    let Some(token) = cookie(&headers, PENDING_COOKIE) else {
        return Ok(Redirect::to("/login").into_response());
    };
    match state.store.pending_sign_in(&token).await {
        Ok(account) => {
            let (csrf, set) = form_csrf(&headers, &user);
            let view = CodePage {
                csrf,
                email: account.email,
                error: None,
            };
            Ok(page(StatusCode::OK, &view, set))
        }
        Err(e @ AuthError::SignInExpired) => Ok(sign_in_again(&headers, &e)),
        Err(e) => Err(e.into()),
    }
}

/// The second step: a right code starts the session; a wrong one shows the form again (each is a
/// failed sign-in attempt, and the fifth ends the pending sign-in).
pub(super) async fn code(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    ClientAddress(client): ClientAddress,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let Some(token) = cookie(&headers, PENDING_COOKIE) else {
        return Ok(Redirect::to("/login").into_response());
    };
    match state.store.finish_second_step(&token, form.text("code"), &client).await {
        Ok(account) => start_session(&state, &headers, &account, "/staff").await,
        Err(e @ (AuthError::WrongCode | AuthError::CodeUsed)) => {
            let account = match state.store.pending_sign_in(&token).await {
                Ok(account) => account,
                Err(e @ AuthError::SignInExpired) => return Ok(sign_in_again(&headers, &e)),
                Err(e) => return Err(e.into()),
            };
            let (csrf, set) = form_csrf(&headers, &user);
            let view = CodePage {
                csrf,
                email: account.email,
                error: Some(auth_text(&e)),
            };
            Ok(page(StatusCode::OK, &view, set))
        }
        Err(e @ AuthError::SignInExpired) => Ok(sign_in_again(&headers, &e)),
        Err(e @ AuthError::Throttled { retry_after }) => {
            let message = WorkspaceError::message(StatusCode::TOO_MANY_REQUESTS, &t("auth-wait"), &auth_text(&e), None);
            let mut response = message.into_response();
            response.headers_mut().insert(header::RETRY_AFTER, retry_after.into());
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// Signs out; a signed-in person's form must carry their CSRF token.
pub(super) async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, WorkspaceError> {
    if user.0.is_some() {
        check_csrf(&headers, &user, Form::parse(&body).get("csrf"))?;
    }
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        state.store.delete_session(&token).await?;
    }
    let mut response = Redirect::to("/").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, set_cookie(&headers, SESSION_COOKIE, None));
    Ok(response)
}

pub(super) async fn account(staff: Staff) -> Result<Response, WorkspaceError> {
    let view = AccountPage {
        name: staff.account.name.clone(),
        email: staff.account.email.clone(),
        role: crate::workspace::role_label(staff.role),
        csrf: staff.csrf_token.clone(),
        two_factor: staff.two_factor,
    };
    Ok(page(StatusCode::OK, &view, None))
}

pub(super) async fn password_form(staff: Staff) -> Result<Response, WorkspaceError> {
    let view = PasswordPage {
        csrf: staff.csrf_token.clone(),
        min_chars: MIN_PASSWORD_CHARS,
        error: None,
    };
    Ok(page(StatusCode::OK, &view, None))
}

pub(super) async fn change_password(
    State(state): State<AppState>,
    staff: Staff,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let again = |error: String| {
        let view = PasswordPage {
            csrf: staff.csrf_token.clone(),
            min_chars: MIN_PASSWORD_CHARS,
            error: Some(error),
        };
        Ok(page(StatusCode::OK, &view, None))
    };
    let new = form.text("new_password");
    if new != form.text("confirm_password") {
        return again(t("auth-new-passwords-differ"));
    }
    match state
        .store
        .change_password(staff.account.account_id, form.text("current_password"), new)
        .await
    {
        Ok(()) => Ok(message(
            StatusCode::OK,
            &t("auth-password-changed"),
            &t("auth-password-changed-text"),
            Some(("/account", &t("auth-account-title"))),
        )),
        Err(e @ (AuthError::WrongCurrentPassword | AuthError::Invalid(_))) => again(auth_text(&e)),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn set_password_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, WorkspaceError> {
    let account = link_account(&state, &token).await?;
    let (csrf, set) = form_csrf(&headers, &user);
    let view = SetPasswordPage {
        token,
        email: account.email,
        csrf,
        min_chars: MIN_PASSWORD_CHARS,
        error: None,
    };
    Ok(page(StatusCode::OK, &view, set))
}

pub(super) async fn set_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let again = |email: String, error: String| {
        let (csrf, set) = form_csrf(&headers, &user);
        let view = SetPasswordPage {
            token: token.clone(),
            email,
            csrf,
            min_chars: MIN_PASSWORD_CHARS,
            error: Some(error),
        };
        Ok(page(StatusCode::OK, &view, set))
    };
    let account = link_account(&state, &token).await?;
    let password = form.text("password");
    if password != form.text("confirm_password") {
        return again(account.email, t("auth-passwords-differ"));
    }
    match state.store.set_password_with_link(&token, password).await {
        Ok(_) => Ok(message(
            StatusCode::OK,
            &t("auth-password-set"),
            &t("auth-password-set-text"),
            Some(("/login", &t("auth-sign-in"))),
        )),
        Err(AuthError::Link(problem)) => Err(link_problem(problem)),
        Err(e @ AuthError::Invalid(_)) => again(account.email, auth_text(&e)),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn reset_form(headers: HeaderMap, user: CurrentUser) -> Result<Response, WorkspaceError> {
    let (csrf, set) = form_csrf(&headers, &user);
    Ok(page(StatusCode::OK, &ResetPage { csrf, sent: false }, set))
}

pub(super) async fn reset(State(state): State<AppState>, CsrfForm(form): CsrfForm) -> Result<Response, WorkspaceError> {
    // The same answer whether or not an account has this email.
    state.store.request_reset(form.text("email")).await?;
    let sent = ResetPage {
        csrf: String::new(),
        sent: true,
    };
    Ok(page(StatusCode::OK, &sent, None))
}
