//! Saving the record form: creating, changing and deleting a record (directly for editors, as a
//! proposal for others), with the form shown again beside its problems, and the 409 page when
//! someone else saved first. A picker's **Find** button sends the form here too: it is shown
//! again with the matches, nothing saved.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::ChangeAction;
use nmp_store::StoreError;
use nmp_store::auth::SignedIn;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::{EditMode, edit_mode};
use nmp_store::records::{Change, CitationInput, Fields, Record, schema};

use super::edit::{FormState, editable, form_page, in_scope, load};
use crate::AppState;
use crate::auth::{CsrfForm, Form, Staff, WorkspaceError};
use crate::workspace::{Nav, Proposers, forms, render};

/// The form's fields and citation, parsed: the fields (empty when some did not parse), the
/// citation, and every problem by field.
struct Parsed {
    values: BTreeMap<String, String>,
    fields: Fields,
    citation: Option<CitationInput>,
    errors: BTreeMap<String, String>,
}

fn parse(form: &Form, table: &str) -> Result<Parsed, WorkspaceError> {
    let values = forms::submitted(form, table, "")?;
    let (fields, mut errors) = match schema::parse(table, &values)? {
        Ok(fields) => (fields, BTreeMap::new()),
        Err(problems) => (Fields::new(), forms::error_map(&problems)),
    };
    let citation = match forms::parse_citation(form) {
        Ok(c) => c,
        Err(more) => {
            errors.extend(more);
            None
        }
    };
    Ok(Parsed {
        values,
        fields,
        citation,
        errors,
    })
}

/// The form again after a picker's **Find** (a search, not a save: what works without
/// JavaScript), with everything typed kept and the matches offered; `None` for a save.
async fn searched(
    state: &AppState,
    signed_in: &SignedIn,
    table: &str,
    record: Option<&Record>,
    form: &Form,
) -> Result<Option<Response>, WorkspaceError> {
    if form.get("find").is_none() {
        return Ok(None);
    }
    let fs = FormState {
        values: forms::submitted(form, table, "")?,
        errors: BTreeMap::new(),
        form: Some(form),
        notice: Some(crate::lang::t("st-edit-found-notice")),
    };
    Ok(Some(
        form_page(state, signed_in, table, record, fs, StatusCode::OK).await?,
    ))
}

pub(in crate::workspace) async fn create(
    State(state): State<AppState>,
    Path(table): Path<String>,
    staff: Staff<Proposers>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    editable(&table)?;
    if let Some(page) = searched(&state, &staff, &table, None, &form).await? {
        return Ok(page);
    }
    let Parsed {
        values,
        fields,
        citation,
        errors,
    } = parse(&form, &table)?;
    let again = |errors: BTreeMap<String, String>| {
        let fs = FormState {
            values: values.clone(),
            errors,
            form: Some(&form),
            notice: None,
        };
        form_page(&state, &staff, &table, None, fs, StatusCode::UNPROCESSABLE_ENTITY)
    };
    if !errors.is_empty() {
        return again(errors).await;
    }
    let change = Change {
        table: table.clone(),
        action: ChangeAction::Create,
        key: None,
        base_version: None,
        fields,
    };
    in_scope(&state, &staff, &change).await?;
    match write(&state, &staff, &change, citation.as_ref(), &form).await {
        Ok(Written::Record(Some(r))) => Ok(see(&format!("/staff/records/{table}/{}?saved=1", r.key))),
        Ok(Written::Record(None)) => Ok(see(&format!("/staff/records/{table}"))),
        Ok(Written::Proposal(id)) => Ok(see(&format!("/staff/proposals/{id}"))),
        Err(ApplyError::Fields(problems)) => again(forms::error_map(&problems)).await,
        Err(e) => Err(e.into()),
    }
}

fn see(to: &str) -> Response {
    Redirect::to(to).into_response()
}

enum Written {
    Record(Option<Record>),
    Proposal(i32),
}

async fn write(
    state: &AppState,
    signed_in: &SignedIn,
    change: &Change,
    citation: Option<&CitationInput>,
    form: &Form,
) -> Result<Written, ApplyError> {
    match edit_mode(signed_in.role) {
        Some(EditMode::Direct) => Ok(Written::Record(
            state
                .store
                .apply_direct(&signed_in.account.email, change, citation)
                .await?,
        )),
        Some(EditMode::Propose) => {
            let message = form.get("message");
            let p = state
                .store
                .propose(&signed_in.account, change, citation, message)
                .await?;
            Ok(Written::Proposal(p.proposal_id))
        }
        None => Err(ApplyError::Store(StoreError::Invalid(nmp_core::ValidationError::new(
            "role",
            "this role does not change records",
        )))),
    }
}

#[derive(Template)]
#[template(path = "staff/conflict.html")]
pub(crate) struct ConflictPage {
    pub nav: Nav,
    /// The heading as HTML, the record's name marked as English on a French or Spanish page.
    pub heading_html: String,
    pub explanation: String,
    pub rows: Vec<(String, String, String)>,
    pub current_version: i32,
    pub link: String,
}

