//! Recovering what a rounded coefficient file lost.
//!
//! EWP's script writes the coefficients rounded to 4 decimals. A predictor with large values
//! then carries a coefficient that prints as 0 but is not: `year_sq` (about 4.09 million in
//! 2023) has −1.02 × 10⁻⁶ in the 2024 model, which adds about −4.19 to every country's linear
//! predictor; with `year`'s lost digits (−0.002532 written −0.0025) that is the constant of about
//! −4.26 between the file's coefficients and the published risks. The file alone cannot give
//! those digits back; the panel the model was fitted on can: the same fit (same training rows,
//! α) at the λ whose coefficients round to the file's is the published model, full digits
//! included. This module finds that λ, never looking at the published risks.
//!
//! λ is sought among glmnet's sequence (EWP's `lambda.min` is one of its values, and
//! [`lambda_sequence`] reproduces them), as the value whose coefficients are nearest the file's:
//! the sum of absolute differences over the predictors, on their own scale. The intercept is left
//! out of the distance, and `year` and `year_sq` weigh little on their own scale, because they
//! share one nearly flat direction of the objective (the two are almost collinear over
//! 1960–2021): glmnet stops at its convergence tolerance somewhere along it, an exact solver
//! elsewhere, with almost the same fitted values and the same linear predictor two years on.
//! glmnet's tolerance leaves its other coefficients within about 10⁻³ of the exact optimum, so a
//! match is a nearest fit whose every predictor coefficient is within [`TOLERANCE`] of the file's.

use crate::RiskError;
use crate::coefficients::Coefficients;
use crate::enet::path::{fit_path, lambda_sequence};
use crate::enet::{Design, Model, Options};

/// How far a restored coefficient may be from the written one and still be the same model:
/// rounding (half a unit of the 4th decimal) plus glmnet's convergence tolerance.
pub const TOLERANCE: f64 = 1e-3;

/// The model recovered from the panel, and how closely it matches the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The full-precision model.
    pub model: Model,
    /// Its position in glmnet's sequence of λ (0 = the largest).
    pub index: usize,
    /// The largest |restored − written| over the predictors' coefficients.
    pub max_deviation: f64,
    /// The sum of |restored − written| over the predictors' coefficients.
    pub distance: f64,
    /// The same sum at the next nearest λ of the sequence.
    pub next_distance: f64,
}

impl Restored {
    /// Whether the file is this model, rounded: every predictor's coefficient within [`TOLERANCE`].
    pub fn matches(&self) -> bool {
        self.max_deviation <= TOLERANCE
    }
}

fn deviations(coef: &Coefficients, m: &Model) -> (f64, f64) {
    m.beta
        .iter()
        .zip(&coef.values)
        .map(|(a, b)| (a - b).abs())
        .fold((0.0, 0.0), |(sum, max), d| (sum + d, f64::max(max, d)))
}

/// Fits glmnet's path on the training rows and returns the fit nearest `coef`.
pub fn restore(coef: &Coefficients, rows: &[&[f64]], y: &[f64], opts: &Options) -> Result<Restored, RiskError> {
    if rows.first().is_some_and(|r| r.len() != coef.names.len()) {
        return Err(RiskError::Invalid(format!(
            "{} predictor values per row for {} coefficients",
            rows[0].len(),
            coef.names.len()
        )));
    }
    let d = Design::new(rows, y)?;
    let lambdas = lambda_sequence(&d, opts);
    let path = fit_path(&d, &lambdas, opts, true)?;
    let mut scored: Vec<(f64, f64, usize)> = (0..path.lambdas.len())
        .map(|k| {
            let (sum, max) = deviations(coef, &path.model(&d, k));
            (sum, max, k)
        })
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (distance, max_deviation, index) = *scored
        .first()
        .ok_or_else(|| RiskError::Invalid("the path is empty".into()))?;
    Ok(Restored {
        model: path.model(&d, index),
        index,
        max_deviation,
        distance,
        next_distance: scored.get(1).map_or(f64::INFINITY, |s| s.0),
    })
}
