//! The extra outputs a build can be asked for, each written beside the build's own files:
//! Typst's timing events of the typesetting (`ReportBuild::timings`), the Typst source with
//! a script for the Typst CLI (`ReportBuild::emit_typst`), and the content as Markdown with
//! its figures (`ReportBuild::emit_markdown`); the benchmarks compare NMP's build with the
//! bare Typst compile and with pandoc through them.

use std::path::{Path, PathBuf};

use super::progress::Progress;
use crate::output::write_all_or_nothing;
use crate::{Edition, ReportError, TEMPLATE, typeset};

/// A write error: the path and what went wrong.
fn cannot_write(path: &Path, e: std::io::Error) -> ReportError {
    ReportError::Output(format!("cannot write {}: {e}", path.display()))
}

/// Starts recording Typst's timing events, when they are asked for (into `file`).
pub(super) fn start_timings(file: Option<&Path>) {
    if file.is_some() {
        typeset::record_timings();
    }
}

/// Writes the timing events recorded since [`start_timings`] to `file`, when asked for.
pub(super) fn write_timings(file: Option<&Path>, progress: &mut Progress) -> Result<(), ReportError> {
    if let Some(file) = file {
        let trace = typeset::timings_json(TEMPLATE)?;
        std::fs::write(file, trace).map_err(|e| cannot_write(file, e))?;
        progress.note(format!("Typst timings: {}", file.display()));
    }
    Ok(())
}

/// Writes the Typst source and its files into the new directory `dir` (all or nothing), with
/// `compile.sh`, when asked for; a step.
pub(super) fn typst(dir: Option<&Path>, edition: &Edition, progress: &mut Progress) -> Result<(), ReportError> {
    if let Some(dir) = dir {
        let job = typeset::job(edition, TEMPLATE)?;
        let (mut typst_files, args) = typeset::emit(&job);
        typst_files.push(("compile.sh".into(), compile_script(&args).into_bytes()));
        write_all_or_nothing(dir, &typst_files)?;
        progress.step(format!("Typst source: {} (run compile.sh there)", dir.display()));
    }
    Ok(())
}

/// Writes the Markdown to `file` and its figures beside it, when asked for; a step.
pub(super) fn markdown(file: Option<&Path>, edition: &Edition, progress: &mut Progress) -> Result<(), ReportError> {
    if let Some(file) = file {
        write_markdown(file, edition)?;
        progress.step(format!("Markdown: {}", file.display()));
    }
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
fn write_markdown(file: &Path, edition: &Edition) -> Result<(), ReportError> {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let figures_dir = format!("{stem}.figures");
    let (markdown, figures) = crate::markdown::render(edition, &figures_dir);
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let figure_files: Vec<(String, Vec<u8>)> = figures.into_iter().map(|(n, svg)| (n, svg.into_bytes())).collect();
    write_all_or_nothing(&parent.join(&figures_dir), &figure_files)?;
    std::fs::write(file, markdown).map_err(|e| cannot_write(file, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compile_script_quotes_every_argument() {
        let script = compile_script(&["compile".into(), "--input".into(), "title=it's".into()]);
        assert!(
            script.ends_with("exec typst 'compile' '--input' 'title=it'\\''s'\n"),
            "{script}"
        );
    }
}
