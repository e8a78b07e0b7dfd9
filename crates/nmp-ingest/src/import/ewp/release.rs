//! Where a release's files are: the forecasts file (one per directory, named by one of the two
//! layouts EWP has used) and the optional name sheet, and the release date a file name gives.

use std::path::{Path, PathBuf};

use crate::IngestError;

/// The name sheet's file name.
pub const NAMESHEET: &str = "countrynamesheet_complete.csv";
/// The name sheet's other file name (the 2025 release has both).
pub const NAMESHEET_SHORT: &str = "countrynamesheet.csv";
const FORECASTS_PREFIX: &str = "final_forecasts_data_";
pub(super) const FORECASTS_FORMS: &str = "final_forecasts_data_*.csv or base<YEAR>-run-<YYYY-MM-DD>.csv";
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The files of an EWP directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EwpFiles {
    /// The forecasts file.
    pub forecasts: PathBuf,
    /// The name sheet, when there is one.
    pub namesheet: Option<PathBuf>,
    /// Release date from the forecasts file name (year, month, day), when the name has one.
    pub released: Option<(i32, u8, u8)>,
}

/// Whether `name` is a forecasts file name of some release.
fn is_forecasts(name: &str) -> bool {
    name.ends_with(".csv")
        && (name.starts_with(FORECASTS_PREFIX)
            || name
                .strip_prefix("base")
                .and_then(|rest| rest.split_once("-run-"))
                .is_some_and(|(year, _)| !year.is_empty() && year.bytes().all(|b| b.is_ascii_digit())))
}

/// Finds the forecasts file (exactly one) and the name sheet, if any, in `dir`.
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
        if is_forecasts(&name) {
            forecasts.push(entry.path());
        }
    }
    forecasts.sort();
    let forecasts = match forecasts.len() {
        0 => return Err(dir_err(format!("no forecasts file here ({FORECASTS_FORMS})"))),
        1 => forecasts.remove(0),
        n => {
            let names: Vec<String> = forecasts
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            return Err(dir_err(format!(
                "{n} forecasts files here ({}); keep exactly one ({FORECASTS_FORMS})",
                names.join(", ")
            )));
        }
    };
    let name = forecasts
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let namesheet = [NAMESHEET, NAMESHEET_SHORT]
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file());
    Ok(EwpFiles {
        released: release_date(&name),
        forecasts,
        namesheet,
    })
}

/// The date in a forecasts file name: `final_forecasts_data_10Oct2024.csv` → (2024, 10, 10),
/// `base2021-run-2022-09-30.csv` → (2022, 9, 30); `None` when the name has no valid date.
pub fn release_date(file_name: &str) -> Option<(i32, u8, u8)> {
    let valid = |year: i32, month: u8, day: u8| {
        time::Month::try_from(month)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(year, m, day).ok())
            .map(|_| (year, month, day))
    };
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = file_name.strip_prefix("base") {
        let date = rest.split_once("-run-")?.1.strip_suffix(".csv")?;
        let mut parts = date.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return None;
        }
        return valid(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    let text = file_name.strip_prefix(FORECASTS_PREFIX)?.strip_suffix(".csv")?;
    let day_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let (day, rest) = text.split_at(day_len);
    let day: u8 = day.parse().ok()?;
    let month = rest.get(..3)?;
    let year = rest.get(3..)?;
    if !digits(year, 4) {
        return None;
    }
    let month_index = MONTHS.iter().position(|m| *m == month)?;
    valid(year.parse().ok()?, u8::try_from(month_index + 1).ok()?, day)
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
        assert_eq!(release_date("final_forecasts_data_9Nov_hackregion.csv"), None);
        assert_eq!(release_date("base2021-run-2022-09-30.csv"), Some((2022, 9, 30)));
        assert_eq!(release_date("base2018-run-2019-02-30.csv"), None);
        assert!(
            is_forecasts("base2018-run-2019-09-19.csv") && is_forecasts("final_forecasts_data_9Nov_hackregion.csv")
        );
        assert!(!is_forecasts("base-run-2019-09-19.csv") && !is_forecasts("prepared2023predictors-2024-10-10.csv"));
    }
}
