//! The forecast datasets the watchlist and the risk–capacity gap compare: every dataset whose
//! slug begins `ewp-` (an imported Early Warning Project release) or `nmp-risk-` (a forecast NMP
//! computed itself), each with its `risk_2yr` and `rank_2yr` per state. Two forecasts are of the
//! same *family* when their slugs share the prefix; within a family they are ordered by their
//! first forecast year (the observations' year), then by when they were written (the key).

use std::collections::{BTreeMap, HashMap};

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entity::{dataset, indicator, observation};
use crate::{Result, Store};

/// Who made a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// A release of the Early Warning Project, imported (`ewp-<year>`).
    Ewp,
    /// NMP's own computation (`nmp-risk-*`), never the Early Warning Project's.
    Nmp,
}

impl Family {
    /// The family of a dataset slug, or `None` when it is not a forecast.
    pub fn of(slug: &str) -> Option<Family> {
        if slug.starts_with("ewp-") {
            Some(Family::Ewp)
        } else if slug.starts_with("nmp-risk-") {
            Some(Family::Nmp)
        } else {
            None
        }
    }

    /// Who made it, as pages and messages say it.
    pub fn label(self) -> &'static str {
        match self {
            Family::Ewp => "Early Warning Project",
            Family::Nmp => "NMP's computation",
        }
    }
}

/// A state's two-year risk and rank in one forecast.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Value {
    /// Two-year risk, a probability.
    pub risk: Option<f64>,
    /// Its rank, 1 = highest.
    pub rank: Option<f64>,
}

/// One forecast dataset and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The dataset's key.
    pub dataset_id: i32,
    /// Its slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its publisher, as the dataset row says.
    pub publisher: String,
    /// The publisher's version or release date.
    pub version: Option<String>,
    /// Whose forecast it is.
    pub family: Family,
    /// The first forecast year (`None` when it holds no two-year risk).
    pub forecast_year: Option<i32>,
    /// ISO alpha-3 → its values.
    pub values: BTreeMap<String, Value>,
}

impl Forecast {
    /// How pages name it: `Early Warning Project, ewp-2024 (forecast 2024–2025)`.
    pub fn label(&self) -> String {
        match self.forecast_year {
            Some(y) => format!("{}, {} (forecast {y}–{})", self.family.label(), self.slug, y + 1),
            None => format!("{}, {}", self.family.label(), self.slug),
        }
    }

    /// The values of `iso3` (all `None` when the forecast does not assess it).
    pub fn of(&self, iso3: &str) -> Value {
        self.values.get(iso3).copied().unwrap_or_default()
    }
}

impl Store {
    /// Every forecast dataset with its values, by family, then forecast year, then key.
    pub async fn forecasts(&self) -> Result<Vec<Forecast>> {
        let datasets: Vec<(dataset::Model, Family)> = dataset::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|d| Family::of(&d.slug).map(|f| (d, f)))
            .collect();
        if datasets.is_empty() {
            return Ok(Vec::new());
        }
        let indicators = indicator::Entity::find()
            .filter(indicator::Column::DatasetId.is_in(datasets.iter().map(|(d, _)| d.dataset_id)))
            .filter(indicator::Column::Code.is_in(["risk_2yr", "rank_2yr"]))
            .all(&self.db)
            .await?;
        // indicator id → (dataset id, is the rank)
        let wanted: HashMap<i32, (i32, bool)> = indicators
            .iter()
            .map(|i| (i.indicator_id, (i.dataset_id, i.code == "rank_2yr")))
            .collect();
        let observations = self
            .rows_where::<observation::Entity, _>(observation::Column::IndicatorId, wanted.keys().copied())
            .await?;
        let mut out: Vec<Forecast> = datasets
            .into_iter()
            .map(|(d, family)| Forecast {
                dataset_id: d.dataset_id,
                slug: d.slug,
                title: d.title,
                publisher: d.publisher,
                version: d.dataset_version,
                family,
                forecast_year: None,
                values: BTreeMap::new(),
            })
            .collect();
        let index: HashMap<i32, usize> = out.iter().enumerate().map(|(i, f)| (f.dataset_id, i)).collect();
        for o in observations {
            let Some(&(dataset_id, is_rank)) = wanted.get(&o.indicator_id) else {
                continue;
            };
            let f = &mut out[index[&dataset_id]];
            let v = f.values.entry(o.country_iso3).or_default();
            if is_rank {
                v.rank = Some(o.value);
            } else {
                v.risk = Some(o.value);
                f.forecast_year = Some(f.forecast_year.map_or(o.year, |y| y.min(o.year)));
            }
        }
        out.sort_by_key(|f| (f.family, f.forecast_year, f.dataset_id));
        Ok(out)
    }
}

/// The latest forecast of `family` in `all` (as [`Store::forecasts`] orders them).
pub fn latest(all: &[Forecast], family: Family) -> Option<&Forecast> {
    all.iter().rfind(|f| f.family == family)
}

/// The forecast of the same family before `dataset_id`, and whether `dataset_id` is its
/// family's latest: `None` when `dataset_id` is not among `all`.
pub fn previous(all: &[Forecast], dataset_id: i32) -> Option<(Option<&Forecast>, bool)> {
    let new = all.iter().find(|f| f.dataset_id == dataset_id)?;
    let family: Vec<&Forecast> = all.iter().filter(|f| f.family == new.family).collect();
    let at = family.iter().position(|f| f.dataset_id == dataset_id)?;
    let before = at.checked_sub(1).map(|i| family[i]);
    Some((before, at + 1 == family.len()))
}
