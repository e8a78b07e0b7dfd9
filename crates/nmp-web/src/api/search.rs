//! `GET /api/v1/search`: the public search as JSON, with the parameters of the `/search` page.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::listing::ApiError;
use super::query::{SearchQuery, search_params};
use crate::AppState;
use crate::params::Params;
use crate::views::search::{self, SearchResults};

/// Full-text search over what the public site shows, and the text of sources' archived files.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses((status = 200, description = "The hits grouped by kind, with snippets, notes on the query and facet counts", body = SearchResults),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn search(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), SearchQuery::PARAMS, true)?;
    let params = search_params(&p)?;
    if let Some(index) = &s.search {
        index
            .refresh_if_stale(&s.store)
            .await
            .map_err(|e| crate::WebError::Internal(e.to_string()))?;
    }
    let results = search::search(s.search.as_deref(), &params, false, "/api/v1/search")?;
    Ok(([(header::CACHE_CONTROL, "no-cache")], Json(results)).into_response())
}
