//! Writing tables as CSV or as an XLSX workbook. One small module for every download the platform
//! offers as a spreadsheet (record exports, import templates, and any other table): callers
//! describe the sheets, this module writes the bytes.
//!
//! In a workbook every header cell is bold and may carry a note (the column's meaning); a column
//! may offer a drop-down list of accepted values (kept on a hidden `lists` sheet, so lists of any
//! length work); the header row is frozen. An optional README sheet comes first.

use rust_xlsxwriter::{DataValidation, Format as CellFormat, Formula, Note, Workbook, XlsxError};

use super::{MAX_ROWS, column_letter};
use crate::IngestError;

/// The name of the hidden sheet that holds the drop-down lists.
pub const LISTS_SHEET: &str = "lists";
/// The name of the sheet that explains the workbook.
pub const README_SHEET: &str = "README";

/// One column of a sheet to write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnOut {
    /// The header cell.
    pub name: String,
    /// A note on the header cell (XLSX only): what the column means.
    pub note: Option<String>,
    /// Values offered in a drop-down list under the header (XLSX only).
    pub choices: Vec<String>,
}

impl ColumnOut {
    /// A column with only a name.
    pub fn named(name: impl Into<String>) -> ColumnOut {
        ColumnOut {
            name: name.into(),
            ..ColumnOut::default()
        }
    }
}

/// A sheet to write: its name, columns and rows of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetOut {
    /// The worksheet's name (at most 31 characters).
    pub name: String,
    /// The columns.
    pub columns: Vec<ColumnOut>,
    /// The rows, each with one text per column.
    pub rows: Vec<Vec<String>>,
}

/// The sheet as CSV (UTF-8, header first, `\n` line ends), the same columns and rows.
pub fn csv(sheet: &SheetOut) -> Result<Vec<u8>, IngestError> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let failed = |e: csv::Error| IngestError::Write {
        path: format!("{}.csv", sheet.name),
        message: e.to_string(),
    };
    out.write_record(sheet.columns.iter().map(|c| c.name.as_str()))
        .map_err(failed)?;
    for row in &sheet.rows {
        out.write_record(row).map_err(failed)?;
    }
    out.into_inner().map_err(|e| IngestError::Write {
        path: format!("{}.csv", sheet.name),
        message: e.to_string(),
    })
}

fn xlsx_failed(e: XlsxError) -> IngestError {
    IngestError::Write {
        path: "workbook".into(),
        message: e.to_string(),
    }
}

/// The sheets as one XLSX workbook, after a README sheet with `readme`'s lines when it has any.
pub fn xlsx(sheets: &[SheetOut], readme: &[String]) -> Result<Vec<u8>, IngestError> {
    build(sheets, readme).map_err(xlsx_failed)
}

fn build(sheets: &[SheetOut], readme: &[String]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = CellFormat::new().set_bold();
    if !readme.is_empty() {
        let sheet = book.add_worksheet();
        sheet.set_name(README_SHEET)?;
        sheet.set_column_width(0, 110)?;
        for (i, line) in readme.iter().enumerate() {
            let row = u32::try_from(i).unwrap_or(u32::MAX);
            if i == 0 {
                sheet.write_string_with_format(row, 0, line, &bold)?;
            } else if !line.is_empty() {
                sheet.write_string(row, 0, line)?;
            }
        }
    }
    // Lists first gathered, so each sheet's validations can point at their cells.
    let mut lists: Vec<Vec<String>> = Vec::new();
    let mut list_of: Vec<Vec<Option<usize>>> = Vec::new();
    for s in sheets {
        let mut refs = Vec::new();
        for c in &s.columns {
            if c.choices.is_empty() {
                refs.push(None);
            } else if let Some(i) = lists.iter().position(|l| *l == c.choices) {
                refs.push(Some(i));
            } else {
                lists.push(c.choices.clone());
                refs.push(Some(lists.len() - 1));
            }
        }
        list_of.push(refs);
    }
    for (s, refs) in sheets.iter().zip(&list_of) {
        let sheet = book.add_worksheet();
        sheet.set_name(&s.name)?;
        sheet.set_freeze_panes(1, 0)?;
        for (j, c) in s.columns.iter().enumerate() {
            let col = u16::try_from(j).map_err(|_| XlsxError::RowColumnLimitError)?;
            sheet.write_string_with_format(0, col, &c.name, &bold)?;
            let longest = s
                .rows
                .iter()
                .take(200)
                .map(|r| r.get(j).map_or(0, |t| t.chars().count()));
            let width = longest.chain([c.name.len() + 2, 10]).max().unwrap_or(10).min(50);
            sheet.set_column_width(col, width as f64)?;
            if let Some(text) = &c.note {
                sheet.insert_note(0, col, &Note::new(text).set_width(360))?;
            }
            if let Some(list) = refs[j] {
                let n = lists[list].len();
                let range = format!("={LISTS_SHEET}!${letter}$1:${letter}${n}", letter = column_letter(list));
                let rule = DataValidation::new()
                    .allow_list_formula(Formula::new(range))
                    .set_error_message(format!("Choose one of the values of the list for {}.", c.name))?;
                let last = u32::try_from(MAX_ROWS).unwrap_or(u32::MAX);
                sheet.add_data_validation(1, col, last, col, &rule)?;
            }
        }
        for (i, row) in s.rows.iter().enumerate() {
            let r = u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (j, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    let col = u16::try_from(j).map_err(|_| XlsxError::RowColumnLimitError)?;
                    sheet.write_string(r, col, text)?;
                }
            }
        }
    }
    if !lists.is_empty() {
        let sheet = book.add_worksheet();
        sheet.set_name(LISTS_SHEET)?;
        for (j, list) in lists.iter().enumerate() {
            let col = u16::try_from(j).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (i, value) in list.iter().enumerate() {
                let r = u32::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
                sheet.write_string(r, col, value)?;
            }
        }
        sheet.set_hidden(true);
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SheetOut {
        SheetOut {
            name: "things".into(),
            columns: vec![
                ColumnOut {
                    name: "slug".into(),
                    note: Some("Stable key".into()),
                    choices: Vec::new(),
                },
                ColumnOut {
                    name: "level".into(),
                    note: None,
                    choices: vec!["national".into(), "regional".into()],
                },
            ],
            rows: vec![
                vec!["a-b".into(), "national".into()],
                vec!["c, \"d\"".into(), String::new()],
            ],
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let text = String::from_utf8(csv(&sample()).unwrap()).unwrap();
        assert_eq!(text, "slug,level\na-b,national\n\"c, \"\"d\"\"\",\n");
    }

    #[test]
    fn a_workbook_reads_back_as_the_same_table_with_its_readme_and_lists() {
        let bytes = xlsx(&[sample()], &["About".into(), String::new(), "More".into()]).unwrap();
        let tables = super::super::read("book.xlsx", &bytes).unwrap();
        let names: Vec<&str> = tables.iter().map(|t| t.sheet.as_str()).collect();
        assert_eq!(names, [README_SHEET, "things", LISTS_SHEET]);
        let things = &tables[1];
        assert_eq!(things.header, ["slug", "level"]);
        assert_eq!(things.rows[0].cells, ["a-b", "national"]);
        assert_eq!(things.rows[1].cells, ["c, \"d\""]);
        assert_eq!(tables[2].header, ["national"]);
        assert_eq!(tables[2].rows[0].cells, ["regional"]);
    }
}
