//! `GET /healthz`: is the platform up, on which engine, at which schema version, with how much data.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz))
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    engine: &'static str,
    schema_version: usize,
    counts: nmp_store::Counts,
}

async fn healthz(State(state): State<AppState>) -> Response {
    let store = &state.store;
    let health = async {
        Ok::<_, WebError>(Health {
            status: "ok",
            engine: store.engine().name(),
            schema_version: store.schema_version().await?,
            counts: store.counts().await?,
        })
    };
    // Never from a cache: the answer says whether the database answers now.
    let no_store = [(axum::http::header::CACHE_CONTROL, "no-store")];
    match health.await {
        Ok(h) => (no_store, Json(h)).into_response(),
        Err(e) => (no_store, e.json()).into_response(),
    }
}
