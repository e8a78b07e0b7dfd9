//! Writing a [`Change`] and its [`CitationInput`] through an audited [`Writer`].
//!
//! Values are checked again inside the write transaction ([`check_fields`] on the writer's own
//! connection), so a row deleted or a slug taken between the form and the save is a field error,
//! not a database error. A stale version is [`StoreError::Conflict`] and nothing is written.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, Iterable, PrimaryKeyToColumn, QueryFilter};
use serde_json::Value;

use super::schema::{FieldErrors, check_fields};
use super::{Change, ChangeAction, CitationInput, Fields, Record, SourceRef, record_of, with_entity};
use crate::entity::{
    activity, citation, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use crate::{Result, StoreError, Writer};

/// Why a change was not written.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// Some values are wrong; each names its field (citation fields are prefixed `citation.`,
    /// new-source fields `source.`).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Fields(FieldErrors),
    /// The store refused (a conflict, a missing record, a database failure).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ApplyError {
    fn from(e: sea_orm::DbErr) -> Self {
        ApplyError::Store(StoreError::Db(e))
    }
}

fn json_err(e: sea_orm::DbErr) -> ApplyError {
    ApplyError::Fields(vec![nmp_core::ValidationError::new("fields", e.to_string())])
}

impl Writer {
    /// Writes `change` (and, when given, its citation: a new source first if asked for, then the
    /// citation row) and returns the record as it now is (`None` after a delete).
    pub async fn apply(
        &mut self,
        change: &Change,
        citation: Option<&CitationInput>,
    ) -> std::result::Result<Option<Record>, ApplyError> {
        let table = change.table.as_str();
        super::check_table(table)?;
        self.check_shape(change).await?;
        self.check_framework_frozen(change).await?;
        if change.action != ChangeAction::Delete {
            let merged = super::merged_fields(self.conn(), change).await?;
            let errors = check_fields(self.conn(), table, change.key, &merged).await?;
            if !errors.is_empty() {
                return Err(ApplyError::Fields(errors));
            }
        }
        let record = match change.action {
            ChangeAction::Create => Some(self.create_record(table, &change.fields).await?),
            ChangeAction::Update => {
                let (key, version) = key_and_version(change)?;
                Some(self.update_record(table, key, version, &change.fields).await?)
            }
            ChangeAction::Delete => {
                let (key, version) = key_and_version(change)?;
                self.delete_record(table, key, version).await?;
                None
            }
        };
        if let (Some(record), Some(cite)) = (&record, citation) {
            self.cite(record, cite).await?;
        }
        Ok(record)
    }

    /// A questionnaire that has answers keeps its shape: its questions cannot be added, changed or
    /// removed (make a new revision instead).
    async fn check_shape(&self, change: &Change) -> std::result::Result<(), ApplyError> {
        use crate::entity::{invitation, question};
        if change.table != "question" {
            return Ok(());
        }
        let mut ids = Vec::new();
        if let Some(key) = change.key
            && let Some(q) = question::Entity::find_by_id(key).one(self.conn()).await?
        {
            ids.push(q.questionnaire_id);
        }
        if let Some(id) = change.fields.get("questionnaire_id").and_then(Value::as_i64) {
            ids.push(id as i32);
        }
        for id in ids {
            let answered = invitation::Entity::find()
                .filter(invitation::Column::QuestionnaireId.eq(id))
                .filter(invitation::Column::SubmittedAt.is_not_null())
                .one(self.conn())
                .await?;
            if answered.is_some() {
                return Err(ApplyError::Fields(vec![nmp_core::ValidationError::new(
                    "questionnaire_id",
                    format!(
                        "questionnaire {id} has answers, so its questions cannot change; make a new revision of it instead"
                    ),
                )]));
            }
        }
        Ok(())
    }

    async fn create_record(&mut self, table: &str, fields: &Fields) -> std::result::Result<Record, ApplyError> {
        with_entity!(table, E => {
            let mut row = <E as EntityTrait>::ActiveModel::from_json(complete(table, fields)).map_err(json_err)?;
            let pk = <E as EntityTrait>::PrimaryKey::iter().next().expect("a key").into_column();
            row.not_set(pk);
            let model = self.insert(row).await?;
            Ok(record_of(table, &model))
        })
    }

