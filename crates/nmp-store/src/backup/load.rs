//! Restoring a backup into an empty database: check the file whole first, bring the database to
//! the backup's schema, load every table in one transaction (parents first, then the sequences),
//! count, commit; then apply the migrations the backup predates and verify the audit chain.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use sea_orm::sea_query::{Alias, Query};
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, SqliteTransactionMode, TransactionOptions, TransactionTrait, Value,
};
use sea_orm_migration::MigratorTrait;
use serde_json::Value as Json;

use super::catalog::{self, TableDef, quoted};
use super::file::{Item, Reader};
use super::{Checked, Progress, Restored, Table, failure};
use crate::migration::{Migrator, SEEDED_TABLES};
use crate::{Result, Store};

/// At most this many bound values per INSERT (below SQLite's 32,766 and PostgreSQL's 65,535).
const MAX_PARAMETERS: usize = 10_000;

impl Store {
    /// Loads the backup at `file` into this database, which must be empty: no table may hold a
    /// row except those a migration writes ([`SEEDED_TABLES`], replaced by the backup's).
    ///
    /// 1. The file was read whole and checked ([`super::check`]) before anything is written; it
    ///    is read again to load it, and must still be the same.
    /// 2. Its schema must be this nmp's or an earlier one: a database without tables is migrated
    ///    to exactly the backup's schema; a database already at another schema is refused.
    /// 3. Every table is loaded in one transaction, with the backup's keys; sequences are set
    ///    past every key the backed-up database handed out; every table's rows are counted
    ///    against the backup before committing. Any failure rolls everything back.
    /// 4. The migrations the backup predates are applied, as `nmp serve` would, and the audit
    ///    chain is verified (reported in [`Restored::audit`]).
    pub async fn restore(&self, checked: Checked, progress: &mut (dyn FnMut(Progress<'_>) + Send)) -> Result<Restored> {
        let file = checked.path.clone();
        let file = file.as_path();
        let header = &checked.header;
        let ours: Vec<String> = Migrator::migrations().iter().map(|m| m.name().to_string()).collect();
        if !header.migrations.iter().zip(&ours).all(|(a, b)| a == b) || header.migrations.len() > ours.len() {
            let newer =
                header.migrations.len() > ours.len() && ours.iter().zip(&header.migrations).all(|(a, b)| a == b);
            return Err(failure(
                file,
                if newer {
                    format!(
                        "the backup's schema ({}) is newer than this nmp's ({}): restore it with the nmp that wrote it ({}) or a later one",
                        header.schema(),
                        ours.last().map_or("none", String::as_str),
                        header.nmp_version
                    )
                } else {
                    format!(
                        "the backup's migrations ({}) are not this nmp's: it was written by another line of NMP",
                        header.migrations.join(", ")
                    )
                },
            ));
        }
        // Refuse a database that holds rows before migrating anything.
        let applied: Vec<String> = Migrator::get_applied_migrations_read_only(&self.db)
            .await?
            .iter()
            .map(|m| m.name().to_string())
            .collect();
        if !applied.is_empty() {
            let defs = catalog::tables(&self.db, self.engine, file).await?;
            refuse_rows(&self.db, &defs, file).await?;
        }
        if applied.len() > header.migrations.len() || applied.iter().zip(&header.migrations).any(|(a, b)| a != b) {
            return Err(failure(
                file,
                format!(
                    "the database is already at schema {}, the backup at {}: restore into a new, empty database (nmp restore creates its tables)",
                    applied.last().map_or("none", String::as_str),
                    header.schema()
                ),
            ));
        }
        let migrated_before = header.migrations.len() - applied.len();
        if migrated_before > 0 {
            Migrator::up(&self.db, Some(migrated_before as u32)).await?;
        }

        let txn = self
            .db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await?;
        let defs = catalog::tables(&txn, self.engine, file).await?;
        let defs = matching(&defs, &header.tables, file)?;
        refuse_rows(&txn, &defs, file).await?;
        for def in &defs {
            if SEEDED_TABLES.contains(&def.name.as_str()) {
                txn.execute_unprepared(&format!("DELETE FROM {}", quoted(&def.name)))
                    .await?;
            }
        }
        self.load(&txn, &defs, &checked, file, progress).await?;
        for (def, table) in defs.iter().zip(&header.tables) {
            if let Some(auto) = &table.auto_key
                && def.auto_key.as_deref() == Some(auto.column.as_str())
            {
                let high = auto
                    .high_water
                    .max(catalog::max_of(&txn, &def.name, &auto.column).await?);
                catalog::set_high_water(&txn, self.engine, &def.name, &auto.column, high).await?;
            }
        }
        let mut counts = BTreeMap::new();
        for table in &header.tables {
            let n = catalog::count(&txn, &table.name).await?;
            if n != table.rows {
                return Err(failure(
                    file,
                    format!(
                        "table {} holds {n} rows after loading, the backup {}: nothing was restored",
                        table.name, table.rows
                    ),
                ));
            }
            counts.insert(table.name.clone(), n);
        }
        txn.commit().await?;

        let migrated_after = self.migrate().await;
        let audit = self.verify_audit_chain().await;
        Ok(Restored {
            checked,
            migrated_before,
            migrated_after,
            counts,
            audit,
        })
    }

    /// Reads the file again and inserts every row; the file must still be the one checked.
    async fn load(
        &self,
        txn: &DatabaseTransaction,
        defs: &[TableDef],
        checked: &Checked,
        file: &Path,
        progress: &mut (dyn FnMut(Progress<'_>) + Send),
    ) -> Result<()> {
        let mut reader = Reader::open(file)?;
        if reader.header != checked.header {
            return Err(failure(
                file,
                "the file changed after it was checked: nothing was restored",
            ));
        }
        let mut batch = Batch::default();
        let mut current: Option<usize> = None;
        let mut held: Vec<Vec<Json>> = Vec::new();
        loop {
            let item = reader.next()?;
            if matches!(item, Some(Item::Table(_)) | None)
                && let Some(t) = current
            {
                let def = &defs[t];
                let table = &checked.header.tables[t];
                if !def.self_references.is_empty() {
                    for row in parents_first(def, std::mem::take(&mut held)) {
                        batch.push(txn, def, table, &row, &reader).await?;
                    }
                }
                batch.flush(txn, def, file).await?;
                progress(Progress {
                    table: &def.name,
                    rows: table.rows,
                    of: table.rows,
                });
            }
            match item {
                None => break,
                Some(Item::Table(t)) => current = Some(t),
                Some(Item::Row(cells)) => {
                    let t = current.expect("the reader gives a table before its rows");
                    let def = &defs[t];
                    if def.self_references.is_empty() {
                        batch.push(txn, def, &checked.header.tables[t], &cells, &reader).await?;
                    } else {
                        held.push(cells);
                    }
                }
            }
        }
        match reader.finished() {
            Some((sha256, _)) if sha256 == checked.sha256 => Ok(()),
            _ => Err(failure(
                file,
                "the file changed after it was checked: nothing was restored",
            )),
        }
    }
}

/// Refuses if any table but the seeded ones holds a row, naming the first that does.
async fn refuse_rows<C: ConnectionTrait>(conn: &C, defs: &[TableDef], file: &Path) -> Result<()> {
    for def in defs {
        if SEEDED_TABLES.contains(&def.name.as_str()) {
            continue;
        }
        let n = catalog::count(conn, &def.name).await?;
        if n > 0 {
            return Err(failure(
                file,
                format!(
                    "the database is not empty: table {} holds {n} row{}. Restore into a new, empty database \
                     (a new SQLite file, or a new PostgreSQL database made with createdb)",
                    def.name,
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
    }
    Ok(())
}

/// The database's tables in the backup's order, checked against the backup: the same tables,
/// each with the same columns of the same types, in an order that loads parents first.
fn matching(defs: &[TableDef], tables: &[Table], file: &Path) -> Result<Vec<TableDef>> {
    let mut by_name: BTreeMap<&str, &TableDef> = defs.iter().map(|d| (d.name.as_str(), d)).collect();
    let mut ordered = Vec::with_capacity(tables.len());
    let mut loaded: BTreeSet<&str> = BTreeSet::new();
    for table in tables {
        let Some(def) = by_name.remove(table.name.as_str()) else {
            return Err(failure(
                file,
                format!("the backup has table {}, which the database does not", table.name),
            ));
        };
        let ours: BTreeMap<&str, super::Kind> =
            def.columns.iter().map(|c| (c.name.as_str(), c.native.kind())).collect();
        let theirs: BTreeMap<&str, super::Kind> = table.columns.iter().map(|c| (c.name.as_str(), c.kind)).collect();
        if ours != theirs {
            let describe = |m: &BTreeMap<&str, super::Kind>| {
                m.iter()
                    .map(|(c, k)| format!("{c} {}", k.name()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(failure(
                file,
                format!(
                    "table {} has the columns ({}) in the backup but ({}) in the database",
                    table.name,
                    describe(&theirs),
                    describe(&ours)
                ),
            ));
        }
        if let Some(missing) = def.references.iter().find(|r| !loaded.contains(r.as_str())) {
            return Err(failure(
                file,
                format!("table {} comes before table {missing}, which it references", table.name),
            ));
        }
        loaded.insert(&def.name);
        // Columns in the file's order, so that a row's cells line up with them.
        let mut def = def.clone();
        def.columns = table
            .columns
            .iter()
            .map(|c| def.columns[def.column(&c.name).expect("compared above")].clone())
            .collect();
        ordered.push(def);
    }
    if let Some(extra) = by_name.keys().next() {
        return Err(failure(
            file,
            format!("the database has table {extra}, which the backup does not"),
        ));
    }
    Ok(ordered)
}

/// The rows of a table that references itself, in an order where every referenced row comes
/// before the rows referencing it (a cycle is left as it is, and the database names the row).
fn parents_first(def: &TableDef, rows: Vec<Vec<Json>>) -> Vec<Vec<Json>> {
    let links: Vec<(usize, usize)> = def
        .self_references
        .iter()
        .filter_map(|(from, to)| Some((def.column(from)?, def.column(to)?)))
        .collect();
    let mut placed: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut order = Vec::with_capacity(rows.len());
    let mut left: Vec<Vec<Json>> = rows;
    while !left.is_empty() {
        let before = left.len();
        let mut rest = Vec::new();
        for row in left {
            let ready = links.iter().all(|&(from, to)| {
                row[from].is_null() || row[from] == row[to] || placed.contains(&(to, row[from].to_string()))
            });
            if ready {
                for &(_, to) in &links {
                    placed.insert((to, row[to].to_string()));
                }
                order.push(row);
            } else {
                rest.push(row);
            }
        }
        if rest.len() == before {
            order.append(&mut rest);
        }
        left = rest;
    }
    order
}

/// Rows waiting to be inserted together.
#[derive(Default)]
struct Batch {
    rows: Vec<Vec<Value>>,
}

impl Batch {
    async fn push(
        &mut self,
        txn: &DatabaseTransaction,
        def: &TableDef,
        table: &Table,
        cells: &[Json],
        reader: &Reader,
    ) -> Result<()> {
        let mut values = Vec::with_capacity(cells.len());
        for ((cell, column), c) in cells.iter().zip(&table.columns).zip(&def.columns) {
            values.push(
                super::value::bind(cell, column.kind, c.native)
                    .map_err(|e| reader.error(format!("column {}: {e}", column.name)))?,
            );
        }
        self.rows.push(values);
        if self.rows.len() * def.columns.len().max(1) >= MAX_PARAMETERS {
            self.flush(txn, def, reader.path()).await?;
        }
        Ok(())
    }

    /// Inserts the rows waiting; a failure names the table.
    async fn flush(&mut self, txn: &DatabaseTransaction, def: &TableDef, file: &Path) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let first = self.rows.len();
        let mut insert = Query::insert();
        insert
            .into_table(Alias::new(&def.name))
            .columns(def.columns.iter().map(|c| Alias::new(&c.name)));
        for row in self.rows.drain(..) {
            insert
                .values(row.into_iter().map(Into::into))
                .map_err(|e| failure(file, format!("table {}: {e}", def.name)))?;
        }
        let statement = txn.get_database_backend().build(&insert);
        txn.execute_raw(statement).await.map_err(|e| {
            failure(
                file,
                format!(
                    "loading {first} rows of table {} failed, so nothing was restored: {e}",
                    def.name
                ),
            )
        })?;
        Ok(())
    }
}
