//! Spreadsheets in and out: CSV and XLSX files as plain tables of text, so that imports and exports
//! handle both formats with one code path.
//!
//! - [`read`] turns a file's bytes into [`Table`]s (one per worksheet; a CSV file is one table),
//!   every cell as text, every row with its number as the spreadsheet shows it (the header is
//!   row 1). The format is taken from the file name's extension and checked against the bytes, so
//!   a CSV file renamed `.xlsx` (or the other way round) is a clear error, not garbage. An XLSX
//!   workbook's package is checked before it is opened ([`nmp_core::upload::package`]): one that
//!   would expand to an implausible size (a "zip bomb") or carries another archive is refused.
//! - [`write`] writes tables as CSV or as an XLSX workbook (header notes, drop-down lists, a frozen
//!   header row), for exports and import templates alike.

pub mod write;

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};
use nmp_core::upload::package::{self, Package, PackageProblem};

use crate::IngestError;

/// Most data rows a file may have.
pub const MAX_ROWS: usize = 100_000;
/// Most columns a table may have.
pub const MAX_COLUMNS: usize = 200;

/// The two spreadsheet formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, UTF-8.
    Csv,
    /// An Office Open XML workbook.
    Xlsx,
}

impl Format {
    /// The format a file name's extension says (`.csv`, `.xlsx`, any case).
    pub fn of_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else if lower.ends_with(".xlsx") {
            Some(Format::Xlsx)
        } else {
            None
        }
    }

    /// `csv` or `xlsx`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format named `csv` or `xlsx`.
    pub fn parse(text: &str) -> Option<Format> {
        match text.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The HTTP content type of files in this format.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// One data row: its number in the spreadsheet (the header is row 1) and its cells as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based row number, as a spreadsheet program shows it.
    pub number: usize,
    /// The cells, left to right, as text (empty for an empty cell).
    pub cells: Vec<String>,
}

impl Row {
    /// Whether every cell is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A table read from a file: a worksheet of a workbook, or the whole of a CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The worksheet's name (for a CSV file, the file name without its extension).
    pub sheet: String,
    /// The header row's cells.
    pub header: Vec<String>,
    /// The rows under the header, blank rows included (callers skip them).
    pub rows: Vec<Row>,
}

/// The spreadsheet name of column `index` (0 → `A`, 26 → `AA`).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

fn file_error(file: &str, message: impl Into<String>) -> IngestError {
    IngestError::File {
        file: file.to_string(),
        line: None,
        message: message.into(),
    }
}

/// Whether `bytes` start like a ZIP archive (which every XLSX workbook is).
fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the tables of a file named `file` (its extension says the format) from `bytes`.
pub fn read(file: &str, bytes: &[u8]) -> Result<Vec<Table>, IngestError> {
    match Format::of_name(file) {
        Some(Format::Csv) => {
            if looks_like_zip(bytes) {
                return Err(file_error(
                    file,
                    "the file is named .csv but holds a ZIP archive (an XLSX workbook?); rename it to .xlsx, or save it as CSV",
                ));
            }
            let sheet = file
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(file)
                .rsplit_once('.')
                .map_or(file, |(stem, _)| stem)
                .to_string();
            Ok(vec![read_csv(file, &sheet, bytes)?])
        }
        Some(Format::Xlsx) => {
            if !looks_like_zip(bytes) {
                let hint = if bytes.is_empty() {
                    "the file is empty".to_string()
                } else if std::str::from_utf8(&bytes[..bytes.len().min(4096)]).is_ok() {
                    "it holds plain text (a CSV file renamed .xlsx?); rename it to .csv, or open it in a spreadsheet program and save it as an Excel workbook (.xlsx)".to_string()
                } else {
                    "it is not an Excel workbook (an old .xls file?); save it as an Excel workbook (.xlsx) or as CSV"
                        .to_string()
                };
                return Err(file_error(
                    file,
                    format!("the file is named .xlsx but is not an XLSX workbook: {hint}"),
                ));
            }
            read_xlsx(file, bytes)
        }
        None => Err(file_error(
            file,
            "the file name must end in .csv or .xlsx (the extension says how to read it)",
        )),
    }
}

