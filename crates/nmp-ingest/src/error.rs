//! Import errors. Each names the file, and where it can the line, record and field.

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
    /// Writing to the database failed (nothing was written).
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
}
