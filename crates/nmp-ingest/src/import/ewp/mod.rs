//! The Early Warning Project's statistical risk assessment (`nmp import ewp DIR`), any yearly
//! release.
//!
//! DIR holds one release's forecasts file, exactly one of `final_forecasts_data_<D><Mon><YYYY>.csv`
//! (2023 onwards; the 2023 file's name has no year: `final_forecasts_data_9Nov_hackregion.csv`)
//! or `base<B>-run-<YYYY-MM-DD>.csv` (2019–2022), and, when the release has one, its name sheet
//! (`countrynamesheet_complete.csv` or `countrynamesheet.csv`). The releases name their columns
//! differently; [`columns`] finds them by meaning and the import says what it recognised. Ranks a
//! file lacks, or that disagree with its risks, are computed from the risks ([`ranks`]).
//!
//! The release is stored as the dataset `ewp-<YYYY>`, YYYY the year of the file name's date (or
//! the first forecast year Y when the name has none), so that releases sit side by side and make
//! a time series; re-importing a release replaces it, all or nothing. The indicators, each stored
//! with year Y:
//!
//! | code | meaning |
//! |---|---|
//! | `risk_2yr` | risk of a new mass-killing onset in Y or Y+1 |
//! | `rank_2yr` | its rank (1 = highest), the file's or computed |
//! | `risk_1yr` | risk in Y (when the file has it) |
//! | `rank_1yr` | its rank (when the file has the one-year risk) |
//!
//! Rows are matched to ISO alpha-3 through the crosswalk ([`super::crosswalk`]) by name and code,
//! or by code alone when the release spells the name differently (with a warning). Kosovo (COW
//! 347) is matched to `XKX`, a user-assigned code, with a note: it is not one of the 195 states
//! (it has no `country` row), so its values are stored with the note in `observation_outside`,
//! beside the dataset's observations and replaced with them, and listed in the report. Any other row
//! that is not matched is reported as unmatched (not an error). A value that is not a number is
//! an error naming file, row and column.
//!
//! `files.rs` reads and checks the files; this module finds them, matches the rows and writes
//! the dataset.

use std::path::Path;

use nmp_store::Store;
use nmp_store::entity::watch_alert;

use super::crosswalk::Crosswalk;
use super::{
    DatasetMeta, ExistingIndicators, IndicatorMeta, Obs, OutsideObs, WriteOutcome, WriteRequest, country_codes,
    country_index, sha256_hex, write_dataset,
};
use crate::IngestError;
use matching::{Matcher, namesheet_warnings, top_rows};

pub mod columns;
mod files;
mod matching;
pub mod ranks;
mod release;

pub use files::{Forecast, ForecastFile, NameSheetEntry, RankSource, parse_forecasts, parse_namesheet};
pub use release::{EwpFiles, NAMESHEET, NAMESHEET_SHORT, locate, release_date};

/// The publisher, as the dataset row names it.
pub const PUBLISHER: &str = "Simon-Skjodt Center for the Prevention of Genocide, US Holocaust Memorial Museum, and Dickey Center for International Understanding, Dartmouth College";
/// Entities outside the 195 states that are matched to a user-assigned code, with why.
pub const OUTSIDE: [(u32, &str, &str); 1] = [(
    347,
    "XKX",
    "Kosovo (COW 347) has no ISO 3166-1 code; XKX is the user-assigned alpha-3 code used for it in the European Union (Eurostat, Glossary: Country codes). Kosovo is not one of the 195 states, so its values are stored apart from theirs, not as observations of a state",
)];
const LICENCE_NOTE: &str = "The repository states no licence (not found)";
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

/// A row matched to an entity outside the 195 states (Kosovo → XKX): stored in
/// `observation_outside`, not as observations of a state.
#[derive(Debug, Clone, PartialEq)]
pub struct Outside {
    /// Row number in the forecasts file.
    pub row: usize,
    /// The row's name.
    pub ewp_name: String,
    /// The user-assigned code it is matched to.
    pub code: String,
    /// Two-year risk.
    pub risk_2yr: f64,
    /// Its rank.
    pub rank_2yr: f64,
    /// Why it is matched so and stored apart.
    pub note: String,
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
    /// What was recognised: one line per column meaning, the ranks' origin, notes.
    pub recognised: Vec<String>,
    /// Whether the file name gave no date (the release is then keyed by the forecast year).
    pub undated: bool,
    /// The indicators.
    pub indicators: Vec<IndicatorMeta>,
    /// Forecast rows read.
    pub rows_read: usize,
    /// Rows matched to one of the 195 states.
    pub matched: usize,
    /// Rows matched to an entity outside the 195 states (Kosovo).
    pub outside: Vec<Outside>,
    /// Rows not matched.
    pub unmatched: Vec<Unmatched>,
    /// Inconsistencies between the forecasts, the name sheet and the crosswalk (not errors).
    pub warnings: Vec<String>,
    /// What was written.
    pub outcome: WriteOutcome,
    /// Rows ranked 1 to 30 by `rank_2yr`, in rank order.
    pub top: Vec<TopRow>,
    /// Watchlist alerts the release raised (none on a dry run), for the caller to mail.
    pub alerts: Vec<watch_alert::Model>,
}

