//! One report build, as one type: [`ReportBuild`] holds the options as fields and
//! [`ReportBuild::run`] does the steps in order, each a method or function of its own:
//!
//! 1. `load` ([`ReportBuild::load`]): the frozen snapshot of a published edition, or a draft
//!    read from the store, with its errata;
//! 2. `typeset`: the PDF, by Typst in-process ([`crate::render`]);
//! 3. `site`: the static HTML site ([`crate::site::build`]);
//! 4. `package`: the files put together with the data package (a draft's is exported from
//!    the store while steps 2 and 3 run on a blocking thread, so the build takes about as long
//!    as the typesetting alone);
//! 5. the extra outputs asked for (`emit`: Typst's timings, the Typst source, Markdown);
//! 6. `write`: every file, all or nothing, into a new directory ([`crate::output`]).
//!
//! Each step reports an [`Event`] (`progress`). The command line (`nmp report build`) and the
//! workspace (its background builds, which write into their own build folder, and the
//! editor's preview, which only loads and typesets) both use it, so both make the same files.

use std::path::PathBuf;

use crate::output::{Output, check_target, write_all_or_nothing};
use crate::{Edition, Report, ReportError};

mod emit;
mod progress;

pub use progress::Event;
use progress::Progress;

/// A report build of one edition; the fields are its options.
#[derive(Debug, Clone, Default)]
pub struct ReportBuild {
    /// The edition's slug (for annual reports, the year: `2017`).
    pub edition: String,
    /// Build an unpublished edition from the store as it is now, or mark a published one:
    /// every page says DRAFT.
    pub draft: bool,
    /// Read the edition from the store as it is now even when it is published, not from its
    /// frozen snapshot (the editor's preview; the pages say DRAFT).
    pub current: bool,
    /// The directory to write every file into (new or empty), all or nothing; `None`: the files
    /// are returned unwritten (the workspace writes them into its build folder).
    pub out: Option<PathBuf>,
    /// Also write the Typst source and the files it reads to this new directory, with
    /// `compile.sh` for the Typst CLI.
    pub emit_typst: Option<PathBuf>,
    /// Also write the content as Markdown to this new file, its figures in `STEM.figures/`
    /// beside it.
    pub emit_markdown: Option<PathBuf>,
    /// Also write Typst's timing events of the typesetting to this new file (a Chrome trace).
    pub timings: Option<PathBuf>,
}

/// What a build made: the edition it was made from, and its files.
#[derive(Debug, Clone)]
pub struct Built {
    /// The edition, with its data package.
    pub edition: Edition,
    /// The files and what they are.
    pub output: Output,
}

/// The PDF and the static site, before the files are put together.
struct Typeset {
    report: Report,
    site: Vec<(String, Vec<u8>)>,
}

impl ReportBuild {
    /// A build of the edition `slug` with the default options: from its frozen snapshot, no
    /// extra outputs, the files returned unwritten.
    pub fn new(slug: impl Into<String>) -> Self {
        Self {
            edition: slug.into(),
            ..Self::default()
        }
    }

    /// The editor's preview of the edition `slug`: as it is in the store now, marked DRAFT.
    /// The workspace only loads it ([`ReportBuild::load`]) and typesets it ([`crate::render`]).
    pub fn preview(slug: impl Into<String>) -> Self {
        Self {
            draft: true,
            current: true,
            ..Self::new(slug)
        }
    }

    /// The number of steps [`ReportBuild::run`] reports: load, typeset, site, package, then
    /// one for each extra output and one for the write.
    pub fn steps(&self) -> usize {
        4 + usize::from(self.emit_typst.is_some())
            + usize::from(self.emit_markdown.is_some())
            + usize::from(self.out.is_some())
    }

    /// Runs the build, calling `progress` after each step (and with each note); the files are
    /// written only when every step has succeeded.
    pub async fn run(
        &self,
        store: &nmp_store::Store,
        progress: impl FnMut(Event) + Send + 'static,
    ) -> Result<Built, ReportError> {
        self.check_targets()?;
        let mut progress = Progress::new(self.steps(), progress);
        emit::start_timings(self.timings.as_deref());
        let edition = self.load(store).await?;
        progress.step(self.loaded(&edition));
        let (edition, made, mut progress) = self.typeset_and_site(store, edition, progress).await?;
        let output = Self::package(&edition, made, &mut progress)?;
        emit::write_timings(self.timings.as_deref(), &mut progress)?;
        for w in &output.warnings {
            progress.note(format!("warning: {w}"));
        }
        emit::typst(self.emit_typst.as_deref(), &edition, &mut progress)?;
        emit::markdown(self.emit_markdown.as_deref(), &edition, &mut progress)?;
        self.write(&output, &mut progress)?;
        Ok(Built { edition, output })
    }

