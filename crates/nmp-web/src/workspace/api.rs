//! `PATCH /api/v1/records/{table}/{id}`: the workspace's edit as JSON, for scripts and tools. It
//! takes the signed-in session's cookie and its CSRF token in `X-CSRF-Token`, and the body
//! `{"version": 3, "fields": {"acronym": "NC"}, "citation": {...}, "message": "..."}`; values go
//! through the same checks as the form. Answers: 200 with the record (editors), 202 with the
//! proposal (others), 409 with the current record when `version` is stale, 422 naming each bad
//! field, 401 without a session, 403 for a role or scope that may not. Documented in the
//! OpenAPI document from this module's types and `#[utoipa::path]`, with its security schemes
//! (the `nmp_session` cookie and the `X-CSRF-Token` header).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use nmp_core::vocab::ChangeAction;
use nmp_store::StoreError;
use nmp_store::auth::SignedIn;
use nmp_store::records::EDITABLE_TABLES;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::{EditMode, edit_mode};
use nmp_store::records::{Change, CitationInput, Fields, SourceRef, check_table, schema, value_text};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, Required};
use utoipa::{IntoParams, ToSchema};

use crate::auth::{CsrfJson, JsonError, Staff, WorkspaceError};
use crate::{AppState, WebError};

/// A change to one record.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "version": 1, "fields": { "acronym": "NCPG" }, "message": "Acronym as in the decree" }))]
pub(crate) struct Patch {
    /// The record's version the change is based on (from the last answer); when the record has
    /// moved on since, the answer is a 409 with the record as it now is.
    version: i32,
    /// The fields to change: name → value (text, number, boolean or null), checked as the form
    /// checks them; a field the table does not have is a 422 naming it.
    #[schema(value_type = Object)]
    fields: Fields,
    /// The source of the change, cited on the record.
    #[serde(default)]
    citation: Option<CitationBody>,
    /// A note to the reviewers, for a proposal.
    #[serde(default)]
    message: Option<String>,
}

/// A citation: an existing source (`source_id`) or a new one (`source`, its fields).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CitationBody {
    /// An existing source's key.
    #[serde(default)]
    source_id: Option<i32>,
    /// A new source's fields (as the source form takes them).
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    source: Option<BTreeMap<String, Value>>,
    /// The field the source supports.
    #[serde(default)]
    field: Option<String>,
    /// Where in the source (page, section).
    #[serde(default)]
    locator: Option<String>,
    /// The words quoted.
    #[serde(default)]
    quote: Option<String>,
}

/// One record as the workspace holds it (the answer's shape; the store's `Record`).
#[derive(Serialize, ToSchema)]
pub(crate) struct RecordView {
    /// Its table.
    table: String,
    /// Its key.
    key: i32,
    /// Its version, to send with the next change.
    version: i32,
    /// Who changed it last.
    updated_by: String,
    /// Its editable fields: name → value.
    #[schema(value_type = Object)]
    fields: Fields,
}

/// A change saved.
#[derive(Serialize, ToSchema)]
pub(crate) struct Saved {
    /// The record as saved.
    record: RecordView,
}

/// A change proposed for review.
#[derive(Serialize, ToSchema)]
pub(crate) struct Proposed {
    /// The proposal.
    proposal: ProposalView,
}

/// A proposal.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProposalView {
    /// Its key.
    id: i32,
    /// Its review state (`pending`).
    state: String,
    /// Its page in the workspace.
    url: String,
}

/// The workspace API's error shape.
#[derive(Serialize, ToSchema)]
pub(crate) struct ChangeErrorBody {
    /// What went wrong.
    error: ChangeError,
    /// On a 409, the record as it now is.
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<RecordView>,
}

/// An error of the workspace API.
#[derive(Serialize, ToSchema)]
pub(crate) struct ChangeError {
    /// `sign_in`, `csrf`, `forbidden`, `not_found`, `bad_parameter`, `conflict`, `locked`,
    /// `invalid`.
    code: String,
    /// What went wrong, for people.
    message: String,
    /// The path parameter at fault (`bad_parameter`).
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    /// Each value refused (`invalid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<FieldProblem>>,
}

/// A value refused.
#[derive(Serialize, ToSchema)]
pub(crate) struct FieldProblem {
    /// The field (`body` when the body is not a change; `citation.source.NAME` in a citation).
    field: String,
    /// Why.
    message: String,
}

/// The path of a record: its table (one of the editable tables) and its key.
pub(crate) struct RecordPath;

impl IntoParams for RecordPath {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let table = ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .enum_values(Some(EDITABLE_TABLES.iter().copied()));
        let id = ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::Integer))
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)));
        vec![
            ParameterBuilder::new()
                .name("table")
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .description(Some("An editable table"))
                .schema(Some(table))
                .example(Some(json!("mechanism")))
                .build(),
            ParameterBuilder::new()
                .name("id")
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .description(Some("The record's key"))
                .schema(Some(id))
                .example(Some(json!(1)))
                .build(),
        ]
    }
}

/// Text of a JSON value as the form would have sent it.
fn as_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        other => value_text(other),
    }
}

/// Change one record: editors and admins save it (200), other roles propose the change for
/// review (202).
#[utoipa::path(patch, path = "/api/v1/records/{table}/{id}", tag = "workspace", params(RecordPath),
    request_body(content = Patch, content_type = "application/json"),
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 200, description = "Saved (editors and admins)", body = Saved),
        (status = 202, description = "Proposed for review (other roles)", body = Proposed),
        (status = 400, description = "The key is not a whole number", body = ChangeErrorBody),
        (status = 401, description = "Not signed in", body = ChangeErrorBody),
        (status = 403, description = "A missing or wrong X-CSRF-Token, or a role or scope that may not change this record", body = ChangeErrorBody),
        (status = 404, description = "No such table or record", body = ChangeErrorBody),
        (status = 409, description = "The record has changed since `version` (with `current`), or is locked by a published edition", body = ChangeErrorBody),
        (status = 422, description = "Values that do not pass, each named; nothing was written", body = ChangeErrorBody),
    ))]
pub(crate) async fn patch(
    State(state): State<AppState>,
    Path((table, id)): Path<(String, String)>,
    staff: Staff,
    body: CsrfJson,
) -> Result<Response, JsonError> {
    let mode =
        edit_mode(staff.role).ok_or_else(|| WorkspaceError::forbidden("this role does not change records", None))?;
    if check_table(&table).is_err() {
        return Err(WorkspaceError::not_found(format!("{table:?} is not an editable table")).into());
    }
    let id: i32 = id.parse().map_err(|_| {
        WorkspaceError::from(WebError::bad_param(
            "id",
            &format!("{id:?} is not a record's key (a whole number)"),
        ))
    })?;
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