/// Where the values of a rank indicator come from, for its description.
fn rank_origin(source: &RankSource) -> String {
    match source {
        RankSource::File(column) => format!("column {column}"),
        RankSource::Missing => "computed from the risks: the release has no rank column".into(),
        RankSource::Disagrees { column, .. } => {
            format!("computed from the risks: the release's column {column} disagrees with them")
        }
    }
}

/// The indicators of a parsed forecasts file: the two-year risk and rank, and the one-year risk
/// and rank when the file has the one-year risk.
pub fn indicators_for(f: &ForecastFile) -> Vec<IndicatorMeta> {
    let y = f.year;
    let l = &f.layout;
    let year_note = match l.base_year {
        Some(b) => format!("Stored with year {y}, the first forecast year (from data through {b})."),
        None => format!("Stored with year {y}, the first forecast year."),
    };
    let mut out = vec![
        IndicatorMeta {
            code: "risk_2yr".into(),
            label: "Two-year risk of a new mass-killing onset".into(),
            unit: Some("probability".into()),
            description: Some(format!(
                "Estimated probability that a new episode of mass killing begins in {y} or {} (column {}). {year_note}",
                y + 1,
                l.risk_2yr.name
            )),
        },
        IndicatorMeta {
            code: "rank_2yr".into(),
            label: "Rank of the two-year risk of a new mass-killing onset".into(),
            unit: Some("rank".into()),
            description: Some(format!(
                "Rank of risk_2yr among the countries assessed, 1 = highest risk; the top 30 are treated as high risk ({}). {year_note}",
                rank_origin(&f.rank_2yr)
            )),
        },
    ];
    if let (Some(risk1), Some(rank1)) = (&l.risk_1yr, &f.rank_1yr) {
        out.push(IndicatorMeta {
            code: "risk_1yr".into(),
            label: "One-year risk of a new mass-killing onset".into(),
            unit: Some("probability".into()),
            description: Some(format!(
                "Estimated probability that a new episode of mass killing begins in {y} (column {}). {year_note}",
                risk1.name
            )),
        });
        out.push(IndicatorMeta {
            code: "rank_1yr".into(),
            label: "Rank of the one-year risk of a new mass-killing onset".into(),
            unit: Some("rank".into()),
            description: Some(format!(
                "Rank of risk_1yr among the countries assessed, 1 = highest risk ({}). {year_note}",
                rank_origin(rank1)
            )),
        });
    }
    out
}

/// What was recognised in a parsed forecasts file, for the import report.
pub fn recognised(f: &ForecastFile) -> Vec<String> {
    let mut lines = f.layout.describe();
    lines.push(f.rank_2yr.describe("two-year risk"));
    if let Some(r) = &f.rank_1yr {
        lines.push(r.describe("one-year risk"));
    }
    lines.extend(f.layout.notes.iter().cloned());
    lines
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
    let namesheet = match &files.namesheet {
        Some(p) => Some((p.display().to_string(), read(p)?)),
        None => None,
    };
    let countries = country_codes(store).await?;
    let checked = check_release(
        (&forecasts_label, &forecast_bytes),
        namesheet.as_ref().map(|(l, b)| (l.as_str(), b.as_slice())),
        &countries,
    )?;
    let dataset = dataset_meta(&files, checked.year, &forecast_bytes);
    let request = WriteRequest {
        meta: &dataset,
        indicators: &checked.indicators,
        existing_indicators: ExistingIndicators::Update,
        countries: &countries,
        rows: &checked.obs,
        outside: &checked.outside_obs,
        dry_run,
    };
    let outcome = write_dataset(store, actor, request).await?;
    // Right after the release is committed: the followers' alerts, compared with the release
    // before it (`nmp_store::watchlist::raise`).
    let alerts = if dry_run {
        Vec::new()
    } else {
        super::raise_alerts(store, &dataset.slug).await?
    };
    Ok(EwpReport {
        dataset,
        forecasts_path: forecasts_label,
        forecast_year: checked.year,
        recognised: checked.recognised,
        undated: files.released.is_none(),
        indicators: checked.indicators,
        rows_read: checked.rows_read,
        matched: checked.matched,
        outside: checked.outside,
        unmatched: checked.unmatched,
        warnings: checked.warnings,
        outcome,
        top: checked.top,
        alerts,
    })
}

