//! `/mechanisms` (filterable list) and `/mechanisms/{slug}` (with the initiatives it runs).

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, Response};
use axum::routing::get;
use nmp_core::vocab::{MechanismStatus, MechanismType};

use super::countries::{filter_page, sanitize_query as filter_query};
use crate::api::handlers::mechanism_filter;
use crate::api::query::{COUNTRY, GROUP, LEVEL, REGION, STATUS, TYPE};
use crate::params::{Params, Problem};
use crate::views::Note;
use crate::views::initiatives::{self, InitiativeItem};
use crate::views::mechanisms::{self, MechanismDetail};
use crate::views::{facets, label};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/mechanisms", get(list_mechanisms))
        .route("/mechanisms/{slug}", get(show_mechanism))
}

struct Row {
    slug: String,
    name: String,
    iso3_lower: Option<String>,
    country: String,
    kind: String,
    created_on: String,
    launched_on: String,
    status: String,
}

#[derive(Template)]
#[template(path = "mechanisms.html")]
struct MechanismsPage {
    mechanisms: Vec<Row>,
    /// Each filter's choices, labelled with their counts.
    regions: Vec<(String, String)>,
    types: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    filter_region: String,
    filter_type: String,
    filter_status: String,
    csv_href: String,
    problems: Vec<Problem>,
}

async fn list_mechanisms(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, WebError> {
    let p = Params::parse_form(q.as_deref(), &[&COUNTRY, &REGION, &GROUP, &LEVEL, &TYPE, &STATUS])?;
    let filter = mechanism_filter(&p)?;
    let (rows, _, facets) = mechanisms::faceted(&s.store, &filter, None).await?;
    let rows = rows
        .into_iter()
        .map(|m| Row {
            iso3_lower: m.country_iso3.as_ref().map(|c| c.to_lowercase()),
            country: m.country_name.unwrap_or_default(),
            kind: crate::lang::label(&m.kind, &label::<MechanismType>(&m.kind)),
            created_on: m.created_on.unwrap_or_default(),
            launched_on: m.launched_on.unwrap_or_default(),
            status: m
                .status
                .map(|s| facets::word("status", &s, &label::<MechanismStatus>(&s)))
                .unwrap_or_default(),
            slug: m.slug,
            name: m.name,
        })
        .collect();
    let problems = p.problems();
    let page = MechanismsPage {
        mechanisms: rows,
        regions: facets::choices(&facets, "region"),
        types: facets::choices_in(&facets, "type", crate::lang::label),
        statuses: facets::choices_in(&facets, "status", |code, english| facets::word("status", code, english)),
        filter_region: filter.region.unwrap_or_default(),
        filter_type: filter.kind.unwrap_or_default(),
        filter_status: filter.status.unwrap_or_default(),
        csv_href: format!(
            "/api/v1/mechanisms.csv{}",
            filter_query(q.as_deref().unwrap_or(""), &problems)
        ),
        problems,
    };
    filter_page(&page, &page.problems)
}

#[derive(Template)]
#[template(path = "mechanism.html")]
struct MechanismPage {
    mech: MechanismDetail,
    notes: Vec<Note>,
    iso3_lower: Option<String>,
    standalone: bool,
    initiatives: Vec<InitiativeItem>,
    how: crate::cite::HowToCite,
}

async fn show_mechanism(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Html<String>, WebError> {
    let (mech, notes) = mechanisms::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("There is no mechanism {slug:?}.")))?;
    let iso3_lower = mech.item.country_iso3.as_ref().map(|c| c.to_lowercase());
    let name = mech.item.name.clone();
    let initiatives = match s.store.mechanism_by_slug(&slug).await? {
        Some(m) => initiatives::of_mechanism(&s.store, m.mechanism_id).await?,
        None => Vec::new(),
    };
    Ok(Html(
        MechanismPage {
            mech,
            notes,
            iso3_lower,
            standalone: true,
            initiatives,
            how: crate::cite::HowToCite::record(&s.mail.public_url, "mechanisms", &slug, &name),
        }
        .render()?,
    ))
}
