//! Import and export errors. Each names the file, and where it can the line, record and field.

/// What can go wrong while reading or loading import files.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A file could not be parsed or broke a rule.
    #[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    File {
        /// Path of the file (relative to the dataset root).
        file: String,
        /// 1-based line, where known.
        line: Option<usize>,
        /// What is wrong, naming the record and field.
        message: String,
    },
    /// Several problems; all are listed so that one run shows every error.
    #[error("{} problem(s) in the dataset:\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Many(Vec<IngestError>),
    /// Writing a spreadsheet failed (nothing was left half-written).
    #[error("{path}: {message}")]
    Write {
        /// The file or directory concerned.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// Rows of a data file that failed validation, each as `FILE:ROW:COLUMN: message` (the header
    /// is row 1); only the first ones are kept, `total` counts them all. Nothing was written.
    #[error("{file}: {total} problem(s), nothing was written:\n{}{}",
        .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"),
        if *.total > .problems.len() { format!("\n  and {} more", .total - .problems.len()) } else { String::new() })]
    Rows {
        /// The file, as the user named it.
        file: String,
        /// The first problems (at most [`crate::import::MAX_REPORTED`]).
        problems: Vec<String>,
        /// How many problems there are in all.
        total: usize,
    },
    /// The database is not one this operation may write to (it says why and what to do).
    #[error("{0}")]
    Refused(String),
    /// Problems in the cells of a spreadsheet: every one found, by sheet, row and column. Nothing
    /// was written.
    #[error("{file}: {} problem(s), nothing was written:\n{}", .problems.len(),
        .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Cells {
        /// The file, as the user named it.
        file: String,
        /// Every problem, in sheet and row order.
        problems: Vec<CellProblem>,
    },
    /// Writing to the database failed (nothing was written).
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
}

/// One problem in a spreadsheet: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CellProblem {
    /// The worksheet (for a CSV file, the file name without its extension).
    pub sheet: String,
    /// The row as a spreadsheet program numbers it (the header is row 1).
    pub row: usize,
    /// The column: its letter and header name, `D (level)`; `None` for the row as a whole.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CellProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sheet {}, row {}", self.sheet, self.row)?;
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": {}", self.message)
    }
}
