//! Publishing an edition from the workspace, and its errata. Publishing is irreversible, so it
//! takes two steps: the edition page's button opens a confirmation page (`GET .../publish`) that
//! says what will be frozen (its parts, profiles, sources, assessment rounds and the snapshot's
//! fingerprint as it stands), and only the form there (`confirm=yes`) publishes. A published
//! edition's corrections are errata, entered on its page (`POST .../errata`) as the command line's
//! `nmp edition erratum` does; the next build lists them.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{edition_by_slug, edition_page, edition_page_with, not_found, report_failure};
use crate::AppState;
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::workspace::review::{escape, field_problem};
use crate::workspace::{Deciders, Nav, render};

#[derive(Template)]
#[template(path = "staff/publish.html")]
struct ConfirmPage {
    nav: Nav,
    slug: String,
    title: String,
    parts: usize,
    profiles: usize,
    sources: usize,
    rounds: usize,
    essays: usize,
    sha256: String,
    /// Why it cannot be published now (then the page offers no form).
    problem: Option<String>,
}

impl ConfirmPage {
    /// The snapshot's fingerprint as the page shows it.
    fn hash_html(&self) -> String {
        format!("<code class=\"hash\">{}</code>", escape(&self.sha256))
    }
}

/// The confirmation page: what publishing will freeze. An edition that cannot be published
/// (uncited facts, unreconciled rounds, already published) shows its page with the reason.
pub(in crate::workspace) async fn confirm(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff<Deciders>,
) -> Result<Response, WorkspaceError> {
    let e = edition_by_slug(&state.store, &slug)
        .await?
        .ok_or_else(|| not_found(&slug))?;
    let refuse = |problem: String| {
        let page = ConfirmPage {
            nav: Nav::of(&staff),
            slug: e.slug.clone(),
            title: e.title.clone(),
            parts: 0,
            profiles: 0,
            sources: 0,
            rounds: 0,
            essays: 0,
            sha256: String::new(),
            problem: Some(problem),
        };
        Ok(render(StatusCode::OK, &page))
    };
    if e.snapshot_hash.is_some() {
        return refuse(crate::lang::t("dk-already-published"));
    }
    let uncited = match state.uncited.of(&state.store, &slug).await {
        Ok(u) => u.len(),
        Err(e) => return Err(report_failure(&slug, e)),
    };
    let unreconciled = state.store.outcome_problems(e.edition_id).await?.len();
    if uncited > 0 || unreconciled > 0 {
        return refuse(crate::lang::ta(
            "dk-cannot-publish-yet",
            &[
                ("facts", &crate::lang::tn("dk-n-uncited-facts", "count", uncited)),
                (
                    "problems",
                    &crate::lang::tn("dk-n-outcome-problems", "count", unreconciled),
                ),
            ],
        ));
    }
    let preview = nmp_report::load_preview(&state.store, &slug)
        .await
        .map_err(|e| report_failure(&slug, e))?;
    let snap = &preview.snapshot;
    let page = ConfirmPage {
        nav: Nav::of(&staff),
        slug: e.slug.clone(),
        title: e.title.clone(),
        parts: snap.parts.iter().filter(|p| !p.is_essay()).count(),
        essays: snap.parts.iter().filter(|p| p.is_essay()).count(),
        profiles: snap.parts.iter().map(|p| p.profiles.len()).sum(),
        sources: snap.bibliography.len(),
        rounds: snap.outcomes.len(),
        sha256: preview.sha256.clone(),
        problem: None,
    };
    Ok(render(StatusCode::OK, &page))
}

/// Publishes the edition when the form confirms it (`confirm=yes`); without the confirmation
/// it shows the confirmation page instead.
pub(in crate::workspace) async fn publish(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    if form.get("confirm") != Some("yes") {
        return Ok(Redirect::to(&format!("/staff/editions/{slug}/publish")).into_response());
    }
    match nmp_report::publish::publish(&state.store, &slug, &staff.account.email).await {
        Ok(_) => Ok(Redirect::to(&format!("/staff/editions/{slug}")).into_response()),
        Err(nmp_report::ReportError::Uncited { facts, .. }) => {
            let text = crate::lang::tn("dk-not-published-uncited", "count", facts.len());
            edition_page(&state, &staff, &slug, Some(text)).await
        }
        Err(nmp_report::ReportError::Unreconciled { problems, .. }) => {
            let text = crate::lang::tn("dk-not-published-unreconciled", "count", problems.len());
            edition_page(&state, &staff, &slug, Some(text)).await
        }
        Err(nmp_report::ReportError::AlreadyPublished { .. }) => {
            edition_page(&state, &staff, &slug, Some(crate::lang::t("dk-already-published"))).await
        }
        Err(e) => Err(report_failure(&slug, e)),
    }
}

/// The erratum form as typed, with what is wrong with it.
#[derive(Debug, Clone, Default)]
pub(super) struct ErratumDraft {
    /// The problem, naming the field, as HTML (the store's message marked as English on a French
    /// or Spanish page).
    pub problem: String,
    /// The field at fault (`issued_on`, `location`, `correction`; empty: the edition).
    pub field: &'static str,
    pub issued_on: String,
    pub location: String,
    pub correction: String,
}

/// Records an erratum of a published edition; the next build lists it.
pub(in crate::workspace) async fn erratum(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let (e, _) = state
        .store
        .frozen_edition(&slug)
        .await?
        .ok_or_else(|| not_found(&slug))?;
    let (issued_on, location, correction) = (form.text("issued_on"), form.text("location"), form.text("correction"));
    let refuse = |field: &'static str, problem: String| ErratumDraft {
        problem,
        field,
        issued_on: issued_on.to_string(),
        location: location.to_string(),
        correction: correction.to_string(),
    };
    if e.snapshot_hash.is_none() {
        let draft = refuse("", escape(&crate::lang::t("dk-errata-only-published")));
        return edition_page_with(&state, &staff, &slug, None, Some(draft)).await;
    }
    match state
        .store
        .record_erratum(e.edition_id, issued_on, location, correction, &staff.account.email)
        .await
    {
        Ok(_) => {}
        Err(nmp_store::StoreError::Invalid(v)) => {
            let field = match v.field.as_str() {
                "issued_on" => "issued_on",
                "location" => "location",
                _ => "correction",
            };
            let label = crate::lang::t(match field {
                "issued_on" => "dk-issued-on",
                "location" => "dk-col-where",
                _ => "dk-col-correction",
            });
            let draft = refuse(field, field_problem(&label, &v.message, true));
            return edition_page_with(&state, &staff, &slug, None, Some(draft)).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/staff/editions/{slug}#errata")).into_response())
}
