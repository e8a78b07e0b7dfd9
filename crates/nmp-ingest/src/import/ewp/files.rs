//! Reading the two EWP files: the forecasts (one row per country, the forecast year found from
//! the header) and the name sheet, every cell checked and every problem reported as
//! `FILE:ROW:COLUMN: message`.

use crate::IngestError;
use crate::import::indicators::YEARS;
use crate::import::{Problems, rows_result};

/// One row of the forecasts file.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// Row number (the header is row 1).
    pub row: usize,
    /// `ewp_name`.
    pub ewp_name: String,
    /// `ccode`.
    pub ccode: u32,
    /// Two-year risk.
    pub risk_2yr: f64,
    /// Its rank.
    pub rank_2yr: f64,
    /// One-year risk.
    pub risk_1yr: f64,
    /// Its rank.
    pub rank_1yr: f64,
}

/// The forecasts file, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastFile {
    /// The first forecast year Y.
    pub year: i32,
    /// The columns read for `risk_2yr`, `rank_2yr`, `risk_1yr`, `rank_1yr`.
    pub columns: [String; 4],
    /// The rows.
    pub rows: Vec<Forecast>,
}

/// The forecast year: the latest Y with a `risk.<Y>and<Y+1>.from<Y-1>` column, where each year
/// is written in digits and lies within [`YEARS`] (so that Y + 1 and Y - 1 are years too).
fn forecast_year<'a>(headers: impl Iterator<Item = &'a str>) -> Option<i32> {
    let year = |text: &str| -> Option<i32> {
        let digits = !text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit());
        digits
            .then(|| text.parse().ok())
            .flatten()
            .filter(|y| YEARS.contains(y))
    };
    headers
        .filter_map(|h| {
            let rest = h.strip_prefix("risk.")?;
            let (first, rest) = rest.split_once("and")?;
            let (second, from) = rest.split_once(".from")?;
            let (y, y1, y0) = (year(first)?, year(second)?, year(from)?);
            (y1 == y + 1 && y0 == y - 1).then_some(y)
        })
        .max()
}

/// Column names of the four indicators for forecast year `y`.
pub fn columns_for(y: i32) -> [String; 4] {
    [
        format!("risk.{y}and{}.from{}", y + 1, y - 1),
        format!("rank.{y}and{}.from{}", y + 1, y - 1),
        format!("risk.{y}only.from{}", y - 1),
        format!("riskrank.{y}only.from{}", y - 1),
    ]
}

fn column(headers: &csv::StringRecord, file: &str, name: &str) -> Result<usize, IngestError> {
    headers.iter().position(|h| h == name).ok_or_else(|| IngestError::File {
        file: file.to_string(),
        line: Some(1),
        message: format!("no column {name:?} in the header"),
    })
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A CSV reader over `bytes` and its header row; a header that cannot be read is reported as
/// line 1 of `file`.
fn open_csv<'a>(file: &str, bytes: &'a [u8]) -> Result<(csv::Reader<&'a [u8]>, csv::StringRecord), IngestError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| IngestError::File {
            file: file.to_string(),
            line: Some(1),
            message: e.to_string(),
        })?
        .clone();
    Ok((reader, headers))
}

