//! `/respond/{token}`: the questionnaire for a respondent without an account, reached by the
//! personal link in their invitation. They see what the platform already holds, save drafts and
//! submit; a bad answer gets a message beside its question; an unknown, expired or revoked link
//! gets a page that says so (404 or 410), never an error page. "Add another row" under a
//! repeating group saves the draft and shows one more blank row (the script adds the row in the
//! page instead). Once submitted, the page shows the answers read-only, and a form posted to it
//! anyway is refused (409) with nothing read or written.
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
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use nmp_collect::attach::MAX_RESPONSE_BYTES;
use nmp_collect::respond::{AnswerErrors, MAX_GROUP_ROWS, Opened, REMOVE_ROW, Save, answers_from_form};
use nmp_collect::{CollectError, LinkProblem};
use nmp_i18n::{Lang, t, t_args};
use page::{BLANK_ROWS, Blanks, Visitor, collect_error, render};
use posted::{Unread, read_posted};

use crate::AppState;
use crate::auth::{CsrfForm, CurrentUser, Form, WorkspaceError};

/// The most text (answers) a form may carry, in bytes (1 MB).
pub(crate) const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// The largest request body: the most a response's files may take together, the answers, and
/// the parts' headers.
pub(crate) const MAX_BODY_BYTES: usize = MAX_RESPONSE_BYTES + MAX_TEXT_BYTES + 64 * 1024;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/respond/{token}",
            get(show).post(submit).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)),
        )
        .route("/respond/{token}/language", post(language))
}

/// The language the respondent chose (`language=fr`): recorded for the form and the mails that
/// follow, then back to the form (303). An unknown language is a 422 naming the field.
async fn language(
    State(state): State<AppState>,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let Some(lang) = Lang::from_code(form.text("language")) else {
        return Err(WorkspaceError::Invalid(vec![(
            "language".into(),
            format!("{:?} is not one of: en, fr, es", form.text("language")),
        )]));
    };
    match nmp_collect::respond::set_language(&state.store, &token, lang).await {
        Ok(_) => Ok(Redirect::to(&format!("/respond/{token}")).into_response()),
        Err(CollectError::Link(p)) => Ok(link_page(p, lang)),
        Err(e) => Err(collect_error(e).into()),
    }
}

