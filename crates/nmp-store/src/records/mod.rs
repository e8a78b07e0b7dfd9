//! Records as the staff workspace sees them: a row of any editable table, named by its table and
//! key, with its editable fields as a JSON object. The workspace's forms, proposals and review
//! queue work on [`Record`]s and [`Change`]s so that one code path edits every table; the typed
//! entities stay the only way to the database (the JSON goes through `ActiveModel::from_json`,
//! and every write through the audited [`Writer`](crate::Writer)).
//!
//! - [`schema`]: which fields a table's form has, from the data dictionary and the entity, and how
//!   submitted text becomes checked values;
//! - [`apply`]: writing a [`Change`] (and its citation) through a writer;
//! - [`names`]: records and field values named for people ([`Namer`]);
//! - [`workspace`]: proposals, the review queue, assignments and who may change what.

pub mod apply;
pub mod names;
pub mod schema;
pub mod workspace;

pub use names::Namer;
use serde::{Deserialize, Serialize};

use crate::entity::{
    activity, citation, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use crate::{Result, Store, StoreError};

/// The tables the workspace edits, in the order its index lists them. Reference data (`country`),
/// external datasets, accounts and bookkeeping are not edited through forms.
pub const EDITABLE_TABLES: &[&str] = &[
    "mechanism",
    "mechanism_status",
    "membership",
    "mechanism_function",
    "activity",
    "initiative",
    "initiative_partner",
    "initiative_kind",
    "organization",
    "network",
    "network_membership",
    "network_count",
    "edition",
    "edition_part",
    "edition_publisher",
    "edition_contributor",
    "profile",
    "source",
    "citation",
    "translation",
    "function",
    "framework",
    "criterion",
    "criterion_level",
    "questionnaire",
    "question",
];

/// A record's editable fields: column name → JSON value (`null` for NULL).
pub type Fields = serde_json::Map<String, serde_json::Value>;

/// Columns every editable row has that no form edits.
pub const BOOKKEEPING: &[&str] = &["created_at", "updated_at", "updated_by", "version"];

/// One row of an editable table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record {
    /// Table name.
    pub table: String,
    /// Primary key.
    pub key: i32,
    /// Optimistic-concurrency version.
    pub version: i32,
    /// Who changed it last.
    pub updated_by: String,
    /// Its editable fields.
    pub fields: Fields,
}

impl Record {
    /// A short name for people: the record's name, title, label or heading, else `table #key`.
    pub fn label(&self) -> String {
        for name in [
            "name", "title", "label", "heading", "slug", "part_key", "status", "role", "kind",
        ] {
            if let Some(serde_json::Value::String(s)) = self.fields.get(name)
                && !s.is_empty()
            {
                return s.clone();
            }
        }
        format!("{} #{}", self.table, self.key)
    }

    /// The value of a field as display text (empty for NULL).
    pub fn text(&self, field: &str) -> String {
        value_text(self.fields.get(field).unwrap_or(&serde_json::Value::Null))
    }
}

/// A JSON field value as display text: strings as they are, `null` as empty.
pub fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What a change does.
pub use nmp_core::vocab::ChangeAction;

/// A change to one record: what the workspace proposes, approves or writes directly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Table name (one of [`EDITABLE_TABLES`]).
    pub table: String,
    /// `create`, `update` or `delete`.
    #[serde(with = "action_code")]
    pub action: ChangeAction,
    /// The record changed (`None` for a create).
    pub key: Option<i32>,
    /// The version the change was made against (`None` for a create).
    pub base_version: Option<i32>,
    /// The new values (all editable fields for a create, the changed ones for an update, none
    /// for a delete).
    pub fields: Fields,
}

mod action_code {
    use nmp_core::vocab::ChangeAction;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(a: &ChangeAction, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(a.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ChangeAction, D::Error> {
        let code = String::deserialize(d)?;
        ChangeAction::parse("action", &code).map_err(|e| serde::de::Error::custom(e.message))
    }
}

/// A source given with a change: an existing one, or a new one to create with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceRef {
    /// `source_id` of an existing source.
    Existing(i32),
    /// The fields of a new `source` row.
    New(Fields),
}

/// The citation that goes with a change: which source supports it, for which field, where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CitationInput {
    /// The source.
    pub source: SourceRef,
    /// The field it supports; `None` for the record as a whole.
    pub field: Option<String>,
    /// Page, section or paragraph.
    pub locator: Option<String>,
    /// The source's exact words.
    pub quote: Option<String>,
}

