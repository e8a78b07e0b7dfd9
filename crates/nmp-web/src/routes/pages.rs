//! Shared page pieces: the stylesheet, the one script (`nmp.js`: the type-ahead of `/compare` and
//! the staff pickers, a progressive enhancement), the site's icon (`/favicon.svg`, also answered
//! at `/favicon.ico`, where browsers look without a link), and the 404 for unknown paths (the error page
//! itself is `crate::error`'s).

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::{AppState, WebError};

const STYLESHEET: &str = include_str!("../../static/nmp.css");
const SCRIPT: &str = include_str!("../../static/nmp.js");
const ICON: &str = include_str!("../../static/favicon.svg");

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/static/nmp.css", get(stylesheet))
        .route("/static/nmp.js", get(script))
        .route("/favicon.svg", get(icon))
        .route("/favicon.ico", get(icon))
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

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
}

async fn icon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        ICON,
    )
}

async fn not_found(uri: axum::http::Uri) -> WebError {
    WebError::NotFound(format!("There is no page at {}.", uri.path()))
}
