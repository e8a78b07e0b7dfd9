//! The elastic-net solver against references: R glmnet's path on a synthetic fixture, the
//! optimality (KKT) conditions of its solutions, recovery of known coefficients, and
//! cross-validation's choice. All data here are SYNTHETIC.

mod support;

use nmp_risk::RiskError;
use nmp_risk::enet::{Design, Options, cross_validate, fit_path, lambda_sequence, logistic, solve};
use nmp_risk::table::Table;

fn fixture(name: &str) -> Table {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Table::read(name, &std::fs::read(path).unwrap()).unwrap()
}

fn numbers(t: &Table) -> Vec<Vec<f64>> {
    (0..t.rows.len())
        .map(|i| (0..t.headers.len()).map(|j| t.required(i, j).unwrap()).collect())
        .collect()
}

/// `tests/fixtures/glmnet-reference.csv` was written once by R 4.2.2 with glmnet 4.1.6
/// (`make-glmnet-reference.R` beside it: `glmnet(x, y, alpha = 0.5, family = "binomial",
/// thresh = 1e-14)` on the synthetic `synthetic-panel.csv`).
#[test]
fn the_path_matches_r_glmnet_on_a_synthetic_fixture() {
    let data = numbers(&fixture("synthetic-panel.csv"));
    let reference = numbers(&fixture("glmnet-reference.csv"));
    let x: Vec<&[f64]> = data.iter().map(|r| &r[..6]).collect();
    let y: Vec<f64> = data.iter().map(|r| r[6]).collect();
    let d = Design::new(&x, &y).unwrap();
    // As tight as the reference (glmnet's thresh = 1e-14); the default tolerance is checked below.
    let opts = Options {
        tolerance: 1e-16,
        ..Options::default()
    };
    let path = fit_path(&d, &lambda_sequence(&d, &opts), &opts, true).unwrap();
    assert_eq!(
        path.lambdas.len(),
        reference.len(),
        "glmnet stops its path at the same lambda"
    );
    let default = fit_path(&d, &path.lambdas, &Options::default(), false).unwrap();
    for (k, r) in reference.iter().enumerate() {
        assert!(
            (path.lambdas[k] - r[0]).abs() < 1e-12 * r[0],
            "lambda {k}: {} vs {}",
            path.lambdas[k],
            r[0]
        );
        let m = path.model(&d, k);
        let loose = default.model(&d, k);
        assert!(
            (m.intercept - r[2]).abs() < 1e-5,
            "intercept at lambda {k}: {} vs {}",
            m.intercept,
            r[2]
        );
        for j in 0..6 {
            assert!(
                (m.beta[j] - r[3 + j]).abs() < 1e-5,
                "x{} at lambda {k}: {} vs {}",
                j + 1,
                m.beta[j],
                r[3 + j]
            );
            assert_eq!(
                m.beta[j] == 0.0,
                r[3 + j] == 0.0,
                "x{} dropped alike at lambda {k}",
                j + 1
            );
        }
        assert!((path.dev_ratio[k] - r[1]).abs() < 1e-5, "deviance ratio at lambda {k}");
        // At the default tolerance (about glmnet's own default precision) coefficients along a
        // nearly flat direction (x1 and x2 are collinear) settle less exactly; the fitted
        // probabilities, which the forecasts are, stay close.
        let reference_model = |row: &[f64]| logistic(r[2] + (0..6).map(|j| r[3 + j] * row[j]).sum::<f64>());
        let worst = x
            .iter()
            .map(|row| (loose.probability(row) - reference_model(row)).abs())
            .fold(0.0, f64::max);
        assert!(
            worst < 1e-3,
            "fitted probabilities at lambda {k}, default tolerance: {worst}"
        );
    }
}

