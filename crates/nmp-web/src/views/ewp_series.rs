//! The Early Warning Project's releases as a time series: every imported `ewp-*` dataset is one
//! release, its `risk_2yr` and `rank_2yr` observations stored with its first forecast year. This
//! module reads them per country, draws the risk per forecast year as a line (the country page,
//! `/compare`), and lists the states that have risen into the top 30 since the release before
//! the latest (`/analysis`). Values of entities outside the 195 states (Kosovo, `XKX`) are read
//! from `observation_outside` and listed apart ([`OutsidePoint`]).

use std::collections::{BTreeMap, HashMap};

use nmp_charts::{LineChart, Series};
use nmp_store::Store;
use nmp_store::entity::{country, dataset, indicator, observation, observation_outside};
use serde::Serialize;
use utoipa::ToSchema;

use crate::WebError;

/// The rank up to which EWP treats a state as high risk.
pub const TOP: f64 = 30.0;

/// One imported release.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Release {
    /// Dataset slug, `ewp-<year>`.
    pub dataset: String,
    /// The first forecast year of its two-year risk.
    pub forecast_year: i32,
}

/// A state's two-year risk and rank in one release.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Point {
    /// Dataset slug of the release.
    pub dataset: String,
    /// The first forecast year (the risk is of a new onset in this year or the next).
    pub forecast_year: i32,
    /// Two-year risk, a probability.
    pub risk_2yr: Option<f64>,
    /// Its rank, 1 = highest risk.
    pub rank_2yr: Option<f64>,
}

/// An entity outside the 195 states (Kosovo) assessed by one release: its two-year risk and
/// rank, and why it is listed apart from the states.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct OutsidePoint {
    /// Dataset slug of the release.
    pub dataset: String,
    /// The first forecast year.
    pub forecast_year: i32,
    /// The code it is matched to (the user-assigned `XKX` for Kosovo).
    pub code: String,
    /// Its name as the release gives it.
    pub name: String,
    /// Two-year risk, a probability.
    pub risk_2yr: Option<f64>,
    /// Its rank among all the rows of the release, 1 = highest risk.
    pub rank_2yr: Option<f64>,
    /// Why it is outside the 195 states and how it was matched.
    pub note: Option<String>,
}

impl OutsidePoint {
    /// For the analysis page, as HTML in the request's language: `Kosovo (XKX), rank 17,
    /// two-year risk 4.0% (note)`, the name and the note marked as English on a French or
    /// Spanish page.
    pub fn summary_html(&self) -> String {
        use crate::views::analysis::{english, html};
        let risk = self
            .risk_2yr
            .map(|v| crate::lang::pct(v, 1))
            .unwrap_or_else(|| crate::lang::t("an-not-given"));
        let mut out = html(
            "an-outside-item",
            &[
                ("code", &self.code),
                ("rank", &rank_here(self.rank_2yr)),
                ("risk", &risk),
            ],
            &[("name", &english(&self.name))],
        );
        if let Some(note) = self.note.as_deref().filter(|n| !n.is_empty()) {
            out.push_str(&format!(" ({})", english(note.trim_end_matches('.'))));
        }
        out
    }
}

/// The releases and each state's points, in release order (by forecast year).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EwpSeries {
    /// The releases, oldest first.
    pub releases: Vec<Release>,
    /// ISO alpha-3 → one point per release the state appears in, oldest first.
    pub by_country: BTreeMap<String, Vec<Point>>,
    /// Entities outside the 195 states, by release (oldest first) then code.
    pub outside: Vec<OutsidePoint>,
}

/// The body of `/api/v1/high-risk/series`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SeriesBody {
    /// The releases, oldest first.
    pub releases: Vec<Release>,
    /// The states the latest release ranks in the top 30 that the release before did not.
    pub risen_into_top_30: Vec<Risen>,
    /// ISO alpha-3 → the state's points, one per release, oldest first.
    pub countries: BTreeMap<String, Vec<Point>>,
    /// Entities outside the 195 states (Kosovo, `XKX`) the releases assess, with a note: not
    /// states, so not among `countries` nor in the top-30 counts.
    pub outside: Vec<OutsidePoint>,
}

