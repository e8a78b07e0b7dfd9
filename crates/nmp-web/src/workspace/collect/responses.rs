//! Responses to questionnaires in the workspace: one response with the proposals it led to,
//! returning it with issues, marking it reviewed or revoking the link; the documents attached;
//! and all responses of a questionnaire as CSV or XLSX.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_store::entity::{invitation, proposal};
use nmp_store::records::value_text;

use super::failure;
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::workspace::review::{english, escape, said_text};
use crate::workspace::{Deciders, Nav, Reviewers, render};
use crate::{AppState, WebError};

pub(in crate::workspace) async fn csv(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    _: Staff<Deciders>,
) -> Result<Response, WorkspaceError> {
    match nmp_collect::export::responses_csv(&state.store, id).await {
        Ok(text) => Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"questionnaire-{id}-responses.csv\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            text,
        )
            .into_response()),
        Err(e) => Err(failure(e)),
    }
}

/// `GET /staff/questionnaires/{id}/responses.xlsx`: the same table as the CSV, as a workbook.
pub(in crate::workspace) async fn xlsx(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    _: Staff<Deciders>,
) -> Result<Response, WorkspaceError> {
    let (header, rows) = nmp_collect::export::responses_table(&state.store, id)
        .await
        .map_err(failure)?;
    let sheet = nmp_ingest::sheet::write::SheetOut {
        name: "responses".into(),
        columns: header
            .into_iter()
            .map(nmp_ingest::sheet::write::ColumnOut::named)
            .collect(),
        rows,
    };
    let readme = vec![
        format!(
            "Responses to questionnaire {id}, one row per invitation, with the review state of the proposals each led to."
        ),
        "Answers to repeating groups (members, functions, activities) are JSON lists.".to_string(),
    ];
    match nmp_ingest::sheet::write::xlsx(&[sheet], &readme) {
        Ok(bytes) => Ok((
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"questionnaire-{id}-responses.xlsx\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            bytes,
        )
            .into_response()),
        Err(e) => Err(WebError::Internal(e.to_string()).into()),
    }
}

#[derive(Template)]
#[template(path = "staff/invitation.html")]
struct InvitationPage {
    nav: Nav,
    inv: invitation::Model,
    questionnaire: String,
    questionnaire_id: i32,
    answers: Vec<(String, String)>,
    /// (id, table, action, state, the new record's name and the proposal it is under, as HTML).
    proposals: Vec<(i32, String, String, String, String)>,
    /// The institutions not in the list that the response names, when it names any.
    new_institutions: Option<String>,
    revoked: bool,
    /// Documents attached: (id, file name, type, size).
    attachments: Vec<(i32, String, String, String)>,
    /// Said when the response describes a mechanism the platform does not hold, as HTML.
    new_mechanism: Option<String>,
}

impl InvitationPage {
    /// The invitation's language by its own name ("Français").
    fn language_name(&self) -> &'static str {
        nmp_i18n::Lang::from_code(&self.inv.language)
            .unwrap_or_default()
            .own_name()
    }

    /// The table a proposal changes (`mechanism_function`), as the page names it: by its name in
    /// English, as before; in French and Spanish by its title (`fonction du mécanisme`).
    fn table_word(&self, table: &str) -> String {
        if crate::lang::lang() == nmp_i18n::Lang::En {
            escape(table)
        } else {
            escape(&crate::workspace::records::title(table).to_lowercase())
        }
    }

    /// The invitation's language by its own name and its code, as the page shows it.
    fn language_html(&self) -> String {
        format!(
            "{} (<code>{}</code>)",
            escape(self.language_name()),
            escape(&self.inv.language)
        )
    }
}

/// The documents attached to a response, for the staff pages: (id, file name, type, size).
pub(crate) async fn attachment_rows(
    state: &AppState,
    invitation_id: i32,
) -> Result<Vec<(i32, String, String, String)>, WebError> {
    Ok(nmp_collect::attach::list(&state.store, invitation_id)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .into_iter()
        .map(|a| {
            let size = a.size_text();
            (a.0.attachment_id, a.0.file_name, a.0.content_type, size)
        })
        .collect())
}

