//! What a backup reads from the database's own catalogue, so that it needs no list of tables:
//! every table (migration bookkeeping excluded) with its columns and their types, its primary
//! key, the tables it references (to load parents before children) and the column whose values
//! a sequence hands out. Like `introspect.rs`, the one place where the SQL differs per engine:
//! SQLite keeps this in `sqlite_master` and its `pragma_*` functions, PostgreSQL in
//! `information_schema` and `pg_constraint`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use sea_orm::{ConnectionTrait, Statement, Value};

use super::{Kind, failure};
use crate::{Engine, Result};

/// How a column's values are read and bound on this engine; [`Native::kind`] is what the file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Native {
    I16,
    I32,
    I64,
    F32,
    F64,
    Text,
    Bool,
    Timestamp,
    Bytes,
}

impl Native {
    /// The engine-neutral type written to the file.
    pub(crate) fn kind(self) -> Kind {
        match self {
            Native::I16 | Native::I32 | Native::I64 => Kind::Integer,
            Native::F32 | Native::F64 => Kind::Real,
            Native::Text => Kind::Text,
            Native::Bool => Kind::Boolean,
            Native::Timestamp => Kind::Timestamp,
            Native::Bytes => Kind::Bytes,
        }
    }

    /// SQLite's declared type (as sea-query writes it) → how to read it; `None` for a type a
    /// backup cannot carry yet.
    fn sqlite(declared: &str) -> Option<Native> {
        let t = declared.to_ascii_lowercase();
        let base = t.split('(').next().unwrap_or("").trim();
        Some(match base {
            "integer" | "int" | "bigint" | "smallint" | "tinyint" => Native::I64,
            "double" | "float" | "real" => Native::F64,
            "text" | "varchar" | "char" | "character" | "string" => Native::Text,
            "boolean" | "bool" => Native::Bool,
            "timestamp_with_timezone_text" => Native::Timestamp,
            "blob" | "binary" | "varbinary" => Native::Bytes,
            _ => return None,
        })
    }

    /// PostgreSQL's `information_schema.columns.data_type` → how to read it.
    fn postgres(data_type: &str) -> Option<Native> {
        Some(match data_type {
            "smallint" => Native::I16,
            "integer" => Native::I32,
            "bigint" => Native::I64,
            "real" => Native::F32,
            "double precision" => Native::F64,
            "text" | "character varying" | "character" => Native::Text,
            "boolean" => Native::Bool,
            "timestamp with time zone" => Native::Timestamp,
            "bytea" => Native::Bytes,
            _ => return None,
        })
    }
}

/// One column of a table.
#[derive(Debug, Clone)]
pub(crate) struct ColumnDef {
    pub name: String,
    pub native: Native,
}

/// One table, as the catalogue describes it.
#[derive(Debug, Clone)]
pub(crate) struct TableDef {
    pub name: String,
    /// In the table's own order.
    pub columns: Vec<ColumnDef>,
    /// Primary-key columns, in key order (every column when the table has no key).
    pub key: Vec<String>,
    /// Other tables this one references.
    pub references: BTreeSet<String>,
    /// References to the table itself: (column, referenced column).
    pub self_references: Vec<(String, String)>,
    /// The column a sequence fills (an auto-increment key).
    pub auto_key: Option<String>,
}

