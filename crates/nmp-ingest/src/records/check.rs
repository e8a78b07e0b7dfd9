//! Checking every row of an import file before anything is written: the header understood as
//! [`Layout`], then each row by [`Checker`], every problem kept with its sheet, row and column.
//! The outcome is a [`Plan`]: the changes to write, or the problems.

use std::collections::{BTreeMap, HashMap, HashSet};

use nmp_core::vocab::ChangeAction;
use nmp_store::Store;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::schema::{self, FieldSpec};
use nmp_store::records::{Change, CitationInput, Fields, Record, value_text};

use super::cite;
use super::layout::{Col, Layout};
use super::outcome::{Importer, PROGRESS_EVERY, RowAction, RowOutcome};
use super::problems::Problems;
use super::{Keys, RecordKind, key_tables, natural_column, natural_key};
use crate::sheet::{self, Table, column_letter};
use crate::{CellProblem, IngestError};

/// One checked row, ready to write.
pub(super) struct PlannedRow {
    pub(super) outcome: RowOutcome,
    pub(super) change: Option<Change>,
    pub(super) citation: Option<CitationInput>,
    pub(super) before: Option<Record>,
}

/// Every row checked: what to write, or every problem.
pub(super) struct Plan {
    pub(super) sheet: String,
    pub(super) rows: Vec<PlannedRow>,
    pub(super) problems: Vec<CellProblem>,
    pub(super) columns: Layout,
}

impl Plan {
    pub(super) async fn make(
        store: &Store,
        table: &Table,
        kind: RecordKind,
        importer: &Importer,
        progress: &mut (dyn FnMut(&str) + Send),
    ) -> Result<Plan, IngestError> {
        let mut problems = Problems {
            sheet: table.sheet.clone(),
            list: Vec::new(),
        };
        let layout = Layout::read(kind, table, &mut problems)?;
        let data: Vec<&sheet::Row> = table.rows.iter().filter(|r| !r.is_blank()).collect();
        if table.header.iter().all(|h| h.trim().is_empty()) {
            problems.add(
                1,
                None,
                format!(
                    "row 1 must hold the column names, e.g. {}",
                    super::columns(kind)?.join(", ")
                ),
            );
        } else if data.is_empty() {
            problems.add(2, None, "the sheet has no rows under its header");
        }
        let creates = data.iter().any(|r| layout.cell(r, layout.key).is_empty());
        if creates {
            for f in schema::fields(kind.table())? {
                let boolean = f.kind == nmp_core::dictionary::Kind::Boolean;
                let by_entity_key = f.name == "entity_id" && layout.entity_key.is_some();
                if f.required && !boolean && !by_entity_key && !layout.field_col.contains_key(&f.name) {
                    let column = natural_column(f).map_or(f.name.clone(), |n| format!("{n} (or {})", f.name));
                    problems.add(1, None, format!("missing column {column}: new records need it"));
                }
            }
        }
        if !problems.list.is_empty() {
            return Ok(Plan {
                sheet: table.sheet.clone(),
                rows: Vec::new(),
                problems: problems.list,
                columns: layout,
            });
        }
        let mut checker = Checker::new(store, kind, importer, &layout, &data).await?;
        let mut rows = Vec::with_capacity(data.len());
        let total = data.len();
        for (n, row) in data.iter().enumerate() {
            if let Some(planned) = checker.row(row, &mut problems).await? {
                rows.push(planned);
            }
            if total > 2 * PROGRESS_EVERY && (n + 1) % PROGRESS_EVERY == 0 {
                progress(&format!("checked {} of {total} rows", n + 1));
            }
        }
        if !checker.source_column && rows.iter().any(|r| r.change.is_some()) && kind.cites_rows() {
            problems.add(
                1,
                None,
                "missing column source: every new or changed row must cite its source (its slug; add locator for the page)",
            );
        }
        Ok(Plan {
            sheet: table.sheet.clone(),
            rows,
            problems: problems.list,
            columns: layout,
        })
    }
}

/// Checks rows one by one, remembering what earlier rows of the file used.
struct Checker<'a> {
    store: &'a Store,
    kind: RecordKind,
    importer: &'a Importer,
    layout: &'a Layout,
    keys: Keys,
    current: HashMap<i32, Record>,
    /// Key → first row that names it.
    seen_keys: HashMap<i32, usize>,
    /// (field, value) → first row that has it, for unique fields.
    seen_unique: HashMap<(String, String), usize>,
    source_column: bool,
}

