//! The audited writer: the one way to change the database.
//!
//! A [`Writer`] is a transaction that first takes the audit chain's head row (`UPDATE audit_head`),
//! which serialises writers on both engines: SQLite's write lock is taken at once (so the busy
//! timeout applies instead of a failed lock upgrade), and PostgreSQL holds the row lock until
//! commit. Every insert, update and delete then appends an `audit_event` whose hash chains to the
//! previous one. Updates and deletes name the version the caller read; a stale version is a
//! [`StoreError::Conflict`], never an overwrite. Dropping a writer without [`Writer::commit`]
//! rolls everything back. On PostgreSQL the transaction is a sqlx one (`writer_txn.rs`), so that a
//! bulk load's `COPY` runs in it too.

use std::str::FromStr;

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ActiveValue, ColumnTrait, ConnectionTrait, EntityName, EntityTrait,
    IntoActiveModel, PrimaryKeyToColumn, PrimaryKeyTrait, QueryFilter, Value,
};
use serde::Serialize;
use time::OffsetDateTime;

use crate::audit::{EventFields, event_hash};
use crate::entity::{Keyed, audit_event};
use crate::publish::{Cell, LOCKED_TABLES, active_cell};
use crate::writer_txn::WriteTxn;
use crate::{Result, Store, StoreError};

/// An open write transaction with its place in the audit chain.
pub struct Writer {
    txn: WriteTxn,
    actor: String,
    last_id: i64,
    last_hash: String,
    now: OffsetDateTime,
    generation: std::sync::Arc<crate::generation::Generation>,
}

/// At most this many rows per INSERT statement in bulk inserts.
const INSERT_BATCH: usize = 1000;

/// Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_PARAMETERS: usize = 30_000;

/// Now, truncated to microseconds so that both engines store it exactly.
fn now_micros() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1000 * 1000).unwrap_or(now)
}

fn column<E: EntityTrait>(name: &str) -> E::Column
where
    E::Column: FromStr,
{
    E::Column::from_str(name).unwrap_or_else(|_| {
        panic!(
            "table {} has no column {name}: every editable table must",
            E::default().table_name()
        )
    })
}

fn primary_column<E: EntityTrait>() -> E::Column {
    use sea_orm::Iterable;
    E::PrimaryKey::iter()
        .next()
        .expect("every table has a primary key")
        .into_column()
}

fn to_json<M: Serialize>(model: &M) -> String {
    serde_json::to_string(model).expect("rows serialise to JSON")
}

impl Store {
    /// Starts an audited write on behalf of `actor` (an account email or `system:<what>`).
    pub async fn writer(&self, actor: &str) -> Result<Writer> {
        let txn = WriteTxn::begin(&self.db).await?;
        // Take the head row first: this is the lock that orders writers.
        txn.execute_unprepared("UPDATE audit_head SET last_event_id = last_event_id WHERE audit_head_id = 1")
            .await?;
        let head = txn
            .query_one_raw(sea_orm::Statement::from_string(
                txn.get_database_backend(),
                "SELECT last_event_id, last_hash FROM audit_head WHERE audit_head_id = 1",
            ))
            .await?
            .ok_or_else(|| sea_orm::DbErr::RecordNotFound("audit_head row 1 (run `nmp migrate`)".into()))?;
        Ok(Writer {
            txn,
            actor: actor.to_string(),
            last_id: head.try_get("", "last_event_id")?,
            last_hash: head.try_get("", "last_hash")?,
            now: now_micros(),
            generation: self.generation.clone(),
        })
    }
}

impl Writer {
    /// The transaction, for the store's own reads inside the write (look-ups by natural key and
    /// the like, and a bulk load's `COPY` on PostgreSQL); other crates use the reads `Writer`
    /// offers.
    pub(crate) fn conn(&self) -> &WriteTxn {
        &self.txn
    }

    /// The id of the latest audit event in the chain, as this writer sees it.
    pub fn last_event_id(&self) -> i64 {
        self.last_id
    }

    /// The time every change of this writer is stamped with (UTC).
    pub(crate) fn now(&self) -> OffsetDateTime {
        self.now
    }

    /// Who this writer writes as.
    pub(crate) fn actor(&self) -> &str {
        &self.actor
    }

    /// Appends one audit event with `summary` as its `after`, for changes that are not row
    /// inserts, updates or deletes of editable tables (publishing an edition).
    pub(crate) async fn record(
        &mut self,
        entity: &str,
        entity_id: &str,
        action: &str,
        summary: serde_json::Value,
    ) -> Result<()> {
        self.append(entity, entity_id, action, None, Some(summary.to_string()))
            .await
    }

