//! k-fold cross-validation over the path, as `cv.glmnet` does it: the λ sequence comes from the
//! fit on all rows; each fold's rows are held out in turn, the path refitted on the others over
//! the same sequence, and the held-out rows' binomial deviance averaged; `lambda.min` is the
//! largest λ with the smallest mean deviance, and the model is the all-rows fit at it.

use std::time::{Duration, Instant};

use super::path::{Path, fit_path, lambda_sequence};
use super::solve::binomial_deviance;
use super::{Design, Model, Options};
use crate::RiskError;

/// A cross-validated fit.
#[derive(Debug, Clone, PartialEq)]
pub struct CvFit {
    /// The model at `lambda.min`.
    pub model: Model,
    /// The path on all rows.
    pub path: Path,
    /// Mean held-out deviance per λ.
    pub cvm: Vec<f64>,
    /// The position of `lambda.min` in the path.
    pub index_min: usize,
    /// The fold of each row (0-based).
    pub folds: Vec<usize>,
    /// Wall time of the whole fit (path, folds, choice).
    pub elapsed: Duration,
}

/// SplitMix64: a small, well-known generator, enough to deal rows into folds reproducibly.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Deals `n` rows into `k` folds of (nearly) equal size, in an order shuffled from `seed`, as
/// `sample(rep(seq(nfolds), length = N))` does in cv.glmnet (with another generator).
pub fn assign_folds(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut folds: Vec<usize> = (0..n).map(|i| i % k).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        let j = (splitmix(&mut state) % (i as u64 + 1)) as usize;
        folds.swap(i, j);
    }
    folds
}

/// Fits the path on all rows of `rows`/`y`, cross-validates it over `opts.folds` folds (in
/// parallel threads) and returns the model at `lambda.min`.
pub fn cross_validate(rows: &[&[f64]], y: &[f64], opts: &Options) -> Result<CvFit, RiskError> {
    let start = Instant::now();
    if opts.folds < 3 || opts.folds > rows.len() {
        return Err(RiskError::Invalid(format!(
            "{} folds for {} rows: use 3 or more, and no more than the rows",
            opts.folds,
            rows.len()
        )));
    }
    if !(0.0..=1.0).contains(&opts.alpha) {
        return Err(RiskError::Invalid(format!(
            "alpha {} is not between 0 and 1",
            opts.alpha
        )));
    }
    let d = Design::new(rows, y)?;
    let lambdas = lambda_sequence(&d, opts);
    let path = fit_path(&d, &lambdas, opts, true)?;
    let lambdas = path.lambdas.clone();
    let folds = assign_folds(rows.len(), opts.folds, opts.seed);
    let results: Vec<Result<Vec<f64>, RiskError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..opts.folds)
            .map(|f| {
                let (folds, lambdas) = (&folds, &lambdas);
                scope.spawn(move || fold_deviance(rows, y, folds, f, lambdas, opts))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(RiskError::Invalid("a fold's fit panicked".into())))
            })
            .collect()
    });
    let mut total = vec![0.0; lambdas.len()];
    for r in results {
        for (t, v) in total.iter_mut().zip(r?) {
            *t += v;
        }
    }
    let cvm: Vec<f64> = total.iter().map(|t| t / rows.len() as f64).collect();
    let best = cvm.iter().copied().fold(f64::INFINITY, f64::min);
    let index_min = cvm
        .iter()
        .position(|&v| v <= best)
        .ok_or_else(|| RiskError::NotConverged("the cross-validated deviance is not a number".into()))?;
    Ok(CvFit {
        model: path.model(&d, index_min),
        path,
        cvm,
        index_min,
        folds,
        elapsed: start.elapsed(),
    })
}

/// The summed held-out deviance of fold `f` at each λ.
fn fold_deviance(
    rows: &[&[f64]],
    y: &[f64],
    folds: &[usize],
    f: usize,
    lambdas: &[f64],
    opts: &Options,
) -> Result<Vec<f64>, RiskError> {
    let train: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] != f).collect();
    let test: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] == f).collect();
    let train_rows: Vec<&[f64]> = train.iter().map(|&i| rows[i]).collect();
    let train_y: Vec<f64> = train.iter().map(|&i| y[i]).collect();
    let d = Design::new(&train_rows, &train_y)
        .map_err(|e| RiskError::Invalid(format!("cross-validation fold {}: {e}", f + 1)))?;
    let path = fit_path(&d, lambdas, opts, false)
        .map_err(|e| RiskError::NotConverged(format!("{e}, cross-validation fold {}", f + 1)))?;
    Ok((0..lambdas.len())
        .map(|k| {
            let m = path.model(&d, k);
            test.iter()
                .map(|&i| binomial_deviance(y[i], m.probability(rows[i])))
                .sum()
        })
        .collect())
}