/// The values in `observation_outside` of the indicators in `wanted` (indicator id → (dataset
/// slug, whether it is the rank)), one point per release and code.
pub(crate) async fn outside_points(
    store: &Store,
    wanted: &HashMap<i32, (&str, bool)>,
) -> Result<Vec<OutsidePoint>, WebError> {
    let rows = store
        .rows_where::<observation_outside::Entity, _>(observation_outside::Column::IndicatorId, wanted.keys().copied())
        .await?;
    let mut points: BTreeMap<(i32, String, String), OutsidePoint> = BTreeMap::new();
    for o in rows {
        let Some(&(slug, is_rank)) = wanted.get(&o.indicator_id) else {
            continue;
        };
        let p = points
            .entry((o.year, slug.to_string(), o.code.clone()))
            .or_insert_with(|| OutsidePoint {
                dataset: slug.to_string(),
                forecast_year: o.year,
                code: o.code.clone(),
                name: o.name.clone(),
                risk_2yr: None,
                rank_2yr: None,
                note: o.note.clone(),
            });
        if is_rank {
            p.rank_2yr = Some(o.value);
        } else {
            p.risk_2yr = Some(o.value);
        }
    }
    Ok(points.into_values().collect())
}

/// A state ranked in the top 30 by the latest release that the one before did not rank there.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Risen {
    /// ISO alpha-3.
    pub iso3: String,
    /// Its rank in the release before (`None`: not assessed then).
    pub previous_rank: Option<f64>,
    /// Its rank in the latest release.
    pub rank: f64,
    /// Its two-year risk in the latest release.
    pub risk_2yr: Option<f64>,
}

/// Reads every imported release.
pub async fn load(store: &Store) -> Result<EwpSeries, WebError> {
    let datasets: Vec<dataset::Model> = store
        .all::<dataset::Entity>()
        .await?
        .into_iter()
        .filter(|d| d.slug.starts_with("ewp-"))
        .collect();
    if datasets.is_empty() {
        return Ok(EwpSeries::default());
    }
    let indicators = store
        .rows_where::<indicator::Entity, _>(indicator::Column::DatasetId, datasets.iter().map(|d| d.dataset_id))
        .await?;
    // indicator id → (dataset slug, is the rank)
    let wanted: HashMap<i32, (&str, bool)> = indicators
        .iter()
        .filter(|i| i.code == "risk_2yr" || i.code == "rank_2yr")
        .filter_map(|i| {
            let d = datasets.iter().find(|d| d.dataset_id == i.dataset_id)?;
            Some((i.indicator_id, (d.slug.as_str(), i.code == "rank_2yr")))
        })
        .collect();
    let observations = store
        .rows_where::<observation::Entity, _>(observation::Column::IndicatorId, wanted.keys().copied())
        .await?;
    let outside = outside_points(store, &wanted).await?;
    let mut points: BTreeMap<(String, &str), Point> = BTreeMap::new();
    let mut years: BTreeMap<&str, i32> = BTreeMap::new();
    for o in &observations {
        let Some(&(slug, is_rank)) = wanted.get(&o.indicator_id) else {
            continue;
        };
        years.entry(slug).or_insert(o.year);
        let p = points.entry((o.country_iso3.clone(), slug)).or_insert_with(|| Point {
            dataset: slug.to_string(),
            forecast_year: o.year,
            risk_2yr: None,
            rank_2yr: None,
        });
        if is_rank {
            p.rank_2yr = Some(o.value);
        } else {
            p.risk_2yr = Some(o.value);
        }
    }
    let mut releases: Vec<Release> = years
        .into_iter()
        .map(|(slug, year)| Release {
            dataset: slug.to_string(),
            forecast_year: year,
        })
        .collect();
    releases.sort_by(|a, b| a.forecast_year.cmp(&b.forecast_year).then(a.dataset.cmp(&b.dataset)));
    let order: HashMap<&str, usize> = releases
        .iter()
        .enumerate()
        .map(|(i, r)| (r.dataset.as_str(), i))
        .collect();
    let mut by_country: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for ((iso3, _), p) in points {
        by_country.entry(iso3).or_default().push(p);
    }
    for list in by_country.values_mut() {
        list.sort_by_key(|p| order.get(p.dataset.as_str()).copied().unwrap_or(usize::MAX));
    }
    Ok(EwpSeries {
        releases,
        by_country,
        outside,
    })
}

