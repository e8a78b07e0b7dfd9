//! Shared page pieces: the stylesheet, and the 404 for unknown paths (the error page itself is
//! `crate::error`'s).

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::{AppState, WebError};

const STYLESHEET: &str = include_str!("../../static/nmp.css");

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/static/nmp.css", get(stylesheet))
        .fallback(not_found)
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

async fn not_found(uri: axum::http::Uri) -> WebError {
    WebError::NotFound(format!("There is no page at {}.", uri.path()))
}