impl TableDef {
    /// The position of column `name`.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

/// `name` quoted as an SQL identifier (both engines accept double quotes).
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

async fn rows<C: ConnectionTrait>(conn: &C, sql: &str, values: Vec<Value>) -> Result<Vec<sea_orm::QueryResult>> {
    let backend = conn.get_database_backend();
    Ok(conn
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?)
}

/// Every table of ours, parents before the tables that reference them (ties by name), so that
/// loading in this order never breaks a foreign key. `file` names the backup in errors.
pub(crate) async fn tables<C: ConnectionTrait>(conn: &C, engine: Engine, file: &Path) -> Result<Vec<TableDef>> {
    let defs = match engine {
        Engine::Sqlite => sqlite_tables(conn, file).await?,
        Engine::Postgres => postgres_tables(conn, file).await?,
    };
    order(defs, file)
}

fn is_ours(table: &str) -> bool {
    table != "seaql_migrations" && !table.starts_with("sqlite_")
}

async fn sqlite_tables<C: ConnectionTrait>(conn: &C, file: &Path) -> Result<Vec<TableDef>> {
    let mut defs = Vec::new();
    let tables = rows(
        conn,
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
        vec![],
    )
    .await?;
    for t in tables {
        let name: String = t.try_get("", "name")?;
        if !is_ours(&name) {
            continue;
        }
        let sql: String = t.try_get::<Option<String>>("", "sql")?.unwrap_or_default();
        let mut columns = Vec::new();
        let mut key: Vec<(i64, String)> = Vec::new();
        for c in rows(
            conn,
            "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid",
            vec![name.clone().into()],
        )
        .await?
        {
            let column: String = c.try_get("", "name")?;
            let declared: String = c.try_get("", "type")?;
            let native = Native::sqlite(&declared).ok_or_else(|| unknown_type(file, &name, &column, &declared))?;
            let pk: i64 = c.try_get("", "pk")?;
            if pk > 0 {
                key.push((pk, column.clone()));
            }
            columns.push(ColumnDef { name: column, native });
        }
        key.sort();
        let key: Vec<String> = key.into_iter().map(|(_, c)| c).collect();
        let auto_key = match key.as_slice() {
            [only] if sql.to_ascii_uppercase().contains("AUTOINCREMENT") => Some(only.clone()),
            _ => None,
        };
        let mut references = BTreeSet::new();
        let mut self_references = Vec::new();
        for fk in rows(
            conn,
            "SELECT \"table\" AS target, \"from\" AS source_column, \"to\" AS target_column \
             FROM pragma_foreign_key_list(?)",
            vec![name.clone().into()],
        )
        .await?
        {
            let target: String = fk.try_get("", "target")?;
            if target == name {
                let from: String = fk.try_get("", "source_column")?;
                let to: Option<String> = fk.try_get("", "target_column")?;
                self_references.push((from, to.unwrap_or_else(|| key.first().cloned().unwrap_or_default())));
            } else {
                references.insert(target);
            }
        }
        defs.push(TableDef {
            name,
            key: if key.is_empty() {
                columns.iter().map(|c| c.name.clone()).collect()
            } else {
                key
            },
            columns,
            references,
            self_references,
            auto_key,
        });
    }
    Ok(defs)
}

async fn postgres_tables<C: ConnectionTrait>(conn: &C, file: &Path) -> Result<Vec<TableDef>> {
    let mut defs: BTreeMap<String, TableDef> = BTreeMap::new();
    for t in rows(
        conn,
        "SELECT table_name::text AS name FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        vec![],
    )
    .await?
    {
        let name: String = t.try_get("", "name")?;
        if is_ours(&name) {
            defs.insert(
                name.clone(),
                TableDef {
                    name,
                    columns: vec![],
                    key: vec![],
                    references: BTreeSet::new(),
                    self_references: vec![],
                    auto_key: None,
                },
            );
        }
    }
    for c in rows(
        conn,
        "SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type, \
         COALESCE(column_default, '') AS column_default, is_identity::text AS is_identity \
         FROM information_schema.columns WHERE table_schema = current_schema() \
         ORDER BY table_name, ordinal_position",
        vec![],
    )
    .await?
    {
        let table: String = c.try_get("", "table_name")?;
        let Some(def) = defs.get_mut(&table) else { continue };
        let column: String = c.try_get("", "column_name")?;
        let data_type: String = c.try_get("", "data_type")?;
        let native = Native::postgres(&data_type).ok_or_else(|| unknown_type(file, &table, &column, &data_type))?;
        let default: String = c.try_get("", "column_default")?;
        let identity: String = c.try_get("", "is_identity")?;
        if default.starts_with("nextval(") || identity == "YES" {
            def.auto_key = Some(column.clone());
        }
        def.columns.push(ColumnDef { name: column, native });
    }
    for k in rows(
        conn,
        "SELECT kcu.table_name::text AS table_name, kcu.column_name::text AS column_name \
         FROM information_schema.table_constraints tc \
         JOIN information_schema.key_column_usage kcu \
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema \
          AND kcu.table_name = tc.table_name \
         WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() \
         ORDER BY kcu.table_name, kcu.ordinal_position",
        vec![],
    )
    .await?
    {
        let table: String = k.try_get("", "table_name")?;
        if let Some(def) = defs.get_mut(&table) {
            def.key.push(k.try_get("", "column_name")?);
        }
    }
    for fk in rows(
        conn,
        "SELECT cl.relname::text AS table_name, a.attname::text AS column_name, \
                target.relname::text AS target, af.attname::text AS target_column \
         FROM pg_constraint con \
         CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(col, fcol) \
         JOIN pg_class cl ON cl.oid = con.conrelid \
         JOIN pg_class target ON target.oid = con.confrelid \
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col \
         JOIN pg_attribute af ON af.attrelid = con.confrelid AND af.attnum = k.fcol \
         WHERE con.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace",
        vec![],
    )
    .await?
    {
        let table: String = fk.try_get("", "table_name")?;
        let target: String = fk.try_get("", "target")?;
        let Some(def) = defs.get_mut(&table) else { continue };
        if target == table {
            def.self_references
                .push((fk.try_get("", "column_name")?, fk.try_get("", "target_column")?));
        } else {
            def.references.insert(target);
        }
    }
    let mut defs: Vec<TableDef> = defs.into_values().collect();
    for def in &mut defs {
        if def.key.is_empty() {
            def.key = def.columns.iter().map(|c| c.name.clone()).collect();
        }
        def.self_references.sort();
    }
    Ok(defs)
}

fn unknown_type(file: &Path, table: &str, column: &str, ty: &str) -> crate::StoreError {
    failure(
        file,
        format!("column {table}.{column} has the type {ty}, which backups cannot carry yet (see docs/operations.md)"),
    )
}

/// Tables in an order where every table comes after the tables it references (ties by name).
fn order(defs: Vec<TableDef>, file: &Path) -> Result<Vec<TableDef>> {
    let names: BTreeSet<String> = defs.iter().map(|d| d.name.clone()).collect();
    let mut left: BTreeMap<String, TableDef> = defs.into_iter().map(|d| (d.name.clone(), d)).collect();
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut ordered = Vec::new();
    while !left.is_empty() {
        let ready: Vec<String> = left
            .values()
            .filter(|d| d.references.iter().all(|r| placed.contains(r) || !names.contains(r)))
            .map(|d| d.name.clone())
            .collect();
        if ready.is_empty() {
            let cycle: Vec<&str> = left.keys().map(String::as_str).collect();
            return Err(failure(
                file,
                format!(
                    "the tables {} reference each other in a cycle, so no loading order keeps their foreign keys",
                    cycle.join(", ")
                ),
            ));
        }
        for name in ready {
            placed.insert(name.clone());
            ordered.extend(left.remove(&name));
        }
    }
    Ok(ordered)
}

/// The largest value the table's sequence has handed out (0 when none), read outside the
/// table's rows: it is higher than the largest key when the newest rows were deleted, and a
/// restored database must not hand those keys out again.
pub(crate) async fn high_water<C: ConnectionTrait>(conn: &C, engine: Engine, table: &str, column: &str) -> Result<i64> {
    let row = match engine {
        Engine::Sqlite => {
            rows(
                conn,
                "SELECT seq AS high FROM sqlite_sequence WHERE name = ?",
                vec![table.into()],
            )
            .await?
        }
        Engine::Postgres => {
            rows(
                conn,
                "SELECT pg_sequence_last_value(pg_get_serial_sequence($1, $2)::regclass) AS high",
                vec![quoted(table).into(), column.into()],
            )
            .await?
        }
    };
    Ok(match row.first() {
        Some(r) => r.try_get::<Option<i64>>("", "high")?.unwrap_or(0),
        None => 0,
    })
}

/// Moves the table's sequence on to `high` (if it is not there already), so that the next row
/// gets a key above every key the backed-up database ever handed out.
pub(crate) async fn set_high_water<C: ConnectionTrait>(
    conn: &C,
    engine: Engine,
    table: &str,
    column: &str,
    high: i64,
) -> Result<()> {
    if high < 1 {
        return Ok(());
    }
    let backend = conn.get_database_backend();
    match engine {
        Engine::Sqlite => {
            let updated = conn
                .execute_raw(Statement::from_sql_and_values(
                    backend,
                    "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?",
                    vec![high.into(), table.into()],
                ))
                .await?;
            if updated.rows_affected() == 0 {
                conn.execute_raw(Statement::from_sql_and_values(
                    backend,
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
                    vec![table.into(), high.into()],
                ))
                .await?;
            }
        }
        Engine::Postgres => {
            conn.query_all_raw(Statement::from_sql_and_values(
                backend,
                "SELECT setval(pg_get_serial_sequence($1, $2)::regclass, $3, true)",
                vec![quoted(table).into(), column.into(), high.into()],
            ))
            .await?;
        }
    }
    Ok(())
}

/// The schema version as the names of the applied migrations, in order.
pub(crate) async fn migrations<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for r in rows(conn, "SELECT version FROM seaql_migrations ORDER BY version", vec![]).await? {
        names.push(r.try_get("", "version")?);
    }
    Ok(names)
}

/// Rows of `table` (0 when empty).
pub(crate) async fn count<C: ConnectionTrait>(conn: &C, table: &str) -> Result<u64> {
    let r = rows(
        conn,
        &format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {}", quoted(table)),
        vec![],
    )
    .await?;
    let n: i64 = match r.first() {
        Some(r) => r.try_get("", "n")?,
        None => 0,
    };
    Ok(n as u64)
}

/// The largest value of an integer column (0 when the table is empty).
pub(crate) async fn max_of<C: ConnectionTrait>(conn: &C, table: &str, column: &str) -> Result<i64> {
    let r = rows(
        conn,
        &format!(
            "SELECT CAST(MAX({}) AS BIGINT) AS high FROM {}",
            quoted(column),
            quoted(table)
        ),
        vec![],
    )
    .await?;
    Ok(match r.first() {
        Some(r) => r.try_get::<Option<i64>>("", "high")?.unwrap_or(0),
        None => 0,
    })
}
