//! The essays' workspace (issue 20), for editors (`Deciders`):
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
//! Every change is one call into `nmp_collect::essays`, audited by the store's writer.

mod board;
mod detail;

use axum::Router;
use axum::routing::{get, post};
use nmp_collect::CollectError;

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