/// Parses the forecasts file (`file` names it in messages). Every value that is not a number is
/// reported, with its row and column.
pub fn parse_forecasts(file: &str, bytes: &[u8]) -> Result<ForecastFile, IngestError> {
    let (mut reader, headers) = open_csv(file, bytes)?;
    let year = forecast_year(headers.iter()).ok_or_else(|| IngestError::File {
        file: file.to_string(),
        line: Some(1),
        message: format!(
            "no column like risk.<Y>and<Y+1>.from<Y-1> (the two-year risk, Y a year from {} to {}) in the header",
            YEARS.start(),
            YEARS.end()
        ),
    })?;
    let columns = columns_for(year);
    let name_col = column(&headers, file, "ewp_name")?;
    let ccode_col = column(&headers, file, "ccode")?;
    let mut value_cols = [0usize; 4];
    for (slot, name) in value_cols.iter_mut().zip(&columns) {
        *slot = column(&headers, file, name)?;
    }
    let mut problems = Problems::default();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.add(file, row, None, || e.to_string());
                continue;
            }
        };
        if record.len() != headers.len() {
            problems.add(file, row, None, || {
                format!("{} fields where the header has {}", record.len(), headers.len())
            });
            continue;
        }
        let ewp_name = record.get(name_col).unwrap_or_default().trim().to_string();
        if ewp_name.is_empty() {
            problems.add(file, row, Some("ewp_name"), || "empty".into());
        }
        let ccode_text = record.get(ccode_col).unwrap_or_default();
        let ccode = ccode_text.trim().parse::<u32>().ok();
        if ccode.is_none() {
            problems.add(file, row, Some("ccode"), || {
                format!("{ccode_text:?} is not a Correlates of War country code (a whole number)")
            });
        }
        let mut values = [0f64; 4];
        let mut ok = true;
        for ((value, &col), name) in values.iter_mut().zip(&value_cols).zip(&columns) {
            let text = record.get(col).unwrap_or_default();
            match number(text) {
                Some(v) => *value = v,
                None => {
                    ok = false;
                    problems.add(file, row, Some(name), || format!("{text:?} is not a number"));
                }
            }
        }
        if let (Some(ccode), true, false) = (ccode, ok, ewp_name.is_empty()) {
            let [risk_2yr, rank_2yr, risk_1yr, rank_1yr] = values;
            rows.push(Forecast {
                row,
                ewp_name,
                ccode,
                risk_2yr,
                rank_2yr,
                risk_1yr,
                rank_1yr,
            });
        }
    }
    rows_result(problems, file)?;
    Ok(ForecastFile { year, columns, rows })
}

/// One entry of `countrynamesheet_complete.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSheetEntry {
    /// Row number (the header is row 1).
    pub row: usize,
    /// `country` (the COW name).
    pub country: String,
    /// `ccode`.
    pub ccode: u32,
    /// `ewp_name`.
    pub ewp_name: String,
}

/// Parses the name sheet.
pub fn parse_namesheet(file: &str, bytes: &[u8]) -> Result<Vec<NameSheetEntry>, IngestError> {
    let (mut reader, headers) = open_csv(file, bytes)?;
    let country_col = column(&headers, file, "country")?;
    let ccode_col = column(&headers, file, "ccode")?;
    let name_col = column(&headers, file, "ewp_name")?;
    let mut problems = Problems::default();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.add(file, row, None, || e.to_string());
                continue;
            }
        };
        let ccode_text = record.get(ccode_col).unwrap_or_default();
        match ccode_text.trim().parse::<u32>() {
            Ok(ccode) => out.push(NameSheetEntry {
                row,
                country: record.get(country_col).unwrap_or_default().trim().to_string(),
                ccode,
                ewp_name: record.get(name_col).unwrap_or_default().trim().to_string(),
            }),
            Err(_) => problems.add(file, row, Some("ccode"), || {
                format!("{ccode_text:?} is not a Correlates of War country code (a whole number)")
            }),
        }
    }
    rows_result(problems, file)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forecast_year_is_the_latest_two_year_risk_column() {
        let headers = [
            "",
            "ewp_name",
            "risk.2024and2025.from2023",
            "risk.2023and2024.from2022",
            "risk.2024only.from2023",
        ];
        assert_eq!(forecast_year(headers.into_iter()), Some(2024));
        assert_eq!(forecast_year(["risk.2024and2026.from2023"].into_iter()), None);
        // Years are digits within 1800-2200: no sign, and no year whose neighbours overflow.
        assert_eq!(forecast_year(["risk.+2024and2025.from2023"].into_iter()), None);
        assert_eq!(
            forecast_year(["risk.2147483647and-2147483648.from2147483646"].into_iter()),
            None
        );
        assert_eq!(columns_for(2024)[3], "riskrank.2024only.from2023");
    }
}
