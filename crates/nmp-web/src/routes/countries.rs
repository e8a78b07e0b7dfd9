//! `/countries` (filterable list) and `/countries/{iso3}` (everything about one country, with its
//! initiatives).

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use nmp_core::vocab::{UnRegionalGroup, geo_label};

use crate::api::handlers::country_filter;
use crate::api::query::{GROUP, HAS_MECHANISM, NETWORK, REGION};
use crate::params::{Params, Problem};
use crate::views::countries::{self, CountryDetail};
use crate::views::initiatives::{self, InitiativeItem};
use crate::views::{ewp_series, facets, label};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/countries", get(list_countries))
        .route("/countries/{iso3}", get(show_country))
}

struct Row {
    iso3: String,
    name: String,
    un_status: String,
    region_label: String,
    group_label: String,
    mechanism_count: usize,
    network_names: String,
}

#[derive(Template)]
#[template(path = "countries.html")]
struct CountriesPage {
    countries: Vec<Row>,
    /// Each filter's choices, labelled with their counts.
    regions: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    networks: Vec<(String, String)>,
    has: Vec<(String, String)>,
    filter_region: String,
    filter_group: String,
    filter_network: String,
    filter_has: String,
    csv_href: String,
    problems: Vec<Problem>,
}

async fn list_countries(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, WebError> {
    let p = Params::parse_form(q.as_deref(), &[&REGION, &GROUP, &NETWORK, &HAS_MECHANISM])?;
    let mut filter = country_filter(&p)?;
    let (rows, facets) = countries::faceted(&s.store, &filter).await?;
    let network_names: HashMap<String, String> = facets
        .get("network")
        .into_iter()
        .flatten()
        .map(|v| (v.value.clone(), v.label.clone()))
        .collect();
    let (rows, facets) = match &filter.network {
        Some(n) if !network_names.contains_key(n) => {
            let known: Vec<&str> = network_names.keys().map(String::as_str).collect();
            p.keep(
                WebError::bad_param("network", &format!("{n:?} is not one of: {}", known.join(", "))),
                || crate::params::not_one_of(n, &known),
            )?;
            filter.network = None;
            countries::faceted(&s.store, &filter).await?
        }
        _ => (rows, facets),
    };
    let rows = rows
        .into_iter()
        .map(|c| Row {
            region_label: c.un_region.as_deref().map(geo_label).unwrap_or_default(),
            group_label: c
                .un_regional_group
                .as_ref()
                .map(|g| label::<UnRegionalGroup>(g))
                .unwrap_or_default(),
            network_names: c
                .networks
                .split(';')
                .filter(|x| !x.is_empty())
                .map(|x| network_names.get(x).map(String::as_str).unwrap_or(x))
                .collect::<Vec<_>>()
                .join("; "),
            iso3: c.iso3,
            name: c.name,
            un_status: c.un_status,
            mechanism_count: c.mechanism_count,
        })
        .collect();
    let problems = p.problems();
    let csv_query = sanitize_query(q.as_deref().unwrap_or(""), &problems);
    let page = CountriesPage {
        countries: rows,
        regions: facets::choices(&facets, "region"),
        groups: facets::choices(&facets, "group"),
        networks: facets::choices(&facets, "network"),
        has: facets::choices_in(&facets, "has_mechanism", crate::lang::label),
        filter_region: filter.region.unwrap_or_default(),
        filter_group: filter.group.unwrap_or_default(),
        filter_network: filter.network.unwrap_or_default(),
        filter_has: filter
            .has_mechanism
            .map(|h| if h { "yes" } else { "no" })
            .unwrap_or("")
            .to_string(),
        csv_href: format!("/api/v1/countries.csv{csv_query}"),
        problems,
    };
    filter_page(&page, &page.problems)
}

/// A list page with its filter form: 200, or 400 when a filter's value was bad (the page then
/// says which and what is accepted, beside the form, and lists the rows without that filter).
pub(crate) fn filter_page(page: &impl Template, problems: &[Problem]) -> Result<Response, WebError> {
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// Keeps only the filter parameters of a query string for the CSV link, less those whose value
/// was a `problem`.
pub(crate) fn sanitize_query(query: &str, problems: &[Problem]) -> String {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.trim_start_matches('?')).unwrap_or_default();
    let kept: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(k, v)| {
            [
                "region",
                "group",
                "network",
                "has_mechanism",
                "type",
                "status",
                "level",
                "country",
                "kind",
                "language",
            ]
            .contains(&k.as_str())
                && !v.is_empty()
                && !problems.iter().any(|p| &p.param == k)
        })
        .collect();
    match serde_urlencoded::to_string(&kept) {
        Ok(s) if !s.is_empty() => format!("?{s}"),
        _ => String::new(),
    }
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryPage {
    c: CountryDetail,
    standalone: bool,
    initiatives: Vec<InitiativeItem>,
    /// The EWP risk per release: the chart and its data (empty without an imported release).
    ewp_chart: Option<String>,
    ewp_points: Vec<ewp_series::Point>,
    how: crate::cite::HowToCite,
    /// For a country without a mechanism: the countries nearest to it that have one (its UN
    /// subregion's, else its region's), with where they are, so the page leads somewhere.
    related: Vec<(String, String, usize)>,
    /// Where `related` come from (`Middle Africa`, `Africa`).
    related_area: String,
}

async fn show_country(State(s): State<AppState>, Path(iso3): Path<String>) -> Result<Html<String>, WebError> {
    if iso3.len() != 3 || !iso3.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(WebError::NotFound(format!(
            "{iso3:?} is not an ISO 3166-1 alpha-3 country code."
        )));
    }
    let c = countries::detail(&s.store, &iso3)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("There is no country with the code {iso3:?}.")))?;
    let initiatives = initiatives::of_country(&s.store, &c.item.iso3).await?;
    let series = ewp_series::load(&s.store).await?;
    let ewp_chart = series.chart(&[(c.item.iso3.as_str(), c.item.name.as_str())]);
    let ewp_points = series.of(&c.item.iso3).to_vec();
    let how = crate::cite::HowToCite::record(
        &s.mail.public_url,
        "countries",
        &c.item.iso3.to_lowercase(),
        &c.item.name,
    );
    let (related, related_area) = if c.mechanisms.is_empty() {
        related_countries(&s.store, &c).await?
    } else {
        (Vec::new(), String::new())
    };
    Ok(Html(
        CountryPage {
            how,
            c,
            standalone: false,
            initiatives,
            ewp_chart,
            ewp_points,
            related,
            related_area,
        }
        .render()?,
    ))
}

