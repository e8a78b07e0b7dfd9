//! Published editions and their lock.
//!
//! Publishing freezes an edition: [`Writer::freeze_edition`] stores its snapshot (one JSON
//! document of everything it shows), the snapshot's SHA-256 and its data package in
//! `edition_snapshot`, and marks the edition `published`. From then on the edition's own rows are
//! locked: every [`Writer`] insert, update or delete of a row of [`LOCKED_TABLES`] that belongs to
//! a published edition (and of a citation of such a row) fails with [`StoreError::Locked`],
//! before anything is written. Corrections are `erratum` rows instead, which stay editable and
//! which the next build of the edition lists.
//!
//! The API, for the command line and the staff workspace:
//! - [`Store::edition_lock`]: is this edition published? (to show a form read-only);
//! - [`Writer::ensure_editable`]: refuse early, with the same error the writer would give;
//! - [`Store::frozen_edition`], [`Store::errata`]: what a build of a published edition reads;
//! - [`Writer::freeze_edition`] with [`Store::last_audit_event_id`]: publishing itself.
//!
//! Shared records (mechanisms, their statuses and members, organisations, sources) are not
//! locked: several editions show them, and a published edition's outputs come from its frozen
//! snapshot, so later corrections to them cannot change what it printed.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ActiveValue, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Value};
use time::OffsetDateTime;

use crate::entity::{edition, edition_snapshot, erratum, essay, essay_call};
use crate::{Result, Store, StoreError, Writer};

/// The tables whose rows belong to one edition (by their `edition_id`) and are locked once it is
/// published.
pub const LOCKED_TABLES: [&str; 7] = [
    "assessment_round",
    "edition",
    "edition_part",
    "edition_publisher",
    "edition_contributor",
    "profile",
    "mechanism_function",
];

/// A published edition: what locks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The edition.
    pub edition_id: i32,
    /// Its slug.
    pub slug: String,
    /// SHA-256 of its frozen snapshot (hex).
    pub sha256: String,
    /// When it was published (UTC).
    pub published_at: OffsetDateTime,
    /// Who published it.
    pub published_by: String,
}

/// A value of a row, as the lock reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cell {
    Int(i64),
    Text(String),
}

impl Cell {
    /// From a sea-orm value (an active model's field).
    pub(crate) fn from_value(value: &Value) -> Option<Cell> {
        match value {
            Value::Int(Some(i)) => Some(Cell::Int(i64::from(*i))),
            Value::BigInt(Some(i)) => Some(Cell::Int(*i)),
            Value::String(Some(s)) => Some(Cell::Text(s.to_string())),
            _ => None,
        }
    }

    /// From a JSON value (a model serialised for the audit log).
    pub(crate) fn from_json(value: Option<&serde_json::Value>) -> Option<Cell> {
        match value? {
            serde_json::Value::Number(n) => n.as_i64().map(Cell::Int),
            serde_json::Value::String(s) => Some(Cell::Text(s.clone())),
            _ => None,
        }
    }

    fn int(self) -> Option<i32> {
        match self {
            Cell::Int(i) => i32::try_from(i).ok(),
            Cell::Text(t) => t.parse().ok(),
        }
    }

    fn text(self) -> String {
        match self {
            Cell::Int(i) => i.to_string(),
            Cell::Text(t) => t,
        }
    }
}

/// The value of `ActiveValue` when it is set or unchanged.
pub(crate) fn active_cell(value: ActiveValue<Value>) -> Option<Cell> {
    match value {
        ActiveValue::Set(v) | ActiveValue::Unchanged(v) => Cell::from_value(&v),
        ActiveValue::NotSet => None,
    }
}

fn published(row: edition_snapshot::Model, slug: String) -> Published {
    Published {
        edition_id: row.edition_id,
        slug,
        sha256: row.sha256,
        published_at: row.published_at,
        published_by: row.published_by,
    }
}

impl Store {
    /// The publication that locks the edition `edition_id`, or `None` when the edition is not
    /// published and its rows may be edited.
    pub async fn edition_lock(&self, edition_id: i32) -> Result<Option<Published>> {
        lock_of(&self.db, edition_id).await
    }

