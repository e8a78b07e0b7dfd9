//! One essay in the workspace, and the editor's actions on it: for editors and administrators,
//! and for the guest editor of the essay's call (anyone else gets a 403 page saying why).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_collect::essays::{Reviewer, authors_of, byline, default_letter};
use nmp_core::vocab::{EssayDecision, EssayStage};
use nmp_i18n::Lang;
use nmp_store::auth::SignedIn;
use nmp_store::entity::edition;
use nmp_store::essays::EssayFile;
use serde::Deserialize;

use super::{call_of_essay, problems, require_handler};
use crate::AppState;
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::views::essays::CitedRow;
use crate::workspace::{Nav, render};

/// Which versions to compare (`?from=1&to=2`).
#[derive(Debug, Default, Deserialize)]
pub(super) struct Compare {
    from: Option<i32>,
    to: Option<i32>,
}

#[derive(Template)]
#[template(path = "staff/essay.html")]
struct EssayPage {
    nav: Nav,
    id: i32,
    edition_slug: String,
    edition_title: String,
    call: String,
    anonymity: String,
    author: String,
    author_email: String,
    due: String,
    stage: String,
    stage_label: String,
    /// `(number, kind, made by, when, sha256 prefix)`.
    versions: Vec<(i32, String, String, String, String)>,
    latest_id: i32,
    latest_number: i32,
    title: String,
    byline: String,
    orcids: Vec<(String, String)>,
    abstract_text: String,
    keywords: String,
    competing: String,
    licence: String,
    html: String,
    body: String,
    cited: Vec<CitedRow>,
    /// `(from, to, diff html)`.
    diff: Option<(i32, i32, String)>,
    /// `(round, reviewer, version, due, recommendation, to author, to editor, submitted)`.
    reviews: Vec<ReviewRow>,
    decisions: Vec<(String, i32, String, String)>,
    letters: Vec<(&'static str, &'static str, String)>,
    part_key: Option<String>,
    errors: Vec<(String, String)>,
    notice: Option<String>,
    link: Option<String>,
    /// The active staff accounts that may be asked to review: `(id, name (role))`, the author's
    /// left out.
    staff_reviewers: Vec<(i32, String)>,
}

/// A review as the editor sees it.
pub(super) struct ReviewRow {
    pub round: i32,
    pub reviewer: String,
    pub version: i32,
    pub due: String,
    pub recommendation: String,
    pub to_author: String,
    pub to_editor: String,
    pub submitted: bool,
}

impl EssayPage {
    fn can(&self, stages: &[&str]) -> bool {
        stages.contains(&self.stage.as_str())
    }
}

pub(super) fn not_found(id: i32) -> WorkspaceError {
    WorkspaceError::message(
        StatusCode::NOT_FOUND,
        "No such essay",
        &format!("There is no essay {id}."),
        Some(("/staff/editions", "Editions")),
    )
}

struct Extra {
    errors: Vec<(String, String)>,
    notice: Option<String>,
    link: Option<String>,
    body: Option<String>,
}

