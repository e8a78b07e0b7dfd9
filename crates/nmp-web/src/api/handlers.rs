//! API handlers: parse the parameters, call one view function, answer. Each is documented for the
//! OpenAPI document with `#[utoipa::path]`.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};

use super::listing::{ApiError, respond_faceted, respond_list, respond_page};
use super::query::*;
use crate::params::Params;
use crate::views::countries::{self, CountryDetail, CountryFilter};
use crate::views::editions::{self, EditionDetail};
use crate::views::initiatives::{self, InitiativeFilter};
use crate::views::mechanisms::{self, MechanismFilter};
use crate::views::networks::{self, NetworkDetail};
use crate::views::sources::{self, SourceDetail, SourceFilter};
use crate::{AppState, WebError};

/// The country filter from parameters (shared with the `/countries` page).
pub(crate) fn country_filter(p: &Params) -> Result<CountryFilter, WebError> {
    Ok(CountryFilter {
        region: p.choice(&REGION)?,
        group: p.choice(&GROUP)?,
        network: p.get(&NETWORK).map(|n| n.trim().to_lowercase()),
        has_mechanism: p.yes_no(&HAS_MECHANISM)?,
    })
}

/// List countries.
#[utoipa::path(get, path = "/api/v1/countries", tag = "countries", params(CountryQuery),
    responses((status = 200, description = "A page of countries (CSV with format=csv)", content(
                  (super::schema::CountryList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_countries(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), CountryQuery::PARAMS, true)?;
    countries_response(s, p, false).await
}

/// List countries as CSV.
#[utoipa::path(get, path = "/api/v1/countries.csv", tag = "countries", params(CountryCsvQuery),
    responses((status = 200, description = "A page of countries", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_countries_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), CountryCsvQuery::PARAMS, true)?;
    countries_response(s, p, true).await
}

async fn countries_response(s: AppState, p: Params, csv: bool) -> Result<Response, ApiError> {
    let filter = country_filter(&p)?;
    respond_faceted(countries::faceted(&s.store, &filter).await?, &p, csv)
}

/// One country with its mechanisms, networks, qualitative risk assessment (the latest
/// reconciled one and the earlier ones) and numbered notes.
#[utoipa::path(get, path = "/api/v1/countries/{iso3}", tag = "countries",
    params(("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code, any case")),
    responses((status = 200, description = "The country", body = CountryDetail),
              (status = 404, description = "No such country", body = super::schema::ErrorBody)))]
pub(crate) async fn get_country(State(s): State<AppState>, Path(iso3): Path<String>) -> Result<Response, ApiError> {
    let detail = countries::detail(&s.store, &iso3)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no country with ISO code {iso3:?}")))?;
    Ok(Json(detail).into_response())
}

/// The mechanism filter from parameters (shared with the `/mechanisms` page).
pub(crate) fn mechanism_filter(p: &Params) -> Result<MechanismFilter, WebError> {
    Ok(MechanismFilter {
        country: p.get(&COUNTRY).map(|c| c.trim().to_ascii_uppercase()),
        region: p.choice(&REGION)?,
        group: p.choice(&GROUP)?,
        level: p.choice(&LEVEL)?,
        kind: p.choice(&TYPE)?,
        status: p.choice(&STATUS)?,
    })
}

/// List mechanisms.
#[utoipa::path(get, path = "/api/v1/mechanisms", tag = "mechanisms", params(MechanismQuery),
    responses((status = 200, description = "A page of mechanisms (CSV with format=csv)", content(
                  (super::schema::MechanismList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_mechanisms(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), MechanismQuery::PARAMS, true)?;
    mechanisms_response(s, p, false).await
}

/// List mechanisms as CSV.
#[utoipa::path(get, path = "/api/v1/mechanisms.csv", tag = "mechanisms", params(MechanismCsvQuery),
    responses((status = 200, description = "A page of mechanisms", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_mechanisms_csv(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), MechanismCsvQuery::PARAMS, true)?;
    mechanisms_response(s, p, true).await
}

async fn mechanisms_response(s: AppState, p: Params, csv: bool) -> Result<Response, ApiError> {
    let filter = mechanism_filter(&p)?;
    let csv = csv || p.wants_csv()?;
    let page = p.page()?;
    let (items, total, facets) = mechanisms::faceted(&s.store, &filter, Some(page)).await?;
    respond_page(items, total, Some(facets), page, csv)
}

/// One mechanism with its history, members, functions, activities and notes.
#[utoipa::path(get, path = "/api/v1/mechanisms/{slug}", tag = "mechanisms",
    params(("slug" = String, Path, description = "The mechanism's slug")),
    responses((status = 200, description = "The mechanism", body = super::schema::MechanismWithNotes),
              (status = 404, description = "No such mechanism", body = super::schema::ErrorBody)))]
