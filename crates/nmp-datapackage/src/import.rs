//! Loading an edition's data package (as `nmp export datapackage` or `nmp report build` writes
//! it) into a new, empty database: the round trip that shows a package holds everything its
//! edition's report is made of.
//!
//! The package is read and checked completely before anything is written, against its own
//! descriptor (`datapackage.json`): every resource NMP exports must be there, each CSV header
//! must list the resource's fields, and every cell must fit its field (a number where the
//! schema says integer, a value where it is required, one of the listed codes, a partial date,
//! a unique key, a foreign key that names a row of the package). Problems are reported together,
//! each as `FILE:ROW:COLUMN: message`. Only then are the rows inserted, keys unchanged, in one
//! audited transaction (all or nothing).
//!
//! The outcome-assessment resources (initiatives and the edition's assessment rounds) may be
//! missing: packages written before NMP recorded them do not have them. Packages never name
//! accounts, so the rows that point to one are loaded as follows:
//! - `assessment_round.opened_by` and `consensus.decided_by` are left empty (NULL), as for rows the
//!   platform writes;
//! - each released rater (`round_raters.csv`: a round and a pseudonym) gets a placeholder account,
//!   deactivated and without a password, so nobody can sign in with it, named after the
//!   pseudonym (`R1, rater of round 3 (imported from a data package)`) with an address under the
//!   reserved `.invalid` domain (`round-3-r1@imported.invalid`). The database requires an account
//!   for every rater; a placeholder keeps the released ratings (and the agreement computed from
//!   them) without pretending to know who rated.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::str::FromStr;

use nmp_core::PartialDate;
use nmp_core::vocab::AccountRole;
use nmp_store::entity::{
    account, activity, assessment_round, citation, consensus, country, criterion, criterion_level, edition,
    edition_contributor, edition_part, edition_publisher, framework, function, initiative, initiative_kind,
    initiative_partner, mechanism, mechanism_function, mechanism_status, membership, network, network_count,
    network_membership, organization, profile, rating, rating_evidence, round_rater, round_target, source, translation,
};
use nmp_store::{EntityTrait, Set, Store, Writer};
use sea_orm::sea_query::{ColumnType, Value};
use sea_orm::{ActiveModelBehavior, ActiveModelTrait, ColumnTrait, IntoActiveModel};
use serde::Deserialize;

use nmp_core::problems::RowProblems;

use crate::{DESCRIPTOR, DataPackageError};

/// The resources of an edition package, in the order they are loaded (referenced rows first),
/// with their tables.
const RESOURCES: [(&str, &str); 31] = [
    ("countries", "country"),
    ("organizations", "organization"),
    ("sources", "source"),
    ("functions", "function"),
    ("mechanisms", "mechanism"),
    ("mechanism_statuses", "mechanism_status"),
    ("memberships", "membership"),
    ("activities", "activity"),
    ("networks", "network"),
    ("network_memberships", "network_membership"),
    ("network_counts", "network_count"),
    ("initiative_kinds", "initiative_kind"),
    ("initiatives", "initiative"),
    ("initiative_partners", "initiative_partner"),
    ("editions", "edition"),
    ("edition_publishers", "edition_publisher"),
    ("edition_contributors", "edition_contributor"),
    ("edition_parts", "edition_part"),
    ("profiles", "profile"),
    ("mechanism_functions", "mechanism_function"),
    ("frameworks", "framework"),
    ("criteria", "criterion"),
    ("criterion_levels", "criterion_level"),
    ("assessment_rounds", "assessment_round"),
    ("round_targets", "round_target"),
    ("round_raters", "round_rater"),
    ("ratings", "rating"),
    ("rating_evidence", "rating_evidence"),
    ("consensus", "consensus"),
    ("translations", "translation"),
    ("citations", "citation"),
];

/// The resources a package may lack: the outcome assessments and the translations of records,
/// which packages written before NMP recorded them do not have.
const OPTIONAL: [&str; 13] = [
    "initiative_kinds",
    "initiatives",
    "initiative_partners",
    "frameworks",
    "criteria",
    "criterion_levels",
    "assessment_rounds",
    "round_targets",
    "round_raters",
    "ratings",
    "rating_evidence",
    "consensus",
    "translations",
];

/// What was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The edition's slug.
    pub edition: String,
    /// The snapshot hash the package records for the edition (set when it was published).
    pub snapshot_hash: Option<String>,
    /// Rows loaded per resource, in load order.
    pub rows: Vec<(String, usize)>,
}

