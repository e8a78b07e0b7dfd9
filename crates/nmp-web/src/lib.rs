//! NMP's web server: public pages and JSON endpoints over the store.
//!
//! Each route module owns its handlers and its response types; [`router`] merges them. Handlers
//! are thin: read the request, call one or two store functions, render.

#![forbid(unsafe_code)]

mod api;
pub mod auth;
mod cache;
mod error;
mod http;
mod params;
mod routes;
pub mod views;

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
    router_with_cache_check(state, cache::CHECK_EVERY)
}

/// The application, reading the audit head at most every `check_every` to notice other
/// processes' writes (see the read cache in `cache.rs`).
pub fn router_with_cache_check(state: AppState, check_every: std::time::Duration) -> Router {
    let cache = std::sync::Arc::new(cache::ReadCache::new(state.store.clone(), check_every));
    routes::router()
        .with_state(state)
        .layer(axum::middleware::from_fn(http::etag))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(cache, cache::serve))
        .layer(TraceLayer::new_for_http())
}
