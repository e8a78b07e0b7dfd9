//! Building an edition's data package: one CSV per table and the `datapackage.json` descriptor
//! that describes them (a Frictionless tabular data package, v1).
//!
//! Which columns each table exports is listed here, explicitly, so that a column added to the
//! database later (which might hold personal data) is not published until someone decides it
//! should be. Everything else about a column comes from elsewhere, so that it cannot drift:
//! nullability from the entity, and the description, kind of value, uniqueness and the table a
//! column points to from the data dictionary.
//!
//! The package is reproducible: rows are sorted by primary key, no wall-clock time is written,
//! and the same data gives the same bytes on either engine.

use std::collections::BTreeSet;
use std::str::FromStr;

use nmp_store::entity::{
    activity, citation, country, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source, translation,
};
use nmp_store::{ColumnTrait, EntityTrait, Store};
use serde::Serialize;
use serde_json::Value;

use super::columns::*;
use super::descriptor::*;
use super::dictionary::{self, Kind, problem};
use crate::DataPackageError;

/// An edition's data package, in memory: file names (no directories) and their contents, the
/// descriptor first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPackage {
    /// `(file name, contents)`: `datapackage.json`, then one CSV per resource.
    pub files: Vec<(String, Vec<u8>)>,
    /// `(resource name, number of rows)`, in the order of the descriptor.
    pub rows: Vec<(String, usize)>,
}

/// Builds the data package of the edition `edition_slug`: the platform's current data (every
/// country, organisation, source, citation, function, mechanism, network and initiative, with
/// their statuses, memberships, activities, counts, kinds and partners) plus that edition's own
/// records (the edition, its publishers, contributors, parts, profiles and function assessments,
/// and its assessment rounds: see `outcomes.rs`).
pub async fn datapackage(store: &Store, edition_slug: &str) -> Result<DataPackage, DataPackageError> {
    let edition = store
        .rows_where::<edition::Entity, _>(edition::Column::Slug, [edition_slug.to_string()])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| DataPackageError::NotFound {
            what: "edition",
            key: edition_slug.to_string(),
        })?;
    datapackage_of(store, edition).await
}

