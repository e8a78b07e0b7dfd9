//! `GET /`: what the review is, and the countries that have a mechanism.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use nmp_core::vocab::{MechanismType, geo_label};

use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

struct CountryRow {
    name: String,
    iso3: String,
    region: String,
    mechanisms: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    countries: Vec<CountryRow>,
    mechanism_count: usize,
}

async fn home(State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let rows = state.store.countries_with_mechanisms().await?;
    let countries: Vec<CountryRow> = rows
        .into_iter()
        .map(|row| CountryRow {
            name: row.country.name,
            iso3: row.country.country_iso3.to_lowercase(),
            region: row
                .country
                .un_region
                .as_deref()
                .map(geo_label)
                .unwrap_or_default(),
            mechanisms: row
                .mechanisms
                .into_iter()
                .map(|m| {
                    let kind = MechanismType::parse("type", &m.mechanism_type)
                        .map(|t| t.label())
                        .unwrap_or("");
                    (m.name, kind.to_string())
                })
                .collect(),
        })
        .collect();
    let mechanism_count = countries.iter().map(|c| c.mechanisms.len()).sum();
    Ok(Html(
        Home {
            countries,
            mechanism_count,
        }
        .render()?,
    ))
}
