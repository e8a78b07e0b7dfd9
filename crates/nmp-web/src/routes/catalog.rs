//! `/networks`, `/networks/{slug}`, `/editions`, `/editions/{slug}`, `/sources`,
//! `/sources/{slug}/archive` (a source's archived file, as a download), `/about`, `/data`.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use nmp_core::vocab::NetworkKind;
use nmp_store::entity::function;

use super::countries::{filter_page, sanitize_query};
use crate::api::handlers::source_filter;
use crate::api::query::{LANGUAGE, SOURCE_KIND};
use crate::params::{Params, Problem};
use crate::views::editions::{self, EditionDetail, EditionItem};
use crate::views::networks::{self, NetworkDetail};
use crate::views::reports::{self, Report};
use crate::views::sources::{self, SourceDetail};
use crate::views::{facets, label};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/networks", get(list_networks))
        .route("/networks/{slug}", get(show_network))
        .route("/editions", get(list_editions))
        .route("/editions/{slug}", get(show_edition))
        .route("/sources", get(list_sources))
        .route("/sources/{slug}/archive", get(source_archive))
        .route("/about", get(about))
        .route("/data", get(data))
}

struct NetworkRow {
    slug: String,
    name: String,
    acronym: Option<String>,
    kind_label: String,
    founded: String,
    member_count: usize,
}

#[derive(Template)]
#[template(path = "networks.html")]
struct NetworksPage {
    networks: Vec<NetworkRow>,
}

