//! `nmp backup --out FILE` and `nmp restore FILE`: every table of the database in one
//! engine-neutral file, written from one consistent snapshot (safe while `nmp serve` runs) and
//! read back to check it; and loaded into a new, empty database of either engine, counted and
//! its audit chain verified. Progress goes to standard error, the summary to standard output.
//! See `docs/operations.md`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use nmp_store::backup::{self, Checked, Progress};
use nmp_store::{Store, redact_url};

use crate::config::Config;

/// Prints a table's progress to standard error.
fn show(verb: &'static str) -> impl FnMut(Progress<'_>) + Send {
    move |p: Progress<'_>| {
        let mut err = std::io::stderr().lock();
        let _ = if p.rows == p.of {
            writeln!(err, "{verb} {}: {} rows", p.table, p.rows)
        } else {
            writeln!(err, "{verb} {}: {} of {} rows", p.table, p.rows, p.of)
        };
    }
}

fn summary(c: &Checked) -> String {
    format!(
        "{} tables, {} rows, schema {}, {} bytes, sha256 {}",
        c.header.tables.len(),
        c.rows,
        c.header.schema(),
        c.bytes,
        c.sha256
    )
}

/// `nmp backup --out FILE`.
pub(crate) async fn backup(config: &Config, out: &Path) -> anyhow::Result<()> {
    // No migrations: a backup takes the database as it is (before an upgrade, say).
    if let Some(path) = sqlite_path(&config.database_url).filter(|p| !p.exists()) {
        anyhow::bail!("there is no database at {}: nothing to back up", path.display());
    }
    let store = Store::connect(&config.database_url).await?;
    eprintln!("backing up {} to {}", redact_url(&config.database_url), out.display());
    let checked = store.backup(out, &mut show("read")).await?;
    println!("wrote {}: {}", out.display(), summary(&checked));
    println!("read back whole: every table's row count and the SHA-256 match");
    Ok(())
}

/// `nmp restore FILE [--check]`.
pub(crate) async fn restore(config: &Config, file: &Path, check_only: bool) -> anyhow::Result<()> {
    eprintln!("checking {}", file.display());
    let checked = backup::check_with(file, &mut show("checked"))?;
    let h = &checked.header;
    println!(
        "{} is intact: written {} by nmp {} from {}; {}",
        file.display(),
        h.created_at,
        h.nmp_version,
        h.source_engine,
        summary(&checked)
    );
    if check_only {
        return Ok(());
    }
    let url = &config.database_url;
    // A SQLite file this command creates is removed again if the restore fails.
    let created = sqlite_path(url).filter(|p| !p.exists());
    let store = Store::connect(url).await?;
    let result = store.restore(checked, &mut show("loaded")).await;
    let restored = match result {
        Ok(r) => r,
        Err(e) => {
            let _ = store.close().await;
            if let Some(path) = created {
                for suffix in ["", "-wal", "-shm"] {
                    let mut name = path.clone().into_os_string();
                    name.push(suffix);
                    let _ = std::fs::remove_file(PathBuf::from(name));
                }
            }
            return Err(e).with_context(|| format!("restoring into {}", redact_url(url)));
        }
    };
    println!(
        "restored {} into {}: {} tables, {} rows; every table's row count equals the backup's",
        file.display(),
        redact_url(url),
        restored.counts.len(),
        restored.counts.values().sum::<u64>()
    );
    let later = restored.migrated_after.with_context(|| {
        format!(
            "the data were restored into {}, but applying this nmp's later migrations failed",
            redact_url(url)
        )
    })?;
    if later > 0 {
        println!("applied {later} later migrations (the backup predates them)");
    }
    let chain = restored
        .audit
        .with_context(|| format!("the data were restored into {}, but", redact_url(url)))?;
    println!("audit chain intact: {} events, head {}", chain.events, chain.head);
    Ok(())
}

/// The file a `sqlite://` URL names.
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next().unwrap_or(path);
    (!path.is_empty()).then(|| PathBuf::from(path))
}
