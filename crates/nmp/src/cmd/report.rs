//! `nmp report build`: an edition's PDF, static site and data package, written all or nothing
//! (into a temporary directory beside the target, renamed into place at the end).
//!
//! A published edition builds from its frozen snapshot and package; an unpublished one only as
//! a draft (`--draft`, every page marked DRAFT). `--emit-typst DIR` also writes the Typst source
//! and its files for the Typst CLI, `--emit-markdown FILE` the same content as Markdown.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::Subcommand;
use nmp_report::ReportError;

use crate::config::Config;

/// What to do with reports.
#[derive(Subcommand, Debug)]
pub(crate) enum ReportAction {
    /// Build an edition's report: DIR/report.pdf, DIR/site/ (static HTML), DIR/data/ (data
    /// package) and DIR/edition.json (the snapshot it shows)
    Build {
        /// The edition's slug (for annual reports, the year: 2017)
        #[arg(long)]
        edition: String,
        /// Directory to create (it must not exist, or be empty)
        #[arg(long)]
        out: PathBuf,
        /// Build an unpublished edition from the database as it is now, or mark a published one;
        /// every page says DRAFT
        #[arg(long)]
        draft: bool,
        /// Also write the Typst source and the files it reads to this new directory, with a
        /// script that compiles them with the Typst CLI (for timing the bare compile)
        #[arg(long, value_name = "DIR")]
        emit_typst: Option<PathBuf>,
        /// Also write the report's content as Markdown to this file (figures beside it in
        /// FILE-STEM.figures/), for a pandoc comparison
        #[arg(long, value_name = "FILE")]
        emit_markdown: Option<PathBuf>,
    },
}

pub(crate) async fn run(config: &Config, action: ReportAction) -> anyhow::Result<()> {
    match action {
        ReportAction::Build {
            edition,
            out,
            draft,
            emit_typst,
            emit_markdown,
        } => {
            let emit = Emit {
                typst: emit_typst,
                markdown: emit_markdown,
            };
            build(config, &edition, &out, draft, &emit).await
        }
    }
}

/// Optional extra outputs.
struct Emit {
    typst: Option<PathBuf>,
    markdown: Option<PathBuf>,
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

/// One line of progress on standard error.
fn progress(step: usize, of: usize, what: impl std::fmt::Display, started: Instant) {
    eprintln!("[{step}/{of}] {what} ({:.1} s)", started.elapsed().as_secs_f64());
}

/// A report error as one line: a template error names its first file and line.
fn one_line(slug: &str, err: ReportError) -> anyhow::Error {
    match err {
        ReportError::Typeset(text) => {
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            let more = match lines.len() {
                0 | 1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            anyhow::anyhow!(
                "template error in edition {slug:?}: {}{more}",
                lines.first().copied().unwrap_or("unknown").trim()
            )
        }
        other => anyhow::Error::new(other),
    }
}

async fn build(config: &Config, slug: &str, out: &Path, draft: bool, emit: &Emit) -> anyhow::Result<()> {
    check_target(out)?;
    if let Some(dir) = &emit.typst {
        check_target(dir)?;
    }
    if let Some(file) = &emit.markdown
        && file.exists()
    {
        bail!("{} exists: choose a new file for --emit-markdown", file.display());
    }
    let started = Instant::now();
    let steps = 5 + usize::from(emit.typst.is_some()) + usize::from(emit.markdown.is_some());
    let store = super::open(config).await?;

    let edition = nmp_report::load(&store, slug, draft)
        .await
        .map_err(|e| one_line(slug, e))?;
    let origin = if edition.frozen {
        "its frozen snapshot"
    } else {
        "the database (unpublished: a draft)"
    };
    progress(
        1,
        steps,
        format_args!("edition {slug}: from {origin}, sha256 {}", edition.sha256),
        started,
    );

    let report = nmp_report::render(&edition).map_err(|e| one_line(slug, e))?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    progress(
        2,
        steps,
        format_args!("typeset the PDF: {} pages", report.pages),
        started,
    );

    let site = nmp_report::site::build(&edition).map_err(|e| one_line(slug, e))?;
    progress(3, steps, format_args!("static site: {} files", site.len()), started);

    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("report.pdf".into(), report.pdf.clone()),
        ("edition.json".into(), edition.snapshot.to_json()?),
    ];
    files.extend(site.into_iter().map(|(name, bytes)| (format!("site/{name}"), bytes)));
    files.extend(
        edition
            .datapackage
            .iter()
            .map(|(name, bytes)| (format!("data/{name}"), bytes.clone())),
    );
    progress(
        4,
        steps,
        format_args!("data package: {} files", edition.datapackage.len()),
        started,
    );

    let mut step = 4;
    if let Some(dir) = &emit.typst {
        let job = nmp_report::typeset::job(&edition, nmp_report::TEMPLATE)?;
        let (mut typst_files, args) = nmp_report::typeset::emit(&job);
        typst_files.push(("compile.sh".into(), compile_script(&args).into_bytes()));
        write_all_or_nothing(dir, &typst_files)?;
        step += 1;
        progress(
            step,
            steps,
            format_args!("Typst source: {} (run compile.sh there)", dir.display()),
            started,
        );
    }
    if let Some(file) = &emit.markdown {
        write_markdown(file, &edition)?;
        step += 1;
        progress(step, steps, format_args!("Markdown: {}", file.display()), started);
    }

    write_all_or_nothing(out, &files)?;
    progress(steps, steps, format_args!("wrote {}", out.display()), started);
    let pdf_sha = nmp_report::snapshot::sha256_hex(&report.pdf);
    println!(
        "built edition {slug}{}: {} pages, {} bytes, report.pdf sha256 {pdf_sha}, snapshot sha256 {}, {} files in {}, in {:.1} s",
        if edition.draft { " (DRAFT)" } else { "" },
        report.pages,
        report.pdf.len(),
        report.snapshot_sha256,
        files.len(),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The script that compiles the emitted Typst source with the Typst CLI.
fn compile_script(args: &[String]) -> String {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{}'", a.replace('\'', "'\\''"))).collect();
    format!(
        "#!/bin/sh\n# Compiles this directory's main.typ with the Typst CLI, with the inputs NMP passed to its\n# in-process compile (the PDF differs from NMP's only in its document identifier).\ncd \"$(dirname \"$0\")\" && exec typst {}\n",
        quoted.join(" ")
    )
}

