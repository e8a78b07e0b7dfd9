//! Staff sign-in and what every staff-side handler shares.
//!
//! - `login`: `/login` (with its second step `/login/code`), `/logout`, `/account`,
//!   `/account/password`, `/set-password/{token}` and `/reset-password`, over the use cases in
//!   `nmp_store::auth`;
//! - `two_factor`: setting up, renewing and switching off a second factor (`/account/two-factor`);
//! - `session`: the cookies and the [`CurrentUser`] extractor;
//! - `guard`: the `Staff` extractor, a signed-in person with one of a set of roles (sent to set up
//!   a second factor first when their role must have one), and `Enrolling` for the set-up pages;
//! - `csrf`: the one CSRF check, and the `CsrfForm` and `CsrfJson` extractors;
//! - `error`: `WorkspaceError`, which every staff handler returns, rendered as a message
//!   page or as the JSON error shape.
//!
//! Every POST carries a hidden `csrf` field; forms are parsed by hand from the body so that a
//! missing field is a clear message, never a rejection page. Personal pages are sent with
//! `Cache-Control: no-store`.

mod csrf;
mod error;
pub(crate) mod footer;
mod form;
mod guard;
mod login;
mod session;
mod two_factor;

use axum::Router;
use axum::routing::{get, post};

pub(crate) use csrf::{CsrfForm, CsrfJson, check_csrf, form_csrf};
pub(crate) use error::{JsonError, WorkspaceError, auth_text, no_store, page, refusal_text};
pub(crate) use form::Form;
pub use guard::{Refusal, require_role};
pub(crate) use guard::{Roles, Staff};
pub use session::CurrentUser;

use crate::AppState;

pub(crate) fn router() -> Router<AppState> {
    use login::*;
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/login/code", get(code_form).post(code))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/password", get(password_form).post(change_password))
        .route("/set-password/{token}", get(set_password_form).post(set_password))
        .route("/reset-password", get(reset_form).post(reset))
        .route("/account/two-factor", get(two_factor::status))
        .route("/account/two-factor/start", post(two_factor::start))
        .route("/account/two-factor/confirm", post(two_factor::confirm))
        .route("/account/two-factor/recovery-codes", post(two_factor::recovery_codes))
        .route("/account/two-factor/disable", post(two_factor::disable))
}