async fn list_networks(State(s): State<AppState>) -> Result<Html<String>, WebError> {
    let networks = networks::list(&s.store)
        .await?
        .into_iter()
        .map(|n| NetworkRow {
            kind_label: facets::word("network-kind", &n.kind, &label::<NetworkKind>(&n.kind)),
            founded: n.founded_on.unwrap_or_default(),
            slug: n.slug,
            name: n.name,
            acronym: n.acronym,
            member_count: n.member_count,
        })
        .collect();
    Ok(Html(NetworksPage { networks }.render()?))
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkPage {
    n: NetworkDetail,
    how: crate::cite::HowToCite,
}

async fn show_network(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Html<String>, WebError> {
    let n = networks::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(crate::lang::ta("ls-no-network", &[("slug", &format!("{slug:?}"))])))?;
    let how = crate::cite::HowToCite::record(&s.mail.public_url, "networks", &slug, &n.item.name);
    Ok(Html(NetworkPage { n, how }.render()?))
}

#[derive(Template)]
#[template(path = "editions.html")]
struct EditionsPage {
    editions: Vec<EditionItem>,
    /// The published editions' reports, by slug.
    reports: std::collections::HashMap<String, Report>,
}

impl EditionsPage {
    fn report(&self, slug: &str) -> Option<&Report> {
        self.reports.get(slug)
    }
}

async fn list_editions(State(s): State<AppState>) -> Result<Html<String>, WebError> {
    Ok(Html(
        EditionsPage {
            editions: editions::list(&s.store).await?,
            reports: reports::reports(&s)
                .await?
                .into_iter()
                .map(|r| (r.slug.clone(), r))
                .collect(),
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "edition.html")]
struct EditionPage {
    e: EditionDetail,
    how: crate::cite::HowToCite,
    report: Option<Report>,
}

async fn show_edition(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Html<String>, WebError> {
    let e = editions::detail(&s.store, &slug)
        .await?
        .ok_or_else(|| WebError::NotFound(crate::lang::ta("ls-no-edition", &[("slug", &format!("{slug:?}"))])))?;
    let edition = super::cite::of_edition(&s.mail.public_url, &e, None);
    let how = crate::cite::HowToCite::of(&edition, "editions", &slug);
    let report = reports::report(&s, &slug).await?;
    Ok(Html(EditionPage { e, how, report }.render()?))
}

#[derive(Template)]
#[template(path = "sources.html")]
struct SourcesPage {
    sources: Vec<SourceDetail>,
    archives: std::collections::HashMap<String, sources::ArchiveLink>,
    /// Each filter's choices, labelled with their counts.
    kinds: Vec<(String, String)>,
    languages: Vec<(String, String)>,
    filter_kind: String,
    filter_language: String,
    csv_href: String,
    problems: Vec<Problem>,
}

impl SourcesPage {
    /// The archived file of the source `slug`, if it has one.
    fn archive(&self, slug: &str) -> Option<&sources::ArchiveLink> {
        self.archives.get(slug)
    }

    /// The `lang` attribute of a source's title on a French or Spanish page: the language the
    /// source is written in where it is recorded, else English (nothing on an English page).
    fn title_lang(&self, language: Option<&String>) -> String {
        let english = crate::lang::english_attr();
        match language {
            Some(l) if !english.is_empty() && !l.is_empty() && l.chars().all(|c| c.is_ascii_lowercase()) => {
                format!(" lang=\"{l}\"")
            }
            _ => english.to_string(),
        }
    }
}

async fn list_sources(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, WebError> {
    let p = Params::parse_form(q.as_deref(), &[&SOURCE_KIND, &LANGUAGE])?;
    let mut filter = source_filter(&p)?;
    let known = match &filter.language {
        Some(_) => s.store.source_languages().await?,
        None => Vec::new(),
    };
    if let Some(l) = &filter.language
        && !known.contains(l)
    {
        p.keep(
            WebError::bad_param(
                "language",
                &format!(
                    "no source is in {l:?}; the sources' languages are: {}",
                    known.join(", ")
                ),
            ),
            || {
                crate::lang::ta(
                    "ls-problem-no-language",
                    &[("value", &format!("{l:?}")), ("known", &known.join(", "))],
                )
            },
        )?;
        filter.language = None;
    }
    let (rows, facets) = sources::detailed(&s.store, &filter).await?;
    let problems = p.problems();
    let page = SourcesPage {
        sources: rows,
        archives: sources::archive_links(&s.store).await?,
        kinds: facets::choices_in(&facets, "kind", |code, english| {
            facets::word("source-kind", code, english)
        }),
        languages: facets::choices_in(&facets, "language", |code, english| {
            facets::word("language", code, english)
        }),
        filter_kind: filter.kind.unwrap_or_default(),
        filter_language: filter.language.unwrap_or_default(),
        csv_href: format!(
            "/api/v1/sources.csv{}",
            sanitize_query(q.as_deref().unwrap_or(""), &problems)
        ),
        problems,
    };
    filter_page(&page, &page.problems)
}

/// A source's archived file, as a download under its name with its media type (never shown in
/// the page: an HTML snapshot is not run on this site).
async fn source_archive(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, WebError> {
    let missing = || WebError::NotFound(format!("The source {slug:?} has no archived file."));
    let file = match s.store.source_archive_file(&slug).await {
        Ok(Some(f)) => f,
        Ok(None) | Err(nmp_store::StoreError::NotFound { .. }) => return Err(missing()),
        Err(e) => return Err(e.into()),
    };
    Ok((
        [
            (header::CONTENT_TYPE, file.content_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                nmp_collect::attach::content_disposition(&file.file_name),
            ),
            (header::CACHE_CONTROL, "no-cache".to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        file.content,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "about.html")]
struct AboutPage {
    functions: Vec<(String, String, String)>,
}

async fn about(State(s): State<AppState>) -> Result<Html<String>, WebError> {
    let functions = s
        .store
        .all::<function::Entity>()
        .await?
        .into_iter()
        .map(|f| (f.code, f.label, f.description))
        .collect();
    Ok(Html(AboutPage { functions }.render()?))
}

impl DataPage {
    /// The paragraph on the API's conventions, as HTML (its parameters and answers in `<code>`).
    fn api_html(&self) -> String {
        crate::views::search::code_html(
            "ls-data-api",
            &[
                ("list", r#"{"items": [...], "total": N, "limit": L, "offset": O}"#),
                (
                    "example",
                    r#"{"region": [{"value": "africa", "label": "Africa", "count": 10}, ...]}"#,
                ),
                (
                    "error",
                    r#"{"error": {"code": "bad_parameter", "message": "...", "field": "region"}}"#,
                ),
            ],
        )
    }
}

struct Endpoint {
    path: String,
    summary: String,
    params: Vec<String>,
}

#[derive(Template)]
#[template(path = "data.html")]
struct DataPage {
    editions: Vec<(String, String)>,
    reports: Vec<Report>,
    endpoints: Vec<Endpoint>,
}

async fn data(State(s): State<AppState>) -> Result<Html<String>, WebError> {
    let editions = editions::list(&s.store)
        .await?
        .into_iter()
        .map(|e| (e.slug.clone(), format!("{} ({})", e.title, e.slug)))
        .collect();
    let spec = crate::api::openapi::spec();
    let endpoints = spec
        .paths
        .paths
        .iter()
        .filter_map(|(path, item)| {
            let op = item.get.as_ref()?;
            Some(Endpoint {
                path: path.clone(),
                summary: op
                    .summary
                    .clone()
                    .or_else(|| op.description.clone())
                    .unwrap_or_default(),
                params: op
                    .parameters
                    .iter()
                    .flatten()
                    .filter_map(|p| match p {
                        utoipa::openapi::RefOr::T(p) => Some(p.name.clone()),
                        _ => None,
                    })
                    .collect(),
            })
        })
        .collect();
    let reports = reports::reports(&s).await?;
    Ok(Html(
        DataPage {
            editions,
            reports,
            endpoints,
        }
        .render()?,
    ))
}
