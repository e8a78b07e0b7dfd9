//! How the API answers: a list as a page of JSON (`{items, total, limit, offset}`) or as CSV, and
//! an error in the JSON error shape.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::WebError;
use crate::params::{Page, Params};
use crate::views::facets::Facets;

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
    /// Each filter's values with their counts, on the lists that have them (not in CSV).
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: Option<Facets>,
}

/// Answers a list as JSON or CSV, paginated.
pub(crate) fn respond_list<T: Serialize>(rows: Vec<T>, params: &Params, csv: bool) -> Result<Response, ApiError> {
    respond(rows, None, params, csv)
}

/// Answers a list as JSON, with its facet counts, or CSV (without them), paginated.
pub(crate) fn respond_faceted<T: Serialize>(
    (rows, facets): (Vec<T>, Facets),
    params: &Params,
    csv: bool,
) -> Result<Response, ApiError> {
    respond(rows, Some(facets), params, csv)
}

fn respond<T: Serialize>(
    rows: Vec<T>,
    facets: Option<Facets>,
    params: &Params,
    csv: bool,
) -> Result<Response, ApiError> {
    let csv = csv || params.wants_csv()?;
    let page = params.page()?;
    let total = rows.len();
    let items: Vec<T> = rows.into_iter().skip(page.offset).take(page.limit).collect();
    respond_page(items, total, facets, page, csv)
}

/// Answers one page of a list that the database has already filtered and paged: `items` are the
/// rows of `page`, `total` the rows over all pages. `csv` is [`wants_csv`] as the handler read it
/// (with [`Params::page`], before the query, so a bad parameter is answered as before).
///
/// [`wants_csv`]: Params::wants_csv
pub(crate) fn respond_page<T: Serialize>(
    items: Vec<T>,
    total: usize,
    facets: Option<Facets>,
    Page { limit, offset }: Page,
    csv: bool,
) -> Result<Response, ApiError> {
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
        facets,
    })
    .into_response())
}
