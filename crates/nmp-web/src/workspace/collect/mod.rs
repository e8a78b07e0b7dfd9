//! Data collection in the workspace (editors and administrators): questionnaires and their
//! questions, invitations (with the personal link shown once), reminders and the mail log (here);
//! each response with the proposals it led to, returning a response with issues, the CSV and
//! XLSX exports, and the documents respondents attached, downloaded by editors and reviewers
//! (`/staff/attachments/{id}`) ([`responses`]).

mod responses;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_collect::CollectError;
use nmp_collect::invite::Invitee;
use nmp_store::auth::SignedIn;
use nmp_store::entity::{edition, invitation, mail, questionnaire};
use nmp_store::records::schema;

pub(super) use responses::{act, csv, download, response, xlsx};

use super::review::{code_word, escape, field_name, said_text, timestamp};
use super::{Deciders, Nav, render};
use crate::auth::{CsrfForm, Form, Staff, WorkspaceError};
use crate::{AppState, WebError};

/// A data-collection failure: refused values are a 422 "Not done" page naming them (in English,
/// as the collection library says them).
fn failure(e: CollectError) -> WorkspaceError {
    match e {
        CollectError::Invalid(errors) => WorkspaceError::message_en(
            StatusCode::UNPROCESSABLE_ENTITY,
            &crate::lang::t("dk-not-done"),
            &errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "),
            None,
        ),
        CollectError::Store(e) => e.into(),
        other => WebError::Internal(other.to_string()).into(),
    }
}

#[derive(Template)]
#[template(path = "staff/questionnaires.html")]
struct ListPage {
    nav: Nav,
    rows: Vec<(i32, String, String, i32, String, usize, usize)>,
    editions: Vec<(String, String)>,
}

pub(super) async fn list(State(state): State<AppState>, staff: Staff<Deciders>) -> Result<Response, WorkspaceError> {
    let editions: HashMap<i32, String> = state
        .store
        .all::<edition::Entity>()
        .await?
        .into_iter()
        .map(|e| (e.edition_id, e.title))
        .collect();
    let invitations = state.store.all::<invitation::Entity>().await?;
    let rows = state
        .store
        .all::<questionnaire::Entity>()
        .await?
        .into_iter()
        .map(|q| {
            let mine: Vec<_> = invitations
                .iter()
                .filter(|i| i.questionnaire_id == q.questionnaire_id)
                .collect();
            let submitted = mine.iter().filter(|i| i.submitted_at.is_some()).count();
            (
                q.questionnaire_id,
                q.title,
                editions.get(&q.edition_id).cloned().unwrap_or_default(),
                q.revision,
                q.status,
                mine.len(),
                submitted,
            )
        })
        .collect();
    let view = ListPage {
        nav: Nav::of(&staff),
        rows,
        editions: schema::choices(&state.store, "edition").await?,
    };
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn create(
    State(state): State<AppState>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let invalid = |key: &str| {
        let problem = crate::lang::ta(
            "dk-field-problem",
            &[("field", &field_name("edition_id")), ("problem", &crate::lang::t(key))],
        );
        WorkspaceError::message(
            StatusCode::UNPROCESSABLE_ENTITY,
            &crate::lang::t("dk-not-done"),
            &problem,
            None,
        )
    };
    let id = form
        .text("edition_id")
        .parse::<i32>()
        .map_err(|_| invalid("dk-choose-edition"))?;
    let edition = state.store.get::<edition::Entity>(id).await?;
    let edition = edition.ok_or_else(|| invalid("dk-no-edition-chosen"))?;
    let q = nmp_collect::questionnaire::create_default(&state.store, &staff.account.email, &edition.slug)
        .await
        .map_err(failure)?;
    Ok(Redirect::to(&format!("/staff/questionnaires/{}", q.questionnaire_id)).into_response())
}

#[derive(Template)]
#[template(path = "staff/questionnaire.html")]
struct ShowPage {
    nav: Nav,
    q: questionnaire::Model,
    questions: Vec<(i32, i32, String, String, String, String)>,
    invitations: Vec<(i32, String, String, String, String, i32)>,
    organizations: Vec<(String, String)>,
    countries: Vec<(String, String)>,
    mechanisms: Vec<(String, String)>,
    created: Option<(String, String, String)>,
    /// What sending the reminders did, as HTML.
    reminders: Option<String>,
}

impl ShowPage {
    /// A link to the responses as `ext` (`csv`, `xlsx`), reading the format's name.
    fn export_link(&self, ext: &str) -> String {
        format!(
            "<a href=\"/staff/questionnaires/{}/responses.{ext}\">{}</a>",
            self.q.questionnaire_id,
            ext.to_uppercase()
        )
    }
}

async fn show_page(
    state: &AppState,
    s: &SignedIn,
    id: i32,
    created: Option<(String, String, String)>,
    reminders: Option<String>,
) -> Result<ShowPage, WebError> {
    let q = state
        .store
        .get::<questionnaire::Entity>(id)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("questionnaire {id} does not exist")))?;
    let questions = nmp_collect::questionnaire::questions(&state.store, id)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .into_iter()
        .map(|x| {
            let target = match (&x.target_table, &x.target_field) {
                (Some(t), Some(f)) => format!("{t}.{f}"),
                (Some(t), None) => crate::lang::ta("dk-feeds-new-rows", &[("table", t)]),
                _ => crate::lang::t("dk-feeds-kept"),
            };
            (x.question_id, x.position, x.question_key, x.prompt, x.kind, target)
        })
        .collect();
    let invitations = state
        .store
        .rows_where::<invitation::Entity, _>(invitation::Column::QuestionnaireId, [id])
        .await?
        .into_iter()
        .map(|i| {
            let state = if i.revoked_at.is_some() {
                "revoked".to_string()
            } else {
                i.state.clone()
            };
            (
                i.invitation_id,
                i.respondent_name,
                i.respondent_email,
                i.due_on,
                state,
                i.reminders_sent,
            )
        })
        .collect();
    Ok(ShowPage {
        nav: Nav::of(s),
        q,
        questions,
        invitations,
        organizations: schema::choices(&state.store, "organization").await?,
        countries: schema::choices(&state.store, "country").await?,
        mechanisms: schema::choices(&state.store, "mechanism").await?,
        created,
        reminders,
    })
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
) -> Result<Response, WorkspaceError> {
    let view = show_page(&state, &staff, id, None, None).await?;
    Ok(render(StatusCode::OK, &view))
}

