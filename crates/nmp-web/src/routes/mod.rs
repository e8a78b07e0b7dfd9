//! Route modules; each owns its `router()`.

mod health;
mod home;
pub(crate) mod pages;

use axum::Router;

use crate::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(home::router())
        .merge(pages::router())
}