#[derive(Deserialize)]
struct DescriptorJson {
    resources: Vec<ResourceJson>,
}

#[derive(Deserialize)]
struct ResourceJson {
    name: String,
    path: String,
    schema: SchemaJson,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SchemaJson {
    fields: Vec<FieldJson>,
    primary_key: String,
    #[serde(default)]
    foreign_keys: Vec<ForeignKeyJson>,
}

#[derive(Deserialize)]
struct FieldJson {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    constraints: ConstraintsJson,
}

#[derive(Deserialize, Default)]
struct ConstraintsJson {
    #[serde(default)]
    required: bool,
    #[serde(default)]
    unique: bool,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default, rename = "enum")]
    values: Vec<String>,
}

#[derive(Deserialize)]
struct ForeignKeyJson {
    fields: String,
    reference: ReferenceJson,
}

#[derive(Deserialize)]
struct ReferenceJson {
    resource: String,
    fields: String,
}

/// One resource, read: its header and its rows (cells as text, `None` for an empty cell).
struct Table {
    resource: &'static str,
    table: &'static str,
    file: String,
    schema: SchemaJson,
    rows: Vec<Vec<Option<String>>>,
}

impl Table {
    fn column(&self, name: &str) -> Option<usize> {
        self.schema.fields.iter().position(|f| f.name == name)
    }
}

fn file_error(file: &str, message: impl Into<String>) -> DataPackageError {
    DataPackageError::File {
        file: file.to_string(),
        line: None,
        message: message.into(),
    }
}

/// Reads and checks the package in `dir`, then loads it into `store` as `actor`. The database
/// must hold no records yet.
pub async fn import(store: &Store, dir: &Path, actor: &str) -> Result<Loaded, DataPackageError> {
    let descriptor_path = dir.join(DESCRIPTOR);
    let descriptor = std::fs::read(&descriptor_path)
        .map_err(|e| file_error(&descriptor_path.display().to_string(), e.to_string()))?;
    let checked = read_and_check(&descriptor_path.display().to_string(), &descriptor, |name| {
        std::fs::read(dir.join(name)).map_err(|e| e.to_string())
    })?;
    let counts = store.counts().await?;
    let held: Vec<String> = ["countries", "organizations", "sources", "mechanisms", "editions"]
        .iter()
        .filter(|t| counts.get(*t).copied().unwrap_or_default() > 0)
        .map(|t| format!("{} {t}", counts[t]))
        .collect();
    if !held.is_empty() {
        return Err(file_error(
            &dir.display().to_string(),
            format!(
                "the database already holds records ({}): load a data package into a new, empty database",
                held.join(", ")
            ),
        ));
    }
    let mut w = store.writer(actor).await?;
    let mut loaded = Vec::new();
    for t in &checked.tables {
        let n = match t.table {
            "country" => load::<country::ActiveModel>(&mut w, t).await?,
            "organization" => load::<organization::ActiveModel>(&mut w, t).await?,
            "source" => load::<source::ActiveModel>(&mut w, t).await?,
            "function" => load::<function::ActiveModel>(&mut w, t).await?,
            "mechanism" => load::<mechanism::ActiveModel>(&mut w, t).await?,
            "mechanism_status" => load::<mechanism_status::ActiveModel>(&mut w, t).await?,
            "membership" => load::<membership::ActiveModel>(&mut w, t).await?,
            "activity" => load::<activity::ActiveModel>(&mut w, t).await?,
            "network" => load::<network::ActiveModel>(&mut w, t).await?,
            "network_membership" => load::<network_membership::ActiveModel>(&mut w, t).await?,
            "network_count" => load::<network_count::ActiveModel>(&mut w, t).await?,
            "translation" => load::<translation::ActiveModel>(&mut w, t).await?,
            "edition" => load::<edition::ActiveModel>(&mut w, t).await?,
            "edition_publisher" => load::<edition_publisher::ActiveModel>(&mut w, t).await?,
            "edition_contributor" => load::<edition_contributor::ActiveModel>(&mut w, t).await?,
            "edition_part" => load::<edition_part::ActiveModel>(&mut w, t).await?,
            "profile" => load::<profile::ActiveModel>(&mut w, t).await?,
            "mechanism_function" => load::<mechanism_function::ActiveModel>(&mut w, t).await?,
            "initiative_kind" => load::<initiative_kind::ActiveModel>(&mut w, t).await?,
            "initiative" => load::<initiative::ActiveModel>(&mut w, t).await?,
            "initiative_partner" => load::<initiative_partner::ActiveModel>(&mut w, t).await?,
            "framework" => load::<framework::ActiveModel>(&mut w, t).await?,
            "criterion" => load::<criterion::ActiveModel>(&mut w, t).await?,
            "criterion_level" => load::<criterion_level::ActiveModel>(&mut w, t).await?,
            "assessment_round" => load::<assessment_round::ActiveModel>(&mut w, t).await?,
            "round_target" => load::<round_target::ActiveModel>(&mut w, t).await?,
            "round_rater" => load_raters(&mut w, t).await?,
            "rating" => load::<rating::ActiveModel>(&mut w, t).await?,
            "rating_evidence" => load::<rating_evidence::ActiveModel>(&mut w, t).await?,
            "consensus" => load::<consensus::ActiveModel>(&mut w, t).await?,
            "citation" => load::<citation::ActiveModel>(&mut w, t).await?,
            other => unreachable!("no loader for {other}"),
        };
        if t.table != "country" {
            w.advance_key_sequence(t.table, &t.schema.primary_key).await?;
        }
        loaded.push((t.resource.to_string(), n));
    }
    w.commit().await?;
    Ok(Loaded {
        edition: checked.edition,
        snapshot_hash: checked.snapshot_hash,
        rows: loaded,
    })
}

