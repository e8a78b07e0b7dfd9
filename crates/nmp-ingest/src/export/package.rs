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

use nmp_core::PartialDate;
use nmp_core::vocab::{
    AccountRole, Confidence, ContributorRole, EditionKind, EditionStatus, FunctionLevel, InstrumentKind,
    MechanismLevel, MechanismStatus, MechanismType, MemberRole, NetworkKind, NetworkRole, OrganizationKind,
    ProfileSection, PublisherRole, ReviewState, SourceKind, UnRegionalGroup, UnStatus,
};
use nmp_store::entity::{
    activity, citation, country, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use nmp_store::{ColumnTrait, EntityTrait, Store};
use serde::Serialize;
use serde_json::Value;

use super::dictionary::{self, Kind, problem};
use crate::IngestError;

/// I-GMAP's page on the report, where the editions are listed.
pub const NATMEC_URL: &str = "https://www.binghamton.edu/i-gmap/research_and_engagement/natmec.html";

/// The descriptor's file name.
pub const DESCRIPTOR: &str = "datapackage.json";

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a Table Schema pattern, implicitly anchored).
const PARTIAL_DATE_PATTERN: &str = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

/// Bookkeeping columns every editable table has, none of them exported: `updated_by` can hold a
/// staff member's email address, and the others describe the database rather than the facts.
pub const LEFT_OUT: [&str; 4] = ["created_at", "updated_at", "updated_by", "version"];

const PARTIAL_DATE_NOTE: &str = "A partial date in ISO 8601 at reduced precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A year or a month stands for that whole period, never for its first day.";

