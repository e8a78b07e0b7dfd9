//! Editions in the workspace: an edition's state (published or not, the facts still uncited),
//! publishing it, and starting a build of its report (PDF, static site, data package: the same
//! files as `nmp report build`) in the background with the progress shown ([`builds`]);
//! downloading past builds and the editor's preview ([`files`]).
//!
//! Builds are kept under the builds folder (`builds_dir`), one folder per build:
//! `SLUG/ID/` with the outputs and `build.json` describing them. A build is written all or
//! nothing; a failed one leaves only its error on the page.

mod builds;
mod files;
mod publish;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::AccountRole;
use nmp_store::auth::SignedIn;
use nmp_store::entity::edition;
use nmp_store::essays::CitingEssay;

pub use builds::Builds;
pub(crate) use builds::{BuildInfo as FinalBuild, build_date, read_files};
use builds::{BuildInfo, run_build};
pub(super) use files::{download, preview};
pub(super) use publish::{confirm, erratum, publish};

use super::review::{escape, said_text, word};
use super::{Deciders, EditionReaders, Nav, render};
use crate::AppState;
use crate::auth::{CsrfForm, Staff, WorkspaceError};

/// Roles that see editions, their builds and previews.
pub(super) const READERS: &[AccountRole] = &[
    AccountRole::Admin,
    AccountRole::Editor,
    AccountRole::Researcher,
    AccountRole::Reviewer,
];
/// Roles that publish and build.
const PUBLISHERS: &[AccountRole] = super::DECIDERS;

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
    /// Assessment rounds not yet reconciled (only for an unpublished edition).
    unreconciled: Vec<String>,
    /// What publishing said, when it was refused.
    refusal: Option<String>,
    running: Option<String>,
    failed: Option<String>,
    builds: Vec<BuildInfo>,
    /// Its errata, oldest first (a published edition's), each with the essays that rely on
    /// the record it corrects.
    errata: Vec<(nmp_store::entity::erratum::Model, Vec<CitingEssay>)>,
    /// What the erratum form said when it was refused, with the fields as typed.
    erratum_problem: Option<publish::ErratumDraft>,
    /// Today, the erratum form's default date.
    today: String,
}

impl EditionPage {
    /// The snapshot's hash as the page shows it.
    fn hash_html(&self, hash: &str) -> String {
        format!("<code class=\"hash\">{}</code>", escape(hash))
    }

    /// The public page's report, where readers are offered the newest final build.
    fn public_report(&self) -> String {
        format!("/editions/{}#report", self.slug)
    }

    /// The editor's preview.
    fn preview_href(&self) -> String {
        format!("/staff/editions/{}/preview.pdf", self.slug)
    }

    /// An essay's stage (`published`) in the request's language.
    fn essay_stage(&self, code: &str) -> String {
        nmp_i18n::vocabulary_label(crate::lang::lang(), "EssayStage", code)
            .unwrap_or_else(|| nmp_core::vocab::label::<nmp_core::vocab::EssayStage>(code))
    }

    /// ` invalid` on the erratum field that was refused.
    fn invalid(&self, field: &str) -> &'static str {
        match &self.erratum_problem {
            Some(d) if d.field == field => " invalid",
            _ => "",
        }
    }
}

pub(in crate::workspace) async fn list(
    State(state): State<AppState>,
    staff: Staff<EditionReaders>,
) -> Result<Response, WorkspaceError> {
    let mut editions = state.store.all::<edition::Entity>().await?;
    editions.sort_by(|a, b| b.slug.cmp(&a.slug));
    let rows = editions
        .into_iter()
        .map(|e| EditionRow {
            builds: state.builds.list(&e.slug).len(),
            status: stage(&e.status),
            snapshot: e.snapshot_hash.clone(),
            slug: e.slug,
            title: e.title,
        })
        .collect();
    let view = EditionsPage {
        nav: Nav::of(&staff),
        rows,
    };
    Ok(render(StatusCode::OK, &view))
}

/// The edition's page, with `refusal` shown when publishing was just refused.
async fn edition_page(
    state: &AppState,
    signed_in: &SignedIn,
    slug: &str,
    refusal: Option<String>,
) -> Result<Response, WorkspaceError> {
    edition_page_with(state, signed_in, slug, refusal, None).await
}

