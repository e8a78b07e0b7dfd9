//! The staff workspace's rules, as pure functions: who may change what, how their changes take
//! effect, and what proposals and assignments allow. The store looks up the rows these rules need
//! and writes what they allow; the rules themselves need no database.
//!
//! - Administrators and editors write directly (still audited).
//! - Researchers propose changes to any record; students only to the records of their open
//!   assignments (a country's mechanisms and their rows, or one profile); partners only to the
//!   profiles and edition parts their organisation owns. Anyone who may propose may also propose
//!   a new source. Reviewers read the queue and the log but change nothing.
//! - A proposal keeps the record's version; approving it writes the change against that version,
//!   so a record that moved on since is a conflict, never a silent overwrite.
//!
//! [`roles`] says what each role may do at all, [`scope`] which records a student's or a
//! partner's changes may touch, [`proposals`] how a proposal is decided, and [`assignments`] what
//! an assignment must name and when it is overdue.

pub mod assignments;
pub mod proposals;
pub mod roles;
pub mod scope;

pub use roles::{EditMode, edit_mode, may_decide, may_review};

/// A record's fields as JSON (column name → value), as the store reads and proposes them.
pub type Fields = serde_json::Map<String, serde_json::Value>;
