//! Files into records, and records back into files: every import reads and checks its whole file
//! before anything is written, then writes in one audited transaction, or nothing.
//!
//! - [`seed`]: the starter dataset ([`starter`], embedded in the binary) and the country list
//!   ([`countries`]);
//! - [`import`]: country-year data (the Early Warning Project's files, any long-format CSV) into
//!   datasets, indicators and observations;
//! - [`records`]: spreadsheets of records in the data dictionary's layout, in and out, over
//!   [`sheet`] (CSV and XLSX read as text tables, and the one spreadsheet writer).
//!
//! An edition's data package is `nmp-datapackage`'s job, the synthetic benchmark dataset
//! `nmp-synthetic`'s.

#![forbid(unsafe_code)]

pub mod countries;
mod error;
pub mod import;
pub mod records;
pub mod seed;
pub mod sheet;
pub mod starter;
#[cfg(feature = "testing")]
pub mod testing;

pub use error::{CellProblem, IngestError};
