//! Typesets a directory written by `nmp report build --emit-typst DIR` with NMP's own in-process
//! Typst (the same `World` as `nmp report build`), for working on the template without rebuilding
//! `nmp`: `cargo run --release -p nmp-report --example typeset_dir -- DIR [TEMPLATE] [RUNS]`.
//!
//! TEMPLATE (default `DIR/main.typ`) is the template to typeset; RUNS (default 1) the number of
//! builds in one process (the second and later show the memoised rebuild). Writes
//! `DIR/report.pdf` and prints, per build, the time, the page count and the PDF's SHA-256.
//! `NMP_TIMINGS=FILE` also writes Typst's timing events of the first build (a Chrome trace).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use nmp_report::typeset::{Job, record_timings, timings_json, typeset};

/// Every file under `dir` but `main.typ`, `compile.sh` and `report.pdf`, by virtual path.
fn files(dir: &Path, root: &Path, out: &mut BTreeMap<String, Vec<u8>>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, root, out)?;
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
        if !matches!(rel.as_str(), "main.typ" | "compile.sh" | "report.pdf") {
            out.insert(format!("/{rel}"), std::fs::read(&path)?);
        }
    }
    Ok(())
}

/// The `--input K=V` pairs and the creation date (year, month, day) of `compile.sh`.
fn script_inputs(script: &str) -> (BTreeMap<String, String>, (i32, u8, u8)) {
    let args: Vec<&str> = script.split('\'').skip(1).step_by(2).collect();
    let mut inputs = BTreeMap::new();
    let mut date = (1970, 1, 1);
    for pair in args.windows(2) {
        if pair[0] == "--input" {
            if let Some((k, v)) = pair[1].split_once('=') {
                inputs.insert(k.to_string(), v.to_string());
            }
        } else if pair[0] == "--creation-timestamp" {
            let days = pair[1].parse::<i64>().unwrap_or(0) / 86_400;
            date = civil(days);
        }
    }
    (inputs, date)
}

/// The calendar date of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        i32::try_from(y).unwrap_or(1970),
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: typeset_dir DIR [TEMPLATE] [RUNS]")?);
    let template_path = args.next().map_or_else(|| dir.join("main.typ"), PathBuf::from);
    let runs: usize = args.next().map_or(Ok(1), |r| r.parse())?;
    let template = std::fs::read_to_string(&template_path)?;
    let mut all = BTreeMap::new();
    files(&dir, &dir, &mut all)?;
    let (inputs, date) = script_inputs(&std::fs::read_to_string(dir.join("compile.sh"))?);
    let timings = std::env::var_os("NMP_TIMINGS").map(PathBuf::from);
    for run in 0..runs {
        if run == 0 && timings.is_some() {
            record_timings();
        }
        let started = Instant::now();
        let job = Job {
            template: &template,
            files: all.clone(),
            inputs: inputs.clone(),
            date,
            ident: "typeset-dir".into(),
            only_part: None,
        };
        let out = typeset(job)?;
        let secs = started.elapsed().as_secs_f64();
        if run == 0
            && let Some(file) = &timings
        {
            std::fs::write(file, timings_json(&template)?)?;
        }
        let sha = nmp_report::snapshot::sha256_hex(&out.pdf);
        println!("build {}: {secs:.2} s, {} pages, sha256 {sha}", run + 1, out.pages);
        for w in &out.warnings {
            println!("  {w}");
        }
        std::fs::write(dir.join("report.pdf"), &out.pdf)?;
    }
    Ok(())
}
