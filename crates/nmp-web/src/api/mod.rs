//! The open-data JSON API under `/api/v1/`: the same data as the pages, as JSON (a list is
//! `{items, total, limit, offset}`) or, with `?format=csv` or a `.csv` path, as CSV. Errors are
//! `{"error": {"code", "message", "field"}}`. Described by the OpenAPI document at
//! `/api/openapi.json`.
//!
//! The handlers ([`handlers`], [`analysis`]) answer through [`listing`]; the types only the
//! document names are in [`schema`]; [`openapi`] gathers both, so no module here needs another
//! that needs it back.

pub(crate) mod analysis;
pub(crate) mod handlers;
mod listing;
pub(crate) mod openapi;
mod schema;

use axum::Router;
use axum::http::Method;
use axum::routing::get;
use tower_http::cors::{Any, CorsLayer};

pub(crate) use listing::ApiError;

use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    use handlers::*;
    Router::new()
        .route("/api/v1/countries", get(list_countries))
        .route("/api/v1/countries.csv", get(list_countries_csv))
        .route("/api/v1/countries/{iso3}", get(get_country))
        .route("/api/v1/mechanisms", get(list_mechanisms))
        .route("/api/v1/mechanisms.csv", get(list_mechanisms_csv))
        .route("/api/v1/mechanisms/{slug}", get(get_mechanism))
        .route("/api/v1/initiatives", get(list_initiatives))
        .route("/api/v1/initiatives.csv", get(list_initiatives_csv))
        .route("/api/v1/initiatives/{slug}", get(get_initiative))
        .route("/api/v1/networks", get(list_networks))
        .route("/api/v1/networks.csv", get(list_networks_csv))
        .route("/api/v1/networks/{slug}", get(get_network))
        .route("/api/v1/editions", get(list_editions))
        .route("/api/v1/editions.csv", get(list_editions_csv))
        .route("/api/v1/editions/{slug}", get(get_edition))
        .route("/api/v1/sources", get(list_sources))
        .route("/api/v1/sources.csv", get(list_sources_csv))
        .route("/api/v1/sources/{slug}", get(get_source))
        .route("/api/v1/citations", get(list_citations))
        .route("/api/v1/citations.csv", get(list_citations_csv))
        .route("/api/v1/indicators", get(analysis::indicators))
        .route("/api/v1/high-risk", get(analysis::high_risk))
        .route("/api/v1/datasets", get(analysis::datasets))
        .route("/api/openapi.json", get(openapi::document))
        .route("/api", get(api_not_found))
        .route("/api/{*rest}", get(api_not_found))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD]),
        )
}

async fn api_not_found(uri: axum::http::Uri) -> ApiError {
    ApiError(WebError::NotFound(format!(
        "there is no endpoint {}; see /api/openapi.json",
        uri.path()
    )))
}
