//! Backups: every table of the database in one engine-neutral file, and back.
//!
//! - [`Store::backup`] reads every table in one read transaction (a snapshot: `REPEATABLE READ`,
//!   read only, on PostgreSQL; one read transaction on SQLite in WAL mode, which writers do not
//!   wait for), so it is safe while the server runs, and writes them to one file (`file.rs`),
//!   then reads the file back to check it.
//! - [`check`] reads a backup whole and checks its structure, counts, cells and SHA-256 without
//!   touching any database.
//! - [`Store::restore`] loads a [`Checked`] backup into an empty database in one transaction, then
//!   applies the migrations the backup predates and verifies the audit chain.
//!
//! Nothing here names a table: `catalog.rs` asks the database which tables, columns, keys,
//! references and sequences it has, so a table a later migration adds is backed up without a
//! change here (a test fails if the schema holds a table the backup misses). The only table
//! known by name is the one a migration fills, [`crate::migration::SEEDED_TABLES`].

mod catalog;
mod dump;
mod file;
mod load;
mod value;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::{ChainReport, Result, StoreError};

/// The `format` every backup header starts with.
pub const FORMAT: &str = "nmp-backup";

/// The version of the file format this code writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A column's type in the file, the same for both engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A 64-bit integer (SQLite `integer`; PostgreSQL `smallint`, `integer`, `bigint`).
    Integer,
    /// A floating-point number, written as its shortest exact text.
    Real,
    /// Text (`text`, `varchar`, `char`).
    Text,
    /// `true` or `false`.
    Boolean,
    /// A timestamp with time zone, as RFC 3339 text.
    Timestamp,
    /// Bytes (SQLite `blob`, PostgreSQL `bytea`), as base64.
    Bytes,
}

impl Kind {
    /// The name used in the file.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Integer => "integer",
            Kind::Real => "real",
            Kind::Text => "text",
            Kind::Boolean => "boolean",
            Kind::Timestamp => "timestamp",
            Kind::Bytes => "bytes",
        }
    }
}

/// A column of a backed-up table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Its name.
    pub name: String,
    /// Its neutral type.
    #[serde(rename = "type")]
    pub kind: Kind,
}

/// A backed-up table, as the header describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The table's name.
    pub name: String,
    /// Its columns, in the order of each row's cells.
    pub columns: Vec<Column>,
    /// Its primary-key columns (rows are in this order).
    pub key: Vec<String>,
    /// How many rows follow.
    pub rows: u64,
    /// For a table whose key a sequence hands out: the column and the largest key it ever handed
    /// out, which a restore sets the target's sequence to (so deleted rows' keys are not reused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_key: Option<AutoKey>,
}

/// A key column filled by a sequence, and how far the sequence had gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoKey {
    /// The column.
    pub column: String,
    /// The largest value handed out (0: none).
    pub high_water: i64,
}

/// The first line of a backup: everything needed to know what it holds before reading it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`] when written.
    pub format_version: u32,
    /// A line for whoever opens the file.
    pub about: String,
    /// The version of nmp that wrote it.
    pub nmp_version: String,
    /// `sqlite` or `postgres`.
    pub source_engine: String,
    /// When the snapshot was taken (UTC, RFC 3339).
    pub created_at: String,
    /// The schema version: the names of the migrations the database had, in order.
    pub migrations: Vec<String>,
    /// Every table, in loading order (parents first).
    pub tables: Vec<Table>,
}

impl Header {
    /// The schema version as shown to people: the last migration's name (`none` before any).
    pub fn schema(&self) -> &str {
        self.migrations.last().map_or("none", String::as_str)
    }

    /// The number of rows of every table.
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|t| t.rows).sum()
    }
}

/// A backup that was read whole and found intact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The file.
    pub path: PathBuf,
    /// Its header.
    pub header: Header,
    /// The SHA-256 of its content, as its end line records it.
    pub sha256: String,
    /// Rows it holds.
    pub rows: u64,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// Where a backup or restore is, for a progress display.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// The table being read or written.
    pub table: &'a str,
    /// Its rows done so far.
    pub rows: u64,
    /// Its rows in all.
    pub of: u64,
}