/// The data package of `edition` as given (publishing passes the edition row as it will be once
/// published, with its status and snapshot hash, so that the frozen package says so).
pub async fn datapackage_of(store: &Store, edition: edition::Model) -> Result<DataPackage, DataPackageError> {
    let id = edition.edition_id;
    let scope = Some(edition.slug.as_str());
    let organizations = store.all::<organization::Entity>().await?;
    let publishers = store
        .rows_where::<edition_publisher::Entity, _>(edition_publisher::Column::EditionId, [id])
        .await?;
    let outcomes = super::outcomes::outcomes(store, id, &edition.slug).await?;
    // The evidence of other editions' consensus would name rows the package does not hold (and
    // may not be published yet).
    let citations: Vec<citation::Model> = store
        .all::<citation::Entity>()
        .await?
        .into_iter()
        .filter(|c| c.entity != "consensus" || outcomes.consensus.contains(&c.entity_id))
        .collect();

    let mut tables = vec![
        table::<country::Entity>("countries", COUNTRIES, store.all::<country::Entity>().await?, None)?,
        table::<organization::Entity>("organizations", ORGANIZATIONS, organizations.clone(), None)?,
        table::<source::Entity>("sources", SOURCES, store.all::<source::Entity>().await?, None)?,
        table::<citation::Entity>("citations", CITATIONS, citations, None)?,
        table::<function::Entity>("functions", FUNCTIONS, store.all::<function::Entity>().await?, None)?,
        table::<mechanism::Entity>("mechanisms", MECHANISMS, store.all::<mechanism::Entity>().await?, None)?,
        table::<mechanism_status::Entity>(
            "mechanism_statuses",
            MECHANISM_STATUSES,
            store.all::<mechanism_status::Entity>().await?,
            None,
        )?,
        table::<membership::Entity>(
            "memberships",
            MEMBERSHIPS,
            store.all::<membership::Entity>().await?,
            None,
        )?,
        // Assessments are made per edition: those of other editions would point to editions
        // the package does not hold.
        table::<mechanism_function::Entity>(
            "mechanism_functions",
            MECHANISM_FUNCTIONS,
            store
                .rows_where::<mechanism_function::Entity, _>(mechanism_function::Column::EditionId, [id])
                .await?,
            scope,
        )?,
        table::<activity::Entity>("activities", ACTIVITIES, store.all::<activity::Entity>().await?, None)?,
        table::<network::Entity>("networks", NETWORKS, store.all::<network::Entity>().await?, None)?,
        table::<network_membership::Entity>(
            "network_memberships",
            NETWORK_MEMBERSHIPS,
            store.all::<network_membership::Entity>().await?,
            None,
        )?,
        table::<network_count::Entity>(
            "network_counts",
            NETWORK_COUNTS,
            store.all::<network_count::Entity>().await?,
            None,
        )?,
        table::<translation::Entity>(
            "translations",
            TRANSLATIONS,
            store.all::<translation::Entity>().await?,
            None,
        )?,
        table::<edition::Entity>("editions", EDITIONS, vec![edition.clone()], scope)?,
        table::<edition_publisher::Entity>("edition_publishers", EDITION_PUBLISHERS, publishers.clone(), scope)?,
        table::<edition_contributor::Entity>(
            "edition_contributors",
            EDITION_CONTRIBUTORS,
            store
                .rows_where::<edition_contributor::Entity, _>(edition_contributor::Column::EditionId, [id])
                .await?,
            scope,
        )?,
        table::<edition_part::Entity>(
            "edition_parts",
            EDITION_PARTS,
            store
                .rows_where::<edition_part::Entity, _>(edition_part::Column::EditionId, [id])
                .await?,
            scope,
        )?,
        table::<profile::Entity>(
            "profiles",
            PROFILES,
            store
                .rows_where::<profile::Entity, _>(profile::Column::EditionId, [id])
                .await?,
            scope,
        )?,
    ];
    let at = tables
        .iter()
        .position(|t| t.resource == "editions")
        .unwrap_or(tables.len());
    tables.splice(at..at, outcomes.initiatives);
    tables.extend(outcomes.rounds);

    let mut resources = Vec::new();
    let mut csvs = Vec::new();
    let mut problems = Vec::new();
    for t in &tables {
        let foreign_keys = foreign_keys(t, &tables, &mut problems)?;
        let csv = t.csv()?;
        resources.push(ResourceJson {
            name: t.resource,
            title: title_of(t.resource),
            description: t.description.clone(),
            path: format!("{}.csv", t.resource),
            profile: "tabular-data-resource",
            format: "csv",
            mediatype: "text/csv",
            encoding: "utf-8",
            bytes: csv.len(),
            schema: SchemaJson {
                fields: t.fields.iter().map(Field::json).collect(),
                primary_key: t.primary_key()?,
                foreign_keys,
            },
        });
        csvs.push((format!("{}.csv", t.resource), csv));
    }
    match problems.len() {
        0 => {}
        1 => return Err(problems.remove(0)),
        _ => return Err(DataPackageError::Many(problems)),
    }

    let descriptor = package_json(&edition, &publishers, &organizations, resources);
    let mut json = serde_json::to_vec_pretty(&descriptor).map_err(|e| DataPackageError::Write {
        path: DESCRIPTOR.to_string(),
        message: e.to_string(),
    })?;
    json.push(b'\n');

    let mut files = vec![(DESCRIPTOR.to_string(), json)];
    files.extend(csvs);
    Ok(DataPackage {
        files,
        rows: tables.iter().map(|t| (t.resource.to_string(), t.rows.len())).collect(),
    })
}

/// One exported table.
pub(super) struct Table {
    pub(super) resource: &'static str,
    table: &'static str,
    pub(super) description: String,
    fields: Vec<Field>,
    /// Cells in field order; `None` is NULL (an empty cell).
    rows: Vec<Vec<Option<String>>>,
}

