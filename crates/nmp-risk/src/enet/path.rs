//! The regularisation path: glmnet's decreasing sequence of λ, each fit warm-started from the
//! one before.

use super::solve::{deviance, solve};
use super::{Design, Model, Options};
use crate::RiskError;

/// glmnet stops the path when the fraction of deviance explained grows by less than this
/// (an absolute change, as glmnet's binomial path measures it).
const FDEV: f64 = 1e-5;
/// ... or exceeds this.
const DEVMAX: f64 = 0.999;
/// ... but never before this many λ values.
const MIN_LAMBDAS: usize = 5;

/// The fits along a path.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// The λ values fitted, largest first.
    pub lambdas: Vec<f64>,
    /// Standardised intercepts, one per λ.
    pub b0: Vec<f64>,
    /// Standardised coefficients, one vector per λ.
    pub b: Vec<Vec<f64>>,
    /// Fraction of the null deviance explained, one per λ.
    pub dev_ratio: Vec<f64>,
    /// Coordinate-descent passes in all.
    pub passes: usize,
}

impl Path {
    /// The model at the `k`-th λ on the predictors' own scale.
    pub fn model(&self, d: &Design, k: usize) -> Model {
        let (intercept, beta) = d.unstandardise(self.b0[k], &self.b[k]);
        Model {
            intercept,
            beta,
            lambda: self.lambdas[k],
        }
    }
}

/// The largest |gradient| of a coefficient at the null model (intercept only).
fn null_gradient(d: &Design) -> f64 {
    let nf = d.n as f64;
    let ybar = d.y.iter().sum::<f64>() / nf;
    d.cols
        .iter()
        .map(|col| (col.iter().zip(&d.y).map(|(x, y)| x * (y - ybar)).sum::<f64>() / nf).abs())
        .fold(0.0, f64::max)
}

/// glmnet's sequence: `nlambda` values, geometric, from the smallest λ at which every
/// coefficient is zero down to `lambda_min_ratio` of it.
pub fn lambda_sequence(d: &Design, opts: &Options) -> Vec<f64> {
    let lambda_max = null_gradient(d) / opts.alpha.max(1e-3);
    let ratio = opts.lambda_min_ratio.unwrap_or(if d.n > d.p() { 1e-4 } else { 1e-2 });
    let steps = opts.nlambda.max(2) - 1;
    (0..opts.nlambda.max(2))
        .map(|k| lambda_max * ratio.powf(k as f64 / steps as f64))
        .collect()
}

/// Fits every λ of `lambdas` in turn. With `early_stop` the path ends, as glmnet's does when it
/// chose the sequence, once the deviance explained stops growing.
pub fn fit_path(d: &Design, lambdas: &[f64], opts: &Options, early_stop: bool) -> Result<Path, RiskError> {
    let nf = d.n as f64;
    let ybar = d.y.iter().sum::<f64>() / nf;
    let mut b0 = (ybar / (1.0 - ybar)).ln();
    let mut b = vec![0.0; d.p()];
    let null = deviance(d, b0, &b);
    let mut path = Path {
        lambdas: Vec::new(),
        b0: Vec::new(),
        b: Vec::new(),
        dev_ratio: Vec::new(),
        passes: 0,
    };
    // At and above this λ the null model is the solution (every coefficient's gradient is
    // within the penalty): glmnet's first λ, kept exactly at zero rather than at rounding noise.
    let null_lambda = null_gradient(d) / opts.alpha.max(1e-3);
    for (k, &lambda) in lambdas.iter().enumerate() {
        if lambda < null_lambda * (1.0 - 1e-9) {
            let s = solve(d, lambda, opts, (b0, &b))
                .map_err(|e| RiskError::NotConverged(format!("{e} (lambda {} of the path)", k + 1)))?;
            b0 = s.b0;
            b = s.b;
            path.passes += s.passes;
        }
        let ratio = 1.0 - deviance(d, b0, &b) / null;
        path.lambdas.push(lambda);
        path.b0.push(b0);
        path.b.push(b.clone());
        let previous = path.dev_ratio.last().copied();
        path.dev_ratio.push(ratio);
        if early_stop && k + 1 >= MIN_LAMBDAS {
            if ratio > DEVMAX {
                break;
            }
            if let Some(prev) = previous
                && ratio - prev < FDEV
            {
                break;
            }
        }
    }
    Ok(path)
}
