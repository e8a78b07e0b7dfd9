//! Finding the columns of an EWP forecasts file by what they mean, whatever the release calls
//! them.
//!
//! The releases name their columns differently:
//!
//! | meaning | 2023–2025 files | 2019–2022 files |
//! |---|---|---|
//! | country name | `ewp_name`, `country` | `country` |
//! | COW country code | `ccode` | `COW` |
//! | two-year risk | `risk.2024and2025.from2023` | `risk_in_2022_23` |
//! | its rank | `rank.2024and2025.from2023` (2025: `rank.2025and2026.from2025`) | none |
//! | one-year risk | `risk.2024only.from2023` | `risk_in_2022` |
//! | its rank | `riskrank.2024only.from2023` | none |
//!
//! Each header is read as a *measure* (risk or rank), a *forecast window* (first and last year)
//! and, where named, the *base year* of the data (`from<B>`). The forecast year Y is the first
//! year of the latest two-year risk column; the other columns are those of the same window. A
//! rank column may name another base year than its risk column (the 2025 file does): it is
//! still the rank of that window, and the import says so.

use crate::IngestError;
use crate::import::indicators::YEARS;

/// Risk or rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// An estimated probability.
    Risk,
    /// A rank, 1 = highest risk.
    Rank,
}

/// What a forecast column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning {
    /// Risk or rank.
    pub measure: Measure,
    /// First forecast year.
    pub first: i32,
    /// Last forecast year (the first for a one-year forecast).
    pub last: i32,
    /// The base year of the data (`from<B>`), when the name gives it.
    pub from: Option<i32>,
}

/// A year written in at most four digits, within [`YEARS`] (so that its neighbours are years too).
fn year(text: &str) -> Option<i32> {
    let digits = !text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| text.parse().ok())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

/// The second year of `risk_in_2022_23`: two digits in the century of `first` (the year after
/// it when it would fall before), or four digits.
fn second_year(first: i32, text: &str) -> Option<i32> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        let yy: i32 = text.parse().ok()?;
        let y = first - first.rem_euclid(100) + yy;
        let y = if y < first { y + 100 } else { y };
        YEARS.contains(&y).then_some(y)
    } else {
        year(text)
    }
}

/// What the column `header` holds, when it is a forecast column.
pub fn meaning(header: &str) -> Option<Meaning> {
    let h = header.trim();
    if let Some((measure, rest)) = [
        ("riskrank.", Measure::Rank),
        ("rank.", Measure::Rank),
        ("risk.", Measure::Risk),
    ]
    .iter()
    .find_map(|(prefix, m)| h.strip_prefix(prefix).map(|rest| (*m, rest)))
    {
        let (window, from) = match rest.split_once(".from") {
            Some((window, from)) => (window, Some(year(from)?)),
            None => (rest, None),
        };
        let (first, last) = match window.strip_suffix("only") {
            Some(y) => {
                let y = year(y)?;
                (y, y)
            }
            None => {
                let (a, b) = window.split_once("and")?;
                (year(a)?, year(b)?)
            }
        };
        return Some(Meaning {
            measure,
            first,
            last,
            from,
        });
    }
    let (measure, rest) = if let Some(rest) = h.strip_prefix("risk_in_") {
        (Measure::Risk, rest)
    } else {
        (Measure::Rank, h.strip_prefix("rank_in_")?)
    };
    let (first, last) = match rest.split_once('_') {
        Some((a, b)) => {
            let a = year(a)?;
            (a, second_year(a, b)?)
        }
        None => {
            let a = year(rest)?;
            (a, a)
        }
    };
    Some(Meaning {
        measure,
        first,
        last,
        from: None,
    })
}

/// A column of the file: its position and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Col {
    /// Position in the header (0 = first).
    pub index: usize,
    /// The name as the file writes it.
    pub name: String,
}

/// The columns an import reads, found by meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The first forecast year Y.
    pub year: i32,
    /// The base year the two-year risk column names (`from<B>`), when it names one.
    pub base_year: Option<i32>,
    /// The country name.
    pub name: Col,
    /// The COW country code.
    pub code: Col,
    /// The two-year risk (Y and Y+1).
    pub risk_2yr: Col,
    /// Its rank, when the file has one.
    pub rank_2yr: Option<Col>,
    /// The one-year risk (Y), when the file has one.
    pub risk_1yr: Option<Col>,
    /// Its rank, when the file has one.
    pub rank_1yr: Option<Col>,
    /// What is worth saying about the columns found (not errors).
    pub notes: Vec<String>,
}

