//! A country's qualitative risk assessments as readers see them: per risk factor (criterion) the
//! consensus level and trend with the editors' rationale and evidence, and the agreement between
//! the raters (on levels and on trends). Individual ratings are never read out here.
//!
//! An assessment is public once it is **reconciled** (every criterion of the country has a
//! consensus with evidence) and **released**: its round is closed, or its edition published.
//! [`Store::latest_country_assessment`] is the one read other features use (the risk–capacity gap
//! monitor, watchlist alerts); [`Store::country_assessments`] gives the history.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::agreement::{Metric, reliability};
use nmp_core::vocab::RoundState;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::{Evidence, RoundView, Target};
use crate::entity::{edition_snapshot, round_target};
use crate::{Result, Store};

/// Agreement between raters (Krippendorff's alpha, ordinal, and percent agreement) over one
/// country's risk factors, with what it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// Krippendorff's alpha (ordinal); `None` when undefined (see `nmp_core::agreement`).
    pub alpha: Option<f64>,
    /// Share of agreeing pairs of ratings; `None` without pairs.
    pub percent_agreement: Option<f64>,
    /// Risk factors rated by at least two raters.
    pub units: usize,
    /// Raters with a rating in such a risk factor.
    pub raters: usize,
}

impl Agreement {
    fn of(matrix: &[Vec<Option<i64>>]) -> Agreement {
        let r = reliability(matrix, Metric::Ordinal);
        Agreement {
            alpha: r.alpha,
            percent_agreement: r.percent_agreement,
            units: r.units,
            raters: r.raters,
        }
    }
}

/// The consensus on one risk factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorAssessment {
    /// The criterion's code (`rf8_triggering_factors`).
    pub criterion: String,
    /// The criterion's label.
    pub label: String,
    /// Its position in the framework (from 1: the risk factor's number).
    pub position: i32,
    /// Its group (`common`, `genocide`, ...), when the framework gives one.
    pub category: Option<String>,
    /// The consensus level's rank (1 = lowest).
    pub rank: i32,
    /// How many levels the criterion has.
    pub of: i32,
    /// The level's label.
    pub level: String,
    /// The consensus trend (a `RiskTrend` code).
    pub trend: Option<String>,
    /// The editors' rationale.
    pub rationale: String,
    /// The evidence.
    pub evidence: Vec<Evidence>,
}

/// One reconciled, released assessment of a country.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryAssessment {
    /// The country (ISO3).
    pub iso3: String,
    /// The round.
    pub round_id: i32,
    /// The round's title.
    pub round_title: String,
    /// The edition the round belongs to (slug).
    pub edition: String,
    /// The framework's slug.
    pub framework: String,
    /// The framework's version.
    pub framework_version: i32,
    /// The framework's title.
    pub framework_title: String,
    /// The date the assessment stands for (`YYYY-MM-DD`).
    pub assessed_on: Option<String>,
    /// The risk factors, in framework order.
    pub factors: Vec<FactorAssessment>,
    /// Agreement on levels, over the country's risk factors.
    pub levels: Agreement,
    /// Agreement on trends (falling < steady < rising), over the same.
    pub trends: Agreement,
}

impl CountryAssessment {
    /// The highest consensus level's rank, if any factor is rated.
    pub fn highest_rank(&self) -> Option<i32> {
        self.factors.iter().map(|f| f.rank).max()
    }

    /// The assessment in a few words, for the gap table and the watchlist's alerts: its highest
    /// level, how many risk factors are at it, and how many rise.
    pub fn summary(&self) -> String {
        let Some(highest) = self.factors.iter().max_by_key(|f| f.rank) else {
            return "no risk factor rated".to_string();
        };
        let at = self.factors.iter().filter(|f| f.rank == highest.rank).count();
        format!(
            "highest level {} ({at} of {} risk factors); {} rising",
            highest.level.to_lowercase(),
            self.factors.len(),
            self.rising().len()
        )
    }

