//! The Early Warning Project's statistical risk assessment (`nmp import ewp DIR`).
//!
//! DIR holds the project's published files: exactly one `final_forecasts_data_<D><Mon><YYYY>.csv`
//! (one row per country: `ewp_name`, the risk columns, predictors and `ccode`, the Correlates of
//! War code) and `countrynamesheet_complete.csv` (names and codes). The file-name date gives the
//! dataset's version (`10Oct2024` → `2024-10-10`) and slug (`ewp-2024`).
//!
//! The forecast year Y is found from the header: the latest `risk.<Y>and<Y+1>.from<Y-1>` column.
//! Four indicators are read, each stored with year Y:
//!
//! | code | column |
//! |---|---|
//! | `risk_2yr` | `risk.<Y>and<Y+1>.from<Y-1>` |
//! | `rank_2yr` | `rank.<Y>and<Y+1>.from<Y-1>` |
//! | `risk_1yr` | `risk.<Y>only.from<Y-1>` |
//! | `rank_1yr` | `riskrank.<Y>only.from<Y-1>` |
//!
//! Rows are matched to ISO alpha-3 through the crosswalk ([`super::crosswalk`]) by name and code;
//! a row that is not in it, or whose entity is not one of the 195 states, is reported as
//! unmatched (not an error). A value that is not a number is an error naming file, row and column.
//!
//! `files.rs` reads and checks the two files; this module finds them, matches the rows and
//! writes the dataset.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use nmp_store::Store;

use super::crosswalk::Crosswalk;
use super::{
    CountryIndex, DatasetMeta, ExistingIndicators, IndicatorMeta, Obs, Problems, WriteOutcome, WriteRequest,
    country_codes, country_index, rows_result, sha256_hex, write_dataset,
};
use crate::IngestError;

mod files;

pub use files::{Forecast, ForecastFile, NameSheetEntry, columns_for, parse_forecasts, parse_namesheet};

/// The publisher, as the dataset row names it.
pub const PUBLISHER: &str = "Simon-Skjodt Center for the Prevention of Genocide, US Holocaust Memorial Museum, and Dickey Center for International Understanding, Dartmouth College";
/// The name sheet's file name.
pub const NAMESHEET: &str = "countrynamesheet_complete.csv";
const FORECASTS_PREFIX: &str = "final_forecasts_data_";
const LICENCE_NOTE: &str = "The repository states no licence (not found)";
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The two files of an EWP directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EwpFiles {
    /// `final_forecasts_data_*.csv`.
    pub forecasts: PathBuf,
    /// `countrynamesheet_complete.csv`.
    pub namesheet: PathBuf,
    /// Release date from the forecasts file name: year, month, day.
    pub released: (i32, u8, u8),
}

/// Finds the forecasts file (exactly one) and the name sheet in `dir`.
pub fn locate(dir: &Path) -> Result<EwpFiles, IngestError> {
    let dir_err = |message: String| IngestError::File {
        file: dir.display().to_string(),
        line: None,
        message,
    };
    let listing = std::fs::read_dir(dir).map_err(|e| dir_err(format!("cannot read the directory: {e}")))?;
    let mut forecasts = Vec::new();
    for entry in listing {
        let entry = entry.map_err(|e| dir_err(format!("cannot read the directory: {e}")))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(FORECASTS_PREFIX) && name.ends_with(".csv") {
            forecasts.push(entry.path());
        }
    }
    forecasts.sort();
    let forecasts = match forecasts.len() {
        0 => return Err(dir_err(format!("no {FORECASTS_PREFIX}*.csv file here"))),
        1 => forecasts.remove(0),
        n => {
            let names: Vec<String> = forecasts
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            return Err(dir_err(format!(
                "{n} {FORECASTS_PREFIX}*.csv files here ({}); keep exactly one",
                names.join(", ")
            )));
        }
    };
    let name = forecasts
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let released = release_date(&name).ok_or_else(|| IngestError::File {
        file: forecasts.display().to_string(),
        line: None,
        message: format!("the file name should end with a date like {FORECASTS_PREFIX}10Oct2024.csv"),
    })?;
    let namesheet = dir.join(NAMESHEET);
    if !namesheet.is_file() {
        return Err(dir_err(format!("no {NAMESHEET} here")));
    }
    Ok(EwpFiles {
        forecasts,
        namesheet,
        released,
    })
}

