//! The penalised fit at one λ, from a warm start: IRLS outside, coordinate descent inside.

use super::{Design, Options, logistic};
use crate::RiskError;

/// Standardised coefficients at one λ, and how the fit went.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The intercept (standardised scale).
    pub b0: f64,
    /// The coefficients (standardised scale).
    pub b: Vec<f64>,
    /// IRLS iterations used.
    pub irls: usize,
    /// Coordinate-descent passes used.
    pub passes: usize,
}

/// Soft thresholding: sign(z) · max(|z| − γ, 0).
fn soft(z: f64, gamma: f64) -> f64 {
    if z > gamma {
        z - gamma
    } else if z < -gamma {
        z + gamma
    } else {
        0.0
    }
}

/// Minimises the penalised objective (see [`super`]) at `lambda`, starting from `start`
/// (`(b0, b)` on the standardised scale). Running out of IRLS iterations or passes is
/// [`RiskError::NotConverged`].
pub fn solve(d: &Design, lambda: f64, opts: &Options, start: (f64, &[f64])) -> Result<Solution, RiskError> {
    let (n, p) = (d.n, d.p());
    let nf = n as f64;
    let (l1, l2) = (lambda * opts.alpha, lambda * (1.0 - opts.alpha));
    let mut b0 = start.0;
    let mut b = start.1.to_vec();
    let mut eta = vec![0.0; n];
    let (mut w, mut r) = (vec![0.0; n], vec![0.0; n]);
    let mut xv = vec![0.0; p];
    let mut passes = 0;
    for irls in 1..=opts.max_irls {
        // The quadratic approximation at the current coefficients.
        eta.fill(b0);
        for (j, col) in d.cols.iter().enumerate() {
            if b[j] != 0.0 {
                for (e, x) in eta.iter_mut().zip(col) {
                    *e += b[j] * x;
                }
            }
        }
        for i in 0..n {
            let pi = logistic(eta[i]);
            w[i] = (pi * (1.0 - pi)).max(1e-10) / nf;
            r[i] = (d.y[i] - pi) / nf;
        }
        let sw: f64 = w.iter().sum();
        for (j, col) in d.cols.iter().enumerate() {
            xv[j] = col.iter().zip(&w).map(|(x, wi)| wi * x * x).sum();
        }
        let (b0_start, b_start) = (b0, b.clone());
        // Coordinate descent on the approximation: passes over the active set until it
        // settles, then a pass over every predictor; done when that pass changes nothing.
        let mut full = true;
        loop {
            passes += 1;
            if passes > opts.max_passes {
                return Err(RiskError::NotConverged(format!(
                    "{passes} coordinate-descent passes at lambda {lambda:.6} without settling"
                )));
            }
            let mut change: f64 = 0.0;
            for j in 0..p {
                if d.sd[j] == 0.0 || (!full && b[j] == 0.0) {
                    continue;
                }
                let col = &d.cols[j];
                let g: f64 = col.iter().zip(&r).map(|(x, ri)| x * ri).sum::<f64>() + xv[j] * b[j];
                let new = soft(g, l1) / (xv[j] + l2);
                let delta = new - b[j];
                if delta != 0.0 {
                    b[j] = new;
                    for ((ri, x), wi) in r.iter_mut().zip(col).zip(&w) {
                        *ri -= wi * x * delta;
                    }
                    change = change.max(xv[j] * delta * delta);
                }
            }
            let delta = r.iter().sum::<f64>() / sw;
            if delta != 0.0 {
                b0 += delta;
                for (ri, wi) in r.iter_mut().zip(&w) {
                    *ri -= wi * delta;
                }
                change = change.max(sw * delta * delta);
            }
            if change < opts.tolerance {
                if full {
                    break;
                }
                full = true;
            } else {
                full = false;
            }
        }
        let moved = (0..p)
            .map(|j| xv[j] * (b[j] - b_start[j]).powi(2))
            .fold(sw * (b0 - b0_start).powi(2), f64::max);
        if moved < opts.tolerance {
            return Ok(Solution { b0, b, irls, passes });
        }
    }
    Err(RiskError::NotConverged(format!(
        "{} IRLS iterations at lambda {lambda:.6} without settling",
        opts.max_irls
    )))
}

/// The binomial deviance per row, −2/n Σ [y log p + (1 − y) log(1 − p)], of standardised
/// coefficients on the design they were fitted to.
pub fn deviance(d: &Design, b0: f64, b: &[f64]) -> f64 {
    let mut eta = vec![b0; d.n];
    for (j, col) in d.cols.iter().enumerate() {
        if b[j] != 0.0 {
            for (e, x) in eta.iter_mut().zip(col) {
                *e += b[j] * x;
            }
        }
    }
    eta.iter()
        .zip(&d.y)
        .map(|(e, y)| binomial_deviance(*y, logistic(*e)))
        .sum::<f64>()
        / d.n as f64
}

/// One row's binomial deviance, the probability kept within [10⁻⁵, 1 − 10⁻⁵] as glmnet's
/// cross-validation keeps it.
pub fn binomial_deviance(y: f64, p: f64) -> f64 {
    let p = p.clamp(1e-5, 1.0 - 1e-5);
    -2.0 * (y * p.ln() + (1.0 - y) * (1.0 - p).ln())
}
