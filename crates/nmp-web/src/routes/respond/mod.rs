//! `/respond/{token}`: the questionnaire for a respondent without an account, reached by the
//! personal link in their invitation. They see what the platform already holds, save drafts and
//! submit; a bad answer gets a message beside its question; an unknown, expired or revoked link
//! gets a page that says so (404 or 410), never an error page.
//!
//! The form is `multipart/form-data` so that it can carry documents for the `file` questions
//! (url-encoded forms are still accepted). The CSRF field comes first in the form and is checked
//! before any file is read; each file is read in chunks and no more than
//! [`MAX_FILE_BYTES`](nmp_collect::attach::MAX_FILE_BYTES) of it is kept, so an oversize file gets
//! its message beside the question; the route's body limit lets through the most files a response
//! may hold at the largest size.

mod page;
mod posted;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use nmp_collect::attach::{MAX_FILE_BYTES, MAX_FILES};
use nmp_collect::respond::{AnswerErrors, Opened, Save, answers_from_form};
use nmp_collect::{CollectError, LinkProblem};
use page::{Visitor, collect_error, render};
use posted::{Unread, read_posted};

use crate::AppState;
use crate::auth::{CurrentUser, Form, WorkspaceError, message};

/// The largest request body: the most files a response may hold, each at the largest size, and
/// the answers.
pub(crate) const MAX_BODY_BYTES: usize = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route(
        "/respond/{token}",
        get(show).post(submit).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)),
    )
}

async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, WorkspaceError> {
    let opened = open(&state, &token).await?;
    let visitor = Visitor {
        state: &state,
        headers: &headers,
        user: &user,
    };
    let answers = opened.answers.clone();
    render(&visitor, &opened, &answers, &AnswerErrors::new(), None, StatusCode::OK).await
}

/// The invitation of `token` opened, or a page saying why the link cannot be used.
async fn open(state: &AppState, token: &str) -> Result<Opened, WorkspaceError> {
    match nmp_collect::respond::open(&state.store, token).await {
        Ok(opened) => Ok(opened),
        Err(CollectError::Link(p)) => Err(link_page(p)),
        Err(e) => Err(collect_error(e).into()),
    }
}

/// An unknown, expired or revoked link: a page that says so (404 or 410).
fn link_page(problem: LinkProblem) -> WorkspaceError {
    let status = match problem {
        LinkProblem::Unknown => StatusCode::NOT_FOUND,
        LinkProblem::Expired | LinkProblem::Revoked => StatusCode::GONE,
    };
    WorkspaceError::message(status, "This link cannot be used", &problem.to_string(), None)
}

async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
    request: Request,
) -> Result<Response, WorkspaceError> {
    let opened = open(&state, &token).await?;
    let visitor = Visitor {
        state: &state,
        headers: &headers,
        user: &user,
    };
    let posted = match read_posted(&headers, &user, request).await {
        Ok(p) => p,
        Err(Unread::Csrf) => return Err(WorkspaceError::Csrf),
        Err(Unread::Body(status, text)) => return unread(&visitor, &opened, status, text).await,
    };
    let form = Form(posted.form);
    let answers = answers_from_form(&form.0, &opened.questions);
    let submit = form.text("action") == "submit";
    let remove: Vec<i32> = form
        .0
        .iter()
        .filter(|(k, _)| k == "remove")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    let removed: Vec<String> = opened
        .attachments
        .iter()
        .filter(|a| remove.contains(&a.attachment_id))
        .map(|a| a.file_name.clone())
        .collect();
    let attached: Vec<String> = posted.uploads.iter().map(|u| u.file_name.clone()).collect();
    let request = Save {
        answers: answers.clone(),
        submit,
        uploads: posted.uploads,
        remove,
    };
    let (after, errors) = nmp_collect::respond::save_with(&state.store, &token, request)
        .await
        .map_err(not_saved)?;
    if !errors.is_empty() {
        let notice =
            Some("Your answers are saved as a draft, but some need attention before you can submit.".to_string());
        return render(
            &visitor,
            &after,
            &answers,
            &errors,
            notice,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    if submit {
        return Ok(message(
            StatusCode::OK,
            "Thank you: your response is submitted",
            "The research team will review your answers; each accepted fact will cite your response. If they have questions, you will be able to open this link again.",
            None,
        ));
    }
    let text = draft_saved(&attached, &removed);
    render(&visitor, &after, &answers, &errors, Some(text), StatusCode::OK).await
}

/// A body that was not read: nothing was saved, so the form is shown as last saved, with what
/// happened beside the first file question (or at the top).
async fn unread(
    visitor: &Visitor<'_>,
    opened: &Opened,
    status: StatusCode,
    text: String,
) -> Result<Response, WorkspaceError> {
    let mut errors = AnswerErrors::new();
    let key = opened
        .questions
        .iter()
        .find(|q| q.kind == "file")
        .map(|q| q.question_key.clone())
        .unwrap_or_else(|| "form".into());
    errors.insert(key, text);
    render(visitor, opened, &opened.answers, &errors, None, status).await
}

/// Why a response was not saved: the link, a 409 naming what the response cannot take now, or
/// an error.
fn not_saved(e: CollectError) -> WorkspaceError {
    match e {
        CollectError::Link(p) => link_page(p),
        CollectError::Invalid(errors) => WorkspaceError::message(
            StatusCode::CONFLICT,
            "Not saved",
            &errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
            None,
        ),
        e => collect_error(e).into(),
    }
}

/// The notice of a saved draft, naming the files attached and removed.
fn draft_saved(attached: &[String], removed: &[String]) -> String {
    let mut text = "Your draft is saved. You can come back to it with the same link.".to_string();
    if !attached.is_empty() {
        text.push_str(&format!(" Attached: {}.", attached.join(", ")));
    }
    if !removed.is_empty() {
        text.push_str(&format!(" Removed: {}.", removed.join(", ")));
    }
    text
}
