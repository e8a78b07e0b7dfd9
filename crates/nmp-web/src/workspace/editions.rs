//! Editions in the workspace: an edition's state (published or not, the facts still uncited),
//! publishing it, building its report (PDF, static site, data package: the same files as
//! `nmp report build`) in the background with the progress shown, downloading past builds, and
//! the editor's preview (a draft PDF typeset in this process, where Typst keeps its memoised
//! layout between builds, so a rebuild after a small edit is quick).
//!
//! Builds are kept under the builds folder (`builds_dir`), one folder per build:
//! `SLUG/ID/` with the outputs and `build.json` describing them. A build is written all or
//! nothing; a failed one leaves only its error on the page.

use std::collections::HashMap;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::AccountRole;
use nmp_store::entity::edition;
use serde::{Deserialize, Serialize};

use super::{Nav, render, staff};
use crate::auth::{CurrentUser, Form, csrf_ok, csrf_refused, message, no_store};
use crate::{AppState, WebError};

/// Roles that see editions, their builds and previews.
pub(super) const READERS: &[AccountRole] = &[
    AccountRole::Admin,
    AccountRole::Editor,
    AccountRole::Researcher,
    AccountRole::Reviewer,
];
/// Roles that publish and build.
const PUBLISHERS: &[AccountRole] = super::DECIDERS;

/// Where builds are kept, and the builds running now.
#[derive(Debug)]
pub struct Builds {
    dir: PathBuf,
    jobs: Mutex<HashMap<String, Job>>,
}

/// A build running or just ended, by edition.
#[derive(Debug, Clone)]
struct Job {
    started: Instant,
    by: String,
    step: String,
    /// `Ok(build id)` or the error, once ended.
    outcome: Option<Result<String, String>>,
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

    fn job(&self, slug: &str) -> Option<Job> {
        self.jobs.lock().ok()?.get(slug).cloned()
    }

    fn set(&self, slug: &str, f: impl FnOnce(&mut Job)) {
        if let Ok(mut jobs) = self.jobs.lock()
            && let Some(job) = jobs.get_mut(slug)
        {
            f(job);
        }
    }

    /// Starts a job for `slug` unless one is running; false when one is.
    fn start(&self, slug: &str, by: &str) -> bool {
        let Ok(mut jobs) = self.jobs.lock() else { return false };
        if jobs.get(slug).is_some_and(|j| j.outcome.is_none()) {
            return false;
        }
        jobs.insert(
            slug.to_string(),
            Job {
                started: Instant::now(),
                by: by.to_string(),
                step: "reading the edition".into(),
                outcome: None,
            },
        );
        true
    }

