//! Report builds of the workspace: where they are kept ([`Builds`]: one folder per build,
//! `SLUG/ID/` with the outputs and `build.json` describing them), the builds running now with
//! their step, and running one ([`run_build`]), written all or nothing.

use std::collections::HashMap;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde::{Deserialize, Serialize};

/// Where builds are kept, and the builds running now.
#[derive(Debug)]
pub struct Builds {
    pub(super) dir: PathBuf,
    jobs: Mutex<HashMap<String, Job>>,
}

/// A build running or just ended, by edition.
#[derive(Debug, Clone)]
pub(super) struct Job {
    pub(super) started: Instant,
    pub(super) by: String,
    /// What the last step made (`typeset the PDF: 24 pages`, as the report's build says it),
    /// none before the first.
    pub(super) made: Option<String>,
    /// The message saying what it is doing now (`dk-build-reading`...).
    pub(super) next: &'static str,
    /// `Ok(build id)` or the error, once ended.
    pub(super) outcome: Option<Result<String, String>>,
}

impl Builds {
    /// Builds kept under `dir` (created when the first build is written).
    pub fn new(dir: impl Into<PathBuf>) -> Arc<Builds> {
        Arc::new(Builds {
            dir: dir.into(),
            jobs: Mutex::new(HashMap::new()),
        })
    }

    /// The folder builds are kept in.
    pub fn dir(&self) -> &FsPath {
        &self.dir
    }

    pub(super) fn job(&self, slug: &str) -> Option<Job> {
        self.jobs.lock().ok()?.get(slug).cloned()
    }

    pub(super) fn set(&self, slug: &str, f: impl FnOnce(&mut Job)) {
        if let Ok(mut jobs) = self.jobs.lock()
            && let Some(job) = jobs.get_mut(slug)
        {
            f(job);
        }
    }

    /// Starts a job for `slug` unless one is running; false when one is.
    pub(super) fn start(&self, slug: &str, by: &str) -> bool {
        let Ok(mut jobs) = self.jobs.lock() else { return false };
        if jobs.get(slug).is_some_and(|j| j.outcome.is_none()) {
            return false;
        }
        jobs.insert(
            slug.to_string(),
            Job {
                started: Instant::now(),
                by: by.to_string(),
                made: None,
                next: "dk-build-reading",
                outcome: None,
            },
        );
        true
    }

    /// The builds of `slug`, newest first.
    pub(super) fn list(&self, slug: &str) -> Vec<BuildInfo> {
        let Ok(entries) = std::fs::read_dir(self.dir.join(slug)) else {
            return Vec::new();
        };
        let mut out: Vec<BuildInfo> = entries
            .filter_map(Result::ok)
            .filter_map(|e| std::fs::read(e.path().join(INFO)).ok())
            .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
            .collect();
        out.sort_by(|a: &BuildInfo, b| b.id.cmp(&a.id));
        out
    }

    /// The folder of build `id` of `slug`, when it exists (ids are checked to be plain names).
    pub(super) fn folder(&self, slug: &str, id: &str) -> Option<PathBuf> {
        let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !plain(slug) || !plain(id) {
            return None;
        }
        let dir = self.dir.join(slug).join(id);
        dir.join(INFO).is_file().then_some(dir)
    }
}

impl Builds {
    /// The newest final (not draft) build of `slug` made from the snapshot `snapshot_sha256`,
    /// with its folder: the report the public pages offer for a published edition. A rebuild of
    /// the same snapshot gives the same files, so the newest is as good as any.
    pub(crate) fn final_build(&self, slug: &str, snapshot_sha256: &str) -> Option<(PathBuf, BuildInfo)> {
        self.list(slug)
            .into_iter()
            .filter(|b| !b.draft && b.snapshot_sha256 == snapshot_sha256)
            .find_map(|b| Some((self.folder(slug, &b.id)?, b)))
    }
}

/// Every file under `dir` (recursively), as `(path relative to dir with `/`, bytes)`, sorted.
pub(crate) fn read_files(dir: &FsPath) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn walk(dir: &FsPath, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type()?.is_dir() {
                walk(&entry.path(), &format!("{name}/"), out)?;
            } else {
                out.push((name, std::fs::read(entry.path())?));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// The date of a build (from its `built_at`, RFC 3339), for the time stamps of the archives
/// packed from it.
pub(crate) fn build_date(built_at: &str) -> (i32, u8, u8) {
    let parsed = || {
        let d = built_at.get(..10)?;
        let mut p = d.split('-').map(|x| x.parse::<i32>().ok());
        Some((
            p.next()??,
            u8::try_from(p.next()??).ok()?,
            u8::try_from(p.next()??).ok()?,
        ))
    };
    parsed().unwrap_or((1980, 1, 1))
}

/// The file describing a build, in its folder.
pub(super) const INFO: &str = "build.json";

/// What `build.json` says of a build.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct BuildInfo {
    pub(crate) id: String,
    pub(crate) edition: String,
    pub(crate) built_at: String,
    pub(crate) built_by: String,
    pub(crate) draft: bool,
    pub(crate) pages: usize,
    pub(crate) pdf_bytes: usize,
    pub(crate) pdf_sha256: String,
    pub(crate) snapshot_sha256: String,
    pub(crate) files: usize,
    pub(crate) seconds: f64,
    pub(crate) warnings: Vec<String>,
}

impl BuildInfo {
    /// When it was built, as the page writes it before the script shows local time:
    /// `2026-12-06 10:00:00 UTC`.
    pub(crate) fn built_utc(&self) -> String {
        let t = self.built_at.trim_end_matches('Z').replacen('T', " ", 1);
        let t = t.split('.').next().unwrap_or(&t).to_string();
        format!("{t} UTC")
    }
}

fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// A build id from the time: `20261125T131500Z-<hash prefix>`, sorting by time.
fn build_id(at: time::OffsetDateTime, pdf_sha256: &str) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z-{}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        pdf_sha256.get(..12).unwrap_or(pdf_sha256)
    )
}

