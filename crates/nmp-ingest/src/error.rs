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
    /// A record the caller named does not exist.
    #[error("{what} {key:?} does not exist")]
    NotFound {
        /// What kind of record (`edition`).
        what: &'static str,
        /// The key the caller gave (a slug).
        key: String,
    },
    /// Writing an export failed or was refused (nothing was left half-written).
    #[error("{path}: {message}")]
    Write {
        /// The file or directory concerned.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// Writing to the database failed (nothing was written).
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
}
