//! The fields of a table's form, and how submitted text becomes checked values.
//!
//! A table's fields are the columns the data dictionary documents for it (its `docs/data-dictionary.md`
//! section gives each column's kind, vocabulary, target table, uniqueness and meaning), less the
//! key and bookkeeping; whether a field may be empty comes from the entity (an `Option` column).
//! [`parse`] turns a form's text into typed JSON, collecting every problem with the field it
//! belongs to; [`Store::check_fields`] then checks what needs the database: that a referenced row
//! exists and that a unique value is not taken.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;
use std::sync::OnceLock;

use nmp_core::ValidationError;
use nmp_core::dictionary::{self, Kind};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, Iterable};
use serde_json::Value;

use super::{BOOKKEEPING, EDITABLE_TABLES, Fields, with_entity};
use crate::entity::{
    activity, citation, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use crate::{Result, Store, StoreError};

/// Longest text accepted in any field, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Fields the workspace never edits by hand: set by publishing, or bookkeeping kept by other code.
const NOT_EDITED: &[(&str, &str)] = &[("edition", "snapshot_hash"), ("profile", "assignee_account_id")];

/// Text fields that hold a web address.
const URL_FIELDS: &[&str] = &["website", "url", "instrument_url"];

/// Text fields shown as a multi-line text area.
const LONG_FIELDS: &[&str] = &[
    "note",
    "mandate",
    "description",
    "outcome",
    "evidence",
    "summary",
    "body",
    "quote",
    "history",
    "structure",
    "outputs",
    "challenges",
    "recent_developments",
];

/// One field of a table's form.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSpec {
    /// Column name.
    pub name: String,
    /// Kind of value, from the dictionary.
    pub kind: Kind,
    /// Whether it must be filled.
    pub required: bool,
    /// Whether values are unique across the table.
    pub unique: bool,
    /// The table a value points to.
    pub target: Option<String>,
    /// The dictionary's "meaning" cell: the help text under the field.
    pub meaning: String,
    /// Whether the form shows a text area.
    pub long: bool,
}

