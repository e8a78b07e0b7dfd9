//! Data collection in the workspace (editors and administrators): questionnaires and their
//! questions, invitations (with the personal link shown once), each response with the proposals it
//! led to, returning a response with issues, reminders, the mail log and the CSV export; and the
//! documents respondents attached, downloaded by editors and reviewers (`/staff/attachments/{id}`).

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_collect::CollectError;
use nmp_collect::invite::Invitee;
use nmp_store::entity::{edition, invitation, mail, questionnaire};
use nmp_store::records::{schema, value_text};

use super::review::timestamp;
use super::{DECIDERS, Nav, REVIEWERS, render, staff};
use crate::auth::{CurrentUser, Form, csrf_ok, csrf_refused, message};
use crate::{AppState, WebError};

fn failure(e: CollectError) -> Response {
    match e {
        CollectError::Invalid(errors) => message(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Not done",
            &errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "),
            None,
        ),
        CollectError::Store(e) => WebError::Store(e).into_response(),
        other => WebError::Internal(other.to_string()).into_response(),
    }
}

#[derive(Template)]
#[template(path = "staff/questionnaires.html")]
struct ListPage {
    nav: Nav,
    rows: Vec<(i32, String, String, i32, String, usize, usize)>,
    editions: Vec<(String, String)>,
}

pub(super) async fn list(State(state): State<AppState>, user: CurrentUser) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let result: Result<ListPage, WebError> = async {
        let editions: std::collections::HashMap<i32, String> = state
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
        let editions = schema::choices(&state.store, "edition").await?;
        Ok(ListPage {
            nav: Nav::of(s),
            rows,
            editions,
        })
    }
    .await;
    match result {
        Ok(view) => render(StatusCode::OK, &view),
        Err(e) => e.into_response(),
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    body: Bytes,
) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let edition_slug = match form.text("edition_id").parse::<i32>() {
        Ok(id) => match state.store.get::<edition::Entity>(id).await {
            Ok(Some(e)) => e.slug,
            Ok(None) => {
                return failure(nmp_collect::CollectError::Invalid(vec![
                    nmp_core::ValidationError::new("edition_id", "no such edition"),
                ]));
            }
            Err(e) => return WebError::Store(e).into_response(),
        },
        Err(_) => {
            return failure(CollectError::Invalid(vec![nmp_core::ValidationError::new(
                "edition_id",
                "choose an edition",
            )]));
        }
    };
    match nmp_collect::questionnaire::create_default(&state.store, &s.account.email, &edition_slug).await {
        Ok(q) => Redirect::to(&format!("/staff/questionnaires/{}", q.questionnaire_id)).into_response(),
        Err(e) => failure(e),
    }
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
    reminders: Option<String>,
}

async fn show_page(
    state: &AppState,
    s: &nmp_store::auth::SignedIn,
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
                (Some(t), None) => format!("{t} (new rows)"),
                _ => "kept in the response".into(),
            };
            (x.question_id, x.position, x.question_key, x.prompt, x.kind, target)
        })
        .collect();
    let invitations = state
        .store
        .invitations_of(id)
        .await
        .map_err(WebError::Store)?
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

pub(super) async fn show(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i32>) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    match show_page(&state, s, id, None, None).await {
        Ok(view) => render(StatusCode::OK, &view),
        Err(e) => e.into_response(),
    }
}

fn opt_int(form: &Form, name: &str) -> Option<i32> {
    form.text(name).trim().parse().ok()
}

pub(super) async fn invite(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let who = Invitee {
        name: form.text("respondent_name").to_string(),
        email: form.text("respondent_email").to_string(),
        organization_id: opt_int(&form, "organization_id"),
        country_iso3: Some(form.text("country_iso3").trim().to_string()).filter(|c| !c.is_empty()),
        mechanism_id: opt_int(&form, "mechanism_id"),
        due_on: form.text("due_on").to_string(),
    };
    let mail = &state.mail;
    match nmp_collect::invite::invite(&state.store, &mail.mailer, &mail.public_url, &s.account, id, &who).await {
        Ok(invited) => {
            let how = match invited.mail.status.as_str() {
                "sent" => "The invitation was sent by email.".to_string(),
                "outbox" => format!(
                    "No SMTP server is configured, so the invitation was written to the outbox ({}); send it on yourself.",
                    invited.mail.detail.clone().unwrap_or_default()
                ),
                _ => format!(
                    "The invitation could not be sent ({}); give the respondent the link yourself.",
                    invited.mail.detail.clone().unwrap_or_default()
                ),
            };
            let created = Some((invited.invitation.respondent_name.clone(), invited.link.clone(), how));
            match show_page(&state, s, id, created, None).await {
                Ok(view) => render(StatusCode::CREATED, &view),
                Err(e) => e.into_response(),
            }
        }
        Err(e) => failure(e),
    }
}

