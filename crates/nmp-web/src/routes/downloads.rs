//! `/editions/{slug}/datapackage.json` and the CSV files it lists: an edition's Frictionless
//! data package, built by `nmp_datapackage` (the same bytes `nmp export datapackage` writes).

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use nmp_datapackage::DataPackageError;

use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/editions/{slug}/{file}", get(package_file))
}

async fn package_file(
    State(s): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let package = match nmp_datapackage::datapackage(&s.store, &slug).await {
        Ok(p) => p,
        Err(DataPackageError::NotFound { .. }) => {
            return Err(WebError::NotFound(format!("There is no edition {slug:?}.")));
        }
        Err(DataPackageError::Store(e)) => return Err(e.into()),
        Err(e) => return Err(WebError::Internal(e.to_string())),
    };
    let (name, bytes) = package
        .files
        .into_iter()
        .find(|(name, _)| *name == file)
        .ok_or_else(|| WebError::NotFound(format!("The data package of edition {slug} has no file {file:?}.")))?;
    let content_type = if name.ends_with(".json") {
        "application/json"
    } else {
        "text/csv; charset=utf-8"
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        bytes,
    )
        .into_response())
}