/// Writes the Markdown file and its figures (in `STEM.figures/` beside it).
fn write_markdown(file: &Path, edition: &nmp_report::Edition) -> anyhow::Result<()> {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let figures_dir = format!("{stem}.figures");
    let (markdown, figures) = nmp_report::markdown::render(edition, &figures_dir);
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let figure_files: Vec<(String, Vec<u8>)> = figures.into_iter().map(|(n, svg)| (n, svg.into_bytes())).collect();
    write_all_or_nothing(&parent.join(&figures_dir), &figure_files)?;
    std::fs::write(file, markdown).with_context(|| format!("cannot write {}", file.display()))
}

/// Writes the files (relative paths, `/` separated) into a temporary directory beside `out`,
/// then renames it to `out`. On error nothing is left behind.
fn write_all_or_nothing(out: &Path, files: &[(String, Vec<u8>)]) -> anyhow::Result<()> {
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
            if file
                .split('/')
                .any(|part| part.is_empty() || part == "." || part == "..")
            {
                bail!("refusing to write {file:?}: not a plain relative path");
            }
            let path = tmp.join(file);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            }
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

    fn files(list: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
        list.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect()
    }

    #[test]
    fn writes_into_a_new_directory_and_refuses_a_full_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_all_or_nothing(&out, &files(&[("a.txt", b"one"), ("site/b.txt", b"two")])).unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
        assert_eq!(std::fs::read(out.join("site/b.txt")).unwrap(), b"two");
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
        write_all_or_nothing(dir.path(), &files(&[("report.pdf", b"%PDF-")])).unwrap();
        assert!(dir.path().join("report.pdf").exists());
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let err = write_all_or_nothing(&out, &files(&[("a.txt", b"one"), ("../escape.txt", b"no")])).unwrap_err();
        assert!(err.to_string().contains("escape.txt"), "{err}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing half-written"
        );
    }

    #[test]
    fn template_errors_are_one_line_with_the_place() {
        let err = one_line(
            "2017",
            ReportError::Typeset("/main.typ:4: error: unknown field\n/main.typ:9: error: other".into()),
        )
        .to_string();
        assert_eq!(
            err,
            "template error in edition \"2017\": /main.typ:4: error: unknown field (and 1 more)"
        );
    }
}
