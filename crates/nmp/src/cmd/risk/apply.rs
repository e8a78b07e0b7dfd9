//! `nmp risk apply DIR`: an EWP release's published coefficients applied to its predictor values.
//!
//! The coefficient file is rounded to 4 decimals, and that loses a term: `year_sq` (about 4.09
//! million) has a coefficient that prints as 0 but is about −1.02 × 10⁻⁶. Applied as written,
//! the coefficients rank the countries as EWP does but sit a constant of about −4.26 away on the
//! logit scale. When the release has its training panel, the model is restored from it
//! (`nmp_risk::restore`: the fit whose coefficients round to the file's), never from the
//! published risks, and the risks computed with it are printed; without the panel, or when no
//! fit rounds to the file, the risks as written are printed with the constant, said plainly.

use std::fmt::Write as _;
use std::path::Path;

use nmp_risk::apply::{Applied, apply, apply_with, rounding_bound};
use nmp_risk::enet::Options;
use nmp_risk::panel;
use nmp_risk::refit::training_set;
use nmp_risk::restore::{Restored, TOLERANCE, restore};

use super::release::{Release, read, read_file};

/// Runs the command and returns what it prints.
pub(super) fn run(dir: &Path) -> anyhow::Result<String> {
    let rel = read(dir)?;
    let coef = &rel.coefficients;
    let mut out = String::new();
    let w = &mut out;
    writeln!(
        w,
        "forecasts: {} (two-year risk: {}, {} countries)",
        rel.forecasts_path.display(),
        rel.layout.risk_2yr.name,
        rel.rows.len()
    )?;
    let decimals = coef
        .decimals
        .map(|d| format!(", written to {d} decimals"))
        .unwrap_or_default();
    writeln!(
        w,
        "coefficients: {} ({} predictors{decimals})",
        rel.coefficients_path.display(),
        coef.names.len()
    )?;
    let as_written = apply(coef, &rel.rows);
    let (lo, mean, hi) = as_written.logit_gap;
    writeln!(w, "\n1. The coefficients as written")?;
    writeln!(
        w,
        "   largest difference from the published risks: {:.4}",
        as_written.max_abs_diff
    )?;
    writeln!(
        w,
        "   logit(published risk) - linear predictor: {mean:.4} on average, from {lo:.4} to {hi:.4}"
    )?;
    if let Some((bound, top)) = rounding_bound(coef, &rel.rows) {
        writeln!(
            w,
            "   rounding the coefficients to the file's decimals can move a country's linear predictor by up to {bound:.1} (largest predictor value: {top}): the file alone cannot give the risks"
        )?;
    }
    let restored = match &rel.panel {
        Some(path) => Some(restore_from(&rel, path, w)?),
        None => {
            writeln!(
                w,
                "\n2. No panel (prepared*predictors*.csv) in the release: the digits the coefficient file lost cannot be restored"
            )?;
            None
        }
    };
    let (applied, label) = match restored {
        Some(r) if r.matches() => (apply_with(&rel.rows, |x| r.model.linear_predictor(x)), "restored model"),
        _ if as_written.max_abs_diff <= 0.0005 => {
            writeln!(w, "\nThe coefficients as written reproduce the published risks.")?;
            (as_written, "coefficients as written")
        }
        _ => {
            writeln!(
                w,
                "\nThe published files do not explain the constant: the risks below use the coefficients as written, {mean:.4} away from EWP's on the logit scale (not calibrated on the published risks)."
            )?;
            (as_written, "coefficients as written")
        }
    };
    print_rows(w, &applied, label)?;
    writeln!(w, "max_abs_diff={:.6}", applied.max_abs_diff)?;
    Ok(out)
}

/// Step 2: the model restored from the panel, and what the file lost.
fn restore_from(rel: &Release, path: &Path, w: &mut String) -> anyhow::Result<Restored> {
    let coef = &rel.coefficients;
    let label = path.display().to_string();
    let p = panel::read(&label, &read_file(path)?, &coef.names, panel::OUTCOME)?;
    let base = rel.layout.base_year.unwrap_or_else(|| p.last_year());
    let set = training_set(&p, base - 2);
    let rows: Vec<&[f64]> = set.x.iter().map(Vec::as_slice).collect();
    let r = restore(coef, &rows, &set.y, &Options::default())?;
    writeln!(w, "\n2. The model restored from the panel {label}")?;
    writeln!(
        w,
        "   fitted as EWP fits it: {} complete country-years {}-{}, outcome {}, alpha 0.5",
        set.y.len(),
        set.first_year,
        set.last_year,
        panel::OUTCOME
    )?;
    writeln!(
        w,
        "   nearest fit to the file's coefficients: lambda {:.7} ({} of glmnet's sequence); summed difference {:.4} (next nearest lambda: {:.4}), largest {:.5}",
        r.model.lambda,
        r.index + 1,
        r.distance,
        r.next_distance,
        r.max_deviation
    )?;
    if !r.matches() {
        writeln!(
            w,
            "   a coefficient differs by more than {TOLERANCE} (rounding plus glmnet's convergence tolerance): the file is not this model"
        )?;
        return Ok(r);
    }
    writeln!(
        w,
        "   every coefficient within {TOLERANCE} of the file's: the file is this model, rounded"
    )?;
    writeln!(
        w,
        "   the digits the file lost, at the forecast's predictor values (mean over countries):"
    )?;
    let n = rel.rows.len().max(1) as f64;
    let mut lost: Vec<(String, f64, f64, f64)> = coef
        .names
        .iter()
        .enumerate()
        .map(|(j, name)| {
            let mean_x = rel.rows.iter().map(|row| row.x[j]).sum::<f64>() / n;
            (
                name.clone(),
                r.model.beta[j],
                coef.values[j],
                (r.model.beta[j] - coef.values[j]) * mean_x,
            )
        })
        .collect();
    lost.push((
        "(Intercept)".into(),
        r.model.intercept,
        coef.intercept,
        r.model.intercept - coef.intercept,
    ));
    let total: f64 = lost.iter().map(|l| l.3).sum();
    lost.sort_by(|a, b| b.3.abs().total_cmp(&a.3.abs()));
    for (name, full, written, effect) in lost.iter().take(3) {
        writeln!(
            w,
            "     {name}: {full:.6e}, written {written}: {effect:+.4} on the logit"
        )?;
    }
    writeln!(
        w,
        "   in all {total:+.4} on the logit: the constant between the file's coefficients and the published risks"
    )?;
    Ok(r)
}

fn print_rows(w: &mut String, applied: &Applied, label: &str) -> std::fmt::Result {
    writeln!(w, "\nTwo-year risk ({label}), highest first:")?;
    writeln!(
        w,
        "{:>4}  {:<36} {:>5}  {:>9}  {:>9}  {:>9}",
        "rank", "country", "ccode", "risk", "published", "diff"
    )?;
    let mut rows: Vec<_> = applied.rows.iter().collect();
    rows.sort_by(|a, b| b.risk.total_cmp(&a.risk));
    for (i, r) in rows.iter().enumerate() {
        writeln!(
            w,
            "{:>4}  {:<36} {:>5}  {:>9.5}  {:>9.5}  {:>+9.5}",
            i + 1,
            r.name,
            r.ccode,
            r.risk,
            r.published,
            r.risk - r.published
        )?;
    }
    Ok(())
}
