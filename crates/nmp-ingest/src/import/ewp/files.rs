//! Reading the EWP files: the forecasts (one row per country, the columns found by meaning in
//! [`super::columns`], ranks checked or computed in [`super::ranks`]) and the name sheet, every
//! cell checked and every problem reported as `FILE:ROW:COLUMN: message`.

use super::columns::{self, Col, Layout};
use super::ranks;
use crate::IngestError;
use crate::import::{Problems, rows_result};

/// One row of the forecasts file.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// Row number (the header is row 1).
    pub row: usize,
    /// The country name (`ewp_name` or `country`).
    pub ewp_name: String,
    /// The COW code (`ccode` or `COW`).
    pub ccode: u32,
    /// Two-year risk.
    pub risk_2yr: f64,
    /// Its rank: the file's, or computed from the risks (see [`ForecastFile::rank_2yr`]).
    pub rank_2yr: f64,
    /// One-year risk, when the file has it.
    pub risk_1yr: Option<f64>,
    /// Its rank, when the file has the one-year risk.
    pub rank_1yr: Option<f64>,
}

/// Where a rank came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RankSource {
    /// The file's column, which agrees with the risks.
    File(String),
    /// Computed from the risks: the file has no rank column for them.
    Missing,
    /// Computed from the risks: the file's column disagrees with them.
    Disagrees {
        /// The file's column.
        column: String,
        /// The first rows that disagree, as `row R NAME: RANK where the risks give N`.
        examples: Vec<String>,
        /// How many rows disagree.
        total: usize,
    },
}

impl RankSource {
    /// Whether the ranks were computed rather than read.
    pub fn computed(&self) -> bool {
        !matches!(self, RankSource::File(_))
    }

    /// One line for the import report, about the rank of `what`.
    pub fn describe(&self, what: &str) -> String {
        match self {
            RankSource::File(column) => format!("rank of the {what}: read from {column} (agrees with the risks)"),
            RankSource::Missing => {
                format!("rank of the {what}: no rank column, computed from the risks (ties in file order)")
            }
            RankSource::Disagrees {
                column,
                examples,
                total,
            } => format!(
                "rank of the {what}: {column} disagrees with the risks in {total} row(s) ({}), computed from the risks instead (ties in file order)",
                examples.join("; ")
            ),
        }
    }
}

/// The forecasts file, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastFile {
    /// The first forecast year Y.
    pub year: i32,
    /// The columns found, by meaning.
    pub layout: Layout,
    /// Where the two-year ranks came from.
    pub rank_2yr: RankSource,
    /// Where the one-year ranks came from (`None` when the file has no one-year risk).
    pub rank_1yr: Option<RankSource>,
    /// The rows.
    pub rows: Vec<Forecast>,
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

/// How many disagreeing rows a report names.
const EXAMPLES: usize = 3;

/// The ranks of `risks` to keep: those of the file when it has a column that agrees with the
/// risks, else computed ones; and where they came from.
fn resolve_ranks(rows: &[Forecast], risks: &[f64], file_ranks: Option<(&Col, Vec<f64>)>) -> (Vec<f64>, RankSource) {
    let Some((col, ranks)) = file_ranks else {
        return (ranks::ordinal(risks), RankSource::Missing);
    };
    let wrong = ranks::disagreements(risks, &ranks);
    if wrong.is_empty() {
        return (ranks, RankSource::File(col.name.clone()));
    }
    let computed = ranks::ordinal(risks);
    let examples = wrong
        .iter()
        .take(EXAMPLES)
        .map(|&i| {
            format!(
                "row {} {}: {} where the risks give {}",
                rows[i].row, rows[i].ewp_name, ranks[i], computed[i]
            )
        })
        .collect();
    let source = RankSource::Disagrees {
        column: col.name.clone(),
        examples,
        total: wrong.len(),
    };
    (computed, source)
}

