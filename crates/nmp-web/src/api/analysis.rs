//! API handlers for the analysis bench: `/api/v1/indicators`, `/api/v1/high-risk`,
//! `/api/v1/datasets`.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use nmp_store::entity::{dataset, indicator};

use super::listing::{ApiError, respond_list};
use super::schema::DatasetItem;
use crate::params::Params;
use crate::views::analysis::{self, HighRiskRow};
use crate::{AppState, WebError};

/// The indicators of an edition (see docs/methodology.md), their change since the previous
/// edition, and the editions available.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "analysis",
    params(("edition" = Option<String>, Query, description = "Edition slug (default: the latest), or `all` for all data recorded")),
    responses((status = 200, description = "Indicators; shares are fractions from 0 to 1", body = Object),
              (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn indicators(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &["edition"], true)?;
    let facts = analysis::facts(&s.store).await?;
    let editions = analysis::editions(&s.store).await?;
    let a = analysis::for_param(&s.store, &facts, p.get("edition")).await?;
    Ok(Json(serde_json::json!({ "editions": editions, "analysis": a })).into_response())
}

/// The highest-risk states of the latest imported Early Warning Project assessment, and whether
/// each has a national mechanism, a network membership only, or neither.
#[utoipa::path(get, path = "/api/v1/high-risk", tag = "analysis",
    params(("top" = Option<i64>, Query, description = "How many of the highest ranks (1 to 200, default 30)"),
           ("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query)),
    responses((status = 200, body = super::schema::HighRiskList), (status = 404, description = "No assessment imported", body = super::schema::ErrorBody)))]
pub(crate) async fn high_risk(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &["top", "limit", "offset", "format"], true)?;
    let top = match p.get("top") {
        None => 30,
        Some(t) => t
            .parse::<i64>()
            .ok()
            .filter(|t| (1..=200).contains(t))
            .ok_or_else(|| WebError::bad_param("top", &format!("{t:?} is not a whole number from 1 to 200")))?,
    };
    let facts = analysis::facts(&s.store).await?;
    let h = analysis::high_risk(&s.store, &facts, top).await?.ok_or_else(|| {
        WebError::NotFound("no Early Warning Project assessment has been imported (nmp import ewp DIR)".into())
    })?;
    respond_list::<HighRiskRow>(h.rows, &p, false)
}

/// Imported external datasets.
#[utoipa::path(get, path = "/api/v1/datasets", tag = "analysis",
    params(("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query)),
    responses((status = 200, body = super::schema::DatasetList), (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn datasets(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &["limit", "offset", "format"], true)?;
    let indicators = s.store.all::<indicator::Entity>().await?;
    let rows = s
        .store
        .all::<dataset::Entity>()
        .await?
        .into_iter()
        .map(|d| DatasetItem {
            indicators: indicators
                .iter()
                .filter(|i| i.dataset_id == d.dataset_id)
                .map(|i| i.code.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            slug: d.slug,
            title: d.title,
            publisher: d.publisher,
            dataset_version: d.dataset_version,
            url: d.url,
            licence: d.licence,
            file_name: d.file_name,
            file_sha256: d.file_sha256,
        })
        .collect();
    respond_list::<DatasetItem>(rows, &p, false)
}
