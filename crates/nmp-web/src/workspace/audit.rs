//! The audit history: one record's (who changed what, when, and the proposals about it) and the
//! whole log, page by page, read from the hash-chained `audit_event` table.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use nmp_store::entity::audit_event;
use nmp_store::records::{Namer, check_table, schema};

use super::records::title;
use super::review::{ProposalRow, local_time, rows};
use super::{Nav, Reviewers, render};
use crate::auth::{Staff, WorkspaceError};
use crate::{AppState, WebError};

/// Events per page of the log.
const PAGE: u64 = 50;

/// One event for people: what changed, field by field.
pub(crate) struct EventRow {
    pub id: i64,
    pub when: String,
    /// Who, by name.
    pub actor: String,
    /// The record, by its table and name, as HTML (its name marked as English on a French or
    /// Spanish page).
    pub record: String,
    pub action: String,
    /// (field label, before, after) for the fields that changed.
    pub changes: Vec<(String, String, String)>,
    pub link: Option<String>,
}

fn object(text: Option<&str>) -> serde_json::Map<String, serde_json::Value> {
    text.and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

const QUIET: &[&str] = &["created_at", "updated_at", "updated_by", "version"];

/// One event for people: the record and the values named (a reference by the name of the row it
/// points to, a code by its label), fields by their labels, who by their name, when in local time.
async fn row(namer: &mut Namer<'_>, e: audit_event::Model) -> Result<EventRow, WebError> {
    let before = object(e.before_json.as_deref());
    let after = object(e.after_json.as_deref());
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    let editable = check_table(&e.entity).is_ok();
    let specs = if editable { schema::fields(&e.entity)? } else { &[] };
    let mut changes = Vec::new();
    for n in names {
        if QUIET.contains(&n.as_str()) || before.get(n) == after.get(n) {
            continue;
        }
        let spec = specs.iter().find(|s| s.name == *n);
        let value = |v: Option<&serde_json::Value>| v.cloned().unwrap_or(serde_json::Value::Null);
        let (was, now) = if spec.is_some() {
            (
                namer.value(&e.entity, n, &value(before.get(n))).await?,
                namer.value(&e.entity, n, &value(after.get(n))).await?,
            )
        } else {
            (super::forms::shown(before.get(n)), super::forms::shown(after.get(n)))
        };
        changes.push((spec.map_or_else(|| n.clone(), super::forms::label), was, now));
    }
    let link = (editable && e.action != "delete").then(|| format!("/staff/records/{}/{}", e.entity, e.entity_id));
    let record = if editable {
        let name = namer.key(&e.entity, &e.entity_id).await?;
        record_html(&title(&e.entity), &name)
    } else {
        super::escape(&format!("{} {}", title(&e.entity), e.entity_id))
    };
    Ok(EventRow {
        id: e.audit_event_id,
        when: local_time(e.occurred_at),
        actor: namer.actor(&e.actor).await?,
        record,
        action: e.action,
        changes,
        link,
    })
}

/// [`row`] for each event.
async fn rows_of(store: &nmp_store::Store, events: Vec<audit_event::Model>) -> Result<Vec<EventRow>, WebError> {
    let mut namer = store.namer();
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        out.push(row(&mut namer, e).await?);
    }
    Ok(out)
}

/// "Table: name" as HTML, the name marked as English on a French or Spanish page.
pub(crate) fn record_html(table: &str, name: &str) -> String {
    super::say_html(
        "st-record-name",
        &[("table", table)],
        &[("name", &super::english(name))],
    )
    .0
}

#[derive(Template)]
#[template(path = "staff/history.html")]
struct HistoryPage {
    nav: Nav,
    heading: String,
    /// The heading as HTML, the record's name marked as English.
    heading_html: String,
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
    let what = title(&table).to_lowercase();
    let (heading, heading_html) = match &record {
        Some(r) => {
            let name = state.store.namer().record(r).await?;
            let html = |name: &str| super::say_html("st-history-of", &[("table", &what)], &[("name", name)]).0;
            (
                crate::lang::ta("st-history-of", &[("table", &what), ("name", &name)]),
                html(&super::english(&name)),
            )
        }
        None => {
            let text = crate::lang::ta("st-history-of-deleted", &[("table", &what), ("id", &id.to_string())]);
            (text.clone(), super::escape(&text))
        }
    };
    let view = HistoryPage {
        nav: Nav::of(&staff),
        heading,
        heading_html,
        exists: record.is_some(),
        table: table.clone(),
        key: id,
        events: rows_of(&state.store, events).await?,
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

impl LogPage {
    /// "Every change made through the platform, newest first: 12 events (by ...)."
    fn intro(&self) -> super::Html {
        let events = crate::lang::tn(
            "st-audit-events",
            "count",
            usize::try_from(self.total).unwrap_or(usize::MAX),
        );
        if self.actor.is_empty() {
            super::say_with("st-audit-intro", &[("events", &events)])
        } else {
            super::say_with("st-audit-intro-by", &[("events", &events), ("actor", &self.actor)])
        }
    }
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
        events: rows_of(&state.store, events).await?,
        page,
        pages: total.div_ceil(PAGE).max(1),
        total,
        actor,
    };
    Ok(render(StatusCode::OK, &view))
}