#[test]
fn solutions_satisfy_the_optimality_conditions() {
    let (x, y) = support::logistic_data(7, 2000, -1.0, &[0.8, 0.0, -0.5, 0.0, 0.3]);
    let rows: Vec<&[f64]> = x.iter().map(Vec::as_slice).collect();
    let d = Design::new(&rows, &y).unwrap();
    let opts = Options {
        tolerance: 1e-14,
        ..Options::default()
    };
    for lambda in [0.05, 0.01, 0.001] {
        let s = solve(&d, lambda, &opts, (0.0, &vec![0.0; d.p()])).unwrap();
        let n = d.n as f64;
        let p: Vec<f64> = (0..d.n)
            .map(|i| logistic(s.b0 + (0..d.p()).map(|j| s.b[j] * d.cols[j][i]).sum::<f64>()))
            .collect();
        let residual_sum: f64 = y.iter().zip(&p).map(|(a, b)| a - b).sum::<f64>() / n;
        assert!(
            residual_sum.abs() < 1e-5,
            "intercept condition at {lambda}: {residual_sum}"
        );
        let mut nonzero = 0;
        for j in 0..d.p() {
            let g: f64 = (0..d.n).map(|i| d.cols[j][i] * (y[i] - p[i])).sum::<f64>() / n;
            if s.b[j] == 0.0 {
                assert!(
                    g.abs() <= lambda * opts.alpha + 1e-6,
                    "x{j} at zero: |{g}| > {}",
                    lambda * opts.alpha
                );
            } else {
                nonzero += 1;
                let want = lambda * (opts.alpha * s.b[j].signum() + (1.0 - opts.alpha) * s.b[j]);
                assert!(
                    (g - want).abs() < 1e-5,
                    "x{j} at {lambda}: gradient {g}, penalty {want}"
                );
            }
        }
        assert!(nonzero > 0, "something enters at {lambda}");
    }
}

#[test]
fn known_coefficients_are_recovered_with_a_small_penalty() {
    let truth = [1.0, 0.0, -0.7, 0.4];
    let (x, y) = support::logistic_data(11, 20_000, -0.5, &truth);
    let rows: Vec<&[f64]> = x.iter().map(Vec::as_slice).collect();
    let d = Design::new(&rows, &y).unwrap();
    let opts = Options::default();
    let s = solve(&d, 1e-4, &opts, (0.0, &vec![0.0; d.p()])).unwrap();
    let (intercept, beta) = d.unstandardise(s.b0, &s.b);
    assert!((intercept + 0.5).abs() < 0.1, "intercept {intercept}");
    for (b, t) in beta.iter().zip(truth) {
        assert!((b - t).abs() < 0.1, "{beta:?} vs {truth:?}");
    }
}

#[test]
fn cross_validation_chooses_the_smallest_mean_deviance_and_is_reproducible() {
    let (x, y) = support::logistic_data(3, 1500, -1.5, &[0.9, 0.0, 0.0, -0.4, 0.0, 0.0]);
    let rows: Vec<&[f64]> = x.iter().map(Vec::as_slice).collect();
    let opts = Options::default();
    let a = cross_validate(&rows, &y, &opts).unwrap();
    let b = cross_validate(&rows, &y, &opts).unwrap();
    assert_eq!(a.model, b.model, "the same seed gives the same fit");
    let min = a.cvm.iter().copied().fold(f64::INFINITY, f64::min);
    assert_eq!(a.cvm[a.index_min], min);
    assert!(
        a.cvm[..a.index_min].iter().all(|&v| v > min),
        "lambda.min is the largest lambda at the minimum"
    );
    assert_eq!(a.model.lambda, a.path.lambdas[a.index_min]);
    for f in 0..opts.folds {
        let size = a.folds.iter().filter(|&&k| k == f).count();
        assert!(size == 150, "fold {f} has {size} rows");
    }
    let other = cross_validate(&rows, &y, &Options { seed: 1, ..opts }).unwrap();
    assert_ne!(a.folds, other.folds, "another seed deals other folds");
}

#[test]
fn a_fit_that_does_not_converge_says_so() {
    let (x, y) = support::logistic_data(5, 500, 0.0, &[1.0, 0.5, -0.5]);
    let rows: Vec<&[f64]> = x.iter().map(Vec::as_slice).collect();
    let opts = Options {
        max_passes: 2,
        ..Options::default()
    };
    let err = cross_validate(&rows, &y, &opts).unwrap_err();
    assert!(matches!(err, RiskError::NotConverged(_)), "{err:?}");
    assert!(err.to_string().starts_with("the fit did not converge"), "{err}");
}

#[test]
fn an_outcome_that_never_varies_is_refused() {
    let x = [[1.0, 2.0], [2.0, 1.0], [3.0, 0.0]];
    let rows: Vec<&[f64]> = x.iter().map(|r| r.as_slice()).collect();
    let err = Design::new(&rows, &[0.0, 0.0, 0.0]).unwrap_err().to_string();
    assert!(
        err.contains("the outcome is 0 in every one of the 3 training rows"),
        "{err}"
    );
}
