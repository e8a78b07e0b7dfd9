//! Reading EWP's files and applying coefficients, on small SYNTHETIC fixtures written in the
//! layout of the 2024 release (made up here; not EWP's values).

mod support;

use nmp_risk::apply::{apply, apply_with, logit};
use nmp_risk::coefficients;
use nmp_risk::enet::{Design, Options, fit_path, lambda_sequence, logistic};
use nmp_risk::forecasts::{self, ForecastColumns};
use nmp_risk::panel;
use nmp_risk::restore::restore;

const COEFS: &str = "\"\",\"variable\",\"coef.full\",\"or.full\"
\"1\",\"(Intercept)\",\"-1.5\",0.2231
\"2\",\"a\",\"0.5\",1.6487
\"3\",\"b\",\"0\",1
\"4\",\"c\",\"-0.25\",0.7788
";

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_coefficient_file_is_read_with_its_rounding() {
    let c = coefficients::read("coefficients_1Jan2030.csv", COEFS.as_bytes()).unwrap();
    assert_eq!(c.intercept, -1.5);
    assert_eq!(c.names, names(&["a", "b", "c"]));
    assert_eq!(c.values, vec![0.5, 0.0, -0.25]);
    assert_eq!(c.decimals, Some(2));
    assert_eq!(c.linear_predictor(&[2.0, 9.0, 4.0]), -1.5);
}

#[test]
fn bad_coefficient_files_are_refused_with_file_row_and_column() {
    let twice = COEFS.replace("\"3\",\"b\"", "\"3\",\"a\"");
    let err = coefficients::read("co.csv", twice.as_bytes()).unwrap_err().to_string();
    assert_eq!(err, "co.csv:4: column variable: variable a twice");
    let text = COEFS.replace("\"0.5\"", "\"half\"");
    let err = coefficients::read("co.csv", text.as_bytes()).unwrap_err().to_string();
    assert_eq!(err, "co.csv:3: column coef.full: \"half\" is not a number");
    let no_intercept = COEFS.replace("(Intercept)", "d");
    let err = coefficients::read("co.csv", no_intercept.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(err.contains("no (Intercept) row"), "{err}");
    let c = coefficients::read("co.csv", COEFS.as_bytes()).unwrap();
    let err = c
        .check_matches("co.csv", "panel.csv", &names(&["a", "c", "d"]))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "co.csv: column variable: the coefficients do not match the predictors: variables with no column in panel.csv: b; predictors of panel.csv with no coefficient: d"
    );
}

const PANEL: &str = "ewp_name,year,ccode,a,b,c,mk_onset_1or2,mk_onset
Alpha,2020,1,1,0,2,0,0
Alpha,2021,1,1.5,1,2,1,0
Beta,2020,2,NA,0,1,0,0
Beta,2021,2,0.5,0,1,NA,NA
";

#[test]
fn a_panel_is_read_with_missing_values_kept() {
    let p = panel::read("p.csv", PANEL.as_bytes(), &names(&["a", "b", "c"]), panel::OUTCOME).unwrap();
    assert_eq!(p.rows.len(), 4);
    assert_eq!(p.last_year(), 2021);
    assert_eq!(p.rows[2].x, vec![None, Some(0.0), Some(1.0)]);
    assert_eq!(p.rows[3].outcome, None);
    assert!(p.rows[0].outcomes_known && !p.rows[3].outcomes_known);
    let defaults = panel::default_predictors("p.csv", PANEL.as_bytes()).unwrap();
    assert_eq!(defaults, names(&["year", "a", "b", "c"]));
    let set = nmp_risk::refit::training_set(&p, 2021);
    assert_eq!((set.x.len(), set.incomplete, set.first_year), (2, 2, 2020));
}

#[test]
fn bad_panels_are_refused_with_file_row_and_column() {
    let cols = names(&["a", "b", "c"]);
    let missing = PANEL.replace(",c,", ",z,");
    let err = panel::read("p.csv", missing.as_bytes(), &cols, panel::OUTCOME)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "p.csv:1: column c: no column c (a predictor of the model) in the header"
    );
    let twice = PANEL.replace("Alpha,2021,1,", "Alpha,2020,1,");
    let err = panel::read("p.csv", twice.as_bytes(), &cols, panel::OUTCOME)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "p.csv:3: column ccode, year: country 1 in 2020 twice (rows 2 and 3)"
    );
    let text = PANEL.replace("Alpha,2021,1,1.5,", "Alpha,2021,1,high,");
    let err = panel::read("p.csv", text.as_bytes(), &cols, panel::OUTCOME)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "p.csv:3: column a: \"high\" is not a number");
    let outcome = PANEL.replace("1,1.5,1,2,1,0", "1,1.5,1,2,2,0");
    let err = panel::read("p.csv", outcome.as_bytes(), &cols, panel::OUTCOME)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "p.csv:3: column mk_onset_1or2: 2 is not 0 or 1");
}