/// One exported column.
struct Field {
    name: &'static str,
    kind: Kind,
    required: bool,
    unique: bool,
    primary_key: bool,
    target: Option<String>,
    description: String,
    codes: Vec<&'static str>,
}

/// A primary-key value, for sorting: numbers as numbers, text byte by byte (the same on both
/// engines, whatever the database's collation).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Int(i64),
    Text(String),
}

pub(super) fn table<E>(
    resource: &'static str,
    columns: &'static [&'static str],
    models: Vec<E::Model>,
    edition: Option<&str>,
) -> Result<Table, DataPackageError>
where
    E: EntityTrait,
    E::Column: FromStr,
    E::Model: Serialize,
{
    let name = E::default().table_name();
    let doc = dictionary::table(name)?;
    let mut fields = Vec::new();
    for &column in columns {
        let documented = doc.column(name, column)?;
        if LEFT_OUT.contains(&column) || documented.kind == Kind::Timestamp {
            return Err(problem(format!(
                "{name}.{column} is bookkeeping and must not be exported"
            )));
        }
        let def = E::Column::from_str(column)
            .map_err(|_| problem(format!("{name}.{column} is documented but has no entity column")))?
            .def();
        let (extra, codes) = match &documented.kind {
            Kind::PartialDate => (Some(PARTIAL_DATE_NOTE.to_string()), Vec::new()),
            Kind::Code(vocab) => code_note(name, column, vocab)?,
            _ => (None, Vec::new()),
        };
        let description = match extra {
            Some(extra) => format!("{} {extra}", documented.meaning),
            None => documented.meaning.clone(),
        };
        fields.push(Field {
            name: column,
            kind: documented.kind.clone(),
            required: !def.is_null(),
            unique: documented.unique,
            primary_key: documented.primary_key,
            target: documented.target.clone(),
            description,
            codes,
        });
    }
    let pk = fields
        .iter()
        .position(|f| f.primary_key)
        .ok_or_else(|| problem(format!("{name}: no column is documented as the primary key")))?;

    let mut keyed = Vec::new();
    for model in models {
        let value = serde_json::to_value(&model).map_err(|e| DataPackageError::Write {
            path: format!("{resource}.csv"),
            message: e.to_string(),
        })?;
        let mut row = Vec::new();
        for field in &fields {
            let cell = value.get(field.name).unwrap_or(&Value::Null);
            row.push(cell_text(name, field, cell)?);
        }
        let key = match &value.get(fields[pk].name) {
            Some(Value::Number(n)) => SortKey::Int(n.as_i64().unwrap_or_default()),
            Some(Value::String(s)) => SortKey::Text(s.clone()),
            _ => SortKey::Text(String::new()),
        };
        keyed.push((key, row));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));

    let mut description = doc.intro;
    if let Some(slug) = edition {
        description.push_str(&format!(" This package holds only the rows of the {slug} edition."));
    }
    Ok(Table {
        resource,
        table: name,
        description,
        fields,
        rows: keyed.into_iter().map(|(_, row)| row).collect(),
    })
}

/// A cell as CSV text, checking that the value has the type the dictionary gives.
fn cell_text(table: &str, field: &Field, value: &Value) -> Result<Option<String>, DataPackageError> {
    let text = match (&field.kind, value) {
        (_, Value::Null) => None,
        (Kind::Integer, Value::Number(n)) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        (Kind::Boolean, Value::Bool(b)) => Some(b.to_string()),
        (Kind::Text | Kind::PartialDate | Kind::Code(_), Value::String(s)) => Some(s.clone()),
        (kind, other) => {
            return Err(problem(format!(
                "{table}.{}: documented as {kind:?} but the database holds {other}",
                field.name
            )));
        }
    };
    Ok(text)
}

