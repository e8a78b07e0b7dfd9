//! API handlers: parse the parameters, call one view function, answer. Each is documented for the
//! OpenAPI document with `#[utoipa::path]`.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use nmp_core::vocab::{MechanismLevel, MechanismStatus, MechanismType, UnRegionalGroup};

use super::listing::{ApiError, respond_list};
use crate::params::Params;
use crate::views::countries::{self, CountryDetail, CountryFilter};
use crate::views::editions::{self, EditionDetail};
use crate::views::initiatives::{self, InitiativeFilter};
use crate::views::mechanisms::{self, MechanismFilter};
use crate::views::networks::{self, NetworkDetail};
use crate::views::sources::{self, SourceDetail};
use crate::{AppState, WebError};

const PAGE: &[&str] = &["limit", "offset", "format"];

fn allowed(extra: &[&'static str]) -> Vec<&'static str> {
    extra.iter().chain(PAGE).copied().collect()
}

pub(crate) const REGIONS: &[&str] = &["africa", "americas", "asia", "europe", "oceania"];

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| code(*v)).collect()
}

/// The country filter from parameters (shared with the `/countries` page).
pub(crate) fn country_filter(p: &Params) -> Result<CountryFilter, WebError> {
    Ok(CountryFilter {
        region: p.choice("region", REGIONS)?,
        group: p.choice("group", &codes(UnRegionalGroup::ALL, UnRegionalGroup::code))?,
        network: p.get("network").map(str::to_string),
        has_mechanism: p.yes_no("has_mechanism")?,
    })
}

/// List countries.
#[utoipa::path(get, path = "/api/v1/countries", tag = "countries",
    params(
        ("region" = Option<String>, Query, description = "UN geoscheme region: africa, americas, asia, europe, oceania"),
        ("group" = Option<String>, Query, description = "UN regional group: african, asia_pacific, eastern_european, grulac, weog"),
        ("network" = Option<String>, Query, description = "Slug of a network the country belongs to"),
        ("has_mechanism" = Option<String>, Query, description = "yes or no"),
        ("limit" = Option<usize>, Query, description = "Rows per page, 1 to 1000 (default 100)"),
        ("offset" = Option<usize>, Query, description = "Rows to skip (default 0)"),
        ("format" = Option<String>, Query, description = "json (default) or csv"),
    ),
    responses((status = 200, description = "A page of countries", body = super::schema::CountryList),
               (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_countries(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    countries_response(s, q, false).await
}

pub(crate) async fn list_countries_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    countries_response(s, q, true).await
}

async fn countries_response(s: AppState, q: Option<String>, csv: bool) -> Result<Response, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &allowed(&["region", "group", "network", "has_mechanism"]),
        true,
    )?;
    let filter = country_filter(&p)?;
    respond_list(countries::list(&s.store, &filter).await?, &p, csv)
}

/// One country with its mechanisms, networks and numbered notes.
#[utoipa::path(get, path = "/api/v1/countries/{iso3}", tag = "countries",
    params(("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code, any case")),
    responses((status = 200, body = CountryDetail), (status = 404, body = super::schema::ErrorBody)))]
pub(crate) async fn get_country(State(s): State<AppState>, Path(iso3): Path<String>) -> Result<Response, ApiError> {
    let detail = countries::detail(&s.store, &iso3)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no country with ISO code {iso3:?}")))?;
    Ok(Json(detail).into_response())
}

/// The mechanism filter from parameters (shared with the `/mechanisms` page).
pub(crate) fn mechanism_filter(p: &Params) -> Result<MechanismFilter, WebError> {
    Ok(MechanismFilter {
        country: p.get("country").map(str::to_ascii_uppercase),
        region: p.choice("region", REGIONS)?,
        group: p.choice("group", &codes(UnRegionalGroup::ALL, UnRegionalGroup::code))?,
        level: p.choice("level", &codes(MechanismLevel::ALL, MechanismLevel::code))?,
        kind: p.choice("type", &codes(MechanismType::ALL, MechanismType::code))?,
        status: p.choice("status", &codes(MechanismStatus::ALL, MechanismStatus::code))?,
    })
}