impl<'a> Checker<'a> {
    async fn new(
        store: &'a Store,
        kind: RecordKind,
        importer: &'a Importer,
        layout: &'a Layout,
        data: &[&sheet::Row],
    ) -> Result<Checker<'a>, IngestError> {
        let keys = Keys::load(store, &key_tables(kind)?).await?;
        let mut current = HashMap::new();
        if data.iter().any(|r| !layout.cell(r, layout.key).is_empty()) {
            let count = store.record_count(kind.table()).await?;
            for r in store.records(kind.table(), 0, count).await? {
                current.insert(r.key, r);
            }
        }
        Ok(Checker {
            store,
            kind,
            importer,
            layout,
            keys,
            current,
            seen_keys: HashMap::new(),
            seen_unique: HashMap::new(),
            source_column: layout.cite_source.is_some() || layout.cite_source_id.is_some(),
        })
    }

    /// Checks one row; adds its problems, and returns it planned when it has none.
    async fn row(&mut self, row: &sheet::Row, problems: &mut Problems) -> Result<Option<PlannedRow>, IngestError> {
        let before = problems.list.len();
        let l = self.layout;
        let n = row.number;
        if let Some(extra) = row
            .cells
            .iter()
            .enumerate()
            .skip(l.cols.len())
            .find(|(_, c)| !c.trim().is_empty())
        {
            problems.add(
                n,
                Some(column_letter(extra.0)),
                format!(
                    "the row is too long: it has a value beyond the last named column ({} columns)",
                    l.cols.len()
                ),
            );
        }
        let current = self.current_record(row, problems);
        let mut unresolved: HashSet<String> = HashSet::new();
        let mut form: BTreeMap<String, String> = current
            .as_ref()
            .map(|r| r.fields.iter().map(|(k, v)| (k.clone(), value_text(v))).collect())
            .unwrap_or_default();
        for (i, col) in l.cols.iter().enumerate() {
            let text = row.cells.get(i).map_or("", String::as_str);
            match col {
                Col::Field(f) => {
                    form.insert(f.name.clone(), text.to_string());
                }
                Col::Natural(f) => {
                    let value = self.natural(f, text.trim(), n, l.label(Some(i)), problems);
                    if value.is_none() {
                        unresolved.insert(f.name.clone());
                    }
                    form.insert(f.name.clone(), value.unwrap_or_else(|| "0".into()));
                }
                _ => {}
            }
        }
        if let Some(i) = l.entity_key
            && !self.entity_key(row, i, &mut form, problems)
        {
            unresolved.insert("entity_id".into());
        }
        let citation = cite::citation(self.layout, &self.keys, row, problems);
        let table = self.kind.table();
        let (fields, errors) = schema::parse_partial(table, &form)?;
        for e in &errors {
            let column = l.column_of(&e.field);
            let message = if column.is_some() {
                e.message.clone()
            } else {
                format!("{}: {}", e.field, e.message)
            };
            problems.add(n, column, message);
        }
        self.unique_in_file(n, &fields, problems);
        let (change, changed) = match &current {
            Some(r) => {
                let diff: Fields = fields
                    .iter()
                    .filter(|(k, v)| r.fields.get(*k) != Some(*v))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let changed: Vec<String> = diff.keys().cloned().collect();
                let change = (!diff.is_empty() || !errors.is_empty()).then(|| Change {
                    table: table.to_string(),
                    action: ChangeAction::Update,
                    key: Some(r.key),
                    base_version: Some(r.version),
                    fields: diff,
                });
                (change, changed)
            }
            None => (
                Some(Change {
                    table: table.to_string(),
                    action: ChangeAction::Create,
                    key: None,
                    base_version: None,
                    fields: fields.clone(),
                }),
                Vec::new(),
            ),
        };
        if let Some(c) = &change {
            // `fields` is the whole row (the record's values with the file's on top), less the
            // values that did not parse: those are reported already.
            let cited = !matches!(citation, Ok(None));
            self.check_in_database(n, c, &fields, cited, &unresolved, problems)
                .await?;
        }
        let label = Record {
            table: table.to_string(),
            key: current.as_ref().map_or(0, |r| r.key),
            version: 0,
            updated_by: String::new(),
            fields,
        }
        .label();
        if problems.list.len() > before {
            return Ok(None);
        }
        let action = match (&current, &change) {
            (None, _) => RowAction::Create,
            (Some(_), Some(_)) => RowAction::Update,
            (Some(_), None) => RowAction::Unchanged,
        };
        Ok(Some(PlannedRow {
            outcome: RowOutcome {
                row: n,
                action,
                key: current.as_ref().map(|r| r.key),
                label,
                changed,
            },
            citation: change.as_ref().and(citation.ok().flatten()),
            change,
            before: current,
        }))
    }

    /// The record a row updates (by its key and version), or `None` for a new one.
    fn current_record(&mut self, row: &sheet::Row, problems: &mut Problems) -> Option<Record> {
        let l = self.layout;
        let n = row.number;
        let key_text = l.cell(row, l.key);
        if key_text.is_empty() {
            if !l.cell(row, l.version).is_empty() {
                problems.add(
                    n,
                    l.label(l.version),
                    "a version without a record key: leave both empty for a new record",
                );
            }
            return None;
        }
        let table = self.kind.table();
        let Ok(key) = key_text.parse::<i32>() else {
            problems.add(n, l.label(l.key), format!("{key_text:?} is not a record number"));
            return None;
        };
        if let Some(first) = self.seen_keys.insert(key, n) {
            problems.add(
                n,
                l.label(l.key),
                format!("{table} {key} is also in row {first}; give each record once"),
            );
        }
        let Some(record) = self.current.get(&key).cloned() else {
            problems.add(n, l.label(l.key), format!("no {table} has the number {key}"));
            return None;
        };
        let version_text = l.cell(row, l.version);
        match version_text.parse::<i32>() {
            Ok(v) if v == record.version => {}
            Ok(v) => problems.add(
                n,
                l.label(l.version),
                format!(
                    "{table} {key} was changed since this file was made (version {v} here, {} now, by {}); export it again and redo the change",
                    record.version, record.updated_by
                ),
            ),
            Err(_) if version_text.is_empty() => problems.add(
                n,
                l.label(l.version).or_else(|| Some("version".into())),
                "an update needs the version the record had when exported",
            ),
            Err(_) => problems.add(n, l.label(l.version), format!("{version_text:?} is not a version number")),
        }
        Some(record)
    }

    /// The number of the record a natural key names, as form text ("" for an empty cell), or
    /// `None` (and a problem) when no record has it.
    fn natural(
        &self,
        f: &FieldSpec,
        text: &str,
        row: usize,
        column: Option<String>,
        problems: &mut Problems,
    ) -> Option<String> {
        if text.is_empty() {
            return Some(String::new());
        }
        let target = f.target.as_deref().unwrap_or_default();
        match self.keys.id(target, text) {
            Some(id) => Some(id.to_string()),
            None => {
                let what = natural_key(target).unwrap_or("key");
                problems.add(row, column, format!("no {target} has the {what} {text:?}"));
                None
            }
        }
    }

    /// Fills `entity_id` from the `entity_key` column; `false` (and a problem) when it names no row.
    fn entity_key(
        &self,
        row: &sheet::Row,
        i: usize,
        form: &mut BTreeMap<String, String>,
        problems: &mut Problems,
    ) -> bool {
        let l = self.layout;
        let key = l.cell(row, Some(i));
        if key.is_empty() {
            return true;
        }
        let column = l.label(Some(i));
        if l.field_col.contains_key("entity_id") && form.get("entity_id").is_some_and(|v| !v.trim().is_empty()) {
            problems.add(row.number, column, "give entity_id or entity_key, not both");
            return false;
        }
        let entity = form.get("entity").map_or("", |e| e.trim()).to_string();
        match (natural_key(&entity), self.keys.id(&entity, key)) {
            (Some(_), Some(id)) => {
                form.insert("entity_id".into(), id.to_string());
                return true;
            }
            (Some(what), None) => problems.add(row.number, column, format!("no {entity} has the {what} {key:?}")),
            (None, _) => problems.add(
                row.number,
                column,
                format!("{entity:?} rows have no slug or code; give their number in entity_id"),
            ),
        }
        false
    }

    /// Unique values (slugs) may appear once in the file.
    fn unique_in_file(&mut self, n: usize, fields: &Fields, problems: &mut Problems) {
        let Ok(specs) = schema::fields(self.kind.table()) else {
            return;
        };
        for f in specs.iter().filter(|f| f.unique) {
            let Some(v) = fields.get(&f.name).filter(|v| !v.is_null()) else {
                continue;
            };
            let text = value_text(v);
            if let Some(first) = self.seen_unique.insert((f.name.clone(), text.clone()), n) {
                problems.add(
                    n,
                    self.layout.column_of(&f.name),
                    format!("duplicate {} {text:?}: row {first} has it too", f.name),
                );
            }
        }
    }

    /// References and unique values against the database, a source where one is needed, and the
    /// importer's scope.
    async fn check_in_database(
        &self,
        n: usize,
        change: &Change,
        merged: &Fields,
        cited: bool,
        unresolved: &HashSet<String>,
        problems: &mut Problems,
    ) -> Result<(), IngestError> {
        let l = self.layout;
        for e in self.store.check_fields(&change.table, change.key, merged).await? {
            // A natural key that named nothing is reported already.
            if !unresolved.contains(&e.field) {
                problems.add(n, l.column_of(&e.field), e.message);
            }
        }
        if self.kind.cites_rows() && self.source_column && !cited {
            problems.add(
                n,
                l.label(l.cite_source.or(l.cite_source_id)),
                "missing source: every new or changed row must cite its source (its slug)",
            );
        }
        if let Importer::Propose { account, role } = self.importer {
            match self.store.scope(account, *role, change).await {
                Ok(()) => {}
                Err(ApplyError::Fields(errors)) => {
                    for e in errors {
                        problems.add(n, None, e.message);
                    }
                }
                Err(ApplyError::Store(e)) => return Err(e.into()),
            }
        }
        Ok(())
    }
}
