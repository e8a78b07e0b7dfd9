//! Records in spreadsheets from the command line:
//!
//! - `nmp import records FILE --kind K [--dry-run] [--as EMAIL]`: check every row of a CSV or XLSX
//!   file, then write it all in one audited transaction (or, for a researcher's, student's or
//!   partner's account, propose every row), or nothing;
//! - `nmp import template --out FILE.xlsx`: the workbook to fill in;
//! - `nmp export records --kind K [--format csv|xlsx] --out FILE`: the current records in the
//!   import layout, so that export, edit, import round-trips.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::Path;

use anyhow::{Context, bail};
use nmp_ingest::records::RecordKind;
use nmp_ingest::records::import::{ImportReport, Importer, RowAction};
use nmp_ingest::sheet::Format;

use crate::config::Config;

/// The actor of imports that name no account: an editor's direct writes.
pub(crate) const ACTOR: &str = "system:import";

/// Rows listed one by one in the summary; longer files are summarised by counts only.
const LISTED: usize = 50;

fn kind(text: &str) -> anyhow::Result<RecordKind> {
    RecordKind::parse(text).with_context(|| format!("--kind {text:?}: choose one of {}", RecordKind::names()))
}

pub(crate) async fn import(
    config: &Config,
    file: &Path,
    kind_name: &str,
    dry_run: bool,
    as_email: Option<&str>,
) -> anyhow::Result<()> {
    let kind = kind(kind_name)?;
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let store = super::open(config).await?;
    let importer = match as_email {
        None => Importer::Direct { actor: ACTOR.into() },
        Some(email) => {
            let account = store
                .account_by_email(email)
                .await?
                .with_context(|| format!("--as {email}: no account has this email (see nmp user list)"))?;
            Importer::for_account(account).map_err(|e| anyhow::anyhow!("--as {email}: {e}"))?
        }
    };
    let name = file.display().to_string();
    let terminal = std::io::stderr().is_terminal();
    let mut progress = |line: &str| {
        if terminal {
            eprintln!("{line}");
        }
    };
    let report =
        nmp_ingest::records::import::import(&store, &name, &bytes, kind, &importer, dry_run, &mut progress).await;
    store.close().await?;
    print!("{}", describe(&report?));
    Ok(())
}

/// The summary of an import: counts, then (for short files) one line per row.
pub(crate) fn describe(r: &ImportReport) -> String {
    let mut out = String::new();
    let created = r.count(RowAction::Create);
    let updated = r.count(RowAction::Update);
    let unchanged = r.count(RowAction::Unchanged);
    let _ = writeln!(
        out,
        "file: {} (sheet {}, {} rows of {})",
        r.file,
        r.sheet,
        r.rows.len(),
        r.kind
    );
    let verb = match (r.dry_run, r.proposed) {
        (true, false) => "would write",
        (true, true) => "would propose",
        (false, false) => "written",
        (false, true) => "proposed for review",
    };
    let _ = writeln!(out, "{verb}: {created} new, {updated} changed; {unchanged} unchanged");
    if r.rows.len() <= LISTED {
        for row in &r.rows {
            let key = row.key.map(|k| format!(" #{k}")).unwrap_or_default();
            let changed = if row.changed.is_empty() {
                String::new()
            } else {
                format!(" ({})", row.changed.join(", "))
            };
            let _ = writeln!(
                out,
                "  row {}: {}{key} {}{changed}",
                row.row,
                row.action.code(),
                row.label
            );
        }
    }
    if r.dry_run {
        let _ = writeln!(out, "dry run: nothing was written");
    }
    let _ = writeln!(
        out,
        "time: {:.2} s reading and checking, {:.2} s writing",
        r.check_seconds, r.write_seconds
    );
    out
}

pub(crate) async fn template(config: &Config, out: &Path) -> anyhow::Result<()> {
    if Format::of_name(&out.display().to_string()) != Some(Format::Xlsx) {
        bail!(
            "--out {}: the template is an XLSX workbook; name a file ending in .xlsx",
            out.display()
        );
    }
    let store = super::open(config).await?;
    let bytes = nmp_ingest::records::export::template(&store).await?;
    store.close().await?;
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "wrote the import template to {} ({} bytes; sheets: README, {})",
        out.display(),
        bytes.len(),
        RecordKind::ALL.map(RecordKind::name).join(", ")
    );
    Ok(())
}

pub(crate) async fn export(config: &Config, kind_name: &str, format: Option<&str>, out: &Path) -> anyhow::Result<()> {
    let kind = kind(kind_name)?;
    let by_name = Format::of_name(&out.display().to_string());
    let format = match (format, by_name) {
        (Some(f), by_name) => {
            let f = Format::parse(f).with_context(|| format!("--format {f:?}: choose csv or xlsx"))?;
            if by_name.is_some_and(|n| n != f) {
                bail!("--out {} does not end in .{}", out.display(), f.extension());
            }
            f
        }
        (None, Some(f)) => f,
        (None, None) => bail!("--out {}: name a .csv or .xlsx file, or give --format", out.display()),
    };
    let store = super::open(config).await?;
    let sheet = nmp_ingest::records::export::sheet(&store, kind).await?;
    store.close().await?;
    let bytes = match format {
        Format::Csv => nmp_ingest::sheet::write::csv(&sheet)?,
        Format::Xlsx => nmp_ingest::sheet::write::xlsx(std::slice::from_ref(&sheet), &[])?,
    };
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "wrote {} {} to {} ({} bytes)",
        sheet.rows.len(),
        kind.name(),
        out.display(),
        bytes.len()
    );
    Ok(())
}
