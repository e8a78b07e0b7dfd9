//! `/respond/{token}`: the questionnaire for a respondent without an account, reached by the
//! personal link in their invitation. They see what the platform already holds, save drafts and
//! submit; a bad answer gets a message beside its question; an unknown, expired or revoked link
//! gets a page that says so (404 or 410), never an error page.
//!
//! The form is `multipart/form-data` so that it can carry documents for the `file` questions
//! (url-encoded forms are still accepted). It is read part by part as it arrives (`posted`, over
//! [`crate::upload`]): the CSRF field comes first and is checked before any file is read; a file
//! is refused before its bytes are read when the response already holds
//! [`MAX_FILES`](nmp_collect::attach::MAX_FILES), and while they are read once it passes
//! [`MAX_FILE_BYTES`](nmp_collect::attach::MAX_FILE_BYTES) or what is left of
//! [`MAX_RESPONSE_BYTES`](nmp_collect::attach::MAX_RESPONSE_BYTES); files being read wait in
//! temporary files, not in memory. A refused form saves nothing and answers 413 with the form as
//! typed and the message beside the file's question. The route's body limit
//! ([`MAX_BODY_BYTES`]) is a response's files at most, with the answers.

mod page;
mod posted;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use nmp_collect::attach::MAX_RESPONSE_BYTES;
use nmp_collect::respond::{AnswerErrors, Opened, Save, answers_from_form};
use nmp_collect::{CollectError, LinkProblem};
use page::{Visitor, collect_error, render};
use posted::{Unread, read_posted};

use crate::AppState;
use crate::auth::{CurrentUser, Form, WorkspaceError, message};

/// The most text (answers) a form may carry, in bytes (1 MB).
pub(crate) const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// The largest request body: the most a response's files may take together, the answers, and
/// the parts' headers.
pub(crate) const MAX_BODY_BYTES: usize = MAX_RESPONSE_BYTES + MAX_TEXT_BYTES + 64 * 1024;

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
    if !opened.editable {
        // Nothing to read: a submitted response takes no answers or files.
        return Err(not_saved(CollectError::Invalid(vec![nmp_core::ValidationError::new(
            "state",
            "this response has been submitted and is with the research team",
        )])));
    }
    let posted = match read_posted(&headers, &user, request, &opened).await {
        Ok(p) => p,
        Err(Unread::Csrf) => return Err(WorkspaceError::Csrf),
        Err(Unread::Refused {
            status,
            question,
            message,
            form,
        }) => return refused(&visitor, &opened, status, question, message, &Form(form)).await,
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

/// A form that was refused (over a limit, or unreadable): nothing was saved, so the form is
/// shown with the answers as typed (over those last saved), the message beside the file's
/// question (or the first file question, or on top), and a notice that nothing was saved.
async fn refused(
    visitor: &Visitor<'_>,
    opened: &Opened,
    status: StatusCode,
    question: Option<String>,
    message: String,
    form: &Form,
) -> Result<Response, WorkspaceError> {
    let mut answers = opened.answers.clone();
    answers.extend(answers_from_form(&form.0, &opened.questions));
    let key = question
        .or_else(|| {
            opened
                .questions
                .iter()
                .find(|q| q.kind == "file")
                .map(|q| q.question_key.clone())
        })
        .unwrap_or_else(|| "form".into());
    let mut errors = AnswerErrors::new();
    errors.insert(key, message);
    let notice = Some(
        "Nothing was saved: see the message below. Your answers are shown as you typed them; choose the files again before saving."
            .to_string(),
    );
    render(visitor, opened, &answers, &errors, notice, status).await
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