pub(crate) async fn get_mechanism(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let (mechanism, notes) = mechanisms::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no mechanism {slug:?}")))?;
    Ok(Json(super::schema::MechanismWithNotes { mechanism, notes }).into_response())
}

/// The initiative filter from parameters (shared with the `/initiatives` page): the kinds are
/// data, so the accepted codes are read from the store.
pub(crate) async fn initiative_filter(s: &AppState, p: &Params) -> Result<InitiativeFilter, WebError> {
    Ok(InitiativeFilter {
        country: p.get(&COUNTRY).map(str::to_ascii_uppercase),
        region: p.choice(&REGION)?,
        kind: data_choice(&s.store, p, &KIND).await?,
        mechanism: p.get(&MECHANISM).map(str::to_string),
    })
}

/// List initiatives.
#[utoipa::path(get, path = "/api/v1/initiatives", tag = "initiatives", params(InitiativeQuery),
    responses((status = 200, description = "A page of initiatives (CSV with format=csv)", content(
                  (super::schema::InitiativeList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_initiatives(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), InitiativeQuery::PARAMS, true)?;
    initiatives_response(s, p, false).await
}

/// List initiatives as CSV.
#[utoipa::path(get, path = "/api/v1/initiatives.csv", tag = "initiatives", params(InitiativeCsvQuery),
    responses((status = 200, description = "A page of initiatives", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_initiatives_csv(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), InitiativeCsvQuery::PARAMS, true)?;
    initiatives_response(s, p, true).await
}

async fn initiatives_response(s: AppState, p: Params, csv: bool) -> Result<Response, ApiError> {
    let filter = initiative_filter(&s, &p).await?;
    let csv = csv || p.wants_csv()?;
    let page = p.page()?;
    let (items, total) = initiatives::list(&s.store, &filter, Some(page)).await?;
    respond_page(items, total, None, page, csv)
}

/// One initiative with its partners, numbered notes, and consensus ratings of published editions
/// (with their evidence). Individual raters' ratings are not published.
#[utoipa::path(get, path = "/api/v1/initiatives/{slug}", tag = "initiatives",
    params(("slug" = String, Path, description = "The initiative's slug")),
    responses((status = 200, description = "The initiative", body = super::schema::InitiativeWithNotes),
              (status = 404, description = "No such initiative", body = super::schema::ErrorBody)))]
pub(crate) async fn get_initiative(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let (initiative, notes) = initiatives::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no initiative {slug:?}")))?;
    Ok(Json(super::schema::InitiativeWithNotes { initiative, notes }).into_response())
}

