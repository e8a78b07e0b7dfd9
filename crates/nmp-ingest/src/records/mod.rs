//! Records in bulk: import spreadsheets of mechanisms, memberships, activities, organisations,
//! sources and citations (`nmp import records`, `/staff/import`), export them in the same layout
//! (`nmp export records`), and the XLSX template to fill in.
//!
//! One layout for every direction: a file's columns are the table's field names from the data
//! dictionary, where a reference may be given by its target's natural key instead of its number
//! (`lead_organization` = the organisation's slug for `lead_organization_id`, `mechanism` for
//! `mechanism_id`, `function` = a function code for `function_id`); `<table>_id` (or `id`) and
//! `version` name a record to update; `source`, `locator` and `quote` cite the row. An export of
//! the current records therefore imports back unchanged, and can be edited and re-imported.
//!
//! - [`import`]: check every row of a file, then write all of it in one audited transaction (or
//!   propose every row), or nothing;
//! - [`export`]: the current records of a kind as a table, and the import template.

mod check;
mod cite;
pub mod export;
pub mod import;
mod layout;
mod outcome;
mod problems;

use std::collections::HashMap;

use nmp_store::entity::{edition, function, mechanism, network, organization, source};
use nmp_store::records::schema::{self, FieldSpec};
use nmp_store::{Store, StoreError};

use crate::IngestError;

/// The kinds of record a file can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// `mechanism` rows.
    Mechanisms,
    /// `membership` rows.
    Memberships,
    /// `activity` rows.
    Activities,
    /// `organization` rows.
    Organizations,
    /// `source` rows.
    Sources,
    /// `citation` rows.
    Citations,
}

impl RecordKind {
    /// Every kind, in the template's sheet order (what others point to first).
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Sources,
        RecordKind::Organizations,
        RecordKind::Mechanisms,
        RecordKind::Memberships,
        RecordKind::Activities,
        RecordKind::Citations,
    ];

    /// The kind named `mechanisms`, `memberships`, ... (the sheet names).
    pub fn parse(text: &str) -> Option<RecordKind> {
        RecordKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(text.trim()))
    }

    /// Its name: the `--kind` value and the template's sheet name.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Mechanisms => "mechanisms",
            RecordKind::Memberships => "memberships",
            RecordKind::Activities => "activities",
            RecordKind::Organizations => "organizations",
            RecordKind::Sources => "sources",
            RecordKind::Citations => "citations",
        }
    }

    /// The table its rows go to.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Mechanisms => "mechanism",
            RecordKind::Memberships => "membership",
            RecordKind::Activities => "activity",
            RecordKind::Organizations => "organization",
            RecordKind::Sources => "source",
            RecordKind::Citations => "citation",
        }
    }

    /// Whether its rows are facts that cite a source (`source`, `locator`, `quote` columns):
    /// all but sources (the bibliography itself) and citations (which are the citing).
    pub fn cites_rows(self) -> bool {
        !matches!(self, RecordKind::Sources | RecordKind::Citations)
    }

    /// The names, for messages: `mechanisms, memberships, ...`.
    pub fn names() -> String {
        RecordKind::ALL.map(RecordKind::name).join(", ")
    }
}

/// The column of a target table that names its rows for people: `slug`, or `code` for functions.
pub fn natural_key(target: &str) -> Option<&'static str> {
    match target {
        "organization" | "mechanism" | "source" | "network" | "edition" => Some("slug"),
        "function" => Some("code"),
        _ => None,
    }
}

/// The column that gives `field` by its target's natural key (`lead_organization_id` →
/// `lead_organization`), if its target has one.
pub fn natural_column(field: &FieldSpec) -> Option<String> {
    let target = field.target.as_deref()?;
    natural_key(target)?;
    field.name.strip_suffix("_id").map(str::to_string)
}

/// The columns citing each row: the source by slug (or number), where in it, its words.
pub const CITE_COLUMNS: [&str; 3] = ["source", "locator", "quote"];

/// The file layout of a kind: the key and version columns, then each field by its file column
/// name, then the citing columns where the kind has them.
pub fn columns(kind: RecordKind) -> Result<Vec<String>, IngestError> {
    let table = kind.table();
    let mut out = vec![format!("{table}_id"), "version".to_string()];
    for f in schema::fields(table)? {
        out.push(natural_column(f).unwrap_or_else(|| f.name.clone()));
    }
    if kind.cites_rows() {
        out.extend(CITE_COLUMNS.map(str::to_string));
    }
    Ok(out)
}

