//! Domain types of NMP: vocabularies, dates with precision and validation rules.
//!
//! This crate is pure: no I/O, no database, no clock. Everything else (storage, imports, the
//! website) speaks in these types, so a vocabulary value or a date rule is defined once.

#![forbid(unsafe_code)]

pub mod date;
pub mod dictionary;
pub mod error;
pub mod indicators;
pub mod problems;
pub mod slug;
pub mod vocab;

pub use date::{DatePrecision, PartialDate};
pub use error::ValidationError;