    /// Inserts a row (its `created_at`, `updated_at`, `updated_by` and `version` are set here) and
    /// records a `create` event.
    pub async fn insert<A>(&mut self, mut row: A) -> Result<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Serialize + Keyed,
        <A::Entity as EntityTrait>::Column: FromStr,
    {
        let table = A::Entity::default().table_name().to_string();
        self.check_active_lock(&table, &row, "(new)").await?;
        row.set(column::<A::Entity>("created_at"), self.now.into());
        row.set(column::<A::Entity>("updated_at"), self.now.into());
        row.set(column::<A::Entity>("updated_by"), self.actor.clone().into());
        row.set(column::<A::Entity>("version"), 1i32.into());
        let model = row.insert(&self.txn).await?;
        self.append(&table, &model.key(), "create", None, Some(to_json(&model)))
            .await?;
        Ok(model)
    }

    /// Changes the row `key` that the caller read at `expected_version`. `change` sets the new
    /// values on the row's active model. Fails with `Conflict` if the row moved on since.
    pub async fn update<E>(
        &mut self,
        key: <E::PrimaryKey as PrimaryKeyTrait>::ValueType,
        expected_version: i32,
        change: impl FnOnce(&mut E::ActiveModel),
    ) -> Result<E::Model>
    where
        E: EntityTrait,
        E::Model: IntoActiveModel<E::ActiveModel> + Serialize + Keyed,
        E::ActiveModel: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
        E::Column: FromStr,
        <E::PrimaryKey as PrimaryKeyTrait>::ValueType: Clone + Into<Value>,
    {
        let before = self.current::<E>(key.clone(), expected_version).await?;
        let table = E::default().table_name().to_string();
        self.check_model_lock(&table, &before).await?;
        let mut row = before.clone().into_active_model();
        change(&mut row);
        // Moving a row into a published edition is a change to that edition too.
        self.check_active_lock(&table, &row, &before.key()).await?;
        row.set(column::<E>("version"), (expected_version + 1).into());
        row.set(column::<E>("updated_at"), self.now.into());
        row.set(column::<E>("updated_by"), self.actor.clone().into());
        let result = E::update_many()
            .set(row)
            .filter(primary_column::<E>().eq(key.clone()))
            .filter(column::<E>("version").eq(expected_version))
            .exec(&self.txn)
            .await?;
        if result.rows_affected != 1 {
            return Err(self.conflict::<E>(key, expected_version).await);
        }
        let after = E::find_by_id(key)
            .one(&self.txn)
            .await?
            .expect("the row just updated exists");
        self.append(
            &table,
            &after.key(),
            "update",
            Some(to_json(&before)),
            Some(to_json(&after)),
        )
        .await?;
        Ok(after)
    }

    /// Deletes the row `key` that the caller read at `expected_version`.
    pub async fn delete<E>(
        &mut self,
        key: <E::PrimaryKey as PrimaryKeyTrait>::ValueType,
        expected_version: i32,
    ) -> Result<()>
    where
        E: EntityTrait,
        E::Model: Serialize + Keyed,
        E::Column: FromStr,
        <E::PrimaryKey as PrimaryKeyTrait>::ValueType: Clone + Into<Value>,
    {
        let before = self.current::<E>(key.clone(), expected_version).await?;
        self.check_model_lock(E::default().table_name(), &before).await?;
        let result = E::delete_many()
            .filter(primary_column::<E>().eq(key.clone()))
            .filter(column::<E>("version").eq(expected_version))
            .exec(&self.txn)
            .await?;
        if result.rows_affected != 1 {
            return Err(self.conflict::<E>(key, expected_version).await);
        }
        let table = E::default().table_name().to_string();
        self.append(&table, &before.key(), "delete", Some(to_json(&before)), None)
            .await
    }

