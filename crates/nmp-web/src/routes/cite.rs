//! `/cite/{kind}/{key}.{bib|ris|json}`: the citation of a source or of a public record (a
//! country, mechanism, initiative, network, organisation or edition) as BibTeX, RIS or CSL-JSON.
//! A record's citation carries today's date as its accessed-on date, so these answers are
//! `no-store` (never cached, where a cached copy would carry an old date).

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use nmp_store::entity::{country, initiative, network, organization, source};

use crate::cite::{self, Citable, Format, Work};
use crate::views::editions;
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/cite/{kind}/{file}", get(export))
}

/// The kinds of record that can be cited, as their URL segment.
pub(crate) const KINDS: [&str; 7] = [
    "sources",
    "countries",
    "mechanisms",
    "initiatives",
    "networks",
    "organizations",
    "editions",
];

async fn export(State(s): State<AppState>, Path((kind, file)): Path<(String, String)>) -> Result<Response, WebError> {
    let not_found = || {
        WebError::NotFound(format!(
            "There is no citation {kind}/{file}: the address is /cite/KIND/KEY.bib, .ris or .json, with KIND one of {}.",
            KINDS.join(", ")
        ))
    };
    let (key, ext) = file.rsplit_once('.').ok_or_else(not_found)?;
    let format = Format::from_extension(ext).ok_or_else(not_found)?;
    let citable = citable(&s, &kind, key).await?.ok_or_else(not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (header::CACHE_CONTROL, "no-store".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}.{}\"", citable.key, format.extension()),
            ),
        ],
        format.render(&citable),
    )
        .into_response())
}

/// The citation of the record `key` of `kind`, if there is one.
pub(crate) async fn citable(s: &AppState, kind: &str, key: &str) -> Result<Option<Citable>, WebError> {
    let store = &s.store;
    let public_url = &s.mail.public_url;
    let page = |title: String| Some(cite::of_page(public_url, kind, key, &title, Some(cite::today())));
    Ok(match kind {
        "sources" => store
            .rows_where::<source::Entity, _>(source::Column::Slug, [key.to_string()])
            .await?
            .into_iter()
            .next()
            .map(|r| cite::of_source(&r)),
        "countries" => {
            let iso3 = key.to_uppercase();
            if key != key.to_lowercase() || iso3.len() != 3 {
                None
            } else {
                store.get::<country::Entity>(iso3).await?.and_then(|c| page(c.name))
            }
        }
        "mechanisms" => store.mechanism_by_slug(key).await?.and_then(|m| page(m.name)),
        "initiatives" => store
            .rows_where::<initiative::Entity, _>(initiative::Column::Slug, [key.to_string()])
            .await?
            .into_iter()
            .next()
            .and_then(|r| page(r.title)),
        "networks" => store
            .rows_where::<network::Entity, _>(network::Column::Slug, [key.to_string()])
            .await?
            .into_iter()
            .next()
            .and_then(|r| page(r.name)),
        "organizations" => store
            .rows_where::<organization::Entity, _>(organization::Column::Slug, [key.to_string()])
            .await?
            .into_iter()
            .next()
            .and_then(|r| page(r.name)),
        "editions" => editions::detail(store, key)
            .await?
            .map(|e| of_edition(public_url, &e, Some(cite::today()))),
        _ => None,
    })
}

/// The roles that make an organisation an edition's author in a citation; a launch host or a
/// research partner is credited on the page, not cited as author.
const CITED_ROLES: [&str; 3] = ["publisher", "co_publisher", "author"];

/// An edition as a report: its title (and subtitle), its publishers (each organisation once,
/// however many roles or phases it has), its publication date and its page on this site.
pub(crate) fn of_edition(public_url: &str, e: &editions::EditionDetail, accessed: Option<String>) -> Citable {
    let mut publishers: Vec<String> = Vec::new();
    for p in e.publishers.iter().filter(|p| CITED_ROLES.contains(&p.role.as_str())) {
        if !publishers.contains(&p.organization) {
            publishers.push(p.organization.clone());
        }
    }
    let title = match &e.item.subtitle {
        Some(sub) => format!("{}: {sub}", e.item.title),
        None => e.item.title.clone(),
    };
    Citable {
        key: format!("nmp-editions-{}", e.item.slug),
        work: Work::Edition,
        title,
        authors: publishers.clone(),
        publisher: (!publishers.is_empty()).then(|| publishers.join("; ")),
        container: None,
        issued: e.item.published_on.clone(),
        url: Some(cite::page_url(public_url, "editions", &e.item.slug)),
        accessed,
        archived_url: None,
        language: Some("en".into()),
    }
}