    /// Refuses targets that are in the way: an output or Typst directory that exists and is
    /// not empty, a Markdown or timings file that exists (the message names the command-line
    /// option). [`ReportBuild::run`] checks first; a caller may check before it opens the store.
    pub fn check_targets(&self) -> Result<(), ReportError> {
        for dir in [&self.out, &self.emit_typst].into_iter().flatten() {
            check_target(dir)?;
        }
        let files = [(&self.emit_markdown, "--emit-markdown"), (&self.timings, "--timings")];
        for (file, option) in files {
            if let Some(file) = file
                && file.exists()
            {
                return Err(ReportError::Output(format!(
                    "{} exists: choose a new file for {option}",
                    file.display()
                )));
            }
        }
        Ok(())
    }

    /// Step 1: the edition, without a draft's data package (step 4 exports it).
    pub async fn load(&self, store: &nmp_store::Store) -> Result<Edition, ReportError> {
        crate::load::without_package(store, &self.edition, self.draft, self.current).await
    }

    /// What step 1 loaded, as the progress says it.
    fn loaded(&self, edition: &Edition) -> String {
        let origin = if edition.frozen {
            "its frozen snapshot"
        } else {
            "the database (unpublished: a draft)"
        };
        format!("edition {}: from {origin}, sha256 {}", self.edition, edition.sha256)
    }

    /// Steps 2 and 3 on a blocking thread, while a draft's data package is exported from the
    /// store (it is put in the edition for step 4).
    async fn typeset_and_site(
        &self,
        store: &nmp_store::Store,
        edition: Edition,
        mut progress: Progress,
    ) -> Result<(Edition, Typeset, Progress), ReportError> {
        let needs_package = !edition.frozen;
        let typesetting = tokio::task::spawn_blocking(move || {
            let made = Self::typeset(&edition, &mut progress).and_then(|report| {
                let site = Self::site(&edition, &mut progress)?;
                Ok(Typeset { report, site })
            });
            (edition, made, progress)
        });
        let package = if needs_package {
            Some(crate::load::draft_package(store, &self.edition).await)
        } else {
            None
        };
        let (mut edition, made, progress) = typesetting
            .await
            .map_err(|e| ReportError::Output(format!("the build stopped: {e}")))?;
        let made = made?;
        if let Some(files) = package {
            edition.datapackage = files?;
        }
        Ok((edition, made, progress))
    }

    /// Step 2: the PDF.
    fn typeset(edition: &Edition, progress: &mut Progress) -> Result<Report, ReportError> {
        let report = crate::render(edition)?;
        progress.step(format!("typeset the PDF: {} pages", report.pages));
        Ok(report)
    }

    /// Step 3: the static site.
    fn site(edition: &Edition, progress: &mut Progress) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
        let site = crate::site::build(edition)?;
        progress.step(format!("static site: {} files", site.len()));
        Ok(site)
    }

    /// Step 4: the files put together: the PDF, the snapshot, the site and the data package.
    fn package(edition: &Edition, made: Typeset, progress: &mut Progress) -> Result<Output, ReportError> {
        let Typeset { report, site } = made;
        let pdf_sha256 = crate::snapshot::sha256_hex(&report.pdf);
        let mut files: Vec<(String, Vec<u8>)> = vec![
            ("report.pdf".into(), report.pdf),
            ("edition.json".into(), edition.snapshot.to_json()?),
        ];
        files.extend(site.into_iter().map(|(name, bytes)| (format!("site/{name}"), bytes)));
        files.extend(
            edition
                .datapackage
                .iter()
                .map(|(name, bytes)| (format!("data/{name}"), bytes.clone())),
        );
        progress.step(format!("data package: {} files", edition.datapackage.len()));
        Ok(Output {
            files,
            pages: report.pages,
            pdf_sha256,
            snapshot_sha256: report.snapshot_sha256,
            draft: edition.draft,
            warnings: report.warnings,
        })
    }

    /// The last step: every file into [`ReportBuild::out`], all or nothing (nothing to do
    /// without it).
    fn write(&self, output: &Output, progress: &mut Progress) -> Result<(), ReportError> {
        if let Some(out) = &self.out {
            write_all_or_nothing(out, &output.files)?;
            progress.step(format!("wrote {}", out.display()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_count_the_extra_outputs_and_the_write() {
        let mut build = ReportBuild::new("2017");
        assert_eq!(build.steps(), 4, "load, typeset, site, package");
        build.out = Some("out".into());
        build.emit_markdown = Some("report.md".into());
        assert_eq!(build.steps(), 6);
        assert!(ReportBuild::preview("2017").draft && ReportBuild::preview("2017").current);
    }

    #[test]
    fn targets_in_the_way_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.md");
        std::fs::write(&file, "x").unwrap();
        let build = ReportBuild {
            emit_markdown: Some(file),
            ..ReportBuild::new("2017")
        };
        let err = build.check_targets().unwrap_err().to_string();
        assert!(err.ends_with("exists: choose a new file for --emit-markdown"), "{err}");
        let build = ReportBuild {
            out: Some(dir.path().to_path_buf()),
            ..ReportBuild::new("2017")
        };
        let err = build.check_targets().unwrap_err().to_string();
        assert!(err.contains("is not empty"), "{err}");
    }
}
