//! An edition's data package: its data as a Frictionless tabular data package
//! (<https://specs.frictionlessdata.io/data-package/>), one CSV file per table with a Table Schema
//! for each, described by `datapackage.json`.
//!
//! [`datapackage`] builds the package of an edition from the store, [`DataPackage::write_to`]
//! writes it to a directory (all or nothing), and [`import::import`] loads one into a new, empty
//! database, keys unchanged: the round trip that shows a package holds everything its edition's
//! report is made of. Publishing an edition freezes its package with its snapshot.

#![forbid(unsafe_code)]

mod error;
mod export;
pub mod import;

pub use error::DataPackageError;
pub use export::{DESCRIPTOR, DataPackage, LEFT_OUT, NATMEC_URL, datapackage, datapackage_of};
