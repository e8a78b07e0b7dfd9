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
use nmp_report::output::{check_target, write_all_or_nothing};

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
        /// Also write Typst's timing events of the typesetting to this file (a Chrome trace, as
        /// `typst compile --timings` writes it), to find what makes a report slow; recording
        /// slows the build itself
        #[arg(long, value_name = "FILE")]
        timings: Option<PathBuf>,
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
            timings,
        } => {
            let emit = Emit {
                typst: emit_typst,
                markdown: emit_markdown,
                timings,
            };
            build(config, &edition, &out, draft, &emit).await
        }
    }
}

/// Optional extra outputs.
struct Emit {
    typst: Option<PathBuf>,
    markdown: Option<PathBuf>,
    timings: Option<PathBuf>,
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
    if let Some(file) = &emit.timings
        && file.exists()
    {
        bail!("{} exists: choose a new file for --timings", file.display());
    }
    let started = Instant::now();
    let steps =
        nmp_report::output::STEPS + 2 + usize::from(emit.typst.is_some()) + usize::from(emit.markdown.is_some());
    let store = super::open(config).await?;

    if emit.timings.is_some() {
        nmp_report::typeset::record_timings();
    }
    let (edition, output) = nmp_report::output::build_from_store(&store, slug, draft, move |step, what| {
        progress(step + 1, steps, what, started)
    })
    .await
    .map_err(|e| one_line(slug, e))?;
    if let Some(file) = &emit.timings {
        let trace = nmp_report::typeset::timings_json(nmp_report::TEMPLATE)?;
        std::fs::write(file, trace).with_context(|| format!("cannot write {}", file.display()))?;
        eprintln!("Typst timings: {}", file.display());
    }
    for w in &output.warnings {
        eprintln!("warning: {w}");
    }

    let mut step = nmp_report::output::STEPS + 1;
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

    write_all_or_nothing(out, &output.files)?;
    progress(steps, steps, format_args!("wrote {}", out.display()), started);
    println!(
        "built edition {slug}{}: {} pages, {} bytes, report.pdf sha256 {}, snapshot sha256 {}, {} files in {}, in {:.1} s",
        if edition.draft { " (DRAFT)" } else { "" },
        output.pages,
        output.pdf().len(),
        output.pdf_sha256,
        output.snapshot_sha256,
        output.files.len(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
