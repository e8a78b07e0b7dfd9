//! The pages of people without an account in the essays' workflow (issue 20), reached by the
//! personal links of their mails:
//!
//! - `/essay/{token}`: the author's page, in the author's language. It shows where the essay
//!   stands and offers what the author can do there: accept or decline the invitation, submit
//!   the manuscript (typed in Markdown, or a Word file converted first into the text box to be
//!   checked), read the editors' letters and the reviewers' comments (never their names) and
//!   revise, and read and approve the proofs with the copyeditor's changes shown as a diff.
//! - `/essay/{token}/proofs.pdf`: the proofs as the essay's pages in the draft report.
//! - `/essay-review/{token}`: the reviewer's page: the version to review with the data behind
//!   each record it cites (the author's name left out when the call is double-anonymous), and
//!   the report form; a report is submitted once.
//!
//! A refused form is shown again as typed, with what is wrong; nothing is written.

mod author;
mod form;
mod proofs;
pub(crate) mod review;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use nmp_collect::{CollectError, LinkProblem};
use nmp_i18n::{Lang, t};

use crate::AppState;
use crate::auth::WorkspaceError;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/essay/{token}",
            get(author::show)
                .post(author::post)
                .layer(DefaultBodyLimit::max(form::MAX_BODY_BYTES)),
        )
        .route("/essay/{token}/proofs.pdf", get(proofs::pdf))
        .route("/essay-review/{token}", get(review::show).post(review::post))
}

/// An unknown, expired or revoked link: a page that says so (404 or 410).
fn link_page(problem: LinkProblem, lang: Lang) -> Response {
    let (status, key) = match problem {
        LinkProblem::Unknown => (StatusCode::NOT_FOUND, "respond-link-unknown"),
        LinkProblem::Expired => (StatusCode::GONE, "respond-link-expired"),
        LinkProblem::Revoked => (StatusCode::GONE, "respond-link-revoked"),
    };
    let error = WorkspaceError::message(status, &t(lang, "respond-link-unusable"), &t(lang, key), None);
    crate::lang::within(lang, || axum::response::IntoResponse::into_response(error))
}

/// A workflow error that is not the person's input, as the page's error.
fn failure(e: CollectError) -> WorkspaceError {
    match e {
        CollectError::Store(e) => WorkspaceError::from(e),
        other => WorkspaceError::from(crate::WebError::Internal(other.to_string())),
    }
}

/// The problems of a refused form as `(field, message)`.
fn problems(e: CollectError) -> Result<Vec<(String, String)>, WorkspaceError> {
    match e {
        CollectError::Invalid(v) => Ok(v.into_iter().map(|e| (e.field, e.message)).collect()),
        CollectError::Store(nmp_store::StoreError::Conflict { .. }) => Ok(vec![(
            "essay".into(),
            "the essay changed since this page was opened (perhaps in another tab): your text is kept below; check the page and send it again".into(),
        )]),
        other => Err(failure(other)),
    }
}
