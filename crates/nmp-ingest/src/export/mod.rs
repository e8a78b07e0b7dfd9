//! Exports: an edition's data as a Frictionless tabular data package
//! (<https://specs.frictionlessdata.io/data-package/>), one CSV file per table with a Table Schema
//! for each, described by `datapackage.json`.
//!
//! [`datapackage`] builds the package in memory from the store; [`DataPackage::write_to`] writes it
//! to a directory, all or nothing. A package holds the platform's data as of the export plus the
//! edition's own records; publishing an edition freezes its package with its snapshot.

mod columns;
mod descriptor;
mod dictionary;
mod package;
mod write;

pub use columns::LEFT_OUT;
pub use package::{DESCRIPTOR, DataPackage, NATMEC_URL, datapackage, datapackage_of};
