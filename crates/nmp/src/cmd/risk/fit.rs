//! `nmp risk fit PANEL.csv [--compare DIR] [--save]`: the model refitted on a panel, the
//! forecast from its last year, the coefficients beside EWP's, and with `--compare` the rank
//! agreement with EWP's published forecast (the last line: `spearman=X top30_overlap=N`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;

use nmp_ingest::import::risk::{Comparison, ForecastToSave, save_forecast_report};
use nmp_risk::RiskError;
use nmp_risk::enet::Options;
use nmp_risk::panel;
use nmp_risk::refit::{Refit, refit};
use nmp_risk::stats::{spearman, top_k_overlap};

use super::release::{Release, read, read_file};
use crate::config::Config;

/// How many top-ranked countries count as high risk (EWP's convention).
const TOP: usize = 30;

pub(super) async fn run(
    config: &Config,
    panel_path: &Path,
    compare: Option<&Path>,
    save: bool,
    out_csv: Option<&Path>,
    opts: &Options,
) -> anyhow::Result<()> {
    let label = panel_path.display().to_string();
    let bytes = read_file(panel_path)?;
    let release = compare.map(read).transpose()?;
    let available = panel::default_predictors(&label, &bytes)?;
    let predictors = match &release {
        Some(rel) => {
            let coef_label = rel.coefficients_path.display().to_string();
            rel.coefficients.check_matches(&coef_label, &label, &available)?;
            rel.coefficients.names.clone()
        }
        None => available,
    };
    let p = panel::read(&label, &bytes, &predictors, panel::OUTCOME)?;
    let fitted = match refit(&p, opts) {
        Ok(f) => f,
        Err(e @ RiskError::NotConverged(_)) => {
            anyhow::bail!("{e}; nothing was saved, the previous model is kept")
        }
        Err(e) => return Err(e.into()),
    };
    let mut out = String::new();
    report(&mut out, &label, &fitted, &predictors, release.as_ref(), opts)?;
    let compared = release.as_ref().map(|rel| compare_with(&fitted, rel)).transpose()?;
    let comparison = compared.as_ref().map(|(c, _)| c.clone());
    print!("{out}");
    if let (Some(rel), Some((_, countries))) = (&release, &compared) {
        println!(
            "\ncompared with {} ({countries} countries in both)",
            rel.forecasts_path.display()
        );
    }
    if let Some(path) = out_csv {
        write_csv(path, &fitted)?;
        println!("\nforecast of every country written to {}", path.display());
    }
    if save {
        let store = crate::cmd::open(config).await?;
        let file_name = panel_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone());
        let f = ForecastToSave {
            refit: &fitted,
            predictors: &predictors,
            ewp_coefficients: release.as_ref().map(|r| r.coefficients.values.as_slice()),
            options: opts,
            panel_file: file_name,
            panel_sha256: nmp_core::sha256_hex(&bytes),
            outcome: panel::OUTCOME.into(),
            comparison: comparison.clone(),
        };
        let saved = save_forecast_report(&store, "system:risk", &f).await?;
        println!(
            "\nsaved as dataset {} (id {}): {} observations of risk_2yr and rank_2yr in {}, labelled NMP's computation",
            saved.slug, saved.dataset_id, saved.observations, fitted.first_year
        );
        if !saved.left_out.is_empty() {
            println!("not stored (not one of the 195 states): {}", saved.left_out.join(", "));
        }
        // Followers of the states this forecast moves, compared with the previous NMP forecast.
        let alerts = store.raise_forecast_alerts(saved.dataset_id).await?;
        crate::cmd::import::mail_alerts(config, &store, &alerts).await?;
    }
    if let Some(c) = comparison {
        println!("\nspearman={:.4} top30_overlap={}", c.spearman, c.top30_overlap);
    }
    Ok(())
}

