//! API handlers for the risk–capacity gap monitor: `GET /api/v1/risk/gap` and its `.csv` path,
//! the same table as `/risk` (see `views::risk_gap`).

use axum::extract::{RawQuery, State};
use axum::response::Response;

use super::listing::{ApiError, respond_list};
use super::query::{RISK_SOURCE, RiskGapCsvQuery, RiskGapQuery};
use crate::params::Params;
use crate::views::risk_gap::{self, GapItem};
use crate::{AppState, WebError};

/// States by two-year risk in one forecast (an imported Early Warning Project release, or NMP's
/// own computation, labelled so on every row) beside their capacity: national mechanism status,
/// function ratings, initiatives, network memberships and the latest qualitative assessment;
/// `flagged` marks high (top 30) or rising risk without an operational national mechanism.
#[utoipa::path(get, path = "/api/v1/risk/gap", tag = "analysis", params(RiskGapQuery),
    responses((status = 200, description = "A page of states by rank (CSV with format=csv)", content(
                  (super::schema::RiskGapList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter, or a source that is not a forecast", body = super::schema::ErrorBody),
              (status = 404, description = "No forecast imported or computed", body = super::schema::ErrorBody)))]
pub(crate) async fn risk_gap(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), RiskGapQuery::PARAMS, true)?;
    answer(&s, &p, false).await
}

/// The same as CSV.
#[utoipa::path(get, path = "/api/v1/risk/gap.csv", tag = "analysis", params(RiskGapCsvQuery),
    responses((status = 200, description = "A page of states by rank", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter, or a source that is not a forecast", body = super::schema::ErrorBody),
              (status = 404, description = "No forecast imported or computed", body = super::schema::ErrorBody)))]
pub(crate) async fn risk_gap_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), RiskGapCsvQuery::PARAMS, true)?;
    answer(&s, &p, true).await
}

async fn answer(s: &AppState, p: &Params, csv: bool) -> Result<Response, ApiError> {
    // Every parameter is checked before the data are: a bad page is a 400 with or without data.
    p.page()?;
    if !csv {
        p.wants_csv()?;
    }
    let all = s.store.forecasts().await?;
    let (choices, default) = risk_gap::choices(&all);
    let slug = match p.get(&RISK_SOURCE) {
        // Codes in any case, as the document says: `Ewp-2024` is `ewp-2024`.
        Some(v) if choices.iter().any(|c| c.slug.eq_ignore_ascii_case(v)) => v.to_ascii_lowercase(),
        Some(v) if choices.is_empty() => {
            return Err(WebError::NotFound(format!(
                "no forecast has been imported or computed on this site yet, so there is no forecast {v:?}"
            ))
            .into());
        }
        Some(v) => return Err(WebError::bad_param("source", &risk_gap::unknown_source(v, &choices)).into()),
        None => default
            .ok_or_else(|| WebError::NotFound("no forecast has been imported or computed on this site yet".into()))?,
    };
    let gap = risk_gap::gap(&s.store, &all, &slug)
        .await?
        .ok_or_else(|| WebError::Internal(format!("forecast {slug} vanished while it was read")))?;
    respond_list::<GapItem>(risk_gap::items(&gap), p, csv)
}
