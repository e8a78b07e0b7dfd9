//! The essays' workspace (issue 20), for editors and administrators (`Deciders`) on every call,
//! and for a call's guest editor (any staff account named on the call) on that call alone:
//!
//! - `/staff/editions/{edition}/essays`: the edition's calls and its essay board, one column per
//!   stage (invited, submitted, in review, revisions, accepted, copyediting, proofs, ready,
//!   published, declined) with overdue essays flagged; forms to open a call and to invite an
//!   author (the author's link is shown once, and mailed);
//! - `/staff/essays/{id}`: one essay: its versions (any two compared as a diff), the latest text
//!   rendered with the data behind each record it cites, the reviews (with the comments for the
//!   editor), the decisions, and the forms of the step it is at: assign a reviewer, decide with
//!   a letter (started from the decision's template), copyedit, send to proofs.
//!
//! A staff reviewer reads and reports on the essays asked of them under `/staff/reviews`
//! ([`reviews`]).
//!
//! Every change is one call into `nmp_collect::essays`, audited by the store's writer as the
//! person who made it (a guest editor's own account).
//!
//! A guest editor sees the board of an edition with only the calls they edit and those calls'
//! essays, and does on them what an editor does (invite authors, assign reviewers, decide,
//! copyedit, send to proofs, change due dates, revoke links); opening a call and publishing the
//! edition stay with editors. Anyone else is refused with a 403 page that says why
//! ([`require_handler`]).

mod board;
mod detail;
mod reviews;

pub(crate) use reviews::{ReviewRow, reviews_of};

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};
use nmp_collect::CollectError;
use nmp_store::auth::SignedIn;
use nmp_store::entity::{edition, essay, essay_call};

use crate::AppState;
use crate::auth::WorkspaceError;

/// The essays' routes, added to the workspace's router.
pub(crate) fn routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/staff/editions/{edition}/essays", get(board::show))
        .route("/staff/editions/{edition}/essays/calls", post(board::open_call))
        .route("/staff/essay-calls/{call}/invite", post(board::invite))
        .route("/staff/essays/{id}", get(detail::show))
        .route("/staff/essays/{id}/{action}", post(detail::act))
        .route("/staff/reviews", get(reviews::list))
        .route("/staff/reviews/{review}", get(reviews::show).post(reviews::post))
}

/// The problems of a refused form as `(field, message)`, or the error page.
fn problems(e: CollectError) -> Result<Vec<(String, String)>, WorkspaceError> {
    match e {
        CollectError::Invalid(v) => Ok(v.into_iter().map(|e| (e.field, e.message)).collect()),
        CollectError::Store(nmp_store::StoreError::Conflict { .. }) => Ok(vec![(
            "essay".into(),
            "the essay changed since this page was opened: what you typed is kept below; check the page and send it again".into(),
        )]),
        CollectError::Store(e) => Err(e.into()),
        other => Err(crate::WebError::Internal(other.to_string()).into()),
    }
}

/// Whether `who` handles `call`: editors and administrators every call, a guest editor the calls
/// that name them.
pub(super) fn handles(who: &SignedIn, call: &essay_call::Model) -> bool {
    super::decides(who.role) || call.guest_editor_id == Some(who.account.account_id)
}

/// Refuses with a 403 page saying why unless `who` handles `call` (see [`handles`]).
fn require_handler(who: &SignedIn, call: &essay_call::Model) -> Result<(), WorkspaceError> {
    if handles(who, call) {
        return Ok(());
    }
    Err(WorkspaceError::forbidden_en(
        &format!(
            "The essays of the call “{}” are handled by the editors and by the call's guest editor; you are not its guest editor.",
            call.title
        ),
        Some(("/staff", &crate::lang::t("auth-your-workspace"))),
    ))
}

/// The call `call_id`, or a 404 page.
async fn call_of(state: &AppState, call_id: i32) -> Result<essay_call::Model, WorkspaceError> {
    state.store.get::<essay_call::Entity>(call_id).await?.ok_or_else(|| {
        WorkspaceError::message(
            StatusCode::NOT_FOUND,
            "No such call",
            &format!("There is no call {call_id}."),
            Some(("/staff", &crate::lang::t("auth-your-workspace"))),
        )
    })
}

/// The call of the essay `essay_id`, or a 404 page.
async fn call_of_essay(state: &AppState, essay_id: i32) -> Result<essay_call::Model, WorkspaceError> {
    match state.store.get::<essay::Entity>(essay_id).await? {
        Some(e) => call_of(state, e.call_id).await,
        None => Err(detail::not_found(essay_id)),
    }
}

/// A call that a person edits as its guest editor, for their workspace's overview.
pub(crate) struct GuestCall {
    /// The call's theme.
    pub title: String,
    /// Its edition's slug (the board is `/staff/editions/{slug}/essays`).
    pub edition_slug: String,
    /// Its edition's title.
    pub edition_title: String,
}

/// The calls whose guest editor is `account_id`, oldest first.
pub(super) async fn guest_calls(state: &AppState, account_id: i32) -> Result<Vec<GuestCall>, WorkspaceError> {
    let mut rows = Vec::new();
    for call in state.store.essay_calls_of_guest_editor(account_id).await? {
        let ed = state
            .store
            .get::<edition::Entity>(call.edition_id)
            .await?
            .expect("a call's edition exists");
        rows.push(GuestCall {
            title: call.title,
            edition_slug: ed.slug,
            edition_title: ed.title,
        });
    }
    Ok(rows)
}