/// Reads and checks a package held in memory (file name → bytes, [`DESCRIPTOR`] among them)
/// exactly as [`import`] does before it touches the database, and writes nothing. Returns the
/// rows of each resource in load order; the error names every problem by file, row and column.
pub fn check_files(files: &BTreeMap<String, Vec<u8>>) -> Result<Loaded, DataPackageError> {
    let descriptor = files
        .get(DESCRIPTOR)
        .ok_or_else(|| file_error(DESCRIPTOR, "the package has no descriptor"))?;
    let checked = read_and_check(DESCRIPTOR, descriptor, |name| {
        files
            .get(name)
            .cloned()
            .ok_or_else(|| "no such file in the package".to_string())
    })?;
    Ok(Loaded {
        rows: checked
            .tables
            .iter()
            .map(|t| (t.resource.to_string(), t.rows.len()))
            .collect(),
        edition: checked.edition,
        snapshot_hash: checked.snapshot_hash,
    })
}

/// A package read and checked: its tables in load order, and its one edition.
struct Checked {
    tables: Vec<Table>,
    edition: String,
    snapshot_hash: Option<String>,
}

/// Reads the descriptor (`descriptor`, named `label` in messages) and every CSV file it names
/// (`open` gives a file's bytes by its name), checks every cell, and finds the one edition.
fn read_and_check(
    label: &str,
    descriptor: &[u8],
    open: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Checked, DataPackageError> {
    let tables = read(label, descriptor, open)?;
    check(&tables)?;
    let editions = tables
        .iter()
        .find(|t| t.resource == "editions")
        .ok_or_else(|| file_error(DESCRIPTOR, "resource \"editions\" is missing"))?;
    let (edition, snapshot_hash) = match editions.rows.as_slice() {
        [row] => (
            editions.column("slug").and_then(|i| row[i].clone()).unwrap_or_default(),
            editions.column("snapshot_hash").and_then(|i| row[i].clone()),
        ),
        rows => {
            return Err(file_error(
                &editions.file,
                format!("an edition's package holds one edition; this one holds {}", rows.len()),
            ));
        }
    };
    Ok(Checked {
        tables,
        edition,
        snapshot_hash,
    })
}

/// Reads the descriptor and every CSV file it names.
fn read(
    label: &str,
    descriptor: &[u8],
    open: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Vec<Table>, DataPackageError> {
    let descriptor: DescriptorJson = serde_json::from_slice(descriptor)
        .map_err(|e| file_error(label, format!("not a data package descriptor: {e}")))?;
    let mut by_name: HashMap<String, ResourceJson> = HashMap::new();
    for r in descriptor.resources {
        by_name.insert(r.name.clone(), r);
    }
    let mut problems = Vec::new();
    let mut tables = Vec::new();
    for (resource, table) in RESOURCES {
        let Some(r) = by_name.remove(resource) else {
            if !OPTIONAL.contains(&resource) {
                problems.push(file_error(DESCRIPTOR, format!("resource {resource:?} is missing")));
            }
            continue;
        };
        match read_table(&open, resource, table, r) {
            Ok(t) => tables.push(t),
            Err(e) => problems.push(e),
        }
    }
    let mut extra: Vec<String> = by_name.into_keys().collect();
    extra.sort();
    for name in extra {
        problems.push(file_error(
            DESCRIPTOR,
            format!(
                "resource {name:?} is not one NMP loads (an edition package has {} resources, {} of them optional)",
                RESOURCES.len(),
                OPTIONAL.len()
            ),
        ));
    }
    match problems.len() {
        0 => Ok(tables),
        1 => Err(problems.remove(0)),
        _ => Err(DataPackageError::Many(problems)),
    }
}

fn read_table(
    open: &impl Fn(&str) -> Result<Vec<u8>, String>,
    resource: &'static str,
    table: &'static str,
    r: ResourceJson,
) -> Result<Table, DataPackageError> {
    let plain = !r.path.is_empty() && !r.path.contains(['/', '\\']) && r.path != "." && r.path != "..";
    if !plain {
        return Err(file_error(
            DESCRIPTOR,
            format!(
                "resource {resource:?}: path {:?} must be a file name in the package directory",
                r.path
            ),
        ));
    }
    let file = r.path.clone();
    let bytes = open(&r.path).map_err(|e| file_error(&file, e))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| file_error(&file, e.to_string()))?
        .iter()
        .map(str::to_string)
        .collect();
    let fields: Vec<String> = r.schema.fields.iter().map(|f| f.name.clone()).collect();
    if header != fields {
        return Err(DataPackageError::File {
            file,
            line: Some(1),
            message: format!(
                "the header is {} but datapackage.json lists the fields {}",
                header.join(","),
                fields.join(",")
            ),
        });
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| DataPackageError::File {
            file: file.clone(),
            line: Some(i + 2),
            message: e.to_string(),
        })?;
        rows.push(record.iter().map(|c| (!c.is_empty()).then(|| c.to_string())).collect());
    }
    Ok(Table {
        resource,
        table,
        file,
        schema: r.schema,
        rows,
    })
}

