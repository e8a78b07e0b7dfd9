//! The country-year panel EWP trains its model on (`prepared<B>predictors-<date>.csv`): one row
//! per country and year, the predictors, and the outcomes (`mk_onset_1or2`: onset of a new mass
//! killing in the next year or the one after).

use std::collections::HashMap;

use crate::RiskError;
use crate::table::Table;

/// The outcome EWP's two-year model is fitted to.
pub const OUTCOME: &str = "mk_onset_1or2";
/// Columns of the panel that are neither predictors nor outcomes (`year` is also a predictor).
pub const ID_COLUMNS: [&str; 2] = ["ewp_name", "ccode"];
/// The outcome columns of EWP's panels (never predictors).
pub const OUTCOMES: [&str; 4] = ["mk_onset", "mk_onset_1", "mk_onset_2", "mk_onset_1or2"];

/// One country-year.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelRow {
    /// Row number in the file (header = 1).
    pub row: usize,
    /// The country's name.
    pub name: String,
    /// COW country code.
    pub ccode: i64,
    /// The year.
    pub year: i32,
    /// The outcome, when known (missing for the latest years).
    pub outcome: Option<f64>,
    /// Whether every outcome column the panel has (`mk_onset`, `mk_onset_1`, ...) is known: EWP's
    /// script trains only on such rows (its `complete.cases` covers all four outcomes).
    pub outcomes_known: bool,
    /// The predictors (missing values as `None`), in the order asked for.
    pub x: Vec<Option<f64>>,
}

/// A panel read whole.
#[derive(Debug, Clone)]
pub struct Panel {
    /// The file, as messages name it.
    pub file: String,
    /// The predictors, in the order of [`PanelRow::x`].
    pub predictors: Vec<String>,
    /// The rows.
    pub rows: Vec<PanelRow>,
}

/// The predictors a panel offers when no coefficient file names them: every column but the
/// names, codes and outcomes (`year` included, as EWP's model uses it).
pub fn default_predictors(file: &str, bytes: &[u8]) -> Result<Vec<String>, RiskError> {
    let t = Table::read(file, bytes)?;
    Ok(t.headers
        .iter()
        .filter(|h| !h.is_empty() && !ID_COLUMNS.contains(&h.as_str()) && !OUTCOMES.contains(&h.as_str()))
        .cloned()
        .collect())
}

/// Reads the panel with the predictors `predictors` and the outcome `outcome`. A missing column,
/// a non-numeric value, or a country-year twice is an error naming file, row and column;
/// missing values ("NA") are kept as such.
pub fn read(file: &str, bytes: &[u8], predictors: &[String], outcome: &str) -> Result<Panel, RiskError> {
    let t = Table::read(file, bytes)?;
    let name = t.column("ewp_name", "the country's name")?;
    let code = t.column("ccode", "the COW country code")?;
    let year = t.column("year", "the year")?;
    let out_col = t.column(outcome, "the outcome")?;
    let cols = predictors
        .iter()
        .map(|p| t.column(p, "a predictor of the model"))
        .collect::<Result<Vec<_>, _>>()?;
    let outcome_cols: Vec<usize> = OUTCOMES.iter().filter_map(|o| t.find(o)).collect();
    let mut seen: HashMap<(i64, i32), usize> = HashMap::new();
    let mut rows = Vec::with_capacity(t.rows.len());
    for i in 0..t.rows.len() {
        let r = i + 2;
        let whole = |v: f64, col: usize| {
            if v.fract() == 0.0 && v.abs() < 1e9 {
                Ok(v as i64)
            } else {
                Err(RiskError::at(
                    file,
                    Some(r),
                    Some(&t.headers[col]),
                    format!("{v} is not a whole number"),
                ))
            }
        };
        let ccode = whole(t.required(i, code)?, code)?;
        let y = whole(t.required(i, year)?, year)? as i32;
        if let Some(first) = seen.insert((ccode, y), r) {
            return Err(RiskError::at(
                file,
                Some(r),
                Some("ccode, year"),
                format!("country {ccode} in {y} twice (rows {first} and {r})"),
            ));
        }
        let outcome = t.number(i, out_col)?;
        if let Some(o) = outcome
            && o != 0.0
            && o != 1.0
        {
            return Err(RiskError::at(
                file,
                Some(r),
                Some(outcome_name(&t, out_col)),
                format!("{o} is not 0 or 1"),
            ));
        }
        let x = cols.iter().map(|&c| t.number(i, c)).collect::<Result<Vec<_>, _>>()?;
        let mut outcomes_known = true;
        for &c in &outcome_cols {
            outcomes_known &= t.number(i, c)?.is_some();
        }
        rows.push(PanelRow {
            row: r,
            name: t.rows[i][name].clone(),
            ccode,
            year: y,
            outcome,
            outcomes_known,
            x,
        });
    }
    if rows.is_empty() {
        return Err(RiskError::at(file, None, None, "no rows below the header"));
    }
    Ok(Panel {
        file: file.to_string(),
        predictors: predictors.to_vec(),
        rows,
    })
}

fn outcome_name(t: &Table, col: usize) -> &str {
    &t.headers[col]
}

impl Panel {
    /// The latest year of the panel.
    pub fn last_year(&self) -> i32 {
        self.rows.iter().map(|r| r.year).max().unwrap_or_default()
    }
}