/// The date in a forecasts file name: `final_forecasts_data_10Oct2024.csv` → (2024, 10, 10).
pub fn release_date(file_name: &str) -> Option<(i32, u8, u8)> {
    let text = file_name.strip_prefix(FORECASTS_PREFIX)?.strip_suffix(".csv")?;
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (day, rest) = text.split_at(digits);
    let day: u8 = day.parse().ok()?;
    let month = rest.get(..3)?;
    let year = rest.get(3..)?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let month_index = MONTHS.iter().position(|m| *m == month)?;
    let month_number = u8::try_from(month_index + 1).ok()?;
    let valid = time::Month::try_from(month_number)
        .ok()
        .and_then(|m| time::Date::from_calendar_date(year, m, day).ok());
    valid.map(|_| (year, month_number, day))
}

/// A forecast row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// Row number in the forecasts file.
    pub row: usize,
    /// `ewp_name`.
    pub ewp_name: String,
    /// `ccode`.
    pub ccode: u32,
    /// Why it was not matched.
    pub reason: String,
}

/// A row of the top of the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct TopRow {
    /// `rank_2yr`.
    pub rank: f64,
    /// ISO alpha-3, when matched.
    pub iso3: Option<String>,
    /// `ewp_name`.
    pub ewp_name: String,
    /// `risk_2yr`.
    pub risk_2yr: f64,
}

/// What an EWP import read, matched and wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct EwpReport {
    /// The dataset row written.
    pub dataset: DatasetMeta,
    /// The forecasts file, as found in the directory.
    pub forecasts_path: String,
    /// First forecast year (the observations' year).
    pub forecast_year: i32,
    /// The indicators.
    pub indicators: Vec<IndicatorMeta>,
    /// Forecast rows read.
    pub rows_read: usize,
    /// Rows matched to one of the 195 states.
    pub matched: usize,
    /// Rows not matched.
    pub unmatched: Vec<Unmatched>,
    /// Inconsistencies between the forecasts, the name sheet and the crosswalk (not errors).
    pub warnings: Vec<String>,
    /// What was written.
    pub outcome: WriteOutcome,
    /// Rows ranked 1 to 30 by `rank_2yr`, in rank order.
    pub top: Vec<TopRow>,
}

/// The four indicators, described for forecast year `y`.
pub fn indicators_for(y: i32) -> Vec<IndicatorMeta> {
    let [risk2, rank2, risk1, rank1] = columns_for(y);
    let year_note = format!(
        "Stored with year {y}, the first forecast year (from data through {}).",
        y - 1
    );
    vec![
        IndicatorMeta {
            code: "risk_2yr".into(),
            label: "Two-year risk of a new mass-killing onset".into(),
            unit: Some("probability".into()),
            description: Some(format!(
                "Estimated probability that a new episode of mass killing begins in {y} or {} (column {risk2}). {year_note}",
                y + 1
            )),
        },
        IndicatorMeta {
            code: "rank_2yr".into(),
            label: "Rank of the two-year risk of a new mass-killing onset".into(),
            unit: Some("rank".into()),
            description: Some(format!(
                "Rank of risk_2yr among the countries assessed, 1 = highest risk; the top 30 are treated as high risk (column {rank2}). {year_note}"
            )),
        },
        IndicatorMeta {
            code: "risk_1yr".into(),
            label: "One-year risk of a new mass-killing onset".into(),
            unit: Some("probability".into()),
            description: Some(format!(
                "Estimated probability that a new episode of mass killing begins in {y} (column {risk1}). {year_note}"
            )),
        },
        IndicatorMeta {
            code: "rank_1yr".into(),
            label: "Rank of the one-year risk of a new mass-killing onset".into(),
            unit: Some("rank".into()),
            description: Some(format!(
                "Rank of risk_1yr among the countries assessed, 1 = highest risk (column {rank1}). {year_note}"
            )),
        },
    ]
}

fn read(path: &Path) -> Result<Vec<u8>, IngestError> {
    std::fs::read(path).map_err(|e| IngestError::File {
        file: path.display().to_string(),
        line: None,
        message: format!("cannot read: {e}"),
    })
}

/// Imports the EWP files in `dir` (see the module documentation). With `dry_run` nothing is
/// written and the report says what would be.
pub async fn import(store: &Store, dir: &Path, dry_run: bool, actor: &str) -> Result<EwpReport, IngestError> {
    let files = locate(dir)?;
    let forecasts_label = files.forecasts.display().to_string();
    let forecast_bytes = read(&files.forecasts)?;
    let namesheet_bytes = read(&files.namesheet)?;
    let countries = country_codes(store).await?;
    let checked = check(
        (&forecasts_label, &forecast_bytes),
        (&files.namesheet.display().to_string(), &namesheet_bytes),
        &countries,
    )?;
    let dataset = dataset_meta(&files, &forecast_bytes);
    let request = WriteRequest {
        meta: &dataset,
        indicators: &checked.indicators,
        existing_indicators: ExistingIndicators::Update,
        countries: &countries,
        rows: &checked.obs,
        dry_run,
    };
    let outcome = write_dataset(store, actor, request).await?;
    Ok(EwpReport {
        dataset,
        forecasts_path: forecasts_label,
        forecast_year: checked.year,
        indicators: checked.indicators,
        rows_read: checked.rows_read,
        matched: checked.matched,
        unmatched: checked.unmatched,
        warnings: checked.warnings,
        outcome,
        top: checked.top,
    })
}