/// The 409 page: the person's values beside the record as it now is.
pub(crate) fn conflict_page(signed_in: &SignedIn, table: &str, yours: &Fields, current: &Record) -> Response {
    let mut rows = Vec::new();
    if let Ok(specs) = schema::fields(table) {
        for spec in specs {
            let mine = forms::shown(yours.get(&spec.name));
            let now = forms::shown(current.fields.get(&spec.name));
            if yours.contains_key(&spec.name) && mine != now {
                rows.push((forms::label(spec), mine, now));
            }
        }
    }
    let view = ConflictPage {
        nav: Nav::of(signed_in),
        heading_html: crate::workspace::say_html(
            "st-conflict-heading",
            &[],
            &[("record", &crate::workspace::english(&current.label()))],
        )
        .0,
        explanation: crate::lang::ta(
            "st-conflict-explanation",
            &[("who", &current.updated_by), ("version", &current.version.to_string())],
        ),
        rows,
        current_version: current.version,
        link: format!("/staff/records/{table}/{}", current.key),
    };
    render(StatusCode::CONFLICT, &view)
}

/// The answer to a failed write of `change` to record `id`: someone else's newer version is the
/// 409 page beside `yours`, anything else an error.
async fn failed(
    state: &AppState,
    signed_in: &SignedIn,
    (table, id): (&str, i32),
    yours: &Fields,
    e: ApplyError,
) -> Result<Response, WorkspaceError> {
    match e {
        ApplyError::Store(StoreError::Conflict { .. }) => {
            let current = load(state, table, id).await?;
            Ok(conflict_page(signed_in, table, yours, &current))
        }
        other => Err(other.into()),
    }
}

pub(in crate::workspace) async fn save(
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i32)>,
    staff: Staff<Proposers>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let record = load(&state, &table, id).await?;
    if let Some(page) = searched(&state, &staff, &table, Some(&record), &form).await? {
        return Ok(page);
    }
    let Parsed {
        values,
        fields,
        citation,
        mut errors,
    } = parse(&form, &table)?;
    let version = form.text("version").trim().parse::<i32>().ok();
    if version.is_none() {
        errors.insert("version".into(), crate::lang::t("st-edit-no-version"));
    }
    let again = |errors: BTreeMap<String, String>, status: StatusCode, notice: Option<String>| {
        let fs = FormState {
            values: values.clone(),
            errors,
            form: Some(&form),
            notice,
        };
        form_page(&state, &staff, &table, Some(&record), fs, status)
    };
    if !errors.is_empty() {
        return again(errors, StatusCode::UNPROCESSABLE_ENTITY, None).await;
    }
    let changed: Fields = fields
        .into_iter()
        .filter(|(k, v)| record.fields.get(k) != Some(v))
        .collect();
    if changed.is_empty() && citation.is_none() {
        let notice = Some(crate::lang::t("st-edit-nothing-changed"));
        return again(BTreeMap::new(), StatusCode::OK, notice).await;
    }
    let change = Change {
        table: table.clone(),
        action: ChangeAction::Update,
        key: Some(id),
        base_version: version,
        fields: changed,
    };
    in_scope(&state, &staff, &change).await?;
    match write(&state, &staff, &change, citation.as_ref(), &form).await {
        Ok(Written::Record(_)) => Ok(see(&format!("/staff/records/{table}/{id}?saved=1"))),
        Ok(Written::Proposal(p)) => Ok(see(&format!("/staff/proposals/{p}"))),
        Err(ApplyError::Fields(problems)) => {
            again(forms::error_map(&problems), StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(e) => failed(&state, &staff, (&table, id), &change.fields, e).await,
    }
}

pub(in crate::workspace) async fn delete(
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i32)>,
    staff: Staff<Proposers>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let record = load(&state, &table, id).await?;
    let Ok(version) = form.text("version").trim().parse::<i32>() else {
        return Err(WorkspaceError::message(
            StatusCode::UNPROCESSABLE_ENTITY,
            &crate::lang::t("st-not-deleted"),
            &crate::lang::ta(
                "st-problem",
                &[
                    ("field", &crate::workspace::field_name("version")),
                    ("text", &crate::lang::t("st-delete-no-version")),
                ],
            ),
            None,
        ));
    };
    let change = Change {
        table: table.clone(),
        action: ChangeAction::Delete,
        key: Some(id),
        base_version: Some(version),
        fields: Fields::new(),
    };
    in_scope(&state, &staff, &change).await?;
    match write(&state, &staff, &change, None, &form).await {
        Ok(Written::Record(_)) => Ok(see(&format!("/staff/records/{table}"))),
        Ok(Written::Proposal(p)) => Ok(see(&format!("/staff/proposals/{p}"))),
        Err(e) => failed(&state, &staff, (&table, id), &record.fields, e).await,
    }
}