/// Natural keys of the tables that have them: key ↔ row number, both ways.
#[derive(Debug, Default)]
pub struct Keys {
    by_key: HashMap<&'static str, HashMap<String, i32>>,
    by_id: HashMap<&'static str, HashMap<i32, String>>,
}

impl Keys {
    /// Loads the natural keys of `tables` (those without one are skipped).
    pub async fn load(store: &Store, tables: &[&str]) -> Result<Keys, StoreError> {
        let mut keys = Keys::default();
        for table in tables {
            let pairs: Vec<(i32, String)> = match *table {
                "organization" => pairs(store.all::<organization::Entity>().await?, |r| {
                    (r.organization_id, r.slug)
                }),
                "mechanism" => pairs(store.all::<mechanism::Entity>().await?, |r| (r.mechanism_id, r.slug)),
                "source" => pairs(store.all::<source::Entity>().await?, |r| (r.source_id, r.slug)),
                "network" => pairs(store.all::<network::Entity>().await?, |r| (r.network_id, r.slug)),
                "edition" => pairs(store.all::<edition::Entity>().await?, |r| (r.edition_id, r.slug)),
                "function" => pairs(store.all::<function::Entity>().await?, |r| (r.function_id, r.code)),
                _ => continue,
            };
            let name = natural_table(table);
            keys.by_id.insert(name, pairs.iter().cloned().collect());
            keys.by_key
                .insert(name, pairs.into_iter().map(|(id, k)| (k, id)).collect());
        }
        Ok(keys)
    }

    /// The row of `table` whose natural key is `key`.
    pub fn id(&self, table: &str, key: &str) -> Option<i32> {
        self.by_key.get(table)?.get(key).copied()
    }

    /// Every natural key of `table`, sorted (empty for a table without them).
    pub fn all(&self, table: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .by_key
            .get(table)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        out.sort_unstable();
        out
    }

    /// The natural key of row `id` of `table`.
    pub fn key(&self, table: &str, id: i32) -> Option<&str> {
        self.by_id.get(table)?.get(&id).map(String::as_str)
    }
}

fn natural_table(table: &str) -> &'static str {
    match table {
        "organization" => "organization",
        "mechanism" => "mechanism",
        "source" => "source",
        "network" => "network",
        "edition" => "edition",
        _ => "function",
    }
}

fn pairs<M>(rows: Vec<M>, f: impl Fn(M) -> (i32, String)) -> Vec<(i32, String)> {
    rows.into_iter().map(f).collect()
}

/// The tables whose natural keys a kind's files may use.
pub fn key_tables(kind: RecordKind) -> Result<Vec<&'static str>, IngestError> {
    if kind == RecordKind::Citations {
        // `entity_key` may name a row of any table that has a natural key.
        return Ok(vec![
            "organization",
            "mechanism",
            "source",
            "network",
            "edition",
            "function",
        ]);
    }
    let mut out = Vec::new();
    for f in schema::fields(kind.table())? {
        if let Some(t) = f.target.as_deref()
            && natural_key(t).is_some()
        {
            out.push(natural_table(t));
        }
    }
    if kind.cites_rows() {
        out.push("source");
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_layout_names_references_by_their_natural_keys() {
        let cols = columns(RecordKind::Mechanisms).unwrap();
        assert_eq!(cols[..3], ["mechanism_id", "version", "slug"]);
        assert!(cols.contains(&"lead_organization".to_string()));
        assert!(!cols.contains(&"lead_organization_id".to_string()));
        assert!(cols.contains(&"country_iso3".to_string()));
        assert_eq!(cols[cols.len() - 3..], CITE_COLUMNS);
        let cols = columns(RecordKind::Activities).unwrap();
        assert!(cols.contains(&"mechanism".to_string()) && cols.contains(&"function".to_string()));
        let cols = columns(RecordKind::Citations).unwrap();
        assert_eq!(
            cols,
            [
                "citation_id",
                "version",
                "source",
                "entity",
                "entity_id",
                "field",
                "locator",
                "quote"
            ]
        );
        assert_eq!(RecordKind::parse(" Mechanisms"), Some(RecordKind::Mechanisms));
        assert_eq!(RecordKind::parse("mechanism"), None);
    }
}
