//! Writing a backup: one read transaction over every table, streamed to a temporary file beside
//! the target, which takes the target's name only once it is complete and has been read back.

use std::path::{Path, PathBuf};

use futures_util::TryStreamExt;
use sea_orm::{AccessMode, ConnectionTrait, IsolationLevel, Statement, StreamTrait, TransactionTrait};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::catalog::{self, quoted};
use super::file::Writer;
use super::{AutoKey, Checked, Column, FORMAT, FORMAT_VERSION, Header, PROGRESS_EVERY, Progress, Table, failure};
use crate::{Engine, Result, Store};

/// The line for whoever opens a backup.
const ABOUT: &str = "NMP backup: every table of an NMP database. gzip-compressed JSON lines: this header, then per \
                     table a {\"table\",\"rows\"} line and one JSON array per row, then an end line with the SHA-256 \
                     of everything before it. Load it with `nmp restore FILE`; see docs/operations.md.";

/// `out` with `.partial` added to its name, where the file is written until it is complete.
fn partial(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    out.with_file_name(name)
}

impl Store {
    /// Writes a backup of every table to `out`, which must not exist, and reads it back to check
    /// it (see [`super::check`]). Safe while the server runs: all tables are read in one read
    /// transaction, a consistent snapshot that writers do not wait for. The file appears under
    /// its name only when it is complete and checked; on any failure nothing is left behind.
    pub async fn backup(&self, out: &Path, progress: &mut (dyn FnMut(Progress<'_>) + Send)) -> Result<Checked> {
        if out.exists() {
            return Err(failure(
                out,
                "the file already exists: name a new file (a backup never overwrites one)",
            ));
        }
        let temp = partial(out);
        let written = self.write_backup(&temp, progress).await;
        let sha256 = match written {
            Ok(sha256) => sha256,
            Err(e) => {
                let _ = std::fs::remove_file(&temp);
                return Err(e);
            }
        };
        let checked = match super::check(&temp) {
            Ok(checked) if checked.sha256 == sha256 => checked,
            Ok(checked) => {
                let _ = std::fs::remove_file(&temp);
                return Err(failure(
                    out,
                    format!(
                        "reading the file back gave SHA-256 {} instead of the {sha256} written",
                        checked.sha256
                    ),
                ));
            }
            Err(e) => {
                let _ = std::fs::remove_file(&temp);
                return Err(e);
            }
        };
        if out.exists() {
            let _ = std::fs::remove_file(&temp);
            return Err(failure(out, "the file appeared while the backup was being written"));
        }
        std::fs::rename(&temp, out).map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            failure(out, format!("cannot rename {} to it: {e}", temp.display()))
        })?;
        Ok(checked)
    }

    async fn write_backup(&self, path: &Path, progress: &mut (dyn FnMut(Progress<'_>) + Send)) -> Result<String> {
        let txn = match self.engine {
            Engine::Postgres => {
                self.db
                    .begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly))
                    .await?
            }
            Engine::Sqlite => self.db.begin().await?,
        };
        // The first statement fixes the snapshot (SQLite starts its read transaction with it).
        let defs = catalog::tables(&txn, self.engine, path).await?;
        if defs.is_empty() {
            return Err(failure(
                path,
                "the database has no tables, so there is nothing to back up (is the database URL right?)",
            ));
        }
        let migrations = catalog::migrations(&txn).await?;
        let mut tables = Vec::with_capacity(defs.len());
        for def in &defs {
            let auto_key = match &def.auto_key {
                Some(column) => Some(AutoKey {
                    column: column.clone(),
                    high_water: catalog::high_water(&txn, self.engine, &def.name, column).await?,
                }),
                None => None,
            };
            tables.push(Table {
                name: def.name.clone(),
                columns: def
                    .columns
                    .iter()
                    .map(|c| Column {
                        name: c.name.clone(),
                        kind: c.native.kind(),
                    })
                    .collect(),
                key: def.key.clone(),
                rows: catalog::count(&txn, &def.name).await?,
                auto_key,
            });
        }
        let header = Header {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            about: ABOUT.into(),
            nmp_version: env!("CARGO_PKG_VERSION").into(),
            source_engine: self.engine.name().into(),
            created_at: OffsetDateTime::now_utc().format(&Rfc3339).unwrap_or_default(),
            migrations,
            tables,
        };
        let io = |e: std::io::Error| failure(path, format!("cannot write it: {e}"));
        let mut out = Writer::create(path, &header).map_err(io)?;
        let backend = ConnectionTrait::get_database_backend(&txn);
        for (def, table) in defs.iter().zip(&header.tables) {
            out.table(&table.name, table.rows).map_err(io)?;
            let columns: Vec<String> = def.columns.iter().map(|c| quoted(&c.name)).collect();
            let order: Vec<String> = def.key.iter().map(|c| quoted(c)).collect();
            let sql = format!(
                "SELECT {} FROM {} ORDER BY {}",
                columns.join(", "),
                quoted(&def.name),
                order.join(", ")
            );
            let mut rows = std::pin::pin!(txn.stream_raw(Statement::from_string(backend, sql)).await?);
            let mut done = 0u64;
            let mut cells = Vec::with_capacity(def.columns.len());
            while let Some(row) = rows.try_next().await? {
                cells.clear();
                for (i, c) in def.columns.iter().enumerate() {
                    cells.push(super::value::read(&row, i, c.native).map_err(|e| {
                        failure(path, format!("reading {}.{} (row {}): {e}", def.name, c.name, done + 1))
                    })?);
                }
                out.row(&cells).map_err(io)?;
                done += 1;
                if done.is_multiple_of(PROGRESS_EVERY) {
                    progress(Progress {
                        table: &def.name,
                        rows: done,
                        of: table.rows,
                    });
                }
            }
            if done != table.rows {
                return Err(failure(
                    path,
                    format!(
                        "table {} gave {done} rows but counted {} in the same transaction",
                        def.name, table.rows
                    ),
                ));
            }
            progress(Progress {
                table: &def.name,
                rows: done,
                of: table.rows,
            });
        }
        let sha256 = out.finish().map_err(io)?;
        txn.commit().await?;
        Ok(sha256)
    }
}
