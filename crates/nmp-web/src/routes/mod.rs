//! Route modules; each owns its `router()`.

mod analysis;
mod catalog;
pub(crate) mod cite;
mod countries;
mod downloads;
pub(crate) mod essay;
mod essays;
mod health;
mod home;
mod initiatives;
mod mechanisms;
mod pages;
mod reports;
mod respond;
mod risk;
pub(crate) mod search;

use axum::Router;

use crate::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(crate::api::router())
        .merge(health::router())
        .merge(home::router())
        .merge(countries::router())
        .merge(mechanisms::router())
        .merge(initiatives::router())
        .merge(catalog::router())
        .merge(search::router())
        .merge(cite::router())
        .merge(analysis::router())
        .merge(risk::router())
        .merge(reports::router())
        .merge(downloads::router())
        .merge(crate::auth::router())
        .merge(crate::workspace::router())
        .merge(respond::router())
        .merge(essay::router())
        .merge(essays::router())
        .merge(pages::router())
}
