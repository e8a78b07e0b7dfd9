//! The risk–capacity gap (issue 26, part 4): states listed by a forecast's two-year risk beside
//! their capacity to prevent atrocity crimes: their national mechanism's status, its function
//! ratings, initiatives, network memberships and the latest qualitative assessment. The forecast
//! is any imported Early Warning Project release (`ewp-<year>`) or a forecast NMP computed itself
//! (`nmp-risk-*`, always labelled "NMP's computation"). A state is *flagged* when it is high risk
//! (top 30) or rising (its risk rose by at least [`RISING`] since the previous forecast of the
//! same family, or it entered the top 30) and has no operational national mechanism.
//!
//! One computation for every place that shows it: `/risk` and `GET /api/v1/risk/gap` (as of
//! now) and the report's overview (as of the edition's year, [`Store::risk_gap`] with `as_of`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use nmp_core::indicators::{Facts, MechanismFact, NetworkFact, exists, latest_status};
use nmp_core::vocab::{FunctionLevel, MechanismStatus};

use crate::entity::{country, edition, initiative};
use crate::watchlist::TOP;
use crate::watchlist::forecasts::{self, Family, Forecast};
use crate::{Result, Store};

/// The rise in two-year risk since the previous forecast that counts as rising (one percentage
/// point, absolute).
pub const RISING: f64 = 0.01;

/// A forecast that can be chosen.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentSummary {
    /// When it was assessed (ISO 8601, reduced precision).
    pub assessed_on: String,
    /// Its overall reading, in a few words.
    pub summary: String,
}

/// One state in the gap table.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    /// Rank of the two-year risk in the chosen forecast (1 = highest).
    pub rank: Option<f64>,
    /// ISO alpha-3.
    pub iso3: String,
    /// Country name.
    pub name: String,
    /// Two-year risk of a new mass-killing onset (probability).
    pub risk: Option<f64>,
    /// Its two-year risk in the previous forecast of the same family.
    pub previous_risk: Option<f64>,
    /// Its rank there.
    pub previous_rank: Option<f64>,
    /// Whether it is high risk (rank 30 or better).
    pub high: bool,
    /// Whether its risk rose by at least [`RISING`] since the previous forecast, or it entered
    /// the top 30.
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
    /// Networks it belongs to (slugs, `;`-separated).
    pub networks: String,
    /// The latest qualitative assessment along the UN Framework of Analysis, when there is one.
    pub latest_assessment: Option<AssessmentSummary>,
    /// High or rising risk and no operational national mechanism.
    pub flagged: bool,
}

/// The gap table for one forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The forecast shown.
    pub source: SourceChoice,
    /// Its publisher as the dataset row names it (`NMP (own computation)` for NMP's).
    pub publisher: String,
    /// The publisher's version or release date.
    pub version: Option<String>,
    /// The forecast it is compared with for "rising" (the previous one of its family).
    pub previous: Option<String>,
    /// The year the capacity is read as of (`None`: everything recorded).
    pub as_of: Option<i32>,
    /// Every state the forecast assesses, by rank.
    pub rows: Vec<GapRow>,
}

impl Gap {
    /// The rows flagged: high or rising risk and no operational national mechanism.
    pub fn flagged(&self) -> impl Iterator<Item = &GapRow> {
        self.rows.iter().filter(|r| r.flagged)
    }
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

/// The forecast an edition of `year` shows: the latest Early Warning Project release whose first
/// forecast year is not after it (a report never quotes a forecast from its future), or `None`.
pub fn for_edition(all: &[Forecast], year: i32) -> Option<&Forecast> {
    all.iter()
        .rfind(|f| f.family == Family::Ewp && f.forecast_year.is_some_and(|y| y <= year))
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

/// How pages and the report name a [`GapRow::mechanism_status`] code.
pub fn status_label(code: &str) -> &'static str {
    match code {
        "operational" => "Operational",
        "in_process" => "In process",
        "dormant" => "Dormant",
        "not_recorded" => "Status not recorded",
        "dissolved" => "Dissolved",
        _ => "None recorded",
    }
}

/// Whether a partial date (ISO text, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`) falls in or before
/// `year`; undated things count as known (`as_of` of `None`: everything).
fn by_year(date: Option<&str>, as_of: Option<i32>) -> bool {
    match (as_of, date.and_then(|d| d.get(..4)?.parse::<i32>().ok())) {
        (None, _) | (_, None) => true,
        (Some(y), Some(d)) => d <= y,
    }
}

/// Whether mechanism `m` is known by `as_of`: recorded at all (`None`), or with evidence or a
/// status dated by then (one dissolved by then still counts, as `dissolved`).
fn known_by(m: &MechanismFact, as_of: Option<i32>) -> bool {
    as_of.is_none() || exists(m, as_of) || latest_status(m, as_of) == Some(MechanismStatus::Dissolved)
}

/// Whether a membership holds in `as_of` (now: `None`): joined by then (or undated) and not
/// left by then.
fn member_in(n: &NetworkFact, as_of: Option<i32>) -> bool {
    let joined = n.joined.is_none_or(|d| as_of.is_none_or(|y| d.date.year() <= y));
    let left = n.left.is_some_and(|d| as_of.is_none_or(|y| d.date.year() <= y));
    joined && !left
}

impl Store {
    /// The latest released qualitative assessment of each of `states` (ISO alpha-3 → summary)
    /// assessed in or before `as_of` (any time: `None`), read through
    /// [`Store::latest_country_assessments`], the same read as the country page's.
    pub async fn assessment_summaries(
        &self,
        states: &BTreeSet<String>,
        as_of: Option<i32>,
    ) -> Result<HashMap<String, AssessmentSummary>> {
        let mut out = HashMap::new();
        for (iso3, latest) in self.latest_country_assessments().await? {
            if !states.contains(&iso3) {
                continue;
            }
            let a = if by_year(latest.assessed_on.as_deref(), as_of) {
                Some(latest)
            } else {
                // A later assessment exists: the edition shows the one before it, if any.
                self.country_assessments(&iso3)
                    .await?
                    .into_iter()
                    .find(|a| by_year(a.assessed_on.as_deref(), as_of))
            };
            if let Some(a) = a {
                let summary = a.summary();
                let assessed_on = a.assessed_on.clone().unwrap_or_default();
                out.insert(iso3, AssessmentSummary { assessed_on, summary });
            }
        }
        Ok(out)
    }

