//! The fields of a table's form, and how submitted text becomes checked values.
//!
//! A table's fields are the columns the data dictionary documents for it (its `docs/data-dictionary.md`
//! section gives each column's kind, vocabulary, target table, uniqueness and meaning), less the
//! key and bookkeeping; whether a field may be empty comes from the entity (an `Option` column).
//! [`parse`] turns a form's text into typed JSON, collecting every problem with the field it
//! belongs to; [`Store::check_fields`](crate::Store::check_fields) then checks what needs the database (`check.rs`): that a
//! referenced row exists and that a unique value is not taken.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use nmp_core::ValidationError;
use nmp_core::dictionary::{self, Kind};
use sea_orm::{ColumnTrait, EntityTrait, Iterable};
use serde_json::Value;

use super::{BOOKKEEPING, EDITABLE_TABLES, Fields, with_entity};
use crate::entity::{
    activity, citation, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use crate::{Result, StoreError};

mod check;
mod pick;

pub(crate) use check::exists_on;
pub use check::{check_fields, choices, exists};
pub use pick::{PICKED_TABLES, pick, picked};

/// Longest text accepted in any field, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Fields the workspace never edits by hand: set by publishing, or bookkeeping kept by other code.
const NOT_EDITED: &[(&str, &str)] = &[("edition", "snapshot_hash"), ("profile", "assignee_account_id")];

/// Text fields that hold a web address.
const URL_FIELDS: &[&str] = &["website", "url", "instrument_url", "archived_url"];

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
    "text",
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
