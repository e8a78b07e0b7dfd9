//! The staff workspace under `/staff`: editing records with their citations, the review queue,
//! assignments, the audit history, questionnaires, editions (publishing, building the report) and,
//! for administrators, accounts. Handlers are thin: their extractors check the role (`Staff<Deciders>`, see
//! `docs/permissions.md`) and the CSRF token of every POST (`CsrfForm`); they call one store use
//! case from `nmp_store::records` and return `Result<Response, WorkspaceError>`, using `?`. Every
//! page is personal: never cached.

mod accounts;
pub(crate) mod api;
mod assessments;
mod assignments;
mod audit;
mod collect;
mod editions;
mod forms;
mod import;
mod pick;
mod records;
mod review;
mod search;
mod sign_ins;
mod source_files;
mod sources;
mod uncited;
mod watchlist;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use nmp_core::vocab::{AccountRole, ReviewState};
use nmp_store::auth::SignedIn;
use nmp_store::records::workspace::{edit_mode, may_decide, may_review};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::{Roles, Staff, WorkspaceError, page};

/// The largest file a staff import takes.
pub use import::MAX_FILE_BYTES as IMPORT_MAX_FILE_BYTES;

pub(crate) fn router() -> Router<AppState> {
    assessments::routes(Router::new())
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
        .route("/staff/pick/{table}", get(pick::search))
        .route("/staff/review", get(review::queue))
        .route("/staff/proposals/{id}", get(review::show))
        .route("/staff/proposals/{id}/decide", post(review::decide))
        .route("/staff/assignments", get(assignments::list).post(assignments::create))
        .route("/staff/assignments/{id}/done", post(assignments::done))
        .route("/staff/audit", get(audit::log))
        .route("/staff/sign-ins", get(sign_ins::log))
        .route("/staff/search", get(search::page))
        .route("/staff/sources", get(sources::list))
        .route("/staff/sources/{source}/archive", post(sources::set_archive))
        .route(
            "/staff/sources/{source}/file",
            post(source_files::upload).layer(DefaultBodyLimit::max(source_files::MAX_BODY_BYTES)),
        )
        .route(
            "/staff/import",
            get(import::form)
                .post(import::upload)
                .layer(DefaultBodyLimit::max(import::MAX_BODY_BYTES)),
        )
        .route("/staff/import/template.xlsx", get(import::template))
        .route("/staff/export/{file}", get(import::export))
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
        .route("/staff/watchlist", get(watchlist::show).post(watchlist::change))
        .route("/staff/alerts/read", post(watchlist::mark_read))
        .route("/staff/editions", get(editions::list))
        .route("/staff/editions/{edition}", get(editions::show))
        .route(
            "/staff/editions/{edition}/publish",
            get(editions::confirm).post(editions::publish),
        )
        .route("/staff/editions/{edition}/errata", post(editions::erratum))
        .route("/staff/editions/{edition}/build", post(editions::build))
        .route("/staff/editions/{edition}/preview.pdf", get(editions::preview))
        .route(
            "/staff/editions/{edition}/builds/{build}/{file}",
            get(editions::download),
        )
        .route("/staff/attachments/{id}", get(collect::download))
        .route("/staff/accounts", get(accounts::list).post(accounts::create))
        .route("/staff/accounts/{id}", get(accounts::show))
        .route("/staff/accounts/{id}/role", post(accounts::change_role))
        .route("/staff/accounts/{id}/active", post(accounts::set_active))
        .route("/staff/accounts/{id}/link", post(accounts::reissue_link))
        .route(
            "/staff/accounts/{id}/two-factor/reset",
            post(accounts::reset_two_factor),
        )
}

/// The workspace's JSON API (`PATCH /api/v1/records/{table}/{id}`), with its part of the OpenAPI
/// document.
pub(crate) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(api::patch))
}

pub use editions::Builds;
pub(crate) use editions::{FinalBuild, build_date, read_files};
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
    pub can_admin: bool,
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
            can_admin: ADMINS.contains(&s.role),
        }
    }
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

/// Roles that administer accounts.
pub(crate) const ADMINS: &[AccountRole] = &[AccountRole::Admin];

/// Names a set of roles as a type, for [`Staff`].
macro_rules! roles {
    ($(#[$doc:meta])* $name:ident = $roles:expr) => {
        $(#[$doc])*
        pub(crate) struct $name;

        impl Roles for $name {
            const ROLES: &'static [AccountRole] = $roles;
        }
    };
}

roles!(
    /// Those who change records: [`EDITORS_AND_PROPOSERS`].
    Proposers = EDITORS_AND_PROPOSERS
);
roles!(
    /// Those who read the review queue and the audit log: [`REVIEWERS`].
    Reviewers = REVIEWERS
);
roles!(
    /// Those who decide proposals, make assignments and run data collection: [`DECIDERS`].
    Deciders = DECIDERS
);
roles!(
    /// Those who administer accounts: [`ADMINS`].
    Admins = ADMINS
);
roles!(
    /// Those who see editions, their builds and previews.
    EditionReaders = editions::READERS
);

/// Renders a workspace page with `status` (never cached).
pub(crate) fn render(status: StatusCode, template: &impl Template) -> Response {
    page(status, template, None)
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct Dashboard {
    nav: Nav,
    assignments: Vec<assignments::AssignmentRow>,
    rounds: Vec<assessments::RoundRow>,
    proposals: Vec<review::ProposalRow>,
    queue: Option<usize>,
    alerts: Vec<watchlist::AlertRow>,
}

async fn dashboard(State(state): State<AppState>, staff: Staff) -> Result<Response, WorkspaceError> {
    let store = &state.store;
    let me = staff.account.account_id;
    let assignments = assignments::rows(store, Some(me), false).await?;
    let rounds = assessments::round_rows(&state, &staff).await?;
    let mine = store.proposals(None, Some(me)).await?;
    let proposals = review::rows(store, mine.into_iter().take(20).collect()).await?;
    let queue = if may_review(staff.role) {
        Some(store.proposals(Some(ReviewState::Proposed), None).await?.len())
    } else {
        None
    };
    let alerts = watchlist::alert_rows(store, me, true).await?;
    let view = Dashboard {
        alerts,
        nav: Nav::of(&staff),
        assignments,
        rounds,
        proposals,
        queue,
    };
    Ok(render(StatusCode::OK, &view))
}

/// Whether `role` decides proposals (used by templates through the views).
pub(crate) fn decides(role: AccountRole) -> bool {
    may_decide(role)
}