impl FieldSpec {
    /// A label for the form: the column name in words (`lead_organization_id` → "Lead organization").
    pub fn label(&self) -> String {
        let name = self
            .name
            .strip_suffix("_id")
            .or_else(|| self.name.strip_suffix("_iso3"))
            .unwrap_or(&self.name);
        let words = name.replace('_', " ");
        let mut chars = words.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => words,
        }
    }

    /// The codes and labels a vocabulary field accepts.
    pub fn options(&self) -> Vec<(&'static str, &'static str)> {
        match &self.kind {
            Kind::Code(name) => nmp_core::vocab::options(name).unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

fn nullable<E: EntityTrait>() -> HashMap<String, bool> {
    E::Column::iter()
        .map(|c| (sea_orm::IdenStatic::as_str(&c).to_string(), c.def().is_null()))
        .collect()
}

fn build(table: &str) -> std::result::Result<Vec<FieldSpec>, String> {
    let nulls: Result<HashMap<String, bool>> = with_entity!(table, E => Ok(nullable::<E>()));
    let nulls = nulls.map_err(|e| e.to_string())?;
    let doc = dictionary::table(table).map_err(|e| e.to_string())?;
    let mut fields = Vec::new();
    for column in doc.columns {
        if column.primary_key
            || BOOKKEEPING.contains(&column.name.as_str())
            || NOT_EDITED.contains(&(table, column.name.as_str()))
        {
            continue;
        }
        let Some(&is_null) = nulls.get(&column.name) else {
            return Err(format!(
                "{table}.{} is documented but the entity has no such column",
                column.name
            ));
        };
        let long = LONG_FIELDS.contains(&column.name.as_str());
        fields.push(FieldSpec {
            required: !is_null,
            unique: column.unique,
            target: column.target.clone(),
            meaning: column.meaning.clone(),
            long,
            kind: column.kind,
            name: column.name,
        });
    }
    Ok(fields)
}

/// The fields of an editable table's form, in the dictionary's order.
pub fn fields(table: &str) -> Result<&'static [FieldSpec]> {
    static SPECS: OnceLock<BTreeMap<&'static str, std::result::Result<Vec<FieldSpec>, String>>> = OnceLock::new();
    let specs = SPECS.get_or_init(|| EDITABLE_TABLES.iter().map(|t| (*t, build(t))).collect());
    match specs.get(table) {
        Some(Ok(fields)) => Ok(fields.as_slice()),
        Some(Err(message)) => Err(StoreError::Invalid(ValidationError::new(table, message.clone()))),
        None => Err(StoreError::NotFound {
            entity: "editable table".into(),
            key: table.to_string(),
        }),
    }
}

/// Problems with submitted values, each naming its field.
pub type FieldErrors = Vec<ValidationError>;

/// Turns a form's text (`name → value`; a missing name is an empty value) into the table's typed
/// fields. Every problem is collected, each naming its field: empty required fields, bad numbers,
/// dates, codes, slugs, web addresses and over-long text. Unknown names are ignored by the caller's
/// choice of which names to pass.
pub fn parse(table: &str, form: &BTreeMap<String, String>) -> Result<std::result::Result<Fields, FieldErrors>> {
    let (out, errors) = parse_partial(table, form)?;
    Ok(if errors.is_empty() { Ok(out) } else { Err(errors) })
}

/// Like [`parse`], but keeps the values that parsed beside the problems of the others, so that a
/// caller checking many rows (a bulk import) can check those values further and report every
/// problem of a row at once.
pub fn parse_partial(table: &str, form: &BTreeMap<String, String>) -> Result<(Fields, FieldErrors)> {
    let specs = fields(table)?;
    let mut out = Fields::new();
    let mut errors = FieldErrors::new();
    for spec in specs {
        let raw = form.get(&spec.name).map(String::as_str).unwrap_or("");
        match parse_value(spec, raw) {
            Ok(v) => {
                out.insert(spec.name.clone(), v);
            }
            Err(message) => errors.push(ValidationError::new(spec.name.clone(), message)),
        }
    }
    Ok((out, errors))
}

fn parse_value(spec: &FieldSpec, raw: &str) -> std::result::Result<Value, String> {
    let text = raw.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("is longer than {MAX_TEXT_CHARS} characters"));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err("contains control characters".into());
    }
    if spec.kind == Kind::Boolean {
        return match text {
            "true" | "on" | "yes" => Ok(Value::Bool(true)),
            "" | "false" | "off" | "no" => Ok(Value::Bool(false)),
            other => Err(format!("{other:?} is not yes or no")),
        };
    }
    if text.is_empty() {
        return if spec.required {
            Err("is required".into())
        } else {
            Ok(Value::Null)
        };
    }
    let long_text = spec.long;
    match &spec.kind {
        Kind::Integer => text
            .parse::<i32>()
            .map(Value::from)
            .map_err(|_| format!("{text:?} is not a whole number")),
        Kind::PartialDate => nmp_core::PartialDate::parse(&spec.name, text)
            .map(|d| Value::String(d.to_string()))
            .map_err(|e| e.message),
        Kind::Code(_) => {
            let options = spec.options();
            if options.iter().any(|(code, _)| *code == text) {
                Ok(Value::String(text.to_string()))
            } else {
                let codes: Vec<&str> = options.iter().map(|(c, _)| *c).collect();
                Err(format!("{text:?} is not one of: {}", codes.join(", ")))
            }
        }
        Kind::Text | Kind::Timestamp => {
            if spec.name == "slug" {
                nmp_core::slug::validate(&spec.name, text).map_err(|e| e.message)?;
            } else if spec.name == "code" {
                nmp_core::slug::validate_code(&spec.name, text).map_err(|e| e.message)?;
            } else if spec.name == "country_iso3" {
                nmp_core::vocab::validate_iso3(&spec.name, text).map_err(|e| e.message)?;
            } else if URL_FIELDS.contains(&spec.name.as_str()) && !is_web_address(text) {
                return Err(format!(
                    "{text:?} is not a web address (it must start with http:// or https://)"
                ));
            } else if spec.name == "language" && !(text.len() == 2 && text.chars().all(|c| c.is_ascii_lowercase())) {
                return Err(format!(
                    "{text:?} is not an ISO 639-1 language code (two lower-case letters)"
                ));
            } else if !long_text && text.contains('\n') {
                return Err("must be one line".into());
            }
            let text = if long_text {
                raw.trim().replace("\r\n", "\n")
            } else {
                text.to_string()
            };
            Ok(Value::String(text))
        }
        Kind::Boolean => unreachable!("handled above"),
        Kind::Bytes => Err("files are not typed into forms".into()),
    }
}