/// [`edition_page`], with the erratum form's refusal when there is one.
async fn edition_page_with(
    state: &AppState,
    signed_in: &SignedIn,
    slug: &str,
    refusal: Option<String>,
    erratum_problem: Option<publish::ErratumDraft>,
) -> Result<Response, WorkspaceError> {
    let e = edition_by_slug(&state.store, slug)
        .await?
        .ok_or_else(|| not_found(slug))?;
    let published = e.snapshot_hash.is_some();
    let uncited = if published {
        Vec::new()
    } else {
        match state.uncited.of(&state.store, slug).await {
            Ok(u) => u.to_vec(),
            Err(e) => return Err(report_failure(slug, e)),
        }
    };
    let unreconciled = if published {
        Vec::new()
    } else {
        state.store.outcome_problems(e.edition_id).await?
    };
    let job = state.builds.job(slug);
    let running = job.as_ref().filter(|j| j.outcome.is_none()).map(|j| {
        let step = match &j.made {
            Some(made) => format!("{}; {}", super::review::english(made), escape(&crate::lang::t(j.next))),
            None => escape(&crate::lang::t(j.next)),
        };
        let seconds = format!("{:.0}", j.started.elapsed().as_secs_f64());
        said_text(
            "dk-build-step",
            &[("seconds", &seconds), ("by", &j.by)],
            &[("step", &step)],
        )
    });
    let failed = job.and_then(|j| j.outcome).and_then(Result::err);
    let mut errata = Vec::new();
    if published {
        for x in state.store.errata(e.edition_id).await? {
            let essays = state.store.essays_relying_on(&x.location).await?;
            errata.push((x, essays));
        }
    }
    let status = if refusal.is_some() || erratum_problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = EditionPage {
        nav: Nav::of(signed_in),
        slug: e.slug.clone(),
        title: e.title.clone(),
        status: stage(&e.status),
        published,
        snapshot: e.snapshot_hash.clone(),
        can_publish: PUBLISHERS.contains(&signed_in.role),
        uncited,
        unreconciled,
        refusal,
        running,
        failed,
        builds: state.builds.list(slug),
        errata,
        erratum_problem,
        today: crate::cite::today(),
    };
    Ok(render(status, &page))
}

pub(in crate::workspace) async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff<EditionReaders>,
) -> Result<Response, WorkspaceError> {
    edition_page(&state, &staff, &slug, None).await
}

/// An edition's stage (`collecting`) in the request's language.
fn stage(code: &str) -> String {
    word(
        "edition-status",
        code,
        &nmp_core::vocab::label::<nmp_core::vocab::EditionStatus>(code),
    )
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

fn not_found(slug: &str) -> WorkspaceError {
    WorkspaceError::message(
        StatusCode::NOT_FOUND,
        &crate::lang::t("dk-no-such-edition"),
        &crate::lang::ta("dk-no-such-edition-text", &[("slug", &format!("{slug:?}"))]),
        Some(("/staff/editions", &crate::lang::t("dk-editions"))),
    )
}

/// A report error as a page: a missing edition is a 404, a refusal or template error a 422
/// naming it, a failure of the store the error page.
fn report_failure(slug: &str, e: nmp_report::ReportError) -> WorkspaceError {
    use nmp_report::ReportError as R;
    match e {
        R::UnknownEdition(_) => not_found(slug),
        R::Store(e) => e.into(),
        other => WorkspaceError::message_en(
            StatusCode::UNPROCESSABLE_ENTITY,
            &crate::lang::t("dk-not-possible"),
            &other.to_string(),
            Some((
                &format!("/staff/editions/{slug}"),
                &crate::lang::t("dk-back-to-edition"),
            )),
        ),
    }
}

pub(in crate::workspace) async fn build(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let actor = staff.account.email.clone();
    let draft = form.get("draft").is_some_and(|v| v == "on" || v == "1");
    edition_by_slug(&state.store, &slug)
        .await?
        .ok_or_else(|| not_found(&slug))?;
    if !state.builds.start(&slug, &actor) {
        return Err(WorkspaceError::message(
            StatusCode::CONFLICT,
            &crate::lang::t("dk-build-running"),
            &crate::lang::t("dk-build-running-text"),
            Some((
                &format!("/staff/editions/{slug}"),
                &crate::lang::t("dk-back-to-edition"),
            )),
        ));
    }
    let (store, builds, job_slug) = (state.store.clone(), state.builds.clone(), slug.clone());
    tokio::spawn(async move {
        let outcome = run_build(&store, &builds, &job_slug, draft, &actor).await;
        builds.set(&job_slug, |j| j.outcome = Some(outcome));
    });
    Ok(Redirect::to(&format!("/staff/editions/{slug}")).into_response())
}
