//! The open-data JSON API under `/api/v1/`: the same data as the pages, as JSON (a list is
//! `{items, total, limit, offset}`) or, with `?format=csv` or a `.csv` path, as CSV. Errors are
//! `{"error": {"code", "message", "field"}}`. Described by the OpenAPI document at
//! `/api/openapi.json`, together with the workspace's JSON API (`PATCH /api/v1/records/...`).
//!
//! Every route is registered from its handler's `#[utoipa::path]` ([`routes`]), so the server
//! answers exactly the paths and methods the document lists; the query parameters each endpoint
//! takes are declared once in [`query`] and both checked and documented from there. The handlers
//! ([`handlers`], [`analysis`]) answer through [`listing`]; the types only the document names are
//! in [`schema`]; [`openapi`] gathers the document.

pub(crate) mod analysis;
pub(crate) mod handlers;
mod listing;
pub(crate) mod openapi;
pub(crate) mod query;
pub(crate) mod risk;
mod schema;
mod search;

use axum::Router;
use axum::http::Method;
use axum::routing::get;
use tower_http::cors::{Any, CorsLayer};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) use listing::ApiError;

use crate::{AppState, WebError};

/// Every route under `/api/` with its operation in the document: the open-data API (any origin
/// may read it), then the workspace's JSON API. Paths outside them are answered by
/// [`api_not_found`], which is not an operation.
pub(crate) fn routes() -> OpenApiRouter<AppState> {
    use handlers::*;
    OpenApiRouter::with_openapi(openapi::base())
        .routes(routes!(list_countries))
        .routes(routes!(list_countries_csv))
        .routes(routes!(get_country))
        .routes(routes!(list_mechanisms))
        .routes(routes!(list_mechanisms_csv))
        .routes(routes!(get_mechanism))
        .routes(routes!(list_initiatives))
        .routes(routes!(list_initiatives_csv))
        .routes(routes!(get_initiative))
        .routes(routes!(list_networks))
        .routes(routes!(list_networks_csv))
        .routes(routes!(get_network))
        .routes(routes!(list_editions))
        .routes(routes!(list_editions_csv))
        .routes(routes!(get_edition))
        .routes(routes!(list_sources))
        .routes(routes!(list_sources_csv))
        .routes(routes!(get_source))
        .routes(routes!(list_citations))
        .routes(routes!(list_citations_csv))
        .routes(routes!(analysis::indicators))
        .routes(routes!(analysis::high_risk))
        .routes(routes!(analysis::high_risk_series))
        .routes(routes!(analysis::datasets))
        .routes(routes!(risk::risk_gap))
        .routes(routes!(risk::risk_gap_csv))
        .routes(routes!(search::search))
        .routes(routes!(openapi::document))
        .route("/api", get(api_not_found))
        .route("/api/{*rest}", get(api_not_found))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD]),
        )
        .merge(crate::workspace::api_routes())
}

pub(crate) fn router() -> Router<AppState> {
    routes().split_for_parts().0
}

async fn api_not_found(uri: axum::http::Uri) -> ApiError {
    ApiError(WebError::NotFound(format!(
        "there is no endpoint {}; see /api/openapi.json",
        uri.path()
    )))
}