    /// The edition `slug` and, when it is published, its frozen snapshot. `None` when no edition
    /// has that slug.
    pub async fn frozen_edition(
        &self,
        slug: &str,
    ) -> Result<Option<(edition::Model, Option<edition_snapshot::Model>)>> {
        let Some(e) = edition::Entity::find()
            .filter(edition::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let frozen = edition_snapshot::Entity::find_by_id(e.edition_id).one(&self.db).await?;
        Ok(Some((e, frozen)))
    }

    /// Records an erratum of the edition `edition_id` as `by`: issued on a partial date
    /// (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), where the error is and the correction, both not
    /// empty (trimmed). A bad value is a [`StoreError::Invalid`] naming its field (`issued_on`,
    /// `location`, `correction`) and nothing is written. The workspace and `nmp edition erratum`
    /// both record errata through here.
    pub async fn record_erratum(
        &self,
        edition_id: i32,
        issued_on: &str,
        location: &str,
        correction: &str,
        by: &str,
    ) -> Result<erratum::Model> {
        let issued_on = issued_on.trim();
        nmp_core::PartialDate::parse("issued_on", issued_on)?;
        if location.trim().is_empty() {
            return Err(nmp_core::ValidationError::new(
                "location",
                "say where the error is (a part, a profile, a table or a page)",
            )
            .into());
        }
        if correction.trim().is_empty() {
            return Err(nmp_core::ValidationError::new("correction", "say what was wrong and what is right").into());
        }
        let mut w = self.writer(by).await?;
        let row = w
            .insert(erratum::ActiveModel {
                edition_id: ActiveValue::Set(edition_id),
                issued_on: ActiveValue::Set(issued_on.to_string()),
                location: ActiveValue::Set(location.trim().to_string()),
                correction: ActiveValue::Set(correction.trim().to_string()),
                note: ActiveValue::Set(None),
                ..Default::default()
            })
            .await?;
        w.commit().await?;
        Ok(row)
    }

    /// The errata of the edition `edition_id`, by date of issue.
    pub async fn errata(&self, edition_id: i32) -> Result<Vec<erratum::Model>> {
        Ok(erratum::Entity::find()
            .filter(erratum::Column::EditionId.eq(edition_id))
            .order_by_asc(erratum::Column::IssuedOn)
            .order_by_asc(erratum::Column::ErratumId)
            .all(&self.db)
            .await?)
    }

    /// The id of the latest audit event: read it before reading what is to be frozen, and pass it
    /// to [`Writer::freeze_edition`], which refuses if anything was written in between.
    pub async fn last_audit_event_id(&self) -> Result<i64> {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.db.get_database_backend(),
                "SELECT last_event_id FROM audit_head WHERE audit_head_id = 1",
            ))
            .await?
            .ok_or_else(|| sea_orm::DbErr::RecordNotFound("audit_head row 1 (run `nmp migrate`)".into()))?;
        Ok(row.try_get("", "last_event_id")?)
    }
}

async fn lock_of(conn: &impl ConnectionTrait, edition_id: i32) -> Result<Option<Published>> {
    let Some(row) = edition_snapshot::Entity::find_by_id(edition_id).one(conn).await? else {
        return Ok(None);
    };
    let slug = edition::Entity::find_by_id(edition_id)
        .one(conn)
        .await?
        .map(|e| e.slug)
        .unwrap_or_else(|| edition_id.to_string());
    Ok(Some(published(row, slug)))
}

impl Writer {
    /// Fails with [`StoreError::Locked`] when the edition `edition_id` is published; `entity` and
    /// `key` name the row the caller is about to change, for the message. The writer checks this
    /// itself on every write to a locked table; call it to refuse before doing other work.
    pub async fn ensure_editable(&self, edition_id: i32, entity: &str, key: &str) -> Result<()> {
        match lock_of(self.conn(), edition_id).await? {
            None => Ok(()),
            Some(p) => Err(StoreError::Locked {
                edition: p.slug,
                entity: entity.to_string(),
                key: key.to_string(),
            }),
        }
    }

