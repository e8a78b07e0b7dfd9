//! `GET /`: what the review is, key figures, the latest edition, the countries with a mechanism.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use nmp_core::vocab::{MechanismType, geo_label};

use crate::views::editions::{self, EditionItem};
use crate::views::label;
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

struct CountryRow {
    name: String,
    iso3: String,
    region: String,
    mechanisms: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    countries: Vec<CountryRow>,
    mechanism_count: usize,
    network_count: u64,
    source_count: u64,
    latest: Option<EditionItem>,
    /// The latest published edition's report, when it is built.
    report: Option<crate::views::reports::Report>,
    map_svg: String,
}

async fn home(State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let store = &state.store;
    let countries: Vec<CountryRow> = store
        .countries_with_mechanisms()
        .await?
        .into_iter()
        .map(|row| CountryRow {
            name: row.country.name,
            iso3: row.country.country_iso3.to_lowercase(),
            region: row.country.un_region.as_deref().map(geo_label).unwrap_or_default(),
            mechanisms: row
                .mechanisms
                .into_iter()
                .map(|m| (m.slug, m.name, label::<MechanismType>(&m.mechanism_type)))
                .collect(),
        })
        .collect();
    let counts = store.counts().await?;
    let latest = editions::list(store)
        .await?
        .into_iter()
        .find(|e| e.status == "published");
    let report = crate::views::reports::reports(&state).await?.into_iter().next();
    let map_svg = crate::routes::analysis::bench(&state, &crate::params::Params::default())
        .await?
        .figures
        .into_iter()
        .find(|f| f.name == "map-status")
        .map(|f| f.svg)
        .unwrap_or_default();
    Ok(Html(
        Home {
            mechanism_count: countries.iter().map(|c| c.mechanisms.len()).sum(),
            countries,
            network_count: counts["networks"],
            source_count: counts["sources"],
            latest,
            report,
            map_svg,
        }
        .render()?,
    ))
}
