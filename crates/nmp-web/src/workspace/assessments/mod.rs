//! Outcome assessments in the workspace (`/staff/assessments`): editors open rounds (an edition,
//! a framework version, targets (initiatives, mechanisms, or countries at an assessment date for
//! a qualitative risk assessment), raters, a due date), copy a frozen framework into a new version,
//! watch agreement and disagreement, and reconcile; raters rate their targets blind. The rules are
//! the store's (`nmp_store::outcomes`); these handlers read forms, call one use case and render.
//!
//! - this file: the list of rounds and frameworks, opening a round, copying a framework;
//! - [`round`]: one round: progress, agreement per criterion, disagreements sorted, closing;
//! - [`rate`]: one target: the blind rating form, the ratings side by side, reconciliation.

mod rate;
mod round;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use nmp_core::vocab::AccountRole;
use nmp_store::auth::SignedIn;
use nmp_store::entity::{account, country, edition, initiative, mechanism};
use nmp_store::outcomes::NewRound;
use nmp_store::records::apply::ApplyError;

use super::review::field_problems;
use super::{Deciders, Nav, render};
use crate::auth::{CsrfForm, Form, Staff, WorkspaceError};
use crate::{AppState, WebError};

pub(super) fn routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/staff/assessments", get(list).post(open))
        .route("/staff/frameworks/{id}/copy", post(copy_framework))
        .route("/staff/assessments/{round}", get(round::show))
        .route("/staff/assessments/{round}/state", post(round::set_state))
        .route("/staff/assessments/{round}/remind", post(round::remind))
        .route(
            "/staff/assessments/{round}/targets/{target}",
            get(rate::show).post(rate::submit),
        )
        .route(
            "/staff/assessments/{round}/targets/{target}/criteria/{criterion}",
            post(rate::reconcile),
        )
}

/// Whether `role` runs rounds (opens, reconciles, closes): the editors.
fn runs_rounds(role: AccountRole) -> bool {
    super::decides(role)
}

/// A round in the list.
pub(crate) struct RoundRow {
    pub id: i32,
    pub title: String,
    pub edition: String,
    pub framework: String,
    pub state: String,
    pub due_on: String,
    pub progress: String,
}

/// A framework version in the list.
struct FrameworkRow {
    id: i32,
    label: String,
    criteria: usize,
    frozen: bool,
}

#[derive(Template)]
#[template(path = "staff/assessments.html")]
struct ListPage {
    nav: Nav,
    editor: bool,
    rounds: Vec<RoundRow>,
    frameworks: Vec<FrameworkRow>,
    editions: Vec<(String, String)>,
    initiatives: Vec<(String, String)>,
    mechanisms: Vec<(String, String)>,
    countries: Vec<(String, String)>,
    people: Vec<(String, String)>,
    /// The refusals of the form, as HTML.
    errors: Vec<String>,
    form: Vec<(String, String)>,
}

