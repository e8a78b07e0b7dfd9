//! `GET /`: what the review is, key figures, the latest edition, the states with a mechanism.
//! The figures, the map and the list come from the analysis bench of the latest edition (see
//! `views::home`), so they agree with `/analysis`.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use nmp_store::entity::{country, mechanism};

use crate::views::editions::{self, EditionItem};
use crate::views::home::{HomeFigures, home_figures};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    figures: HomeFigures,
    network_count: u64,
    source_count: u64,
    latest: Option<EditionItem>,
    /// The latest published edition's report, when it is built.
    report: Option<crate::views::reports::Report>,
}

async fn home(State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let store = &state.store;
    let bench = crate::routes::analysis::bench(&state, &crate::params::Params::default()).await?;
    let mechanisms = store.all::<mechanism::Entity>().await?;
    let countries = store.all::<country::Entity>().await?;
    let map = bench.figures.iter().find(|f| f.name == "map-status");
    let figures = home_figures(&bench.analysis, &bench.facts, map, &mechanisms, &countries);
    let counts = store.counts().await?;
    // The latest published edition in the analysis' order (by year), so that the edition named
    // here is the one the figures above count as of, once it is published.
    let mut published: Vec<EditionItem> = editions::list(store)
        .await?
        .into_iter()
        .filter(|e| e.status == "published")
        .collect();
    let order: Vec<String> = crate::views::analysis::editions(store)
        .await?
        .into_iter()
        .map(|e| e.slug)
        .collect();
    published.sort_by_key(|e| order.iter().position(|s| *s == e.slug));
    let latest = published.pop();
    let report = crate::views::reports::reports(&state).await?.into_iter().next();
    Ok(Html(
        Home {
            figures,
            network_count: counts["networks"],
            source_count: counts["sources"],
            latest,
            report,
        }
        .render()?,
    ))
}
