//! The checks that need the database, on the store or a writer's transaction: that a referenced
//! row exists, that a unique value is free, that a citation names a real row; and the choices a
//! form's drop-down list offers for a field that points to another table.

use std::collections::HashMap;
use std::str::FromStr;

use nmp_core::ValidationError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, Iterable};
use serde_json::Value;

use super::{FieldErrors, fields};
use crate::entity::{
    activity, citation, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use crate::records::{Fields, with_entity};
use crate::{Result, Store, StoreError};

/// Whether a row of `table` (`country` by ISO code, others by id) with key `value` exists.
pub async fn exists(store: &Store, table: &str, value: &Value) -> Result<bool> {
    exists_on(store.conn(), table, value).await
}

/// Whether a row of `table` with key `value` exists (`country` by its ISO code, others by id).
pub(crate) async fn exists_on<C: ConnectionTrait>(db: &C, table: &str, value: &Value) -> Result<bool> {
    use crate::entity::{account, country};
    macro_rules! by_id {
        ($E:ty) => {{
            let Some(id) = value.as_i64().and_then(|v| i32::try_from(v).ok()) else {
                return Ok(false);
            };
            Ok(<$E>::find_by_id(id).one(db).await?.is_some())
        }};
    }
    match table {
        "country" => match value.as_str() {
            Some(code) => Ok(country::Entity::find_by_id(code.to_string()).one(db).await?.is_some()),
            None => Ok(false),
        },
        "account" => by_id!(account::Entity),
        "mechanism" => by_id!(mechanism::Entity),
        "mechanism_status" => by_id!(mechanism_status::Entity),
        "membership" => by_id!(membership::Entity),
        "mechanism_function" => by_id!(mechanism_function::Entity),
        "activity" => by_id!(activity::Entity),
        "organization" => by_id!(organization::Entity),
        "network" => by_id!(network::Entity),
        "network_membership" => by_id!(network_membership::Entity),
        "network_count" => by_id!(network_count::Entity),
        "edition" => by_id!(edition::Entity),
        "edition_part" => by_id!(edition_part::Entity),
        "edition_publisher" => by_id!(edition_publisher::Entity),
        "edition_contributor" => by_id!(edition_contributor::Entity),
        "profile" => by_id!(profile::Entity),
        "source" => by_id!(source::Entity),
        "citation" => by_id!(citation::Entity),
        "translation" => by_id!(crate::entity::translation::Entity),
        "function" => by_id!(function::Entity),
        "questionnaire" => by_id!(crate::entity::questionnaire::Entity),
        "question" => by_id!(crate::entity::question::Entity),
        "invitation" => by_id!(crate::entity::invitation::Entity),
        "initiative" => by_id!(crate::entity::initiative::Entity),
        "initiative_kind" => by_id!(crate::entity::initiative_kind::Entity),
        "initiative_partner" => by_id!(crate::entity::initiative_partner::Entity),
        "framework" => by_id!(crate::entity::framework::Entity),
        "criterion" => by_id!(crate::entity::criterion::Entity),
        "criterion_level" => by_id!(crate::entity::criterion_level::Entity),
        "assessment_round" => by_id!(crate::entity::assessment_round::Entity),
        other => Err(StoreError::NotFound {
            entity: "table".into(),
            key: other.to_string(),
        }),
    }
}

/// Whether another row of `E` (not `key`) already has `value` in `column`.
async fn taken<E, C>(db: &C, column: &str, value: &Value, key: Option<i32>) -> Result<bool>
where
    E: EntityTrait,
    E::Column: FromStr,
    C: ConnectionTrait,
{
    use sea_orm::{PrimaryKeyToColumn, QueryFilter};
    let Ok(col) = E::Column::from_str(column) else {
        return Ok(false);
    };
    let pk = E::PrimaryKey::iter().next().expect("a key").into_column();
    let sea_value: sea_orm::Value = match value {
        Value::String(s) => s.clone().into(),
        Value::Number(n) => n.as_i64().unwrap_or_default().into(),
        _ => return Ok(false),
    };
    let mut query = E::find().filter(col.eq(sea_value));
    if let Some(k) = key {
        query = query.filter(pk.ne(k));
    }
    Ok(query.one(db).await?.is_some())
}

/// Checks what needs the database, on `conn` (the store, or a writer's transaction): that every
/// referenced row exists, that unique values are not taken by another row, and that a citation
/// names an existing row of an editable table. `key` is the record being edited (`None` for a new
/// one).
pub async fn check_fields<C: ConnectionTrait>(
    conn: &C,
    table: &str,
    key: Option<i32>,
    values: &Fields,
) -> Result<FieldErrors> {
    let mut errors = FieldErrors::new();
    for spec in fields(table)? {
        let Some(value) = values.get(&spec.name).filter(|v| !v.is_null()) else {
            continue;
        };
        if let Some(target) = &spec.target
            && !exists_on(conn, target, value).await?
        {
            errors.push(ValidationError::new(
                spec.name.clone(),
                format!("no {target} has the key {}", crate::records::value_text(value)),
            ));
        }
        if spec.unique {
            let is_taken = with_entity!(table, E => taken::<E, C>(conn, &spec.name, value, key).await);
            if is_taken? {
                errors.push(ValidationError::new(
                    spec.name.clone(),
                    format!(
                        "{} is already used by another {table}",
                        crate::records::value_text(value)
                    ),
                ));
            }
        }
    }
    if table == "translation" {
        check_translation(conn, values, &mut errors).await?;
    }
    if table == "citation" {
        let entity = values.get("entity").and_then(Value::as_str).unwrap_or_default();
        let entity_id = values.get("entity_id").and_then(Value::as_str).unwrap_or_default();
        if crate::records::check_table(entity).is_err() {
            errors.push(ValidationError::new(
                "entity",
                format!("{entity:?} is not a table whose rows can be cited"),
            ));
        } else {
            match entity_id.parse::<i64>() {
                Ok(id) if exists_on(conn, entity, &Value::from(id)).await? => {}
                _ => errors.push(ValidationError::new(
                    "entity_id",
                    format!("no {entity} has the key {entity_id:?}"),
                )),
            }
        }
    }
    Ok(errors)
}

/// The records whose prose can be translated, and their fields that can.
pub const TRANSLATABLE: &[(&str, &[&str])] = &[
    ("mechanism", &["name", "mandate", "note"]),
    ("initiative", &["title", "description", "note"]),
    ("organization", &["name", "note"]),
    ("network", &["name", "description", "note"]),
    ("edition", &["title", "subtitle", "methodology", "note"]),
];

/// A translation names a translatable field of an existing record.
async fn check_translation<C: ConnectionTrait>(conn: &C, values: &Fields, errors: &mut FieldErrors) -> Result<()> {
    let text = |name: &str| values.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
    let (entity, entity_id, field) = (text("entity"), text("entity_id"), text("field"));
    let Some((_, fields)) = TRANSLATABLE.iter().find(|(t, _)| *t == entity) else {
        let tables: Vec<&str> = TRANSLATABLE.iter().map(|(t, _)| *t).collect();
        errors.push(ValidationError::new(
            "entity",
            format!(
                "{entity:?} is not a table whose records can be translated ({})",
                tables.join(", ")
            ),
        ));
        return Ok(());
    };
    match entity_id.parse::<i64>() {
        Ok(id) if exists_on(conn, &entity, &Value::from(id)).await? => {}
        _ => errors.push(ValidationError::new(
            "entity_id",
            format!("no {entity} has the key {entity_id:?}"),
        )),
    }
    if !fields.contains(&field.as_str()) {
        errors.push(ValidationError::new(
            "field",
            format!(
                "{field:?} is not a field of {entity} that can be translated ({})",
                fields.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Choices for a field that points to `target`: `(key, label)` pairs in label order, for the
/// form's drop-down list.
pub async fn choices(store: &Store, target: &str) -> Result<Vec<(String, String)>> {
    use crate::entity::{account, country};
    let mut out: Vec<(String, String)> = match target {
        "country" => store
            .all::<country::Entity>()
            .await?
            .into_iter()
            .map(|c| (c.country_iso3.clone(), format!("{} ({})", c.name, c.country_iso3)))
            .collect(),
        "account" => store
            .all::<account::Entity>()
            .await?
            .into_iter()
            .map(|a| (a.account_id.to_string(), format!("{} <{}>", a.name, a.email)))
            .collect(),
        "edition" => store
            .all::<edition::Entity>()
            .await?
            .into_iter()
            .map(|e| {
                // Every edition of the series shares its title: the year and subtitle tell them apart.
                let what = e.subtitle.clone().unwrap_or_else(|| e.title.clone());
                (e.edition_id.to_string(), format!("Edition {}: {what}", e.slug))
            })
            .collect(),
        "mechanism" => store
            .all::<mechanism::Entity>()
            .await?
            .into_iter()
            .map(|m| {
                let country = m.country_iso3.clone().unwrap_or_else(|| "regional".into());
                (m.mechanism_id.to_string(), format!("{} ({country})", m.name))
            })
            .collect(),
        "edition_part" => {
            let editions: HashMap<i32, String> = store
                .all::<edition::Entity>()
                .await?
                .into_iter()
                .map(|e| (e.edition_id, e.slug))
                .collect();
            store
                .all::<edition_part::Entity>()
                .await?
                .into_iter()
                .map(|p| {
                    let slug = editions.get(&p.edition_id).cloned().unwrap_or_default();
                    (p.edition_part_id.to_string(), format!("{slug}: {}", p.title))
                })
                .collect()
        }
        "profile" => {
            let mechanisms: HashMap<i32, String> = store
                .all::<mechanism::Entity>()
                .await?
                .into_iter()
                .map(|m| (m.mechanism_id, m.name))
                .collect();
            let editions: HashMap<i32, String> = store
                .all::<edition::Entity>()
                .await?
                .into_iter()
                .map(|e| (e.edition_id, e.slug))
                .collect();
            store
                .all::<profile::Entity>()
                .await?
                .into_iter()
                .map(|p| {
                    let e = editions.get(&p.edition_id).cloned().unwrap_or_default();
                    let m = mechanisms.get(&p.mechanism_id).cloned().unwrap_or_default();
                    (p.profile_id.to_string(), format!("{e}: {m}"))
                })
                .collect()
        }
        other => {
            crate::records::check_table(other)?;
            let count = store.record_count(other).await?;
            store
                .records(other, 0, count)
                .await?
                .into_iter()
                .map(|r| (r.key.to_string(), r.label()))
                .collect()
        }
    };
    out.sort_by_key(|a| a.1.to_lowercase());
    Ok(out)
}

impl Store {
    /// [`check_fields`] on the store's connection.
    pub async fn check_fields(&self, table: &str, key: Option<i32>, values: &Fields) -> Result<FieldErrors> {
        check_fields(&self.db, table, key, values).await
    }
}