    /// The builds of `slug`, newest first.
    fn list(&self, slug: &str) -> Vec<BuildInfo> {
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
    fn folder(&self, slug: &str, id: &str) -> Option<PathBuf> {
        let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !plain(slug) || !plain(id) {
            return None;
        }
        let dir = self.dir.join(slug).join(id);
        dir.join(INFO).is_file().then_some(dir)
    }
}

/// The file describing a build, in its folder.
const INFO: &str = "build.json";

/// What `build.json` says of a build.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct BuildInfo {
    id: String,
    edition: String,
    built_at: String,
    built_by: String,
    draft: bool,
    pages: usize,
    pdf_bytes: usize,
    pdf_sha256: String,
    snapshot_sha256: String,
    files: usize,
    seconds: f64,
    warnings: Vec<String>,
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

#[derive(Template)]
#[template(path = "staff/editions.html")]
struct EditionsPage {
    nav: Nav,
    rows: Vec<EditionRow>,
}

struct EditionRow {
    slug: String,
    title: String,
    status: String,
    snapshot: Option<String>,
    builds: usize,
}

#[derive(Template)]
#[template(path = "staff/edition.html")]
struct EditionPage {
    nav: Nav,
    slug: String,
    title: String,
    status: String,
    published: bool,
    snapshot: Option<String>,
    can_publish: bool,
    /// Uncited facts (only for an unpublished edition).
    uncited: Vec<String>,
    /// What publishing said, when it was refused.
    refusal: Option<String>,
    running: Option<String>,
    failed: Option<String>,
    builds: Vec<BuildInfo>,
}

pub(super) async fn list(State(state): State<AppState>, user: CurrentUser) -> Response {
    let signed_in = match staff(&user, READERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let result: Result<Vec<EditionRow>, WebError> = async {
        let mut editions = state.store.all::<edition::Entity>().await?;
        editions.sort_by(|a, b| b.slug.cmp(&a.slug));
        Ok(editions
            .into_iter()
            .map(|e| EditionRow {
                builds: state.builds.list(&e.slug).len(),
                status: e.status.clone(),
                snapshot: e.snapshot_hash.clone(),
                slug: e.slug,
                title: e.title,
            })
            .collect())
    }
    .await;
    match result {
        Ok(rows) => render(
            StatusCode::OK,
            &EditionsPage {
                nav: Nav::of(signed_in),
                rows,
            },
        ),
        Err(e) => e.into_response(),
    }
}

/// The edition's page, with `refusal` shown when publishing was just refused.
async fn edition_page(state: &AppState, user: &CurrentUser, slug: &str, refusal: Option<String>) -> Response {
    let signed_in = match staff(user, READERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let e = match edition_by_slug(&state.store, slug).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found(slug),
        Err(e) => return WebError::Store(e).into_response(),
    };
    let published = e.snapshot_hash.is_some();
    let uncited = if published {
        Vec::new()
    } else {
        match state.uncited.of(&state.store, slug).await {
            Ok(u) => u.to_vec(),
            Err(e) => return report_failure(slug, e),
        }
    };
    let job = state.builds.job(slug);
    let running = job.as_ref().filter(|j| j.outcome.is_none()).map(|j| {
        format!(
            "{} ({:.0} s, started by {})",
            j.step,
            j.started.elapsed().as_secs_f64(),
            j.by
        )
    });
    let failed = job.and_then(|j| j.outcome).and_then(Result::err);
    let status = if refusal.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = EditionPage {
        nav: Nav::of(signed_in),
        slug: e.slug.clone(),
        title: e.title.clone(),
        status: e.status.clone(),
        published,
        snapshot: e.snapshot_hash.clone(),
        can_publish: PUBLISHERS.contains(&signed_in.role),
        uncited,
        refusal,
        running,
        failed,
        builds: state.builds.list(slug),
    };
    render(status, &page)
}

pub(super) async fn show(State(state): State<AppState>, user: CurrentUser, Path(slug): Path<String>) -> Response {
    edition_page(&state, &user, &slug, None).await
}

async fn edition_by_slug(
    store: &nmp_store::Store,
    slug: &str,
) -> Result<Option<edition::Model>, nmp_store::StoreError> {
    Ok(store
        .rows_where::<edition::Entity, _>(edition::Column::Slug, [slug.to_string()])
        .await?
        .into_iter()
        .next())
}

fn not_found(slug: &str) -> Response {
    message(
        StatusCode::NOT_FOUND,
        "No such edition",
        &format!("There is no edition {slug:?}."),
        Some(("/staff/editions", "Editions")),
    )
}

/// A report error as a page: a missing edition is a 404, a refusal or template error a 422
/// naming it, a failure of the store the error page.
fn report_failure(slug: &str, e: nmp_report::ReportError) -> Response {
    use nmp_report::ReportError as R;
    match e {
        R::UnknownEdition(_) => not_found(slug),
        R::Store(e) => WebError::Store(e).into_response(),
        other => message(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Not possible",
            &other.to_string(),
            Some((&format!("/staff/editions/{slug}"), "Back to the edition")),
        ),
    }
}

/// The CSRF check of a POST by a publisher: the signed-in account's email, or the answer.
fn publisher(headers: &HeaderMap, user: &CurrentUser, body: &Bytes) -> Result<String, Box<Response>> {
    let signed_in = staff(user, PUBLISHERS).map_err(|r| Box::new(r.into_response()))?;
    let form = Form::parse(body);
    if !csrf_ok(headers, user, form.get("csrf")) {
        return Err(Box::new(csrf_refused()));
    }
    Ok(signed_in.account.email.clone())
}

pub(super) async fn publish(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    let actor = match publisher(&headers, &user, &body) {
        Ok(a) => a,
        Err(r) => return *r,
    };
    match nmp_report::publish::publish(&state.store, &slug, &actor).await {
        Ok(_) => Redirect::to(&format!("/staff/editions/{slug}")).into_response(),
        Err(nmp_report::ReportError::Uncited { facts, .. }) => {
            let text = format!(
                "Not published: {} fact(s) the edition shows have no citation yet (listed below).",
                facts.len()
            );
            edition_page(&state, &user, &slug, Some(text)).await
        }
        Err(nmp_report::ReportError::AlreadyPublished { .. }) => {
            edition_page(&state, &user, &slug, Some("It is already published.".into())).await
        }
        Err(e) => report_failure(&slug, e),
    }
}

pub(super) async fn build(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    let actor = match publisher(&headers, &user, &body) {
        Ok(a) => a,
        Err(r) => return *r,
    };
    let draft = Form::parse(&body).get("draft").is_some_and(|v| v == "on" || v == "1");
    match edition_by_slug(&state.store, &slug).await {
        Ok(Some(_)) => {}
        Ok(None) => return not_found(&slug),
        Err(e) => return WebError::Store(e).into_response(),
    }
    if !state.builds.start(&slug, &actor) {
        return message(
            StatusCode::CONFLICT,
            "A build is running",
            "This edition's report is being built now; its page shows the progress.",
            Some((&format!("/staff/editions/{slug}"), "Back to the edition")),
        );
    }
    let (store, builds, job_slug) = (state.store.clone(), state.builds.clone(), slug.clone());
    tokio::spawn(async move {
        let outcome = run_build(&store, &builds, &job_slug, draft, &actor).await;
        builds.set(&job_slug, |j| j.outcome = Some(outcome));
    });
    Redirect::to(&format!("/staff/editions/{slug}")).into_response()
}

/// Builds `slug`'s report into a new build folder, updating the job's step as it goes.
async fn run_build(
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
                1 => "typesetting the PDF",
                2 => "building the static site",
                3 => "packing the data package",
                _ => "writing the files",
            };
            b.set(&s, |j| j.step = format!("{what}; {next}"));
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
    Ok(id)
}

/// A build's `report.pdf`, or all its files as one ZIP archive (`outputs.zip`).
pub(super) async fn download(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((slug, id, file)): Path<(String, String, String)>,
) -> Response {
    if let Err(r) = staff(&user, READERS) {
        return r.into_response();
    }
    let gone = || {
        message(
            StatusCode::NOT_FOUND,
            "No such build",
            &format!("Edition {slug:?} has no build {id:?} with a file {file:?}."),
            Some((&format!("/staff/editions/{slug}"), "Back to the edition")),
        )
    };
    let Some(folder) = state.builds.folder(&slug, &id) else {
        return gone();
    };
    let name = format!("nmp-{slug}-{id}");
    let (bytes, content_type, download) = match file.as_str() {
        "report.pdf" => match tokio::fs::read(folder.join("report.pdf")).await {
            Ok(b) => (b, "application/pdf", format!("{name}.pdf")),
            Err(_) => return gone(),
        },
        "outputs.zip" => {
            let packed = tokio::task::spawn_blocking(move || zip_folder(&folder, &name)).await;
            match packed {
                Ok(Ok((bytes, name))) => (bytes, "application/zip", format!("{name}.zip")),
                Ok(Err(e)) => return report_failure(&slug, e),
                Err(_) => return gone(),
            }
        }
        _ => return gone(),
    };
    let disposition = format!("attachment; filename=\"{download}\"");
    (
        StatusCode::OK,
        no_store(),
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// Every file of a build folder, packed under the folder `name`.
fn zip_folder(folder: &FsPath, name: &str) -> Result<(Vec<u8>, String), nmp_report::ReportError> {
    let mut files = Vec::new();
    collect_files(folder, "", &mut files).map_err(|e| nmp_report::ReportError::Output(e.to_string()))?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let date = std::fs::read(folder.join(INFO))
        .ok()
        .and_then(|b| serde_json::from_slice::<BuildInfo>(&b).ok())
        .and_then(|i| {
            let d = i.built_at.get(..10)?.to_string();
            let mut p = d.split('-').map(|x| x.parse::<i32>().ok());
            Some((
                p.next()??,
                u8::try_from(p.next()??).ok()?,
                u8::try_from(p.next()??).ok()?,
            ))
        })
        .unwrap_or((1980, 1, 1));
    Ok((nmp_report::output::zip(name, &files, date)?, name.to_string()))
}

fn collect_files(dir: &FsPath, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type()?.is_dir() {
            collect_files(&entry.path(), &format!("{name}/"), out)?;
        } else {
            out.push((name, std::fs::read(entry.path())?));
        }
    }
    Ok(())
}

/// The editor's preview: the edition as it is now, typeset as a draft in this process.
pub(super) async fn preview(State(state): State<AppState>, user: CurrentUser, Path(slug): Path<String>) -> Response {
    if let Err(r) = staff(&user, READERS) {
        return r.into_response();
    }
    let edition = match nmp_report::ReportBuild::preview(&slug).load(&state.store).await {
        Ok(e) => e,
        Err(e) => return report_failure(&slug, e),
    };
    let started = Instant::now();
    let report = match tokio::task::spawn_blocking(move || nmp_report::render(&edition)).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return report_failure(&slug, e),
        Err(e) => return WebError::Internal(format!("the preview stopped: {e}")).into_response(),
    };
    (
        StatusCode::OK,
        no_store(),
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"nmp-{slug}-preview.pdf\""),
            ),
            (
                header::HeaderName::from_static("x-typeset-ms"),
                format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0),
            ),
        ],
        report.pdf,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

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
