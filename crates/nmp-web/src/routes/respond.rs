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

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use nmp_collect::attach::{MAX_FILE_BYTES, MAX_FILES, Upload};
use nmp_collect::respond::{AnswerErrors, Answers, Opened, Save, child_name, choices};
use nmp_collect::{CollectError, LinkProblem};
use serde_json::Value;

use crate::auth::{CurrentUser, Form, csrf_ok, csrf_refused, message, page};
use crate::{AppState, WebError};

/// The largest request body: the most files a response may hold, each at the largest size, and
/// the answers.
pub(crate) const MAX_BODY_BYTES: usize = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route(
        "/respond/{token}",
        get(show).post(submit).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)),
    )
}

/// Blank rows offered under each repeating group.
const BLANK_ROWS: usize = 2;

/// One input of a question (or of a group row).
pub(crate) struct Input {
    pub name: String,
    pub label: String,
    pub help: Option<String>,
    /// `text`, `textarea`, `select`, `radio`, `number` or `file`.
    pub widget: &'static str,
    pub value: String,
    pub options: Vec<(String, String)>,
    pub required: bool,
    pub error: Option<String>,
    /// For a file question: the files attached so far, `(attachment_id, name, size)`.
    pub files: Vec<(i32, String, String)>,
    /// For a file question: the file types the browser offers.
    pub accept: String,
}

/// A question as the page shows it.
pub(crate) struct QuestionView {
    pub section: Option<String>,
    pub input: Option<Input>,
    /// For a group: its prompt and rows of inputs.
    pub group: Option<(String, Option<String>, Vec<Vec<Input>>)>,
}

#[derive(Template)]
#[template(path = "respond.html")]
struct RespondPage {
    title: String,
    intro: Option<String>,
    respondent: String,
    about: Option<String>,
    due_on: String,
    csrf: String,
    questions: Vec<QuestionView>,
    editable: bool,
    /// Whether the form can take files (it then goes as `multipart/form-data`).
    has_files: bool,
    state: String,
    comment: Option<String>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

fn widget(kind: &str, has_options: bool) -> &'static str {
    match kind {
        "long_text" => "textarea",
        "yes_no" => "radio",
        "file" => "file",
        "number" => "number",
        _ if has_options => "select",
        _ => "text",
    }
}

