//! `nmp report build`: typeset an edition as a PDF and write it with its snapshot, all or
//! nothing (into a temporary directory beside the target, renamed into place at the end).

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::Subcommand;

use crate::config::Config;

/// What to do with reports.
#[derive(Subcommand, Debug)]
pub(crate) enum ReportAction {
    /// Build an edition's PDF: writes DIR/report.pdf and DIR/edition.json (the snapshot it shows)
    Build {
        /// The edition's slug (for annual reports, the year: 2017)
        #[arg(long)]
        edition: String,
        /// Directory to create (it must not exist, or be empty)
        #[arg(long)]
        out: PathBuf,
        /// Mark every page "DRAFT" even when the edition is published
        #[arg(long)]
        draft: bool,
    },
}

pub(crate) async fn run(config: &Config, action: ReportAction) -> anyhow::Result<()> {
    match action {
        ReportAction::Build { edition, out, draft } => build(config, &edition, &out, draft).await,
    }
}

/// Refuses a target that exists and is not an empty directory.
fn check_target(out: &Path) -> anyhow::Result<()> {
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!("{} is not empty: choose a new or empty directory", out.display());
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot use {} as the output directory", out.display())),
    }
}

async fn build(config: &Config, edition: &str, out: &Path, draft: bool) -> anyhow::Result<()> {
    check_target(out)?;
    let started = Instant::now();
    let store = super::open(config).await?;

    println!("snapshot: reading edition {edition}");
    let snapshot = nmp_report::snapshot::build(&store, edition)
        .await
        .with_context(|| format!("reading edition {edition:?}"))?;
    let json = snapshot.to_json()?;

    println!("figures: drawing the overview chart and map");
    let figures = nmp_report::figures::build(&snapshot);

    println!("typesetting: laying out the PDF");
    let report =
        nmp_report::render(&snapshot, &figures, draft).with_context(|| format!("typesetting edition {edition:?}"))?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }

    println!("writing: {}", out.display());
    write_all_or_nothing(out, &[("report.pdf", &report.pdf), ("edition.json", &json)])?;
    println!(
        "built edition {edition}: {} pages, {} bytes, snapshot sha256 {}, in {:.1} s",
        report.pages,
        report.pdf.len(),
        report.snapshot_sha256,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Writes the files into a temporary directory beside `out`, then renames it to `out`.
fn write_all_or_nothing(out: &Path, files: &[(&str, &[u8])]) -> anyhow::Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> anyhow::Result<()> {
        std::fs::create_dir_all(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        for (file, bytes) in files {
            let path = tmp.join(file);
            std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        }
        check_target(out)?;
        if out.exists() {
            std::fs::remove_dir(out).with_context(|| format!("cannot replace {}", out.display()))?;
        }
        std::fs::rename(&tmp, out).with_context(|| format!("cannot move the report into {}", out.display()))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_into_a_new_directory_and_refuses_a_full_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_all_or_nothing(&out, &[("a.txt", b"one"), ("b.txt", b"two")]).unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
        let err = check_target(&out).unwrap_err().to_string();
        assert!(err.contains("not empty") && err.contains("out"), "{err}");
        // No temporary directory is left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out")]);
    }

    #[test]
    fn an_empty_directory_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        check_target(dir.path()).unwrap();
        write_all_or_nothing(dir.path(), &[("report.pdf", b"%PDF-")]).unwrap();
        assert!(dir.path().join("report.pdf").exists());
    }
}
