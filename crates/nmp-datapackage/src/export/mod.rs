//! The export: an edition's data as a Frictionless tabular data package, one CSV file per table
//! (`package.rs`, with the exported columns listed in `columns.rs`; initiatives and the edition's
//! assessment rounds in `outcomes.rs`) described by `datapackage.json` (`descriptor.rs`).
//!
//! [`datapackage`] builds the package in memory from the store; [`DataPackage::write_to`] writes it
//! to a directory, all or nothing. A package holds the platform's data as of the export plus the
//! edition's own records; publishing an edition freezes its package with its snapshot.

mod columns;
mod descriptor;
mod dictionary;
mod outcomes;
mod package;
mod write;

pub use columns::LEFT_OUT;
pub use descriptor::{DESCRIPTOR, NATMEC_URL};
pub use package::{DataPackage, datapackage, datapackage_of};