fn read_csv(file: &str, sheet: &str, bytes: &[u8]) -> Result<Table, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut header: Option<Vec<String>> = None;
    loop {
        let more = reader.read_byte_record(&mut record).map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            IngestError::File {
                file: file.to_string(),
                line,
                message: format!("not readable as CSV: {e}"),
            }
        })?;
        if !more {
            break;
        }
        let line = record.position().map_or(rows.len() + 2, |p| p.line() as usize);
        let mut cells = Vec::with_capacity(record.len());
        for (i, cell) in record.iter().enumerate() {
            let text = std::str::from_utf8(cell).map_err(|_| IngestError::File {
                file: file.to_string(),
                line: Some(line),
                message: format!(
                    "column {} is not UTF-8 text; save the file as CSV UTF-8",
                    column_letter(i)
                ),
            })?;
            if i >= MAX_COLUMNS && !text.trim().is_empty() {
                return Err(IngestError::File {
                    file: file.to_string(),
                    line: Some(line),
                    message: format!(
                        "a value in column {}, beyond column {} (a table may have at most {MAX_COLUMNS} columns)",
                        column_letter(i),
                        column_letter(MAX_COLUMNS - 1)
                    ),
                });
            }
            cells.push(text.to_string());
        }
        match header {
            None => header = Some(cells),
            Some(_) => {
                if rows.len() >= MAX_ROWS {
                    return Err(too_many_rows(file, sheet));
                }
                // The row number a spreadsheet program shows: records are counted, not lines
                // (a quoted cell may span lines).
                rows.push(Row {
                    number: rows.len() + 2,
                    cells,
                });
            }
        }
    }
    Ok(Table {
        sheet: sheet.to_string(),
        header: header.unwrap_or_default(),
        rows,
    })
}

fn too_many_rows(file: &str, sheet: &str) -> IngestError {
    file_error(
        file,
        format!("sheet {sheet:?} has more than {MAX_ROWS} data rows; split it into smaller files"),
    )
}

fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Vec<Table>, IngestError> {
    // The package first, from its directory alone: no "zip bomb", no archive inside. What
    // calamine then inflates is bounded too: the `zip` crate stops each part at the size the
    // directory declares, and those were just checked.
    package::check(bytes, Package::Xlsx).map_err(|problem| match problem {
        PackageProblem::NotThePackage(_) => file_error(
            file,
            "the file is named .xlsx but is not an XLSX workbook (no xl/ inside: a Word document or another ZIP file?)",
        ),
        PackageProblem::Damaged(why) => file_error(file, format!("not a readable XLSX workbook: {why}")),
        problem => file_error(file, format!("the workbook was refused: {problem}")),
    })?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| file_error(file, format!("not a readable XLSX workbook: {e}")))?;
    let mut tables = Vec::new();
    for sheet in book.sheet_names() {
        let cells = sheet_cells(&mut book, file, &sheet)?;
        let mut header = Vec::new();
        let mut rows = Vec::with_capacity(cells.len());
        for (index, row) in cells {
            let mut texts = Vec::new();
            for (column, text) in row {
                texts.resize(column, String::new());
                texts.push(text);
            }
            while texts.last().is_some_and(String::is_empty) {
                texts.pop();
            }
            if index == 0 {
                header = texts;
            } else {
                rows.push(Row {
                    number: index + 1,
                    cells: texts,
                });
            }
        }
        tables.push(Table { sheet, header, rows });
    }
    Ok(tables)
}