pub(super) async fn remind(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let mail = &state.mail;
    match nmp_collect::invite::remind(&state.store, &mail.mailer, &mail.public_url, false).await {
        Ok(sent) => {
            let text = if sent.is_empty() {
                "No reminders were due.".to_string()
            } else {
                format!(
                    "Reminders: {}.",
                    sent.iter()
                        .map(|r| format!("{} ({}, {})", r.to, r.why, r.status.clone().unwrap_or_default()))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            };
            match show_page(&state, s, id, None, Some(text)).await {
                Ok(view) => render(StatusCode::OK, &view),
                Err(e) => e.into_response(),
            }
        }
        Err(e) => failure(e),
    }
}

pub(super) async fn revision(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    match nmp_collect::questionnaire::new_revision(&state.store, &s.account.email, id).await {
        Ok(q) => Redirect::to(&format!("/staff/questionnaires/{}", q.questionnaire_id)).into_response(),
        Err(e) => failure(e),
    }
}

pub(super) async fn csv(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i32>) -> Response {
    if let Err(r) = staff(&user, DECIDERS) {
        return r.into_response();
    }
    match nmp_collect::export::responses_csv(&state.store, id).await {
        Ok(text) => (
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
            .into_response(),
        Err(e) => failure(e),
    }
}

/// `GET /staff/questionnaires/{id}/responses.xlsx`: the same table as the CSV, as a workbook.
pub(super) async fn xlsx(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i32>) -> Response {
    if let Err(r) = staff(&user, DECIDERS) {
        return r.into_response();
    }
    let (header, rows) = match nmp_collect::export::responses_table(&state.store, id).await {
        Ok(t) => t,
        Err(e) => return failure(e),
    };
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
        Ok(bytes) => (
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
            .into_response(),
        Err(e) => WebError::Internal(e.to_string()).into_response(),
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
    proposals: Vec<(i32, String, String, String)>,
    revoked: bool,
    /// Documents attached: (id, file name, type, size).
    attachments: Vec<(i32, String, String, String)>,
    /// Said when the response describes a mechanism the platform does not hold.
    new_mechanism: Option<String>,
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
            (a.attachment_id, a.file_name, a.content_type, size)
        })
        .collect())
}

/// `GET /staff/attachments/{id}`: a document a respondent attached, as a download with its type.
pub(super) async fn download(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i32>) -> Response {
    if let Err(r) = staff(&user, REVIEWERS) {
        return r.into_response();
    }
    match nmp_collect::attach::get(&state.store, id).await {
        Ok(Some(a)) => (
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
            .into_response(),
        Ok(None) => WebError::NotFound(format!("attachment {id} does not exist")).into_response(),
        Err(e) => failure(e),
    }
}

pub(super) async fn response(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i32>) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let result: Result<InvitationPage, WebError> = async {
        let inv = state
            .store
            .get::<invitation::Entity>(id)
            .await?
            .ok_or_else(|| WebError::NotFound(format!("invitation {id} does not exist")))?;
        let opened = nmp_collect::respond::opened(&state.store, inv.clone())
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?;
        let answers = opened
            .questions
            .iter()
            .filter(|q| q.group_key.is_none())
            .filter_map(|q| {
                let v = opened.answers.get(&q.question_key)?;
                let text = match v {
                    serde_json::Value::Array(rows) => rows
                        .iter()
                        .map(|r| match r {
                            serde_json::Value::Object(m) => m
                                .iter()
                                .map(|(k, v)| format!("{k}: {}", value_text(v)))
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
            .proposals_of_invitation(id)
            .await
            .map_err(WebError::Store)?
            .into_iter()
            .map(|p| (p.proposal_id, p.entity, p.action, p.state))
            .collect::<Vec<_>>();
        let creating = proposals
            .iter()
            .find(|(_, entity, action, _)| entity == "mechanism" && action == "create")
            .map(|(pid, ..)| *pid);
        let new_mechanism = opened.new_mechanism().then(|| {
            let place = opened.country_name.as_ref().map(|c| format!(" in {c}")).unwrap_or_default();
            match creating {
                Some(pid) => format!(
                    "This response describes a mechanism the platform does not hold yet{place}: proposal {pid} creates it, and the members, functions and activities it lists are proposed under it, to be approved once the mechanism is (rejecting the mechanism rejects them too). Answers about the edition's profile (challenges) and those without a record field stay with the response below."
                ),
                None => format!(
                    "This invitation names no mechanism{place}: the respondent describes one the platform does not hold yet, and submitting proposes creating it, with its members, functions and activities proposed under it."
                ),
            }
        });
        let attachments = attachment_rows(&state, id).await?;
        Ok(InvitationPage {
            attachments,
            new_mechanism,
            nav: Nav::of(s),
            revoked: inv.revoked_at.is_some(),
            questionnaire: opened.questionnaire.title.clone(),
            questionnaire_id: opened.questionnaire.questionnaire_id,
            inv,
            answers,
            proposals,
        })
    }
    .await;
    match result {
        Ok(view) => render(StatusCode::OK, &view),
        Err(e) => e.into_response(),
    }
}

/// `POST /staff/invitations/{id}/{action}`: `issues` (with a comment), `reviewed` or `revoke`.
pub(super) async fn act(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path((id, action)): Path<(i32, String)>,
    body: Bytes,
) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let store = &state.store;
    let result = match action.as_str() {
        "issues" => nmp_collect::invite::return_with_issues(store, &s.account, id, form.text("comment")).await,
        "reviewed" => nmp_collect::invite::mark_reviewed(store, &s.account, id).await,
        "revoke" => nmp_collect::invite::revoke(store, &s.account, id).await,
        other => return WebError::NotFound(format!("no action {other:?}")).into_response(),
    };
    match result {
        Ok(_) => Redirect::to(&format!("/staff/invitations/{id}")).into_response(),
        Err(e) => failure(e),
    }
}

#[derive(Template)]
#[template(path = "staff/mail.html")]
struct MailPage {
    nav: Nav,
    rows: Vec<(String, String, String, String, String, String)>,
    outbox: String,
    smtp: bool,
}

pub(super) async fn mail_log(State(state): State<AppState>, user: CurrentUser) -> Response {
    let s = match staff(&user, DECIDERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    match state.store.all::<mail::Entity>().await {
        Ok(rows) => render(
            StatusCode::OK,
            &MailPage {
                nav: Nav::of(s),
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
            },
        ),
        Err(e) => WebError::Store(e).into_response(),
    }
}
