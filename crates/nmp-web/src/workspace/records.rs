//! Editing records: the index of editable tables, a table's list, the new-record and edit forms,
//! saving (directly for editors, as a proposal for others), deleting, and the 409 conflict page.

use std::collections::BTreeMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::ChangeAction;
use nmp_store::StoreError;
use nmp_store::auth::SignedIn;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::{EditMode, edit_mode};
use nmp_store::records::{Change, EDITABLE_TABLES, Fields, Record, check_table, schema};

use super::forms::{self, CitationView, FieldView};
use super::{EDITORS_AND_PROPOSERS, Nav, render, staff};
use crate::auth::{CurrentUser, Form, csrf_ok, csrf_refused, message};
use crate::{AppState, WebError};

/// Rows per page of a table's list.
const PAGE: u64 = 100;

#[derive(Template)]
#[template(path = "staff/records.html")]
struct IndexPage {
    nav: Nav,
    tables: Vec<(String, String, u64)>,
}

pub(super) async fn index(State(state): State<AppState>, user: CurrentUser) -> Response {
    let signed_in = match staff(&user, &[]) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let mut tables = Vec::new();
    for table in EDITABLE_TABLES {
        match state.store.record_count(table).await {
            Ok(n) => tables.push((table.to_string(), title(table), n)),
            Err(e) => return WebError::Store(e).into_response(),
        }
    }
    render(
        StatusCode::OK,
        &IndexPage {
            nav: Nav::of(signed_in),
            tables,
        },
    )
}

/// `mechanism_status` → "Mechanism status".
pub(crate) fn title(table: &str) -> String {
    let words = table.replace('_', " ");
    let mut c = words.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "staff/list.html")]
struct ListPage {
    nav: Nav,
    table: String,
    title: String,
    rows: Vec<(i32, String, i32, String)>,
    page: u64,
    pages: u64,
}

#[derive(serde::Deserialize)]
pub(super) struct PageQuery {
    page: Option<u64>,
    saved: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(table): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    let signed_in = match staff(&user, &[]) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    if check_table(&table).is_err() {
        return WebError::NotFound(format!("{table:?} is not a table the workspace edits")).into_response();
    }
    let result: Result<ListPage, WebError> = async {
        let total = state.store.record_count(&table).await?;
        let pages = total.div_ceil(PAGE).max(1);
        let page = q.page.unwrap_or(1).clamp(1, pages);
        let rows = state
            .store
            .records(&table, (page - 1) * PAGE, PAGE)
            .await?
            .into_iter()
            .map(|r| (r.key, r.label(), r.version, r.updated_by.clone()))
            .collect();
        Ok(ListPage {
            nav: Nav::of(signed_in),
            title: title(&table),
            table: table.clone(),
            rows,
            page,
            pages,
        })
    }
    .await;
    match result {
        Ok(view) => render(StatusCode::OK, &view),
        Err(e) => e.into_response(),
    }
}

#[derive(Template)]
#[template(path = "staff/edit.html")]
pub(super) struct EditPage {
    nav: Nav,
    table: String,
    title: String,
    heading: String,
    action: String,
    key: Option<i32>,
    version: Option<i32>,
    fields: Vec<FieldView>,
    citation: CitationView,
    errors: Vec<(String, String)>,
    propose: bool,
    notice: Option<String>,
    message: String,
    cited: Vec<(String, String, String)>,
}

struct FormState<'a> {
    values: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
    form: Option<&'a Form>,
    notice: Option<String>,
}

