//! Reading and checking a long-format file (`iso3,year,indicator,value`): every row validated,
//! every problem reported as `FILE:ROW:COLUMN: message`, good rows handed on in batches while
//! none has been found.
//!
//! The parser is built for files of millions of rows: one reused `csv::ByteRecord`, no
//! allocation per row, hash look-ups for countries, codes and duplicate keys, and a compact
//! [`Obs`] per row.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

use crate::IngestError;
use crate::import::{CountryIndex, Obs, Problems, country_index, rows_result};

/// The one accepted header.
pub const HEADER: [&str; 4] = ["iso3", "year", "indicator", "value"];
/// Years accepted.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;
/// Above this many rows, progress is reported every [`PROGRESS_EVERY`] rows.
pub const PROGRESS_ABOVE: usize = 200_000;
/// Progress interval, in rows.
pub const PROGRESS_EVERY: usize = 100_000;
const MAX_CODE_LEN: usize = 100;

/// A validated long-format file.
#[derive(Debug, Clone, PartialEq)]
pub struct LongFile {
    /// Indicator codes in order of first appearance; [`Obs::indicator`] indexes into them.
    pub indicators: Vec<String>,
    /// The observations ([`Obs::country`] indexes into the country list given to the parser).
    pub rows: Vec<Obs>,
    /// Distinct countries.
    pub countries: usize,
    /// Smallest and largest year.
    pub years: Option<(i32, i32)>,
}

/// Hasher for the packed (indicator, country, year) keys: one multiplication instead of SipHash,
/// which matters at a million rows. The keys come from validated fields, not from an adversary
/// who could choose colliding keys.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn parse_year(bytes: &[u8]) -> Option<i32> {
    if bytes.is_empty() || bytes.len() > 4 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0i32, |n, b| n * 10 + i32::from(b - b'0')))
}

fn parse_value(bytes: &[u8]) -> Option<f64> {
    std::str::from_utf8(bytes)
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

fn check_code(bytes: &[u8]) -> Result<String, String> {
    let code = std::str::from_utf8(bytes).map_err(|_| "the indicator code is not valid UTF-8".to_string())?;
    if code.is_empty() {
        return Err("empty (an indicator code is needed)".into());
    }
    if code.len() > MAX_CODE_LEN {
        return Err(format!("indicator code {code:?} is longer than {MAX_CODE_LEN} bytes"));
    }
    if code.trim() != code || code.chars().any(char::is_control) {
        return Err(format!(
            "indicator code {code:?} has spaces at its ends or control characters"
        ));
    }
    Ok(code.to_string())
}

/// Validates a long-format file. `file` names it in messages; `countries` are the accepted ISO
/// codes. `progress` receives a line every [`PROGRESS_EVERY`] rows when the file has more than
/// [`PROGRESS_ABOVE`].
pub fn parse_long(
    file: &str,
    bytes: &[u8],
    countries: &[String],
    progress: &mut (dyn FnMut(&str) + Send),
) -> Result<LongFile, IngestError> {
    parse_long_into(file, bytes, countries, progress, None)
}

/// Where [`parse_long_into`] hands on good rows as it reads them: a batch of rows and the
/// indicator codes known so far (the rows' [`Obs::indicator`] index into them).
pub(super) type Sink<'a> = &'a mut (dyn FnMut(Vec<Obs>, &[String]) + Send);

/// Rows per batch handed to a sink. Small enough that the writer starts early and reading and
/// writing overlap on two cores, large enough that sorting a batch keeps index inserts local
/// (25,000 measured best for a 1,000,000-row file in `bench/run`: 100,000 left the writer idle
/// while the first batch was read).
const SINK_ROWS: usize = 25_000;

/// [`parse_long`], handing the good rows to `sink` in batches while no problem has been found
/// (they are then not kept in [`LongFile::rows`]). A file with problems still ends in the error
/// listing them, so the receiver must be able to undo what it did with the rows.
pub(super) fn parse_long_into(
    file: &str,
    bytes: &[u8],
    countries: &[String],
    progress: &mut (dyn FnMut(&str) + Send),
    mut sink: Option<Sink<'_>>,
) -> Result<LongFile, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let lines = bytes.iter().filter(|&&b| b == b'\n').count();
    let report_progress = lines > PROGRESS_ABOVE;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    check_header(file, &mut reader)?;
    let mut p = LongParser::new(file, countries, lines, sink.is_some());
    let mut record = csv::ByteRecord::new();
    let mut row = 1usize;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => row += 1,
            Ok(false) => break,
            Err(e) => {
                row += 1;
                p.problems.add(file, row, None, || e.to_string());
                continue;
            }
        }
        if report_progress && (row - 1).is_multiple_of(PROGRESS_EVERY) {
            progress(&format!("read {} rows", row - 1));
        }
        p.row(row, &record);
        if p.rows.len() >= SINK_ROWS
            && p.problems.total() == 0
            && let Some(sink) = sink.as_mut()
        {
            sink(
                std::mem::replace(&mut p.rows, Vec::with_capacity(SINK_ROWS)),
                &p.indicators,
            );
        }
    }
    if p.problems.total() == 0
        && !p.rows.is_empty()
        && let Some(sink) = sink.as_mut()
    {
        sink(std::mem::take(&mut p.rows), &p.indicators);
    }
    if report_progress {
        progress(&format!("read {} rows: {} problem(s)", row - 1, p.problems.total()));
    }
    if row == 1 {
        p.problems.add(file, 2, None, || "no data rows after the header".into());
    }
    p.finish()
}