/// The cells of a worksheet that hold a value, as text, by 0-based row and column. A value
/// beyond [`MAX_ROWS`] data rows or [`MAX_COLUMNS`] columns is refused as soon as it is read, so
/// a small file that names a far cell (`XFD1048576`) costs no more memory than its values.
fn sheet_cells(
    book: &mut Xlsx<Cursor<&[u8]>>,
    file: &str,
    sheet: &str,
) -> Result<BTreeMap<usize, BTreeMap<usize, String>>, IngestError> {
    let unreadable = |e: XlsxError| file_error(file, format!("sheet {sheet:?} is not readable: {e}"));
    let mut reader = match book.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        // A chart sheet or a dialog sheet: no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(BTreeMap::new()),
        Err(e) => return Err(unreadable(e)),
    };
    let mut cells: BTreeMap<usize, BTreeMap<usize, String>> = BTreeMap::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let value = cell.get_value();
        if *value == DataRef::Empty {
            continue;
        }
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        let at = || format!("sheet {sheet:?}, row {}, column {}", row + 1, column_letter(column));
        if row > MAX_ROWS {
            return Err(too_many_rows(file, sheet));
        }
        if column >= MAX_COLUMNS {
            return Err(file_error(
                file,
                format!(
                    "{}: a value beyond column {} (a table may have at most {MAX_COLUMNS} columns)",
                    at(),
                    column_letter(MAX_COLUMNS - 1)
                ),
            ));
        }
        let text = cell_text(&Data::from(value.clone()))
            .map_err(|message| file_error(file, format!("{}: {message}", at())))?;
        cells.entry(row).or_default().insert(column, text);
    }
    Ok(cells)
}

