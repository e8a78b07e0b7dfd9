//! Imports into NMP: the starter dataset and the country reference list, parsed and validated
//! completely before anything is written, then written in one audited transaction.

#![forbid(unsafe_code)]

pub mod countries;
mod error;
pub mod import;
pub mod records;
pub mod seed;
pub mod sheet;
pub mod starter;

pub use error::{CellProblem, IngestError};
