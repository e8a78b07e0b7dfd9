//! A country's qualitative risk assessment along the UN Framework of Analysis, as the country
//! page and its API answer show it: the latest reconciled, released assessment (per risk factor
//! the consensus level and trend, the editors' rationale and evidence numbered into the page's
//! notes, the agreement between raters) and the earlier ones, in brief. Read through
//! `Store::country_assessments`; individual ratings are never shown.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::vocab::{RiskTrend, label};
use nmp_store::Store;
use nmp_store::entity::source;
use nmp_store::outcomes::{Agreement, CountryAssessment};
use serde::Serialize;
use utoipa::ToSchema;

use super::Citer;
use super::initiatives::EvidenceView;
use crate::WebError;

/// Agreement between the raters over a country's risk factors.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgreementView {
    /// Krippendorff's alpha (ordinal); absent when undefined.
    pub alpha: Option<f64>,
    /// Share of agreeing pairs of ratings; absent without pairs.
    pub percent_agreement: Option<f64>,
    /// Risk factors rated by at least two raters.
    pub units: usize,
    /// Raters.
    pub raters: usize,
}

impl AgreementView {
    fn of(a: &Agreement) -> AgreementView {
        AgreementView {
            alpha: a.alpha,
            percent_agreement: a.percent_agreement,
            units: a.units,
            raters: a.raters,
        }
    }

    /// Alpha for people, in the page's language: three decimals ("0.667", "0,667"), or
    /// "undefined".
    pub fn alpha_text(&self) -> String {
        self.alpha
            .map_or_else(|| crate::lang::t("country-risk-undefined"), |a| crate::lang::dec(a, 3))
    }

    /// Percent agreement for people, in the page's language ("67%", "67 %").
    pub fn percent_text(&self) -> String {
        self.percent_agreement
            .map_or_else(|| crate::lang::t("country-risk-undefined"), |p| crate::lang::pct(p, 0))
    }
}

/// The consensus on one risk factor.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RiskFactorView {
    /// The risk factor's number in the Framework (its position, from 1).
    pub number: i32,
    /// Criterion code (`rf8_triggering_factors`).
    pub criterion: String,
    /// The risk factor's title.
    pub label: String,
    /// Its group code (`common`, `genocide`, `crimes_against_humanity`, `war_crimes`).
    pub category: Option<String>,
    /// Its group for people.
    pub category_label: Option<String>,
    /// The consensus level's rank (1 = lowest).
    pub rank: i32,
    /// How many levels the scale has.
    pub of: i32,
    /// The level's label.
    pub level: String,
    /// The consensus trend code (`rising`, `steady`, `falling`).
    pub trend: Option<String>,
    /// The trend for people.
    pub trend_label: Option<String>,
    /// The editors' rationale.
    pub rationale: String,
    /// The evidence, numbered into the page's notes (empty in the history).
    pub evidence: Vec<EvidenceView>,
}

/// A reconciled, released qualitative risk assessment of a country.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RiskAssessmentView {
    /// The date the assessment stands for (`YYYY-MM-DD`).
    pub assessed_on: Option<String>,
    /// The edition its round belongs to (slug).
    pub edition: String,
    /// Framework slug and version (`un-atrocity-risk v1`).
    pub framework: String,
    /// Framework title.
    pub framework_title: String,
    /// The risk factors, in the Framework's order.
    pub factors: Vec<RiskFactorView>,
    /// Agreement between raters on levels.
    pub agreement_levels: AgreementView,
    /// Agreement between raters on trends (falling < steady < rising).
    pub agreement_trends: AgreementView,
}

/// A group code of the Framework of Analysis for people.
fn category_label(code: &str) -> String {
    match code {
        "common" => "Common".into(),
        "genocide" => "Genocide".into(),
        "crimes_against_humanity" => "Crimes against humanity".into(),
        "war_crimes" => "War crimes".into(),
        other => other.replace('_', " "),
    }
}

