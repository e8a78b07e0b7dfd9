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

mod check;
mod load;
mod read;

use check::check;
use load::{load, load_raters};
use read::{Table, read};

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