async fn page(
    state: &AppState,
    staff: &SignedIn,
    file: &EssayFile,
    compare: &Compare,
    extra: Extra,
    status: StatusCode,
) -> Result<Response, WorkspaceError> {
    let e = &file.essay;
    let ed = state
        .store
        .get::<edition::Entity>(file.call.edition_id)
        .await?
        .expect("a call's edition exists");
    let latest = file.latest();
    let rendered = match latest {
        Some(v) => {
            let figures = crate::views::essays::Figures::now(file, &ed.slug);
            crate::views::essays::render(&state.store, &v.body, ("Notes", "Figure"), figures).await?
        }
        None => Default::default(),
    };
    let number_of = |id: i32| {
        file.versions
            .iter()
            .find(|v| v.version_id == id)
            .map_or(0, |v| v.number)
    };
    let diff = match (compare.from, compare.to) {
        (Some(a), Some(b)) => {
            let old = file.versions.iter().find(|v| v.number == a);
            let new = file.versions.iter().find(|v| v.number == b);
            match (old, new) {
                (Some(o), Some(n)) => Some((a, b, nmp_essay::diff::diff(&o.body, &n.body).to_html())),
                _ => None,
            }
        }
        _ => None,
    };
    let lang = Lang::from_code(&e.language).unwrap_or_default();
    let title = latest.map(|v| v.title.clone()).unwrap_or_default();
    let part_key = match e.edition_part_id {
        Some(id) => state
            .store
            .get::<nmp_store::entity::edition_part::Entity>(id)
            .await?
            .map(|p| p.part_key),
        None => None,
    };
    let staff_reviewers = state
        .store
        .all::<nmp_store::entity::account::Entity>()
        .await?
        .into_iter()
        .filter(|a| a.active && !a.email.eq_ignore_ascii_case(&e.author_email))
        .map(|a| (a.account_id, format!("{} ({})", a.name, a.role)))
        .collect();
    let view = EssayPage {
        nav: Nav::of(staff),
        id: e.essay_id,
        edition_slug: ed.slug.clone(),
        edition_title: ed.title.clone(),
        call: file.call.title.clone(),
        anonymity: nmp_core::vocab::label::<nmp_core::vocab::EssayAnonymity>(&file.call.anonymity),
        author: e.author_name.clone(),
        author_email: e.author_email.clone(),
        due: e.due_on.clone(),
        stage: e.stage.clone(),
        stage_label: nmp_core::vocab::label::<EssayStage>(&e.stage),
        versions: file
            .versions
            .iter()
            .map(|v| {
                (
                    v.number,
                    nmp_core::vocab::label::<nmp_core::vocab::EssayVersionKind>(&v.kind),
                    v.made_by.clone(),
                    v.created_at.date().to_string(),
                    v.sha256[..12].to_string(),
                )
            })
            .collect(),
        latest_id: latest.map_or(0, |v| v.version_id),
        latest_number: latest.map_or(0, |v| v.number),
        byline: latest.map(byline).unwrap_or_default(),
        orcids: latest
            .map(authors_of)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| a.orcid.map(|o| (a.name, o)))
            .collect(),
        abstract_text: latest.map(|v| v.abstract_text.clone()).unwrap_or_default(),
        keywords: latest
            .map(|v| v.keywords.lines().collect::<Vec<_>>().join(", "))
            .unwrap_or_default(),
        competing: latest.map(|v| v.competing_interests.clone()).unwrap_or_default(),
        licence: latest.map(|v| v.licence.clone()).unwrap_or_default(),
        html: rendered.html,
        body: extra
            .body
            .unwrap_or_else(|| latest.map(|v| v.body.clone()).unwrap_or_default()),
        cited: rendered.cited,
        diff,
        reviews: file
            .reviews
            .iter()
            .map(|r| ReviewRow {
                round: r.round,
                reviewer: format!("{} <{}>", r.reviewer_name, r.reviewer_email),
                version: number_of(r.version_id),
                due: r.due_on.clone(),
                recommendation: r
                    .recommendation
                    .as_deref()
                    .map(nmp_core::vocab::label::<EssayDecision>)
                    .unwrap_or_default(),
                to_author: r.to_author.clone().unwrap_or_default(),
                to_editor: r.to_editor.clone().unwrap_or_default(),
                submitted: r.submitted_at.is_some(),
            })
            .collect(),
        decisions: file
            .decisions
            .iter()
            .map(|d| {
                (
                    nmp_core::vocab::label::<EssayDecision>(&d.decision),
                    number_of(d.version_id),
                    d.created_at.date().to_string(),
                    d.letter.clone(),
                )
            })
            .collect(),
        letters: EssayDecision::ALL
            .iter()
            .map(|d| {
                (
                    d.code(),
                    d.label(),
                    default_letter(lang, *d, &e.author_name, &title, &staff.account.name),
                )
            })
            .collect(),
        title,
        part_key,
        errors: extra.errors,
        notice: extra.notice,
        link: extra.link,
        staff_reviewers,
    };
    Ok(render(status, &view))
}

async fn file_of(state: &AppState, id: i32) -> Result<EssayFile, WorkspaceError> {
    state.store.essay_file(id).await?.ok_or_else(|| not_found(id))
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    Query(compare): Query<Compare>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    let file = file_of(&state, id).await?;
    require_handler(&staff, &file.call)?;
    let extra = Extra {
        errors: Vec::new(),
        notice: None,
        link: None,
        body: None,
    };
    page(&state, &staff, &file, &compare, extra, StatusCode::OK).await
}