fn report(
    w: &mut String,
    label: &str,
    f: &Refit,
    predictors: &[String],
    release: Option<&Release>,
    opts: &Options,
) -> std::fmt::Result {
    let cv = &f.cv;
    writeln!(w, "panel: {label}")?;
    writeln!(
        w,
        "training: {} complete country-years {}-{} ({} rows of those years left out for a missing value), outcome {}",
        f.training_rows,
        f.first_training_year,
        f.last_training_year,
        f.incomplete,
        panel::OUTCOME
    )?;
    writeln!(
        w,
        "fit: alpha {}, {}-fold cross-validation (seed {}) over {} lambdas; lambda.min {:.7} (lambda {} of {}); converged",
        opts.alpha,
        opts.folds,
        opts.seed,
        cv.path.lambdas.len(),
        cv.model.lambda,
        cv.index_min + 1,
        cv.path.lambdas.len()
    )?;
    writeln!(w, "fit time: {:.2} s", cv.elapsed.as_secs_f64())?;
    writeln!(w, "\ncoefficients:")?;
    writeln!(
        w,
        "{:<28} {:>12} {:>12}",
        "predictor",
        "NMP",
        if release.is_some() { "EWP" } else { "" }
    )?;
    let ewp = |name: &str| {
        release.map(|r| {
            if name == "(Intercept)" {
                r.coefficients.intercept
            } else {
                r.coefficients
                    .names
                    .iter()
                    .position(|n| n == name)
                    .map_or(f64::NAN, |j| r.coefficients.values[j])
            }
        })
    };
    let show = |v: Option<f64>| v.map(|v| format!("{v:>12.4}")).unwrap_or_default();
    writeln!(
        w,
        "{:<28} {:>12.4} {}",
        "(Intercept)",
        cv.model.intercept,
        show(ewp("(Intercept)"))
    )?;
    for (name, b) in predictors.iter().zip(&cv.model.beta) {
        let value = if b.abs() < 5e-5 && *b != 0.0 {
            format!("{b:>12.3e}")
        } else {
            format!("{b:>12.4}")
        };
        writeln!(w, "{name:<28} {value} {}", show(ewp(name)))?;
    }
    writeln!(
        w,
        "\nforecast: two-year risk of a new mass-killing onset in {}-{} from {} predictors, NMP's computation ({} countries; top {TOP}):",
        f.first_year,
        f.first_year + 1,
        f.base_year,
        f.forecasts.len()
    )?;
    for fc in f.forecasts.iter().take(TOP) {
        writeln!(w, "{:>5}  {:<36} {:>8.4}", fc.rank, fc.name, fc.risk)?;
    }
    if !f.excluded.is_empty() {
        writeln!(w, "left out for a missing predictor in {}:", f.base_year)?;
        for (name, code, missing) in &f.excluded {
            writeln!(w, "  {name} ({code}): {}", missing.join(", "))?;
        }
    }
    Ok(())
}

/// Every country's forecast as CSV.
fn write_csv(path: &Path, f: &Refit) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_path(path).with_context(|| format!("{}: cannot write", path.display()))?;
    w.write_record(["ccode", "ewp_name", "risk_2yr", "rank_2yr"])?;
    for fc in &f.forecasts {
        w.write_record([
            fc.ccode.to_string(),
            fc.name.clone(),
            format!("{:.10}", fc.risk),
            fc.rank.to_string(),
        ])?;
    }
    w.flush().with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

/// Spearman and top-30 overlap with the release's published risks, over the countries in both.
fn compare_with(f: &Refit, rel: &Release) -> anyhow::Result<(Comparison, usize)> {
    let ours: HashMap<i64, f64> = f.forecasts.iter().map(|fc| (fc.ccode, fc.risk)).collect();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for row in &rel.rows {
        if let Some(r) = ours.get(&row.ccode) {
            a.push(*r);
            b.push(row.published);
        }
    }
    let rho = spearman(&a, &b).ok_or_else(|| {
        anyhow::anyhow!(
            "{}: fewer than two countries in both forecasts: nothing to compare",
            rel.forecasts_path.display()
        )
    })?;
    let countries = a.len();
    Ok((
        Comparison {
            file: rel
                .forecasts_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            spearman: rho,
            top30_overlap: top_k_overlap(&a, &b, TOP),
        },
        countries,
    ))
}