/// Names accepted for the country name column, in order of preference.
pub const NAME_COLUMNS: [&str; 3] = ["ewp_name", "country", "country_name"];
/// Names accepted for the COW code column (any case), in order of preference.
pub const CODE_COLUMNS: [&str; 4] = ["ccode", "cow", "cowcode", "cown"];
const RISK_2YR_FORMS: &str = "risk.<Y>and<Y+1>.from<B> or risk_in_<Y>_<YY>";

fn find(headers: &[&str], names: &[&str], any_case: bool) -> Option<Col> {
    names.iter().find_map(|want| {
        headers
            .iter()
            .position(|h| {
                let h = h.trim();
                if any_case {
                    h.eq_ignore_ascii_case(want)
                } else {
                    h == *want
                }
            })
            .map(|index| Col {
                index,
                name: headers[index].to_string(),
            })
    })
}

/// The column of `measure` over `first..=last`: the one whose base year is `from` if there is
/// one, else the first found.
fn forecast(
    found: &[(usize, Meaning)],
    headers: &[&str],
    measure: Measure,
    (first, last): (i32, i32),
    from: Option<i32>,
) -> Option<(Col, Meaning)> {
    let candidates: Vec<&(usize, Meaning)> = found
        .iter()
        .filter(|(_, m)| m.measure == measure && m.first == first && m.last == last)
        .collect();
    let pick = candidates
        .iter()
        .find(|(_, m)| m.from == from)
        .or_else(|| candidates.first())?;
    Some((
        Col {
            index: pick.0,
            name: headers[pick.0].to_string(),
        },
        pick.1,
    ))
}

/// A note when a rank column names another base year than its risk column.
fn base_note(rank: &Option<(Col, Meaning)>, risk: &Col, risk_from: Option<i32>) -> Option<String> {
    let (col, m) = rank.as_ref()?;
    (m.from != risk_from).then(|| {
        format!(
            "{} names another base year than {}: read as the rank of the same forecast window",
            col.name, risk.name
        )
    })
}

/// Finds the columns in `headers` (the first row of `file`). A needed column that is missing
/// (name, code, two-year risk) is an error naming every form looked for.
pub fn recognise(file: &str, headers: &[&str]) -> Result<Layout, IngestError> {
    let name = find(headers, &NAME_COLUMNS, false);
    let code = find(headers, &CODE_COLUMNS, true);
    let found: Vec<(usize, Meaning)> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| meaning(h).map(|m| (i, m)))
        .collect();
    let year = found
        .iter()
        .filter(|(_, m)| m.measure == Measure::Risk && m.last == m.first + 1)
        .map(|(_, m)| m.first)
        .max();
    let mut missing = Vec::new();
    if name.is_none() {
        missing.push(format!("the country name ({})", NAME_COLUMNS.join(", ")));
    }
    if code.is_none() {
        missing.push(format!(
            "the Correlates of War country code ({}, any case)",
            CODE_COLUMNS.join(", ")
        ));
    }
    if year.is_none() {
        missing.push(format!(
            "the two-year risk ({RISK_2YR_FORMS}, Y a year from {} to {})",
            YEARS.start(),
            YEARS.end()
        ));
    }
    let (Some(name), Some(code), Some(y)) = (name, code, year) else {
        return Err(IngestError::File {
            file: file.to_string(),
            line: Some(1),
            message: format!("no column for {} in the header", missing.join("; ")),
        });
    };
    // The latest base year among the two-year risk columns of year Y.
    let base_year = found
        .iter()
        .filter(|(_, m)| m.measure == Measure::Risk && m.first == y && m.last == y + 1)
        .filter_map(|(_, m)| m.from)
        .max();
    let (risk_2yr, _) = forecast(&found, headers, Measure::Risk, (y, y + 1), base_year)
        .expect("the forecast year comes from a two-year risk column");
    let rank_2yr = forecast(&found, headers, Measure::Rank, (y, y + 1), base_year);
    let risk_1yr = forecast(&found, headers, Measure::Risk, (y, y), base_year);
    let rank_1yr = forecast(&found, headers, Measure::Rank, (y, y), base_year);
    let mut notes = Vec::new();
    notes.extend(base_note(&rank_2yr, &risk_2yr, base_year));
    if let Some((risk1, m)) = &risk_1yr {
        notes.extend(base_note(&rank_1yr, risk1, m.from));
    }
    Ok(Layout {
        year: y,
        base_year,
        name,
        code,
        risk_2yr,
        rank_2yr: rank_2yr.map(|(c, _)| c),
        risk_1yr: risk_1yr.map(|(c, _)| c),
        rank_1yr: rank_1yr.map(|(c, _)| c),
        notes,
    })
}

