//! The record form: a new record's and an existing record's, filled from the record or from what
//! was submitted, with every problem beside its field and the citations the record has.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use nmp_core::vocab::ChangeAction;
use nmp_store::auth::SignedIn;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::{EditMode, edit_mode};
use nmp_store::records::{Change, Fields, Record, check_table};

use super::{PageQuery, title};
use crate::auth::{Form, Staff, WorkspaceError};
use crate::workspace::forms::{self, CitationView, FieldView};
use crate::workspace::{Nav, Problem, Proposers, render};
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "staff/edit.html")]
pub(super) struct EditPage {
    nav: Nav,
    table: String,
    title: String,
    heading: String,
    /// The heading as HTML, the record's name marked as English on a French or Spanish page.
    heading_html: String,
    action: String,
    key: Option<i32>,
    version: Option<i32>,
    fields: Vec<FieldView>,
    citation: CitationView,
    errors: Vec<Problem>,
    propose: bool,
    notice: Option<String>,
    message: String,
    cited: Vec<(String, String, String)>,
}

/// What the form shows: the values, the problems beside them, the submitted form (for the
/// citation part and the message) and a notice on top.
pub(super) struct FormState<'a> {
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
    pub form: Option<&'a Form>,
    pub notice: Option<String>,
}

/// The form page for `record` of `table` (a new one when `None`).
pub(super) async fn edit_page(
    state: &AppState,
    signed_in: &SignedIn,
    table: &str,
    record: Option<&Record>,
    fs: FormState<'_>,
) -> Result<EditPage, WebError> {
    let store = &state.store;
    let fields = forms::field_views(store, table, &fs.values, &fs.errors, "", fs.form).await?;
    let citation = forms::citation_view(store, table, fs.form, &fs.errors).await?;
    let cited = match record {
        Some(r) => store
            .citations_for(table, &r.key.to_string())
            .await?
            .into_iter()
            .map(|(c, s)| {
                (
                    s.title,
                    c.field
                        .map(|f| field_label(table, &f))
                        .unwrap_or_else(|| crate::lang::t("st-whole-record")),
                    c.locator.unwrap_or_default(),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    let errors = fs
        .errors
        .iter()
        .map(|(k, v)| {
            if forms::english_error(k) {
                Problem::store(k, v)
            } else {
                Problem::said(k, v.clone())
            }
        })
        .collect();
    let (heading, heading_html) = match record {
        Some(r) => {
            let name = store.namer().record(r).await?;
            (
                crate::lang::ta("st-record-name", &[("table", &title(table)), ("name", &name)]),
                crate::workspace::audit_record_html(&title(table), &name),
            )
        }
        None => {
            let text = crate::lang::ta("st-edit-new", &[("table", &title(table).to_lowercase())]);
            (text.clone(), crate::workspace::escape(&text))
        }
    };
    Ok(EditPage {
        nav: Nav::of(signed_in),
        title: title(table),
        heading,
        heading_html,
        action: match record {
            Some(r) => format!("/staff/records/{table}/{}", r.key),
            None => format!("/staff/records/{table}"),
        },
        table: table.to_string(),
        key: record.map(|r| r.key),
        version: record.map(|r| r.version),
        fields,
        citation,
        errors,
        propose: edit_mode(signed_in.role) == Some(EditMode::Propose),
        notice: fs.notice,
        message: fs.form.map(|f| f.text("message").to_string()).unwrap_or_default(),
        cited,
    })
}

/// A field's label ("Lead organization"), or its name when the table has no such field.
fn field_label(table: &str, field: &str) -> String {
    nmp_store::records::schema::fields(table)
        .ok()
        .and_then(|specs| specs.iter().find(|s| s.name == field))
        .map_or_else(|| field.to_string(), forms::label)
}

/// The form page with `status`.
pub(super) async fn form_page(
    state: &AppState,
    signed_in: &SignedIn,
    table: &str,
    record: Option<&Record>,
    fs: FormState<'_>,
    status: StatusCode,
) -> Result<Response, WorkspaceError> {
    Ok(render(status, &edit_page(state, signed_in, table, record, fs).await?))
}

/// A 404 unless the workspace edits `table`.
pub(super) fn editable(table: &str) -> Result<(), WorkspaceError> {
    check_table(table).map_err(|_| WorkspaceError::not_found(format!("{table:?} is not a table the workspace edits")))
}

pub(in crate::workspace) async fn new_form(
    State(state): State<AppState>,
    Path(table): Path<String>,
    staff: Staff<Proposers>,
) -> Result<Response, WorkspaceError> {
    editable(&table)?;
    let fs = FormState {
        values: BTreeMap::new(),
        errors: BTreeMap::new(),
        form: None,
        notice: None,
    };
    form_page(&state, &staff, &table, None, fs, StatusCode::OK).await
}

pub(in crate::workspace) async fn edit_form(
    State(state): State<AppState>,
    Path((table, id)): Path<(String, i32)>,
    Query(q): Query<PageQuery>,
    staff: Staff<Proposers>,
) -> Result<Response, WorkspaceError> {
    let record = load(&state, &table, id).await?;
    let probe = Change {
        table: table.clone(),
        action: ChangeAction::Update,
        key: Some(id),
        base_version: Some(record.version),
        fields: Fields::new(),
    };
    in_scope(&state, &staff, &probe).await?;
    let fs = FormState {
        values: forms::texts(&record.fields),
        errors: BTreeMap::new(),
        form: None,
        notice: q.saved.map(|_| crate::lang::t("st-saved")),
    };
    form_page(&state, &staff, &table, Some(&record), fs, StatusCode::OK).await
}

/// Record `id` of `table`, or a 404.
pub(super) async fn load(state: &AppState, table: &str, id: i32) -> Result<Record, WorkspaceError> {
    editable(table)?;
    state
        .store
        .record(table, id)
        .await?
        .ok_or_else(|| WorkspaceError::not_found(format!("{table} {id} does not exist")))
}

/// Whether the signed-in person may make `change`: a refusal by scope is a 403 page that says
/// why; other failures as usual.
pub(super) async fn in_scope(state: &AppState, signed_in: &SignedIn, change: &Change) -> Result<(), WorkspaceError> {
    match state.store.scope(&signed_in.account, signed_in.role, change).await {
        Ok(()) => Ok(()),
        Err(ApplyError::Fields(errors)) => Err(WorkspaceError::forbidden_en(
            &errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
            Some(("/staff", &crate::lang::t("auth-your-workspace"))),
        )),
        Err(other) => Err(other.into()),
    }
}
