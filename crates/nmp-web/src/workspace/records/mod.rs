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
    /// The country the list is filtered to (ISO3 in lower case, name).
    country: Option<(String, String)>,
    /// Why a `country` asked for was not applied.
    unfiltered: Option<String>,
}

impl ListPage {
    /// The query of the other pages of the same list.
    fn more(&self, page: u64) -> String {
        match &self.country {
            Some((iso3, _)) => format!("?country={iso3}&page={page}"),
            None => format!("?page={page}"),
        }
    }
}

#[derive(serde::Deserialize)]
pub(super) struct PageQuery {
    /// The list's page.
    page: Option<u64>,
    /// Set after a save: the form says so.
    saved: Option<String>,
    /// Only the records of this country (ISO alpha-3), for tables that have one (an assignment's
    /// country links here).
    country: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    Path(table): Path<String>,
    Query(q): Query<PageQuery>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    edit::editable(&table)?;
    // A country the table cannot be filtered by, or that is not one, lists everything and says so.
    let wanted = q.country.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let country = match wanted {
        Some(c) if nmp_store::Store::has_country(&table) => state
            .store
            .get::<nmp_store::entity::country::Entity>(c.to_ascii_uppercase())
            .await?
            .map(|row| (row.country_iso3, row.name)),
        _ => None,
    };
    let unfiltered = match (wanted, &country) {
        (Some(c), None) if nmp_store::Store::has_country(&table) => Some(format!(
            "{c:?} is not a country code (ISO alpha-3); every record is listed."
        )),
        (Some(_), None) => Some(format!(
            "{} records have no country; every record is listed.",
            title(&table)
        )),
        _ => None,
    };
    let iso3 = country.as_ref().map(|(c, _)| c.as_str());
    let total = state.store.record_count_of(&table, iso3).await?;
    let pages = total.div_ceil(PAGE).max(1);
    let page = q.page.unwrap_or(1).clamp(1, pages);
    let rows = state
        .store
        .records_of(&table, iso3, (page - 1) * PAGE, PAGE)
        .await?
        .into_iter()
        .map(|r| (r.key, r.label(), r.version, r.updated_by.clone()))
        .collect();
    let view = ListPage {
        nav: Nav::of(&staff),
        title: title(&table),
        table: table.clone(),
        rows,
        page,
        pages,
        country: country.map(|(iso3, name)| (iso3.to_lowercase(), name)),
        unfiltered,
    };
    Ok(render(StatusCode::OK, &view))
}
