//! An EWP release directory as the risk commands read it: the forecasts file found and its
//! columns recognised by meaning as `nmp import ewp` does, the coefficient file and the panel.

use std::path::{Path, PathBuf};

use anyhow::Context;
use nmp_ingest::import::ewp::columns::{Layout, recognise};
use nmp_risk::coefficients::{self, Coefficients};
use nmp_risk::forecasts::{self, ForecastColumns, ForecastRow};
use nmp_risk::table::Table;

/// A release's files, read.
pub(super) struct Release {
    /// The forecasts file.
    pub forecasts_path: PathBuf,
    /// Its columns, by meaning.
    pub layout: Layout,
    /// The coefficient file.
    pub coefficients_path: PathBuf,
    /// The coefficients.
    pub coefficients: Coefficients,
    /// The forecasts file's rows: published risk and predictor values.
    pub rows: Vec<ForecastRow>,
    /// The panel, when the release has one.
    pub panel: Option<PathBuf>,
}

pub(super) fn read_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// Reads the release in `dir`.
pub(super) fn read(dir: &Path) -> anyhow::Result<Release> {
    let files = nmp_ingest::import::ewp::locate(dir)?;
    let model = nmp_risk::release::locate(dir)?;
    let label = files.forecasts.display().to_string();
    let bytes = read_file(&files.forecasts)?;
    let table = Table::read(&label, &bytes)?;
    let headers: Vec<&str> = table.headers.iter().map(String::as_str).collect();
    let layout = recognise(&label, &headers)?;
    let coef_label = model.coefficients.display().to_string();
    let coefficients = coefficients::read(&coef_label, &read_file(&model.coefficients)?)?;
    if let Some(missing) = coefficients.names.iter().find(|n| table.find(n).is_none()) {
        return Err(nmp_risk::RiskError::at(
            &coef_label,
            None,
            Some("variable"),
            format!("the coefficients do not match the predictors: variable {missing} has no column in {label}"),
        )
        .into());
    }
    let rows = forecasts::read(
        &label,
        &bytes,
        &ForecastColumns {
            name: &layout.name.name,
            code: &layout.code.name,
            risk: &layout.risk_2yr.name,
            predictors: &coefficients.names,
        },
    )?;
    Ok(Release {
        forecasts_path: files.forecasts,
        layout,
        coefficients_path: model.coefficients,
        coefficients,
        rows,
        panel: model.panel,
    })
}
