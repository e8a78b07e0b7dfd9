//! The store's one error type. Callers match on the variants that need their own handling
//! (`Conflict` is a 409, `NotFound` a 404); everything else is a database failure.

use nmp_core::ValidationError;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names no engine we support, or is malformed.
    #[error("database URL {url:?}: {reason}")]
    BadUrl {
        /// The URL with any password removed.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// The database could not be reached or opened.
    #[error("cannot connect to the database at {url}: {reason}")]
    Unreachable {
        /// The URL with any password removed.
        url: String,
        /// The driver's message.
        reason: String,
    },
    /// An update or delete named a version that is no longer current: someone else saved first.
    #[error(
        "{entity} {key} was changed by someone else (you edited version {expected}, it is now at version {current})"
    )]
    Conflict {
        /// Table.
        entity: String,
        /// Primary key.
        key: String,
        /// The version the caller read.
        expected: i32,
        /// The version in the database.
        current: i32,
    },
    /// The row belongs to a published edition, whose rows are locked: corrections are errata.
    #[error(
        "{entity} {key} belongs to edition {edition}, which is published and locked: record the correction as an erratum instead"
    )]
    Locked {
        /// Slug of the published edition.
        edition: String,
        /// Table of the row.
        entity: String,
        /// Key of the row (`(new)` for a row being inserted).
        key: String,
    },
    /// Something was written between reading what was to be frozen and freezing it.
    #[error("the data changed while the edition was being frozen (audit event {since}, now {now}): publish again")]
    Moved {
        /// The audit event the snapshot was read at.
        since: i64,
        /// The latest audit event when freezing.
        now: i64,
    },
    /// No row with that key.
    #[error("{entity} {key} does not exist")]
    NotFound {
        /// Table.
        entity: String,
        /// Key.
        key: String,
    },
    /// Input broke a domain rule.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The audit chain is broken.
    #[error("audit chain broken at event {event_id}: {reason}")]
    BrokenChain {
        /// The first event that does not verify.
        event_id: i64,
        /// Why.
        reason: String,
    },
    /// A backup file could not be written, is damaged, or cannot be restored here.
    #[error("{file}: {reason}")]
    Backup {
        /// The backup file.
        file: String,
        /// What is wrong, and what was (not) done.
        reason: String,
    },
    /// Any other database error.
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
}

/// Result alias for the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
