//! The second factor's pages, for every signed-in person: `/account/two-factor` shows whether it
//! is on and sets it up (`/start` makes a secret, shown as a QR code, a `otpauth://` link and text
//! to type; `/confirm` switches it on with a current code and shows the ten recovery codes once),
//! `/recovery-codes` renews the recovery codes and `/disable` switches it off (password and a
//! code). The use cases are `nmp_store::auth`'s; these pages take [`Enrolling`], so that someone
//! whose role must have a second factor can reach them before anything else.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_store::auth::{AuthError, RECOVERY_CODE_COUNT};

use super::csrf::CsrfForm;
use super::error::{WorkspaceError, page};
use super::guard::{ENROL_PAGE, Enrolling};
use crate::AppState;

/// A second factor being set up, as the page shows it.
struct Setup {
    /// The secret in groups of four, for typing.
    secret: String,
    /// The `otpauth://` URI.
    uri: String,
    /// The QR code, a base64 PNG.
    qr: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/two_factor.html")]
struct TwoFactorPage {
    csrf: String,
    /// Whether the second factor is on, since when (UTC, to the minute).
    on: Option<String>,
    codes_left: u64,
    setup: Option<Setup>,
    /// Whether the person's role must have one.
    required: bool,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/recovery_codes.html")]
struct RecoveryCodesPage {
    codes: Vec<String>,
    /// Whether the second factor was switched on just now (else the codes were renewed).
    new: bool,
}

/// The page for `who`, with an optional error and status.
async fn show(
    state: &AppState,
    who: &Enrolling,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, WorkspaceError> {
    let id = who.account.account_id;
    let factor = state.store.two_factor(id).await?;
    let on = factor
        .as_ref()
        .and_then(|f| f.enabled_at)
        .map(|at| format!("{} {:02}:{:02} UTC", at.date(), at.hour(), at.minute()));
    let setup = match &on {
        Some(_) => None,
        None => state.store.pending_enrolment(&who.account).await?.map(|e| Setup {
            secret: e
                .secret
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" "),
            uri: e.uri,
            qr: e.qr_png_base64,
        }),
    };
    let view = TwoFactorPage {
        csrf: who.csrf_token.clone(),
        codes_left: if on.is_some() {
            state.store.recovery_codes_left(id).await?
        } else {
            0
        },
        on,
        setup,
        required: state.two_factor.requires(who.role),
        error,
    };
    Ok(page(status, &view, None))
}

/// A problem the person can fix, shown on the page (422); anything else is the error page.
async fn again(state: &AppState, who: &Enrolling, e: AuthError) -> Result<Response, WorkspaceError> {
    match e {
        AuthError::WrongCode | AuthError::CodeUsed | AuthError::WrongCurrentPassword | AuthError::Refused(_) => {
            show(state, who, StatusCode::UNPROCESSABLE_ENTITY, Some(super::auth_text(&e))).await
        }
        other => Err(other.into()),
    }
}

pub(super) async fn status(State(state): State<AppState>, who: Enrolling) -> Result<Response, WorkspaceError> {
    show(&state, &who, StatusCode::OK, None).await
}

pub(super) async fn start(
    State(state): State<AppState>,
    who: Enrolling,
    CsrfForm(_): CsrfForm,
) -> Result<Response, WorkspaceError> {
    match state.store.start_two_factor(&who.account).await {
        Ok(_) => Ok(Redirect::to(ENROL_PAGE).into_response()),
        Err(e) => again(&state, &who, e).await,
    }
}

pub(super) async fn confirm(
    State(state): State<AppState>,
    who: Enrolling,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    match state.store.confirm_two_factor(&who.account, form.text("code")).await {
        Ok(codes) => Ok(page(StatusCode::OK, &RecoveryCodesPage { codes, new: true }, None)),
        Err(e) => again(&state, &who, e).await,
    }
}

pub(super) async fn recovery_codes(
    State(state): State<AppState>,
    who: Enrolling,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    match state.store.new_recovery_codes(&who.account, form.text("code")).await {
        Ok(codes) => Ok(page(StatusCode::OK, &RecoveryCodesPage { codes, new: false }, None)),
        Err(e) => again(&state, &who, e).await,
    }
}

pub(super) async fn disable(
    State(state): State<AppState>,
    who: Enrolling,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    match state
        .store
        .disable_two_factor(who.account.account_id, form.text("password"), form.text("code"))
        .await
    {
        Ok(()) => Ok(Redirect::to(ENROL_PAGE).into_response()),
        Err(e) => again(&state, &who, e).await,
    }
}

impl TwoFactorPage {
    /// How many recovery codes a person gets.
    fn count(&self) -> usize {
        RECOVERY_CODE_COUNT
    }
}