/// List mechanisms.
#[utoipa::path(get, path = "/api/v1/mechanisms", tag = "mechanisms",
    params(
        ("country" = Option<String>, Query, description = "ISO alpha-3 of the country"),
        ("region" = Option<String>, Query, description = "UN geoscheme region of the country"),
        ("group" = Option<String>, Query, description = "UN regional group of the country"),
        ("level" = Option<String>, Query, description = "national, regional, international, subnational, civil_society, private_sector"),
        ("type" = Option<String>, Query, description = "committee, commission, board, task_force, ombudsman_office, focal_point, law, other"),
        ("status" = Option<String>, Query, description = "Latest status: proposed, in_process, established, active, dormant, dissolved"),
        ("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query),
    ),
    responses((status = 200, body = super::schema::MechanismList), (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn list_mechanisms(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    mechanisms_response(s, q, false).await
}

pub(crate) async fn list_mechanisms_csv(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    mechanisms_response(s, q, true).await
}

async fn mechanisms_response(s: AppState, q: Option<String>, csv: bool) -> Result<Response, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &allowed(&["country", "region", "group", "level", "type", "status"]),
        true,
    )?;
    let filter = mechanism_filter(&p)?;
    respond_list(mechanisms::list(&s.store, &filter).await?, &p, csv)
}

/// One mechanism with its history, members, functions, activities and notes.
#[utoipa::path(get, path = "/api/v1/mechanisms/{slug}", tag = "mechanisms",
    params(("slug" = String, Path)),
    responses((status = 200, body = super::schema::MechanismWithNotes), (status = 404, body = super::schema::ErrorBody)))]
pub(crate) async fn get_mechanism(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let (mechanism, notes) = mechanisms::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no mechanism {slug:?}")))?;
    Ok(Json(super::schema::MechanismWithNotes { mechanism, notes }).into_response())
}

/// The initiative filter from parameters (shared with the `/initiatives` page): the kinds are
/// data, so the accepted codes are read from the store.
pub(crate) async fn initiative_filter(s: &AppState, p: &Params) -> Result<InitiativeFilter, WebError> {
    let kinds: Vec<String> = initiatives::kinds(&s.store)
        .await?
        .into_iter()
        .map(|k| k.code)
        .collect();
    let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
    Ok(InitiativeFilter {
        country: p.get("country").map(str::to_ascii_uppercase),
        region: p.choice("region", REGIONS)?,
        kind: p.choice("kind", &kinds)?,
        mechanism: p.get("mechanism").map(str::to_string),
    })
}

/// List initiatives.
#[utoipa::path(get, path = "/api/v1/initiatives", tag = "initiatives",
    params(
        ("country" = Option<String>, Query, description = "ISO alpha-3 of the country"),
        ("region" = Option<String>, Query, description = "UN geoscheme region of the country: africa, americas, asia, europe, oceania"),
        ("kind" = Option<String>, Query, description = "Kind code (law_or_decree, strategy, early_warning, training, education, ...: the kinds are data; a wrong code is answered with the list)"),
        ("mechanism" = Option<String>, Query, description = "Slug of the mechanism that runs or carries it"),
        ("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query),
    ),
    responses((status = 200, body = super::schema::InitiativeList), (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn list_initiatives(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    initiatives_response(s, q, false).await
}

pub(crate) async fn list_initiatives_csv(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    initiatives_response(s, q, true).await
}

async fn initiatives_response(s: AppState, q: Option<String>, csv: bool) -> Result<Response, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &allowed(&["country", "region", "kind", "mechanism"]),
        true,
    )?;
    let filter = initiative_filter(&s, &p).await?;
    respond_list(initiatives::list(&s.store, &filter).await?, &p, csv)
}

/// One initiative with its partners, numbered notes, and consensus ratings of published editions
/// (with their evidence). Individual raters' ratings are not published.
#[utoipa::path(get, path = "/api/v1/initiatives/{slug}", tag = "initiatives",
    params(("slug" = String, Path)),
    responses((status = 200, body = super::schema::InitiativeWithNotes), (status = 404, body = super::schema::ErrorBody)))]