async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, WorkspaceError> {
    let opened = match open(&state, &token, &headers).await? {
        Ok(opened) => opened,
        Err(page) => return Ok(page),
    };
    let visitor = Visitor {
        state: &state,
        headers: &headers,
        user: &user,
        token: &token,
    };
    let answers = opened.answers.clone();
    render(
        &visitor,
        &opened,
        &answers,
        &AnswerErrors::new(),
        &Blanks::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The invitation of `token` opened, or the page saying why the link cannot be used (in the
/// browser's language: an unusable link tells nothing of the invitation's).
async fn open(state: &AppState, token: &str, headers: &HeaderMap) -> Result<Result<Opened, Response>, WorkspaceError> {
    match nmp_collect::respond::open(&state.store, token).await {
        Ok(opened) => Ok(Ok(opened)),
        Err(CollectError::Link(p)) => Ok(Err(link_page(p, browser_language(headers)))),
        Err(e) => Err(collect_error(e).into()),
    }
}

/// The language the browser prefers (`Accept-Language`), English when it names none of the three.
fn browser_language(headers: &HeaderMap) -> Lang {
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// `error`'s page in `lang` (its frame too).
fn in_language(lang: Lang, error: WorkspaceError) -> Response {
    crate::lang::within(lang, || error.into_response())
}

/// An unknown, expired or revoked link: a page in `lang` that says so (404 or 410).
fn link_page(problem: LinkProblem, lang: Lang) -> Response {
    let (status, key) = match problem {
        LinkProblem::Unknown => (StatusCode::NOT_FOUND, "respond-link-unknown"),
        LinkProblem::Expired => (StatusCode::GONE, "respond-link-expired"),
        LinkProblem::Revoked => (StatusCode::GONE, "respond-link-revoked"),
    };
    let error = WorkspaceError::message(status, &t(lang, "respond-link-unusable"), &t(lang, key), None);
    in_language(lang, error)
}

async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
    request: Request,
) -> Result<Response, WorkspaceError> {
    let opened = match open(&state, &token, &headers).await? {
        Ok(opened) => opened,
        Err(page) => return Ok(page),
    };
    let visitor = Visitor {
        state: &state,
        headers: &headers,
        user: &user,
        token: &token,
    };
    if !opened.editable {
        // Nothing is read or written: a submitted response takes no answers or files.
        return Ok(not_editable(&opened));
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
    let action = form.text("action");
    let submit = action == "submit";
    let add_row = action.strip_prefix("add-row:").map(str::to_string);
    let blanks = blanks_after(&form.0, &opened, add_row.as_deref());
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
    let lang = opened.language();
    let (after, errors) = match nmp_collect::respond::save_with(&state.store, &token, request).await {
        Ok(saved) => saved,
        Err(e) => return not_saved(e, lang),
    };
    // What "Add another row" did, for the notice.
    let added = add_row
        .as_ref()
        .and_then(|group| opened.questions.iter().find(|q| &q.question_key == group))
        .map(|q| {
            let prompt = nmp_collect::questionnaire::translated(q.translations_json.as_deref(), lang, "prompt")
                .unwrap_or_else(|| q.prompt.clone());
            format!(" {}", t_args(lang, "respond-row-added", &[("group", &prompt)]))
        })
        .unwrap_or_default();
    if !errors.is_empty() {
        let notice = Some(format!("{}{added}", t(lang, "respond-draft-needs-attention")));
        return render(
            &visitor,
            &after,
            &answers,
            &errors,
            &blanks,
            notice,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    if submit {
        // The page of a submitted response: read-only, saying when it was submitted.
        let answers = after.answers.clone();
        return render(&visitor, &after, &answers, &errors, &blanks, None, StatusCode::OK).await;
    }
    let mut text = draft_saved(after.language(), &attached, &removed);
    text.push_str(&added);
    render(&visitor, &after, &answers, &errors, &blanks, Some(text), StatusCode::OK).await
}

/// The refusal of a form posted to a response no longer editable (409), in the respondent's
/// language: nothing was saved, when it was submitted, and what to do instead.
fn not_editable(opened: &Opened) -> Response {
    let lang = opened.language();
    let text = match opened.invitation.submitted_at {
        Some(at) => t_args(
            lang,
            "respond-already-submitted-on",
            &[(
                "date",
                &nmp_i18n::dates::format(lang, &nmp_core::PartialDate::day(at.date())),
            )],
        ),
        None => t(lang, "respond-already-submitted-undated"),
    };
    let error = WorkspaceError::message(StatusCode::CONFLICT, &t(lang, "respond-already-submitted"), &text, None);
    in_language(lang, error)
}

/// The blank rows each repeating group shows after a save: as many as the posted form left
/// blank (a row ticked for removal is gone, not blank), one more for the group whose "Add
/// another row" was pressed, and at least one (so filling the one blank row and pressing "Add
/// another row" shows that row and one blank row). The form says how many rows it showed in
/// `rows.GROUP`.
fn blanks_after(form: &[(String, String)], opened: &Opened, add_row: Option<&str>) -> Blanks {
    let mut out = Blanks::new();
    for g in opened.questions.iter().filter(|q| q.kind == "group") {
        let key = &g.question_key;
        let shown = form
            .iter()
            .find(|(k, _)| k.strip_prefix("rows.") == Some(key.as_str()))
            .and_then(|(_, v)| v.trim().parse::<usize>().ok())
            .unwrap_or(0)
            .min(MAX_GROUP_ROWS);
        let prefix = format!("g.{key}.");
        let mut used = vec![false; shown];
        for (k, v) in form {
            let Some((i, field)) = k.strip_prefix(&prefix).and_then(|rest| rest.split_once('.')) else {
                continue;
            };
            let Some(slot) = i.parse::<usize>().ok().and_then(|i| used.get_mut(i)) else {
                continue;
            };
            if field == REMOVE_ROW || !v.trim().is_empty() {
                *slot = true;
            }
        }
        let blank = used.iter().filter(|u| !**u).count();
        let added = usize::from(add_row == Some(key.as_str()));
        out.insert(key.clone(), (blank + added).clamp(BLANK_ROWS, MAX_GROUP_ROWS));
    }
    out
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
    let notice = Some(t(opened.language(), "respond-refused-notice"));
    let blanks = blanks_after(&form.0, opened, None);
    render(visitor, opened, &answers, &errors, &blanks, notice, status).await
}

/// Why a response was not saved, in `lang`: the link, a 409 naming what the response cannot
/// take now, or an error.
fn not_saved(e: CollectError, lang: Lang) -> Result<Response, WorkspaceError> {
    match e {
        CollectError::Link(p) => Ok(link_page(p, lang)),
        CollectError::Invalid(errors) => Ok(in_language(
            lang,
            WorkspaceError::message(
                StatusCode::CONFLICT,
                &t(lang, "respond-not-saved"),
                &errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
                None,
            ),
        )),
        e => Err(collect_error(e).into()),
    }
}

/// The notice of a saved draft, naming the files attached and removed.
fn draft_saved(lang: Lang, attached: &[String], removed: &[String]) -> String {
    let mut text = t(lang, "respond-draft-saved");
    if !attached.is_empty() {
        text.push(' ');
        text.push_str(&t_args(lang, "respond-attached", &[("files", &attached.join(", "))]));
    }
    if !removed.is_empty() {
        text.push(' ');
        text.push_str(&t_args(lang, "respond-removed", &[("files", &removed.join(", "))]));
    }
    text
}
