//! The fast bulk insert for large imports ([`Writer::insert_bulk`]): millions of rows of a bulk
//! table (one without version columns) in the writer's transaction, recorded as ONE audit event,
//! like [`Writer::insert_many`] but without its per-row costs:
//!
//! - one multi-row `INSERT` text per batch size, written once, so the driver prepares it once and
//!   reuses the prepared statement for every full batch (its statement cache is keyed by text);
//! - values bound straight from the caller's compact rows ([`BulkRow`]), no active models and no
//!   query builder per batch;
//! - the next batch's values are made while the database thread writes the previous one, so the
//!   two cores of a small server work at once.
//!
//! That is SQLite's way in. PostgreSQL loads the same rows with `COPY ... FROM STDIN` on the
//! writer's own connection and transaction instead (`bulk_copy.rs`), which is several times faster
//! than any `INSERT`; the audit event and the all-or-nothing transaction are the same.

use std::future::Future;
use std::task::Poll;

use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

use crate::{Result, Writer};

/// Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. Large
/// statements matter on SQLite: a statement journals each page it touches once, so fewer, larger
/// statements copy fewer pages.
const MAX_PARAMETERS: usize = 30_000;

/// At most this many rows per statement.
const MAX_BATCH_ROWS: usize = 7_500;

/// A row of a bulk table, as the values of its columns.
pub trait BulkRow {
    /// The table.
    const TABLE: &'static str;
    /// The columns written, in the order [`BulkRow::push_values`] pushes them.
    const COLUMNS: &'static [&'static str];
    /// Appends this row's values, one per column.
    fn push_values(&self, out: &mut Vec<Value>);
}

/// A new `observation` row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NewObservation<'a> {
    /// The indicator.
    pub indicator_id: i32,
    /// ISO alpha-3 of the country.
    pub country_iso3: &'a str,
    /// Calendar year.
    pub year: i32,
    /// Value.
    pub value: f64,
}

impl BulkRow for NewObservation<'_> {
    const TABLE: &'static str = "observation";
    const COLUMNS: &'static [&'static str] = &["indicator_id", "country_iso3", "year", "value"];

    fn push_values(&self, out: &mut Vec<Value>) {
        out.push(Value::Int(Some(self.indicator_id)));
        out.push(Value::String(Some(self.country_iso3.to_string())));
        out.push(Value::Int(Some(self.year)));
        out.push(Value::Double(Some(self.value)));
    }
}

/// `INSERT INTO table (columns) VALUES (...), (...)` for `rows` rows, in the engine's placeholder
/// style.
fn insert_sql(backend: DbBackend, table: &str, columns: &[&str], rows: usize) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    sql.reserve(rows * columns.len() * 7);
    let mut n = 0;
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns.len() {
            if c > 0 {
                sql.push_str(", ");
            }
            n += 1;
            match backend {
                DbBackend::Postgres => {
                    sql.push('$');
                    sql.push_str(&n.to_string());
                }
                _ => sql.push('?'),
            }
        }
        sql.push(')');
    }
    sql
}

fn values_of<R: BulkRow>(rows: &[R]) -> Vec<Value> {
    let mut values = Vec::with_capacity(rows.len() * R::COLUMNS.len());
    for row in rows {
        row.push_values(&mut values);
    }
    values
}

impl Writer {
    /// Inserts `rows` into their bulk table and records ONE audit event for them all (`action =
    /// "import"`, `entity_id = batch_key`, `summary` with the row count added as its `after`),
    /// exactly as [`Writer::insert_many`] does, only faster (see the module documentation).
    pub async fn insert_bulk<R: BulkRow>(
        &mut self,
        rows: &[R],
        batch_key: &str,
        summary: serde_json::Value,
    ) -> Result<u64> {
        let mut bulk = self.bulk::<R>();
        bulk.push(self, rows).await?;
        bulk.finish(self, batch_key, summary).await
    }

    /// Starts a bulk insert into `R`'s table whose rows come in several parts (as a file is
    /// read): [`BulkInsert::push`] each part, then [`BulkInsert::finish`] records the one audit
    /// event. Dropping the writer instead rolls every part back.
    pub fn bulk<R: BulkRow>(&self) -> BulkInsert {
        let backend = self.conn().get_database_backend();
        let batch_rows = (MAX_PARAMETERS / R::COLUMNS.len().max(1)).clamp(1, MAX_BATCH_ROWS);
        BulkInsert {
            table: R::TABLE,
            columns: R::COLUMNS,
            backend,
            batch_rows,
            full_sql: insert_sql(backend, R::TABLE, R::COLUMNS, batch_rows),
            rows: 0,
        }
    }
}

