//! Shared page pieces: the stylesheet and the error page (also the 404 for unknown paths).

use askama::Template;
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

/// An error page.
#[derive(Template)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    pub status: u16,
    pub message: String,
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