fn is_web_address(text: &str) -> bool {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

/// Whether a row of `table` (`country` by ISO code, others by id) with key `value` exists.
pub async fn exists(store: &Store, table: &str, value: &Value) -> Result<bool> {
    exists_on(store.conn(), table, value).await
}

/// Parses one field of `table` from its text, as a form would (`Err` is the message).
pub fn parse_field(table: &str, field: &str, raw: &str) -> Result<std::result::Result<Value, String>> {
    let spec = fields(table)?
        .iter()
        .find(|f| f.name == field)
        .ok_or_else(|| StoreError::NotFound {
            entity: format!("field of {table}"),
            key: field.to_string(),
        })?;
    Ok(parse_value(spec, raw))
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
        "function" => by_id!(function::Entity),
        "questionnaire" => by_id!(crate::entity::questionnaire::Entity),
        "question" => by_id!(crate::entity::question::Entity),
        "invitation" => by_id!(crate::entity::invitation::Entity),
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
                format!("no {target} has the key {}", super::value_text(value)),
            ));
        }
        if spec.unique {
            let is_taken = with_entity!(table, E => taken::<E, C>(conn, &spec.name, value, key).await);
            if is_taken? {
                errors.push(ValidationError::new(
                    spec.name.clone(),
                    format!("{} is already used by another {table}", super::value_text(value)),
                ));
            }
        }
    }
    if table == "citation" {
        let entity = values.get("entity").and_then(Value::as_str).unwrap_or_default();
        let entity_id = values.get("entity_id").and_then(Value::as_str).unwrap_or_default();
        if super::check_table(entity).is_err() {
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
            .map(|e| (e.edition_id.to_string(), format!("{} ({})", e.title, e.slug)))
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
            super::check_table(other)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_editable_table_has_a_form_from_the_dictionary() {
        for table in EDITABLE_TABLES {
            let specs = fields(table).unwrap_or_else(|e| panic!("{table}: {e}"));
            assert!(!specs.is_empty(), "{table}");
            assert!(
                specs
                    .iter()
                    .all(|f| f.name != "version" && f.name != format!("{table}_id"))
            );
        }
        let mechanism = fields("mechanism").unwrap();
        let level = mechanism.iter().find(|f| f.name == "level").unwrap();
        assert_eq!(level.kind, Kind::Code("MechanismLevel".into()));
        assert!(level.required && level.options().iter().any(|(c, _)| *c == "national"));
        let lead = mechanism.iter().find(|f| f.name == "lead_organization_id").unwrap();
        assert_eq!(lead.target.as_deref(), Some("organization"));
        assert!(!lead.required);
        assert_eq!(lead.label(), "Lead organization");
        assert!(fields("edition").unwrap().iter().all(|f| f.name != "snapshot_hash"));
        assert!(fields("account").is_err());
    }

    #[test]
    fn parsing_names_every_bad_field_and_types_the_good_ones() {
        let bad = parse(
            "mechanism",
            &form(&[
                ("slug", "Not A Slug"),
                ("name", ""),
                ("level", "galactic"),
                ("mechanism_type", "committee"),
                ("created_on", "2012-13"),
                ("website", "javascript:alert(1)"),
                ("lead_organization_id", "twelve"),
            ]),
        )
        .unwrap()
        .unwrap_err();
        let named: Vec<&str> = bad.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            named,
            ["slug", "name", "level", "created_on", "lead_organization_id", "website"]
        );
        let good = parse(
            "mechanism",
            &form(&[
                ("slug", "ken-test"),
                ("name", "  Test <b>committee</b> "),
                ("level", "national"),
                ("mechanism_type", "committee"),
                ("created_on", "2012-03"),
                ("lead_organization_id", "7"),
                ("note", "line one\r\nline two"),
            ]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(good["name"], "Test <b>committee</b>");
        assert_eq!(good["lead_organization_id"], 7);
        assert_eq!(good["created_on"], "2012-03");
        assert_eq!(good["website"], Value::Null);
        assert_eq!(good["note"], "line one\nline two");
    }
}
