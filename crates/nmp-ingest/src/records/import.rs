//! Importing a spreadsheet of records: every row checked first, then all written or none.
//!
//! 1. The file is read ([`crate::sheet::read`]; its extension must match its content) and the sheet
//!    named after the kind is chosen (or the only data sheet).
//! 2. The header must name only known columns (see [`super::columns`]), each once.
//! 3. Every row is checked, and every problem kept with its sheet, row and column: natural keys
//!    that name no record, the values themselves (through the workspace's own
//!    [`schema::parse`](nmp_store::records::schema::parse): vocabularies, dates, slugs, lengths), references and unique values against
//!    the database ([`check_fields`](nmp_store::records::schema::check_fields)), keys repeated inside the file, a missing source, a stale
//!    `version`, cells beyond the last named column, and (for students and partners) rows outside
//!    their scope. Rows that change nothing are left alone.
//! 4. Any problem: the file is rejected with the whole list and nothing is written. Otherwise
//!    every row is written through [`Writer::apply`](nmp_store::Writer::apply) in ONE audited
//!    transaction (with its citation), or, for researchers, students and partners, recorded as one
//!    proposal per row, again in one transaction. A dry run stops before writing.

use std::time::Instant;

use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::Proposer;
use nmp_store::{Store, StoreError};

use super::RecordKind;
use super::check::Plan;
pub use super::outcome::{ImportReport, Importer, PROGRESS_EVERY, RowAction, RowOutcome};
use crate::sheet::{self, Table};
use crate::{CellProblem, IngestError};

/// Imports the records in `bytes` (a file named `file`) of `kind`, as `importer`; with `dry_run`,
/// checks everything and writes nothing. `progress` receives a line now and then on big files.
pub async fn import(
    store: &Store,
    file: &str,
    bytes: &[u8],
    kind: RecordKind,
    importer: &Importer,
    dry_run: bool,
    progress: &mut (dyn FnMut(&str) + Send),
) -> Result<ImportReport, IngestError> {
    let started = Instant::now();
    let tables = sheet::read(file, bytes)?;
    let table = pick_sheet(file, tables, kind)?;
    let cells = |problems: Vec<CellProblem>| IngestError::Cells {
        file: file.to_string(),
        problems,
    };
    let plan = Plan::make(store, &table, kind, importer, progress).await?;
    if !plan.problems.is_empty() {
        return Err(cells(plan.problems));
    }
    let check_seconds = started.elapsed().as_secs_f64();
    let mut report = ImportReport {
        file: file.to_string(),
        sheet: table.sheet.clone(),
        kind: kind.name(),
        rows: plan.rows.iter().map(|r| r.outcome.clone()).collect(),
        dry_run,
        proposed: matches!(importer, Importer::Propose { .. }),
        check_seconds,
        write_seconds: 0.0,
    };
    if dry_run {
        return Ok(report);
    }
    let started = Instant::now();
    let keys = write(store, file, &plan, importer, progress)
        .await
        .map_err(|p| match p {
            WriteFailure::Cells(problems) => cells(problems),
            WriteFailure::Store(e) => IngestError::Store(e),
        })?;
    for (outcome, key) in report.rows.iter_mut().zip(keys) {
        if outcome.key.is_none() {
            outcome.key = key;
        }
    }
    report.write_seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The sheet named after the kind, else the only sheet that is not a README or the lists.
fn pick_sheet(file: &str, tables: Vec<Table>, kind: RecordKind) -> Result<Table, IngestError> {
    let names: Vec<String> = tables.iter().map(|t| t.sheet.clone()).collect();
    if let Some(t) = tables.iter().position(|t| t.sheet.eq_ignore_ascii_case(kind.name())) {
        return Ok(tables.into_iter().nth(t).expect("found above"));
    }
    let mut data: Vec<Table> = tables
        .into_iter()
        .filter(|t| {
            !t.sheet.eq_ignore_ascii_case(sheet::write::README_SHEET)
                && !t.sheet.eq_ignore_ascii_case(sheet::write::LISTS_SHEET)
                && RecordKind::parse(&t.sheet).is_none()
        })
        .collect();
    if data.len() == 1 {
        return Ok(data.remove(0));
    }
    Err(IngestError::File {
        file: file.to_string(),
        line: None,
        message: format!(
            "no sheet named {:?}; the workbook has the sheets {}",
            kind.name(),
            names.join(", ")
        ),
    })
}

enum WriteFailure {
    Cells(Vec<CellProblem>),
    Store(StoreError),
}

impl From<StoreError> for WriteFailure {
    fn from(e: StoreError) -> Self {
        WriteFailure::Store(e)
    }
}

/// Writes every planned row in one transaction; returns each row's record key (for direct writes).
async fn write(
    store: &Store,
    file: &str,
    plan: &Plan,
    importer: &Importer,
    progress: &mut (dyn FnMut(&str) + Send),
) -> Result<Vec<Option<i32>>, WriteFailure> {
    let actor = match importer {
        Importer::Direct { actor } => actor.as_str(),
        Importer::Propose { account, .. } => account.email.as_str(),
    };
    let proposer = match importer {
        Importer::Propose { account, .. } => Some(Proposer {
            actor: account.email.clone(),
            account_id: Some(account.account_id),
            invitation_id: None,
        }),
        Importer::Direct { .. } => None,
    };
    let mut w = store.writer(actor).await?;
    let mut keys = Vec::with_capacity(plan.rows.len());
    let total = plan.rows.len();
    let mut problems = Vec::new();
    for (n, row) in plan.rows.iter().enumerate() {
        let Some(change) = &row.change else {
            keys.push(row.outcome.key);
            continue;
        };
        match importer {
            Importer::Direct { .. } => match w.apply(change, row.citation.as_ref()).await {
                Ok(record) => keys.push(record.map(|r| r.key)),
                Err(ApplyError::Fields(errors)) => {
                    for e in errors {
                        problems.push(CellProblem {
                            sheet: plan.sheet.clone(),
                            row: row.outcome.row,
                            column: plan.columns.column_of(&e.field),
                            message: e.message,
                        });
                    }
                    keys.push(None);
                }
                Err(ApplyError::Store(StoreError::Conflict {
                    entity, key, current, ..
                })) => {
                    problems.push(CellProblem {
                        sheet: plan.sheet.clone(),
                        row: row.outcome.row,
                        column: plan.columns.label(plan.columns.version),
                        message: format!("{entity} {key} was changed while importing (now version {current})"),
                    });
                    keys.push(None);
                }
                Err(ApplyError::Store(e)) => return Err(e.into()),
            },
            Importer::Propose { .. } => {
                let message = format!("Imported from {file}, sheet {}, row {}", plan.sheet, row.outcome.row);
                let proposer = proposer.as_ref().expect("set for proposing importers");
                w.propose(
                    proposer,
                    change,
                    row.before.as_ref(),
                    row.citation.as_ref(),
                    Some(&message),
                )
                .await?;
                keys.push(row.outcome.key);
            }
        }
        if total > 2 * PROGRESS_EVERY && (n + 1) % PROGRESS_EVERY == 0 {
            progress(&format!("wrote {} of {total} rows", n + 1));
        }
    }
    if !problems.is_empty() {
        // Dropping the writer rolls back every row written so far.
        drop(w);
        return Err(WriteFailure::Cells(problems));
    }
    w.commit().await?;
    Ok(keys)
}
