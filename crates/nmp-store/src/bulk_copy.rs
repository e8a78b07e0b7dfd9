//! PostgreSQL's way in for [`Writer::insert_bulk`] and [`crate::BulkInsert::push`]:
//! `COPY table (columns) FROM STDIN` on the writer's own connection and transaction (see
//! `writer_txn.rs`), so a failed load, or any failure after it, still rolls back everything,
//! audit event included. SQLite keeps the batched `INSERT` of `bulk.rs`.
//!
//! The rows travel in `COPY`'s text format: one line per row, columns separated by tabs, `\N` for
//! NULL, and backslash, tab, newline and carriage return in text escaped with a backslash (so
//! commas, quotes and everything else go through as they are). Floats are written in Rust's
//! shortest form that reads back to the same `f64` (NaN and the infinities in PostgreSQL's
//! spelling), so every value comes back bit for bit. Rows are encoded in chunks of about
//! [`CHUNK_BYTES`]; the next chunk is encoded while the previous one is on its way to the server.

use std::fmt::Write as _;
use std::future::Future;
use std::task::Poll;

use sea_orm::{DbErr, RuntimeErr, Value};

use crate::bulk::BulkRow;
use crate::{Result, StoreError, Writer};

/// Bytes of `COPY` data per message.
const CHUNK_BYTES: usize = 1 << 20;

fn copy_err(e: sea_orm::sqlx::Error) -> StoreError {
    StoreError::Db(DbErr::Exec(RuntimeErr::SqlxError(e.into())))
}

/// Appends `text` escaped for `COPY`'s text format.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// Appends `x` so that PostgreSQL reads back exactly `x`.
fn push_f64(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("NaN");
    } else if x.is_infinite() {
        out.push_str(if x > 0.0 { "Infinity" } else { "-Infinity" });
    } else {
        // Rust prints the shortest digits that parse back to the same value.
        let _ = write!(out, "{x}");
    }
}

