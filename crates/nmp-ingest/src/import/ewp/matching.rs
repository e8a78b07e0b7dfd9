//! Matching a release's forecast rows to the countries of the database: through the name sheet
//! (when there is one) and the crosswalk of COW codes, entities outside the 195 states apart, each
//! country at most once; and the top 30 of the matched rows.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::super::crosswalk::Crosswalk;
use super::super::{CountryIndex, Obs, OutsideObs, Problems, rows_result};
use super::{Forecast, ForecastFile, NameSheetEntry, OUTSIDE, Outside, TopRow, Unmatched};
use crate::IngestError;

/// A warning for each name sheet entry the crosswalk does not know.
pub(super) fn namesheet_warnings(label: &str, sheet: &[NameSheetEntry], crosswalk: &Crosswalk) -> Vec<String> {
    let file = Path::new(label)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.to_string());
    let mut warnings = Vec::new();
    for e in sheet {
        if crosswalk.get(&e.ewp_name, e.ccode).is_none() {
            warnings.push(format!(
                "{file}:{}: {} (ccode {}) is not in the crosswalk (data/reference/ewp-crosswalk.csv)",
                e.row, e.ewp_name, e.ccode
            ));
        }
    }
    warnings
}

/// The forecast rows matched to countries: their observations, the rows left out and why, and
/// the ISO code of each matched row.
pub(super) struct Matched {
    pub(super) obs: Vec<Obs>,
    pub(super) outside: Vec<Outside>,
    pub(super) outside_obs: Vec<OutsideObs>,
    pub(super) unmatched: Vec<Unmatched>,
    pub(super) iso_of_row: HashMap<usize, String>,
}

/// Matches forecast rows to the countries of the database through the crosswalk.
pub(super) struct Matcher<'a> {
    /// The forecasts file, as named in messages.
    pub(super) label: &'a str,
    /// `(ewp_name, ccode)` of every name sheet entry, when there is a name sheet.
    pub(super) sheet: Option<HashSet<(&'a str, u32)>>,
    pub(super) crosswalk: &'a Crosswalk,
    pub(super) index: CountryIndex,
}

impl Matcher<'_> {
    /// Matches every row; a country two rows map to is an error naming both.
    pub(super) fn run(&self, parsed: &ForecastFile, warnings: &mut Vec<String>) -> Result<Matched, IngestError> {
        let forecasts_label = self.label;
        let mut unmatched = Vec::new();
        let mut outside = Vec::new();
        let mut outside_obs = Vec::new();
        let mut obs = Vec::new();
        let mut iso_of_row: HashMap<usize, String> = HashMap::new();
        let mut first_row_of: HashMap<u16, usize> = HashMap::new();
        let mut problems = Problems::default();
        for f in &parsed.rows {
            if let Some(sheet) = &self.sheet
                && !sheet.contains(&(f.ewp_name.as_str(), f.ccode))
            {
                warnings.push(format!(
                    "{forecasts_label}:{}: {} (ccode {}) is not in the name sheet",
                    f.row, f.ewp_name, f.ccode
                ));
            }
            if let Some((_, code, note)) = OUTSIDE.iter().find(|(c, _, _)| *c == f.ccode) {
                if let Some(first) = outside.iter().find(|o: &&Outside| o.code == *code) {
                    problems.add(forecasts_label, f.row, Some("ccode"), || {
                        format!("{} maps to {code}, as row {} does", f.ewp_name, first.row)
                    });
                    continue;
                }
                outside.push(Outside {
                    row: f.row,
                    ewp_name: f.ewp_name.clone(),
                    code: (*code).to_string(),
                    risk_2yr: f.risk_2yr,
                    rank_2yr: f.rank_2yr,
                    note: (*note).to_string(),
                });
                let values = [Some(f.risk_2yr), Some(f.rank_2yr), f.risk_1yr, f.rank_1yr];
                for (indicator, value) in (0u16..).zip(values) {
                    let Some(value) = value else { continue };
                    outside_obs.push(OutsideObs {
                        indicator,
                        code: (*code).to_string(),
                        name: f.ewp_name.clone(),
                        year: parsed.year,
                        value,
                        note: (*note).to_string(),
                    });
                }
                continue;
            }
            let iso3 = match self.iso3(f, warnings) {
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
            // In the order of `indicators_for`: risk_2yr, rank_2yr, then risk_1yr, rank_1yr if read.
            let values = [Some(f.risk_2yr), Some(f.rank_2yr), f.risk_1yr, f.rank_1yr];
            for (indicator, value) in (0u16..).zip(values) {
                let Some(value) = value else { continue };
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
            outside,
            outside_obs,
            unmatched,
            iso_of_row,
        })
    }

    /// The ISO code the crosswalk gives the row (by name and code, or by code alone with a
    /// warning when the release spells the name differently), or why it gives none.
    fn iso3(&self, f: &Forecast, warnings: &mut Vec<String>) -> Result<String, String> {
        let crosswalk = self.crosswalk;
        let entry = match crosswalk.get(&f.ewp_name, f.ccode) {
            Some(e) => e,
            None => match (crosswalk.by_code(f.ccode), crosswalk.by_name(&f.ewp_name)) {
                (Some(e), _) => {
                    warnings.push(format!(
                        "{}:{}: {} matched by its code {} (the crosswalk names it {:?})",
                        self.label, f.row, f.ewp_name, f.ccode, e.ewp_name
                    ));
                    e
                }
                (None, Some(e)) => {
                    return Err(format!(
                        "not in the crosswalk (it has {:?} with ccode {})",
                        e.ewp_name, e.ccode
                    ));
                }
                (None, None) => return Err("not in the crosswalk".to_string()),
            },
        };
        match &entry.iso3 {
            Some(iso3) => Ok(iso3.clone()),
            None => Err(entry.note.clone()),
        }
    }
}

/// The rows ranked in the top 30 for the next two years, by rank then name.
pub(super) fn top_rows(parsed: &ForecastFile, iso_of_row: &HashMap<usize, String>) -> Vec<TopRow> {
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