    /// The lock check of one row of `table`, whose fields `field` reads: a row of a locked table
    /// belongs to its `edition_id`; a citation belongs to the edition of the row it cites.
    pub(crate) async fn check_lock(&self, table: &str, field: impl Fn(&str) -> Option<Cell>, key: &str) -> Result<()> {
        let edition_id = if LOCKED_TABLES.contains(&table) {
            field("edition_id").and_then(Cell::int)
        } else if table == "citation" {
            match (field("entity").map(Cell::text), field("entity_id").map(Cell::text)) {
                (Some(entity), Some(id)) if LOCKED_TABLES.contains(&entity.as_str()) => {
                    self.edition_of(&entity, &id).await?
                }
                _ => None,
            }
        } else {
            None
        };
        match edition_id {
            Some(id) => self.ensure_editable(id, table, key).await,
            None => Ok(()),
        }
    }

    /// The edition a row of a locked table belongs to.
    async fn edition_of(&self, table: &str, key: &str) -> Result<Option<i32>> {
        let Ok(id) = key.parse::<i32>() else {
            return Ok(None);
        };
        if table == "edition" {
            return Ok(Some(id));
        }
        let query = Query::select()
            .column(Alias::new("edition_id"))
            .from(Alias::new(table))
            .and_where(Expr::col(Alias::new(format!("{table}_id"))).eq(id))
            .to_owned();
        let row = self.conn().query_one(&query).await?;
        Ok(match row {
            Some(r) => Some(r.try_get::<i32>("", "edition_id")?),
            None => None,
        })
    }

    /// Publishes the edition `edition_id`: marks it `published` with `sha256` as its
    /// `snapshot_hash`, and stores the frozen `snapshot` (JSON) and `datapackage` (JSON object of
    /// file name to contents). `read_at` is [`Store::last_audit_event_id`] as it was before the
    /// snapshot was read: if anything was written since, the snapshot may be stale and this fails
    /// with [`StoreError::Moved`]. Fails with [`StoreError::Locked`] if the edition is already
    /// published. Recorded as one `publish` audit event with the hash and sizes (the snapshot
    /// itself is in the row the event names).
    pub async fn freeze_edition(
        &mut self,
        edition_id: i32,
        read_at: i64,
        sha256: &str,
        snapshot: String,
        datapackage: String,
    ) -> Result<edition::Model> {
        if self.last_event_id() != read_at {
            return Err(StoreError::Moved {
                since: read_at,
                now: self.last_event_id(),
            });
        }
        let e = edition::Entity::find_by_id(edition_id)
            .one(self.conn())
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "edition".into(),
                key: edition_id.to_string(),
            })?;
        self.ensure_editable(edition_id, "edition", &e.slug).await?;
        let sha = sha256.to_string();
        let updated = self
            .update::<edition::Entity>(edition_id, e.version, |row| {
                row.status = ActiveValue::Set("published".into());
                row.snapshot_hash = ActiveValue::Set(Some(sha));
            })
            .await?;
        let summary = serde_json::json!({
            "edition": e.slug,
            "sha256": sha256,
            "snapshot_bytes": snapshot.len(),
            "datapackage_bytes": datapackage.len(),
        });
        let row = edition_snapshot::ActiveModel {
            edition_id: ActiveValue::Set(edition_id),
            sha256: ActiveValue::Set(sha256.to_string()),
            snapshot: ActiveValue::Set(snapshot),
            datapackage: ActiveValue::Set(datapackage),
            published_at: ActiveValue::Set(self.now()),
            published_by: ActiveValue::Set(self.actor().to_string()),
        };
        edition_snapshot::Entity::insert(row)
            .exec_without_returning(self.conn())
            .await?;
        self.record("edition_snapshot", &edition_id.to_string(), "publish", summary)
            .await?;
        // The essays printed in the edition are published with it.
        let calls: Vec<i32> = essay_call::Entity::find()
            .filter(essay_call::Column::EditionId.eq(edition_id))
            .all(self.conn())
            .await?
            .iter()
            .map(|c| c.call_id)
            .collect();
        let ready = essay::Entity::find()
            .filter(essay::Column::CallId.is_in(calls))
            .filter(essay::Column::Stage.eq("ready"))
            .filter(essay::Column::EditionPartId.is_not_null())
            .all(self.conn())
            .await?;
        for e in ready {
            self.update::<essay::Entity>(e.essay_id, e.version, |row| {
                row.stage = ActiveValue::Set("published".into());
            })
            .await?;
        }
        Ok(updated)
    }
}