fn opt_int(form: &Form, name: &str) -> Option<i32> {
    form.text(name).trim().parse().ok()
}

pub(super) async fn invite(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let who = Invitee {
        name: form.text("respondent_name").to_string(),
        email: form.text("respondent_email").to_string(),
        organization_id: opt_int(&form, "organization_id"),
        country_iso3: Some(form.text("country_iso3").trim().to_string()).filter(|c| !c.is_empty()),
        mechanism_id: opt_int(&form, "mechanism_id"),
        due_on: form.text("due_on").to_string(),
        language: nmp_i18n::Lang::from_code(form.text("language")).unwrap_or_default(),
    };
    let mail = &state.mail;
    let invited = nmp_collect::invite::invite(&state.store, &mail.mailer, &mail.public_url, &staff.account, id, &who)
        .await
        .map_err(failure)?;
    let detail = invited.mail.detail.clone().unwrap_or_default();
    let how = match invited.mail.status.as_str() {
        "sent" => crate::lang::t("dk-invite-sent"),
        "outbox" => crate::lang::ta("dk-invite-outbox", &[("detail", &detail)]),
        _ => crate::lang::ta("dk-invite-failed", &[("detail", &detail)]),
    };
    let created = Some((invited.invitation.respondent_name.clone(), invited.link.clone(), how));
    let view = show_page(&state, &staff, id, created, None).await?;
    Ok(render(StatusCode::CREATED, &view))
}

pub(super) async fn remind(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    _: CsrfForm,
) -> Result<Response, WorkspaceError> {
    let mail = &state.mail;
    let sent = nmp_collect::invite::remind(&state.store, &mail.mailer, &mail.public_url, false)
        .await
        .map_err(failure)?;
    let text = if sent.is_empty() {
        escape(&crate::lang::t("dk-no-reminders-due"))
    } else {
        let list = sent
            .iter()
            .map(|r| {
                let why = code_word("why", r.why);
                let status = code_word("mail-status", r.status.as_deref().unwrap_or_default());
                said_text(
                    "dk-reminder-sent",
                    &[("to", &r.to), ("why", &why), ("status", &status)],
                    &[],
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        said_text("dk-reminders-sent", &[], &[("list", &list)])
    };
    let view = show_page(&state, &staff, id, None, Some(text)).await?;
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn revision(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    _: CsrfForm,
) -> Result<Response, WorkspaceError> {
    let q = nmp_collect::questionnaire::new_revision(&state.store, &staff.account.email, id)
        .await
        .map_err(failure)?;
    Ok(Redirect::to(&format!("/staff/questionnaires/{}", q.questionnaire_id)).into_response())
}

#[derive(Template)]
#[template(path = "staff/mail.html")]
struct MailPage {
    nav: Nav,
    rows: Vec<(String, String, String, String, String, String)>,
    outbox: String,
    smtp: bool,
}

impl MailPage {
    /// The outbox folder as the page shows it.
    fn folder_html(&self) -> String {
        format!("<code>{}</code>", escape(&self.outbox))
    }
}

pub(super) async fn mail_log(
    State(state): State<AppState>,
    staff: Staff<Deciders>,
) -> Result<Response, WorkspaceError> {
    let rows = state.store.all::<mail::Entity>().await?;
    let view = MailPage {
        nav: Nav::of(&staff),
        rows: rows
            .into_iter()
            .rev()
            .map(|m| {
                (
                    timestamp(m.created_at),
                    m.kind,
                    m.to_address,
                    m.subject,
                    m.status,
                    m.detail.unwrap_or_default(),
                )
            })
            .collect(),
        outbox: state.mail.mailer.outbox().display().to_string(),
        smtp: state.mail.mailer.uses_smtp(),
    };
    Ok(render(StatusCode::OK, &view))
}
