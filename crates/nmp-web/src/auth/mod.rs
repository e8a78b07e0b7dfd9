//! Staff sign-in and what every staff-side handler shares.
//!
//! - `login`: `/login`, `/logout`, `/account`, `/account/password`, `/set-password/{token}`
//!   and `/reset-password`, over the use cases in `nmp_store::auth`;
//! - `session`: the cookies and the [`CurrentUser`] extractor;
//! - `guard`: the `Staff` extractor, a signed-in person with one of a set of roles;
//! - `csrf`: the one CSRF check, and the `CsrfForm` and `CsrfJson` extractors;
//! - `error`: `WorkspaceError`, which every staff handler returns, rendered as a message
//!   page or as the JSON error shape.
//!
//! Every POST carries a hidden `csrf` field; forms are parsed by hand from the body so that a
//! missing field is a clear message, never a rejection page. Personal pages are sent with
//! `Cache-Control: no-store`.

mod csrf;
mod error;
mod form;
mod guard;
mod login;
mod session;

use axum::Router;
use axum::routing::{get, post};

pub(crate) use csrf::{CsrfForm, CsrfJson, check_csrf, form_csrf};
pub(crate) use error::{JsonError, WorkspaceError, message, no_store, page};
pub(crate) use form::Form;
pub use guard::{Refusal, require_role};
pub(crate) use guard::{Roles, Staff};
pub use session::CurrentUser;

use crate::AppState;

pub(crate) fn router() -> Router<AppState> {
    use login::*;
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/account", get(account))
        .route("/account/password", get(password_form).post(change_password))
        .route("/set-password/{token}", get(set_password_form).post(set_password))
        .route("/reset-password", get(reset_form).post(reset))
}