    async fn update_record(
        &mut self,
        table: &str,
        key: i32,
        version: i32,
        fields: &Fields,
    ) -> std::result::Result<Record, ApplyError> {
        with_entity!(table, E => {
            let changed = <E as EntityTrait>::ActiveModel::from_json(complete(table, fields)).map_err(json_err)?;
            let columns: Vec<<E as EntityTrait>::Column> = <E as EntityTrait>::Column::iter()
                .filter(|c| fields.contains_key(sea_orm::IdenStatic::as_str(c)))
                .collect();
            let model = self
                .update::<E>(key, version, |row| {
                    for column in columns {
                        if let sea_orm::ActiveValue::Set(v) = changed.get(column) {
                            row.set(column, v);
                        }
                    }
                })
                .await?;
            Ok(record_of(table, &model))
        })
    }

    async fn delete_record(&mut self, table: &str, key: i32, version: i32) -> std::result::Result<(), ApplyError> {
        // The record's own citations go with it; rows of other tables that point to it stop the
        // delete (foreign keys are ON DELETE RESTRICT) with a message that says so.
        let cites = citation::Entity::find()
            .filter(citation::Column::Entity.eq(table))
            .filter(citation::Column::EntityId.eq(key.to_string()))
            .all(self.conn())
            .await?;
        for c in cites {
            self.delete::<citation::Entity>(c.citation_id, c.version).await?;
        }
        let deleted: Result<()> = with_entity!(table, E => self.delete::<E>(key, version).await);
        match deleted {
            Err(StoreError::Db(e)) if is_foreign_key_violation(&e) => {
                Err(ApplyError::Fields(vec![nmp_core::ValidationError::new(
                    "record",
                    format!(
                        "{table} {key} cannot be deleted while other records point to it; change or delete those first"
                    ),
                )]))
            }
            other => Ok(other?),
        }
    }

    async fn cite(&mut self, record: &Record, cite: &CitationInput) -> std::result::Result<(), ApplyError> {
        let source_id = match &cite.source {
            SourceRef::Existing(id) => {
                if source::Entity::find_by_id(*id).one(self.conn()).await?.is_none() {
                    return Err(ApplyError::Fields(vec![nmp_core::ValidationError::new(
                        "citation.source_id",
                        format!("no source has the key {id}"),
                    )]));
                }
                *id
            }
            SourceRef::New(fields) => {
                let errors = check_fields(self.conn(), "source", None, fields).await?;
                if !errors.is_empty() {
                    return Err(ApplyError::Fields(prefixed("source.", errors)));
                }
                self.create_record("source", fields).await?.key
            }
        };
        if let Some(field) = &cite.field
            && !record.fields.contains_key(field)
        {
            return Err(ApplyError::Fields(vec![nmp_core::ValidationError::new(
                "citation.field",
                format!("{} has no field {field:?}", record.table),
            )]));
        }
        let mut fields = Fields::new();
        fields.insert("source_id".into(), source_id.into());
        fields.insert("entity".into(), record.table.clone().into());
        fields.insert("entity_id".into(), record.key.to_string().into());
        for (name, value) in [
            ("field", &cite.field),
            ("locator", &cite.locator),
            ("quote", &cite.quote),
        ] {
            fields.insert(name.into(), value.clone().map(Value::String).unwrap_or(Value::Null));
        }
        self.create_record("citation", &fields).await?;
        Ok(())
    }
}

/// `fields` with placeholder key and bookkeeping values, so that `ActiveModel::from_json` can build
/// a row (its own placeholders for timestamps do not deserialise). The writer replaces the
/// bookkeeping values and the database numbers the key; only the caller's fields are written.
fn complete(table: &str, fields: &Fields) -> Value {
    let mut map = fields.clone();
    let epoch = serde_json::to_value(time::OffsetDateTime::UNIX_EPOCH).expect("timestamps serialise");
    map.insert(format!("{table}_id"), 0.into());
    map.insert("created_at".into(), epoch.clone());
    map.insert("updated_at".into(), epoch);
    map.insert("updated_by".into(), "".into());
    map.insert("version".into(), 0.into());
    Value::Object(map)
}

/// Field errors with `prefix` put before each field name.
pub fn prefixed(prefix: &str, errors: FieldErrors) -> FieldErrors {
    errors
        .into_iter()
        .map(|e| nmp_core::ValidationError::new(format!("{prefix}{}", e.field), e.message))
        .collect()
}

fn key_and_version(change: &Change) -> std::result::Result<(i32, i32), ApplyError> {
    match (change.key, change.base_version) {
        (Some(k), Some(v)) => Ok((k, v)),
        _ => Err(ApplyError::Fields(vec![nmp_core::ValidationError::new(
            "version",
            "an update or delete must name the record and the version it was made against",
        )])),
    }
}

fn is_foreign_key_violation(e: &sea_orm::DbErr) -> bool {
    let text = e.to_string().to_lowercase();
    text.contains("foreign key")
}