/// Appends one value in `COPY`'s text format, or says which column holds a value it cannot write.
fn push_value(out: &mut String, value: &Value, table: &str, column: &str) -> Result<()> {
    match value {
        Value::Bool(Some(b)) => out.push(if *b { 't' } else { 'f' }),
        Value::TinyInt(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::SmallInt(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::Int(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::BigInt(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::TinyUnsigned(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::SmallUnsigned(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::Unsigned(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::BigUnsigned(Some(n)) => write!(out, "{n}").expect("writing to a String"),
        Value::Float(Some(x)) => push_f64(out, f64::from(*x)),
        Value::Double(Some(x)) => push_f64(out, *x),
        Value::String(Some(s)) => push_text(out, s),
        Value::Char(Some(c)) => push_text(out, c.encode_utf8(&mut [0; 4])),
        Value::Json(Some(json)) => push_text(out, &json.to_string()),
        // bytea's hex form, its backslash escaped for COPY.
        Value::Bytes(Some(bytes)) => {
            out.push_str("\\\\x");
            out.push_str(&hex::encode(bytes));
        }
        other if *other == other.as_null() => out.push_str("\\N"),
        other => {
            return Err(StoreError::Db(DbErr::Custom(format!(
                "bulk load into {table}: column {column} holds a {other:?}, which COPY here does not write (use a number, text, boolean, JSON or bytes)"
            ))));
        }
    }
    Ok(())
}

/// Encodes rows from the front of `rows` until about [`CHUNK_BYTES`] are written; returns the
/// chunk and how many rows it holds.
fn encode<R: BulkRow>(rows: &[R], values: &mut Vec<Value>) -> Result<(Vec<u8>, usize)> {
    let mut out = String::with_capacity(CHUNK_BYTES + 4096);
    let mut n = 0;
    for row in rows {
        values.clear();
        row.push_values(values);
        assert_eq!(values.len(), R::COLUMNS.len(), "{}: one value per column", R::TABLE);
        for (i, (value, column)) in values.iter().zip(R::COLUMNS).enumerate() {
            if i > 0 {
                out.push('\t');
            }
            push_value(&mut out, value, R::TABLE, column)?;
        }
        out.push('\n');
        n += 1;
        if out.len() >= CHUNK_BYTES {
            break;
        }
    }
    Ok((out.into_bytes(), n))
}

/// Loads `rows` into their table with one `COPY` in `w`'s transaction; returns the row count.
/// A row the table refuses (a duplicate key, a missing foreign key) fails the whole `COPY`, and
/// the transaction with it.
pub(crate) async fn copy_rows<R: BulkRow>(w: &Writer, rows: &[R]) -> Result<u64> {
    if rows.is_empty() {
        return Ok(0);
    }
    let mut conn = w.conn().postgres().await.expect("COPY is only used on PostgreSQL");
    let statement = format!("COPY {} ({}) FROM STDIN", R::TABLE, R::COLUMNS.join(", "));
    let mut copy = conn.copy_in_raw(&statement).await.map_err(copy_err)?;
    let mut values = Vec::with_capacity(R::COLUMNS.len());
    let mut rest = rows;
    let mut next = Some(encode(rest, &mut values));
    while let Some(chunk) = next.take() {
        let (bytes, n) = match chunk {
            Ok(chunk) => chunk,
            Err(e) => {
                // Tell the server to discard the rows sent so far; the error is the caller's.
                let _ = copy.abort(e.to_string()).await;
                return Err(e);
            }
        };
        rest = &rest[n..];
        let mut send = std::pin::pin!(copy.send(bytes));
        // Poll once, which hands the chunk to the connection, then encode the next one while it
        // goes out.
        let early = std::future::poll_fn(|cx| Poll::Ready(send.as_mut().poll(cx))).await;
        if !rest.is_empty() {
            next = Some(encode(rest, &mut values));
        }
        match early {
            Poll::Ready(result) => result.map_err(copy_err)?,
            Poll::Pending => send.await.map_err(copy_err)?,
        };
    }
    copy.finish().await.map_err(copy_err)
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, SqlErr, Statement};

    use super::*;
    use crate::entity::{indicator, observation};
    use crate::testing::{engines, execute, kenya, observation_fixture};
    use crate::{EntityTrait, NewObservation, Set};

    #[test]
    fn text_is_escaped_and_floats_keep_every_digit() {
        let mut out = String::new();
        push_text(&mut out, "a,b \"q\" 'x'\tc\nd\re\\f \\N \\.");
        assert_eq!(out, "a,b \"q\" 'x'\\tc\\nd\\re\\\\f \\\\N \\\\.");
        for (x, text) in [
            (0.1, "0.1"),
            (-0.0, "-0"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            let mut out = String::new();
            push_f64(&mut out, x);
            assert_eq!(out, text);
        }
        for x in [
            1.0 / 3.0,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            -1e-300,
            123_456_789.123_456_78,
        ] {
            let mut out = String::new();
            push_f64(&mut out, x);
            assert_eq!(out.parse::<f64>().unwrap().to_bits(), x.to_bits(), "{out}");
        }
        let mut out = String::new();
        let refused = push_value(
            &mut out,
            &Value::TimeDate(Some(time::macros::date!(2026 - 1 - 1))),
            "t",
            "day",
        );
        assert!(refused.unwrap_err().to_string().contains("column day"));
    }

    /// A row of a table made for these tests, with text and a float that can be anything.
    struct Probe<'a> {
        id: i32,
        label: &'a str,
        note: Option<&'a str>,
        x: f64,
    }

    impl BulkRow for Probe<'_> {
        const TABLE: &'static str = "bulk_probe";
        const COLUMNS: &'static [&'static str] = &["probe_id", "label", "note", "x"];

        fn push_values(&self, out: &mut Vec<Value>) {
            out.push(Value::Int(Some(self.id)));
            out.push(Value::String(Some(self.label.to_string())));
            out.push(Value::String(self.note.map(str::to_string)));
            out.push(Value::Double(Some(self.x)));
        }
    }

    #[tokio::test]
    async fn tricky_text_and_floats_come_back_exactly() {
        // Long labels make several COPY chunks.
        let long = "\\,\"\n\t\r;".repeat(150_000);
        let texts = [
            "plain",
            "",
            "comma, \"double\" and 'single' quotes",
            "line\nbreak\r\nand\ttab",
            "back\\slash \\N \\. \\x41 at the end\\",
            "\\N",
            "Côte d'Ivoire — 東京 🙂",
            long.as_str(),
            long.as_str(),
        ];
        let floats = [
            0.1,
            1.0 / 3.0,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            -1e300,
            123_456_789.123_456_78,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for db in engines().await {
            let store = &db.store;
            execute(
                store,
                "CREATE TABLE bulk_probe (probe_id integer PRIMARY KEY, label text NOT NULL, note text, x double precision)",
            )
            .await;
            let mut rows: Vec<Probe> = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                for (j, x) in floats.iter().enumerate() {
                    let note = (j % 3 != 0).then_some(texts[(i + j) % texts.len()]);
                    rows.push(Probe {
                        id: (i * 100 + j) as i32,
                        label: text,
                        note,
                        x: *x,
                    });
                }
            }
            // SQLite keeps neither NaN (it stores NULL) nor the sign of -0 (it stores integral
            // reals as integers); PostgreSQL keeps both.
            if db.engine == "postgres" {
                for (id, x) in [(9_998, -0.0), (9_999, f64::NAN)] {
                    rows.push(Probe {
                        id,
                        label: "special",
                        note: None,
                        x,
                    });
                }
            }
            let events_before = store.counts().await.unwrap()["audit_events"];
            let mut w = store.writer("test").await.unwrap();
            let n = w.insert_bulk(&rows, "probe", serde_json::json!({})).await.unwrap();
            w.commit().await.unwrap();
            assert_eq!(n, rows.len() as u64, "{}", db.engine);
            assert_eq!(store.counts().await.unwrap()["audit_events"], events_before + 1);

            let stored = store
                .db
                .query_all_raw(Statement::from_string(
                    store.db.get_database_backend(),
                    "SELECT probe_id, label, note, x FROM bulk_probe ORDER BY probe_id",
                ))
                .await
                .unwrap();
            assert_eq!(stored.len(), rows.len(), "{}", db.engine);
            for (row, want) in stored.iter().zip(&rows) {
                let id: i32 = row.try_get("", "probe_id").unwrap();
                let label: String = row.try_get("", "label").unwrap();
                let note: Option<String> = row.try_get("", "note").unwrap();
                let x: f64 = row.try_get("", "x").unwrap();
                assert_eq!(id, want.id, "{}", db.engine);
                assert!(label == want.label, "{}: label of row {id} changed", db.engine);
                assert_eq!(note.as_deref(), want.note, "{}: note of row {id}", db.engine);
                assert!(
                    x.to_bits() == want.x.to_bits() || (x.is_nan() && want.x.is_nan()),
                    "{}: row {id}: {x:e} came back for {:e}",
                    db.engine,
                    want.x
                );
            }
            db.finish().await;
        }
    }

    fn observations(indicator_id: i32, years: std::ops::Range<i32>) -> Vec<NewObservation<'static>> {
        years
            .map(|year| NewObservation {
                indicator_id,
                country_iso3: "KEN",
                year,
                value: f64::from(year) / 7.0,
            })
            .collect()
    }

    fn sql_err(e: StoreError) -> Option<SqlErr> {
        match e {
            StoreError::Db(e) => e.sql_err(),
            _ => None,
        }
    }

    #[tokio::test]
    async fn a_failed_load_or_a_failure_after_it_leaves_nothing() {
        for db in engines().await {
            let store = &db.store;
            let (dataset, indicator) = observation_fixture(store).await;
            let events = store.counts().await.unwrap()["audit_events"];
            let nothing_written = || async {
                assert_eq!(
                    observation::Entity::find().all(&store.db).await.unwrap().len(),
                    0,
                    "{}: rows left behind",
                    db.engine
                );
                assert_eq!(
                    store.counts().await.unwrap()["audit_events"],
                    events,
                    "{}: an audit event left behind",
                    db.engine
                );
            };

            // A country that does not exist, in the last of 30,000 rows.
            let mut rows = observations(indicator, 0..30_000);
            rows.push(NewObservation {
                country_iso3: "XXX",
                ..rows[0]
            });
            let mut w = store.writer("test").await.unwrap();
            let e = w.insert_bulk(&rows, "d", serde_json::json!({})).await.unwrap_err();
            assert!(
                matches!(sql_err(e), Some(SqlErr::ForeignKeyConstraintViolation(_))),
                "{}",
                db.engine
            );
            drop(w);
            nothing_written().await;

            // A duplicate key, in a second part of the same load.
            let w = store.writer("test").await.unwrap();
            let mut bulk = w.bulk::<NewObservation>();
            bulk.push(&w, &observations(indicator, 0..10_000)).await.unwrap();
            let e = bulk
                .push(&w, &observations(indicator, 9_999..10_001))
                .await
                .unwrap_err();
            assert!(
                matches!(sql_err(e), Some(SqlErr::UniqueConstraintViolation(_))),
                "{}",
                db.engine
            );
            drop(w);
            nothing_written().await;

            // The load goes in and a later write of the same writer fails.
            let mut w = store.writer("test").await.unwrap();
            let n = w
                .insert_bulk(&observations(indicator, 0..10_000), "d", serde_json::json!({}))
                .await
                .unwrap();
            assert_eq!(n, 10_000);
            let again = w.insert(kenya()).await;
            assert!(again.is_err(), "{}: a second KEN", db.engine);
            drop(w);
            nothing_written().await;

            // The load goes in and the writer is dropped without committing.
            let mut w = store.writer("test").await.unwrap();
            w.insert_bulk(&observations(indicator, 0..10_000), "d", serde_json::json!({}))
                .await
                .unwrap();
            drop(w);
            nothing_written().await;

            // The connections the failures used still work: an indicator made in the writer and
            // rows that refer to it, in two parts, then one more write after them, all committed.
            let mut w = store.writer("test").await.unwrap();
            let second = w
                .insert(indicator::ActiveModel {
                    dataset_id: Set(dataset),
                    code: Set("y".into()),
                    label: Set("Y".into()),
                    ..Default::default()
                })
                .await
                .unwrap();
            let mut bulk = w.bulk::<NewObservation>();
            bulk.push(&w, &observations(second.indicator_id, 0..5_000))
                .await
                .unwrap();
            bulk.push(&w, &observations(second.indicator_id, 5_000..12_000))
                .await
                .unwrap();
            assert_eq!(bulk.finish(&mut w, "d", serde_json::json!({})).await.unwrap(), 12_000);
            w.update::<indicator::Entity>(second.indicator_id, 1, |m| m.label = Set("Y2".into()))
                .await
                .unwrap();
            w.commit().await.unwrap();
            let stored = observation::Entity::find().all(&store.db).await.unwrap();
            assert_eq!(stored.len(), 12_000, "{}", db.engine);
            assert!(stored.iter().all(|o| o.value == f64::from(o.year) / 7.0));
            assert_eq!(store.counts().await.unwrap()["audit_events"], events + 3);
            db.finish().await;
        }
    }
}
