//! Expert opinion essays as text, pure and without I/O (issue 20). What an author writes is
//! CommonMark with footnotes; it may cite NMP's sources (`[@source-slug, p. 4]`) and records
//! (`[@mechanism:slug]`). This crate reads that text and nothing else: the store keeps the
//! versions, the web and the report show them.
//!
//! - [`markdown`]: the references an essay makes, and the text rendered as HTML (the web, the
//!   proofs) and as Typst markup (the PDF), citations resolved by the caller;
//! - [`docx`]: a Word document turned into the same Markdown;
//! - [`orcid`]: ORCID iDs, their check digit and their URL;
//! - [`diff`]: what changed between two versions.

#![forbid(unsafe_code)]

pub mod diff;
pub mod docx;
pub mod markdown;
pub mod orcid;