fn view(
    a: &CountryAssessment,
    mut evidence: impl FnMut(&nmp_store::outcomes::Evidence) -> EvidenceView,
) -> RiskAssessmentView {
    RiskAssessmentView {
        assessed_on: a.assessed_on.clone(),
        edition: a.edition.clone(),
        framework: format!("{} v{}", a.framework, a.framework_version),
        framework_title: a.framework_title.clone(),
        factors: a
            .factors
            .iter()
            .map(|f| RiskFactorView {
                number: f.position,
                criterion: f.criterion.clone(),
                label: f.label.clone(),
                category_label: f.category.as_deref().map(category_label),
                category: f.category.clone(),
                rank: f.rank,
                of: f.of,
                level: f.level.clone(),
                trend_label: f.trend.as_deref().map(label::<RiskTrend>),
                trend: f.trend.clone(),
                rationale: f.rationale.clone(),
                evidence: f.evidence.iter().map(&mut evidence).collect(),
            })
            .collect(),
        agreement_levels: AgreementView::of(&a.levels),
        agreement_trends: AgreementView::of(&a.trends),
    }
}

/// The latest assessment of `iso3` with its evidence numbered into `citer`, and the earlier ones
/// without evidence (newest first).
pub(crate) async fn of_country(
    store: &Store,
    citer: &mut Citer,
    iso3: &str,
) -> Result<(Option<RiskAssessmentView>, Vec<RiskAssessmentView>), WebError> {
    let mut all = store.country_assessments(iso3).await?.into_iter();
    let Some(latest) = all.next() else {
        return Ok((None, Vec::new()));
    };
    let ids: BTreeSet<i32> = latest
        .factors
        .iter()
        .flat_map(|f| f.evidence.iter().map(|e| e.source_id))
        .collect();
    let sources: BTreeMap<i32, source::Model> = store
        .rows_where::<source::Entity, _>(source::Column::SourceId, ids)
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect();
    let current = view(&latest, |e| EvidenceView {
        note: sources
            .get(&e.source_id)
            .map(|s| {
                citer
                    .cite_source(s, e.locator.as_deref(), e.quote.as_deref(), "a risk factor's evidence")
                    .note
            })
            .unwrap_or(0),
        source: e.source_slug.clone(),
        title: e.source_title.clone(),
        locator: e.locator.clone(),
        quote: e.quote.clone(),
    });
    let history = all
        .map(|a| {
            let mut v = view(&a, |e| EvidenceView {
                note: 0,
                source: e.source_slug.clone(),
                title: e.source_title.clone(),
                locator: e.locator.clone(),
                quote: e.quote.clone(),
            });
            for f in &mut v.factors {
                f.evidence.clear();
            }
            v
        })
        .collect();
    Ok((Some(current), history))
}

impl RiskAssessmentView {
    /// How the assessment was made, as HTML in the page's language (the Framework's title, as
    /// recorded, marked as English on a French or Spanish page).
    pub fn method_html(&self) -> String {
        use crate::views::analysis::{english, html};
        let assessed = match &self.assessed_on {
            Some(d) => crate::lang::ta("country-risk-assessed-on", &[("date", &crate::lang::date(d))]),
            None => crate::lang::t("country-risk-assessed"),
        };
        html(
            "country-risk-method",
            &[("assessed", &assessed), ("edition", &self.edition)],
            &[("framework", &english(&self.framework_title))],
        )
    }

    /// The agreement between raters before reconciliation, in the page's language.
    pub fn agreement_html(&self) -> String {
        let (l, t) = (&self.agreement_levels, &self.agreement_trends);
        crate::views::analysis::html(
            "country-risk-agreement",
            &[
                ("levels-alpha", &l.alpha_text()),
                ("levels-percent", &l.percent_text()),
                ("factors", &crate::lang::num(l.units as i64)),
                ("raters", &crate::lang::num(l.raters as i64)),
                ("trends-alpha", &t.alpha_text()),
                ("trends-percent", &t.percent_text()),
            ],
            &[],
        )
    }

    /// The level and trend of risk factor `criterion`, for the history table ("Elevated,
    /// rising"), the trend in the page's language (the level is the editors' own word, as
    /// recorded).
    pub fn cell_here(&self, criterion: &str) -> String {
        self.factors
            .iter()
            .find(|f| f.criterion == criterion)
            .map(|f| match (&f.trend, &f.trend_label) {
                (Some(code), Some(t)) => format!("{}, {}", f.level, crate::lang::label(code, t).to_lowercase()),
                _ => f.level.clone(),
            })
            .unwrap_or_else(|| "—".into())
    }
}

/// A group of the Framework of Analysis in the page's language.
pub fn category_here(code: &str) -> String {
    nmp_i18n::t_if(
        crate::lang::lang(),
        &format!("country-risk-group-{}", code.replace('_', "-")),
    )
    .unwrap_or_else(|| category_label(code))
}