    /// Inserts many rows of a bulk table (one without version columns, such as `observation`) in
    /// batches, and records ONE audit event for them all: `action = "import"`, `entity_id =
    /// batch_key`, and `summary` (counts, file hash, ...) as the event's `after`.
    ///
    /// `rows` may be any iterator: it is drawn a batch at a time, so a caller that makes its rows
    /// as it goes (the synthetic dataset's millions of activities and citations) never holds them
    /// all. A lock that refuses a row refuses the whole write (nothing is kept: the transaction
    /// is the caller's).
    pub async fn insert_many<A>(
        &mut self,
        rows: impl IntoIterator<Item = A>,
        batch_key: &str,
        summary: serde_json::Value,
    ) -> Result<u64>
    where
        A: ActiveModelTrait + Send,
        <A::Entity as EntityTrait>::Column: FromStr,
    {
        let table = A::Entity::default().table_name().to_string();
        let check_locks = lockable(&table);
        use sea_orm::Iterable;
        // Stay below both engines' limits on bound parameters per statement.
        let columns = <A::Entity as EntityTrait>::Column::iter().count().max(1);
        let per_batch = (MAX_PARAMETERS / columns).clamp(1, INSERT_BATCH);
        let mut inserted = 0u64;
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let batch: Vec<A> = rows.by_ref().take(per_batch).collect();
            if check_locks {
                for row in &batch {
                    self.check_active_lock(&table, row, "(new)").await?;
                }
            }
            inserted += batch.len() as u64;
            A::Entity::insert_many(batch).exec_without_returning(&self.txn).await?;
        }
        let mut after = summary;
        if let serde_json::Value::Object(map) = &mut after {
            map.insert("rows".into(), inserted.into());
        }
        self.append(&table, batch_key, "import", None, Some(after.to_string()))
            .await?;
        Ok(inserted)
    }

    /// Inserts many editable rows (each gets `created_at`, `updated_at`, `updated_by` and `version
    /// = 1`, as with [`Writer::insert`]) in batches, recorded as ONE audit event like
    /// [`Writer::insert_many`] (and drawn from `rows` a batch at a time like it). For records
    /// made in bulk by code, such as the synthetic benchmark dataset, where an event per row would
    /// cost more than the rows. The caller reads the new keys back by natural key (slug, or the
    /// columns it set) if it needs them.
    pub async fn insert_many_editable<A>(
        &mut self,
        rows: impl IntoIterator<Item = A>,
        batch_key: &str,
        summary: serde_json::Value,
    ) -> Result<u64>
    where
        A: ActiveModelTrait + Send,
        <A::Entity as EntityTrait>::Column: FromStr,
    {
        let stamps = [
            (column::<A::Entity>("created_at"), Value::from(self.now)),
            (column::<A::Entity>("updated_at"), Value::from(self.now)),
            (column::<A::Entity>("updated_by"), Value::from(self.actor.clone())),
            (column::<A::Entity>("version"), Value::from(1i32)),
        ];
        let stamped = rows.into_iter().map(move |mut row| {
            for (col, value) in &stamps {
                row.set(*col, value.clone());
            }
            row
        });
        self.insert_many(stamped, batch_key, summary).await
    }

    /// Deletes every row of a bulk table where `column` equals `value`, recorded as ONE audit
    /// event (`action = "delete_many"`) with the number of rows removed.
    pub async fn delete_many<E, V>(&mut self, column: E::Column, value: V, batch_key: &str) -> Result<u64>
    where
        E: EntityTrait,
        V: Into<Value>,
    {
        let table = E::default().table_name().to_string();
        let value: Value = value.into();
        if lockable(&table) {
            let rows = E::find()
                .filter(column.eq(value.clone()))
                .into_json()
                .all(&self.txn)
                .await?;
            for row in &rows {
                self.check_lock(&table, |name| Cell::from_json(row.get(name)), batch_key)
                    .await?;
            }
        }
        let result = E::delete_many().filter(column.eq(value)).exec(&self.txn).await?;
        let after = serde_json::json!({ "rows": result.rows_affected });
        self.append(&table, batch_key, "delete_many", None, Some(after.to_string()))
            .await?;
        Ok(result.rows_affected)
    }

    /// After rows were inserted with explicit keys (loading a data package), moves the key
    /// sequence of `table` past its largest `key`, so that the next insert without a key does
    /// not collide. PostgreSQL keeps a separate sequence (the only engine-specific statement
    /// here, like DDL); SQLite's AUTOINCREMENT follows explicit keys by itself.
    pub async fn advance_key_sequence(&self, table: &str, key: &str) -> Result<()> {
        if self.txn.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(());
        }
        let ident = |s: &str| s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        assert!(ident(table) && ident(key), "table and key names are identifiers");
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{key}'), COALESCE((SELECT MAX({key}) FROM {table}), 0) + 1, false)"
        );
        self.txn.execute_unprepared(&sql).await?;
        Ok(())
    }

    /// Commits the changes and the audit events together.
    pub async fn commit(self) -> Result<()> {
        let head = Query::update()
            .table("audit_head")
            .value("last_event_id", self.last_id)
            .value("last_hash", self.last_hash.clone())
            .and_where(Expr::col("audit_head_id").eq(1))
            .to_owned();
        self.txn.execute(&head).await?;
        self.txn.commit().await?;
        self.generation.committed(self.last_id);
        Ok(())
    }

    /// Reads the row and checks its version.
    async fn current<E>(&self, key: <E::PrimaryKey as PrimaryKeyTrait>::ValueType, expected: i32) -> Result<E::Model>
    where
        E: EntityTrait,
        E::Model: Keyed,
        <E::PrimaryKey as PrimaryKeyTrait>::ValueType: Clone + Into<Value>,
    {
        let entity = E::default().table_name().to_string();
        let value: Value = key.clone().into();
        let row = E::find_by_id(key)
            .one(&self.txn)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: entity.clone(),
                key: value_text(&value),
            })?;
        if row.version() != expected {
            return Err(StoreError::Conflict {
                entity,
                key: row.key(),
                expected,
                current: row.version(),
            });
        }
        Ok(row)
    }

    async fn conflict<E>(&self, key: <E::PrimaryKey as PrimaryKeyTrait>::ValueType, expected: i32) -> StoreError
    where
        E: EntityTrait,
        E::Model: Keyed,
        <E::PrimaryKey as PrimaryKeyTrait>::ValueType: Clone + Into<Value>,
    {
        match self.current::<E>(key, expected).await {
            Err(e) => e,
            Ok(row) => StoreError::Conflict {
                entity: E::default().table_name().to_string(),
                key: row.key(),
                expected,
                current: row.version(),
            },
        }
    }

    /// The lock check for a row about to be inserted or updated.
    async fn check_active_lock<A: ActiveModelTrait>(&self, table: &str, row: &A, key: &str) -> Result<()>
    where
        <A::Entity as EntityTrait>::Column: FromStr,
    {
        if !lockable(table) {
            return Ok(());
        }
        let field = |name: &str| {
            <A::Entity as EntityTrait>::Column::from_str(name)
                .ok()
                .and_then(|c| active_cell(row.get(c)))
        };
        self.check_lock(table, field, key).await
    }

    /// The lock check for a row as it is in the database.
    async fn check_model_lock<M: Serialize + Keyed>(&self, table: &str, row: &M) -> Result<()> {
        if !lockable(table) {
            return Ok(());
        }
        let json = serde_json::to_value(row).expect("rows serialise to JSON");
        self.check_lock(table, |name| Cell::from_json(json.get(name)), &row.key())
            .await
    }

    pub(crate) async fn append(
        &mut self,
        entity: &str,
        entity_id: &str,
        action: &str,
        before_json: Option<String>,
        after_json: Option<String>,
    ) -> Result<()> {
        let id = self.last_id + 1;
        let hash = event_hash(&EventFields {
            id,
            occurred_at: self.now,
            actor: &self.actor,
            entity,
            entity_id,
            action,
            before_json: before_json.as_deref(),
            after_json: after_json.as_deref(),
            prev_hash: &self.last_hash,
        });
        let event = audit_event::ActiveModel {
            audit_event_id: ActiveValue::Set(id),
            occurred_at: ActiveValue::Set(self.now),
            actor: ActiveValue::Set(self.actor.clone()),
            entity: ActiveValue::Set(entity.to_string()),
            entity_id: ActiveValue::Set(entity_id.to_string()),
            action: ActiveValue::Set(action.to_string()),
            before_json: ActiveValue::Set(before_json),
            after_json: ActiveValue::Set(after_json),
            prev_hash: ActiveValue::Set(self.last_hash.clone()),
            hash: ActiveValue::Set(hash.clone()),
        };
        audit_event::Entity::insert(event)
            .exec_without_returning(&self.txn)
            .await?;
        self.last_id = id;
        self.last_hash = hash;
        Ok(())
    }
}

/// Whether rows of `table` can belong to an edition (and so be locked).
fn lockable(table: &str) -> bool {
    table == "citation" || LOCKED_TABLES.contains(&table)
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(Some(s)) => s.to_string(),
        Value::Int(Some(i)) => i.to_string(),
        Value::BigInt(Some(i)) => i.to_string(),
        other => format!("{other:?}"),
    }
}
