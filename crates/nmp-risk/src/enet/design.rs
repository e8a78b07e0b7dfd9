//! The predictors standardised as glmnet does (mean 0, variance 1 with divisor n), column by
//! column, and the way back to the predictors' own scale.

use crate::RiskError;

/// Standardised predictors and the 0/1 outcome of a training set.
#[derive(Debug, Clone)]
pub struct Design {
    /// Rows.
    pub n: usize,
    /// Standardised columns (a constant column is all zeros and never enters the model).
    pub cols: Vec<Vec<f64>>,
    /// Each predictor's mean.
    pub mean: Vec<f64>,
    /// Each predictor's standard deviation (divisor n); 0 for a constant column.
    pub sd: Vec<f64>,
    /// The outcome, 0 or 1.
    pub y: Vec<f64>,
}

impl Design {
    /// Standardises `rows` (each a row of predictor values) with outcomes `y`. Fewer than two
    /// rows, or an outcome that never varies, is an error.
    pub fn new(rows: &[&[f64]], y: &[f64]) -> Result<Design, RiskError> {
        let n = rows.len();
        if n < 2 || n != y.len() {
            return Err(RiskError::Invalid(format!("cannot fit a model on {n} rows")));
        }
        let ones = y.iter().filter(|&&v| v == 1.0).count();
        if ones == 0 || ones == n {
            return Err(RiskError::Invalid(format!(
                "the outcome is {} in every one of the {n} training rows: there is nothing to fit",
                if ones == 0 { 0 } else { 1 }
            )));
        }
        let p = rows[0].len();
        let mut cols = Vec::with_capacity(p);
        let (mut mean, mut sd) = (Vec::with_capacity(p), Vec::with_capacity(p));
        for j in 0..p {
            let m = rows.iter().map(|r| r[j]).sum::<f64>() / n as f64;
            let v = rows.iter().map(|r| (r[j] - m).powi(2)).sum::<f64>() / n as f64;
            let s = v.sqrt();
            let s = if s > 1e-12 * m.abs().max(1.0) { s } else { 0.0 };
            cols.push(
                rows.iter()
                    .map(|r| if s > 0.0 { (r[j] - m) / s } else { 0.0 })
                    .collect(),
            );
            mean.push(m);
            sd.push(s);
        }
        Ok(Design {
            n,
            cols,
            mean,
            sd,
            y: y.to_vec(),
        })
    }

    /// Predictors.
    pub fn p(&self) -> usize {
        self.cols.len()
    }

    /// Standardised coefficients `(b0, b)` on the predictors' own scale `(intercept, beta)`.
    pub fn unstandardise(&self, b0: f64, b: &[f64]) -> (f64, Vec<f64>) {
        let beta: Vec<f64> = b
            .iter()
            .zip(&self.sd)
            .map(|(bj, s)| if *s > 0.0 { bj / s } else { 0.0 })
            .collect();
        let intercept = b0 - beta.iter().zip(&self.mean).map(|(bj, m)| bj * m).sum::<f64>();
        (intercept, beta)
    }
}
