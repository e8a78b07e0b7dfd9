//! `nmp report build`: an edition's PDF, static site and data package, written all or nothing
//! (into a temporary directory beside the target, renamed into place at the end).
//!
//! A published edition builds from its frozen snapshot and package; an unpublished one only as
//! a draft (`--draft`, every page marked DRAFT). `--emit-typst DIR` also writes the Typst source
//! and its files for the Typst CLI, `--emit-markdown FILE` the same content as Markdown. The
//! options become the fields of one [`ReportBuild`], which does the work; this module shows its
//! progress and the summary line.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Subcommand;
use nmp_report::{Built, Event, ReportBuild, ReportError};

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
            let build = ReportBuild {
                edition,
                draft,
                out: Some(out),
                emit_typst,
                emit_markdown,
                timings,
                ..ReportBuild::default()
            };
            build_report(config, &build).await
        }
    }
}

/// A step or a note of the build, as one line on standard error.
fn show(event: Event, started: Instant) {
    match event {
        Event::Step { step, of, what } => {
            eprintln!("[{step}/{of}] {what} ({:.1} s)", started.elapsed().as_secs_f64());
        }
        Event::Note(line) => eprintln!("{line}"),
    }
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

/// Runs the build (its targets checked before the database is opened) and prints what it made.
async fn build_report(config: &Config, build: &ReportBuild) -> anyhow::Result<()> {
    build.check_targets()?;
    let started = Instant::now();
    let store = super::open(config).await?;
    let slug = &build.edition;
    let Built { edition, output } = build
        .run(&store, move |event| show(event, started))
        .await
        .map_err(|e| one_line(slug, e))?;
    println!(
        "built edition {slug}{}: {} pages, {} bytes, report.pdf sha256 {}, snapshot sha256 {}, {} files in {}, in {:.1} s",
        if edition.draft { " (DRAFT)" } else { "" },
        output.pages,
        output.pdf().len(),
        output.pdf_sha256,
        output.snapshot_sha256,
        output.files.len(),
        build.out.as_deref().unwrap_or(Path::new(".")).display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
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