/// Parses the forecasts file (`file` names it in messages): its columns are found by meaning
/// ([`super::columns`]), every value that is not a number is reported with its row and column,
/// and ranks the file lacks or that disagree with the risks are computed ([`super::ranks`]).
pub fn parse_forecasts(file: &str, bytes: &[u8]) -> Result<ForecastFile, IngestError> {
    let (mut reader, headers) = open_csv(file, bytes)?;
    let header_names: Vec<&str> = headers.iter().collect();
    let layout = columns::recognise(file, &header_names)?;
    let rank2_col = layout.rank_2yr.as_ref();
    let risk1_col = layout.risk_1yr.as_ref();
    // A one-year rank without a one-year risk is not read: there is nothing to rank.
    let rank1_col = layout.rank_1yr.as_ref().filter(|_| risk1_col.is_some());
    let mut problems = Problems::default();
    let mut rows = Vec::new();
    // The file's rank values, aligned with `rows`, for the rank columns it has.
    let (mut file_rank2, mut file_rank1) = (Vec::new(), Vec::new());
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
        let ewp_name = record.get(layout.name.index).unwrap_or_default().trim().to_string();
        if ewp_name.is_empty() {
            problems.add(file, row, Some(&layout.name.name), || "empty".into());
        }
        let ccode_text = record.get(layout.code.index).unwrap_or_default();
        let ccode = ccode_text.trim().parse::<u32>().ok();
        if ccode.is_none() {
            problems.add(file, row, Some(&layout.code.name), || {
                format!("{ccode_text:?} is not a Correlates of War country code (a whole number)")
            });
        }
        let mut ok = true;
        let mut value = |col: Option<&Col>| -> Option<f64> {
            let col = col?;
            let text = record.get(col.index).unwrap_or_default();
            let v = number(text);
            if v.is_none() {
                ok = false;
                problems.add(file, row, Some(&col.name), || format!("{text:?} is not a number"));
            }
            v
        };
        let risk_2yr = value(Some(&layout.risk_2yr));
        let rank_2yr = value(rank2_col);
        let risk_1yr = value(risk1_col);
        let rank_1yr = value(rank1_col);
        if let (Some(ccode), true, false, Some(risk_2yr)) = (ccode, ok, ewp_name.is_empty(), risk_2yr) {
            file_rank2.extend(rank_2yr);
            file_rank1.extend(rank_1yr);
            rows.push(Forecast {
                row,
                ewp_name,
                ccode,
                risk_2yr,
                rank_2yr: 0.0,
                risk_1yr,
                rank_1yr: None,
            });
        }
    }
    rows_result(problems, file)?;
    let risks2: Vec<f64> = rows.iter().map(|r| r.risk_2yr).collect();
    let (ranks2, rank_2yr) = resolve_ranks(&rows, &risks2, rank2_col.map(|c| (c, file_rank2)));
    let rank_1yr = if risk1_col.is_some() {
        let risks1: Vec<f64> = rows.iter().map(|r| r.risk_1yr.unwrap_or(f64::NAN)).collect();
        let (ranks1, source) = resolve_ranks(&rows, &risks1, rank1_col.map(|c| (c, file_rank1)));
        for (r, v) in rows.iter_mut().zip(ranks1) {
            r.rank_1yr = Some(v);
        }
        Some(source)
    } else {
        None
    };
    for (r, v) in rows.iter_mut().zip(ranks2) {
        r.rank_2yr = v;
    }
    Ok(ForecastFile {
        year: layout.year,
        layout,
        rank_2yr,
        rank_1yr,
        rows,
    })
}

/// One entry of the name sheet (`countrynamesheet_complete.csv` or `countrynamesheet.csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSheetEntry {
    /// Row number (the header is row 1).
    pub row: usize,
    /// `country` (the COW name), when the sheet has it beside `ewp_name`.
    pub country: String,
    /// `ccode` (or `COW`).
    pub ccode: u32,
    /// `ewp_name` (or `country` when that is the only name).
    pub ewp_name: String,
}