/// List networks.
#[utoipa::path(get, path = "/api/v1/networks", tag = "networks", params(PageQuery),
    responses((status = 200, description = "A page of networks (CSV with format=csv)", content(
                  (super::schema::NetworkList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_networks(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PageQuery::PARAMS, true)?;
    respond_list(networks::list(&s.store).await?, &p, false)
}

/// List networks as CSV.
#[utoipa::path(get, path = "/api/v1/networks.csv", tag = "networks", params(PageCsvQuery),
    responses((status = 200, description = "A page of networks", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_networks_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PageCsvQuery::PARAMS, true)?;
    respond_list(networks::list(&s.store).await?, &p, true)
}

/// One network with its dated memberships and counts.
#[utoipa::path(get, path = "/api/v1/networks/{slug}", tag = "networks",
    params(("slug" = String, Path, description = "The network's slug")),
    responses((status = 200, description = "The network", body = NetworkDetail),
              (status = 404, description = "No such network", body = super::schema::ErrorBody)))]
pub(crate) async fn get_network(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let n = networks::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no network {slug:?}")))?;
    Ok(Json(n).into_response())
}

/// List editions, newest first.
#[utoipa::path(get, path = "/api/v1/editions", tag = "editions", params(PageQuery),
    responses((status = 200, description = "A page of editions (CSV with format=csv)", content(
                  (super::schema::EditionList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_editions(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PageQuery::PARAMS, true)?;
    respond_list(editions::list(&s.store).await?, &p, false)
}

/// List editions as CSV, newest first.
#[utoipa::path(get, path = "/api/v1/editions.csv", tag = "editions", params(PageCsvQuery),
    responses((status = 200, description = "A page of editions", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_editions_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), PageCsvQuery::PARAMS, true)?;
    respond_list(editions::list(&s.store).await?, &p, true)
}

/// One edition with its publishers, authors, parts and featured mechanisms.
#[utoipa::path(get, path = "/api/v1/editions/{slug}", tag = "editions",
    params(("slug" = String, Path, description = "The edition's slug")),
    responses((status = 200, description = "The edition", body = EditionDetail),
              (status = 404, description = "No such edition", body = super::schema::ErrorBody)))]
pub(crate) async fn get_edition(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let e = editions::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no edition {slug:?}")))?;
    Ok(Json(e).into_response())
}

/// The source filter from parameters (shared with the `/sources` page).
pub(crate) fn source_filter(p: &Params) -> Result<SourceFilter, WebError> {
    Ok(SourceFilter {
        kind: p.choice(&SOURCE_KIND)?,
        language: p.get(&LANGUAGE).map(|l| l.trim().to_lowercase()),
    })
}

/// List sources (the bibliography).
#[utoipa::path(get, path = "/api/v1/sources", tag = "sources", params(SourceQuery),
    responses((status = 200, description = "A page of sources (CSV with format=csv)", content(
                  (super::schema::SourceList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_sources(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), SourceQuery::PARAMS, true)?;
    sources_response(s, p, false).await
}

/// List sources as CSV.
#[utoipa::path(get, path = "/api/v1/sources.csv", tag = "sources", params(SourceCsvQuery),
    responses((status = 200, description = "A page of sources", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_sources_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), SourceCsvQuery::PARAMS, true)?;
    sources_response(s, p, true).await
}

async fn sources_response(s: AppState, p: Params, csv: bool) -> Result<Response, ApiError> {
    let filter = source_filter(&p)?;
    let csv = csv || p.wants_csv()?;
    let page = p.page()?;
    let (items, total, facets) = sources::list(&s.store, &filter, Some(page)).await?;
    respond_page(items, total, Some(facets), page, csv)
}

/// One source with every record that cites it.
#[utoipa::path(get, path = "/api/v1/sources/{slug}", tag = "sources",
    params(("slug" = String, Path, description = "The source's slug")),
    responses((status = 200, description = "The source", body = SourceDetail),
              (status = 404, description = "No such source", body = super::schema::ErrorBody)))]
pub(crate) async fn get_source(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let d = sources::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("no source {slug:?}")))?;
    Ok(Json(d).into_response())
}

/// List citations.
#[utoipa::path(get, path = "/api/v1/citations", tag = "sources", params(CitationQuery),
    responses((status = 200, description = "A page of citations (CSV with format=csv)", content(
                  (super::schema::CitationList = "application/json"), (String = "text/csv")),
                  headers(("X-Total-Count" = u64, description = "Rows over all pages (CSV only)"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_citations(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), CitationQuery::PARAMS, true)?;
    citations_response(s, p, false).await
}

/// List citations as CSV.
#[utoipa::path(get, path = "/api/v1/citations.csv", tag = "sources", params(CitationCsvQuery),
    responses((status = 200, description = "A page of citations", content_type = "text/csv", body = String,
                  headers(("X-Total-Count" = u64, description = "Rows over all pages"))),
              (status = 400, description = "A bad parameter", body = super::schema::ErrorBody)))]
pub(crate) async fn list_citations_csv(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), CitationCsvQuery::PARAMS, true)?;
    citations_response(s, p, true).await
}

async fn citations_response(s: AppState, p: Params, csv: bool) -> Result<Response, ApiError> {
    let csv = csv || p.wants_csv()?;
    let page = p.page()?;
    let (items, total) = sources::citations(&s.store, p.get(&ENTITY), p.get(&SOURCE), Some(page)).await?;
    respond_page(items, total, None, page, csv)
}
