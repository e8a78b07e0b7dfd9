//! `PATCH /api/v1/records/{table}/{id}`: the workspace's edit as JSON, for scripts and tools. It
//! takes the signed-in session's cookie and its CSRF token in `X-CSRF-Token`, and the body
//! `{"version": 3, "fields": {"acronym": "NC"}, "citation": {...}, "message": "..."}`; values go
//! through the same checks as the form. Answers: 200 with the record (editors), 202 with the
//! proposal (others), 409 with the current record when `version` is stale, 422 naming each bad
//! field, 401 without a session, 403 for a role or scope that may not.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use nmp_core::vocab::ChangeAction;
use nmp_store::StoreError;
use nmp_store::auth::SignedIn;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::{EditMode, edit_mode};
use nmp_store::records::{Change, CitationInput, Fields, SourceRef, check_table, schema, value_text};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::auth::{CsrfJson, JsonError, Staff, WorkspaceError};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Patch {
    version: i32,
    fields: Fields,
    #[serde(default)]
    citation: Option<CitationBody>,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CitationBody {
    #[serde(default)]
    source_id: Option<i32>,
    #[serde(default)]
    source: Option<BTreeMap<String, Value>>,
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    locator: Option<String>,
    #[serde(default)]
    quote: Option<String>,
}

/// Text of a JSON value as the form would have sent it.
fn as_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        other => value_text(other),
    }
}

pub(super) async fn patch(
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i32)>,
    staff: Staff,
    body: CsrfJson,
) -> Result<Response, JsonError> {
    let mode =
        edit_mode(staff.role).ok_or_else(|| WorkspaceError::forbidden("this role does not change records", None))?;
    if check_table(&table).is_err() {
        return Err(WorkspaceError::not_found(format!("{table:?} is not an editable table")).into());
    }
    let patch: Patch = body.parse()?;
    let current = state
        .store
        .record(&table, id)
        .await?
        .ok_or_else(|| WorkspaceError::not_found(format!("{table} {id} does not exist")))?;
    let mut problems = unknown_fields(&table, &patch.fields)?;
    let mut text: BTreeMap<String, String> = current.fields.iter().map(|(k, v)| (k.clone(), as_text(v))).collect();
    text.extend(patch.fields.iter().map(|(k, v)| (k.clone(), as_text(v))));
    let parsed = match schema::parse(&table, &text)? {
        Ok(f) => f,
        Err(errors) => {
            problems.extend(errors.into_iter().map(|e| (e.field, e.message)));
            Fields::new()
        }
    };
    let citation = match patch.citation {
        None => None,
        Some(c) => citation(c, &mut problems)?,
    };
    if !problems.is_empty() {
        return Err(WorkspaceError::Invalid(problems).into());
    }
    let changed: Fields = parsed
        .into_iter()
        .filter(|(k, v)| patch.fields.contains_key(k) && current.fields.get(k) != Some(v))
        .collect();
    let change = Change {
        table: table.clone(),
        action: ChangeAction::Update,
        key: Some(id),
        base_version: Some(patch.version),
        fields: changed,
    };
    let written = write(
        &state,
        &staff,
        mode,
        &change,
        citation.as_ref(),
        patch.message.as_deref(),
    )
    .await;
    match written {
        Ok((status, body)) => Ok((status, Json(body)).into_response()),
        Err(e) => Err(failure(&state, &table, id, e).await.into()),
    }
}

/// A problem for each field `table` does not have.
fn unknown_fields(table: &str, fields: &Fields) -> Result<Vec<(String, String)>, WorkspaceError> {
    let specs = schema::fields(table)?;
    Ok(fields
        .keys()
        .filter(|name| !specs.iter().any(|s| &s.name == *name))
        .map(|name| (name.clone(), format!("{table} has no editable field {name:?}")))
        .collect())
}

/// The citation sent, or `None` with its problems added to `problems`.
fn citation(c: CitationBody, problems: &mut Vec<(String, String)>) -> Result<Option<CitationInput>, WorkspaceError> {
    let source = match (c.source_id, c.source) {
        (Some(id), None) => Some(SourceRef::Existing(id)),
        (None, Some(fields)) => {
            let raw = fields.iter().map(|(k, v)| (k.clone(), as_text(v))).collect();
            match schema::parse("source", &raw)? {
                Ok(f) => Some(SourceRef::New(f)),
                Err(errors) => {
                    problems.extend(
                        errors
                            .into_iter()
                            .map(|e| (format!("citation.source.{}", e.field), e.message)),
                    );
                    None
                }
            }
        }
        _ => {
            problems.push(("citation".into(), "give either source_id or source".into()));
            None
        }
    };
    Ok(source.map(|source| CitationInput {
        source,
        field: c.field,
        locator: c.locator,
        quote: c.quote,
    }))
}

/// Checks the scope, then saves (editors: 200 with the record) or proposes (others: 202 with
/// the proposal).
async fn write(
    state: &AppState,
    signed_in: &SignedIn,
    mode: EditMode,
    change: &Change,
    citation: Option<&CitationInput>,
    message: Option<&str>,
) -> Result<(StatusCode, Value), ApplyError> {
    state.store.scope(&signed_in.account, signed_in.role, change).await?;
    match mode {
        EditMode::Direct => state
            .store
            .apply_direct(&signed_in.account.email, change, citation)
            .await
            .map(|r| (StatusCode::OK, json!({ "record": r }))),
        EditMode::Propose => state
            .store
            .propose(&signed_in.account, change, citation, message)
            .await
            .map(|p| {
                (
                    StatusCode::ACCEPTED,
                    json!({ "proposal": { "id": p.proposal_id, "state": p.state, "url": format!("/staff/proposals/{}", p.proposal_id) } }),
                )
            }),
    }
}

/// A failed write: a stale version is a 409 with the record as it now is.
async fn failure(state: &AppState, table: &str, id: i32, e: ApplyError) -> WorkspaceError {
    match e {
        ApplyError::Store(StoreError::Conflict { expected, current, .. }) => WorkspaceError::Conflict {
            message: format!(
                "{table} {id} was changed by someone else: you sent version {expected}, it is now at version {current}; nothing was written"
            ),
            current: state.store.record(table, id).await.ok().flatten(),
        },
        other => other.into(),
    }
}
