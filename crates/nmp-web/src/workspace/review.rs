//! The review queue: pending proposals, one proposal with its before/after diff and citation, and
//! the editor's decision (approve or reject, with a comment the proposer sees).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::{ChangeAction, ReviewState};
use nmp_store::auth::SignedIn;
use nmp_store::entity::{account, invitation, proposal, source};
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::may_review;
use nmp_store::records::{Fields, Namer, Record, SourceRef, schema};
use nmp_store::{Store, StoreError};

use super::forms::shown;
use super::records::title;
use super::{Deciders, Nav, Reviewers, render};
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::{AppState, WebError};

/// A proposal in a list.
pub(crate) struct ProposalRow {
    pub id: i32,
    pub what: String,
    pub action: &'static str,
    pub proposer: String,
    pub when: String,
    pub state: String,
    pub comment: Option<String>,
}

/// A timestamp for people: `2026-11-25 10:04 UTC`.
pub(crate) fn timestamp(t: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// [`timestamp`] as HTML: a `<time data-local>` element, which the script rewrites in the
/// reader's own time zone (the UTC text stays without it). For templates, with `|safe`.
pub(crate) fn local_time(t: time::OffsetDateTime) -> String {
    let iso = t
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    format!("<time datetime=\"{iso}\" data-local>{}</time>", timestamp(t))
}

/// The names of the accounts and of the questionnaire respondents, by their keys.
struct People {
    accounts: HashMap<i32, String>,
    respondents: HashMap<i32, String>,
}

async fn names(store: &Store) -> Result<People, WebError> {
    Ok(People {
        accounts: store
            .all::<account::Entity>()
            .await?
            .into_iter()
            .map(|a| (a.account_id, a.name))
            .collect(),
        respondents: store
            .all::<invitation::Entity>()
            .await?
            .into_iter()
            .map(|i| (i.invitation_id, i.respondent_name))
            .collect(),
    })
}

/// Who proposed it: the account's name, or the respondent of a questionnaire response.
fn proposer_name(names: &People, p: &proposal::Model) -> String {
    match (p.proposed_by, p.invitation_id) {
        (Some(id), _) => names.accounts.get(&id).cloned().unwrap_or_default(),
        (None, Some(inv)) => match names.respondents.get(&inv) {
            Some(name) => format!("{name} (questionnaire respondent)"),
            None => format!("questionnaire respondent (invitation {inv})"),
        },
        (None, None) => String::new(),
    }
}

fn after_fields(p: &proposal::Model) -> Fields {
    p.after_json
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

fn before_fields(p: &proposal::Model) -> Fields {
    p.before_json
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

/// What a proposal is about, in words: "Mechanism: Kenya's committee" (named as the record is,
/// or as the proposal would make it).
async fn what(namer: &mut Namer<'_>, store: &Store, p: &proposal::Model) -> Result<String, WebError> {
    let key = p.entity_id.as_deref().and_then(|k| k.parse::<i32>().ok());
    let current = match key {
        Some(k) => store.record(&p.entity, k).await?,
        None => None,
    };
    let label = match current {
        Some(r) => namer.record(&r).await?,
        None => {
            let mut r = nmp_store::records::Record {
                table: p.entity.clone(),
                key: key.unwrap_or_default(),
                version: 0,
                updated_by: String::new(),
                fields: before_fields(p),
            };
            r.fields.extend(after_fields(p));
            let name = namer.record(&r).await?;
            if key.is_none() && p.action == "create" {
                format!("new: {name}")
            } else {
                name
            }
        }
    };
    Ok(format!("{}: {label}", title(&p.entity)))
}

/// List rows for proposals.
pub(crate) async fn rows(store: &Store, proposals: Vec<proposal::Model>) -> Result<Vec<ProposalRow>, WebError> {
    let names = names(store).await?;
    let mut namer = store.namer();
    let mut out = Vec::new();
    for p in proposals {
        out.push(ProposalRow {
            id: p.proposal_id,
            what: what(&mut namer, store, &p).await?,
            action: ChangeAction::parse("action", &p.action)
                .map(|a| a.label())
                .unwrap_or("Change"),
            proposer: proposer_name(&names, &p),
            when: local_time(p.created_at),
            state: p.state.clone(),
            comment: p.decision_comment.clone(),
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "staff/review.html")]
struct QueuePage {
    nav: Nav,
    rows: Vec<ProposalRow>,
}

pub(super) async fn queue(State(state): State<AppState>, staff: Staff<Reviewers>) -> Result<Response, WorkspaceError> {
    let pending = state.store.proposals(Some(ReviewState::Proposed), None).await?;
    let view = QueuePage {
        nav: Nav::of(&staff),
        rows: rows(&state.store, pending).await?,
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(Template)]
#[template(path = "staff/proposal.html")]
struct ProposalPage {
    nav: Nav,
    id: i32,
    version: i32,
    what: String,
    action: &'static str,
    proposer: String,
    when: String,
    state: String,
    message: Option<String>,
    /// (field, before, proposed, current) for the fields the proposal touches.
    diff: Vec<(String, String, String, String)>,
    moved_on: bool,
    citation: Option<String>,
    decided: Option<String>,
    comment: Option<String>,
    can_decide: bool,
    record_link: Option<String>,
    error: Option<String>,
    /// Documents attached to the questionnaire response the proposal came from: (id, file name,
    /// type, size).
    attachments: Vec<(i32, String, String, String)>,
    /// The proposals creating the records this row belongs to: (id, table in words, the new
    /// record's name, state). A row naming a new institution on a new mechanism has two: the
    /// institution's (its parent) and the mechanism of the same response.
    parents: Vec<(i32, String, String, String)>,
}

async fn proposal_page(
    store: &Store,
    signed_in: &SignedIn,
    p: &proposal::Model,
    error: Option<String>,
) -> Result<ProposalPage, WebError> {
    let names = names(store).await?;
    let before = before_fields(p);
    let after = after_fields(p);
    let key = p.entity_id.as_deref().and_then(|k| k.parse::<i32>().ok());
    let current = match key {
        Some(k) => store.record(&p.entity, k).await?,
        None => None,
    };
    let mut namer = store.namer();
    let diff = diff(&mut namer, p, &before, &after, current.as_ref()).await?;
    let pending = p.state == ReviewState::Proposed.code();
    let moved_on = pending && p.base_version.is_some() && current.as_ref().map(|r| r.version) != p.base_version;
    let citation = citation_text(store, p).await?;
    let decided = p.decided_by.map(|d| {
        format!(
            "{} by {} on {}",
            p.state,
            names.accounts.get(&d).cloned().unwrap_or_default(),
            p.decided_at.map(timestamp).unwrap_or_default()
        )
    });
    let record_link = match (key, &current) {
        (Some(k), Some(_)) => Some(format!("/staff/records/{}/{k}", p.entity)),
        _ => None,
    };
    let attachments = match p.invitation_id {
        Some(inv) if may_review(signed_in.role) => nmp_collect::attach::list(store, inv)
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
            .into_iter()
            .map(|a| {
                let size = a.size_text();
                (a.0.attachment_id, a.0.file_name, a.0.content_type, size)
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut parents = Vec::new();
    if let Some(id) = p.parent_proposal_id
        && let Some(parent) = store.get::<proposal::Entity>(id).await?
    {
        parents.push(parent);
    }
    // A row left without its mechanism although its parent creates something else waits for
    // the mechanism its response proposed too.
    let lacks_mechanism = p.invitation_id.is_some()
        && p.action == "create"
        && after.get("mechanism_id").is_some_and(serde_json::Value::is_null)
        && parents.iter().all(|q| q.entity != "mechanism");
    if lacks_mechanism && let Some(inv) = p.invitation_id {
        let mechanism = store
            .proposals_of_invitation(inv)
            .await?
            .into_iter()
            .filter(|q| q.entity == "mechanism" && q.action == "create")
            // The approved one, else the newest.
            .max_by_key(|q| q.state == ReviewState::Approved.code());
        parents.extend(mechanism);
    }
    let parents = parents
        .into_iter()
        .map(|q| {
            let name = shown(after_fields(&q).get("name"));
            (q.proposal_id, title(&q.entity), name, q.state)
        })
        .collect();
    Ok(ProposalPage {
        nav: Nav::of(signed_in),
        id: p.proposal_id,
        version: p.version,
        what: what(&mut namer, store, p).await?,
        action: ChangeAction::parse("action", &p.action)
            .map(|a| a.label())
            .unwrap_or("Change"),
        proposer: proposer_name(&names, p),
        when: local_time(p.created_at),
        state: p.state.clone(),
        message: p.message.clone(),
        diff,
        moved_on,
        citation,
        decided,
        comment: p.decision_comment.clone(),
        can_decide: pending && super::decides(signed_in.role),
        record_link,
        error,
        attachments,
        parents,
    })
}

/// (field, before, proposed, current) for the fields the proposal touches, the values named for
/// people (a reference by the name of the row it points to, a code by its label).
async fn diff(
    namer: &mut Namer<'_>,
    p: &proposal::Model,
    before: &Fields,
    after: &Fields,
    current: Option<&Record>,
) -> Result<Vec<(String, String, String, String)>, WebError> {
    let mut diff = Vec::new();
    let null = serde_json::Value::Null;
    for spec in schema::fields(&p.entity)? {
        let touched = match p.action.as_str() {
            "update" => after.contains_key(&spec.name),
            "create" => !shown(after.get(&spec.name)).is_empty(),
            _ => !shown(before.get(&spec.name)).is_empty(),
        };
        if touched {
            let now = match current {
                Some(r) => {
                    namer
                        .value(&p.entity, &spec.name, r.fields.get(&spec.name).unwrap_or(&null))
                        .await?
                }
                None => String::new(),
            };
            diff.push((
                spec.label(),
                namer
                    .value(&p.entity, &spec.name, before.get(&spec.name).unwrap_or(&null))
                    .await?,
                namer
                    .value(&p.entity, &spec.name, after.get(&spec.name).unwrap_or(&null))
                    .await?,
                now,
            ));
        }
    }
    Ok(diff)
}

/// The proposal's citation in words: the source, the field it supports, where, and the quote.
async fn citation_text(store: &Store, p: &proposal::Model) -> Result<Option<String>, WebError> {
    let text = match Store::proposal_change(p)
        .map_err(|e| WebError::Internal(e.to_string()))?
        .1
    {
        None => None,
        Some(c) => {
            let source = match &c.source {
                SourceRef::Existing(id) => store
                    .get::<source::Entity>(*id)
                    .await?
                    .map(|s| format!("{} ({})", s.title, s.slug))
                    .unwrap_or_else(|| format!("source {id} (no longer exists)")),
                SourceRef::New(fields) => format!(
                    "new source: {} ({})",
                    shown(fields.get("title")),
                    shown(fields.get("slug"))
                ),
            };
            let mut text = source;
            if let Some(f) = &c.field {
                let label = schema::fields(&p.entity)?
                    .iter()
                    .find(|s| s.name == *f)
                    .map_or_else(|| f.clone(), |s| s.label().to_lowercase());
                text.push_str(&format!("; supports the field “{label}”"));
            }
            if let Some(l) = &c.locator {
                text.push_str(&format!("; at {l}"));
            }
            if let Some(q) = &c.quote {
                text.push_str(&format!("; quote: “{q}”"));
            }
            Some(text)
        }
    };
    Ok(text)
}

/// Proposal `id`, when the signed-in person may see it: their own, or any for reviewers.
async fn visible(state: &AppState, signed_in: &SignedIn, id: i32) -> Result<proposal::Model, WorkspaceError> {
    let p = state
        .store
        .get::<proposal::Entity>(id)
        .await?
        .ok_or_else(|| WorkspaceError::not_found(format!("proposal {id} does not exist")))?;
    if p.proposed_by != Some(signed_in.account.account_id) && !may_review(signed_in.role) {
        return Err(WorkspaceError::forbidden(
            "You can see your own proposals; the review queue is for editors and reviewers.",
            Some(("/staff", "Your workspace")),
        ));
    }
    Ok(p)
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    let p = visible(&state, &staff, id).await?;
    let view = proposal_page(&state.store, &staff, &p, None).await?;
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let p = visible(&state, &staff, id).await?;
    let again = |status: StatusCode, error: String| with_error(&state, &staff, &p, status, error);
    let approve = match form.text("decision") {
        "approve" => true,
        "reject" => false,
        other => {
            let error = format!("decision: {other:?} is not approve or reject");
            return again(StatusCode::UNPROCESSABLE_ENTITY, error).await;
        }
    };
    let Ok(version) = form.text("version").trim().parse::<i32>() else {
        let error = "version: reload the page and decide again".into();
        return again(StatusCode::UNPROCESSABLE_ENTITY, error).await;
    };
    let comment = form.get("comment");
    match state.store.decide(&staff.account, id, version, approve, comment).await {
        Ok(_) => Ok(Redirect::to(&format!("/staff/proposals/{id}")).into_response()),
        Err(ApplyError::Store(StoreError::Conflict { entity, .. })) if entity != "proposal" => {
            again(
                StatusCode::CONFLICT,
                "The record changed after this proposal was made, so approving it would overwrite someone else's change. Nothing was written. Compare the proposed and current values below, then reject it with a comment (the proposer can propose again from the current version).".into(),
            )
            .await
        }
        Err(ApplyError::Store(StoreError::Conflict { .. })) => {
            again(StatusCode::CONFLICT, "Someone else decided this proposal first; see its outcome below.".into()).await
        }
        Err(ApplyError::Fields(errors)) => {
            let text = errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ");
            again(StatusCode::UNPROCESSABLE_ENTITY, format!("Not approved: {text}")).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The proposal's page again, as it now is, with `error` on top.
async fn with_error(
    state: &AppState,
    signed_in: &SignedIn,
    p: &proposal::Model,
    status: StatusCode,
    error: String,
) -> Result<Response, WorkspaceError> {
    let fresh = state.store.get::<proposal::Entity>(p.proposal_id).await?;
    let fresh = fresh.unwrap_or_else(|| p.clone());
    let view = proposal_page(&state.store, signed_in, &fresh, Some(error)).await?;
    Ok(render(status, &view))
}