async fn views(
    state: &AppState,
    opened: &Opened,
    answers: &Answers,
    errors: &AnswerErrors,
) -> Result<Vec<QuestionView>, WebError> {
    let mut out = Vec::new();
    let mut section = None;
    let text = |v: Option<&Value>| v.map(nmp_store::records::value_text).unwrap_or_default();
    for q in opened.questions.iter().filter(|q| q.group_key.is_none()) {
        let heading = q.section.clone().filter(|s| Some(s) != section.as_ref());
        if q.section.is_some() {
            section = q.section.clone();
        }
        if q.kind == "group" {
            let children: Vec<_> = opened
                .questions
                .iter()
                .filter(|c| c.group_key.as_deref() == Some(q.question_key.as_str()))
                .collect();
            let rows = answers
                .get(&q.question_key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let mut row_views = Vec::new();
            for i in 0..rows.len() + BLANK_ROWS {
                let row = rows.get(i);
                let mut inputs = Vec::new();
                for c in &children {
                    let options = choices(&state.store, c).await.map_err(collect_error)?;
                    let name = child_name(c);
                    let mut with_blank = Vec::new();
                    if !options.is_empty() {
                        with_blank.push((String::new(), "—".to_string()));
                        with_blank.extend(options);
                    }
                    inputs.push(Input {
                        name: format!("g.{}.{i}.{name}", q.question_key),
                        label: c.prompt.clone(),
                        help: None,
                        widget: widget(&c.kind, !with_blank.is_empty()),
                        value: text(row.and_then(|r| r.get(&name))),
                        options: with_blank,
                        required: false,
                        error: errors.get(&format!("{}.{i}.{name}", q.question_key)).cloned(),
                        files: Vec::new(),
                        accept: String::new(),
                    });
                }
                row_views.push(inputs);
            }
            out.push(QuestionView {
                section: heading,
                input: None,
                group: Some((q.prompt.clone(), q.help.clone(), row_views)),
            });
            continue;
        }
        if q.kind == "file" {
            let files = opened
                .attachments
                .iter()
                .filter(|a| a.question_key == q.question_key)
                .map(|a| (a.attachment_id, a.file_name.clone(), a.size_text()))
                .collect();
            out.push(QuestionView {
                section: heading,
                input: Some(Input {
                    name: format!("f.{}", q.question_key),
                    label: q.prompt.clone(),
                    help: q.help.clone(),
                    widget: "file",
                    value: String::new(),
                    options: Vec::new(),
                    required: q.required,
                    error: errors.get(&q.question_key).cloned(),
                    files,
                    accept: nmp_collect::attach::accept_attribute(),
                }),
                group: None,
            });
            continue;
        }
        let mut options = choices(&state.store, q).await.map_err(collect_error)?;
        let w = widget(&q.kind, !options.is_empty());
        if w == "select" {
            options.insert(0, (String::new(), "—".to_string()));
        }
        out.push(QuestionView {
            section: heading,
            input: Some(Input {
                name: format!("q.{}", q.question_key),
                label: q.prompt.clone(),
                help: q.help.clone(),
                widget: w,
                value: text(answers.get(&q.question_key)),
                options,
                required: q.required,
                error: errors.get(&q.question_key).cloned(),
                files: Vec::new(),
                accept: String::new(),
            }),
            group: None,
        });
    }
    Ok(out)
}

fn collect_error(e: CollectError) -> WebError {
    match e {
        CollectError::Store(e) => WebError::Store(e),
        other => WebError::Internal(other.to_string()),
    }
}

fn link_page(problem: LinkProblem) -> Response {
    let status = match problem {
        LinkProblem::Unknown => StatusCode::NOT_FOUND,
        LinkProblem::Expired | LinkProblem::Revoked => StatusCode::GONE,
    };
    message(status, "This link cannot be used", &problem.to_string(), None)
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
    opened: &Opened,
    answers: &Answers,
    errors: &AnswerErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Response {
    let questions = match views(state, opened, answers, errors).await {
        Ok(q) => q,
        Err(e) => return e.into_response(),
    };
    let (csrf, set) = crate::auth::form_csrf(headers, user);
    let labels: BTreeMap<&str, &str> = opened
        .questions
        .iter()
        .map(|q| (q.question_key.as_str(), q.prompt.as_str()))
        .collect();
    let about = match (&opened.mechanism_name, &opened.country_name) {
        (Some(m), _) => Some(m.clone()),
        (None, Some(c)) => Some(format!(
            "the mechanism of {c} (not yet in our records: please describe it)"
        )),
        (None, None) => None,
    };
    let view = RespondPage {
        title: opened.questionnaire.title.clone(),
        intro: opened.questionnaire.intro.clone(),
        respondent: opened.invitation.respondent_name.clone(),
        about,
        due_on: opened.invitation.due_on.clone(),
        csrf,
        has_files: opened.questions.iter().any(|q| q.kind == "file"),
        questions,
        editable: opened.editable,
        state: opened.invitation.state.clone(),
        comment: opened
            .invitation
            .review_comment
            .clone()
            .filter(|_| opened.invitation.state == "has_issues"),
        notice,
        errors: errors
            .iter()
            .map(|(k, v)| {
                let key = k.split('.').next().unwrap_or(k);
                (labels.get(key).copied().unwrap_or(key).to_string(), v.clone())
            })
            .collect(),
    };
    page(status, &view, set)
}

async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Response {
    match nmp_collect::respond::open(&state.store, &token).await {
        Ok(opened) => {
            let answers = opened.answers.clone();
            render(
                &state,
                &headers,
                &user,
                &opened,
                &answers,
                &AnswerErrors::new(),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(CollectError::Link(p)) => link_page(p),
        Err(e) => collect_error(e).into_response(),
    }
}

/// The answers in a submitted form: `q.KEY` (repeated for several choices) and `g.GROUP.I.FIELD`.
fn answers_of(form: &Form, opened: &Opened) -> Answers {
    let mut answers = Answers::new();
    let mut groups: BTreeMap<String, BTreeMap<usize, serde_json::Map<String, Value>>> = BTreeMap::new();
    for (k, v) in &form.0 {
        if let Some(key) = k.strip_prefix("q.") {
            let multiple = opened
                .questions
                .iter()
                .any(|q| q.question_key == key && q.kind == "multiple_choice");
            if multiple {
                let list = answers
                    .entry(key.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list
                    && !v.is_empty()
                {
                    items.push(Value::String(v.clone()));
                }
            } else {
                answers.insert(key.to_string(), Value::String(v.clone()));
            }
        } else if let Some(rest) = k.strip_prefix("g.") {
            let mut parts = rest.splitn(3, '.');
            if let (Some(g), Some(i), Some(field)) = (parts.next(), parts.next(), parts.next())
                && let Ok(i) = i.parse::<usize>()
                && i < 500
            {
                groups
                    .entry(g.to_string())
                    .or_default()
                    .entry(i)
                    .or_default()
                    .insert(field.to_string(), Value::String(v.clone()));
            }
        }
    }
    for (g, rows) in groups {
        let rows: Vec<Value> = rows
            .into_values()
            .filter(|r| r.values().any(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())))
            .map(Value::Object)
            .collect();
        answers.insert(g, Value::Array(rows));
    }
    answers
}

/// What the form carried: its text fields, and the files of `file` questions.
#[derive(Default)]
struct Posted {
    form: Vec<(String, String)>,
    uploads: Vec<Upload>,
}

/// Why a posted form was not read.
enum Unread {
    /// The CSRF field was missing, wrong, or came after a file.
    Csrf,
    /// The body could not be read (too large, or broken); the message says which.
    Body(StatusCode, String),
}

/// Reads the form: url-encoded, or multipart with files. The CSRF token is checked as soon as it
/// arrives, and no file is read before it.
async fn read_posted(headers: &HeaderMap, user: &CurrentUser, request: Request) -> Result<Posted, Unread> {
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !multipart {
        let body = Bytes::from_request(request, &())
            .await
            .map_err(|e| Unread::Body(e.status(), e.body_text()))?;
        let form = Form::parse(&body);
        if !csrf_ok(headers, user, form.get("csrf")) {
            return Err(Unread::Csrf);
        }
        return Ok(Posted {
            form: form.0,
            uploads: Vec::new(),
        });
    }
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| Unread::Body(e.status(), e.body_text()))?;
    let too_large = |e: axum::extract::multipart::MultipartError| {
        let status = e.status();
        let text = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!(
                "The files sent together were larger than {} MB, so nothing was saved; attach fewer files at a time.",
                MAX_BODY_BYTES / 1024 / 1024
            )
        } else {
            format!("The form could not be read ({}); nothing was saved.", e.body_text())
        };
        Unread::Body(status, text)
    };
    let mut posted = Posted::default();
    let mut csrf_checked = false;
    while let Some(mut field) = multipart.next_field().await.map_err(too_large)? {
        let name = field.name().unwrap_or_default().to_string();
        if let Some(key) = name.strip_prefix("f.") {
            if !csrf_checked {
                return Err(Unread::Csrf);
            }
            let file_name = field.file_name().unwrap_or_default().to_string();
            let mut bytes = Vec::new();
            let mut truncated = false;
            while let Some(chunk) = field.chunk().await.map_err(too_large)? {
                if truncated {
                    continue;
                }
                if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                    // Keep reading (the rest of the form follows) but not keeping.
                    truncated = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(&chunk);
                }
            }
            // A file input left empty still sends a part, without a name or bytes.
            if file_name.is_empty() && bytes.is_empty() && !truncated {
                continue;
            }
            posted.uploads.push(Upload {
                question_key: key.to_string(),
                file_name,
                bytes,
                truncated,
            });
            continue;
        }
        let text = field.text().await.map_err(too_large)?;
        if name == "csrf" {
            if !csrf_ok(headers, user, Some(&text)) {
                return Err(Unread::Csrf);
            }
            csrf_checked = true;
        }
        posted.form.push((name, text));
    }
    if !csrf_checked {
        return Err(Unread::Csrf);
    }
    Ok(posted)
}

async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
    request: Request,
) -> Response {
    let opened = match nmp_collect::respond::open(&state.store, &token).await {
        Ok(o) => o,
        Err(CollectError::Link(p)) => return link_page(p),
        Err(e) => return collect_error(e).into_response(),
    };
    let posted = match read_posted(&headers, &user, request).await {
        Ok(p) => p,
        Err(Unread::Csrf) => return csrf_refused(),
        Err(Unread::Body(status, text)) => {
            // Nothing was saved: show the form as last saved, with what happened beside the
            // first file question (or at the top).
            let mut errors = AnswerErrors::new();
            let key = opened
                .questions
                .iter()
                .find(|q| q.kind == "file")
                .map(|q| q.question_key.clone())
                .unwrap_or_else(|| "form".into());
            errors.insert(key, text);
            let answers = opened.answers.clone();
            return render(&state, &headers, &user, &opened, &answers, &errors, None, status).await;
        }
    };
    let form = Form(posted.form);
    let answers = answers_of(&form, &opened);
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
    match nmp_collect::respond::save_with(&state.store, &token, request).await {
        Ok((after, errors)) if errors.is_empty() => {
            if submit {
                message(
                    StatusCode::OK,
                    "Thank you: your response is submitted",
                    "The research team will review your answers; each accepted fact will cite your response. If they have questions, you will be able to open this link again.",
                    None,
                )
            } else {
                let mut text = "Your draft is saved. You can come back to it with the same link.".to_string();
                if !attached.is_empty() {
                    text.push_str(&format!(" Attached: {}.", attached.join(", ")));
                }
                if !removed.is_empty() {
                    text.push_str(&format!(" Removed: {}.", removed.join(", ")));
                }
                render(
                    &state,
                    &headers,
                    &user,
                    &after,
                    &answers,
                    &errors,
                    Some(text),
                    StatusCode::OK,
                )
                .await
            }
        }
        Ok((after, errors)) => {
            let notice =
                Some("Your answers are saved as a draft, but some need attention before you can submit.".to_string());
            render(
                &state,
                &headers,
                &user,
                &after,
                &answers,
                &errors,
                notice,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(CollectError::Link(p)) => link_page(p),
        Err(CollectError::Invalid(errors)) => message(
            StatusCode::CONFLICT,
            "Not saved",
            &errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
            None,
        ),
        Err(e) => collect_error(e).into_response(),
    }
}