/// The header must be exactly [`HEADER`].
fn check_header(file: &str, reader: &mut csv::Reader<&[u8]>) -> Result<(), IngestError> {
    let header_err = |message: String| IngestError::File {
        file: file.to_string(),
        line: Some(1),
        message,
    };
    let headers = reader.byte_headers().map_err(|e| header_err(e.to_string()))?;
    if headers.is_empty() || (headers.len() == 1 && headers.get(0).is_some_and(<[u8]>::is_empty)) {
        return Err(header_err(format!(
            "the file is empty; expected the header {}",
            HEADER.join(",")
        )));
    }
    if headers.iter().ne(HEADER.iter().map(|h| h.as_bytes())) {
        let found: Vec<String> = headers.iter().map(text).collect();
        return Err(header_err(format!(
            "expected the header {}, found {}",
            HEADER.join(","),
            found.join(",")
        )));
    }
    Ok(())
}

/// The state of one pass over a long-format file: what the rows so far held, and their problems.
struct LongParser<'a> {
    file: &'a str,
    index: CountryIndex,
    problems: Problems,
    codes: HashMap<Box<[u8]>, u16>,
    /// The codes again by index, and the last one used: consecutive rows usually share it.
    codes_by_index: Vec<Box<[u8]>>,
    last_code: Option<u16>,
    indicators: Vec<String>,
    /// Packed (indicator, country, year) → the first row that has it.
    seen: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    rows: Vec<Obs>,
    countries_seen: Vec<bool>,
    years: Option<(i32, i32)>,
}

