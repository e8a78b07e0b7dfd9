//! API handlers for the analysis bench: `/api/v1/indicators`, `/api/v1/high-risk`,
//! `/api/v1/high-risk/series`, `/api/v1/datasets`.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use nmp_store::entity::{dataset, indicator};

use super::listing::{ApiError, respond_list};
use super::query::{COUNTRY, EDITION, EwpSeriesQuery, HighRiskQuery, IndicatorQuery, PageQuery, TOP, data_choice};
use super::schema::DatasetItem;
use crate::params::Params;
use crate::views::analysis::{self, HighRiskRow};
use crate::views::ewp_series;
use crate::{AppState, WebError};

/// The indicators of an edition (see docs/methodology.md), their change since the previous
/// edition, and the editions available.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "analysis", params(IndicatorQuery),
    responses((status = 200, description = "Indicators; shares are fractions from 0 to 1", body = Object),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn indicators(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), IndicatorQuery::PARAMS, true)?;
    let edition = data_choice(&s.store, &p, &EDITION).await?;
    let facts = analysis::facts(&s.store).await?;
    let editions = analysis::editions(&s.store).await?;
    let a = analysis::for_param(&s.store, &facts, edition.as_deref()).await?;
    Ok(Json(serde_json::json!({ "editions": editions, "analysis": a })).into_response())
}

/// The highest-risk states of the latest imported Early Warning Project assessment, and whether
/// each has a national mechanism, a network membership only, or neither.
#[utoipa::path(get, path = "/api/v1/high-risk", tag = "analysis", params(HighRiskQuery),
    responses((status = 200, description = "A page of the highest-risk states (CSV with format=csv)", content(
                  (super::schema::HighRiskList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody),
              (status = 404, description = "No assessment imported", body = super::schema::ErrorBody)))]
pub(crate) async fn high_risk(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), HighRiskQuery::PARAMS, true)?;
    let top = i64::try_from(p.number(&TOP)?).map_err(|e| WebError::Internal(e.to_string()))?;
    // Every parameter is checked before the data are: a bad page is a 400 with or without data.
    p.page()?;
    p.wants_csv()?;
    let facts = analysis::facts(&s.store).await?;
    let h = analysis::high_risk(&s.store, &facts, top).await?.ok_or_else(|| {
        WebError::NotFound("no Early Warning Project assessment has been imported (nmp import ewp DIR)".into())
    })?;
    respond_list::<HighRiskRow>(h.rows, &p, false)
}

/// The Early Warning Project's imported releases as a time series: each state's two-year risk
/// and rank per release (first forecast year), and the states the latest release ranks in the
/// top 30 that the release before did not, and the entities outside the 195 states (Kosovo,
/// `XKX`) the releases assess, each with its risk, rank and note.
#[utoipa::path(get, path = "/api/v1/high-risk/series", tag = "analysis", params(EwpSeriesQuery),
    responses((status = 200, description = "Releases (oldest first), the states risen into the top 30, each state's points, and the entities outside the 195 states (`outside`)", body = ewp_series::SeriesBody),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn high_risk_series(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), EwpSeriesQuery::PARAMS, true)?;
    let only = p.get(&COUNTRY).map(str::to_ascii_uppercase);
    let series = ewp_series::load(&s.store).await?;
    let countries = series
        .by_country
        .iter()
        .filter(|(iso3, _)| only.as_deref().is_none_or(|o| o == iso3.as_str()))
        .map(|(iso3, points)| (iso3.clone(), points.clone()))
        .collect();
    let outside = series
        .outside
        .iter()
        .filter(|p| only.as_deref().is_none_or(|o| o == p.code))
        .cloned()
        .collect();
    Ok(Json(ewp_series::SeriesBody {
        risen_into_top_30: series.risen(),
        releases: series.releases,
        countries,
        outside,
    })
    .into_response())
}

/// Imported external datasets.
#[utoipa::path(get, path = "/api/v1/datasets", tag = "analysis", params(PageQuery),
    responses((status = 200, description = "A page of datasets (CSV with format=csv)", content(
                  (super::schema::DatasetList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn datasets(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PageQuery::PARAMS, true)?;
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
