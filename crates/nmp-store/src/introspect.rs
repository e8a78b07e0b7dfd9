//! Schema introspection: which tables and columns the database has. Used by the test that checks
//! both engines end with the same schema. Catalogue queries are the one place where the SQL
//! differs per engine, like DDL: SQLite keeps its catalogue in `sqlite_master` and
//! `pragma_table_info`, PostgreSQL in `information_schema`.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, Statement};

use crate::{Engine, Result, Store};

/// Table name → its column names, sorted.
pub type TableColumns = BTreeMap<String, Vec<String>>;

impl Store {
    /// Every table of ours (migration bookkeeping excluded) with its columns.
    pub async fn table_columns(&self) -> Result<TableColumns> {
        let sql = match self.engine {
            Engine::Sqlite => {
                "SELECT m.name AS table_name, p.name AS column_name \
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            }
            Engine::Postgres => {
                "SELECT table_name::text AS table_name, column_name::text AS column_name \
                 FROM information_schema.columns WHERE table_schema = current_schema()"
            }
        };
        let rows = self
            .db
            .query_all_raw(Statement::from_string(self.db.get_database_backend(), sql))
            .await?;
        let mut tables = TableColumns::new();
        for row in rows {
            let table: String = row.try_get("", "table_name")?;
            if table == "seaql_migrations" {
                continue;
            }
            tables.entry(table).or_default().push(row.try_get("", "column_name")?);
        }
        for columns in tables.values_mut() {
            columns.sort();
        }
        Ok(tables)
    }
}
