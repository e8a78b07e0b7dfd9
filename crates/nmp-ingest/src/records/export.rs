//! The current records of a kind as a spreadsheet in the import layout, and the import template
//! (the same sheets, empty, after a README). In a workbook every header carries the data
//! dictionary's meaning as a note, and vocabulary and reference columns offer drop-down lists.

use nmp_store::Store;
use nmp_store::entity::country;
use nmp_store::records::schema::{self, FieldSpec};
use nmp_store::records::value_text;

use super::{CITE_COLUMNS, Keys, RecordKind, key_tables, natural_column, natural_key};
use crate::IngestError;
use crate::sheet::Format;
use crate::sheet::write::{self, ColumnOut, SheetOut};

/// Records read per query while exporting.
const PAGE: u64 = 5_000;

fn plain(meaning: &str) -> String {
    meaning.replace('`', "")
}

/// The columns of a kind's sheet, with their notes and drop-down lists.
async fn column_specs(store: &Store, kind: RecordKind, keys: &Keys) -> Result<Vec<ColumnOut>, IngestError> {
    let table = kind.table();
    let mut out = vec![
        ColumnOut {
            name: format!("{table}_id"),
            note: Some(format!(
                "The {table}'s number. Leave empty to add a new record; keep it (with version) to change that record."
            )),
            choices: Vec::new(),
        },
        ColumnOut {
            name: "version".into(),
            note: Some(
                "The version the record had when exported. Keep it: a record changed since is refused, never overwritten."
                    .into(),
            ),
            choices: Vec::new(),
        },
    ];
    let countries: Vec<String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| c.country_iso3)
        .collect();
    for f in schema::fields(table)? {
        out.push(field_column(f, keys, &countries));
    }
    if kind.cites_rows() {
        let sources = keys.all("source");
        let notes = [
            "The slug of the source that supports this row (see the sources sheet, or /sources). Every new or changed row needs one.",
            "Where in the source: page, section or paragraph (p. 6). Optional.",
            "The source's exact words. Optional.",
        ];
        for (name, note) in CITE_COLUMNS.iter().zip(notes) {
            out.push(ColumnOut {
                name: name.to_string(),
                note: Some(note.to_string()),
                choices: if *name == "source" { sources.clone() } else { Vec::new() },
            });
        }
    }
    Ok(out)
}

fn field_column(f: &FieldSpec, keys: &Keys, countries: &[String]) -> ColumnOut {
    let required = if f.required { " Required." } else { "" };
    match natural_column(f) {
        Some(name) => {
            let target = f.target.as_deref().unwrap_or_default();
            let key = natural_key(target).unwrap_or("slug");
            ColumnOut {
                note: Some(format!(
                    "The {target}'s {key} (or give its number in a column {}). {}{required}",
                    f.name,
                    plain(&f.meaning)
                )),
                choices: keys.all(target),
                name,
            }
        }
        None => ColumnOut {
            name: f.name.clone(),
            note: Some(format!("{}{required}", plain(&f.meaning))),
            choices: if f.name == "country_iso3" {
                countries.to_vec()
            } else {
                f.options().into_iter().map(|(code, _)| code.to_string()).collect()
            },
        },
    }
}

/// The current records of `kind` as a sheet in the import layout (references by natural key).
pub async fn sheet(store: &Store, kind: RecordKind) -> Result<SheetOut, IngestError> {
    let keys = Keys::load(store, &key_tables(kind)?).await?;
    let columns = column_specs(store, kind, &keys).await?;
    let table = kind.table();
    let specs = schema::fields(table)?;
    let mut rows = Vec::new();
    let total = store.record_count(table).await?;
    let mut offset = 0;
    while offset < total {
        for r in store.records(table, offset, PAGE).await? {
            let mut row = vec![r.key.to_string(), r.version.to_string()];
            for f in specs {
                let value = r.fields.get(&f.name).unwrap_or(&serde_json::Value::Null);
                let text = match (natural_column(f), value.as_i64()) {
                    (Some(_), Some(id)) => {
                        let target = f.target.as_deref().unwrap_or_default();
                        let id = i32::try_from(id).unwrap_or_default();
                        keys.key(target, id).map_or_else(|| id.to_string(), str::to_string)
                    }
                    _ => value_text(value),
                };
                row.push(text);
            }
            if kind.cites_rows() {
                row.extend(CITE_COLUMNS.map(|_| String::new()));
            }
            rows.push(row);
        }
        offset += PAGE;
    }
    Ok(SheetOut {
        name: kind.name().to_string(),
        columns,
        rows,
    })
}

/// The current records of `kind` as a file in `format`.
pub async fn export(store: &Store, kind: RecordKind, format: Format) -> Result<Vec<u8>, IngestError> {
    let sheet = sheet(store, kind).await?;
    match format {
        Format::Csv => write::csv(&sheet),
        Format::Xlsx => write::xlsx(&[sheet], &[]),
    }
}

/// What the template's README sheet says.
pub fn readme() -> Vec<String> {
    let mut lines = vec![
        "NMP import template: one sheet per kind of record".to_string(),
        String::new(),
        "Fill in the sheet of the kind you import, one record per row, under the header row. Each header cell has a note with what the column means; columns with a fixed list of values offer it as a drop-down list.".into(),
        "Import one sheet at a time: nmp import records FILE.xlsx --kind mechanisms (or upload the file in the workspace under Import, choosing the kind). The sheet named after the kind is read; the others are ignored.".into(),
        String::new(),
        "Rules".into(),
        "- New records: leave the *_id and version columns empty. Changing records: start from an export (nmp export records, or the workspace), keep *_id and version, edit the values; rows you leave as they are change nothing.".into(),
        "- References are given by their key: an organisation's or mechanism's slug, a function's code, a source's slug, a country's ISO alpha-3 code (KEN). The records they name must exist before the import: import sources and organisations first, then mechanisms, then memberships and activities.".into(),
        "- Every new or changed mechanism, membership, activity or organisation cites its source: the source's slug in the source column, and the page in locator.".into(),
        "- Dates are partial dates: 2012, 2015-06 or 2014-12-05 (year, month or day, as precise as the source).".into(),
        "- Vocabulary columns take the codes listed in their drop-down list (national, focal_point), not the labels.".into(),
        "- The whole file is checked first. If any cell is wrong, nothing is imported and every problem is listed by sheet, row and column. Use --dry-run (or the Check button) to see what an import would do.".into(),
        "- Researchers', students' and partners' imports become proposals in the review queue; editors' imports are written at once. Either way, every change is in the audit log.".into(),
        String::new(),
        "Sheets".into(),
    ];
    for kind in RecordKind::ALL {
        lines.push(format!(
            "- {}: rows of the table {} (see docs/data-dictionary.md)",
            kind.name(),
            kind.table()
        ));
    }
    lines
}

/// The import template: a README sheet, then one empty sheet per kind with notes and lists.
pub async fn template(store: &Store) -> Result<Vec<u8>, IngestError> {
    let mut sheets = Vec::new();
    for kind in RecordKind::ALL {
        let keys = Keys::load(store, &key_tables(kind)?).await?;
        sheets.push(SheetOut {
            name: kind.name().to_string(),
            columns: column_specs(store, kind, &keys).await?,
            rows: Vec::new(),
        });
    }
    write::xlsx(&sheets, &readme())
}
