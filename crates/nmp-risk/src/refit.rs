//! EWP's two-year model from a panel: the training set (every country-year up to two years
//! before the panel's last year whose outcome and predictors are all known, as EWP's script
//! keeps `complete.cases` of `year <= B - 2`), the cross-validated fit, and the forecast from
//! the last year's predictors.

use crate::RiskError;
use crate::enet::{CvFit, Options, cross_validate};
use crate::panel::Panel;
use crate::stats::ranks_desc;

/// The rows a model is trained on.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingSet {
    /// Predictor values, one row per country-year.
    pub x: Vec<Vec<f64>>,
    /// Outcomes.
    pub y: Vec<f64>,
    /// The first year used.
    pub first_year: i32,
    /// The last year used.
    pub last_year: i32,
    /// Rows of those years left out because a value was missing.
    pub incomplete: usize,
}

/// The country-years of `panel` up to `last_year` with every value known (predictors, the
/// outcome, and the panel's other outcome columns, as EWP's `complete.cases`).
pub fn training_set(panel: &Panel, last_year: i32) -> TrainingSet {
    let mut set = TrainingSet {
        x: Vec::new(),
        y: Vec::new(),
        first_year: last_year,
        last_year,
        incomplete: 0,
    };
    for r in panel.rows.iter().filter(|r| r.year <= last_year) {
        match (r.outcome, r.x.iter().copied().collect::<Option<Vec<f64>>>()) {
            (Some(y), Some(x)) if r.outcomes_known => {
                set.x.push(x);
                set.y.push(y);
                set.first_year = set.first_year.min(r.year);
            }
            _ => set.incomplete += 1,
        }
    }
    set
}

/// One country's forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The country's name.
    pub name: String,
    /// COW country code.
    pub ccode: i64,
    /// The two-year risk.
    pub risk: f64,
    /// Its rank, 1 = highest (ties share their average rank).
    pub rank: f64,
}

/// A refitted model and its forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct Refit {
    /// The year whose predictors the forecast uses (the panel's last).
    pub base_year: i32,
    /// The first forecast year (`base_year + 1`).
    pub first_year: i32,
    /// The training set's size and last year.
    pub training_rows: usize,
    /// The first training year.
    pub first_training_year: i32,
    /// The last training year.
    pub last_training_year: i32,
    /// Training-year rows left out for a missing value.
    pub incomplete: usize,
    /// The fit.
    pub cv: CvFit,
    /// The forecasts, highest risk first.
    pub forecasts: Vec<Forecast>,
    /// Countries of the base year left out for a missing predictor: (name, ccode, predictors).
    pub excluded: Vec<(String, i64, Vec<String>)>,
}

/// Fits the model on `panel` and forecasts from its last year.
pub fn refit(panel: &Panel, opts: &Options) -> Result<Refit, RiskError> {
    let base_year = panel.last_year();
    let set = training_set(panel, base_year - 2);
    if set.x.is_empty() {
        return Err(RiskError::at(
            &panel.file,
            None,
            None,
            format!("no complete country-year up to {} to train on", base_year - 2),
        ));
    }
    let rows: Vec<&[f64]> = set.x.iter().map(Vec::as_slice).collect();
    let cv = cross_validate(&rows, &set.y, opts)?;
    let mut forecasts = Vec::new();
    let mut excluded = Vec::new();
    for r in panel.rows.iter().filter(|r| r.year == base_year) {
        match r.x.iter().copied().collect::<Option<Vec<f64>>>() {
            Some(x) => forecasts.push(Forecast {
                name: r.name.clone(),
                ccode: r.ccode,
                risk: cv.model.probability(&x),
                rank: 0.0,
            }),
            None => excluded.push((
                r.name.clone(),
                r.ccode,
                r.x.iter()
                    .zip(&panel.predictors)
                    .filter(|(v, _)| v.is_none())
                    .map(|(_, p)| p.clone())
                    .collect(),
            )),
        }
    }
    let ranks = ranks_desc(&forecasts.iter().map(|f| f.risk).collect::<Vec<_>>());
    for (f, rank) in forecasts.iter_mut().zip(ranks) {
        f.rank = rank;
    }
    forecasts.sort_by(|a, b| b.risk.total_cmp(&a.risk));
    Ok(Refit {
        base_year,
        first_year: base_year + 1,
        training_rows: set.y.len(),
        first_training_year: set.first_year,
        last_training_year: set.last_year,
        incomplete: set.incomplete,
        cv,
        forecasts,
        excluded,
    })
}
