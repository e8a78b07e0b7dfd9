//! The audit history: one record's (who changed what, when, and the proposals about it) and the
//! whole log, page by page, read from the hash-chained `audit_event` table.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use nmp_store::entity::audit_event;
use nmp_store::records::check_table;

use super::records::title;
use super::review::{ProposalRow, rows, timestamp};
use super::{Nav, Reviewers, render};
use crate::AppState;
use crate::auth::{Staff, WorkspaceError};

/// Events per page of the log.
const PAGE: u64 = 50;

/// One event for people: what changed, field by field.
pub(crate) struct EventRow {
    pub id: i64,
    pub when: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    /// (field, before, after) for the fields that changed.
    pub changes: Vec<(String, String, String)>,
    pub link: Option<String>,
}

fn object(text: Option<&str>) -> serde_json::Map<String, serde_json::Value> {
    text.and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

const QUIET: &[&str] = &["created_at", "updated_at", "updated_by", "version"];

fn row(e: audit_event::Model) -> EventRow {
    let before = object(e.before_json.as_deref());
    let after = object(e.after_json.as_deref());
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    let changes = names
        .into_iter()
        .filter(|n| !QUIET.contains(&n.as_str()))
        .filter(|n| before.get(*n) != after.get(*n))
        .map(|n| {
            (
                n.clone(),
                super::forms::shown(before.get(n)),
                super::forms::shown(after.get(n)),
            )
        })
        .collect();
    let link = (check_table(&e.entity).is_ok() && e.action != "delete")
        .then(|| format!("/staff/records/{}/{}", e.entity, e.entity_id));
    EventRow {
        id: e.audit_event_id,
        when: timestamp(e.occurred_at),
        actor: e.actor,
        entity: e.entity,
        entity_id: e.entity_id,
        action: e.action,
        changes,
        link,
    }
}

#[derive(Template)]
#[template(path = "staff/history.html")]
struct HistoryPage {
    nav: Nav,
    heading: String,
    table: String,
    key: i32,
    events: Vec<EventRow>,
    proposals: Vec<ProposalRow>,
    exists: bool,
}

pub(super) async fn history(
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i32)>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    if check_table(&table).is_err() {
        return Err(WorkspaceError::not_found(format!(
            "{table:?} is not a table the workspace edits"
        )));
    }
    let record = state.store.record(&table, id).await?;
    let events = state.store.history(&table, &id.to_string()).await?;
    if record.is_none() && events.is_empty() {
        return Err(WorkspaceError::not_found(format!("{table} {id} has no history")));
    }
    let proposals = rows(&state.store, state.store.proposals_for(&table, id).await?).await?;
    let view = HistoryPage {
        nav: Nav::of(&staff),
        heading: match &record {
            Some(r) => format!("History of {}: {}", title(&table).to_lowercase(), r.label()),
            None => format!("History of {} {id} (deleted)", title(&table).to_lowercase()),
        },
        exists: record.is_some(),
        table: table.clone(),
        key: id,
        events: events.into_iter().map(row).collect(),
        proposals,
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct LogPage {
    nav: Nav,
    events: Vec<EventRow>,
    page: u64,
    pages: u64,
    total: u64,
    actor: String,
}

#[derive(serde::Deserialize)]
pub(super) struct LogQuery {
    page: Option<u64>,
    actor: Option<String>,
}

pub(super) async fn log(
    State(state): State<AppState>,
    Query(q): Query<LogQuery>,
    staff: Staff<Reviewers>,
) -> Result<Response, WorkspaceError> {
    let actor = q.actor.unwrap_or_default().trim().to_string();
    let page = q.page.unwrap_or(1).max(1);
    let filter = (!actor.is_empty()).then_some(actor.as_str());
    let (events, total) = state.store.audit_log(filter, (page - 1) * PAGE, PAGE).await?;
    let view = LogPage {
        nav: Nav::of(&staff),
        events: events.into_iter().map(row).collect(),
        page,
        pages: total.div_ceil(PAGE).max(1),
        total,
        actor,
    };
    Ok(render(StatusCode::OK, &view))
}