/// The sentence listing a vocabulary's codes, and the codes for an `enum` constraint.
fn code_note(table: &str, column: &str, vocab: &str) -> Result<(Option<String>, Vec<&'static str>), DataPackageError> {
    if vocab.starts_with("UN geoscheme") {
        // Open-ended codes from the keshvar crate; the meaning already says what they are.
        return Ok((None, Vec::new()));
    }
    let pairs = vocabulary(vocab).ok_or_else(|| {
        problem(format!(
            "{table}.{column}: the vocabulary {vocab} is not known to the export"
        ))
    })?;
    let listed: Vec<String> = pairs
        .iter()
        .map(|(code, label)| format!("`{code}` ({label})"))
        .collect();
    Ok((
        Some(format!("A code of the {vocab} vocabulary: {}.", listed.join(", "))),
        pairs.into_iter().map(|(code, _)| code).collect(),
    ))
}

/// `(code, label)` of every value of the named vocabulary.
fn vocabulary(name: &str) -> Option<Vec<(&'static str, &'static str)>> {
    nmp_core::vocab::options(name)
}

/// The foreign keys of `t`, each pointing to the primary key of a table in the package. A value
/// that names no row of the package is a problem: the package would not validate.
fn foreign_keys(
    t: &Table,
    tables: &[Table],
    problems: &mut Vec<DataPackageError>,
) -> Result<Vec<ForeignKeyJson>, DataPackageError> {
    let mut keys = Vec::new();
    for (i, field) in t.fields.iter().enumerate() {
        let Some(target) = &field.target else {
            continue;
        };
        let other = tables.iter().find(|o| o.table == target).ok_or_else(|| {
            problem(format!(
                "{}.{} points to {target}, which the package does not hold",
                t.table, field.name
            ))
        })?;
        let key = other.primary_key()?;
        let k = other.fields.iter().position(|f| f.name == key).unwrap_or_default();
        let present: BTreeSet<&str> = other.rows.iter().filter_map(|r| r[k].as_deref()).collect();
        for (n, row) in t.rows.iter().enumerate() {
            if let Some(value) = row[i].as_deref()
                && !present.contains(value)
            {
                problems.push(DataPackageError::File {
                    file: format!("{}.csv", t.resource),
                    line: Some(n + 2),
                    message: format!(
                        "{} {value} names no row of {}.csv, so the package would not validate",
                        field.name, other.resource
                    ),
                });
            }
        }
        keys.push(ForeignKeyJson {
            fields: field.name,
            reference: ReferenceJson {
                // An empty resource name is the table itself (Table Schema v1).
                resource: if other.table == t.table { "" } else { other.resource },
                fields: key,
            },
        });
    }
    Ok(keys)
}

impl Table {
    fn primary_key(&self) -> Result<&'static str, DataPackageError> {
        self.fields
            .iter()
            .find(|f| f.primary_key)
            .map(|f| f.name)
            .ok_or_else(|| problem(format!("{}: no primary key", self.table)))
    }

    /// The CSV file: a header of field names, then one record per row (RFC 4180: CRLF, fields
    /// quoted when they need it, NULL as an empty cell).
    fn csv(&self) -> Result<Vec<u8>, DataPackageError> {
        let path = format!("{}.csv", self.resource);
        let failed = |message: String| DataPackageError::Write {
            path: path.clone(),
            message,
        };
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(self.fields.iter().map(|f| f.name))
            .map_err(|e| failed(e.to_string()))?;
        for row in &self.rows {
            w.write_record(row.iter().map(|c| c.as_deref().unwrap_or("")))
                .map_err(|e| failed(e.to_string()))?;
        }
        w.into_inner().map_err(|e| failed(e.to_string()))
    }
}

impl Field {
    fn json(&self) -> FieldJson {
        FieldJson {
            name: self.name,
            ty: match self.kind {
                Kind::Integer => "integer",
                Kind::Boolean => "boolean",
                _ => "string",
            },
            description: self.description.clone(),
            constraints: ConstraintsJson {
                required: self.required || self.primary_key,
                unique: self.unique && !self.primary_key,
                pattern: (self.kind == Kind::PartialDate).then_some(PARTIAL_DATE_PATTERN),
                values: self.codes.clone(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_in_the_dictionary_is_known() {
        assert!(vocabulary("ProfileSection").is_some());
        assert!(vocabulary("Nonsense").is_none());
    }
}
