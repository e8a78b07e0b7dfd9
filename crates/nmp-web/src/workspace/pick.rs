//! `GET /staff/pick/{table}?q=`: the matches of a picker's search as one types (the record form's
//! source, organisation and mechanism pickers), as JSON `{"items": [{"value", "label"}]}`, at most
//! [`PICK_LIMIT`] of them. Without JavaScript the form's **Find** button does the same search.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use nmp_store::records::schema::{self, PICKED_TABLES};
use serde::{Deserialize, Serialize};

use super::Proposers;
use super::forms::PICK_LIMIT;
use crate::AppState;
use crate::auth::{Staff, WorkspaceError};

#[derive(Deserialize)]
pub(super) struct PickQuery {
    /// What was typed.
    #[serde(default)]
    q: String,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct Choices {
    items: Vec<Choice>,
}

pub(super) async fn search(
    State(state): State<AppState>,
    Path(table): Path<String>,
    Query(query): Query<PickQuery>,
    _staff: Staff<Proposers>,
) -> Result<Response, WorkspaceError> {
    if !PICKED_TABLES.contains(&table.as_str()) {
        return Err(WorkspaceError::not_found(format!(
            "{table:?} is not a table the forms pick from; these are: {}",
            PICKED_TABLES.join(", ")
        )));
    }
    let q: String = query.q.chars().take(200).collect();
    let items = schema::pick(&state.store, &table, &q, PICK_LIMIT)
        .await?
        .into_iter()
        .map(|(value, label)| Choice { value, label })
        .collect();
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(Choices { items })).into_response())
}
