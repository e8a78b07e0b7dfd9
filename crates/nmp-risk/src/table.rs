//! A CSV file as text cells, columns found by name, and numbers read from cells ("NA" or empty
//! is a missing value, as R writes it).

use crate::RiskError;

/// A CSV file read whole: its header and rows of text cells.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file, as messages name it.
    pub file: String,
    /// The header's cells, trimmed.
    pub headers: Vec<String>,
    /// The rows below the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Reads `bytes` (the contents of `file`). Rows of another length than the header are an
    /// error naming the row.
    pub fn read(file: &str, bytes: &[u8]) -> Result<Table, RiskError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut records = reader.records();
        let headers: Vec<String> = match records.next() {
            Some(Ok(r)) => r
                .iter()
                .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
                .collect(),
            Some(Err(e)) => return Err(RiskError::at(file, Some(1), None, format!("not CSV: {e}"))),
            None => return Err(RiskError::at(file, None, None, "the file is empty")),
        };
        let mut rows = Vec::new();
        for (i, record) in records.enumerate() {
            let row = i + 2;
            let record = record.map_err(|e| RiskError::at(file, Some(row), None, format!("not CSV: {e}")))?;
            if record.len() != headers.len() {
                return Err(RiskError::at(
                    file,
                    Some(row),
                    None,
                    format!("{} cells where the header has {}", record.len(), headers.len()),
                ));
            }
            rows.push(record.iter().map(|c| c.trim().to_string()).collect());
        }
        Ok(Table {
            file: file.to_string(),
            headers,
            rows,
        })
    }

    /// The position of the column named `name`, if any.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The position of the column named `name`; an error naming the file and the column when
    /// it is missing.
    pub fn column(&self, name: &str, what: &str) -> Result<usize, RiskError> {
        self.find(name).ok_or_else(|| {
            RiskError::at(
                &self.file,
                Some(1),
                Some(name),
                format!("no column {name} ({what}) in the header"),
            )
        })
    }

    /// The number in row `index` (0 = first row below the header), column `col`: `None` for a
    /// missing value ("NA" or empty), an error naming file, row and column when it is not a
    /// number.
    pub fn number(&self, index: usize, col: usize) -> Result<Option<f64>, RiskError> {
        let cell = &self.rows[index][col];
        if cell.is_empty() || cell == "NA" {
            return Ok(None);
        }
        match cell.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Some(v)),
            _ => Err(RiskError::at(
                &self.file,
                Some(index + 2),
                Some(&self.headers[col]),
                format!("{cell:?} is not a number"),
            )),
        }
    }

    /// Like [`Table::number`], but a missing value is an error too.
    pub fn required(&self, index: usize, col: usize) -> Result<f64, RiskError> {
        self.number(index, col)?.ok_or_else(|| {
            RiskError::at(
                &self.file,
                Some(index + 2),
                Some(&self.headers[col]),
                "the value is missing",
            )
        })
    }
}