/// A bulk insert in progress (see [`Writer::bulk`]).
#[derive(Debug)]
pub struct BulkInsert {
    table: &'static str,
    columns: &'static [&'static str],
    backend: DbBackend,
    batch_rows: usize,
    full_sql: String,
    rows: u64,
}

impl BulkInsert {
    /// Inserts `rows` (of the table this bulk insert was started for) in `w`'s transaction.
    pub async fn push<R: BulkRow>(&mut self, w: &Writer, rows: &[R]) -> Result<()> {
        assert_eq!(R::TABLE, self.table, "a bulk insert writes one table");
        if self.backend == DbBackend::Postgres {
            self.rows += crate::bulk_copy::copy_rows(w, rows).await?;
            return Ok(());
        }
        let mut chunks = rows.chunks(self.batch_rows);
        let mut next = chunks.next().map(|c| (c.len(), values_of(c)));
        while let Some((len, values)) = next.take() {
            let sql = if len == self.batch_rows {
                self.full_sql.clone()
            } else {
                insert_sql(self.backend, self.table, self.columns, len)
            };
            let statement = Statement::from_sql_and_values(self.backend, sql, values);
            let mut exec = std::pin::pin!(w.conn().execute_raw(statement));
            // Poll once, which hands the statement to the database, then make the next batch
            // while it runs.
            let early = std::future::poll_fn(|cx| Poll::Ready(exec.as_mut().poll(cx))).await;
            next = chunks.next().map(|c| (c.len(), values_of(c)));
            match early {
                Poll::Ready(result) => result?,
                Poll::Pending => exec.await?,
            };
            self.rows += len as u64;
        }
        Ok(())
    }

    /// Rows inserted so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Records the ONE audit event of the whole bulk insert (`action = "import"`, `entity_id =
    /// batch_key`, `summary` with the row count added as its `after`); returns the row count.
    pub async fn finish(self, w: &mut Writer, batch_key: &str, summary: serde_json::Value) -> Result<u64> {
        let mut after = summary;
        if let serde_json::Value::Object(map) = &mut after {
            map.insert("rows".into(), self.rows.into());
        }
        w.append(self.table, batch_key, "import", None, Some(after.to_string()))
            .await?;
        Ok(self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityTrait;
    use crate::entity::observation;
    use crate::testing::{engines, observation_fixture};

    #[test]
    fn the_statement_text_follows_the_engine() {
        assert_eq!(
            insert_sql(DbBackend::Sqlite, "t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
        assert_eq!(
            insert_sql(DbBackend::Postgres, "t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
    }

    #[tokio::test]
    async fn rows_land_with_one_audit_event_and_a_failure_writes_nothing() {
        for db in engines().await {
            let store = &db.store;
            let (_, indicator_id) = observation_fixture(store).await;
            let events_before = store.counts().await.unwrap()["audit_events"];

            // 20,000 rows: two full batches and a short one.
            let rows: Vec<NewObservation> = (0..20_000)
                .map(|n| NewObservation {
                    indicator_id,
                    country_iso3: "KEN",
                    year: 1000 + n,
                    value: f64::from(n) / 2.0,
                })
                .collect();
            let mut w = store.writer("test").await.unwrap();
            let n = w
                .insert_bulk(&rows, "d", serde_json::json!({"dataset": "d"}))
                .await
                .unwrap();
            w.commit().await.unwrap();
            assert_eq!(n, 20_000, "{}", db.engine);
            let stored = store.all::<observation::Entity>().await.unwrap();
            assert_eq!(stored.len(), 20_000);
            assert_eq!(stored[19_999].year, 20_999);
            assert_eq!(stored[19_999].value, 9_999.5);
            assert_eq!(store.counts().await.unwrap()["audit_events"], events_before + 1);

            // A duplicate in the second batch fails the insert after the first batch went in;
            // dropping the writer keeps nothing of either.
            let mut again: Vec<NewObservation> = rows[..8_000]
                .iter()
                .map(|r| NewObservation {
                    year: r.year + 50_000,
                    ..*r
                })
                .collect();
            again.push(again[0]);
            let mut w = store.writer("test").await.unwrap();
            assert!(w.insert_bulk(&again, "d", serde_json::json!({})).await.is_err());
            drop(w);
            assert_eq!(observation::Entity::find().all(&store.db).await.unwrap().len(), 20_000);
        }
    }
}