/// The two files read, checked and matched to countries: everything an import needs before it
/// writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// First forecast year (the observations' year).
    pub year: i32,
    /// The indicators.
    pub indicators: Vec<IndicatorMeta>,
    /// The observations of the matched rows ([`Obs::country`] indexes into the country list).
    pub obs: Vec<Obs>,
    /// Forecast rows read.
    pub rows_read: usize,
    /// Rows matched to a country of the list.
    pub matched: usize,
    /// Rows not matched.
    pub unmatched: Vec<Unmatched>,
    /// Inconsistencies between the forecasts, the name sheet and the crosswalk (not errors).
    pub warnings: Vec<String>,
    /// Rows ranked 1 to 30 by `rank_2yr`, in rank order.
    pub top: Vec<TopRow>,
}

/// Reads and checks the forecasts file and the name sheet (each given as the name messages use
/// and its bytes) and matches the forecast rows to `countries` (ISO alpha-3 codes) through the
/// embedded crosswalk. Pure: no file or database is touched, so it is what the fuzz target
/// `ewp` runs.
pub fn check(forecasts: (&str, &[u8]), namesheet: (&str, &[u8]), countries: &[String]) -> Result<Checked, IngestError> {
    let (forecasts_label, forecast_bytes) = forecasts;
    let parsed = parse_forecasts(forecasts_label, forecast_bytes)?;
    let sheet = parse_namesheet(namesheet.0, namesheet.1)?;
    let crosswalk = Crosswalk::embedded()?;
    let indicators = indicators_for(parsed.year);
    let mut warnings = namesheet_warnings(&sheet, &crosswalk);
    let matched = Matcher {
        label: forecasts_label,
        sheet: sheet.iter().map(|e| (e.ewp_name.as_str(), e.ccode)).collect(),
        crosswalk: &crosswalk,
        index: country_index(countries),
    }
    .run(&parsed, &mut warnings)?;
    let top = top_rows(&parsed, &matched.iso_of_row);
    Ok(Checked {
        year: parsed.year,
        indicators,
        obs: matched.obs,
        rows_read: parsed.rows.len(),
        matched: matched.iso_of_row.len(),
        unmatched: matched.unmatched,
        warnings,
        top,
    })
}

/// The dataset row of the release in `files` (slug and version from the file name's date).
fn dataset_meta(files: &EwpFiles, forecast_bytes: &[u8]) -> DatasetMeta {
    let (year, month, day) = files.released;
    let file_name = files
        .forecasts
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    DatasetMeta {
        slug: format!("ewp-{year}"),
        title: format!("Early Warning Project Statistical Risk Assessment {year}"),
        publisher: PUBLISHER.into(),
        version: Some(format!("{year:04}-{month:02}-{day:02}")),
        url: Some(format!(
            "https://github.com/EarlyWarningProject/{year}-Statistical-Risk-Assessment"
        )),
        licence: None,
        file_name,
        file_sha256: sha256_hex(forecast_bytes),
        note: Some(LICENCE_NOTE.into()),
    }
}

/// A warning for each name sheet entry the crosswalk does not know.
fn namesheet_warnings(sheet: &[NameSheetEntry], crosswalk: &Crosswalk) -> Vec<String> {
    let mut warnings = Vec::new();
    for e in sheet {
        if crosswalk.get(&e.ewp_name, e.ccode).is_none() {
            warnings.push(format!(
                "{NAMESHEET}:{}: {} (ccode {}) is not in the crosswalk (data/reference/ewp-crosswalk.csv)",
                e.row, e.ewp_name, e.ccode
            ));
        }
    }
    warnings
}

/// The forecast rows matched to countries: their observations, the rows left out and why, and
/// the ISO code of each matched row.
struct Matched {
    obs: Vec<Obs>,
    unmatched: Vec<Unmatched>,
    iso_of_row: HashMap<usize, String>,
}

/// Matches forecast rows to the countries of the database through the crosswalk.
struct Matcher<'a> {
    /// The forecasts file, as named in messages.
    label: &'a str,
    /// `(ewp_name, ccode)` of every name sheet entry.
    sheet: HashSet<(&'a str, u32)>,
    crosswalk: &'a Crosswalk,
    index: CountryIndex,
}