impl Layout {
    /// One line per meaning: what was recognised, in which column, or that it is absent.
    pub fn describe(&self) -> Vec<String> {
        let y = self.year;
        let from = self
            .base_year
            .map(|b| format!(" from data through {b}"))
            .unwrap_or_default();
        let opt = |c: &Option<Col>| match c {
            Some(c) => c.name.clone(),
            None => "(none)".into(),
        };
        vec![
            format!("country name: {}", self.name.name),
            format!("COW country code: {}", self.code.name),
            format!("two-year risk {y}-{}{from}: {}", y + 1, self.risk_2yr.name),
            format!("two-year rank column: {}", opt(&self.rank_2yr)),
            format!("one-year risk {y}: {}", opt(&self.risk_1yr)),
            format!("one-year rank column: {}", opt(&self.rank_1yr)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(measure: Measure, first: i32, last: i32, from: Option<i32>) -> Option<Meaning> {
        Some(Meaning {
            measure,
            first,
            last,
            from,
        })
    }

    #[test]
    fn column_names_of_every_release_are_read_by_meaning() {
        use Measure::{Rank, Risk};
        assert_eq!(meaning("risk.2024and2025.from2023"), m(Risk, 2024, 2025, Some(2023)));
        assert_eq!(meaning("rank.2025and2026.from2025"), m(Rank, 2025, 2026, Some(2025)));
        assert_eq!(meaning("riskrank.2024only.from2023"), m(Rank, 2024, 2024, Some(2023)));
        assert_eq!(meaning("risk.2024only.from2023"), m(Risk, 2024, 2024, Some(2023)));
        assert_eq!(meaning("risk_in_2022_23"), m(Risk, 2022, 2023, None));
        assert_eq!(meaning("risk_in_2019"), m(Risk, 2019, 2019, None));
        assert_eq!(meaning("risk_in_2099_00"), m(Risk, 2099, 2100, None));
        assert_eq!(meaning("rank_in_2022_2023"), m(Rank, 2022, 2023, None));
        for not_forecast in [
            "risk.+2024and2025.from2023",
            "riskrank",
            "risk_in_",
            "ccode",
            "risk.2024and2025.fromX",
        ] {
            assert_eq!(meaning(not_forecast), None, "{not_forecast}");
        }
        assert_eq!(meaning("risk.2147483647and-2147483648.from2147483646"), None);
    }

    #[test]
    fn the_2025_rank_column_naming_its_own_year_is_recognised_with_a_note() {
        let headers = [
            "",
            "ewp_name",
            "risk.2025and2026.from2024",
            "rank.2025and2026.from2025",
            "risk.2025only.from2024",
            "riskrank.2025only.from2024",
            "risk.2024and2025.from2023",
            "rank.2024and2025.from2023",
            "ccode",
        ];
        let l = recognise("f.csv", &headers).unwrap();
        assert_eq!((l.year, l.base_year), (2025, Some(2024)));
        assert_eq!(l.rank_2yr.as_ref().map(|c| c.index), Some(3));
        assert_eq!(
            l.rank_1yr.as_ref().map(|c| c.name.as_str()),
            Some("riskrank.2025only.from2024")
        );
        assert_eq!(l.notes.len(), 1, "{:?}", l.notes);
        assert!(l.notes[0].starts_with("rank.2025and2026.from2025 names another base year"));
    }

    #[test]
    fn the_2022_layout_has_no_ranks_and_names_its_code_cow() {
        let headers = [
            "country",
            "SFTGcode",
            "COW",
            "risk_in_2022",
            "risk_in_2022_23",
            "anymk.ongoing",
        ];
        let l = recognise("base2021-run.csv", &headers).unwrap();
        assert_eq!((l.year, l.base_year), (2022, None));
        assert_eq!((l.name.name.as_str(), l.code.name.as_str()), ("country", "COW"));
        assert_eq!(l.risk_2yr.index, 4);
        assert_eq!(l.risk_1yr.as_ref().map(|c| c.index), Some(3));
        assert_eq!((l.rank_2yr.clone(), l.rank_1yr.clone()), (None, None));
        let text = l.describe().join("\n");
        assert!(text.contains("two-year rank column: (none)"), "{text}");
    }

    #[test]
    fn missing_needed_columns_are_named_together() {
        let err = recognise("x.csv", &["name", "rank.2024and2025.from2023"])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.csv:1:"), "{err}");
        assert!(
            err.contains("the country name (ewp_name, country, country_name)"),
            "{err}"
        );
        assert!(
            err.contains("the Correlates of War country code (ccode, cow, cowcode, cown"),
            "{err}"
        );
        assert!(
            err.contains("the two-year risk (risk.<Y>and<Y+1>.from<B> or risk_in_<Y>_<YY>"),
            "{err}"
        );
    }
}
