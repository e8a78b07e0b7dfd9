//! NMP's database, and its only way in: one query code path for SQLite (the embedded default) and
//! PostgreSQL (the team server), chosen once from the URL prefix. Other crates read and write
//! through the methods here, never through the raw connection; the rules those writes follow
//! (who may change what) are pure and live in `nmp_core::policy`.
//!
//! - [`Store::connect`] opens (and for SQLite creates) the database; [`Store::migrate`] applies the
//!   embedded migrations.
//! - Every write goes through a [`Writer`]: one transaction that also appends a hash-chained
//!   [`entity::audit_event`] for each change, and refuses an update that names a stale version.
//! - A published edition's rows are locked ([`LOCKED_TABLES`], [`Store::edition_lock`]): the
//!   writer refuses to change them, and corrections become errata.
//! - Reads are use cases ([`Store::counts`], [`Store::countries_with_mechanisms`], ...), written once
//!   with the sea-orm query builder so both engines run the same code; data collection's reads
//!   are in `collect.rs` ([`Store::questions_of`], [`Store::proposals_of_invitation`], ...).
//! - [`backup`]: every table in one engine-neutral file ([`Store::backup`]) and back into an
//!   empty database ([`Store::restore`]).
//! - [`records`]: the staff workspace's model (records, changes, proposals, assignments, scope);
//!   [`auth`]: accounts, links, passwords and sessions.

#![forbid(unsafe_code)]

mod audit;
pub mod auth;
pub mod backup;
mod bulk;
mod bulk_copy;
pub mod bundle;
pub mod cite;
mod collect;
mod connect;
pub mod entity;
mod error;
pub mod essays;
pub mod essays_errata;
pub mod essays_figures;
mod facets;
mod facts;
mod generation;
pub mod initiative_list;
mod introspect;
pub mod linkcheck;
pub mod list_counts;
pub mod lists;
pub mod migration;
pub mod outcomes;
mod publish;
mod read;
pub mod records;
pub mod risk_gap;
pub mod source_archive;
pub mod source_list;
#[cfg(feature = "testing")]
pub mod testing;
pub mod translations;
pub mod watchlist;
mod writer;
mod writer_reads;
mod writer_txn;

pub use audit::ChainReport;
pub use bulk::{BulkInsert, BulkRow, NewObservation};
pub use bundle::{EditionRows, MechanismBundle, MechanismRows};
pub use cite::{CitationIndex, Numbering};
pub use collect::AttachmentSummary;
pub use connect::{Engine, redact_url};
pub use error::{Result, StoreError};
pub use introspect::TableColumns;
pub use publish::{LOCKED_TABLES, Published};
pub use read::{CountryWithMechanisms, Counts, in_period};
pub use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TryGetableMany,
};
pub use writer::Writer;

use sea_orm::DatabaseConnection;

/// A handle on the database. Cheap to clone (it wraps a connection pool).
#[derive(Clone, Debug)]
pub struct Store {
    db: DatabaseConnection,
    engine: Engine,
    generation: std::sync::Arc<generation::Generation>,
}