impl Matcher<'_> {
    /// Matches every row; a country two rows map to is an error naming both.
    fn run(&self, parsed: &ForecastFile, warnings: &mut Vec<String>) -> Result<Matched, IngestError> {
        let forecasts_label = self.label;
        let mut unmatched = Vec::new();
        let mut obs = Vec::new();
        let mut iso_of_row: HashMap<usize, String> = HashMap::new();
        let mut first_row_of: HashMap<u16, usize> = HashMap::new();
        let mut problems = Problems::default();
        for f in &parsed.rows {
            if !self.sheet.contains(&(f.ewp_name.as_str(), f.ccode)) {
                warnings.push(format!(
                    "{forecasts_label}:{}: {} (ccode {}) is not in {NAMESHEET}",
                    f.row, f.ewp_name, f.ccode
                ));
            }
            let iso3 = match self.iso3(f) {
                Ok(iso3) => iso3,
                Err(reason) => {
                    unmatched.push(unmatched_row(f, reason));
                    continue;
                }
            };
            let Some(country) = self.index.get(iso3.as_bytes()) else {
                unmatched.push(unmatched_row(f, format!("{iso3} is not in the country table")));
                continue;
            };
            if let Some(first) = first_row_of.insert(country, f.row) {
                problems.add(forecasts_label, f.row, Some("ewp_name"), || {
                    format!("{} maps to {iso3}, as row {first} does", f.ewp_name)
                });
                continue;
            }
            iso_of_row.insert(f.row, iso3);
            // In the order of `indicators_for`: risk_2yr, rank_2yr, risk_1yr, rank_1yr.
            for (indicator, value) in [(0, f.risk_2yr), (1, f.rank_2yr), (2, f.risk_1yr), (3, f.rank_1yr)] {
                obs.push(Obs {
                    indicator,
                    country,
                    year: parsed.year,
                    value,
                });
            }
        }
        rows_result(problems, forecasts_label)?;
        Ok(Matched {
            obs,
            unmatched,
            iso_of_row,
        })
    }

    /// The ISO code the crosswalk gives the row, or why it gives none.
    fn iso3(&self, f: &Forecast) -> Result<String, String> {
        let crosswalk = self.crosswalk;
        match crosswalk.get(&f.ewp_name, f.ccode) {
            Some(e) => match &e.iso3 {
                Some(iso3) => Ok(iso3.clone()),
                None => Err(e.note.clone()),
            },
            None => Err(match (crosswalk.by_code(f.ccode), crosswalk.by_name(&f.ewp_name)) {
                (Some(e), _) => format!("not in the crosswalk (it has ccode {} as {:?})", e.ccode, e.ewp_name),
                (None, Some(e)) => format!("not in the crosswalk (it has {:?} with ccode {})", e.ewp_name, e.ccode),
                (None, None) => "not in the crosswalk".to_string(),
            }),
        }
    }
}

/// The rows ranked in the top 30 for the next two years, by rank then name.
fn top_rows(parsed: &ForecastFile, iso_of_row: &HashMap<usize, String>) -> Vec<TopRow> {
    let mut top: Vec<TopRow> = parsed
        .rows
        .iter()
        .filter(|f| f.rank_2yr <= 30.0)
        .map(|f| TopRow {
            rank: f.rank_2yr,
            iso3: iso_of_row.get(&f.row).cloned(),
            ewp_name: f.ewp_name.clone(),
            risk_2yr: f.risk_2yr,
        })
        .collect();
    top.sort_by(|a, b| a.rank.total_cmp(&b.rank).then_with(|| a.ewp_name.cmp(&b.ewp_name)));
    top
}

fn unmatched_row(f: &Forecast, reason: String) -> Unmatched {
    Unmatched {
        row: f.row,
        ewp_name: f.ewp_name.clone(),
        ccode: f.ccode,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_dates_are_read_from_file_names() {
        assert_eq!(release_date("final_forecasts_data_10Oct2024.csv"), Some((2024, 10, 10)));
        assert_eq!(release_date("final_forecasts_data_3Sep2025.csv"), Some((2025, 9, 3)));
        assert_eq!(release_date("final_forecasts_data_01Jan2030.csv"), Some((2030, 1, 1)));
        assert_eq!(release_date("final_forecasts_data_31Feb2024.csv"), None);
        assert_eq!(release_date("final_forecasts_data_10October2024.csv"), None);
        assert_eq!(release_date("final_forecasts_data_.csv"), None);
    }
}