/// Runs `$body` with `$E` bound to the entity of the editable table `$table`, or returns a
/// `NotFound` error for any other name.
macro_rules! with_entity {
    ($table:expr, $E:ident => $body:expr) => {
        match $table {
            "mechanism" => {
                type $E = mechanism::Entity;
                $body
            }
            "mechanism_status" => {
                type $E = mechanism_status::Entity;
                $body
            }
            "membership" => {
                type $E = membership::Entity;
                $body
            }
            "mechanism_function" => {
                type $E = mechanism_function::Entity;
                $body
            }
            "activity" => {
                type $E = activity::Entity;
                $body
            }
            "initiative_kind" => {
                type $E = crate::entity::initiative_kind::Entity;
                $body
            }
            "initiative" => {
                type $E = crate::entity::initiative::Entity;
                $body
            }
            "initiative_partner" => {
                type $E = crate::entity::initiative_partner::Entity;
                $body
            }
            "framework" => {
                type $E = crate::entity::framework::Entity;
                $body
            }
            "criterion" => {
                type $E = crate::entity::criterion::Entity;
                $body
            }
            "criterion_level" => {
                type $E = crate::entity::criterion_level::Entity;
                $body
            }
            "organization" => {
                type $E = organization::Entity;
                $body
            }
            "network" => {
                type $E = network::Entity;
                $body
            }
            "network_membership" => {
                type $E = network_membership::Entity;
                $body
            }
            "network_count" => {
                type $E = network_count::Entity;
                $body
            }
            "translation" => {
                type $E = crate::entity::translation::Entity;
                $body
            }
            "edition" => {
                type $E = edition::Entity;
                $body
            }
            "edition_part" => {
                type $E = edition_part::Entity;
                $body
            }
            "edition_publisher" => {
                type $E = edition_publisher::Entity;
                $body
            }
            "edition_contributor" => {
                type $E = edition_contributor::Entity;
                $body
            }
            "profile" => {
                type $E = profile::Entity;
                $body
            }
            "source" => {
                type $E = source::Entity;
                $body
            }
            "citation" => {
                type $E = citation::Entity;
                $body
            }
            "function" => {
                type $E = function::Entity;
                $body
            }
            "questionnaire" => {
                type $E = $crate::entity::questionnaire::Entity;
                $body
            }
            "question" => {
                type $E = $crate::entity::question::Entity;
                $body
            }
            other => Err(StoreError::NotFound {
                entity: "editable table".into(),
                key: other.to_string(),
            }
            .into()),
        }
    };
}
pub(crate) use with_entity;

/// The record's editable fields from a row serialised to JSON: everything but the primary key and
/// the bookkeeping columns.
pub(crate) fn fields_of<M: Serialize>(table: &str, model: &M) -> Fields {
    let mut value = serde_json::to_value(model).expect("rows serialise to JSON");
    let map = value.as_object_mut().expect("a row serialises to an object");
    let pk = format!("{table}_id");
    map.retain(|k, _| k != &pk && !BOOKKEEPING.contains(&k.as_str()));
    std::mem::take(map)
}

pub(crate) fn record_of<M: Serialize + crate::entity::Keyed>(table: &str, model: &M) -> Record {
    let value = serde_json::to_value(model).expect("rows serialise to JSON");
    Record {
        table: table.to_string(),
        key: model.key().parse().expect("editable tables have integer keys"),
        version: model.version(),
        updated_by: value["updated_by"].as_str().unwrap_or_default().to_string(),
        fields: fields_of(table, model),
    }
}

/// Checks that `table` is one the workspace edits.
pub fn check_table(table: &str) -> Result<()> {
    if EDITABLE_TABLES.contains(&table) {
        Ok(())
    } else {
        Err(StoreError::NotFound {
            entity: "editable table".into(),
            key: table.to_string(),
        })
    }
}

/// One record of an editable table, read on `conn` (the store or a writer's transaction).
pub(crate) async fn record_on<C: sea_orm::ConnectionTrait>(conn: &C, table: &str, key: i32) -> Result<Option<Record>> {
    use sea_orm::EntityTrait;
    with_entity!(table, E => Ok(E::find_by_id(key).one(conn).await?.map(|m| record_of(table, &m))))
}

/// The values a change leaves the record with: the current fields with the change's on top (only
/// the change's for a create). Checks run on these, so that rules across fields see the whole row.
pub(crate) async fn merged_fields<C: sea_orm::ConnectionTrait>(conn: &C, change: &Change) -> Result<Fields> {
    let mut merged = match change.key {
        Some(key) => record_on(conn, &change.table, key)
            .await?
            .map(|r| r.fields)
            .unwrap_or_default(),
        None => Fields::new(),
    };
    merged.extend(change.fields.clone());
    Ok(merged)
}

