//! An import file's header, understood: which column gives which field (by its name or its
//! target's natural key), the record key and version, and the citing columns. Unknown, repeated
//! and unnamed columns are problems of row 1.

use std::collections::HashMap;

use nmp_store::records::schema::{self, FieldSpec};

use super::problems::Problems;
use super::{RecordKind, natural_column};
use crate::IngestError;
use crate::sheet::{self, Table, column_letter};

/// What a column of the file stands for.
#[derive(Clone, Copy, Debug)]
pub(super) enum Col {
    Key,
    Version,
    Field(&'static FieldSpec),
    Natural(&'static FieldSpec),
    EntityKey,
    CiteSource,
    CiteSourceId,
    CiteLocator,
    CiteQuote,
    Ignored,
}

/// The header, understood.
pub(super) struct Layout {
    pub(super) cols: Vec<Col>,
    /// Column index → `D (level)`.
    pub(super) labels: Vec<String>,
    /// Field name → the column that gives it.
    pub(super) field_col: HashMap<String, usize>,
    pub(super) key: Option<usize>,
    pub(super) version: Option<usize>,
    pub(super) entity_key: Option<usize>,
    pub(super) cite_source: Option<usize>,
    pub(super) cite_source_id: Option<usize>,
    pub(super) locator: Option<usize>,
    pub(super) quote: Option<usize>,
}

impl Layout {
    pub(super) fn read(kind: RecordKind, table: &Table, problems: &mut Problems) -> Result<Layout, IngestError> {
        let specs = schema::fields(kind.table())?;
        let key_name = format!("{}_id", kind.table());
        let mut layout = Layout {
            cols: Vec::new(),
            labels: Vec::new(),
            field_col: HashMap::new(),
            key: None,
            version: None,
            entity_key: None,
            cite_source: None,
            cite_source_id: None,
            locator: None,
            quote: None,
        };
        for (i, raw) in table.header.iter().enumerate() {
            let name = raw.trim();
            let label = format!("{} ({name})", column_letter(i));
            layout.labels.push(label.clone());
            let at = Some(label);
            if name.is_empty() {
                if table
                    .rows
                    .iter()
                    .any(|r| r.cells.get(i).is_some_and(|c| !c.trim().is_empty()))
                {
                    problems.add(1, at, "the column has values but no name in row 1");
                }
                layout.cols.push(Col::Ignored);
                continue;
            }
            let field = specs.iter().find(|f| f.name == name);
            let natural = specs.iter().find(|f| natural_column(f).as_deref() == Some(name));
            let col = if name == "id" || name == key_name {
                Col::Key
            } else if name == "version" {
                Col::Version
            } else if let Some(f) = field {
                Col::Field(f)
            } else if let Some(f) = natural {
                Col::Natural(f)
            } else if kind == RecordKind::Citations && name == "entity_key" {
                Col::EntityKey
            } else if kind.cites_rows() && name == "source" {
                Col::CiteSource
            } else if kind.cites_rows() && name == "source_id" {
                Col::CiteSourceId
            } else if kind.cites_rows() && name == "locator" {
                Col::CiteLocator
            } else if kind.cites_rows() && name == "quote" {
                Col::CiteQuote
            } else {
                problems.add(
                    1,
                    at,
                    format!(
                        "unknown column {name:?}; the columns of {} are {}",
                        kind.name(),
                        super::columns(kind)?.join(", ")
                    ),
                );
                layout.cols.push(Col::Ignored);
                continue;
            };
            let slot = match col {
                Col::Key => &mut layout.key,
                Col::Version => &mut layout.version,
                Col::EntityKey => &mut layout.entity_key,
                Col::CiteSource => &mut layout.cite_source,
                Col::CiteSourceId => &mut layout.cite_source_id,
                Col::CiteLocator => &mut layout.locator,
                Col::CiteQuote => &mut layout.quote,
                Col::Field(f) | Col::Natural(f) => {
                    if let Some(&j) = layout.field_col.get(&f.name) {
                        let first = layout.labels[j].clone();
                        problems.add(1, at, format!("gives {} again (column {first} gives it too)", f.name));
                    } else {
                        layout.field_col.insert(f.name.clone(), i);
                    }
                    layout.cols.push(col);
                    continue;
                }
                Col::Ignored => unreachable!("handled above"),
            };
            match slot {
                Some(j) => {
                    let first = layout.labels[*j].clone();
                    problems.add(1, at, format!("repeats column {first}"));
                }
                None => *slot = Some(i),
            }
            layout.cols.push(col);
        }
        if layout.cite_source.is_some() && layout.cite_source_id.is_some() {
            problems.add(
                1,
                None,
                "give the source by slug (source) or by number (source_id), not both",
            );
        }
        Ok(layout)
    }

    pub(super) fn cell<'a>(&self, row: &'a sheet::Row, col: Option<usize>) -> &'a str {
        col.and_then(|i| row.cells.get(i)).map_or("", |c| c.trim())
    }

    pub(super) fn label(&self, col: Option<usize>) -> Option<String> {
        col.map(|i| self.labels[i].clone())
    }

    /// The column an error about `field` belongs to.
    pub(super) fn column_of(&self, field: &str) -> Option<String> {
        let col = match field {
            "citation.source_id" => self.cite_source.or(self.cite_source_id),
            "citation.locator" => self.locator,
            "entity_id" => self.field_col.get(field).copied().or(self.entity_key),
            other => self.field_col.get(other).copied(),
        };
        self.label(col)
    }
}
