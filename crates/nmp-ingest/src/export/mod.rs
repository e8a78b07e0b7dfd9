//! Exports: an edition's data as a Frictionless tabular data package
//! (<https://specs.frictionlessdata.io/data-package/>), one CSV file per table with a Table Schema
//! for each, described by `datapackage.json`.
//!
//! [`datapackage`] builds the package in memory from the store; [`DataPackage::write_to`] writes it
//! to a directory, all or nothing. Until editions are frozen into snapshots, a package holds the
//! platform's current data plus the edition's own records.

mod dictionary;
mod package;
mod write;

pub use package::{DESCRIPTOR, DataPackage, LEFT_OUT, NATMEC_URL, datapackage};