/// A cell's value as the text an import parses: numbers without a needless `.0`, dates as ISO
/// 8601, booleans as `true`/`false`. A formula error (`#N/A`) is refused.
fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_date_text(d.as_f64(), d.is_datetime()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(format!("the cell holds the error {e}; enter a value")),
    })
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// An Excel serial date (days since 1899-12-30) as `YYYY-MM-DD` (with the time when it has one).
fn excel_date_text(serial: f64, is_datetime: bool) -> String {
    let epoch = time::Date::from_calendar_date(1899, time::Month::December, 30).expect("a valid date");
    let days = serial.floor() as i64;
    let Some(date) = epoch.checked_add(time::Duration::days(days)) else {
        return float_text(serial);
    };
    let text = format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day());
    let seconds = ((serial - serial.floor()) * 86_400.0).round() as i64;
    if is_datetime && seconds > 0 {
        format!(
            "{text}T{:02}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_like_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn csv_rows_keep_their_spreadsheet_numbers() {
        let t = read("x.csv", "a,b\n1,\"two\nlines\"\n\n3,4,5\n".as_bytes()).unwrap();
        assert_eq!(t[0].sheet, "x");
        assert_eq!(t[0].header, ["a", "b"]);
        let numbers: Vec<usize> = t[0].rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 3]);
        assert_eq!(t[0].rows[0].cells[1], "two\nlines");
        assert_eq!(t[0].rows[1].cells, ["3", "4", "5"]);
    }

    #[test]
    fn a_file_that_is_not_what_its_name_says_is_refused() {
        let err = read("data.xlsx", b"slug,name\nx,y\n").unwrap_err().to_string();
        assert!(
            err.contains("data.xlsx") && err.contains("CSV file renamed .xlsx"),
            "{err}"
        );
        let err = read("data.csv", b"PK\x03\x04rest").unwrap_err().to_string();
        assert!(err.contains("ZIP archive"), "{err}");
        let err = read("data.txt", b"a").unwrap_err().to_string();
        assert!(err.contains(".csv or .xlsx"), "{err}");
        let err = read("data.xlsx", b"PK\x03\x04not really a zip")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a readable XLSX workbook"), "{err}");
    }

    /// A workbook of `rows` rows of synthetic cells, written as a spreadsheet program would.
    fn workbook(rows: u32) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for r in 0..rows {
            for c in 0..5u16 {
                sheet.write_number(r, c, f64::from(r) * 10.0 + f64::from(c)).unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbook_whose_directory_lies_about_a_part_stops_at_the_declared_size() {
        let honest = workbook(20_000);
        assert_eq!(read("synthetic.xlsx", &honest).unwrap()[0].rows.len(), 19_999);
        // The directory says the sheet is 1,000 bytes: the check believes it (nothing to
        // refuse), and the reader stops there instead of inflating megabytes.
        let mut lying = honest.clone();
        let name = b"xl/worksheets/sheet1.xml";
        let mut patched = 0;
        for at in 0..lying.len().saturating_sub(46) {
            let sig = &lying[at..at + 4];
            let (name_at, size_at) = match sig {
                b"PK\x01\x02" => (at + 46, at + 24),
                b"PK\x03\x04" => (at + 30, at + 22),
                _ => continue,
            };
            if lying.get(name_at..name_at + name.len()) == Some(name.as_slice()) {
                let declared = u32::from_le_bytes(lying[size_at..size_at + 4].try_into().unwrap());
                if declared != 0 {
                    assert!(declared > 1_000_000, "the sheet is {declared} bytes");
                    lying[size_at..size_at + 4].copy_from_slice(&1000u32.to_le_bytes());
                    patched += 1;
                }
            }
        }
        assert!(patched >= 1);
        let err = read("synthetic.xlsx", &lying).unwrap_err().to_string();
        assert!(err.starts_with("synthetic.xlsx: "), "{err}");
    }

    #[test]
    fn csv_that_is_not_utf8_names_the_line_and_column() {
        let err = read("latin.csv", b"a,b\nx,caf\xe9\n").unwrap_err().to_string();
        assert!(err.contains("latin.csv:2") && err.contains("column B"), "{err}");
    }

    /// A workbook of one sheet with a header cell and one value at (`row`, `column`), 0-based.
    fn workbook_with_value_at(row: u32, column: u16) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("mechanisms").unwrap();
        sheet.write_string(0, 0, "slug").unwrap();
        sheet.write_string(row, column, "far").unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_far_cell_is_refused_without_allocating_the_cells_up_to_it() {
        // Found by fuzzing's harness: reading the sheet as one range allocated every cell from A1
        // to XFD1048576 (512 GB) and aborted the process.
        let err = read("far.xlsx", &workbook_with_value_at(1_048_575, 16_383))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("far.xlsx") && err.contains("more than 100000 data rows"),
            "{err}"
        );
        let err = read("wide.xlsx", &workbook_with_value_at(3, 16_383))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("sheet \"mechanisms\", row 4, column XFD") && err.contains("at most 200 columns"),
            "{err}"
        );
        let tables = read("ok.xlsx", &workbook_with_value_at(100_000, 199)).unwrap();
        assert_eq!(tables[0].header, ["slug"]);
        assert_eq!(tables[0].rows.len(), 1);
        assert_eq!(tables[0].rows[0].number, 100_001);
        assert_eq!(tables[0].rows[0].cells.len(), 200);
        let err = read("wide.csv", format!("a\n{}x\n", ",".repeat(200)).as_bytes())
            .unwrap_err()
            .to_string();
        assert!(err.contains("wide.csv:2") && err.contains("column GS"), "{err}");
        assert!(read("trailing.csv", format!("a\nb{}\n", ",".repeat(300)).as_bytes()).is_ok());
    }

    #[test]
    fn excel_numbers_and_dates_read_as_plain_text() {
        assert_eq!(cell_text(&Data::Float(2012.0)).unwrap(), "2012");
        assert_eq!(cell_text(&Data::Float(0.25)).unwrap(), "0.25");
        assert_eq!(excel_date_text(45_292.0, false), "2024-01-01");
        assert_eq!(excel_date_text(45_292.5, true), "2024-01-01T12:00:00");
    }
}