const FORECASTS: &str = "\"\",\"ewp_name\",\"risk.2031and2032.from2030\",\"a\",\"b\",\"c\",\"ccode\"
\"1\",\"Alpha\",0.25,1,0,2,1
\"2\",\"Beta\",0.1,0.5,3,1,2
";

fn columns(predictors: &[String]) -> ForecastColumns<'_> {
    ForecastColumns {
        name: "ewp_name",
        code: "ccode",
        risk: "risk.2031and2032.from2030",
        predictors,
    }
}

#[test]
fn applying_coefficients_gives_the_logistic_of_the_linear_predictor() {
    let c = coefficients::read("co.csv", COEFS.as_bytes()).unwrap();
    let rows = forecasts::read("f.csv", FORECASTS.as_bytes(), &columns(&c.names)).unwrap();
    let applied = apply(&c, &rows);
    let alpha = logistic(-1.5 + 0.5 - 0.5);
    assert!((applied.rows[0].risk - alpha).abs() < 1e-15);
    assert!(
        (applied.max_abs_diff - (logistic(-1.5 + 0.25 - 0.25) - 0.1).abs().max((alpha - 0.25).abs())).abs() < 1e-15
    );
    // Published risks 2 below the coefficients on the logit scale: the gap is -2 for every row,
    // and the shifted model reproduces them.
    let mut published = rows.clone();
    for r in &mut published {
        r.published = logistic(c.linear_predictor(&r.x) - 2.0);
    }
    let gap = apply(&c, &published).logit_gap;
    assert!((gap.0 + 2.0).abs() < 1e-9 && (gap.2 + 2.0).abs() < 1e-9, "{gap:?}");
    assert!(apply_with(&published, |x| c.linear_predictor(x) - 2.0).max_abs_diff < 1e-15);
    assert!((logit(0.5)).abs() < 1e-15);
}

#[test]
fn bad_forecast_files_are_refused_with_file_row_and_column() {
    let c = coefficients::read("co.csv", COEFS.as_bytes()).unwrap();
    let text = FORECASTS.replace("\"Beta\",0.1,0.5,3,1,2", "\"Beta\",0.1,0.5,NA,1,2");
    let err = forecasts::read("f.csv", text.as_bytes(), &columns(&c.names))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "f.csv:3: column b: the value is missing");
    let twice = FORECASTS.replace("3,1,2\n", "3,1,1\n");
    let err = forecasts::read("f.csv", twice.as_bytes(), &columns(&c.names))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "f.csv:3: column ccode: country 1 twice (rows 2 and 3)");
}

/// A coefficient file written from a known fit, rounded to 4 decimals as EWP's script does,
/// is traced back to that fit's λ, and the restored model reproduces the full model's risks.
#[test]
fn a_rounded_coefficient_file_is_restored_from_its_training_rows() {
    let (x, y) = support::logistic_data(21, 3000, -2.0, &[0.7, 0.0, -0.4, 0.2]);
    let rows: Vec<&[f64]> = x.iter().map(Vec::as_slice).collect();
    let d = Design::new(&rows, &y).unwrap();
    let opts = Options::default();
    let path = fit_path(&d, &lambda_sequence(&d, &opts), &opts, true).unwrap();
    let k = path.lambdas.len() / 2;
    let truth = path.model(&d, k);
    let mut file = String::from("\"\",\"variable\",\"coef.full\"\n");
    file += &format!("\"1\",\"(Intercept)\",\"{:.4}\"\n", truth.intercept);
    for (j, b) in truth.beta.iter().enumerate() {
        file += &format!("\"{}\",\"x{j}\",\"{:.4}\"\n", j + 2, b);
    }
    let coef = coefficients::read("co.csv", file.as_bytes()).unwrap();
    let r = restore(&coef, &rows, &y, &opts).unwrap();
    assert_eq!(r.index, k, "the file's lambda is found");
    assert!(r.matches() && r.max_deviation <= 5e-5 + 1e-9, "{r:?}");
    assert!(r.next_distance > r.distance);
    for row in rows.iter().take(50) {
        assert!((r.model.probability(row) - truth.probability(row)).abs() < 1e-9);
    }
}
