//! Saving a forecast of NMP's own risk model (`nmp risk fit --save`): the dataset
//! `nmp-risk-<Y>-<n>` (Y the first forecast year, n counting NMP's saved forecasts for Y) with
//! the indicators `risk_2yr` and `rank_2yr` of the Early Warning Project import (same codes, same
//! meaning, year Y), and the fit's parameters and coefficients in `risk_model` and
//! `risk_coefficient`; all in one audited transaction. The dataset is labelled as NMP's
//! computation, never as the Early Warning Project's.
//!
//! Rows are matched to ISO alpha-3 by their COW code through the EWP crosswalk; Kosovo goes to
//! `observation_outside` as in the EWP import; an entity outside the 195 states that has no
//! user-assigned code (Taiwan) is left out and named in the [`SaveReport`].

use nmp_risk::enet::Options;
use nmp_risk::refit::Refit;
use nmp_store::entity::{dataset, risk_coefficient, risk_model};
use nmp_store::{ColumnTrait, Set, Store};

use super::crosswalk::Crosswalk;
use super::ewp::OUTSIDE;
use super::{DatasetMeta, ExistingIndicators, IndicatorMeta, Obs, OpenDataset, country_codes, country_index};
use crate::IngestError;

/// The publisher of every NMP forecast.
pub const PUBLISHER: &str = "NMP (own computation)";

/// How the forecast compared with EWP's published one.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The EWP forecasts file (its name).
    pub file: String,
    /// Spearman's rank correlation over the countries in both.
    pub spearman: f64,
    /// How many of EWP's top 30 are in NMP's top 30.
    pub top30_overlap: usize,
}

/// A fitted forecast to save.
#[derive(Debug, Clone)]
pub struct ForecastToSave<'a> {
    /// The fit and its forecast.
    pub refit: &'a Refit,
    /// The predictors, in the model's order.
    pub predictors: &'a [String],
    /// EWP's coefficients in the same order, when compared.
    pub ewp_coefficients: Option<&'a [f64]>,
    /// The fit's settings.
    pub options: &'a Options,
    /// The panel's file name.
    pub panel_file: String,
    /// SHA-256 of the panel, hex.
    pub panel_sha256: String,
    /// The outcome column fitted.
    pub outcome: String,
    /// The comparison with EWP, when made.
    pub comparison: Option<Comparison>,
}

/// What [`save_forecast_report`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveReport {
    /// The dataset's key.
    pub dataset_id: i32,
    /// Its slug.
    pub slug: String,
    /// Observations written (two per matched country).
    pub observations: u64,
    /// Countries of the forecast not stored (no ISO code among the 195 states, no user-assigned code).
    pub left_out: Vec<String>,
}

/// Saves the forecast (see the module documentation) and returns the dataset's key.
pub async fn save_forecast(store: &Store, actor: &str, f: &ForecastToSave<'_>) -> Result<i32, IngestError> {
    Ok(save_forecast_report(store, actor, f).await?.dataset_id)
}

fn indicators(y: i32) -> Vec<IndicatorMeta> {
    let note = format!(
        "NMP's computation with its own fit of the statistical risk model (elastic-net logistic regression, as the Early Warning Project describes it), not the Early Warning Project's forecast. Stored with year {y}, the first forecast year."
    );
    vec![
        IndicatorMeta {
            code: "risk_2yr".into(),
            label: "Two-year risk of a new mass-killing onset (NMP's computation)".into(),
            unit: Some("probability".into()),
            description: Some(format!(
                "Estimated probability that a new episode of mass killing begins in {y} or {}. {note}",
                y + 1
            )),
        },
        IndicatorMeta {
            code: "rank_2yr".into(),
            label: "Rank of the two-year risk of a new mass-killing onset (NMP's computation)".into(),
            unit: Some("rank".into()),
            description: Some(format!(
                "Rank of risk_2yr among the countries assessed, 1 = highest risk; the top 30 are treated as high risk. {note}"
            )),
        },
    ]
}