/// The countries with a mechanism in `c`'s UN subregion, else in its region (ISO3 in lower case,
/// name, how many mechanisms), and the area's label.
async fn related_countries(
    store: &nmp_store::Store,
    c: &crate::views::countries::CountryDetail,
) -> Result<(Vec<(String, String, usize)>, String), WebError> {
    let with = store.countries_with_mechanisms().await?;
    let pick = |same: &dyn Fn(&nmp_store::entity::country::Model) -> bool| -> Vec<(String, String, usize)> {
        with.iter()
            .filter(|r| r.country.country_iso3 != c.item.iso3 && same(&r.country))
            .map(|r| {
                (
                    r.country.country_iso3.to_lowercase(),
                    r.country.name.clone(),
                    r.mechanisms.len(),
                )
            })
            .collect()
    };
    if let (Some(sub), Some(label)) = (&c.item.un_subregion, &c.un_subregion_label) {
        let near = pick(&|x| x.un_subregion.as_ref() == Some(sub));
        if !near.is_empty() {
            return Ok((near, label.clone()));
        }
    }
    if let (Some(region), Some(label)) = (&c.item.un_region, &c.un_region_label) {
        return Ok((pick(&|x| x.un_region.as_ref() == Some(region)), label.clone()));
    }
    Ok((Vec::new(), String::new()))
}
