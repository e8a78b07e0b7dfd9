//! The risk–capacity gap monitor's web side (issue 26, part 4): the table itself is computed by
//! the store ([`nmp_store::risk_gap`], shared with the report's overview); here are its API row
//! (flat, for JSON and CSV alike), the explanation of a `source` that is not a forecast, and the
//! one read `/risk` and `GET /api/v1/risk/gap` share.

use nmp_store::Store;
use nmp_store::risk_gap::Gap;
use nmp_store::watchlist::forecasts::{Family, Forecast};
use serde::Serialize;
use utoipa::ToSchema;

use crate::WebError;
pub use nmp_store::risk_gap::{SourceChoice, choices};

/// A row of `GET /api/v1/risk/gap`: a [`GapRow`] flat, for JSON and CSV alike, with the
/// forecast it comes from on every row (so a downloaded CSV says whose forecast it is).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct GapItem {
    /// The forecast's dataset slug.
    pub source: String,
    /// Whose forecast: `Early Warning Project` or `NMP's computation`.
    pub source_label: String,
    /// Rank of the two-year risk (1 = highest).
    pub rank: Option<f64>,
    /// ISO alpha-3.
    pub iso3: String,
    /// Country name.
    pub name: String,
    /// Two-year risk (probability).
    pub risk: Option<f64>,
    /// Two-year risk in the previous forecast of the same family.
    pub previous_risk: Option<f64>,
    /// Rank there.
    pub previous_rank: Option<f64>,
    /// Rank 30 or better.
    pub high: bool,
    /// Risk up by at least 0.01 since the previous forecast, or newly in the top 30.
    pub rising: bool,
    /// See [`nmp_store::risk_gap::GapRow::mechanism_status`].
    pub mechanism_status: String,
    /// National mechanisms' slugs, `;`-separated.
    pub mechanisms: String,
    /// The edition whose function ratings are counted.
    pub functions_edition: Option<String>,
    /// Functions rated operational there.
    pub functions_operational: usize,
    /// Functions rated there.
    pub functions_rated: usize,
    /// Initiatives recorded.
    pub initiatives: usize,
    /// Networks (slugs, `;`-separated).
    pub networks: String,
    /// Date of the latest qualitative assessment.
    pub latest_assessment_on: Option<String>,
    /// Its overall reading.
    pub latest_assessment: Option<String>,
    /// High or rising risk and no operational national mechanism.
    pub flagged: bool,
}

/// The rows of `gap` as API items.
pub fn items(gap: &Gap) -> Vec<GapItem> {
    {
        let source_label = match gap.source.family.as_str() {
            "nmp" => Family::Nmp.label(),
            _ => Family::Ewp.label(),
        };
        gap.rows
            .iter()
            .map(|r| GapItem {
                source: gap.source.slug.clone(),
                source_label: source_label.to_string(),
                rank: r.rank,
                iso3: r.iso3.clone(),
                name: r.name.clone(),
                risk: r.risk,
                previous_risk: r.previous_risk,
                previous_rank: r.previous_rank,
                high: r.high,
                rising: r.rising,
                mechanism_status: r.mechanism_status.clone(),
                mechanisms: r.mechanisms.clone(),
                functions_edition: r.functions_edition.clone(),
                functions_operational: r.functions_operational,
                functions_rated: r.functions_rated,
                initiatives: r.initiatives,
                networks: r.networks.clone(),
                latest_assessment_on: r.latest_assessment.as_ref().map(|a| a.assessed_on.clone()),
                latest_assessment: r.latest_assessment.as_ref().map(|a| a.summary.clone()),
                flagged: r.flagged,
            })
            .collect()
    }
}

/// Why a `source` cannot be shown, for the form and the API's error.
pub fn unknown_source(slug: &str, all: &[SourceChoice]) -> String {
    if all.is_empty() {
        return format!("{slug:?} is not one of the forecasts: none has been imported or computed on this site yet");
    }
    let known: Vec<&str> = all.iter().map(|c| c.slug.as_str()).collect();
    format!("{slug:?} is not one of the forecasts: {}", known.join(", "))
}

/// The gap table for the forecast `slug` of `all`, as recorded now, or `None` when there is no
/// such forecast.
pub async fn gap(store: &Store, all: &[Forecast], slug: &str) -> Result<Option<Gap>, WebError> {
    let facts = store.indicator_facts().await?;
    Ok(store.risk_gap(&facts, all, slug, None).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_source_is_explained_with_the_choices() {
        let c = SourceChoice {
            slug: "ewp-2024".into(),
            family: "ewp".into(),
            label: "x".into(),
            forecast_year: Some(2024),
        };
        assert_eq!(
            unknown_source("ewp-1900", &[c]),
            "\"ewp-1900\" is not one of the forecasts: ewp-2024"
        );
        assert!(unknown_source("x", &[]).contains("none has been imported"));
    }
}