impl EwpSeries {
    /// The points of `iso3` (empty when no release assesses it).
    pub fn of(&self, iso3: &str) -> &[Point] {
        self.by_country.get(iso3).map(Vec::as_slice).unwrap_or_default()
    }

    /// The latest release and the one before, when at least two are imported.
    pub fn last_two(&self) -> Option<(&Release, &Release)> {
        match self.releases.as_slice() {
            [.., previous, latest] => Some((previous, latest)),
            _ => None,
        }
    }

    /// The states in the latest release's top 30 that the release before did not rank there,
    /// by their new rank.
    pub fn risen(&self) -> Vec<Risen> {
        let Some((previous, latest)) = self.last_two() else {
            return Vec::new();
        };
        let rank_in = |points: &[Point], release: &Release| {
            points
                .iter()
                .find(|p| p.dataset == release.dataset)
                .and_then(|p| p.rank_2yr)
        };
        let mut out: Vec<Risen> = self
            .by_country
            .iter()
            .filter_map(|(iso3, points)| {
                let rank = rank_in(points, latest).filter(|r| *r <= TOP)?;
                let previous_rank = rank_in(points, previous);
                if previous_rank.is_some_and(|r| r <= TOP) {
                    return None;
                }
                Some(Risen {
                    iso3: iso3.clone(),
                    previous_rank,
                    rank,
                    risk_2yr: points
                        .iter()
                        .find(|p| p.dataset == latest.dataset)
                        .and_then(|p| p.risk_2yr),
                })
            })
            .collect();
        out.sort_by(|a, b| a.rank.total_cmp(&b.rank).then(a.iso3.cmp(&b.iso3)));
        out
    }

    /// A line chart of the two-year risk (per cent) per forecast year of each of `countries`
    /// (ISO code, name), as the page embeds it under its heading (wide and for phones), or
    /// `None` when no release assesses any of them.
    pub fn chart(&self, countries: &[(&str, &str)]) -> Option<String> {
        if countries.iter().all(|(iso3, _)| self.of(iso3).is_empty()) {
            return None;
        }
        let x_labels: Vec<String> = self
            .releases
            .iter()
            .map(|r| format!("{}–{}", r.forecast_year, r.forecast_year + 1))
            .collect();
        let series = countries
            .iter()
            .map(|(iso3, name)| Series {
                name: (*name).to_string(),
                values: self
                    .releases
                    .iter()
                    .map(|r| {
                        self.of(iso3)
                            .iter()
                            .find(|p| p.dataset == r.dataset)
                            .and_then(|p| p.risk_2yr)
                            .map_or(f64::NAN, |v| v * 100.0)
                    })
                    .collect(),
            })
            .collect();
        let names: Vec<&str> = countries.iter().map(|(_, n)| *n).collect();
        let chart = LineChart {
            title: "Early Warning Project: two-year risk of a new mass killing, by release".into(),
            description: format!(
                "The estimated probability, in per cent, of a new mass killing beginning in the two years from each release's first forecast year, for {}, one point per imported release.",
                names.join(", ")
            ),
            x_labels,
            series,
            unit: "%".into(),
        };
        Some(crate::views::charts::responsive(
            |f| nmp_charts::line_with(&chart, f),
            &nmp_charts::Frame::under_heading(),
        ))
    }
}

