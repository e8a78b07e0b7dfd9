//! Who may reach a staff page: the [`Staff`] extractor lets through a signed-in person whose role
//! is one of its [`Roles`] (anyone signed in for [`Anyone`]); anonymous visitors are sent to
//! `/login` (a 401 on the JSON API) and other roles get a 403 (see `docs/permissions.md`).
//! While the `require_two_factor` setting says a person's role needs a second factor and they have
//! none, [`Staff`] sends them to set one up (`/account/two-factor`; a 403 on the JSON API): only
//! the set-up pages, which take [`Enrolling`], and signing out are open to them.
//!
//! ```ignore
//! async fn queue(State(state): State<AppState>, staff: Staff<Reviewers>) -> Result<Response, WorkspaceError>
//! ```

use std::marker::PhantomData;
use std::ops::Deref;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::AccountRole;
use nmp_store::auth::SignedIn;

use super::error::WorkspaceError;
use super::session::CurrentUser;
use crate::AppState;

/// A set of roles, named by a marker type, that [`Staff`] lets through.
pub(crate) trait Roles {
    /// The roles; empty for anyone signed in.
    const ROLES: &'static [AccountRole];
}

/// Anyone signed in, whatever the role.
pub(crate) struct Anyone;

impl Roles for Anyone {
    const ROLES: &'static [AccountRole] = &[];
}

/// A signed-in person with one of `R`'s roles; derefs to their [`SignedIn`].
pub(crate) struct Staff<R = Anyone> {
    signed_in: SignedIn,
    roles: PhantomData<fn() -> R>,
}

impl<R> Deref for Staff<R> {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.signed_in
    }
}

impl<R: Roles> FromRequestParts<AppState> for Staff<R> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let user = CurrentUser::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match require_role(&user, R::ROLES) {
            Ok(signed_in) if signed_in.must_enrol(&state.two_factor) => Err(enrol_first(parts)),
            Ok(signed_in) => Ok(Staff {
                signed_in: signed_in.clone(),
                roles: PhantomData,
            }),
            Err(refusal) => Err(answer(parts, refusal.into())),
        }
    }
}

/// Where the set-up of a second factor starts.
pub(crate) const ENROL_PAGE: &str = "/account/two-factor";

/// The answer to someone who must set up a second factor first.
fn enrol_first(parts: &Parts) -> Response {
    if parts.uri.path().starts_with("/api/") {
        WorkspaceError::forbidden(
            "Your role must sign in with a second factor: set it up at /account/two-factor first.",
            None,
        )
        .json()
    } else {
        Redirect::to(ENROL_PAGE).into_response()
    }
}

/// Anyone signed in, whether or not they still have to set up a second factor: for the set-up
/// pages themselves and the account page.
pub(crate) struct Enrolling(SignedIn);

impl Deref for Enrolling {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

impl FromRequestParts<AppState> for Enrolling {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let user = CurrentUser::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match require_role(&user, &[]) {
            Ok(signed_in) => Ok(Enrolling(signed_in.clone())),
            Err(refusal) => Err(answer(parts, refusal.into())),
        }
    }
}

/// An error as this request's route answers it: JSON under `/api/`, a page elsewhere.
pub(crate) fn answer(parts: &Parts, e: WorkspaceError) -> Response {
    if parts.uri.path().starts_with("/api/") {
        e.json()
    } else {
        e.into_response()
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

impl From<Refusal> for WorkspaceError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::SignIn => WorkspaceError::SignIn,
            Refusal::Forbidden => WorkspaceError::forbidden(
                &crate::lang::t("auth-role-refused"),
                Some(("/account", &crate::lang::t("auth-account-title"))),
            ),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        WorkspaceError::from(self).into_response()
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

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{StatusCode, header};
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
        CurrentUser(
            Some(SignedIn {
                account,
                role,
                csrf_token: "c".repeat(64),
                two_factor: false,
            }),
            Default::default(),
        )
    }

    #[test]
    fn require_role_redirects_anonymous_users_and_refuses_other_roles() {
        assert_eq!(require_role(&CurrentUser::nobody(), &[]).err(), Some(Refusal::SignIn));
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
}
