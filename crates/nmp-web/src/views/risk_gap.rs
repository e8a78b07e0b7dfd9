//! The risk–capacity gap monitor (issue 26, part 4): states listed by a forecast's two-year risk
//! beside their capacity to prevent atrocity crimes: their national mechanism's status, its
//! function ratings, initiatives, network memberships and the latest qualitative assessment. The
//! forecast is any imported Early Warning Project release (`ewp-<year>`) or a forecast NMP
//! computed itself (`nmp-risk-*`, always labelled "NMP's computation"); by default the latest EWP
//! release. A state is *flagged* when it is high risk (top 30) or rising (its risk rose by at
//! least [`RISING`] since the previous forecast of the same family, or it entered the top 30) and
//! has no operational national mechanism. `/risk`, `GET /api/v1/risk/gap` and the report's
//! overview map from [`Gap`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use nmp_core::indicators::{Facts, latest_status};
use nmp_core::vocab::{FunctionLevel, MechanismStatus};
use nmp_store::Store;
use nmp_store::entity::{country, initiative};
use nmp_store::watchlist::forecasts::{self, Family, Forecast};
use serde::Serialize;
use utoipa::ToSchema;

use crate::WebError;
use crate::views::analysis;

/// The rise in two-year risk since the previous forecast that counts as rising (one percentage
/// point, absolute).
pub const RISING: f64 = 0.01;

/// The rank up to which a state is high risk.
pub const TOP: f64 = nmp_store::watchlist::TOP;

/// A forecast that can be chosen.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SourceChoice {
    /// Dataset slug, the value of `source`.
    pub slug: String,
    /// `ewp` (the Early Warning Project's release) or `nmp` (NMP's own computation).
    pub family: String,
    /// How it is named: `Early Warning Project, ewp-2024 (forecast 2024–2025)`, or `NMP's
    /// computation, nmp-risk-...`.
    pub label: String,
    /// First forecast year.
    pub forecast_year: Option<i32>,
}

/// The latest qualitative assessment of a state, as the gap table shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AssessmentSummary {
    /// When it was assessed (ISO 8601, reduced precision).
    pub assessed_on: String,
    /// Its overall reading, in a few words.
    pub summary: String,
}

/// One state in the gap table.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct GapRow {
    /// Rank of the two-year risk in the chosen forecast (1 = highest).
    pub rank: Option<f64>,
    /// ISO alpha-3.
    pub iso3: String,
    /// Country name.
    pub name: String,
    /// Two-year risk of a new mass-killing onset (probability).
    pub risk: Option<f64>,
    /// Its two-year risk in the previous forecast of the same family (absent: none, or not
    /// assessed there).
    pub previous_risk: Option<f64>,
    /// Its rank there.
    pub previous_rank: Option<f64>,
    /// Whether it is high risk (rank 30 or better).
    pub high: bool,
    /// Whether its risk rose by at least 0.01 since the previous forecast, or it entered the top 30.
    pub rising: bool,
    /// The best status of its national mechanisms: `operational` (established or active),
    /// `in_process` (proposed or in process), `dormant`, `not_recorded` (a mechanism without a
    /// recorded status), `dissolved`, or `none` (no national mechanism recorded).
    pub mechanism_status: String,
    /// Its national mechanisms' slugs, `;`-separated.
    pub mechanisms: String,
    /// The edition whose function ratings are shown (the latest that rated its mechanism).
    pub functions_edition: Option<String>,
    /// Functions rated operational in that edition.
    pub functions_operational: usize,
    /// Functions rated in that edition.
    pub functions_rated: usize,
    /// National and regional initiatives recorded for it.
    pub initiatives: usize,
    /// Networks it belongs to now (slugs, `;`-separated).
    pub networks: String,
    /// The latest qualitative assessment along the UN Framework of Analysis, when there is one.
    pub latest_assessment: Option<AssessmentSummary>,
    /// High or rising risk and no operational national mechanism.
    pub flagged: bool,
}

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
    /// See [`GapRow::mechanism_status`].
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

