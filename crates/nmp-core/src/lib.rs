//! NMP's domain rules, pure: vocabularies, dates with precision, slug and code rules, validation,
//! the data dictionary, the report's indicators, agreement between raters ([`agreement`]:
//! Krippendorff's alpha), the staff workspace's policy ([`policy`]: who may edit, review and
//! decide, which records a role may touch, how proposals and assignments are decided), and what an
//! uploaded file must be ([`upload`]: its kind, its content, and for DOCX/XLSX/ODT a package that
//! is no "zip bomb").
//!
//! This crate is pure: no I/O, no database, no clock. Everything else (storage, imports, the
//! website) speaks in these types, so a vocabulary value or a rule is defined once.

#![forbid(unsafe_code)]

pub mod agreement;
pub mod date;
pub mod dictionary;
pub mod error;
pub mod hash;
pub mod indicators;
pub mod policy;
pub mod problems;
pub mod slug;
pub mod upload;
pub mod vocab;

pub use date::{DatePrecision, PartialDate, edition_year};
pub use error::ValidationError;
pub use hash::{Sha256Stream, hmac_sha256_hex, sha256_hex};
