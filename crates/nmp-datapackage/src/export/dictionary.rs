//! The data dictionary as the exporter reads it: [`nmp_core::dictionary`], with its errors as
//! [`DataPackageError`]s naming the dictionary file.

pub(super) use nmp_core::dictionary::{Kind, Table};

use crate::DataPackageError;

/// An error about the dictionary itself.
pub(super) fn problem(message: String) -> DataPackageError {
    DataPackageError::File {
        file: nmp_core::dictionary::FILE.to_string(),
        line: None,
        message,
    }
}

/// The section of the embedded dictionary that documents `table`.
pub(super) fn table(table: &str) -> Result<Table, DataPackageError> {
    nmp_core::dictionary::table(table).map_err(|e| problem(e.message))
}