impl Gap {
    /// The rows as API items.
    pub fn items(&self) -> Vec<GapItem> {
        let source_label = match self.source.family.as_str() {
            "nmp" => Family::Nmp.label(),
            _ => Family::Ewp.label(),
        };
        self.rows
            .iter()
            .map(|r| GapItem {
                source: self.source.slug.clone(),
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

/// The gap table for one forecast.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Gap {
    /// The forecast shown.
    pub source: SourceChoice,
    /// Its publisher as the dataset row names it (`NMP (own computation)` for NMP's).
    pub publisher: String,
    /// The forecast it is compared with for "rising" (the previous one of its family).
    pub previous: Option<String>,
    /// Every state the forecast assesses, by rank.
    pub rows: Vec<GapRow>,
}

fn choice(f: &Forecast) -> SourceChoice {
    SourceChoice {
        slug: f.slug.clone(),
        family: match f.family {
            Family::Ewp => "ewp",
            Family::Nmp => "nmp",
        }
        .into(),
        label: f.label(),
        forecast_year: f.forecast_year,
    }
}

/// The forecasts that can be chosen (EWP releases, then NMP's, each oldest first) and the
/// default (the latest EWP release, else the latest of NMP's).
pub fn choices(all: &[Forecast]) -> (Vec<SourceChoice>, Option<String>) {
    let default = forecasts::latest(all, Family::Ewp)
        .or_else(|| forecasts::latest(all, Family::Nmp))
        .map(|f| f.slug.clone());
    (all.iter().map(choice).collect(), default)
}

/// Why a `source` cannot be shown, for the form and the API's error.
pub fn unknown_source(slug: &str, all: &[SourceChoice]) -> String {
    if all.is_empty() {
        return format!(
            "{slug:?} is not one of the forecasts: none has been imported or computed yet (nmp import ewp DIR)"
        );
    }
    let known: Vec<&str> = all.iter().map(|c| c.slug.as_str()).collect();
    format!("{slug:?} is not one of the forecasts: {}", known.join(", "))
}

/// The latest released qualitative assessment of each of `states` (ISO alpha-3 → summary), read
/// through `Store::latest_country_assessments`, the same read as the country page's.
pub async fn latest_assessments(
    store: &Store,
    states: &BTreeSet<String>,
) -> Result<HashMap<String, AssessmentSummary>, WebError> {
    Ok(store
        .latest_country_assessments()
        .await?
        .into_iter()
        .filter(|(iso3, _)| states.contains(iso3))
        .map(|(iso3, a)| {
            let summary = a.summary();
            let assessed_on = a.assessed_on.clone().unwrap_or_default();
            (iso3, AssessmentSummary { assessed_on, summary })
        })
        .collect())
}

/// The best status of a state's national mechanisms (see [`GapRow::mechanism_status`]).
fn status_of(statuses: &[Option<MechanismStatus>]) -> &'static str {
    let rank = |s: &Option<MechanismStatus>| match s {
        Some(MechanismStatus::Established | MechanismStatus::Active) => (5, "operational"),
        Some(MechanismStatus::Proposed | MechanismStatus::InProcess) => (4, "in_process"),
        Some(MechanismStatus::Dormant) => (3, "dormant"),
        None => (2, "not_recorded"),
        Some(MechanismStatus::Dissolved) => (1, "dissolved"),
    };
    statuses.iter().map(rank).max().map_or("none", |(_, s)| s)
}

/// Builds the gap table for the forecast `slug` of `all` (as `Store::forecasts` returns them),
/// or `None` when there is no such forecast.
pub async fn gap(store: &Store, facts: &Facts, all: &[Forecast], slug: &str) -> Result<Option<Gap>, WebError> {
    let Some(f) = all.iter().find(|f| f.slug.eq_ignore_ascii_case(slug)) else {
        return Ok(None);
    };
    let previous = forecasts::previous(all, f.dataset_id).and_then(|(p, _)| p);
    let names: HashMap<String, String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.name))
        .collect();
    let mut initiatives: HashMap<String, usize> = HashMap::new();
    for i in store.all::<initiative::Entity>().await? {
        if let Some(c) = i.country_iso3 {
            *initiatives.entry(c).or_default() += 1;
        }
    }
    let edition_order: HashMap<String, usize> = analysis::editions(store)
        .await?
        .into_iter()
        .enumerate()
        .map(|(i, e)| (e.slug, i))
        .collect();
    let states: BTreeSet<String> = f.values.keys().cloned().collect();
    let assessments = latest_assessments(store, &states).await?;
    let mut rows: Vec<GapRow> = f
        .values
        .iter()
        .map(|(iso3, v)| {
            let before = previous.map(|p| p.of(iso3)).unwrap_or_default();
            let national: Vec<_> = facts
                .mechanisms
                .iter()
                .filter(|m| m.level == "national" && m.iso3.as_deref() == Some(iso3.as_str()))
                .collect();
            let status = status_of(&national.iter().map(|m| latest_status(m, None)).collect::<Vec<_>>());
            // The latest edition that rated any of its mechanisms' functions.
            let rated: Option<(&String, &BTreeMap<String, FunctionLevel>)> = national
                .iter()
                .flat_map(|m| m.functions.iter())
                .max_by_key(|(edition, _)| edition_order.get(*edition).copied());
            let networks: BTreeSet<&str> = facts
                .networks
                .iter()
                .filter(|n| &n.iso3 == iso3 && n.left.is_none())
                .map(|n| n.network.as_str())
                .collect();
            let high = v.rank.is_some_and(|r| r <= TOP);
            let entered = high && previous.is_some() && !before.rank.is_some_and(|r| r <= TOP);
            let rose = matches!((v.risk, before.risk), (Some(r), Some(b)) if r - b >= RISING - 1e-6);
            let rising = entered || rose;
            GapRow {
                rank: v.rank,
                iso3: iso3.clone(),
                name: names.get(iso3).cloned().unwrap_or_else(|| iso3.clone()),
                risk: v.risk,
                previous_risk: before.risk,
                previous_rank: before.rank,
                high,
                rising,
                mechanism_status: status.to_string(),
                mechanisms: national.iter().map(|m| m.slug.as_str()).collect::<Vec<_>>().join(";"),
                functions_edition: rated.map(|(e, _)| e.clone()),
                functions_operational: rated.map_or(0, |(_, l)| {
                    l.values().filter(|l| **l == FunctionLevel::Operational).count()
                }),
                functions_rated: rated.map_or(0, |(_, l)| l.len()),
                initiatives: initiatives.get(iso3).copied().unwrap_or(0),
                networks: networks.into_iter().collect::<Vec<_>>().join(";"),
                latest_assessment: assessments.get(iso3).cloned(),
                flagged: (high || rising) && status != "operational",
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.rank
            .unwrap_or(f64::INFINITY)
            .total_cmp(&b.rank.unwrap_or(f64::INFINITY))
            .then(a.iso3.cmp(&b.iso3))
    });
    Ok(Some(Gap {
        source: choice(f),
        publisher: f.publisher.clone(),
        previous: previous.map(|p| p.slug.clone()),
        rows,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_status_of_a_states_mechanisms_is_shown() {
        use MechanismStatus::*;
        assert_eq!(status_of(&[]), "none");
        assert_eq!(status_of(&[Some(Dissolved)]), "dissolved");
        assert_eq!(status_of(&[Some(Dissolved), None]), "not_recorded");
        assert_eq!(status_of(&[Some(InProcess), Some(Dormant)]), "in_process");
        assert_eq!(status_of(&[Some(Proposed), Some(Active)]), "operational");
        assert_eq!(status_of(&[Some(Established)]), "operational");
    }

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