/// `GET /staff/attachments/{id}`: a document a respondent attached, as a download with its type.
pub(in crate::workspace) async fn download(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    _: Staff<Reviewers>,
) -> Result<Response, WorkspaceError> {
    match nmp_collect::attach::get(&state.store, id).await {
        Ok(Some(a)) => Ok((
            [
                (header::CONTENT_TYPE, a.content_type.clone()),
                (
                    header::CONTENT_DISPOSITION,
                    nmp_collect::attach::content_disposition(&a.file_name),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            ],
            a.content,
        )
            .into_response()),
        Ok(None) => Err(WorkspaceError::not_found(format!("attachment {id} does not exist"))),
        Err(e) => Err(failure(e)),
    }
}

pub(in crate::workspace) async fn response(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
) -> Result<Response, WorkspaceError> {
    let inv = state
        .store
        .get::<invitation::Entity>(id)
        .await?
        .ok_or_else(|| WorkspaceError::not_found(format!("invitation {id} does not exist")))?;
    let opened = nmp_collect::respond::opened(&state.store, inv.clone())
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let answers = opened
        .questions
        .iter()
        .filter(|q| q.group_key.is_none())
        .filter_map(|q| {
            let v = opened.answers.get(&q.question_key)?;
            // A row's fields by their questions' prompts; an institution not in the list by the
            // name typed.
            let label = |k: &str| {
                opened
                    .questions
                    .iter()
                    .filter(|c| c.group_key.as_deref() == Some(q.question_key.as_str()))
                    .find_map(|c| {
                        if nmp_collect::respond::child_name(c) == k {
                            Some(c.prompt.clone())
                        } else if nmp_collect::respond::other_key(c) == k {
                            Some(format!("{} not in the list", c.prompt))
                        } else {
                            None
                        }
                    })
                    .unwrap_or_else(|| k.to_string())
            };
            let text = match v {
                serde_json::Value::Array(rows) => rows
                    .iter()
                    .map(|r| match r {
                        serde_json::Value::Object(m) => m
                            .iter()
                            .map(|(k, v)| (k, value_text(v)))
                            .filter(|(_, v)| !v.trim().is_empty() && v != nmp_collect::respond::OTHER)
                            .map(|(k, v)| format!("{}: {v}", label(k)))
                            .collect::<Vec<_>>()
                            .join(", "),
                        other => value_text(other),
                    })
                    .collect::<Vec<_>>()
                    .join(" | "),
                other => value_text(other),
            };
            (!text.is_empty()).then(|| (q.prompt.clone(), text))
        })
        .collect();
    let proposals = state
        .store
        .rows_where::<proposal::Entity, _>(proposal::Column::InvitationId, [id])
        .await?
        .into_iter()
        .map(|p| {
            // A new record's name, and the proposal creating the record a row belongs to.
            let name = p
                .after_json
                .as_deref()
                .and_then(|t| serde_json::from_str::<nmp_store::records::Fields>(t).ok())
                .and_then(|f| f.get("name").map(value_text))
                .filter(|n| p.action == "create" && !n.is_empty())
                .map(|n| format!(" \u{201c}{}\u{201d}", english(&n)))
                .unwrap_or_default();
            let under = p
                .parent_proposal_id
                .map(|id| escape(&crate::lang::ta("dk-under-proposal", &[("id", &id.to_string())])))
                .unwrap_or_default();
            (p.proposal_id, p.entity, p.action, p.state, format!("{name}{under}"))
        })
        .collect::<Vec<_>>();
    let creating = proposals
        .iter()
        .find(|(_, entity, action, ..)| entity == "mechanism" && action == "create")
        .map(|(pid, ..)| *pid);
    let institutions: Vec<String> = proposals
        .iter()
        .filter(|(_, entity, action, ..)| entity == "organization" && action == "create")
        .map(|(pid, ..)| pid.to_string())
        .collect();
    let new_institutions = (!institutions.is_empty()).then(|| {
        let key = if institutions.len() == 1 {
            "dk-new-institution"
        } else {
            "dk-new-institutions"
        };
        crate::lang::ta(key, &[("proposals", &institutions.join(", "))])
    });
    let new_mechanism = opened.new_mechanism().then(|| {
        let country = opened.country_name.as_deref().map(english);
        match (creating, country) {
            (Some(pid), Some(c)) => said_text(
                "dk-new-mechanism-in",
                &[("proposal", &pid.to_string())],
                &[("country", &c)],
            ),
            (Some(pid), None) => said_text("dk-new-mechanism", &[("proposal", &pid.to_string())], &[]),
            (None, Some(c)) => said_text("dk-no-mechanism-in", &[], &[("country", &c)]),
            (None, None) => said_text("dk-no-mechanism", &[], &[]),
        }
    });
    let attachments = attachment_rows(&state, id).await?;
    let view = InvitationPage {
        attachments,
        new_mechanism,
        new_institutions,
        nav: Nav::of(&staff),
        revoked: inv.revoked_at.is_some(),
        questionnaire: opened.questionnaire.title.clone(),
        questionnaire_id: opened.questionnaire.questionnaire_id,
        inv,
        answers,
        proposals,
    };
    Ok(render(StatusCode::OK, &view))
}

/// `POST /staff/invitations/{id}/{action}`: `issues` (with a comment), `reviewed` or `revoke`.
pub(in crate::workspace) async fn act(
    State(state): State<AppState>,
    Path((id, action)): Path<(i32, String)>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let store = &state.store;
    let account = &staff.account;
    let result = match action.as_str() {
        "issues" => nmp_collect::invite::return_with_issues(store, account, id, form.text("comment")).await,
        "reviewed" => nmp_collect::invite::mark_reviewed(store, account, id).await,
        "revoke" => nmp_collect::invite::revoke(store, account, id).await,
        other => return Err(WorkspaceError::not_found(format!("no action {other:?}"))),
    };
    result.map_err(failure)?;
    Ok(Redirect::to(&format!("/staff/invitations/{id}")).into_response())
}
