//! `/initiatives` (filterable list) and `/initiatives/{slug}` (one initiative with its facts,
//! partners and published consensus ratings).

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::response::Html;
use axum::routing::get;
use nmp_core::vocab::geo_label;

use crate::api::handlers::initiative_filter;
use crate::api::query::{COUNTRY, KIND, MECHANISM, REGION, REGIONS};
use crate::params::Params;
use crate::views::Note;
use crate::views::initiatives::{self, InitiativeDetail, InitiativeItem};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/initiatives", get(list_initiatives))
        .route("/initiatives/{slug}", get(show_initiative))
}

#[derive(Template)]
#[template(path = "initiatives.html")]
struct InitiativesPage {
    initiatives: Vec<InitiativeItem>,
    countries: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    filter_country: String,
    filter_region: String,
    filter_kind: String,
    csv_href: String,
}

async fn list_initiatives(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Html<String>, WebError> {
    let p = Params::parse(q.as_deref(), &[&COUNTRY, &REGION, &KIND, &MECHANISM], false)?;
    let filter = initiative_filter(&s, &p).await?;
    let countries = s.store.countries_of_initiatives().await?;
    let (rows, _) = initiatives::list(&s.store, &filter, None).await?;
    let kept: Vec<(&str, &str)> = [
        ("country", filter.country.as_deref()),
        ("region", filter.region.as_deref()),
        ("kind", filter.kind.as_deref()),
        ("mechanism", filter.mechanism.as_deref()),
    ]
    .into_iter()
    .filter_map(|(k, v)| Some((k, v?)))
    .collect();
    let csv_query = serde_urlencoded::to_string(&kept).unwrap_or_default();
    let page = InitiativesPage {
        initiatives: rows,
        countries,
        regions: REGIONS.iter().map(|r| (r.to_string(), geo_label(r))).collect(),
        kinds: initiatives::kinds(&s.store)
            .await?
            .into_iter()
            .map(|k| (k.code, k.label))
            .collect(),
        filter_country: filter.country.unwrap_or_default(),
        filter_region: filter.region.unwrap_or_default(),
        filter_kind: filter.kind.unwrap_or_default(),
        csv_href: if csv_query.is_empty() {
            "/api/v1/initiatives.csv".into()
        } else {
            format!("/api/v1/initiatives.csv?{csv_query}")
        },
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "initiative.html")]
struct InitiativePage {
    i: InitiativeDetail,
    notes: Vec<Note>,
    iso3_lower: Option<String>,
    how: crate::cite::HowToCite,
}

async fn show_initiative(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Html<String>, WebError> {
    let (i, notes) = initiatives::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(crate::lang::ta("ls-no-initiative", &[("slug", &format!("{slug:?}"))])))?;
    let iso3_lower = i.item.country_iso3.as_ref().map(|c| c.to_lowercase());
    let how = crate::cite::HowToCite::record(&s.mail.public_url, "initiatives", &slug, &i.item.title);
    Ok(Html(
        InitiativePage {
            i,
            notes,
            iso3_lower,
            how,
        }
        .render()?,
    ))
}
