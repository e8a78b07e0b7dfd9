//! The questionnaire page of `/respond/{token}`: each question as an input (a repeating group as
//! rows of inputs, with blank rows to add), filled with the answers so far, each problem beside
//! its question.

use std::collections::BTreeMap;

use askama::Template;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use nmp_collect::CollectError;
use nmp_collect::respond::{AnswerErrors, Answers, Opened, child_name, choices};
use serde_json::Value;

use crate::auth::{CurrentUser, WorkspaceError, form_csrf, page};
use crate::{AppState, WebError};

/// Who is answering: the request's state, headers and user (for the form's CSRF token).
pub(super) struct Visitor<'a> {
    pub state: &'a AppState,
    pub headers: &'a HeaderMap,
    pub user: &'a CurrentUser,
}

/// A data-collection failure of the store, or an internal error.
pub(super) fn collect_error(e: CollectError) -> WebError {
    match e {
        CollectError::Store(e) => WebError::Store(e),
        other => WebError::Internal(other.to_string()),
    }
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

/// The questionnaire page for `visitor` with `status`: `answers`, each problem beside its
/// question, and `notice` on top.
pub(super) async fn render(
    visitor: &Visitor<'_>,
    opened: &Opened,
    answers: &Answers,
    errors: &AnswerErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, WorkspaceError> {
    let questions = views(visitor.state, opened, answers, errors).await?;
    let (csrf, set) = form_csrf(visitor.headers, visitor.user);
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
    Ok(page(status, &view, set))
}