    /// The gap table for the forecast `slug` (any case) of `all` (as [`Store::forecasts`]
    /// returns them), or `None` when there is no such forecast. `facts` are
    /// [`Store::indicator_facts`]; `as_of` reads capacity as of a year (mechanism status,
    /// function ratings of editions up to it, memberships, initiatives and assessments dated by
    /// it), `None` as recorded now.
    pub async fn risk_gap(
        &self,
        facts: &Facts,
        all: &[Forecast],
        slug: &str,
        as_of: Option<i32>,
    ) -> Result<Option<Gap>> {
        let Some(f) = all.iter().find(|f| f.slug.eq_ignore_ascii_case(slug)) else {
            return Ok(None);
        };
        let previous = forecasts::previous(all, f.dataset_id).and_then(|(p, _)| p);
        let names: HashMap<String, String> = self
            .all::<country::Entity>()
            .await?
            .into_iter()
            .map(|c| (c.country_iso3, c.name))
            .collect();
        let mut initiatives: HashMap<String, usize> = HashMap::new();
        for i in self.all::<initiative::Entity>().await? {
            if let Some(c) = i.country_iso3
                && by_year(i.started_on.as_deref(), as_of)
            {
                *initiatives.entry(c).or_default() += 1;
            }
        }
        // Editions by the year they stand for; one after `as_of` does not count.
        let mut editions: Vec<(Option<i32>, String)> = self
            .all::<edition::Entity>()
            .await?
            .iter()
            .map(|e| {
                (
                    nmp_core::edition_year(&e.slug, e.published_on.as_deref()),
                    e.slug.clone(),
                )
            })
            .filter(|(y, _)| match (as_of, y) {
                (Some(a), Some(y)) => *y <= a,
                _ => true,
            })
            .collect();
        editions.sort();
        let edition_order: HashMap<String, usize> =
            editions.into_iter().enumerate().map(|(i, (_, s))| (s, i)).collect();
        let states: BTreeSet<String> = f.values.keys().cloned().collect();
        let assessments = self.assessment_summaries(&states, as_of).await?;
        let mut rows: Vec<GapRow> = f
            .values
            .iter()
            .map(|(iso3, v)| {
                let before = previous.map(|p| p.of(iso3)).unwrap_or_default();
                let national: Vec<_> = facts
                    .mechanisms
                    .iter()
                    .filter(|m| m.level == "national" && m.iso3.as_deref() == Some(iso3.as_str()))
                    .filter(|m| known_by(m, as_of))
                    .collect();
                let status = status_of(&national.iter().map(|m| latest_status(m, as_of)).collect::<Vec<_>>());
                // The latest edition (up to `as_of`) that rated any of its mechanisms' functions.
                let rated: Option<(&String, &BTreeMap<String, FunctionLevel>)> = national
                    .iter()
                    .flat_map(|m| m.functions.iter())
                    .filter(|(edition, _)| edition_order.contains_key(*edition))
                    .max_by_key(|(edition, _)| edition_order.get(*edition).copied());
                let networks: BTreeSet<&str> = facts
                    .networks
                    .iter()
                    .filter(|n| &n.iso3 == iso3)
                    .filter(|n| member_in(n, as_of))
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
            version: f.version.clone(),
            previous: previous.map(|p| p.slug.clone()),
            as_of,
            rows,
        }))
    }
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
    fn a_date_counts_by_its_year() {
        assert!(by_year(Some("2017-05-01"), Some(2017)));
        assert!(!by_year(Some("2018"), Some(2017)));
        assert!(by_year(None, Some(2017)));
        assert!(by_year(Some("2030"), None));
    }

    fn forecast(id: i32, family: Family, year: Option<i32>) -> Forecast {
        Forecast {
            dataset_id: id,
            slug: format!("f{id}"),
            title: String::new(),
            publisher: String::new(),
            version: None,
            family,
            forecast_year: year,
            values: BTreeMap::new(),
        }
    }

    #[test]
    fn an_edition_shows_the_latest_ewp_forecast_not_after_its_year() {
        let all = [
            forecast(1, Family::Ewp, Some(2016)),
            forecast(2, Family::Ewp, Some(2018)),
            forecast(3, Family::Ewp, Some(2024)),
            forecast(4, Family::Nmp, Some(2017)),
        ];
        assert_eq!(for_edition(&all, 2017).map(|f| f.dataset_id), Some(1));
        assert_eq!(for_edition(&all, 2018).map(|f| f.dataset_id), Some(2));
        assert_eq!(for_edition(&all, 2030).map(|f| f.dataset_id), Some(3));
        assert_eq!(for_edition(&all, 2015), None);
    }
}