/// Builds `slug`'s report into a new build folder, updating the job's step as it goes.
pub(super) async fn run_build(
    store: &nmp_store::Store,
    builds: &Arc<Builds>,
    slug: &str,
    draft: bool,
    actor: &str,
) -> Result<String, String> {
    let started = Instant::now();
    let (b, s) = (builds.clone(), slug.to_string());
    let build = nmp_report::ReportBuild {
        draft,
        ..nmp_report::ReportBuild::new(slug)
    };
    let nmp_report::Built { edition, output } = build
        .run(store, move |event| {
            let nmp_report::Event::Step { step, what, .. } = event else {
                return;
            };
            let next = match step {
                1 => "dk-build-typesetting",
                2 => "dk-build-site",
                3 => "dk-build-package",
                _ => "dk-build-writing",
            };
            b.set(&s, |j| {
                j.made = Some(what);
                j.next = next;
            });
        })
        .await
        .map_err(|e| e.to_string())?;
    let edition_slug = edition.snapshot.edition.slug.clone();
    let at = now();
    let mut id = build_id(at, &output.pdf_sha256);
    // Two builds of the same PDF in the same second: number the later ones.
    let mut n = 1;
    while builds.dir.join(slug).join(&id).exists() {
        n += 1;
        id = format!("{}-{n}", build_id(at, &output.pdf_sha256));
    }
    let info = BuildInfo {
        id: id.clone(),
        edition: edition_slug,
        built_at: at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        built_by: actor.to_string(),
        draft: output.draft,
        pages: output.pages,
        pdf_bytes: output.pdf().len(),
        pdf_sha256: output.pdf_sha256.clone(),
        snapshot_sha256: output.snapshot_sha256.clone(),
        files: output.files.len(),
        seconds: started.elapsed().as_secs_f64(),
        warnings: output.warnings.clone(),
    };
    let mut files = output.files;
    files.push((
        INFO.to_string(),
        serde_json::to_vec_pretty(&info).map_err(|e| e.to_string())?,
    ));
    let folder = builds.dir.join(slug).join(&id);
    let write = move || -> Result<(), String> {
        if let Some(parent) = folder.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        nmp_report::output::write_all_or_nothing(&folder, &files).map_err(|e| e.to_string())
    };
    tokio::task::spawn_blocking(write)
        .await
        .map_err(|e| format!("writing stopped: {e}"))??;
    // The public edition pages offer a published edition's final build: answers cached before
    // it are stale now.
    store.outputs_changed();
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_times_are_written_in_utc_for_the_script_to_localise() {
        let mut info: BuildInfo = serde_json::from_str(
            r#"{"id":"x","edition":"2017","built_at":"2026-12-06T10:00:03.123Z","built_by":"e","draft":false,"pages":1,"pdf_bytes":1,"pdf_sha256":"a","snapshot_sha256":"b","files":1,"seconds":1.0,"warnings":[]}"#,
        )
        .unwrap();
        assert_eq!(info.built_utc(), "2026-12-06 10:00:03 UTC");
        info.built_at = "2026-12-06T10:00:03Z".into();
        assert_eq!(info.built_utc(), "2026-12-06 10:00:03 UTC");
    }

    #[test]
    fn build_ids_sort_by_time_and_folders_refuse_paths() {
        let a = build_id(time::macros::datetime!(2026-11-25 09:05:03 UTC), "abcdef0123456789");
        let b = build_id(time::macros::datetime!(2026-11-25 10:00:00 UTC), "0000000000000000");
        assert_eq!(a, "20261125T090503Z-abcdef012345");
        assert!(a < b);
        let builds = Builds::new(std::env::temp_dir().join("nmp-no-such-builds"));
        assert!(builds.folder("2017", "../etc").is_none());
        assert!(builds.folder("..", "x").is_none());
        assert!(builds.folder("2017", "nothing-here").is_none());
    }
}