impl ListPage {
    fn value(&self, name: &str) -> &str {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    fn checked(&self, name: &str, value: &str) -> bool {
        self.form.iter().any(|(k, v)| k == name && v == value)
    }
}

/// The rounds `signed_in` sees, with their progress: every round for editors (ratings and
/// consensus recorded), their own for raters (targets rated).
pub(crate) async fn round_rows(state: &AppState, signed_in: &SignedIn) -> Result<Vec<RoundRow>, WebError> {
    let store = &state.store;
    let me = signed_in.account.account_id;
    let editor = runs_rounds(signed_in.role);
    let rounds = if editor {
        store.rounds(None).await?
    } else {
        store.rounds_of_rater(me).await?
    };
    let mut out = Vec::new();
    for r in rounds {
        let Some(view) = store.round_view(r.assessment_round_id).await? else {
            continue;
        };
        let criteria = view.framework.criteria.len();
        let progress = if editor {
            let submitted = view
                .targets
                .iter()
                .map(|t| {
                    view.raters
                        .iter()
                        .filter(|x| view.submitted(x.row.round_rater_id, t.row.round_target_id))
                        .count()
                })
                .sum::<usize>();
            crate::lang::ta(
                "dk-progress",
                &[
                    ("submitted", &submitted.to_string()),
                    ("submissions", &(view.targets.len() * view.raters.len()).to_string()),
                    ("consensus", &view.consensus.len().to_string()),
                    ("cells", &(view.targets.len() * criteria).to_string()),
                ],
            )
        } else {
            let mine = view.rater_of(me).map(|x| x.row.round_rater_id).unwrap_or_default();
            let done = view
                .targets
                .iter()
                .filter(|t| view.submitted(mine, t.row.round_target_id))
                .count();
            crate::lang::ta(
                "dk-progress-rater",
                &[
                    ("done", &done.to_string()),
                    ("targets", &view.targets.len().to_string()),
                ],
            )
        };
        out.push(RoundRow {
            id: r.assessment_round_id,
            title: r.title.clone(),
            edition: view.edition_slug.clone(),
            framework: format!("{} v{}", view.framework.row.title, view.framework.row.framework_version),
            state: r.state.clone(),
            due_on: r.due_on.clone(),
            progress,
        });
    }
    Ok(out)
}

async fn list_page(
    state: &AppState,
    signed_in: &SignedIn,
    errors: Vec<String>,
    form: Vec<(String, String)>,
) -> Result<ListPage, WebError> {
    let store = &state.store;
    let editor = runs_rounds(signed_in.role);
    let rounds = round_rows(state, signed_in).await?;
    let mut page = ListPage {
        nav: Nav::of(signed_in),
        editor,
        rounds,
        frameworks: Vec::new(),
        editions: Vec::new(),
        initiatives: Vec::new(),
        mechanisms: Vec::new(),
        countries: Vec::new(),
        people: Vec::new(),
        errors,
        form,
    };
    if editor {
        page.frameworks = store
            .frameworks()
            .await?
            .into_iter()
            .map(|f| FrameworkRow {
                id: f.row.framework_id,
                label: format!("{} (version {})", f.row.title, f.row.framework_version),
                criteria: f.criteria.len(),
                frozen: f.frozen,
            })
            .collect();
        page.editions = store
            .all::<edition::Entity>()
            .await?
            .into_iter()
            .map(|e| (e.slug, e.title))
            .collect();
        let mut initiatives: Vec<(String, String)> = store
            .all::<initiative::Entity>()
            .await?
            .into_iter()
            .map(|i| (i.slug, i.title))
            .collect();
        initiatives.sort_by(|a, b| a.1.cmp(&b.1));
        page.initiatives = initiatives;
        let mut mechanisms: Vec<(String, String)> = store
            .all::<mechanism::Entity>()
            .await?
            .into_iter()
            .map(|m| (m.slug, m.name))
            .collect();
        mechanisms.sort_by(|a, b| a.1.cmp(&b.1));
        page.mechanisms = mechanisms;
        let mut countries: Vec<(String, String)> = store
            .all::<country::Entity>()
            .await?
            .into_iter()
            .map(|c| (c.country_iso3, c.name))
            .collect();
        countries.sort_by(|a, b| a.1.cmp(&b.1));
        page.countries = countries;
        page.people = store
            .all::<account::Entity>()
            .await?
            .into_iter()
            .filter(|a| {
                a.active
                    && matches!(
                        a.role.as_str(),
                        "researcher" | "student" | "editor" | "partner" | "admin"
                    )
            })
            .map(|a| (a.account_id.to_string(), format!("{} ({})", a.name, a.role)))
            .collect();
    }
    Ok(page)
}

pub(super) async fn list(State(state): State<AppState>, staff: Staff) -> Result<Response, WorkspaceError> {
    let page = list_page(&state, &staff, Vec::new(), Vec::new()).await?;
    Ok(render(StatusCode::OK, &page))
}

fn all(form: &Form, name: &str) -> Vec<String> {
    form.0
        .iter()
        .filter(|(k, v)| k == name && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string())
        .collect()
}

pub(super) async fn open(
    State(state): State<AppState>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let mut errors = Vec::new();
    let framework_id = match form.text("framework_id").trim().parse::<i32>() {
        Ok(id) => id,
        Err(_) => {
            errors.push(("framework_id".to_string(), crate::lang::t("dk-choose-framework")));
            0
        }
    };
    let mut raters = Vec::new();
    for r in all(&form, "raters") {
        match r.parse::<i32>() {
            Ok(id) => raters.push(id),
            Err(_) => errors.push((
                "raters".into(),
                crate::lang::ta("dk-not-a-choice", &[("given", &format!("{r:?}"))]),
            )),
        }
    }
    let new = NewRound {
        edition: form.text("edition").trim().to_string(),
        framework_id,
        title: form.text("title").to_string(),
        due_on: form.text("due_on").trim().to_string(),
        note: form.get("note").map(str::to_string),
        initiatives: all(&form, "initiatives"),
        mechanisms: all(&form, "mechanisms"),
        countries: all(&form, "countries"),
        assessed_on: form.get("assessed_on").map(str::to_string),
        raters,
    };
    let result = if errors.is_empty() {
        let mut w = state.store.writer(&staff.account.email).await?;
        match w.open_round(&new, Some(staff.account.account_id)).await {
            Ok(id) => w.commit().await.map(|_| id).map_err(ApplyError::from),
            Err(e) => Err(e),
        }
    } else {
        Err(ApplyError::Fields(Vec::new()))
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/staff/assessments/{id}")).into_response()),
        Err(ApplyError::Fields(problems)) => {
            let theirs: Vec<(String, String)> = problems.into_iter().map(|p| (p.field, p.message)).collect();
            let page = list_page(&state, &staff, field_problems(&errors, &theirs), form.0).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn copy_framework(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    _: CsrfForm,
) -> Result<Response, WorkspaceError> {
    let mut w = state.store.writer(&staff.account.email).await?;
    let copy = w.copy_framework(id).await?;
    w.commit().await?;
    Ok(Redirect::to(&format!("/staff/records/framework/{copy}")).into_response())
}
