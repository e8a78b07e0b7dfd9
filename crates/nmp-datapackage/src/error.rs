//! Data package errors. Each names the file, and where it can the line, record and field.

/// What can go wrong while building, writing or loading a data package.
#[derive(Debug, thiserror::Error)]
pub enum DataPackageError {
    /// A file could not be read or broke a rule (the data dictionary, the descriptor, a CSV file).
    #[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    File {
        /// Path of the file.
        file: String,
        /// 1-based line, where known.
        line: Option<usize>,
        /// What is wrong, naming the record and field.
        message: String,
    },
    /// Several problems; all are listed so that one run shows every error.
    #[error("{} problem(s) in the dataset:\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Many(Vec<DataPackageError>),
    /// A record the caller named does not exist.
    #[error("{what} {key:?} does not exist")]
    NotFound {
        /// What kind of record (`edition`).
        what: &'static str,
        /// The key the caller gave (a slug).
        key: String,
    },
    /// Writing a package failed or was refused (nothing was left half-written).
    #[error("{path}: {message}")]
    Write {
        /// The file or directory concerned.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// Rows of the package that failed validation, each as `FILE:ROW:COLUMN: message` (the header
    /// is row 1); only the first ones are kept, `total` counts them all. Nothing was written.
    #[error("{file}: {total} problem(s), nothing was written:\n{}{}",
        .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"),
        if *.total > .problems.len() { format!("\n  and {} more", .total - .problems.len()) } else { String::new() })]
    Rows {
        /// What was checked, as the user knows it.
        file: String,
        /// The first problems (at most [`nmp_core::problems::MAX_REPORTED`]).
        problems: Vec<String>,
        /// How many problems there are in all.
        total: usize,
    },
    /// Reading or writing the database failed (nothing was written).
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
}

impl From<nmp_core::dictionary::DictionaryError> for DataPackageError {
    fn from(e: nmp_core::dictionary::DictionaryError) -> Self {
        DataPackageError::File {
            file: nmp_core::dictionary::FILE.to_string(),
            line: None,
            message: e.message,
        }
    }
}