async fn edit_page(
    state: &AppState,
    signed_in: &SignedIn,
    table: &str,
    record: Option<&Record>,
    fs: FormState<'_>,
) -> Result<EditPage, WebError> {
    let store = &state.store;
    let fields = forms::field_views(store, table, &fs.values, &fs.errors, "").await?;
    let citation = forms::citation_view(store, table, fs.form, &fs.errors).await?;
    let cited = match record {
        Some(r) => store
            .citations_for(table, &r.key.to_string())
            .await?
            .into_iter()
            .map(|(c, s)| {
                (
                    s.title,
                    c.field.unwrap_or_else(|| "whole record".into()),
                    c.locator.unwrap_or_default(),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    let errors = fs.errors.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    Ok(EditPage {
        nav: Nav::of(signed_in),
        title: title(table),
        heading: match record {
            Some(r) => format!("{}: {}", title(table), r.label()),
            None => format!("New {}", title(table).to_lowercase()),
        },
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

fn respond(status: StatusCode, page: Result<EditPage, WebError>) -> Response {
    match page {
        Ok(view) => render(status, &view),
        Err(e) => e.into_response(),
    }
}

pub(super) async fn new_form(State(state): State<AppState>, user: CurrentUser, Path(table): Path<String>) -> Response {
    let signed_in = match staff(&user, EDITORS_AND_PROPOSERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    if check_table(&table).is_err() {
        return WebError::NotFound(format!("{table:?} is not a table the workspace edits")).into_response();
    }
    let fs = FormState {
        values: BTreeMap::new(),
        errors: BTreeMap::new(),
        form: None,
        notice: None,
    };
    respond(StatusCode::OK, edit_page(&state, signed_in, &table, None, fs).await)
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((table, id)): Path<(String, i32)>,
    Query(q): Query<PageQuery>,
) -> Response {
    let signed_in = match staff(&user, EDITORS_AND_PROPOSERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let record = match load(&state, &table, id).await {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let probe = Change {
        table: table.clone(),
        action: ChangeAction::Update,
        key: Some(id),
        base_version: Some(record.version),
        fields: Fields::new(),
    };
    if let Err(e) = state.store.scope(&signed_in.account, signed_in.role, &probe).await {
        return refusal(e);
    }
    let notice = q.saved.map(|_| "Saved.".to_string());
    let fs = FormState {
        values: forms::texts(&record.fields),
        errors: BTreeMap::new(),
        form: None,
        notice,
    };
    respond(
        StatusCode::OK,
        edit_page(&state, signed_in, &table, Some(&record), fs).await,
    )
}

async fn load(state: &AppState, table: &str, id: i32) -> Result<Record, WebError> {
    check_table(table).map_err(|_| WebError::NotFound(format!("{table:?} is not a table the workspace edits")))?;
    state
        .store
        .record(table, id)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("{table} {id} does not exist")))
}

/// A scope refusal as a 403 page that says why; other failures as usual.
fn refusal(e: ApplyError) -> Response {
    match e {
        ApplyError::Fields(errors) => message(
            StatusCode::FORBIDDEN,
            "Not allowed",
            &errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
            Some(("/staff", "Your workspace")),
        ),
        other => super::store_failure(other),
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(table): Path<String>,
    body: Bytes,
) -> Response {
    let signed_in = match staff(&user, EDITORS_AND_PROPOSERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    if check_table(&table).is_err() {
        return WebError::NotFound(format!("{table:?} is not a table the workspace edits")).into_response();
    }
    let values = match forms::submitted(&form, &table, "") {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let parsed = schema::parse(&table, &values);
    let (fields, mut errors) = match parsed {
        Ok(Ok(fields)) => (fields, BTreeMap::new()),
        Ok(Err(problems)) => (Fields::new(), forms::error_map(&problems)),
        Err(e) => return WebError::Store(e).into_response(),
    };
    let citation = match forms::parse_citation(&form) {
        Ok(c) => c,
        Err(more) => {
            errors.extend(more);
            None
        }
    };
    let again = |errors: BTreeMap<String, String>, status: StatusCode| {
        let fs = FormState {
            values: values.clone(),
            errors,
            form: Some(&form),
            notice: None,
        };
        let state = state.clone();
        let table = table.clone();
        async move { respond(status, edit_page(&state, signed_in, &table, None, fs).await) }
    };
    if !errors.is_empty() {
        return again(errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let change = Change {
        table: table.clone(),
        action: ChangeAction::Create,
        key: None,
        base_version: None,
        fields,
    };
    if let Err(e) = state.store.scope(&signed_in.account, signed_in.role, &change).await {
        return refusal(e);
    }
    let outcome = write(&state, signed_in, &change, citation.as_ref(), &form).await;
    match outcome {
        Ok(Written::Record(Some(r))) => {
            Redirect::to(&format!("/staff/records/{table}/{}?saved=1", r.key)).into_response()
        }
        Ok(Written::Record(None)) => Redirect::to(&format!("/staff/records/{table}")).into_response(),
        Ok(Written::Proposal(id)) => Redirect::to(&format!("/staff/proposals/{id}")).into_response(),
        Err(ApplyError::Fields(problems)) => again(forms::error_map(&problems), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => super::store_failure(e),
    }
}

enum Written {
    Record(Option<Record>),
    Proposal(i32),
}

async fn write(
    state: &AppState,
    signed_in: &SignedIn,
    change: &Change,
    citation: Option<&nmp_store::records::CitationInput>,
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
    pub heading: String,
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
                rows.push((spec.label(), mine, now));
            }
        }
    }
    let view = ConflictPage {
        nav: Nav::of(signed_in),
        heading: format!("{} was changed by someone else", current.label()),
        explanation: format!(
            "While you were editing, {} saved a newer version (now version {}). Nothing of yours was saved and nothing was overwritten. Compare, then edit the current version.",
            current.updated_by, current.version
        ),
        rows,
        current_version: current.version,
        link: format!("/staff/records/{table}/{}", current.key),
    };
    render(StatusCode::CONFLICT, &view)
}

pub(super) async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path((table, id)): Path<(String, i32)>,
    body: Bytes,
) -> Response {
    let signed_in = match staff(&user, EDITORS_AND_PROPOSERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let record = match load(&state, &table, id).await {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let values = match forms::submitted(&form, &table, "") {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let (fields, mut errors) = match schema::parse(&table, &values) {
        Ok(Ok(fields)) => (fields, BTreeMap::new()),
        Ok(Err(problems)) => (Fields::new(), forms::error_map(&problems)),
        Err(e) => return WebError::Store(e).into_response(),
    };
    let version = form.text("version").trim().parse::<i32>().ok();
    if version.is_none() {
        errors.insert(
            "version".into(),
            "the form did not say which version you edited; reload it".into(),
        );
    }
    let citation = match forms::parse_citation(&form) {
        Ok(c) => c,
        Err(more) => {
            errors.extend(more);
            None
        }
    };
    let again = |errors: BTreeMap<String, String>, status: StatusCode, notice: Option<String>| {
        let fs = FormState {
            values: values.clone(),
            errors,
            form: Some(&form),
            notice,
        };
        let state = state.clone();
        let table = table.clone();
        let record = record.clone();
        async move { respond(status, edit_page(&state, signed_in, &table, Some(&record), fs).await) }
    };
    if !errors.is_empty() {
        return again(errors, StatusCode::UNPROCESSABLE_ENTITY, None).await;
    }
    let changed: Fields = fields
        .into_iter()
        .filter(|(k, v)| record.fields.get(k) != Some(v))
        .collect();
    if changed.is_empty() && citation.is_none() {
        return again(
            BTreeMap::new(),
            StatusCode::OK,
            Some("Nothing changed, so nothing was saved.".into()),
        )
        .await;
    }
    let change = Change {
        table: table.clone(),
        action: ChangeAction::Update,
        key: Some(id),
        base_version: version,
        fields: changed,
    };
    if let Err(e) = state.store.scope(&signed_in.account, signed_in.role, &change).await {
        return refusal(e);
    }
    match write(&state, signed_in, &change, citation.as_ref(), &form).await {
        Ok(Written::Record(_)) => Redirect::to(&format!("/staff/records/{table}/{id}?saved=1")).into_response(),
        Ok(Written::Proposal(p)) => Redirect::to(&format!("/staff/proposals/{p}")).into_response(),
        Err(ApplyError::Fields(problems)) => {
            again(forms::error_map(&problems), StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(ApplyError::Store(StoreError::Conflict { .. })) => match load(&state, &table, id).await {
            Ok(current) => conflict_page(signed_in, &table, &change.fields, &current),
            Err(e) => e.into_response(),
        },
        Err(e) => super::store_failure(e),
    }
}

pub(super) async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path((table, id)): Path<(String, i32)>,
    body: Bytes,
) -> Response {
    let signed_in = match staff(&user, EDITORS_AND_PROPOSERS) {
        Ok(s) => s,
        Err(r) => return r.into_response(),
    };
    let form = Form::parse(&body);
    if !csrf_ok(&headers, &user, form.get("csrf")) {
        return csrf_refused();
    }
    let record = match load(&state, &table, id).await {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let Ok(version) = form.text("version").trim().parse::<i32>() else {
        return message(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Not deleted",
            "version: the form did not say which version you meant to delete; reload the page.",
            None,
        );
    };
    let change = Change {
        table: table.clone(),
        action: ChangeAction::Delete,
        key: Some(id),
        base_version: Some(version),
        fields: Fields::new(),
    };
    if let Err(e) = state.store.scope(&signed_in.account, signed_in.role, &change).await {
        return refusal(e);
    }
    match write(&state, signed_in, &change, None, &form).await {
        Ok(Written::Record(_)) => Redirect::to(&format!("/staff/records/{table}")).into_response(),
        Ok(Written::Proposal(p)) => Redirect::to(&format!("/staff/proposals/{p}")).into_response(),
        Err(ApplyError::Store(StoreError::Conflict { .. })) => match load(&state, &table, id).await {
            Ok(current) => conflict_page(signed_in, &table, &record.fields, &current),
            Err(e) => e.into_response(),
        },
        Err(e) => super::store_failure(e),
    }
}