impl<'a> LongParser<'a> {
    fn new(file: &'a str, countries: &[String], lines: usize, sinking: bool) -> LongParser<'a> {
        LongParser {
            file,
            index: country_index(countries),
            problems: Problems::default(),
            codes: HashMap::new(),
            codes_by_index: Vec::new(),
            last_code: None,
            indicators: Vec::new(),
            seen: HashMap::with_capacity_and_hasher(lines, BuildHasherDefault::default()),
            rows: Vec::with_capacity(if sinking { SINK_ROWS } else { lines }),
            countries_seen: vec![false; countries.len()],
            years: None,
        }
    }

    /// Checks one record (row `row` of the file) and keeps it when it is good.
    fn row(&mut self, row: usize, record: &csv::ByteRecord) {
        if record.len() != HEADER.len() {
            self.problems.add(self.file, row, None, || {
                format!(
                    "expected {} fields ({}), found {}",
                    HEADER.len(),
                    HEADER.join(","),
                    record.len()
                )
            });
            return;
        }
        let field = |i: usize| record.get(i).unwrap_or_default();
        let (iso, code_bytes) = (field(0), field(2));
        let country = self.country(row, iso);
        let year = self.year(row, field(1));
        let indicator = self.indicator(row, code_bytes);
        let value = self.value(row, field(3));
        if let (Some(country), Some(year), Some(indicator), Some(value)) = (country, year, indicator, value) {
            self.keep(
                row,
                iso,
                code_bytes,
                Obs {
                    indicator,
                    country,
                    year,
                    value,
                },
            );
        }
    }

    fn country(&mut self, row: usize, iso: &[u8]) -> Option<u16> {
        let country = self.index.get(iso);
        if country.is_none() {
            self.problems.add(self.file, row, Some("iso3"), || {
                let upper = iso.to_ascii_uppercase();
                match self.index.get(&upper) {
                    Some(_) => format!(
                        "unknown country {:?}: ISO alpha-3 codes are upper case ({})",
                        text(iso),
                        text(&upper)
                    ),
                    _ => format!(
                        "unknown country {:?}: not the ISO alpha-3 code of one of the UN member and observer states",
                        text(iso)
                    ),
                }
            });
        }
        country
    }

    fn year(&mut self, row: usize, year_text: &[u8]) -> Option<i32> {
        match parse_year(year_text) {
            Some(y) if YEARS.contains(&y) => Some(y),
            Some(y) => {
                self.problems.add(self.file, row, Some("year"), || {
                    format!("year {y} is outside {}-{}", YEARS.start(), YEARS.end())
                });
                None
            }
            None => {
                self.problems.add(self.file, row, Some("year"), || {
                    format!(
                        "{:?} is not a year (a whole number from {} to {})",
                        text(year_text),
                        YEARS.start(),
                        YEARS.end()
                    )
                });
                None
            }
        }
    }

    fn indicator(&mut self, row: usize, code_bytes: &[u8]) -> Option<u16> {
        let cached = self.last_code.filter(|&i| {
            self.codes_by_index
                .get(usize::from(i))
                .is_some_and(|c| c.as_ref() == code_bytes)
        });
        if let Some(i) = cached.or_else(|| self.codes.get(code_bytes).copied()) {
            self.last_code = Some(i);
            return Some(i);
        }
        match check_code(code_bytes) {
            Ok(code) => match u16::try_from(self.indicators.len()) {
                Ok(i) if i < u16::MAX => {
                    self.codes.insert(code_bytes.into(), i);
                    self.codes_by_index.push(code_bytes.into());
                    self.last_code = Some(i);
                    self.indicators.push(code);
                    Some(i)
                }
                _ => {
                    self.problems.add(self.file, row, Some("indicator"), || {
                        format!("more than {} distinct indicators", u16::MAX - 1)
                    });
                    None
                }
            },
            Err(message) => {
                self.problems.add(self.file, row, Some("indicator"), || message);
                None
            }
        }
    }

    fn value(&mut self, row: usize, value_text: &[u8]) -> Option<f64> {
        let value = parse_value(value_text);
        if value.is_none() {
            self.problems.add(self.file, row, Some("value"), || {
                if value_text.is_empty() {
                    "empty (a number is needed)".to_string()
                } else {
                    format!("{:?} is not a number", text(value_text))
                }
            });
        }
        value
    }

    /// Keeps a good observation unless its (iso3, year, indicator) came before.
    fn keep(&mut self, row: usize, iso: &[u8], code_bytes: &[u8], obs: Obs) {
        // Year is within 1800-2200, so it fits the low 16 bits.
        let key =
            (u64::from(obs.indicator) << 32) | (u64::from(obs.country) << 16) | u64::from(obs.year.unsigned_abs());
        match self.seen.entry(key) {
            Entry::Occupied(first) => {
                let first = *first.get();
                self.problems.add(self.file, row, Some("indicator"), || {
                    format!(
                        "duplicate of row {first}: {} {} {} appears twice",
                        text(iso),
                        obs.year,
                        text(code_bytes)
                    )
                });
                return;
            }
            Entry::Vacant(slot) => {
                slot.insert(u32::try_from(row).unwrap_or(u32::MAX));
            }
        }
        if let Some(seen_country) = self.countries_seen.get_mut(usize::from(obs.country)) {
            *seen_country = true;
        }
        self.years = Some(match self.years {
            Some((lo, hi)) => (lo.min(obs.year), hi.max(obs.year)),
            None => (obs.year, obs.year),
        });
        self.rows.push(obs);
    }

    /// The checked file, or the error listing every problem.
    fn finish(self) -> Result<LongFile, IngestError> {
        rows_result(self.problems, self.file)?;
        Ok(LongFile {
            indicators: self.indicators,
            rows: self.rows,
            countries: self.countries_seen.iter().filter(|&&s| s).count(),
            years: self.years,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries() -> Vec<String> {
        ["KEN", "UGA", "USA"].iter().map(|s| s.to_string()).collect()
    }

    fn parse(text: &str) -> Result<LongFile, IngestError> {
        parse_long("t.csv", text.as_bytes(), &countries(), &mut |_| {})
    }

    #[test]
    fn a_good_file_parses_with_a_bom_and_crlf() {
        let f =
            parse("\u{feff}iso3,year,indicator,value\r\nKEN,2020,gdp,1.5\r\nUGA,2021,gdp,-2e3\r\nKEN,2020,pop,3\r\n")
                .unwrap();
        assert_eq!(f.indicators, ["gdp", "pop"]);
        assert_eq!(f.rows.len(), 3);
        assert_eq!(f.countries, 2);
        assert_eq!(f.years, Some((2020, 2021)));
        assert_eq!(f.rows[1].value, -2000.0);
    }

    #[test]
    fn every_problem_is_reported_with_row_and_column() {
        let err = parse(
            "iso3,year,indicator,value\nken,2020,gdp,1\nKEN,1799,gdp,1\nKEN,2020,gdp,NaN\nKEN,2020,gdp,1\nKEN,2020,gdp,2\nKEN,20x0,,\nKEN,2020\n",
        )
        .unwrap_err()
        .to_string();
        for expected in [
            "t.csv:2:iso3: unknown country \"ken\": ISO alpha-3 codes are upper case (KEN)",
            "t.csv:3:year: year 1799 is outside 1800-2200",
            "t.csv:4:value: \"NaN\" is not a number",
            "t.csv:6:indicator: duplicate of row 5: KEN 2020 gdp appears twice",
            "t.csv:7:year: \"20x0\" is not a year",
            "t.csv:7:indicator: empty",
            "t.csv:7:value: empty",
            "t.csv:8: expected 4 fields",
        ] {
            assert!(err.contains(expected), "{expected:?} missing from:\n{err}");
        }
        assert!(err.starts_with("t.csv: 8 problem(s)"), "{err}");
    }

    #[test]
    fn a_bad_header_names_the_expected_one() {
        let err = parse("country,year,indicator,value\nKEN,2020,gdp,1\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "t.csv:1: expected the header iso3,year,indicator,value, found country,year,indicator,value"
        );
        let err = parse("").unwrap_err().to_string();
        assert!(err.contains("the file is empty"), "{err}");
        let err = parse("iso3,year,indicator,value\n").unwrap_err().to_string();
        assert!(err.contains("t.csv:2: no data rows after the header"), "{err}");
    }

    #[test]
    fn at_most_fifty_problems_are_listed() {
        let mut text = String::from("iso3,year,indicator,value\n");
        for _ in 0..70 {
            text.push_str("XXX,2020,gdp,1\n");
        }
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.contains("t.csv:51:iso3"), "{err}");
        assert!(!err.contains("t.csv:52:iso3"), "{err}");
        assert!(err.ends_with("and 20 more"), "{err}");
    }
}