pub(crate) async fn get_initiative(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let (initiative, notes) = initiatives::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no initiative {slug:?}")))?;
    Ok(Json(super::schema::InitiativeWithNotes { initiative, notes }).into_response())
}

/// List networks.
#[utoipa::path(get, path = "/api/v1/networks", tag = "networks",
    params(("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query)),
    responses((status = 200, body = super::schema::NetworkList), (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn list_networks(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PAGE, true)?;
    respond_list(networks::list(&s.store).await?, &p, false)
}

pub(crate) async fn list_networks_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PAGE, true)?;
    respond_list(networks::list(&s.store).await?, &p, true)
}

/// One network with its dated memberships and counts.
#[utoipa::path(get, path = "/api/v1/networks/{slug}", tag = "networks",
    params(("slug" = String, Path)),
    responses((status = 200, body = NetworkDetail), (status = 404, body = super::schema::ErrorBody)))]
pub(crate) async fn get_network(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let n = networks::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no network {slug:?}")))?;
    Ok(Json(n).into_response())
}

/// List editions, newest first.
#[utoipa::path(get, path = "/api/v1/editions", tag = "editions",
    params(("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query)),
    responses((status = 200, body = super::schema::EditionList), (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn list_editions(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PAGE, true)?;
    respond_list(editions::list(&s.store).await?, &p, false)
}

pub(crate) async fn list_editions_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PAGE, true)?;
    respond_list(editions::list(&s.store).await?, &p, true)
}

/// One edition with its publishers, authors, parts and featured mechanisms.
#[utoipa::path(get, path = "/api/v1/editions/{slug}", tag = "editions",
    params(("slug" = String, Path)),
    responses((status = 200, body = EditionDetail), (status = 404, body = super::schema::ErrorBody)))]
pub(crate) async fn get_edition(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let e = editions::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no edition {slug:?}")))?;
    Ok(Json(e).into_response())
}

/// List sources (the bibliography).
#[utoipa::path(get, path = "/api/v1/sources", tag = "sources",
    params(("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query)),
    responses((status = 200, body = super::schema::SourceList), (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn list_sources(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PAGE, true)?;
    let rows = sources::detailed(&s.store).await?.into_iter().map(|d| d.item).collect();
    respond_list::<sources::SourceItem>(rows, &p, false)
}

pub(crate) async fn list_sources_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PAGE, true)?;
    let rows = sources::detailed(&s.store).await?.into_iter().map(|d| d.item).collect();
    respond_list::<sources::SourceItem>(rows, &p, true)
}

/// One source with every record that cites it.
#[utoipa::path(get, path = "/api/v1/sources/{slug}", tag = "sources",
    params(("slug" = String, Path)),
    responses((status = 200, body = SourceDetail), (status = 404, body = super::schema::ErrorBody)))]
pub(crate) async fn get_source(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let found = sources::detailed(&s.store)
        .await?
        .into_iter()
        .find(|d| d.item.slug == slug);
    let d = found.ok_or_else(|| WebError::NotFound(format!("no source {slug:?}")))?;
    Ok(Json(d).into_response())
}

/// List citations.
#[utoipa::path(get, path = "/api/v1/citations", tag = "sources",
    params(
        ("entity" = Option<String>, Query, description = "Only citations of this table (mechanism, network_membership, ...)"),
        ("source" = Option<String>, Query, description = "Only citations of this source (slug)"),
        ("limit" = Option<usize>, Query), ("offset" = Option<usize>, Query), ("format" = Option<String>, Query),
    ),
    responses((status = 200, body = super::schema::CitationList), (status = 400, body = super::schema::ErrorBody)))]
pub(crate) async fn list_citations(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    citations_response(s, q, false).await
}

pub(crate) async fn list_citations_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    citations_response(s, q, true).await
}

async fn citations_response(s: AppState, q: Option<String>, csv: bool) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &allowed(&["entity", "source"]), true)?;
    respond_list(
        sources::citations(&s.store, p.get("entity"), p.get("source")).await?,
        &p,
        csv,
    )
}