/// The `country_iso3` column of `E`, if it has one.
fn country_column<E: sea_orm::EntityTrait>() -> Option<E::Column> {
    column::<E>("country_iso3")
}

/// The column `name` of `E`, if it has one.
fn column<E: sea_orm::EntityTrait>(name: &str) -> Option<E::Column> {
    use sea_orm::{IdenStatic, Iterable};
    E::Column::iter().find(|c| c.as_str() == name)
}

/// Which rows of a table a list shows: those of some countries (by their own `country_iso3`, or
/// their mechanism's), and rows named by key (a student's assigned profiles).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordScope {
    /// ISO alpha-3 codes (any case).
    pub countries: Vec<String>,
    /// Keys of rows shown whatever their country.
    pub keys: Vec<i32>,
}

impl RecordScope {
    /// The rows of one country.
    pub fn country(iso3: &str) -> RecordScope {
        RecordScope {
            countries: vec![iso3.to_string()],
            keys: Vec::new(),
        }
    }

    /// The condition on `E`'s rows, or `None` when `E` cannot be told apart by country and no
    /// key is named (then no row is in scope).
    fn condition<E: sea_orm::EntityTrait>(&self) -> Option<sea_orm::Condition> {
        use sea_orm::sea_query::Query;
        use sea_orm::{ColumnTrait, Condition, Iterable, PrimaryKeyToColumn};
        let codes: Vec<String> = self.countries.iter().map(|c| c.to_ascii_uppercase()).collect();
        let mut any = Condition::any();
        let mut usable = false;
        if let Some(c) = country_column::<E>() {
            any = any.add(c.is_in(codes.clone()));
            usable = true;
        } else if let Some(m) = column::<E>("mechanism_id") {
            let of_countries = Query::select()
                .column(mechanism::Column::MechanismId)
                .from(mechanism::Entity)
                .and_where(mechanism::Column::CountryIso3.is_in(codes))
                .to_owned();
            any = any.add(m.in_subquery(of_countries));
            usable = true;
        }
        if !self.keys.is_empty() {
            let pk = <E as sea_orm::EntityTrait>::PrimaryKey::iter().next()?.into_column();
            any = any.add(pk.is_in(self.keys.clone()));
            usable = true;
        }
        usable.then_some(any)
    }
}

impl Store {
    /// One record of an editable table.
    pub async fn record(&self, table: &str, key: i32) -> Result<Option<Record>> {
        record_on(&self.db, table, key).await
    }

    /// Every record of an editable table, in key order (at most `limit`, from `offset`).
    pub async fn records(&self, table: &str, offset: u64, limit: u64) -> Result<Vec<Record>> {
        self.records_of(table, None, offset, limit).await
    }

    /// [`Store::records`], only those in `scope` when given (none, for a table whose rows have
    /// no country, unless the scope names keys).
    pub async fn records_of(
        &self,
        table: &str,
        scope: Option<&RecordScope>,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<Record>> {
        use sea_orm::{EntityTrait, Iterable, PrimaryKeyToColumn, QueryFilter, QueryOrder, QuerySelect};
        with_entity!(table, E => {
            let pk = <E as EntityTrait>::PrimaryKey::iter().next().expect("a key").into_column();
            let mut query = E::find().order_by_asc(pk);
            if let Some(scope) = scope {
                let Some(condition) = scope.condition::<E>() else { return Ok(Vec::new()) };
                query = query.filter(condition);
            }
            let rows = query.offset(offset).limit(limit).all(&self.db).await?;
            Ok(rows.iter().map(|m| record_of(table, m)).collect())
        })
    }

    /// How many records an editable table holds.
    pub async fn record_count(&self, table: &str) -> Result<u64> {
        self.record_count_of(table, None).await
    }

    /// How many records of `table` are in `scope` (all, without it).
    pub async fn record_count_of(&self, table: &str, scope: Option<&RecordScope>) -> Result<u64> {
        use sea_orm::{EntityTrait, PaginatorTrait, QueryFilter};
        with_entity!(table, E => {
            let mut query = E::find();
            if let Some(scope) = scope {
                let Some(condition) = scope.condition::<E>() else { return Ok(0) };
                query = query.filter(condition);
            }
            Ok(query.count(&self.db).await?)
        })
    }

    /// Whether `table`'s rows belong to a country to filter by: their own (`country_iso3`) or
    /// their mechanism's (`mechanism_id`).
    pub fn has_country(table: &str) -> bool {
        let known: Result<bool> = with_entity!(table, E => {
            Ok(country_column::<E>().is_some() || column::<E>("mechanism_id").is_some())
        });
        known.unwrap_or(false)
    }
}
