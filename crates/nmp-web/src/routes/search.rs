//! `/search?q=`: the public search page. Bad input is never an error here: a query string that
//! cannot be read, a repeated parameter or a filter that matches nothing give a results page
//! (possibly empty) with a note.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::api::query::{SearchQuery, search_params};
use crate::params::Params;
use crate::views::search::{self, SearchParams, SearchResults};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/search", get(page))
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    results: SearchResults,
    /// The query as typed, for the search box.
    typed: String,
    /// Where the form and the facet links go.
    action: &'static str,
}

/// The parameters of a search page, or why they could not be read (as a note).
pub(crate) fn page_params(raw: Option<&str>) -> (SearchParams, Option<String>) {
    match Params::parse(raw, SearchQuery::PARAMS, false).and_then(|p| search_params(&p)) {
        // A page always shows the total and the facets, whatever `counts` says.
        Ok(p) => (
            SearchParams {
                counts: nmp_search::Counts::All,
                ..p
            },
            None,
        ),
        Err(e) => (
            SearchParams {
                limit: 50,
                ..SearchParams::default()
            },
            Some(format!(
                "The search could not be read as given ({e}); nothing was searched."
            )),
        ),
    }
}

async fn page(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, WebError> {
    let (params, problem) = page_params(q.as_deref());
    if let Some(index) = &s.search {
        index
            .refresh_if_stale(&s.store)
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?;
    }
    let mut results = search::search(s.search.as_deref(), &params, false, "/search")?;
    results.notes.extend(problem);
    let page = SearchPage {
        typed: params.q.clone(),
        results,
        action: "/search",
    };
    Ok(([(header::CACHE_CONTROL, "no-cache")], Html(page.render()?)).into_response())
}