/// What [`Store::restore`] did.
#[derive(Debug)]
pub struct Restored {
    /// The backup that was loaded.
    pub checked: Checked,
    /// Migrations applied before loading (to bring an empty database to the backup's schema).
    pub migrated_before: usize,
    /// Migrations applied after loading (those this nmp has and the backup predates), or why
    /// they failed (the loaded data stay: they were committed before).
    pub migrated_after: Result<usize>,
    /// Rows per table after loading, all equal to the backup's.
    pub counts: BTreeMap<String, u64>,
    /// The audit chain's verification on the restored database.
    pub audit: Result<ChainReport>,
}

/// The error for a backup file: names the file and what is wrong.
pub(crate) fn failure(file: &Path, reason: impl Into<String>) -> StoreError {
    StoreError::Backup {
        file: file.display().to_string(),
        reason: reason.into(),
    }
}

/// Reads the backup at `path` whole and checks it: a gzip stream that is not cut short, a header
/// this nmp reads, every table's marker and row count as the header says, every cell of its
/// column's type, and the SHA-256 of the content as the end line records it.
pub fn check(path: &Path) -> Result<Checked> {
    check_with(path, &mut |_| {})
}

/// [`check`] with progress reports.
pub fn check_with(path: &Path, progress: &mut dyn FnMut(Progress<'_>)) -> Result<Checked> {
    let mut reader = file::Reader::open(path)?;
    let natives: Vec<Vec<catalog::Native>> = reader
        .header
        .tables
        .iter()
        .map(|t| t.columns.iter().map(|c| widest(c.kind)).collect())
        .collect();
    let mut current = 0;
    let mut done = 0u64;
    while let Some(item) = reader.next()? {
        match item {
            file::Item::Table(t) => {
                if t > 0 {
                    let table = &reader.header.tables[t - 1];
                    progress(Progress {
                        table: &table.name,
                        rows: table.rows,
                        of: table.rows,
                    });
                }
                current = t;
                done = 0;
            }
            file::Item::Row(cells) => {
                let table = &reader.header.tables[current];
                for ((cell, column), native) in cells.iter().zip(&table.columns).zip(&natives[current]) {
                    value::bind(cell, column.kind, *native)
                        .map_err(|e| reader.error(format!("column {}: {e}", column.name)))?;
                }
                done += 1;
                if done.is_multiple_of(PROGRESS_EVERY) {
                    progress(Progress {
                        table: &table.name,
                        rows: done,
                        of: table.rows,
                    });
                }
            }
        }
    }
    if let Some(last) = reader.header.tables.last() {
        progress(Progress {
            table: &last.name,
            rows: last.rows,
            of: last.rows,
        });
    }
    let (sha256, rows) = reader.finished().expect("read to the end");
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(Checked {
        path: path.to_path_buf(),
        sha256: sha256.to_string(),
        rows,
        header: reader.header.clone(),
        bytes,
    })
}

/// Progress is reported every this many rows of a table, and when it is done.
const PROGRESS_EVERY: u64 = 100_000;

/// How a cell of `kind` is checked when no database is at hand: the widest native type.
fn widest(kind: Kind) -> catalog::Native {
    match kind {
        Kind::Integer => catalog::Native::I64,
        Kind::Real => catalog::Native::F64,
        Kind::Text => catalog::Native::Text,
        Kind::Boolean => catalog::Native::Bool,
        Kind::Timestamp => catalog::Native::Timestamp,
        Kind::Bytes => catalog::Native::Bytes,
    }
}

/// Every table's rows as the backup at `path` holds them, cells in their file form: for comparing
/// what two backups hold (a database and its restored copy). Reads the whole file into memory.
pub fn table_rows(path: &Path) -> Result<BTreeMap<String, Vec<Vec<Json>>>> {
    let mut reader = file::Reader::open(path)?;
    let mut tables: BTreeMap<String, Vec<Vec<Json>>> = BTreeMap::new();
    let mut current = String::new();
    while let Some(item) = reader.next()? {
        match item {
            file::Item::Table(t) => {
                current = reader.header.tables[t].name.clone();
                tables.insert(current.clone(), Vec::new());
            }
            file::Item::Row(cells) => tables.entry(current.clone()).or_default().push(cells),
        }
    }
    Ok(tables)
}
