//! The open-data JSON API under `/api/v1/`: the same data as the pages, as JSON (a list is
//! `{items, total, limit, offset}`) or, with `?format=csv` or a `.csv` path, as CSV. Errors are
//! `{"error": {"code", "message", "field"}}`. Described by the OpenAPI document at
//! `/api/openapi.json`.

pub(crate) mod analysis;
pub(crate) mod handlers;
pub(crate) mod openapi;

use axum::Router;
use axum::http::{Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use tower_http::cors::{Any, CorsLayer};

use crate::params::{Page, Params};
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

/// An error rendered as the API's JSON error shape.
pub(crate) struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.json()
    }
}

/// A page of a list.
#[derive(Serialize)]
pub(crate) struct Listing<T> {
    items: Vec<T>,
    total: usize,
    limit: usize,
    offset: usize,
}

/// Answers a list as JSON or CSV, paginated.
pub(crate) fn respond_list<T: Serialize>(rows: Vec<T>, params: &Params, csv: bool) -> Result<Response, ApiError> {
    let csv = csv || params.wants_csv()?;
    let Page { limit, offset } = params.page()?;
    let total = rows.len();
    let items: Vec<T> = rows.into_iter().skip(offset).take(limit).collect();
    if csv {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for item in &items {
            writer.serialize(item).map_err(|e| WebError::Internal(e.to_string()))?;
        }
        let body = writer.into_inner().map_err(|e| WebError::Internal(e.to_string()))?;
        let headers = [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::HeaderName::from_static("x-total-count"), total.to_string()),
        ];
        return Ok((headers, body).into_response());
    }
    Ok(axum::Json(Listing {
        items,
        total,
        limit,
        offset,
    })
    .into_response())
}
