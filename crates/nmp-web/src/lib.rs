//! NMP's web server: public pages and JSON endpoints over the store.
//!
//! Each route module owns its handlers and its response types; [`router`] merges them. Handlers
//! are thin: read the request, call one or two store functions, render.

#![forbid(unsafe_code)]

mod api;
pub mod auth;
mod error;
mod http;
mod params;
mod routes;
pub mod views;
mod workspace;

use axum::Router;
use nmp_store::Store;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use error::WebError;

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    routes::router()
        .with_state(state)
        .layer(axum::middleware::from_fn(http::etag))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}