/// The "risen into the top 30" list as `/analysis` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RisenView {
    /// The release before the latest (dataset slug).
    pub previous: String,
    /// The latest release (dataset slug).
    pub latest: String,
    /// ISO code, name, previous rank, new rank, new two-year risk (per cent), for display.
    pub rows: Vec<(String, String, String, String, String)>,
}

/// The states risen into the top 30 since the release before the latest, named (their ranks in
/// the request's language), or `None` when fewer than two releases are imported.
pub async fn risen_view(store: &Store) -> Result<Option<RisenView>, WebError> {
    let series = load(store).await?;
    let Some((previous, latest)) = series.last_two() else {
        return Ok(None);
    };
    let names: HashMap<String, String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.name))
        .collect();
    let rows = series
        .risen()
        .into_iter()
        .map(|r| {
            let name = names.get(&r.iso3).cloned().unwrap_or_else(|| r.iso3.clone());
            let risk = r.risk_2yr.map(|v| crate::lang::pct(v, 1)).unwrap_or_default();
            (r.iso3, name, rank_here(r.previous_rank), rank_here(Some(r.rank)), risk)
        })
        .collect();
    Ok(Some(RisenView {
        previous: previous.dataset.clone(),
        latest: latest.dataset.clone(),
        rows,
    }))
}

/// A rank as the page's language writes it, or "not assessed" (the analysis, risk and country
/// pages).
pub fn rank_here(rank: Option<f64>) -> String {
    rank.map(|r| crate::lang::dec(r, 0))
        .unwrap_or_else(|| crate::lang::t("an-not-assessed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(dataset: &str, year: i32, risk: f64, rank: f64) -> Point {
        Point {
            dataset: dataset.into(),
            forecast_year: year,
            risk_2yr: Some(risk),
            rank_2yr: Some(rank),
        }
    }

    fn series() -> EwpSeries {
        // Synthetic test data.
        let releases = vec![
            Release {
                dataset: "ewp-2031".into(),
                forecast_year: 2031,
            },
            Release {
                dataset: "ewp-2032".into(),
                forecast_year: 2032,
            },
        ];
        let mut by_country = BTreeMap::new();
        by_country.insert(
            "KEN".to_string(),
            vec![point("ewp-2031", 2031, 0.01, 45.0), point("ewp-2032", 2032, 0.03, 12.0)],
        );
        by_country.insert(
            "TCD".to_string(),
            vec![point("ewp-2031", 2031, 0.1, 1.0), point("ewp-2032", 2032, 0.09, 2.0)],
        );
        by_country.insert("SSD".to_string(), vec![point("ewp-2032", 2032, 0.05, 5.0)]);
        EwpSeries {
            releases,
            by_country,
            ..Default::default()
        }
    }

    #[test]
    fn risen_lists_new_top_30_states_with_their_previous_rank() {
        let risen = series().risen();
        let got: Vec<(&str, Option<f64>, f64)> = risen
            .iter()
            .map(|r| (r.iso3.as_str(), r.previous_rank, r.rank))
            .collect();
        assert_eq!(got, [("SSD", None, 5.0), ("KEN", Some(45.0), 12.0)]);
        let mut one = series();
        one.releases.truncate(1);
        assert!(one.risen().is_empty(), "one release: nothing to compare");
    }

    #[test]
    fn the_chart_draws_one_line_per_country_and_none_without_data() {
        let s = series();
        let svg = s.chart(&[("KEN", "Kenya"), ("TCD", "Chad")]).unwrap();
        assert!(
            svg.contains("2031–2032") && svg.contains("Kenya") && svg.contains("Chad"),
            "{svg}"
        );
        assert!(s.chart(&[("PER", "Peru")]).is_none());
        assert_eq!(rank_here(Some(12.0)), "12");
        assert_eq!(rank_here(None), "not assessed");
    }
}