/// Checks every cell against its field, keys for uniqueness, and references within the package.
fn check(tables: &[Table]) -> Result<(), DataPackageError> {
    let mut problems = RowProblems::default();
    let mut keys: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for t in tables {
        for (c, f) in t.schema.fields.iter().enumerate() {
            let is_key = f.name == t.schema.primary_key;
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            for (n, row) in t.rows.iter().enumerate() {
                let line = n + 2;
                let Some(value) = row[c].as_deref() else {
                    if f.constraints.required || is_key {
                        problems.add(&t.file, line, Some(&f.name), || "a value is required".into());
                    }
                    continue;
                };
                if f.ty == "integer" && value.parse::<i64>().is_err() {
                    problems.add(&t.file, line, Some(&f.name), || format!("{value:?} is not an integer"));
                }
                if f.ty == "boolean" && !matches!(value, "true" | "false") {
                    problems.add(&t.file, line, Some(&f.name), || {
                        format!("{value:?} is not true or false")
                    });
                }
                if !f.constraints.values.is_empty() && !f.constraints.values.iter().any(|v| v == value) {
                    problems.add(&t.file, line, Some(&f.name), || {
                        format!("{value:?} is not one of {}", f.constraints.values.join(", "))
                    });
                }
                if f.constraints.pattern.is_some()
                    && let Err(e) = PartialDate::parse(&f.name, value)
                {
                    problems.add(&t.file, line, Some(&f.name), || e.message.clone());
                }
                if (is_key || f.constraints.unique) && !seen.insert(value) {
                    problems.add(&t.file, line, Some(&f.name), || format!("{value:?} appears twice"));
                }
            }
            if is_key {
                keys.insert(t.resource, seen);
            }
        }
    }
    for t in tables {
        for fk in &t.schema.foreign_keys {
            let target = if fk.reference.resource.is_empty() {
                t.resource
            } else {
                fk.reference.resource.as_str()
            };
            let Some(present) = keys.get(target) else {
                problems.add(&t.file, 1, Some(&fk.fields), || {
                    format!("points to resource {target:?}, which the package does not hold")
                });
                continue;
            };
            let Some(c) = t.column(&fk.fields) else { continue };
            for (n, row) in t.rows.iter().enumerate() {
                if let Some(v) = row[c].as_deref()
                    && !present.contains(v)
                {
                    problems.add(&t.file, n + 2, Some(&fk.fields), || {
                        format!("{v} names no row of {target}.csv ({})", fk.reference.fields)
                    });
                }
            }
        }
    }
    problems.finish().map_err(|(problems, total)| DataPackageError::Rows {
        file: "the data package".to_string(),
        problems,
        total,
    })
}