/// [`save_forecast`], with what was written.
pub async fn save_forecast_report(
    store: &Store,
    actor: &str,
    f: &ForecastToSave<'_>,
) -> Result<SaveReport, IngestError> {
    let r = f.refit;
    let y = r.first_year;
    let countries = country_codes(store).await?;
    let index = country_index(&countries);
    let crosswalk = Crosswalk::embedded()?;
    let (mut obs, mut outside, mut left_out) = (Vec::new(), Vec::new(), Vec::new());
    for fc in &r.forecasts {
        let entry = u32::try_from(fc.ccode).ok().and_then(|c| crosswalk.by_code(c));
        let iso = entry.and_then(|e| e.iso3.as_deref());
        match iso.and_then(|iso| index.get(iso.as_bytes())) {
            Some(country) => {
                for (indicator, value) in [(0u16, fc.risk), (1u16, fc.rank)] {
                    obs.push(Obs {
                        indicator,
                        country,
                        year: y,
                        value,
                    });
                }
            }
            None => match OUTSIDE.iter().find(|(code, _, _)| i64::from(*code) == fc.ccode) {
                Some((_, code, note)) => outside.push((fc, *code, *note)),
                None => left_out.push(format!("{} (COW {})", fc.name, fc.ccode)),
            },
        }
    }
    let prefix = format!("nmp-risk-{y}-");
    let mut w = store.writer(actor).await?;
    let n = w
        .read_matching::<dataset::Entity>(dataset::Column::Slug.starts_with(prefix.as_str()))
        .await?
        .iter()
        .filter_map(|d| d.slug.strip_prefix(&prefix).and_then(|s| s.parse::<u32>().ok()))
        .max()
        .unwrap_or(0)
        + 1;
    let panel_note = format!("fitted on {}", f.panel_file);
    let meta = DatasetMeta {
        slug: format!("{prefix}{n}"),
        title: format!("NMP risk forecast {y}–{} (own computation, fit {n})", y + 1),
        publisher: PUBLISHER.into(),
        version: None,
        url: None,
        licence: None,
        file_name: f.panel_file.clone(),
        file_sha256: f.panel_sha256.clone(),
        note: Some(format!(
            "NMP's computation, not the Early Warning Project's: NMP's own fit of the statistical risk model ({panel_note}, outcome {}, alpha {}, {} folds). A statistical forecast; see the methodology's Risk model section.",
            f.outcome, f.options.alpha, f.options.folds
        )),
    };
    nmp_core::slug::validate("dataset", &meta.slug).map_err(nmp_store::StoreError::from)?;
    let inds = indicators(y);
    let mut open = OpenDataset::open(&mut w, &meta, ExistingIndicators::Update).await?;
    let mut ids = Vec::with_capacity(inds.len());
    for ind in &inds {
        ids.push(open.indicator(&mut w, ind).await?);
    }
    let dataset_id = open.dataset_id;
    open.close(&mut w).await?;
    obs.sort_unstable_by_key(|o| (o.country, o.indicator, o.year));
    let rows: Vec<_> = obs
        .iter()
        .map(|o| super::new_observation(o, &ids, &countries))
        .collect();
    let summary = super::import_summary(&meta, inds.len(), 0);
    let observations = w.insert_bulk(&rows, &meta.slug, summary).await?;
    if !outside.is_empty() {
        let rows: Vec<nmp_store::entity::observation_outside::ActiveModel> = outside
            .iter()
            .flat_map(|(fc, code, note)| {
                [(ids[0], fc.risk), (ids[1], fc.rank)].map(|(indicator_id, value)| {
                    nmp_store::entity::observation_outside::ActiveModel {
                        indicator_id: Set(indicator_id),
                        code: Set((*code).to_string()),
                        name: Set(fc.name.clone()),
                        year: Set(y),
                        value: Set(value),
                        note: Set(Some((*note).to_string())),
                        ..Default::default()
                    }
                })
            })
            .collect();
        w.insert_many(rows, &meta.slug, serde_json::json!({ "dataset": meta.slug }))
            .await?;
    }
    let cv = &r.cv;
    let comparison = f.comparison.as_ref();
    let model = risk_model::ActiveModel {
        dataset_id: Set(dataset_id),
        panel_file: Set(f.panel_file.clone()),
        panel_sha256: Set(f.panel_sha256.clone()),
        outcome: Set(f.outcome.clone()),
        base_year: Set(r.base_year),
        first_training_year: Set(r.first_training_year),
        last_training_year: Set(r.last_training_year),
        training_rows: Set(i32::try_from(r.training_rows).unwrap_or(i32::MAX)),
        alpha: Set(f.options.alpha),
        lambda: Set(cv.model.lambda),
        lambda_index: Set(i32::try_from(cv.index_min + 1).unwrap_or(i32::MAX)),
        lambda_count: Set(i32::try_from(cv.path.lambdas.len()).unwrap_or(i32::MAX)),
        folds: Set(i32::try_from(f.options.folds).unwrap_or(i32::MAX)),
        seed: Set(i64::try_from(f.options.seed).unwrap_or(i64::MAX)),
        converged: Set(true),
        fit_seconds: Set(cv.elapsed.as_secs_f64()),
        intercept: Set(cv.model.intercept),
        compared_with: Set(comparison.map(|c| c.file.clone())),
        spearman_vs_ewp: Set(comparison.map(|c| c.spearman)),
        top30_overlap_vs_ewp: Set(comparison.and_then(|c| i32::try_from(c.top30_overlap).ok())),
        fitted_at: Set(time::OffsetDateTime::now_utc()),
    };
    let summary = serde_json::json!({ "dataset": meta.slug, "lambda": cv.model.lambda, "folds": f.options.folds });
    w.insert_many(vec![model], &meta.slug, summary).await?;
    let coefs: Vec<risk_coefficient::ActiveModel> = f
        .predictors
        .iter()
        .enumerate()
        .map(|(j, p)| risk_coefficient::ActiveModel {
            dataset_id: Set(dataset_id),
            position: Set(i32::try_from(j + 1).unwrap_or(i32::MAX)),
            predictor: Set(p.clone()),
            coefficient: Set(cv.model.beta[j]),
            ewp_coefficient: Set(f.ewp_coefficients.map(|e| e[j])),
            ..Default::default()
        })
        .collect();
    w.insert_many(coefs, &meta.slug, serde_json::json!({ "dataset": meta.slug }))
        .await?;
    w.commit().await?;
    Ok(SaveReport {
        dataset_id,
        slug: meta.slug,
        observations,
        left_out,
    })
}
