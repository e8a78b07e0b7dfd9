//! The predictor values and published risks of an EWP forecasts file
//! (`final_forecasts_data_<date>.csv`), read by column names the caller gives (the `nmp` binary
//! finds them by meaning, as `nmp import ewp` does).

use crate::RiskError;
use crate::table::Table;

/// The columns to read.
#[derive(Debug, Clone)]
pub struct ForecastColumns<'a> {
    /// The country's name (`ewp_name`).
    pub name: &'a str,
    /// The COW country code (`ccode`).
    pub code: &'a str,
    /// The published two-year risk (`risk.2024and2025.from2023`).
    pub risk: &'a str,
    /// The predictors, in the coefficients' order.
    pub predictors: &'a [String],
}

/// One country of the forecasts file.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastRow {
    /// Row number in the file (header = 1).
    pub row: usize,
    /// The country's name.
    pub name: String,
    /// COW country code.
    pub ccode: i64,
    /// The published two-year risk.
    pub published: f64,
    /// The predictor values, in the order asked for.
    pub x: Vec<f64>,
}

/// Reads every row; a predictor column that is missing, a missing or non-numeric value, or a
/// country twice is an error naming file, row and column.
pub fn read(file: &str, bytes: &[u8], cols: &ForecastColumns<'_>) -> Result<Vec<ForecastRow>, RiskError> {
    let t = Table::read(file, bytes)?;
    let name = t.column(cols.name, "the country's name")?;
    let code = t.column(cols.code, "the COW country code")?;
    let risk = t.column(cols.risk, "the published two-year risk")?;
    let predictors = cols
        .predictors
        .iter()
        .map(|p| t.column(p, "a predictor of the model"))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out: Vec<ForecastRow> = Vec::with_capacity(t.rows.len());
    for i in 0..t.rows.len() {
        let ccode = t.required(i, code)?;
        if ccode.fract() != 0.0 {
            return Err(RiskError::at(
                file,
                Some(i + 2),
                Some(cols.code),
                "the country code is not a whole number",
            ));
        }
        let ccode = ccode as i64;
        if let Some(first) = out.iter().find(|r| r.ccode == ccode) {
            return Err(RiskError::at(
                file,
                Some(i + 2),
                Some(cols.code),
                format!("country {ccode} twice (rows {} and {})", first.row, i + 2),
            ));
        }
        let x = predictors
            .iter()
            .map(|&c| t.required(i, c))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(ForecastRow {
            row: i + 2,
            name: t.rows[i][name].clone(),
            ccode,
            published: t.required(i, risk)?,
            x,
        });
    }
    Ok(out)
}
