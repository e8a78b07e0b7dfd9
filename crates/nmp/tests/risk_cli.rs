//! `nmp risk` as a user runs it, on small SYNTHETIC release files (made up here, in the layout of
//! the Early Warning Project's 2024 release): bad input is refused with file, row and column, and
//! nothing needs a database unless `--save` is given.

use std::path::Path;
use std::process::{Command, Output};

fn nmp(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nmp"))
        .current_dir(dir)
        .env_remove("NMP_DATABASE_URL")
        .env("NMP_LOG", "warn")
        .args(args)
        .output()
        .unwrap()
}

const COEFS: &str = "\"\",\"variable\",\"coef.full\",\"or.full\"
\"1\",\"(Intercept)\",\"-2\",0.1353
\"2\",\"a\",\"0.5\",1.6487
\"3\",\"b\",\"-0.25\",0.7788
";

/// Published risks that are exactly the logistic of the coefficients' linear predictor.
fn forecasts() -> String {
    let mut text = String::from("\"\",\"ewp_name\",\"risk.2031and2032.from2030\",\"a\",\"b\",\"ccode\"\n");
    for (i, (name, a, b, code)) in [("Alpha", 1.0, 0.0, 2), ("Beta", 2.0, 1.0, 20), ("Gamma", 0.0, 2.0, 200)]
        .iter()
        .enumerate()
    {
        let risk = 1.0 / (1.0 + f64::exp(-(-2.0 + 0.5 * a - 0.25 * b)));
        text += &format!("\"{}\",\"{name}\",{risk},{a},{b},{code}\n", i + 1);
    }
    text
}

fn release(dir: &Path, coefs: &str) {
    std::fs::write(dir.join("coefficients_1Jan2031.csv"), coefs).unwrap();
    std::fs::write(dir.join("final_forecasts_data_1Jan2031.csv"), forecasts()).unwrap();
}

#[test]
fn apply_prints_every_risk_and_the_largest_difference_last() {
    let dir = tempfile::tempdir().unwrap();
    release(dir.path(), COEFS);
    let out = nmp(dir.path(), &["risk", "apply", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains("The coefficients as written reproduce the published risks."),
        "{stdout}"
    );
    for name in ["Alpha", "Beta", "Gamma"] {
        assert!(stdout.contains(name), "{stdout}");
    }
    assert_eq!(stdout.trim().lines().last(), Some("max_abs_diff=0.000000"), "{stdout}");
}

#[test]
fn apply_refuses_coefficients_that_do_not_match_the_predictors() {
    let dir = tempfile::tempdir().unwrap();
    release(dir.path(), &COEFS.replace("\"b\"", "\"c\""));
    let out = nmp(dir.path(), &["risk", "apply", "."]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("coefficients_1Jan2031.csv: column variable: the coefficients do not match the predictors: variable c has no column in ./final_forecasts_data_1Jan2031.csv"),
        "{stderr}"
    );
}

const PANEL: &str = "ewp_name,year,ccode,a,b,mk_onset_1or2
Alpha,2028,2,1,0,0
Alpha,2029,2,1,0,1
Alpha,2030,2,1,0,NA
Beta,2028,20,2,1,1
Beta,2029,20,2,1,0
Beta,2030,20,2,1,NA
";

#[test]
fn fit_refuses_a_bad_panel_with_file_row_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            PANEL.replace("Beta,2029,20,2,1,0", "Beta,2029,20,two,1,0"),
            "panel.csv:6: column a: \"two\" is not a number",
        ),
        (
            PANEL.replace("Beta,2029,", "Beta,2028,"),
            "panel.csv:6: column ccode, year: country 20 in 2028 twice (rows 5 and 6)",
        ),
    ];
    for (text, expected) in cases {
        std::fs::write(dir.path().join("panel.csv"), text).unwrap();
        let out = nmp(dir.path(), &["risk", "fit", "panel.csv", "--save"]);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!dir.path().join("nmp.db").exists(), "no database was opened");
    }
    release(dir.path(), COEFS);
    std::fs::write(dir.path().join("panel.csv"), PANEL.replace(",b,", ",c,")).unwrap();
    let out = nmp(dir.path(), &["risk", "fit", "panel.csv", "--compare", "."]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("column variable: the coefficients do not match the predictors: variables with no column in panel.csv: b; predictors of panel.csv with no coefficient: year, c"),
        "{stderr}"
    );
}
