//! The staff workspace under `/staff`: editing records with their citations, the review queue,
//! assignments, the audit history, questionnaires, and editions (publishing, building the report). Handlers are thin: they check the role (see
//! `docs/permissions.md`), check the CSRF token on every POST, parse the form, and call one store
//! use case from `nmp_store::records`. Every page is personal: never cached.

mod api;
mod assignments;
mod audit;
mod collect;
mod editions;
mod forms;
mod import;
mod records;
mod review;
mod uncited;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use nmp_core::vocab::{AccountRole, ReviewState};
use nmp_store::auth::SignedIn;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::{edit_mode, may_decide, may_review};

use crate::auth::{CurrentUser, Refusal, message, page, require_role};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/staff", get(dashboard))
        .route("/staff/records", get(records::index))
        .route("/staff/records/{table}", get(records::list).post(records::create))
        .route("/staff/records/{table}/new", get(records::new_form))
        .route(
            "/staff/records/{table}/{id}",
            get(records::edit_form).post(records::save),
        )
        .route("/staff/records/{table}/{id}/delete", post(records::delete))
        .route("/staff/records/{table}/{id}/history", get(audit::history))
        .route("/staff/review", get(review::queue))
        .route("/staff/proposals/{id}", get(review::show))
        .route("/staff/proposals/{id}/decide", post(review::decide))
        .route("/staff/assignments", get(assignments::list).post(assignments::create))
        .route("/staff/assignments/{id}/done", post(assignments::done))
        .route("/staff/audit", get(audit::log))
        .route(
            "/staff/import",
            get(import::form)
                .post(import::upload)
                .layer(DefaultBodyLimit::max(import::MAX_BODY_BYTES)),
        )
        .route("/staff/import/template.xlsx", get(import::template))
        .route("/staff/export/{file}", get(import::export))
        .route("/api/v1/records/{table}/{id}", patch(api::patch))
        .route("/staff/questionnaires", get(collect::list).post(collect::create))
        .route("/staff/questionnaires/{id}", get(collect::show))
        .route("/staff/questionnaires/{id}/invitations", post(collect::invite))
        .route("/staff/questionnaires/{id}/remind", post(collect::remind))
        .route("/staff/questionnaires/{id}/revision", post(collect::revision))
        .route("/staff/questionnaires/{id}/responses.csv", get(collect::csv))
        .route("/staff/questionnaires/{id}/responses.xlsx", get(collect::xlsx))
        .route("/staff/invitations/{id}", get(collect::response))
        .route("/staff/invitations/{id}/{action}", post(collect::act))
        .route("/staff/mail", get(collect::mail_log))
        .route("/staff/editions", get(editions::list))
        .route("/staff/editions/{edition}", get(editions::show))
        .route("/staff/editions/{edition}/publish", post(editions::publish))
        .route("/staff/editions/{edition}/build", post(editions::build))
        .route("/staff/editions/{edition}/preview.pdf", get(editions::preview))
        .route(
            "/staff/editions/{edition}/builds/{build}/{file}",
            get(editions::download),
        )
        .route("/staff/attachments/{id}", get(collect::download))
}

pub use editions::Builds;
pub use uncited::UncitedFacts;

/// What the workspace's navigation shows for the signed-in person.
pub(crate) struct Nav {
    pub name: String,
    pub role: &'static str,
    pub csrf: String,
    pub can_edit: bool,
    pub can_review: bool,
    pub can_decide: bool,
    pub can_see_editions: bool,
}

impl Nav {
    pub(crate) fn of(s: &SignedIn) -> Nav {
        Nav {
            name: s.account.name.clone(),
            role: s.role.label(),
            csrf: s.csrf_token.clone(),
            can_edit: edit_mode(s.role).is_some(),
            can_review: may_review(s.role),
            can_decide: may_decide(s.role),
            can_see_editions: editions::READERS.contains(&s.role),
        }
    }
}

/// The signed-in user, or the refusal: anonymous visitors are sent to `/login`, and roles outside
/// `roles` (when it is not empty) get a 403 page.
pub(crate) fn staff<'a>(user: &'a CurrentUser, roles: &[AccountRole]) -> Result<&'a SignedIn, Refusal> {
    require_role(user, roles)
}

/// Roles that may change records (directly or as proposals).
pub(crate) const EDITORS_AND_PROPOSERS: &[AccountRole] = &[
    AccountRole::Admin,
    AccountRole::Editor,
    AccountRole::Researcher,
    AccountRole::Student,
    AccountRole::Partner,
];
/// Roles that read the review queue and the audit log.
pub(crate) const REVIEWERS: &[AccountRole] = &[AccountRole::Admin, AccountRole::Editor, AccountRole::Reviewer];
/// Roles that decide proposals and make assignments.
pub(crate) const DECIDERS: &[AccountRole] = &[AccountRole::Admin, AccountRole::Editor];

/// The answer to a store failure in the workspace: field errors are the caller's to show; a
/// refusal by scope is a 403 page; a missing record a 404; everything else the error page.
pub(crate) fn store_failure(e: ApplyError) -> Response {
    match e {
        ApplyError::Fields(errors) => message(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Not saved",
            &errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "),
            None,
        ),
        ApplyError::Store(e) => WebError::Store(e).into_response(),
    }
}

/// Renders a workspace page with `status` (never cached).
pub(crate) fn render(status: StatusCode, template: &impl Template) -> Response {
    page(status, template, None)
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct Dashboard {
    nav: Nav,
    assignments: Vec<assignments::AssignmentRow>,
    proposals: Vec<review::ProposalRow>,
    queue: Option<usize>,
}

async fn dashboard(State(state): State<AppState>, user: CurrentUser) -> Response {
    let signed_in = match staff(&user, &[]) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let result: Result<Dashboard, WebError> = async {
        let store = &state.store;
        let assignments = assignments::rows(store, Some(signed_in.account.account_id), false).await?;
        let mine = store.proposals(None, Some(signed_in.account.account_id)).await?;
        let proposals = review::rows(store, mine.into_iter().take(20).collect()).await?;
        let queue = if may_review(signed_in.role) {
            Some(store.proposals(Some(ReviewState::Proposed), None).await?.len())
        } else {
            None
        };
        Ok(Dashboard {
            nav: Nav::of(signed_in),
            assignments,
            proposals,
            queue,
        })
    }
    .await;
    match result {
        Ok(view) => render(StatusCode::OK, &view),
        Err(e) => e.into_response(),
    }
}

/// Whether `role` decides proposals (used by templates through the views).
pub(crate) fn decides(role: AccountRole) -> bool {
    may_decide(role)
}
