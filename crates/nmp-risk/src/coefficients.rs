//! An EWP coefficient file (`coefficients_<date>.csv`): one row per variable, `variable` and
//! `coef.full` (the elastic-net coefficients; the intercept's variable is `(Intercept)`), written
//! by EWP's R script rounded to 4 decimals.

use crate::RiskError;
use crate::table::Table;

/// The intercept's name in the file.
pub const INTERCEPT: &str = "(Intercept)";

/// A model's coefficients, on the scale of the original predictors.
#[derive(Debug, Clone, PartialEq)]
pub struct Coefficients {
    /// The intercept.
    pub intercept: f64,
    /// The predictors' names, in the file's order.
    pub names: Vec<String>,
    /// Their coefficients.
    pub values: Vec<f64>,
    /// The most decimals any coefficient is written with (the file's rounding), when read from
    /// a file.
    pub decimals: Option<u32>,
}

fn decimals(cell: &str) -> u32 {
    let mantissa = cell.split(['e', 'E']).next().unwrap_or(cell);
    mantissa.split_once('.').map_or(0, |(_, d)| d.len() as u32)
}

/// Reads a coefficient file: the columns `variable` and `coef.full` (or the first column whose
/// name starts with `coef`); exactly one `(Intercept)` row; each variable once.
pub fn read(file: &str, bytes: &[u8]) -> Result<Coefficients, RiskError> {
    let t = Table::read(file, bytes)?;
    let var = t.column("variable", "the predictor's name")?;
    let coef = match t.find("coef.full") {
        Some(c) => c,
        None => t.headers.iter().position(|h| h.starts_with("coef")).ok_or_else(|| {
            RiskError::at(
                file,
                Some(1),
                Some("coef.full"),
                "no column coef.full (the coefficients) in the header",
            )
        })?,
    };
    let mut intercept = None;
    let mut names: Vec<String> = Vec::new();
    let mut values = Vec::new();
    let mut most = 0;
    for i in 0..t.rows.len() {
        let name = t.rows[i][var].clone();
        let row = Some(i + 2);
        if name.is_empty() {
            return Err(RiskError::at(
                file,
                row,
                Some(&t.headers[var]),
                "the variable's name is empty",
            ));
        }
        let value = t.required(i, coef)?;
        most = most.max(decimals(&t.rows[i][coef]));
        if name == INTERCEPT {
            if intercept.replace(value).is_some() {
                return Err(RiskError::at(file, row, Some(&t.headers[var]), "(Intercept) twice"));
            }
        } else if names.contains(&name) {
            return Err(RiskError::at(
                file,
                row,
                Some(&t.headers[var]),
                format!("variable {name} twice"),
            ));
        } else {
            names.push(name);
            values.push(value);
        }
    }
    let intercept = intercept.ok_or_else(|| RiskError::at(file, None, Some(&t.headers[var]), "no (Intercept) row"))?;
    if names.is_empty() {
        return Err(RiskError::at(file, None, None, "no predictor rows"));
    }
    Ok(Coefficients {
        intercept,
        names,
        values,
        decimals: Some(most),
    })
}

impl Coefficients {
    /// The linear predictor of one row of predictor values, in the order of [`Coefficients::names`].
    pub fn linear_predictor(&self, x: &[f64]) -> f64 {
        self.intercept + self.values.iter().zip(x).map(|(b, v)| b * v).sum::<f64>()
    }

    /// Checks that `columns` (the predictors of a panel or forecasts file) are exactly this
    /// file's variables, in any order; the error names the coefficient file and what differs.
    pub fn check_matches(&self, coefficient_file: &str, data_file: &str, columns: &[String]) -> Result<(), RiskError> {
        let missing: Vec<&str> = self
            .names
            .iter()
            .filter(|n| !columns.contains(n))
            .map(String::as_str)
            .collect();
        let extra: Vec<&str> = columns
            .iter()
            .filter(|c| !self.names.contains(c))
            .map(String::as_str)
            .collect();
        if missing.is_empty() && extra.is_empty() {
            return Ok(());
        }
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!(
                "variables with no column in {data_file}: {}",
                missing.join(", ")
            ));
        }
        if !extra.is_empty() {
            parts.push(format!(
                "predictors of {data_file} with no coefficient: {}",
                extra.join(", ")
            ));
        }
        Err(RiskError::at(
            coefficient_file,
            None,
            Some("variable"),
            format!("the coefficients do not match the predictors: {}", parts.join("; ")),
        ))
    }
}
