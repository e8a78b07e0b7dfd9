//! Assignments: editors give a country or a profile of an edition to a researcher or student with
//! a due date; everyone sees their own ("my assignments") and the overdue ones are marked and can
//! be listed alone.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_store::Store;
use nmp_store::auth::SignedIn;
use nmp_store::entity::{account, country, edition, mechanism, profile};
use nmp_store::records::apply::ApplyError;
use nmp_store::records::schema;

use super::review::{Html, field_problems, said};
use super::{Deciders, Nav, render};
use crate::auth::{CsrfForm, Form, Staff, WorkspaceError};
use crate::{AppState, WebError};

/// An assignment in a list.
pub(crate) struct AssignmentRow {
    pub id: i32,
    pub version: i32,
    pub edition: String,
    pub what: String,
    /// What is assigned: `country`, `profile`, or empty.
    pub what_kind: &'static str,
    /// The name of the country or of the profile's mechanism, as recorded.
    pub what_name: String,
    pub assignee: String,
    pub due_on: String,
    pub state: String,
    pub overdue: bool,
    pub note: Option<String>,
    /// Where the assigned work is done: the country's mechanisms, or the profile's record.
    pub href: Option<String>,
}

/// Rows for `assignee`'s assignments (everyone's if `None`).
pub(crate) async fn rows(
    store: &Store,
    assignee: Option<i32>,
    only_overdue: bool,
) -> Result<Vec<AssignmentRow>, WebError> {
    let views = store.assignments(assignee, only_overdue).await?;
    let editions: HashMap<i32, String> = store
        .all::<edition::Entity>()
        .await?
        .into_iter()
        .map(|e| (e.edition_id, e.title))
        .collect();
    let people: HashMap<i32, String> = store
        .all::<account::Entity>()
        .await?
        .into_iter()
        .map(|a| (a.account_id, a.name))
        .collect();
    let mut out = Vec::new();
    for v in views {
        let a = v.assignment;
        let href = match (&a.country_iso3, a.profile_id) {
            (Some(iso3), _) => Some(format!("/staff/records/mechanism?country={}", iso3.to_lowercase())),
            (None, Some(pid)) => Some(format!("/staff/records/profile/{pid}")),
            _ => None,
        };
        let (what_kind, what_name) = match (&a.country_iso3, a.profile_id) {
            (Some(iso3), _) => {
                let name = store.get::<country::Entity>(iso3.clone()).await?.map(|c| c.name);
                ("country", name.unwrap_or_else(|| iso3.clone()))
            }
            (None, Some(pid)) => {
                let m = match store.get::<profile::Entity>(pid).await? {
                    Some(p) => store.get::<mechanism::Entity>(p.mechanism_id).await?.map(|m| m.name),
                    None => None,
                };
                ("profile", m.unwrap_or_else(|| format!("#{pid}")))
            }
            _ => ("", String::new()),
        };
        let what = match what_kind {
            "" => String::new(),
            kind => crate::lang::ta(&format!("dk-assigned-{kind}"), &[("name", &what_name)]),
        };
        out.push(AssignmentRow {
            id: a.assignment_id,
            version: a.version,
            edition: editions.get(&a.edition_id).cloned().unwrap_or_default(),
            what,
            what_kind,
            what_name,
            assignee: people.get(&a.assignee_account_id).cloned().unwrap_or_default(),
            due_on: a.due_on.clone(),
            state: a.state.clone(),
            overdue: v.overdue,
            note: a.note.clone(),
            href,
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "staff/assignments.html")]
struct AssignmentsPage {
    nav: Nav,
    rows: Vec<AssignmentRow>,
    overdue_only: bool,
    can_assign: bool,
    editions: Vec<(String, String)>,
    people: Vec<(String, String)>,
    countries: Vec<(String, String)>,
    profiles: Vec<(String, String)>,
    /// The refusals of the form, as HTML.
    errors: Vec<String>,
    form: Vec<(String, String)>,
}

impl AssignmentsPage {
    /// What is assigned, the name as recorded (marked as English on a French or Spanish page).
    fn what(&self, a: &AssignmentRow) -> Html {
        let text = match a.what_kind {
            "" => String::new(),
            kind => said(
                &format!("dk-assigned-{kind}"),
                &[],
                &[("name", &super::review::english(&a.what_name))],
            ),
        };
        askama::filters::HtmlSafeOutput(text)
    }

    fn value(&self, name: &str) -> &str {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
}

#[derive(serde::Deserialize)]
pub(super) struct ListQuery {
    overdue: Option<String>,
}

async fn page(
    state: &AppState,
    signed_in: &SignedIn,
    overdue_only: bool,
    errors: Vec<String>,
    form: Vec<(String, String)>,
) -> Result<AssignmentsPage, WebError> {
    let can_assign = super::decides(signed_in.role);
    let who = if can_assign {
        None
    } else {
        Some(signed_in.account.account_id)
    };
    let rows = rows(&state.store, who, overdue_only).await?;
    let (editions, people, countries, profiles) = if can_assign {
        let people = state
            .store
            .all::<account::Entity>()
            .await?
            .into_iter()
            .filter(|a| a.active && matches!(a.role.as_str(), "researcher" | "student" | "editor" | "partner"))
            .map(|a| (a.account_id.to_string(), format!("{} ({})", a.name, a.role)))
            .collect();
        (
            schema::choices(&state.store, "edition").await?,
            people,
            schema::choices(&state.store, "country").await?,
            schema::choices(&state.store, "profile").await?,
        )
    } else {
        Default::default()
    };
    Ok(AssignmentsPage {
        nav: Nav::of(signed_in),
        rows,
        overdue_only,
        can_assign,
        editions,
        people,
        countries,
        profiles,
        errors,
        form,
    })
}

pub(super) async fn list(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    let view = page(&state, &staff, q.overdue.is_some(), Vec::new(), Vec::new()).await?;
    Ok(render(StatusCode::OK, &view))
}

/// A whole number from the form, `None` when empty; a problem when not a number.
fn int(form: &Form, name: &str, errors: &mut Vec<(String, String)>) -> Option<i32> {
    let text = form.text(name).trim();
    if text.is_empty() {
        return None;
    }
    match text.parse() {
        Ok(v) => Some(v),
        Err(_) => {
            errors.push((
                name.to_string(),
                crate::lang::ta("dk-not-a-choice", &[("given", &format!("{text:?}"))]),
            ));
            None
        }
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let mut errors = Vec::new();
    let edition = int(&form, "edition_id", &mut errors);
    let assignee = int(&form, "assignee_account_id", &mut errors);
    let profile = int(&form, "profile_id", &mut errors);
    if edition.is_none() {
        errors.push(("edition_id".into(), crate::lang::t("dk-choose-edition")));
    }
    if assignee.is_none() {
        errors.push(("assignee_account_id".into(), crate::lang::t("dk-choose-person")));
    }
    let country = Some(form.text("country_iso3").trim()).filter(|c| !c.is_empty());
    let result = match (edition, assignee, errors.is_empty()) {
        (Some(e), Some(a), true) => state
            .store
            .assign(
                &staff.account,
                e,
                a,
                country,
                profile,
                form.text("due_on"),
                form.get("note"),
            )
            .await
            .map(|_| ()),
        _ => Err(ApplyError::Fields(Vec::new())),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/staff/assignments").into_response()),
        Err(ApplyError::Fields(problems)) => {
            let theirs: Vec<(String, String)> = problems.into_iter().map(|p| (p.field, p.message)).collect();
            let view = page(&state, &staff, false, field_problems(&errors, &theirs), form.0).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn done(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let version = form.text("version").trim().parse::<i32>().unwrap_or_default();
    match state
        .store
        .complete_assignment(&staff.account, staff.role, id, version)
        .await
    {
        Ok(_) => Ok(Redirect::to("/staff/assignments").into_response()),
        Err(ApplyError::Fields(errors)) => Err(WorkspaceError::forbidden_en(
            &errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
            Some(("/staff/assignments", &crate::lang::t("dk-assignments"))),
        )),
        Err(e) => Err(e.into()),
    }
}
