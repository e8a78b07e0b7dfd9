//! Elastic-net logistic regression as R's glmnet fits it (`family = "binomial"`,
//! `standardize = TRUE`), written here because no maintained Rust crate fits it (see
//! `docs/architecture.md`).
//!
//! The objective, on predictors standardised to mean 0 and variance 1 (variance with divisor n,
//! as glmnet computes it), with the intercept unpenalised:
//!
//! ```text
//! -(1/n) Σ [y log p + (1 - y) log(1 - p)]  +  λ Σ_j [α |b_j| + (1 - α) b_j² / 2]
//! ```
//!
//! - [`design`] standardises the predictors and maps coefficients back to their scale;
//! - [`solve`] minimises it at one λ from a warm start: IRLS (a weighted least-squares
//!   approximation of the likelihood at the current coefficients) with cyclic coordinate
//!   descent inside, over the active set until it settles, then over every predictor;
//! - [`path`] runs a decreasing sequence of λ (glmnet's: 100 values from the smallest λ that
//!   keeps every coefficient at zero down to 10⁻⁴ of it, stopping early when the deviance
//!   explained no longer grows), each fit starting from the previous one;
//! - [`cv`] is k-fold cross-validation over that sequence (binomial deviance of the held-out
//!   rows) choosing `lambda.min`, as `cv.glmnet` does.

pub mod cv;
pub mod design;
pub mod path;
pub mod solve;

pub use cv::{CvFit, cross_validate};
pub use design::Design;
pub use path::{Path, fit_path, lambda_sequence};
pub use solve::{Solution, solve};

/// The settings of a fit; [`Options::default`] is glmnet's and cv.glmnet's defaults with
/// α = 0.5, as EWP fits.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The elastic-net mix: 1 = lasso, 0 = ridge.
    pub alpha: f64,
    /// The number of λ values on the path (`nlambda`).
    pub nlambda: usize,
    /// The smallest λ as a fraction of the largest (`lambda.min.ratio`); `None`: 10⁻⁴ when there
    /// are more rows than predictors, 10⁻² otherwise, as glmnet.
    pub lambda_min_ratio: Option<f64>,
    /// The number of cross-validation folds (`nfolds`).
    pub folds: usize,
    /// The seed of the fold assignment.
    pub seed: u64,
    /// Convergence: a pass whose largest weighted squared change of a coefficient
    /// (`Σ w x² Δb²`, w the IRLS weights with divisor n) is below this ends the descent, and an
    /// IRLS iteration that moves no coefficient more than this ends the fit. The default, 10⁻⁸,
    /// is about glmnet's default precision (its `thresh` 10⁻⁷ times the null deviance):
    /// fitted probabilities within about 10⁻⁴ of the exact optimum.
    pub tolerance: f64,
    /// The most IRLS iterations at one λ before the fit is declared not converged.
    pub max_irls: usize,
    /// The most coordinate-descent passes at one λ before the fit is declared not converged.
    pub max_passes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            alpha: 0.5,
            nlambda: 100,
            lambda_min_ratio: None,
            folds: 10,
            seed: 90035,
            tolerance: 1e-8,
            max_irls: 100,
            max_passes: 100_000,
        }
    }
}

/// A fitted model on the predictors' own scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The intercept.
    pub intercept: f64,
    /// One coefficient per predictor (0 = dropped).
    pub beta: Vec<f64>,
    /// The λ it was fitted at.
    pub lambda: f64,
}

impl Model {
    /// The linear predictor of one row.
    pub fn linear_predictor(&self, x: &[f64]) -> f64 {
        self.intercept + self.beta.iter().zip(x).map(|(b, v)| b * v).sum::<f64>()
    }

    /// The probability of one row: the logistic function of its linear predictor.
    pub fn probability(&self, x: &[f64]) -> f64 {
        logistic(self.linear_predictor(x))
    }
}

/// The logistic function, 1 / (1 + e^-η).
pub fn logistic(eta: f64) -> f64 {
    1.0 / (1.0 + (-eta).exp())
}