/// Parses a name sheet. Its columns are found by meaning, as in the forecasts file: the EWP
/// name is `ewp_name`, else `country`; the code `ccode` or `COW`; `country`, the COW name, is
/// read when there is an `ewp_name` beside it.
pub fn parse_namesheet(file: &str, bytes: &[u8]) -> Result<Vec<NameSheetEntry>, IngestError> {
    let (mut reader, headers) = open_csv(file, bytes)?;
    let position = |names: &[&str], any_case: bool| {
        names.iter().find_map(|n| {
            headers.iter().position(|h| {
                let h = h.trim();
                if any_case { h.eq_ignore_ascii_case(n) } else { h == *n }
            })
        })
    };
    let name_col = position(&columns::NAME_COLUMNS, false);
    let ccode_col = position(&columns::CODE_COLUMNS, true);
    let (Some(name_col), Some(ccode_col)) = (name_col, ccode_col) else {
        return Err(IngestError::File {
            file: file.to_string(),
            line: Some(1),
            message: format!(
                "no column for the country name ({}) or the Correlates of War country code ({}, any case) in the header",
                columns::NAME_COLUMNS.join(", "),
                columns::CODE_COLUMNS.join(", ")
            ),
        });
    };
    let country_col = position(&["country"], false).filter(|c| *c != name_col);
    let code_name = headers.get(ccode_col).unwrap_or("ccode").to_string();
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
                country: country_col
                    .and_then(|c| record.get(c))
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                ccode,
                ewp_name: record.get(name_col).unwrap_or_default().trim().to_string(),
            }),
            Err(_) => problems.add(file, row, Some(&code_name), || {
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
    fn a_file_without_rank_columns_gets_ranks_computed_from_its_risks() {
        // Synthetic test data.
        let text = "country,COW,risk_in_2022,risk_in_2022_23\nA,1,0.1,0.2\nB,2,0.3,0.4\nC,3,0.2,0.4\n";
        let f = parse_forecasts("base2021-run-2022-09-30.csv", text.as_bytes()).unwrap();
        assert_eq!(f.year, 2022);
        assert_eq!(f.rank_2yr, RankSource::Missing);
        let ranks: Vec<(f64, Option<f64>)> = f.rows.iter().map(|r| (r.rank_2yr, r.rank_1yr)).collect();
        assert_eq!(ranks, [(3.0, Some(3.0)), (1.0, Some(1.0)), (2.0, Some(2.0))]);
        assert!(
            f.rank_2yr
                .describe("two-year risk")
                .contains("no rank column, computed")
        );
    }

    #[test]
    fn a_rank_column_that_disagrees_is_replaced_and_reported() {
        // Synthetic test data.
        let text = "ewp_name,ccode,risk.2030and2031.from2029,rank.2030and2031.from2029\nA,1,0.1,1\nB,2,0.3,2\n";
        let f = parse_forecasts("f.csv", text.as_bytes()).unwrap();
        let ranks: Vec<f64> = f.rows.iter().map(|r| r.rank_2yr).collect();
        assert_eq!(ranks, [2.0, 1.0]);
        let RankSource::Disagrees { total, examples, .. } = &f.rank_2yr else {
            panic!("{:?}", f.rank_2yr)
        };
        assert_eq!(*total, 2);
        assert_eq!(examples[0], "row 2 A: 1 where the risks give 2");
        assert_eq!(f.rank_1yr, None, "no one-year risk, no one-year rank");
    }

    #[test]
    fn a_name_sheet_with_only_country_and_cow_is_read() {
        let sheet = parse_namesheet("s.csv", b"country,COW\nKosovo,347\n").unwrap();
        assert_eq!((sheet[0].ewp_name.as_str(), sheet[0].ccode), ("Kosovo", 347));
        let err = parse_namesheet("s.csv", b"name,code\n").unwrap_err().to_string();
        assert!(err.starts_with("s.csv:1: no column for the country name"), "{err}");
    }
}