/// The files read, checked and matched to countries: everything an import needs before it
/// writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// First forecast year (the observations' year).
    pub year: i32,
    /// What was recognised (see [`recognised`]).
    pub recognised: Vec<String>,
    /// The indicators.
    pub indicators: Vec<IndicatorMeta>,
    /// The observations of the matched rows ([`Obs::country`] indexes into the country list).
    pub obs: Vec<Obs>,
    /// Forecast rows read.
    pub rows_read: usize,
    /// Rows matched to a country of the list.
    pub matched: usize,
    /// Rows matched to an entity outside the 195 states.
    pub outside: Vec<Outside>,
    /// Their values, one per indicator read ([`OutsideObs::indicator`] indexes into the
    /// indicators).
    pub outside_obs: Vec<OutsideObs>,
    /// Rows not matched.
    pub unmatched: Vec<Unmatched>,
    /// Inconsistencies between the forecasts, the name sheet and the crosswalk (not errors).
    pub warnings: Vec<String>,
    /// Rows ranked 1 to 30 by `rank_2yr`, in rank order.
    pub top: Vec<TopRow>,
}

/// [`check_release`] with a name sheet. Pure: no file or database is touched, so it is what the
/// fuzz target `ewp` runs.
pub fn check(forecasts: (&str, &[u8]), namesheet: (&str, &[u8]), countries: &[String]) -> Result<Checked, IngestError> {
    check_release(forecasts, Some(namesheet), countries)
}

/// Reads and checks the forecasts file and the name sheet, if any (each given as the name
/// messages use and its bytes), and matches the forecast rows to `countries` (ISO alpha-3
/// codes) through the embedded crosswalk.
pub fn check_release(
    forecasts: (&str, &[u8]),
    namesheet: Option<(&str, &[u8])>,
    countries: &[String],
) -> Result<Checked, IngestError> {
    let (forecasts_label, forecast_bytes) = forecasts;
    let parsed = parse_forecasts(forecasts_label, forecast_bytes)?;
    let sheet = match namesheet {
        Some((label, bytes)) => Some((label, parse_namesheet(label, bytes)?)),
        None => None,
    };
    let crosswalk = Crosswalk::embedded()?;
    let indicators = indicators_for(&parsed);
    let mut warnings = match &sheet {
        Some((label, entries)) => namesheet_warnings(label, entries, &crosswalk),
        None => vec![format!(
            "no name sheet ({NAMESHEET} or {NAMESHEET_SHORT}) beside the forecasts: rows are matched through the crosswalk alone"
        )],
    };
    let matched = Matcher {
        label: forecasts_label,
        sheet: sheet
            .as_ref()
            .map(|(_, entries)| entries.iter().map(|e| (e.ewp_name.as_str(), e.ccode)).collect()),
        crosswalk: &crosswalk,
        index: country_index(countries),
    }
    .run(&parsed, &mut warnings)?;
    let top = top_rows(&parsed, &matched.iso_of_row);
    Ok(Checked {
        year: parsed.year,
        recognised: recognised(&parsed),
        indicators,
        obs: matched.obs,
        rows_read: parsed.rows.len(),
        matched: matched.iso_of_row.len(),
        outside: matched.outside,
        outside_obs: matched.outside_obs,
        unmatched: matched.unmatched,
        warnings,
        top,
    })
}

/// The dataset row of the release in `files`: keyed by the year of the file name's date, or
/// by the first forecast year `year` when the name has no date.
fn dataset_meta(files: &EwpFiles, year: i32, forecast_bytes: &[u8]) -> DatasetMeta {
    let release_year = files.released.map(|(y, _, _)| y).unwrap_or(year);
    let file_name = files
        .forecasts
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    DatasetMeta {
        slug: format!("ewp-{release_year}"),
        title: format!("Early Warning Project Statistical Risk Assessment {release_year}"),
        publisher: PUBLISHER.into(),
        version: files.released.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        url: Some(format!(
            "https://github.com/EarlyWarningProject/{release_year}-Statistical-Risk-Assessment"
        )),
        licence: None,
        file_name,
        file_sha256: sha256_hex(forecast_bytes),
        note: Some(LICENCE_NOTE.into()),
    }
}