// The exported columns of each table, in the order of the CSV file.
const COUNTRIES: &[&str] = &[
    "country_iso3",
    "iso2",
    "m49",
    "name",
    "un_region",
    "un_subregion",
    "un_regional_group",
    "un_status",
    "un_member_since",
    "note",
];
const ORGANIZATIONS: &[&str] = &[
    "organization_id",
    "slug",
    "name",
    "local_name",
    "acronym",
    "kind",
    "country_iso3",
    "parent_id",
    "website",
    "note",
];
const SOURCES: &[&str] = &[
    "source_id",
    "slug",
    "title",
    "kind",
    "author",
    "publisher",
    "published_on",
    "url",
    "accessed_on",
    "language",
    "note",
];
const CITATIONS: &[&str] = &[
    "citation_id",
    "source_id",
    "entity",
    "entity_id",
    "field",
    "locator",
    "quote",
];
const FUNCTIONS: &[&str] = &["function_id", "code", "label", "description"];
const MECHANISMS: &[&str] = &[
    "mechanism_id",
    "slug",
    "country_iso3",
    "name",
    "local_name",
    "acronym",
    "level",
    "mechanism_type",
    "created_on",
    "launched_on",
    "lead_organization_id",
    "website",
    "mandate",
    "instrument_kind",
    "instrument_number",
    "instrument_date",
    "instrument_title",
    "instrument_url",
    "note",
];
const MECHANISM_STATUSES: &[&str] = &[
    "mechanism_status_id",
    "mechanism_id",
    "status",
    "status_on",
    "confidence",
    "note",
];
const MEMBERSHIPS: &[&str] = &[
    "membership_id",
    "mechanism_id",
    "organization_id",
    "role",
    "since_on",
    "until_on",
    "confidence",
    "note",
];
const MECHANISM_FUNCTIONS: &[&str] = &[
    "mechanism_function_id",
    "mechanism_id",
    "edition_id",
    "function_id",
    "level",
    "evidence",
];
const ACTIVITIES: &[&str] = &[
    "activity_id",
    "mechanism_id",
    "occurred_on",
    "kind",
    "function_id",
    "title",
    "description",
    "outcome",
];
const NETWORKS: &[&str] = &[
    "network_id",
    "slug",
    "name",
    "acronym",
    "kind",
    "founded_on",
    "secretariat_organization_id",
    "description",
    "note",
];
const NETWORK_MEMBERSHIPS: &[&str] = &[
    "network_membership_id",
    "network_id",
    "country_iso3",
    "role",
    "joined_on",
    "left_on",
    "confidence",
    "note",
];
const NETWORK_COUNTS: &[&str] = &["network_count_id", "network_id", "counted_on", "member_count", "note"];
const EDITIONS: &[&str] = &[
    "edition_id",
    "slug",
    "title",
    "subtitle",
    "kind",
    "status",
    "period_start",
    "period_end",
    "published_on",
    "pages",
    "licence",
    "snapshot_hash",
    "note",
];
const EDITION_PUBLISHERS: &[&str] = &["edition_publisher_id", "edition_id", "organization_id", "role", "note"];
const EDITION_CONTRIBUTORS: &[&str] = &["edition_contributor_id", "edition_id", "name", "role", "affiliation"];
const EDITION_PARTS: &[&str] = &[
    "edition_part_id",
    "edition_id",
    "part_key",
    "position",
    "title",
    "page",
    "summary",
];
/// Without `assignee_account_id`: accounts are staff records and are not exported, so the
/// number would point nowhere (and says who on the team was assigned the text).
const PROFILES: &[&str] = &[
    "profile_id",
    "edition_id",
    "mechanism_id",
    "section",
    "edition_part_id",
    "heading",
    "page",
    "owner_organization_id",
    "review_state",
    "history",
    "mandate",
    "structure",
    "outputs",
    "challenges",
    "recent_developments",
];

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
/// country, organisation, source, citation, function, mechanism and network, with their
/// statuses, memberships, activities and counts) plus that edition's own records (the edition,
/// its publishers, contributors, parts, profiles and function assessments).
pub async fn datapackage(store: &Store, edition_slug: &str) -> Result<DataPackage, IngestError> {
    let edition = store
        .rows_where::<edition::Entity, _>(edition::Column::Slug, [edition_slug.to_string()])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| IngestError::NotFound {
            what: "edition",
            key: edition_slug.to_string(),
        })?;
    let id = edition.edition_id;
    let scope = Some(edition.slug.as_str());
    let organizations = store.all::<organization::Entity>().await?;
    let publishers = store
        .rows_where::<edition_publisher::Entity, _>(edition_publisher::Column::EditionId, [id])
        .await?;

    let tables = vec![
        table::<country::Entity>("countries", COUNTRIES, store.all::<country::Entity>().await?, None)?,
        table::<organization::Entity>("organizations", ORGANIZATIONS, organizations.clone(), None)?,
        table::<source::Entity>("sources", SOURCES, store.all::<source::Entity>().await?, None)?,
        table::<citation::Entity>("citations", CITATIONS, store.all::<citation::Entity>().await?, None)?,
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
        _ => return Err(IngestError::Many(problems)),
    }

    let descriptor = package_json(&edition, &publishers, &organizations, resources);
    let mut json = serde_json::to_vec_pretty(&descriptor).map_err(|e| IngestError::Write {
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
struct Table {
    resource: &'static str,
    table: &'static str,
    description: String,
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

fn table<E>(
    resource: &'static str,
    columns: &'static [&'static str],
    models: Vec<E::Model>,
    edition: Option<&str>,
) -> Result<Table, IngestError>
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
        let value = serde_json::to_value(&model).map_err(|e| IngestError::Write {
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
fn cell_text(table: &str, field: &Field, value: &Value) -> Result<Option<String>, IngestError> {
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
fn code_note(table: &str, column: &str, vocab: &str) -> Result<(Option<String>, Vec<&'static str>), IngestError> {
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
    macro_rules! known {
        ($($v:ident),+ $(,)?) => {
            match name {
                $(stringify!($v) => Some($v::ALL.iter().map(|v| (v.code(), v.label())).collect()),)+
                _ => None,
            }
        };
    }
    known!(
        AccountRole,
        Confidence,
        ContributorRole,
        EditionKind,
        EditionStatus,
        FunctionLevel,
        InstrumentKind,
        MechanismLevel,
        MechanismStatus,
        MechanismType,
        MemberRole,
        NetworkKind,
        NetworkRole,
        OrganizationKind,
        ProfileSection,
        PublisherRole,
        ReviewState,
        SourceKind,
        UnRegionalGroup,
        UnStatus,
    )
}

/// The foreign keys of `t`, each pointing to the primary key of a table in the package. A value
/// that names no row of the package is a problem: the package would not validate.
fn foreign_keys(
    t: &Table,
    tables: &[Table],
    problems: &mut Vec<IngestError>,
) -> Result<Vec<ForeignKeyJson>, IngestError> {
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
                problems.push(IngestError::File {
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
    fn primary_key(&self) -> Result<&'static str, IngestError> {
        self.fields
            .iter()
            .find(|f| f.primary_key)
            .map(|f| f.name)
            .ok_or_else(|| problem(format!("{}: no primary key", self.table)))
    }

    /// The CSV file: a header of field names, then one record per row (RFC 4180: CRLF, fields
    /// quoted when they need it, NULL as an empty cell).
    fn csv(&self) -> Result<Vec<u8>, IngestError> {
        let path = format!("{}.csv", self.resource);
        let failed = |message: String| IngestError::Write {
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

/// `mechanism_statuses` → `Mechanism statuses`.
fn title_of(resource: &str) -> String {
    let words = resource.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn package_json(
    edition: &edition::Model,
    publishers: &[edition_publisher::Model],
    organizations: &[organization::Model],
    resources: Vec<ResourceJson>,
) -> PackageJson {
    let slug = &edition.slug;
    let report = match &edition.subtitle {
        Some(sub) => format!("{}: {sub}", edition.title),
        None => edition.title.clone(),
    };
    let (licenses, licence_note) = licenses(edition.licence.as_deref());
    let description = [
        format!(
            "Data from NMP, the National Mechanisms Platform, for the {slug} edition of the report \"{report}\"."
        ),
        format!(
            "Editions are not yet frozen into snapshots. Until they are, this package holds the platform's current data as of the export (every country, organisation, source, citation, function, mechanism and network, with mechanism statuses, memberships and activities, and network memberships and counts) plus the {slug} edition's own records (the edition, its publishers, contributors, parts, mechanism profiles and function assessments). It is therefore not necessarily the data as the edition printed it."
        ),
        "An empty cell means NULL: not known or not recorded, unless the field's description says otherwise. Each field's description comes from the NMP data dictionary. The bookkeeping columns created_at, updated_at, updated_by and version are left out.".to_string(),
        licence_note,
    ]
    .join("\n\n");
    let contributors = publishers
        .iter()
        .filter_map(|p| {
            let org = organizations.iter().find(|o| o.organization_id == p.organization_id)?;
            Some(ContributorJson {
                title: org.name.clone(),
                // Data Package v1 roles; the edition's own role is in edition_publishers.csv.
                role: match p.role.as_str() {
                    "publisher" | "co_publisher" => "publisher",
                    _ => "contributor",
                },
                path: org.website.clone(),
            })
        })
        .collect();
    let created = edition
        .published_on
        .as_deref()
        .and_then(|d| PartialDate::parse("published_on", d).ok())
        .filter(|d| d.precision == nmp_core::DatePrecision::Day)
        .map(|d| format!("{d}T00:00:00Z"));
    PackageJson {
        profile: "tabular-data-package",
        name: format!("nmp-edition-{}", slug.to_lowercase()),
        title: format!("NMP data for the {slug} edition of \"{}\"", edition.title),
        description,
        version: env!("CARGO_PKG_VERSION"),
        created,
        licenses,
        keywords: vec!["atrocity prevention", "genocide prevention", "national mechanisms"],
        sources: vec![SourceJson {
            title: format!("{report} ({slug} edition)"),
            path: NATMEC_URL,
        }],
        contributors,
        resources,
    }
}

/// The `licenses` of the package and a sentence for its description. A licence is declared only
/// when the edition records one as an identifier or a URL; nothing is ever assumed.
fn licenses(licence: Option<&str>) -> (Vec<LicenseJson>, String) {
    let Some(licence) = licence.map(str::trim).filter(|l| !l.is_empty()) else {
        return (
            Vec::new(),
            "The licence under which this edition was published has not been recorded, so this package declares no licence.".to_string(),
        );
    };
    let declared = format!("The edition was published under the licence {licence}.");
    if licence.starts_with("https://") || licence.starts_with("http://") {
        let license = LicenseJson {
            name: None,
            path: Some(licence.to_string()),
            title: licence.to_string(),
        };
        (vec![license], declared)
    } else if licence
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
    {
        let license = LicenseJson {
            name: Some(licence.to_string()),
            path: None,
            title: licence.to_string(),
        };
        (vec![license], declared)
    } else {
        (
            Vec::new(),
            format!(
                "The edition's licence is recorded as \"{licence}\". It is not declared in machine-readable form because it is neither a licence identifier nor a URL."
            ),
        )
    }
}

#[derive(Serialize)]
struct PackageJson {
    profile: &'static str,
    name: String,
    title: String,
    description: String,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    licenses: Vec<LicenseJson>,
    keywords: Vec<&'static str>,
    sources: Vec<SourceJson>,
    contributors: Vec<ContributorJson>,
    resources: Vec<ResourceJson>,
}

#[derive(Serialize)]
struct LicenseJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    title: String,
}

#[derive(Serialize)]
struct SourceJson {
    title: String,
    path: &'static str,
}

#[derive(Serialize)]
struct ContributorJson {
    title: String,
    role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
}

#[derive(Serialize)]
struct ResourceJson {
    name: &'static str,
    title: String,
    description: String,
    path: String,
    profile: &'static str,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    bytes: usize,
    schema: SchemaJson,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SchemaJson {
    fields: Vec<FieldJson>,
    primary_key: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    foreign_keys: Vec<ForeignKeyJson>,
}

#[derive(Serialize)]
struct FieldJson {
    name: &'static str,
    #[serde(rename = "type")]
    ty: &'static str,
    description: String,
    #[serde(skip_serializing_if = "ConstraintsJson::is_empty")]
    constraints: ConstraintsJson,
}

#[derive(Serialize)]
struct ConstraintsJson {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unique: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<&'static str>,
    #[serde(rename = "enum", skip_serializing_if = "Vec::is_empty")]
    values: Vec<&'static str>,
}

impl ConstraintsJson {
    fn is_empty(&self) -> bool {
        !self.required && !self.unique && self.pattern.is_none() && self.values.is_empty()
    }
}

#[derive(Serialize)]
struct ForeignKeyJson {
    fields: &'static str,
    reference: ReferenceJson,
}

#[derive(Serialize)]
struct ReferenceJson {
    resource: &'static str,
    fields: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_sentence_case() {
        assert_eq!(title_of("mechanism_statuses"), "Mechanism statuses");
        assert_eq!(title_of("countries"), "Countries");
    }

    #[test]
    fn a_licence_is_declared_only_as_recorded() {
        let (none, note) = licenses(None);
        assert!(none.is_empty());
        assert!(note.contains("has not been recorded"), "{note}");
        let (id, _) = licenses(Some("CC-BY-4.0"));
        assert_eq!(id[0].name.as_deref(), Some("CC-BY-4.0"));
        let (url, _) = licenses(Some("https://creativecommons.org/licenses/by/4.0/"));
        assert!(url[0].path.is_some() && url[0].name.is_none());
        let (free, note) = licenses(Some("All rights reserved"));
        assert!(free.is_empty());
        assert!(note.contains("All rights reserved"), "{note}");
    }

    #[test]
    fn every_vocabulary_in_the_dictionary_is_known() {
        assert!(vocabulary("ProfileSection").is_some());
        assert!(vocabulary("Nonsense").is_none());
    }
}
