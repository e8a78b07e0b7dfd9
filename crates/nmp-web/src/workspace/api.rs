//! `PATCH /api/v1/records/{table}/{id}`: the workspace's edit as JSON, for scripts and tools. It
//! takes the signed-in session's cookie and its CSRF token in `X-CSRF-Token`, and the body
//! `{"version": 3, "fields": {"acronym": "NC"}, "citation": {...}, "message": "..."}`; values go
//! through the same checks as the form. Answers: 200 with the record (editors), 202 with the
//! proposal (others), 409 with the current record when `version` is stale, 422 naming each bad
//! field, 401 without a session, 403 for a role or scope that may not.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use nmp_core::vocab::ChangeAction;
use nmp_store::StoreError;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::{EditMode, edit_mode};
use nmp_store::records::{Change, CitationInput, Fields, SourceRef, check_table, schema, value_text};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::auth::CurrentUser;

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

fn error(status: StatusCode, code: &str, message: &str, fields: Vec<(String, String)>) -> Response {
    let mut body = json!({ "error": { "code": code, "message": message } });
    if !fields.is_empty() {
        body["error"]["fields"] = fields
            .into_iter()
            .map(|(field, message)| json!({ "field": field, "message": message }))
            .collect();
    }
    (status, Json(body)).into_response()
}

fn invalid(fields: Vec<(String, String)>) -> Response {
    error(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        "some values are not valid; nothing was written",
        fields,
    )
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
    headers: HeaderMap,
    user: CurrentUser,
    Path((table, id)): Path<(String, i32)>,
    body: Bytes,
) -> Response {
    let Some(signed_in) = &user.0 else {
        return error(
            StatusCode::UNAUTHORIZED,
            "sign_in",
            "sign in first (session cookie)",
            Vec::new(),
        );
    };
    let token = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if token.is_empty() || !nmp_store::auth::constant_time_eq(token, &signed_in.csrf_token) {
        return error(
            StatusCode::FORBIDDEN,
            "csrf",
            "missing or wrong X-CSRF-Token header",
            Vec::new(),
        );
    }
    let Some(mode) = edit_mode(signed_in.role) else {
        return error(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this role does not change records",
            Vec::new(),
        );
    };
    if check_table(&table).is_err() {
        return error(
            StatusCode::NOT_FOUND,
            "not_found",
            &format!("{table:?} is not an editable table"),
            Vec::new(),
        );
    }
    let patch: Patch = match serde_json::from_slice(&body) {
        Ok(p) => p,
        Err(e) => return invalid(vec![("body".into(), e.to_string())]),
    };
    let current = match state.store.record(&table, id).await {
        Ok(Some(r)) => r,
        Ok(None) => {
            return error(
                StatusCode::NOT_FOUND,
                "not_found",
                &format!("{table} {id} does not exist"),
                Vec::new(),
            );
        }
        Err(e) => return crate::WebError::Store(e).json(),
    };
    let specs = match schema::fields(&table) {
        Ok(s) => s,
        Err(e) => return crate::WebError::Store(e).json(),
    };
    let mut problems = Vec::new();
    for name in patch.fields.keys() {
        if !specs.iter().any(|s| &s.name == name) {
            problems.push((name.clone(), format!("{table} has no editable field {name:?}")));
        }
    }
    let mut text: BTreeMap<String, String> = current.fields.iter().map(|(k, v)| (k.clone(), as_text(v))).collect();
    text.extend(patch.fields.iter().map(|(k, v)| (k.clone(), as_text(v))));
    let parsed = match schema::parse(&table, &text) {
        Ok(Ok(f)) => f,
        Ok(Err(errors)) => {
            problems.extend(errors.into_iter().map(|e| (e.field, e.message)));
            Fields::new()
        }
        Err(e) => return crate::WebError::Store(e).json(),
    };
    let citation = match patch.citation {
        None => None,
        Some(c) => {
            let source = match (c.source_id, c.source) {
                (Some(id), None) => Some(SourceRef::Existing(id)),
                (None, Some(fields)) => {
                    let raw = fields.iter().map(|(k, v)| (k.clone(), as_text(v))).collect();
                    match schema::parse("source", &raw) {
                        Ok(Ok(f)) => Some(SourceRef::New(f)),
                        Ok(Err(errors)) => {
                            problems.extend(
                                errors
                                    .into_iter()
                                    .map(|e| (format!("citation.source.{}", e.field), e.message)),
                            );
                            None
                        }
                        Err(e) => return crate::WebError::Store(e).json(),
                    }
                }
                _ => {
                    problems.push(("citation".into(), "give either source_id or source".into()));
                    None
                }
            };
            source.map(|source| CitationInput {
                source,
                field: c.field,
                locator: c.locator,
                quote: c.quote,
            })
        }
    };
    if !problems.is_empty() {
        return invalid(problems);
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
    if let Err(e) = state.store.scope(&signed_in.account, signed_in.role, &change).await {
        return failure(&state, &table, id, e).await;
    }
    let outcome = match mode {
        EditMode::Direct => state
            .store
            .apply_direct(&signed_in.account.email, &change, citation.as_ref())
            .await
            .map(|r| (StatusCode::OK, json!({ "record": r }))),
        EditMode::Propose => state
            .store
            .propose(&signed_in.account, &change, citation.as_ref(), patch.message.as_deref())
            .await
            .map(|p| {
                (
                    StatusCode::ACCEPTED,
                    json!({ "proposal": { "id": p.proposal_id, "state": p.state, "url": format!("/staff/proposals/{}", p.proposal_id) } }),
                )
            }),
    };
    match outcome {
        Ok((status, body)) => (status, Json(body)).into_response(),
        Err(e) => failure(&state, &table, id, e).await,
    }
}

async fn failure(state: &AppState, table: &str, id: i32, e: ApplyError) -> Response {
    match e {
        ApplyError::Fields(errors) if errors.iter().any(|e| e.field == "record") => error(
            StatusCode::FORBIDDEN,
            "forbidden",
            &errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
            Vec::new(),
        ),
        ApplyError::Fields(errors) => invalid(errors.into_iter().map(|e| (e.field, e.message)).collect()),
        ApplyError::Store(StoreError::Conflict { expected, current, .. }) => {
            let now = state.store.record(table, id).await.ok().flatten();
            let body = json!({
                "error": {
                    "code": "conflict",
                    "message": format!("{table} {id} was changed by someone else: you sent version {expected}, it is now at version {current}; nothing was written"),
                },
                "current": now,
            });
            (StatusCode::CONFLICT, Json(body)).into_response()
        }
        ApplyError::Store(e) => crate::WebError::Store(e).json(),
    }
}