    /// The risk factors whose consensus trend is rising.
    pub fn rising(&self) -> Vec<&FactorAssessment> {
        self.factors
            .iter()
            .filter(|f| f.trend.as_deref() == Some("rising"))
            .collect()
    }

    /// The assessment of target `t` in `view`, if it is reconciled (every criterion has a
    /// consensus with evidence).
    pub fn of(view: &RoundView, t: &Target) -> Option<CountryAssessment> {
        let tid = t.row.round_target_id;
        let mut factors = Vec::new();
        for c in &view.framework.criteria {
            let k = view.consensus_of(tid, c.row.criterion_id)?;
            if k.evidence.is_empty() {
                return None;
            }
            let level = c.level(k.row.criterion_level_id)?;
            factors.push(FactorAssessment {
                criterion: c.row.code.clone(),
                label: c.row.label.clone(),
                position: c.row.position,
                category: c.row.category.clone(),
                rank: level.rank,
                of: i32::try_from(c.levels.len()).unwrap_or(i32::MAX),
                level: level.label.clone(),
                trend: k.row.trend.clone(),
                rationale: k.row.rationale.clone(),
                evidence: k.evidence.clone(),
            });
        }
        if factors.is_empty() {
            return None;
        }
        Some(CountryAssessment {
            iso3: t.slug.clone(),
            round_id: view.round.assessment_round_id,
            round_title: view.round.title.clone(),
            edition: view.edition_slug.clone(),
            framework: view.framework.row.slug.clone(),
            framework_version: view.framework.row.framework_version,
            framework_title: view.framework.row.title.clone(),
            assessed_on: t.row.assessed_on.clone(),
            factors,
            levels: Agreement::of(&view.target_matrix(tid)),
            trends: Agreement::of(&view.trend_matrix(tid)),
        })
    }
}

impl Store {
    /// Every reconciled, released assessment of country `iso3` (any case), newest first (by
    /// assessment date, then round).
    pub async fn country_assessments(&self, iso3: &str) -> Result<Vec<CountryAssessment>> {
        let iso3 = iso3.trim().to_ascii_uppercase();
        let rounds: BTreeSet<i32> = round_target::Entity::find()
            .filter(round_target::Column::CountryIso3.eq(iso3.as_str()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|t| t.assessment_round_id)
            .collect();
        if rounds.is_empty() {
            return Ok(Vec::new());
        }
        let published: BTreeSet<i32> = edition_snapshot::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|s| s.edition_id)
            .collect();
        let mut out = Vec::new();
        for id in rounds {
            let Some(view) = self.round_view(id).await? else {
                continue;
            };
            let released = view.round.state == RoundState::Closed.code() || published.contains(&view.round.edition_id);
            if !released {
                continue;
            }
            out.extend(
                view.targets
                    .iter()
                    .filter(|t| t.kind == "country" && t.slug == iso3)
                    .filter_map(|t| CountryAssessment::of(&view, t)),
            );
        }
        out.sort_by(|a, b| (&b.assessed_on, b.round_id).cmp(&(&a.assessed_on, a.round_id)));
        Ok(out)
    }

    /// The latest reconciled, released assessment of country `iso3` (any case), if there is one:
    /// the read the risk–capacity gap monitor and the watchlist use.
    pub async fn latest_country_assessment(&self, iso3: &str) -> Result<Option<CountryAssessment>> {
        Ok(self.country_assessments(iso3).await?.into_iter().next())
    }

    /// The latest reconciled, released assessment of every country that has one, by ISO3.
    pub async fn latest_country_assessments(&self) -> Result<BTreeMap<String, CountryAssessment>> {
        let countries: BTreeSet<String> = round_target::Entity::find()
            .filter(round_target::Column::CountryIso3.is_not_null())
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|t| t.country_iso3)
            .collect();
        let mut out = BTreeMap::new();
        for iso3 in countries {
            if let Some(a) = self.latest_country_assessment(&iso3).await? {
                out.insert(iso3, a);
            }
        }
        Ok(out)
    }
}