/// Inserts the rows of `t` through the audited writer, keys unchanged.
async fn load<A>(w: &mut Writer, t: &Table) -> Result<usize, DataPackageError>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + serde::Serialize + nmp_store::entity::Keyed,
    <A::Entity as EntityTrait>::Column: FromStr,
{
    load_filled::<A>(w, t, |_, _| {}).await
}

/// Loads the released raters of `round_raters.csv`, each with a placeholder account (see the
/// module's documentation): the package names no account.
async fn load_raters(w: &mut Writer, t: &Table) -> Result<usize, DataPackageError> {
    let (Some(round), Some(pseudonym)) = (t.column("assessment_round_id"), t.column("pseudonym")) else {
        return Err(file_error(
            &t.file,
            "round_raters needs the columns assessment_round_id and pseudonym",
        ));
    };
    let mut accounts = Vec::new();
    for row in &t.rows {
        let round = row[round].clone().unwrap_or_default();
        let name = row[pseudonym].clone().unwrap_or_default();
        let local: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let placeholder = w
            .insert(account::ActiveModel {
                email: Set(format!("round-{round}-{local}@imported.invalid")),
                name: Set(format!("{name}, rater of round {round} (imported from a data package)")),
                role: Set(AccountRole::Researcher.code().to_string()),
                password_hash: Set(None),
                active: Set(false),
                organization_id: Set(None),
                ..Default::default()
            })
            .await?;
        accounts.push(placeholder.account_id);
    }
    load_filled::<round_rater::ActiveModel>(w, t, |n, model| {
        model.set(round_rater::Column::AccountId, Value::Int(Some(accounts[n])));
    })
    .await
}

/// Inserts the rows of `t` through the audited writer, keys unchanged, after `fill` has set what
/// the package does not hold (given the row's index and its model).
async fn load_filled<A>(w: &mut Writer, t: &Table, fill: impl Fn(usize, &mut A)) -> Result<usize, DataPackageError>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + serde::Serialize + nmp_store::entity::Keyed,
    <A::Entity as EntityTrait>::Column: FromStr,
{
    let mut order: Vec<usize> = (0..t.rows.len()).collect();
    if t.table == "organization" {
        order = parents_first(t);
    }
    for n in order {
        let row = &t.rows[n];
        let mut model = A::default();
        for (c, f) in t.schema.fields.iter().enumerate() {
            let column = <A::Entity as EntityTrait>::Column::from_str(&f.name).map_err(|_| DataPackageError::File {
                file: t.file.clone(),
                line: Some(1),
                message: format!("column {} is not a column of table {}", f.name, t.table),
            })?;
            let value = cell_value(column.def().get_column_type(), row[c].as_deref()).map_err(|message| {
                DataPackageError::File {
                    file: t.file.clone(),
                    line: Some(n + 2),
                    message: format!("{}: {message}", f.name),
                }
            })?;
            model.set(column, value);
        }
        fill(n, &mut model);
        w.insert(model).await?;
    }
    Ok(t.rows.len())
}

/// The rows of `organizations.csv` in an order where every parent comes before its children.
fn parents_first(t: &Table) -> Vec<usize> {
    let (Some(id), Some(parent)) = (t.column("organization_id"), t.column("parent_id")) else {
        return (0..t.rows.len()).collect();
    };
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut order = Vec::new();
    let mut left: Vec<usize> = (0..t.rows.len()).collect();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|&n| {
            let row = &t.rows[n];
            let ready = row[parent]
                .as_ref()
                .is_none_or(|p| placed.contains(p) || row[id].as_ref() == Some(p));
            if ready {
                placed.insert(row[id].clone().unwrap_or_default());
                order.push(n);
            }
            !ready
        });
        if left.len() == before {
            // A cycle: load the rest as they are and let the database say which row is wrong.
            order.append(&mut left);
        }
    }
    order
}

/// The database value of a cell for a column of `ty`.
fn cell_value(ty: &ColumnType, cell: Option<&str>) -> Result<Value, String> {
    let int = |text: &str| text.parse::<i64>().map_err(|_| format!("{text:?} is not an integer"));
    Ok(match ty {
        ColumnType::Integer => Value::Int(
            cell.map(|c| int(c).and_then(|i| i32::try_from(i).map_err(|_| format!("{c} is too large"))))
                .transpose()?,
        ),
        ColumnType::BigInteger => Value::BigInt(cell.map(int).transpose()?),
        ColumnType::Boolean => Value::Bool(cell.map(|c| c == "true")),
        ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => Value::String(cell.map(|c| c.to_string())),
        other => return Err(format!("columns of type {other:?} cannot be loaded")),
    })
}
