//! Editing records: the index of editable tables and a table's list (here), the record form
//! ([`edit`]), and saving it (directly for editors, as a proposal for others), deleting, and the
//! 409 conflict page ([`save`]).

mod edit;
mod save;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use nmp_store::records::EDITABLE_TABLES;

pub(super) use edit::{edit_form, new_form};
pub(super) use save::{create, delete, save};

use super::{Nav, render};
use crate::AppState;
use crate::auth::{Staff, WorkspaceError};

/// Rows per page of a table's list.
const PAGE: u64 = 100;

#[derive(Template)]
#[template(path = "staff/records.html")]
struct IndexPage {
    nav: Nav,
    tables: Vec<(String, String, u64)>,
}

pub(super) async fn index(State(state): State<AppState>, staff: Staff) -> Result<Response, WorkspaceError> {
    let mut tables = Vec::new();
    for table in EDITABLE_TABLES {
        let n = state.store.record_count(table).await?;
        tables.push((table.to_string(), title(table), n));
    }
    let view = IndexPage {
        nav: Nav::of(&staff),
        tables,
    };
    Ok(render(StatusCode::OK, &view))
}

/// `mechanism_status` → "Mechanism status" ("Statut de mécanisme" in French).
pub(crate) fn title(table: &str) -> String {
    let words = table.replace('_', " ");
    let mut c = words.chars();
    let english = c
        .next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    super::known(&format!("st-table-{}", table.replace('_', "-")), english)
}

/// One row of a table's list.
struct ListRow {
    key: i32,
    /// The record's name for people (see [`nmp_store::records::Namer`]).
    name: String,
    /// The country it belongs to, when it belongs to one.
    country: Option<String>,
    version: i32,
    updated_by: String,
}

/// Which records a list shows.
enum Shown {
    /// Every record.
    All,
    /// One country's (ISO3 in lower case, name).
    Country(String, String),
    /// A student's assignments (the country names), when they have any.
    Assigned(Vec<String>),
}

#[derive(Template)]
#[template(path = "staff/list.html")]
struct ListPage {
    nav: Nav,
    table: String,
    title: String,
    rows: Vec<ListRow>,
    page: u64,
    pages: u64,
    shown: Shown,
    /// Whether the table's records belong to countries (the list then has a country column).
    has_country: bool,
    /// Why a `country` asked for was not applied.
    unfiltered: Option<String>,
    /// Whether the reader is a student (whose list starts with their assignments).
    student: bool,
}

impl ListPage {
    /// The query of the other pages of the same list.
    fn more(&self, page: u64) -> String {
        match &self.shown {
            Shown::Country(iso3, _) => format!("?country={iso3}&page={page}"),
            Shown::All if self.student => format!("?scope=all&page={page}"),
            _ => format!("?page={page}"),
        }
    }
}

#[derive(serde::Deserialize)]
pub(super) struct PageQuery {
    /// The list's page.
    page: Option<u64>,
    /// Set after a save: the form says so.
    saved: Option<String>,
    /// Only the records of this country (ISO alpha-3), for tables whose records belong to one
    /// (an assignment's country links here).
    country: Option<String>,
    /// `all`: a student's list of every record, not only those of their assignments.
    scope: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    Path(table): Path<String>,
    Query(q): Query<PageQuery>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    use nmp_store::records::RecordScope;
    edit::editable(&table)?;
    let has_country = nmp_store::Store::has_country(&table);
    // A country the table cannot be filtered by, or that is not one, lists everything and says so.
    let wanted = q.country.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let country = match wanted {
        Some(c) if has_country => state
            .store
            .get::<nmp_store::entity::country::Entity>(c.to_ascii_uppercase())
            .await?
            .map(|row| (row.country_iso3, row.name)),
        _ => None,
    };
    let unfiltered = match (wanted, &country) {
        (Some(c), None) if has_country => {
            Some(crate::lang::ta("st-list-not-a-country", &[("code", &format!("{c:?}"))]))
        }
        (Some(_), None) => Some(crate::lang::ta("st-list-no-country", &[("table", &title(&table))])),
        _ => None,
    };
    // A student sees first the records their open assignments let them change.
    let assigned = match (&country, staff.role, q.scope.as_deref()) {
        (None, nmp_core::vocab::AccountRole::Student, s) if s != Some("all") => {
            let scope = state.store.assigned_scope(staff.account.account_id, &table).await?;
            (!scope.countries.is_empty() || !scope.keys.is_empty()).then_some(scope)
        }
        _ => None,
    };
    let (scope, shown) = match (&country, assigned) {
        (Some((iso3, name)), _) => (
            Some(RecordScope::country(iso3)),
            Shown::Country(iso3.to_lowercase(), name.clone()),
        ),
        (None, Some(scope)) => {
            let mut names = Vec::new();
            for iso3 in &scope.countries {
                if let Some(c) = state
                    .store
                    .get::<nmp_store::entity::country::Entity>(iso3.clone())
                    .await?
                {
                    names.push(c.name);
                }
            }
            (Some(scope), Shown::Assigned(names))
        }
        (None, None) => (None, Shown::All),
    };
    let total = state.store.record_count_of(&table, scope.as_ref()).await?;
    let pages = total.div_ceil(PAGE).max(1);
    let page = q.page.unwrap_or(1).clamp(1, pages);
    let records = state
        .store
        .records_of(&table, scope.as_ref(), (page - 1) * PAGE, PAGE)
        .await?;
    let mut namer = state.store.namer();
    let mut rows = Vec::with_capacity(records.len());
    for r in &records {
        rows.push(ListRow {
            key: r.key,
            name: namer.record(r).await?,
            country: if has_country { namer.country(r).await? } else { None },
            version: r.version,
            updated_by: namer.actor(&r.updated_by).await?,
        });
    }
    let view = ListPage {
        nav: Nav::of(&staff),
        title: title(&table),
        table: table.clone(),
        rows,
        page,
        pages,
        shown,
        has_country,
        unfiltered,
        student: staff.role == nmp_core::vocab::AccountRole::Student,
    };
    Ok(render(StatusCode::OK, &view))
}
