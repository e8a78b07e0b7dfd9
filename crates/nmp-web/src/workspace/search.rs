//! `/staff/search?q=`: the search for anyone signed in. It finds what the public search finds
//! and also staff-only documents (questionnaire attachments) and the parts and profiles of
//! unpublished editions; same parameters, same notes on bad input.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Nav, render};
use crate::AppState;
use crate::auth::{Staff, WorkspaceError};
use crate::routes::search::page_params;
use crate::views::search::{self, SearchResults};

#[derive(Template)]
#[template(path = "staff/search.html")]
struct StaffSearchPage {
    nav: Nav,
    results: SearchResults,
    typed: String,
    action: &'static str,
}

pub(super) async fn page(
    State(s): State<AppState>,
    staff: Staff,
    RawQuery(q): RawQuery,
) -> Result<Response, WorkspaceError> {
    let (params, problem) = page_params(q.as_deref());
    if let Some(index) = &s.search {
        index
            .refresh_if_stale(&s.store)
            .await
            .map_err(|e| WorkspaceError::from(crate::WebError::Internal(e.to_string())))?;
    }
    let mut results = search::search(s.search.as_deref(), &params, true, "/staff/search")?;
    results.notes.extend(problem);
    Ok(render(
        StatusCode::OK,
        &StaffSearchPage {
            nav: Nav::of(&staff),
            typed: params.q.clone(),
            results,
            action: "/staff/search",
        },
    ))
}