pub(super) async fn act(
    State(state): State<AppState>,
    Path((id, action)): Path<(i32, String)>,
    staff: Staff,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    require_handler(&staff, &call_of_essay(&state, id).await?)?;
    let store = &state.store;
    let mail = &state.mail;
    let back = Redirect::to(&format!("/staff/essays/{id}")).into_response();
    let mut link = None;
    let mut typed_body = None;
    let result: Result<Option<String>, nmp_collect::CollectError> = match action.as_str() {
        "reviewers" => {
            let account = form.text("reviewer_account_id").trim();
            match account.parse::<i32>() {
                Err(_) if !account.is_empty() => Err(nmp_collect::CollectError::Invalid(vec![
                    nmp_core::ValidationError::new(
                        "reviewer_account_id",
                        format!("{account:?} is not a staff account's key"),
                    ),
                ])),
                parsed => {
                    let who = Reviewer {
                        name: form.text("reviewer_name").to_string(),
                        email: form.text("reviewer_email").to_string(),
                        account_id: parsed.ok(),
                        due_on: form.text("due_on").to_string(),
                    };
                    nmp_collect::essays::assign_reviewer(store, &mail.mailer, &mail.public_url, &staff.account, id, &who)
                        .await
                        .map(|a| {
                            let staff_reviewer = a.review.reviewer_account_id.is_some();
                            link = Some(a.link);
                            Some(if staff_reviewer {
                                format!(
                                    "{} is asked to review; the request was mailed ({}). They review in their workspace, at:",
                                    a.review.reviewer_name, a.mail.status
                                )
                            } else {
                                format!(
                                    "{} is asked to review; the request was mailed ({}). Their link, shown only now:",
                                    a.review.reviewer_name, a.mail.status
                                )
                            })
                        })
                }
            }
        }
        "decide" => {
            let version: i32 = form.text("version_id").trim().parse().unwrap_or(-1);
            let decision = form.text("decision");
            let letter_field = format!("letter_{decision}");
            let letter = if form.text(&letter_field).trim().is_empty() {
                form.text("letter")
            } else {
                form.text(&letter_field)
            };
            nmp_collect::essays::decide(store, &mail.mailer, &staff.account, id, version, decision, letter)
                .await
                .map(|d| Some(format!("Decision recorded; the letter was mailed ({}).", d.mail.status)))
        }
        "copyedit" => {
            typed_body = Some(form.text("body").to_string());
            let based_on: i32 = form.text("version_id").trim().parse().unwrap_or(-1);
            nmp_collect::essays::copyedit(
                store,
                &staff.account,
                id,
                based_on,
                form.text("title"),
                form.text("abstract"),
                form.text("body"),
            )
            .await
            .map(|v| Some(format!("Saved as version {}.", v.number)))
        }
        "proofs" => nmp_collect::essays::send_to_proofs(store, &mail.mailer, &mail.public_url, &staff.account, id)
            .await
            .map(|(_, m)| Some(format!("Sent to proofs; the author was mailed ({}).", m.status))),
        "due" => nmp_collect::essays::set_due(store, &staff.account, id, form.text("due_on"))
            .await
            .map(|e| Some(format!("The essay is now due on {}.", e.due_on))),
        "revoke" => nmp_collect::essays::revoke_author_link(store, &staff.account, id)
            .await
            .map(|_| Some("The author's link is revoked.".to_string())),
        _ => return Ok(back),
    };
    let file = file_of(&state, id).await?;
    match result {
        Ok(notice) => {
            let extra = Extra {
                errors: Vec::new(),
                notice,
                link,
                body: None,
            };
            page(&state, &staff, &file, &Compare::default(), extra, StatusCode::OK).await
        }
        Err(e) => {
            let extra = Extra {
                errors: problems(e)?,
                notice: Some("Nothing was changed.".into()),
                link: None,
                body: typed_body,
            };
            page(
                &state,
                &staff,
                &file,
                &Compare::default(),
                extra,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
