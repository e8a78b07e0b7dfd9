//! The sources page for editors and administrators (`/staff/sources`): each source's latest link
//! check (from `nmp sources check`), dead and changed first, and a form per source to set its
//! archived copy and accessed-on date (`POST /staff/sources/{source}/archive`, at the version
//! shown; a bad value is refused naming its field and nothing is written), with each source's
//! archived file and a form to upload one (`super::source_files`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_store::StoreError;
use nmp_store::auth::SignedIn;
use nmp_store::entity::source;

use super::review::timestamp;
use super::{Deciders, Html, Nav, Problem, render, say_html};
use crate::AppState;
use crate::auth::{CsrfForm, Staff, WorkspaceError};

/// One source with its latest check.
pub(crate) struct SourceRow {
    pub slug: String,
    pub title: String,
    pub url: Option<String>,
    pub archived_url: String,
    pub accessed_on: String,
    pub version: i32,
    /// `dead`, `error`, `changed`, `redirected`, `ok`, or `unchecked`.
    pub outcome: String,
    pub status: String,
    pub final_url: Option<String>,
    pub error: Option<String>,
    pub checked_at: String,
    /// The archived file, for people: "PDF, 14 KB, sha256 bace6ec3…, by ... on ...".
    pub file: Option<String>,
    /// Why the search index holds no text of the archived file, if it holds none.
    pub file_text_missing: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/sources.html")]
pub(super) struct SourcesPage {
    nav: Nav,
    rows: Vec<SourceRow>,
    counts: Vec<(String, usize)>,
    /// (source slug, problem) of a refused form.
    errors: Vec<(String, Problem)>,
    /// The refused form's values, to show again: (slug, archived_url, accessed_on).
    typed: Option<(String, String, String)>,
}

impl SourcesPage {
    /// The page's introduction: what each outcome means, archived copies and files.
    fn intro(&self) -> Html {
        let em = |code: &str| format!("<em>{}</em>", super::escape(&super::outcome_label(code)));
        say_html(
            "st-sources-intro",
            &[],
            &[
                ("command", "<code>nmp sources check</code>"),
                ("dead", &em("dead")),
                ("error", &em("error")),
                ("changed", &em("changed")),
                ("redirected", &em("redirected")),
            ],
        )
    }

    /// What the form of `slug` shows for `field`: what was typed if that form was refused.
    fn shown<'a>(&'a self, row: &'a SourceRow, field: &str) -> &'a str {
        match &self.typed {
            Some((slug, archived, accessed)) if *slug == row.slug => {
                if field == "archived_url" {
                    archived
                } else {
                    accessed
                }
            }
            _ if field == "archived_url" => &row.archived_url,
            _ => &row.accessed_on,
        }
    }
}

pub(super) async fn page(
    state: &AppState,
    signed_in: &SignedIn,
    errors: Vec<(String, Problem)>,
    typed: Option<(String, String, String)>,
) -> Result<SourcesPage, WorkspaceError> {
    let store = &state.store;
    let sources: HashMap<i32, source::Model> = store
        .all::<source::Entity>()
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect();
    let files: HashMap<String, String> = store
        .source_archive_summaries()
        .await?
        .into_iter()
        .map(|f| {
            let text = crate::lang::ta(
                "st-sources-file",
                &[
                    (
                        "file",
                        &crate::views::sources::archive_text(&f.content_type, f.size_bytes, &f.sha256),
                    ),
                    ("name", &f.file_name),
                    ("who", &f.uploaded_by),
                    ("when", &timestamp(f.uploaded_at)),
                ],
            );
            (f.slug, text)
        })
        .collect();
    if let Some(index) = &state.search {
        let _ = index.refresh_if_stale(store).await;
    }
    let missing = |slug: &str| {
        let index = state.search.as_ref()?;
        index.missing_text(&format!("archive:{slug}"))
    };
    let mut rows = Vec::new();
    let row = |s: &source::Model| SourceRow {
        file: files.get(&s.slug).cloned(),
        file_text_missing: files.get(&s.slug).and_then(|_| missing(&s.slug)),
        slug: s.slug.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        archived_url: s.archived_url.clone().unwrap_or_default(),
        accessed_on: s.accessed_on.clone().unwrap_or_default(),
        version: s.version,
        outcome: "unchecked".into(),
        status: String::new(),
        final_url: None,
        error: None,
        checked_at: String::new(),
    };
    let mut seen = std::collections::HashSet::new();
    for c in store.latest_link_checks().await? {
        let Some(s) = sources.get(&c.source_id) else { continue };
        seen.insert(c.source_id);
        rows.push(SourceRow {
            outcome: c.outcome.clone(),
            status: c.status_code.map(|s| s.to_string()).unwrap_or_default(),
            final_url: c.final_url.clone().filter(|f| *f != c.url),
            error: c.error.clone(),
            checked_at: timestamp(c.checked_at),
            ..row(s)
        });
    }
    let mut unchecked: Vec<&source::Model> = sources.values().filter(|s| !seen.contains(&s.source_id)).collect();
    unchecked.sort_by(|a, b| a.slug.cmp(&b.slug));
    rows.extend(unchecked.into_iter().map(row));
    let counts = nmp_store::linkcheck::OUTCOMES
        .iter()
        .chain(["unchecked"].iter())
        .map(|o| (o.to_string(), rows.iter().filter(|r| r.outcome == *o).count()))
        .collect();
    Ok(SourcesPage {
        nav: Nav::of(signed_in),
        rows,
        counts,
        errors,
        typed,
    })
}

pub(super) async fn list(State(state): State<AppState>, staff: Staff<Deciders>) -> Result<Response, WorkspaceError> {
    let view = page(&state, &staff, Vec::new(), None).await?;
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn set_archive(
    State(state): State<AppState>,
    staff: Staff<Deciders>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let archived = form.text("archived_url").trim().to_string();
    let accessed = form.text("accessed_on").trim().to_string();
    let Ok(version) = form.text("version").trim().parse::<i32>() else {
        let errors = vec![(
            slug.clone(),
            Problem::said("version", crate::lang::t("st-sources-no-version")),
        )];
        let view = page(&state, &staff, errors, Some((slug, archived, accessed))).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
    };
    match state
        .store
        .set_source_archive(&staff.account.email, &slug, version, &archived, &accessed)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/staff/sources#source-{slug}")).into_response()),
        Err(StoreError::Invalid(e)) => {
            let errors = vec![(slug.clone(), Problem::store(&e.field, &e.message))];
            let view = page(&state, &staff, errors, Some((slug, archived, accessed))).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
        Err(e) => Err(e.into()),
    }
}
