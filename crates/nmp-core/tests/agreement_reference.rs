//! Krippendorff's alpha cross-checked against the PyPI `krippendorff` package on generated
//! (synthetic) reliability data: random matrices of 2–6 raters, 3–40 units and 3–5 levels with
//! about 20% missing ratings, a third of them with strong agreement, and a few degenerate ones;
//! nominal, ordinal and interval alpha must match to 1e-9, and be undefined (`None` here, an error
//! or NaN there) on the same matrices.
//!
//! The Python comes from `NMP_TEST_AGREEMENT_PYTHON` (`scripts/setup-agreement-test` installs
//! `krippendorff` and `numpy` and prints the path). Without it the test says how to run it and
//! checks nothing; with `NMP_REQUIRE_AGREEMENT=1` (as in `.ci/run`) a missing Python is a failure.

use std::process::Command;

use nmp_core::agreement::{Metric, krippendorff_alpha};
use serde_json::{Value, json};

type Data = Vec<Vec<Option<i64>>>;

const METRICS: [(Metric, &str); 3] = [
    (Metric::Nominal, "nominal"),
    (Metric::Ordinal, "ordinal"),
    (Metric::Interval, "interval"),
];

/// Reads the matrices (units × raters, null = missing) from the file named by argv[1], and prints
/// for each the alpha of each level of measurement, null when the package finds it undefined.
const SCRIPT: &str = r#"
import json, math, sys
import numpy as np
import krippendorff

def alpha(units, level):
    data = np.array([[np.nan if v is None else v for v in row] for row in units], dtype=float).T
    try:
        a = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    except ValueError as e:
        if str(e).startswith("There has to be"):
            return None
        raise
    return None if math.isnan(a) else float(a)

with open(sys.argv[1]) as f:
    matrices = json.load(f)
with np.errstate(invalid="ignore", divide="ignore"):
    out = [[alpha(m, level) for level in ("nominal", "ordinal", "interval")] for m in matrices]
print(json.dumps(out))
"#;

fn python() -> Option<String> {
    match std::env::var("NMP_TEST_AGREEMENT_PYTHON") {
        Ok(p) if !p.is_empty() => Some(p),
        _ => {
            assert!(
                std::env::var("NMP_REQUIRE_AGREEMENT").as_deref() != Ok("1"),
                "NMP_REQUIRE_AGREEMENT=1 but NMP_TEST_AGREEMENT_PYTHON is not set (run scripts/setup-agreement-test)"
            );
            eprintln!(
                "note: the agreement cross-check did not run; run it with NMP_TEST_AGREEMENT_PYTHON=\"$(scripts/setup-agreement-test)\" cargo test -p nmp-core"
            );
            None
        }
    }
}

/// SplitMix64: a small deterministic generator, so that every run checks the same matrices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// A random reliability matrix; with `strong`, each unit has a true level that each rater gives
/// with probability 0.85 (else a random level).
fn matrix(rng: &mut Rng, strong: bool) -> Data {
    let raters = rng.range(2, 6);
    let units = rng.range(3, 40);
    let levels = rng.range(3, 5) as i64;
    (0..units)
        .map(|_| {
            let truth = rng.range(1, levels as u64) as i64;
            (0..raters)
                .map(|_| {
                    if rng.chance(0.2) {
                        None
                    } else if strong && rng.chance(0.85) {
                        Some(truth)
                    } else {
                        Some(rng.range(1, levels as u64) as i64)
                    }
                })
                .collect()
        })
        .collect()
}

/// Matrices where alpha is undefined, or only just defined.
fn edge_cases() -> Vec<Data> {
    let s = Some;
    vec![
        // Every value the same: no variation.
        vec![vec![s(2), s(2), None], vec![s(2), s(2), s(2)], vec![None, s(2), s(2)]],
        // No unit with two values.
        vec![vec![s(1), None], vec![None, s(3)], vec![s(2), None]],
        // Pairable values all the same; the different one is alone in its unit.
        vec![vec![s(1), s(1)], vec![s(1), s(1)], vec![s(4), None]],
        // A single pairable unit, with disagreement.
        vec![vec![s(1), s(3), s(3)], vec![s(2), None, None]],
        // Levels that are not 1..k, and a unit nobody rated.
        vec![vec![s(1), s(5)], vec![None, None], vec![s(5), s(5)], vec![s(9), s(5)]],
    ]
}

#[test]
fn alpha_matches_the_krippendorff_package() {
    let Some(python) = python() else { return };
    let mut rng = Rng(20_261_205);
    let mut matrices: Vec<Data> = (0..200).map(|i| matrix(&mut rng, i % 3 == 0)).collect();
    matrices.extend(edge_cases());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("matrices.json");
    std::fs::write(&path, json!(matrices).to_string()).unwrap();
    let output = Command::new(&python)
        .args(["-c", SCRIPT])
        .arg(&path)
        .output()
        .expect("run the Python given by NMP_TEST_AGREEMENT_PYTHON");
    assert!(
        output.status.success(),
        "the krippendorff script failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reference: Vec<Vec<Option<f64>>> = serde_json::from_slice::<Value>(&output.stdout)
        .map(|v| serde_json::from_value(v).unwrap())
        .expect("the script prints JSON");
    assert_eq!(reference.len(), matrices.len());

    let (mut defined, mut undefined) = (0, 0);
    for (i, (data, expected)) in matrices.iter().zip(&reference).enumerate() {
        for ((metric, name), want) in METRICS.iter().zip(expected) {
            let got = krippendorff_alpha(data, *metric);
            match (got, want) {
                (Some(got), Some(want)) => {
                    assert!(
                        (got - want).abs() < 1e-9,
                        "matrix {i}, {name}: Rust {got}, krippendorff {want}; data {data:?}"
                    );
                    defined += 1;
                }
                (None, None) => undefined += 1,
                _ => panic!("matrix {i}, {name}: Rust {got:?}, krippendorff {want:?}; data {data:?}"),
            }
        }
    }
    // Both kinds were compared: most alphas are defined, the edge cases' first three are not.
    assert!(defined >= 3 * 200, "only {defined} defined alphas compared");
    assert!(undefined >= 3 * 3, "only {undefined} undefined alphas compared");
    // The strongly agreeing matrices do agree (the generator is not producing noise only).
    let strong: Vec<f64> = (0..200).step_by(3).filter_map(|i| reference[i][1]).collect();
    let mean = strong.iter().sum::<f64>() / strong.len() as f64;
    assert!(mean > 0.5, "mean ordinal alpha of the strong matrices is {mean}");
    eprintln!(
        "agreement: {} matrices cross-checked ({defined} alphas defined, {undefined} undefined on both sides)",
        matrices.len()
    );
}
