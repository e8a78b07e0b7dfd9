//! The bibliography: every source with what cites it, and the flat list of citations.

use std::collections::{BTreeSet, HashMap};

use nmp_core::vocab::SourceKind;
use nmp_store::Store;
use nmp_store::entity::{
    activity, citation, country, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use serde::Serialize;
use utoipa::ToSchema;

use nmp_store::source_list::{SourceFacet, SourceListPage};

use super::facets::{self, Facets};
use super::label;
use crate::WebError;
use crate::params::Page;

/// A source as a flat row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SourceItem {
    /// Slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Kind code (vocabulary `SourceKind`).
    pub kind: String,
    /// Author(s).
    pub author: Option<String>,
    /// Publisher or site.
    pub publisher: Option<String>,
    /// Date (ISO 8601, reduced precision).
    pub published_on: Option<String>,
    /// Where to read it.
    pub url: Option<String>,
    /// ISO 639-1 language.
    pub language: Option<String>,
    /// When the URL was consulted (ISO 8601, reduced precision).
    pub accessed_on: Option<String>,
    /// A copy in a web archive, for when the URL no longer answers.
    pub archived_url: Option<String>,
    /// How many citations name it.
    pub citation_count: usize,
}

/// A record that cites a source.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CitedBy {
    /// Table of the record.
    pub entity: String,
    /// Key of the record.
    pub entity_id: String,
    /// What the record is, in words.
    pub label: String,
    /// Page where it is shown.
    pub href: Option<String>,
    /// Field cited, if one.
    pub field: Option<String>,
    /// Page or section of the source.
    pub locator: Option<String>,
}

/// A source with what cites it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SourceDetail {
    /// The flat fields.
    #[serde(flatten)]
    pub item: SourceItem,
    /// Kind label.
    pub kind_label: String,
    /// Notes on the source.
    pub note: Option<String>,
    /// Records citing it.
    pub cited_by: Vec<CitedBy>,
}

/// A citation as a flat row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CitationItem {
    /// Citation id.
    pub citation_id: i32,
    /// Source slug.
    pub source: String,
    /// Table of the cited record.
    pub entity: String,
    /// Key of the cited record.
    pub entity_id: String,
    /// Field cited (empty: the whole record).
    pub field: Option<String>,
    /// Page or section of the source.
    pub locator: Option<String>,
    /// Exact words quoted.
    pub quote: Option<String>,
}

/// Filters of the source list (the store's: the database applies them).
pub use nmp_store::source_list::SourceListFilter as SourceFilter;

/// What people call a language the sources are written in (its ISO 639-1 code otherwise).
fn language_label(code: &str) -> String {
    match code {
        "en" => "English",
        "fr" => "French",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "de" => "German",
        "ar" => "Arabic",
        "sw" => "Swahili",
        other => other,
    }
    .to_string()
}

/// A filter of the list: its parameter's name, the store's facet, and the values offered with
/// their labels.
type FacetOptions = (&'static str, SourceFacet, Vec<(String, String)>);

/// The facet options of the list's filters: every kind of the vocabulary, and every language some
/// source is written in (`languages`), by its name.
fn facet_options(languages: Vec<String>) -> [FacetOptions; 2] {
    let mut languages: Vec<(String, String)> = languages
        .into_iter()
        .map(|l| {
            let label = language_label(&l);
            (l, label)
        })
        .collect();
    languages.sort_by(|a, b| a.1.cmp(&b.1));
    languages.dedup();
    [
        (
            "kind",
            SourceFacet::Kind,
            SourceKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label().to_string()))
                .collect(),
        ),
        ("language", SourceFacet::Language, languages),
    ]
}

/// The sources matching `filter`, by title in lower case (then as recorded): the page `page`
/// (every row when `None`), the number of rows over all pages, and the facet counts of the list's
/// filters (`kind`, `language`). The database filters, pages and counts
/// (`nmp_store::source_list`); no request reads every source with its citations.
pub(crate) async fn list(
    store: &Store,
    filter: &SourceFilter,
    page: Option<Page>,
) -> Result<(Vec<SourceItem>, usize, Facets), WebError> {
    let (listed, counts) = read_list(store, filter, page).await?;
    let total = usize::try_from(listed.total).unwrap_or(usize::MAX);
    let rows = listed
        .rows
        .into_iter()
        .map(|r| source_item(r.source, usize::try_from(r.citation_count).unwrap_or(usize::MAX)))
        .collect();
    Ok((rows, total, counts))
}

/// One page of the store's list and the facet counts beside it.
async fn read_list(
    store: &Store,
    filter: &SourceFilter,
    page: Option<Page>,
) -> Result<(SourceListPage, Facets), WebError> {
    let (limit, offset) = Page::bounds(page);
    let listed = store.source_list(filter, limit, offset).await?;
    let mut counts = Facets::new();
    for (field, facet, options) in facet_options(store.source_languages().await?) {
        let per_value = store
            .source_facet_counts(filter, facet)
            .await?
            .into_iter()
            .map(|(value, n)| (value, usize::try_from(n).unwrap_or(usize::MAX)))
            .collect();
        counts.insert(field.to_string(), facets::counted(&options, per_value));
    }
    Ok((listed, counts))
}

/// The sources matching `filter` with what cites each, by title in lower case, and the facet
/// counts of the list's filters: the public `/sources` page, which shows every matching source.
/// Only the matching sources' citations are read, and only the records they cite.
pub(crate) async fn detailed(store: &Store, filter: &SourceFilter) -> Result<(Vec<SourceDetail>, Facets), WebError> {
    let (listed, counts) = read_list(store, filter, None).await?;
    let ids: Vec<i32> = listed.rows.iter().map(|r| r.source.source_id).collect();
    let citations = store
        .rows_where::<citation::Entity, _>(citation::Column::SourceId, ids)
        .await?;
    let describe = Describer::load(store, &citations).await?;
    // Each source's citations, in one pass (not one pass over every citation per source).
    let mut by_source: HashMap<i32, Vec<&citation::Model>> = HashMap::new();
    for c in &citations {
        by_source.entry(c.source_id).or_default().push(c);
    }
    let rows = listed
        .rows
        .into_iter()
        .map(|r| {
            let cited = by_source.remove(&r.source.source_id).unwrap_or_default();
            source_detail(r.source, &cited, &describe)
        })
        .collect();
    Ok((rows, counts))
}

/// The source `slug` with every record citing it (`None`: no such source), read alone.
pub(crate) async fn detail(store: &Store, slug: &str) -> Result<Option<SourceDetail>, WebError> {
    let Some((found, citations)) = store.source_with_citations(slug).await? else {
        return Ok(None);
    };
    let describe = Describer::load(store, &citations).await?;
    let cited: Vec<&citation::Model> = citations.iter().collect();
    Ok(Some(source_detail(found, &cited, &describe)))
}

/// A source with the records of `cited` (its citations, in citation order) described.
fn source_detail(s: source::Model, cited: &[&citation::Model], describe: &Describer) -> SourceDetail {
    let cited_by: Vec<CitedBy> = cited
        .iter()
        .map(|c| {
            let (label, href) = describe.describe(&c.entity, &c.entity_id);
            CitedBy {
                entity: c.entity.clone(),
                entity_id: c.entity_id.clone(),
                label,
                href,
                field: c.field.clone(),
                locator: c.locator.clone(),
            }
        })
        .collect();
    SourceDetail {
        kind_label: label::<SourceKind>(&s.kind),
        note: s.note.clone(),
        item: source_item(s, cited_by.len()),
        cited_by,
    }
}

fn source_item(s: source::Model, citation_count: usize) -> SourceItem {
    SourceItem {
        slug: s.slug,
        title: s.title,
        kind: s.kind,
        author: s.author,
        publisher: s.publisher,
        published_on: s.published_on,
        url: s.url,
        language: s.language,
        accessed_on: s.accessed_on,
        archived_url: s.archived_url,
        citation_count,
    }
}

/// One page of the citations (every one when `page` is `None`), optionally only of one table or
/// one source, in citation order, with the number over all pages: the database filters, pages and
/// counts (`Store::citation_list`).
pub(crate) async fn citations(
    store: &Store,
    entity: Option<&str>,
    source_slug: Option<&str>,
    page: Option<Page>,
) -> Result<(Vec<CitationItem>, usize), WebError> {
    let (limit, offset) = Page::bounds(page);
    let listed = store.citation_list(entity, source_slug, limit, offset).await?;
    let rows = listed
        .rows
        .into_iter()
        .map(|(source, c)| CitationItem {
            citation_id: c.citation_id,
            source,
            entity: c.entity,
            entity_id: c.entity_id,
            field: c.field,
            locator: c.locator,
            quote: c.quote,
        })
        .collect();
    Ok((rows, usize::try_from(listed.total).unwrap_or(usize::MAX)))
}

/// Names and links for cited records: only the records some of the citations name (and the
/// records whose parts they name) are read.
struct Describer {
    mechanisms: HashMap<i32, mechanism::Model>,
    networks: HashMap<i32, network::Model>,
    editions: HashMap<i32, edition::Model>,
    organizations: HashMap<i32, organization::Model>,
    countries: HashMap<String, String>,
    functions: HashMap<i32, String>,
    parents: HashMap<(String, String), (String, i32)>,
}

impl Describer {
    async fn load(store: &Store, citations: &[citation::Model]) -> Result<Self, WebError> {
        let ids = |entity: &str| -> Vec<i32> {
            citations
                .iter()
                .filter(|c| c.entity == entity)
                .filter_map(|c| c.entity_id.parse().ok())
                .collect()
        };
        let mut parents = HashMap::new();
        let mut put = |entity: &str, id: i32, parent: &str, parent_id: i32| {
            parents.insert((entity.to_string(), id.to_string()), (parent.to_string(), parent_id));
        };
        for r in store
            .rows_where::<mechanism_status::Entity, _>(
                mechanism_status::Column::MechanismStatusId,
                ids("mechanism_status"),
            )
            .await?
        {
            put("mechanism_status", r.mechanism_status_id, "mechanism", r.mechanism_id);
        }
        for r in store
            .rows_where::<membership::Entity, _>(membership::Column::MembershipId, ids("membership"))
            .await?
        {
            put("membership", r.membership_id, "mechanism", r.mechanism_id);
        }
        for r in store
            .rows_where::<activity::Entity, _>(activity::Column::ActivityId, ids("activity"))
            .await?
        {
            put("activity", r.activity_id, "mechanism", r.mechanism_id);
        }
        for r in store
            .rows_where::<mechanism_function::Entity, _>(
                mechanism_function::Column::MechanismFunctionId,
                ids("mechanism_function"),
            )
            .await?
        {
            put(
                "mechanism_function",
                r.mechanism_function_id,
                "mechanism",
                r.mechanism_id,
            );
        }
        for r in store
            .rows_where::<network_membership::Entity, _>(
                network_membership::Column::NetworkMembershipId,
                ids("network_membership"),
            )
            .await?
        {
            put("network_membership", r.network_membership_id, "network", r.network_id);
        }
        for r in store
            .rows_where::<network_count::Entity, _>(network_count::Column::NetworkCountId, ids("network_count"))
            .await?
        {
            put("network_count", r.network_count_id, "network", r.network_id);
        }
        for r in store
            .rows_where::<edition_publisher::Entity, _>(
                edition_publisher::Column::EditionPublisherId,
                ids("edition_publisher"),
            )
            .await?
        {
            put("edition_publisher", r.edition_publisher_id, "edition", r.edition_id);
        }
        for r in store
            .rows_where::<edition_contributor::Entity, _>(
                edition_contributor::Column::EditionContributorId,
                ids("edition_contributor"),
            )
            .await?
        {
            put("edition_contributor", r.edition_contributor_id, "edition", r.edition_id);
        }
        for r in store
            .rows_where::<edition_part::Entity, _>(edition_part::Column::EditionPartId, ids("edition_part"))
            .await?
        {
            put("edition_part", r.edition_part_id, "edition", r.edition_id);
        }
        for r in store
            .rows_where::<profile::Entity, _>(profile::Column::ProfileId, ids("profile"))
            .await?
        {
            put("profile", r.profile_id, "edition", r.edition_id);
        }
        // The records cited, and the parents of the cited parts of records.
        let with_parents = |entity: &str| -> BTreeSet<i32> {
            let mut all: BTreeSet<i32> = ids(entity).into_iter().collect();
            all.extend(parents.values().filter(|(p, _)| p == entity).map(|(_, id)| *id));
            all
        };
        let (mechanism_ids, network_ids, edition_ids) = (
            with_parents("mechanism"),
            with_parents("network"),
            with_parents("edition"),
        );
        let country_keys: BTreeSet<String> = citations
            .iter()
            .filter(|c| c.entity == "country")
            .map(|c| c.entity_id.clone())
            .collect();
        Ok(Describer {
            mechanisms: store
                .rows_where::<mechanism::Entity, _>(mechanism::Column::MechanismId, mechanism_ids)
                .await?
                .into_iter()
                .map(|m| (m.mechanism_id, m))
                .collect(),
            networks: store
                .rows_where::<network::Entity, _>(network::Column::NetworkId, network_ids)
                .await?
                .into_iter()
                .map(|m| (m.network_id, m))
                .collect(),
            editions: store
                .rows_where::<edition::Entity, _>(edition::Column::EditionId, edition_ids)
                .await?
                .into_iter()
                .map(|m| (m.edition_id, m))
                .collect(),
            organizations: store
                .rows_where::<organization::Entity, _>(organization::Column::OrganizationId, ids("organization"))
                .await?
                .into_iter()
                .map(|m| (m.organization_id, m))
                .collect(),
            countries: store
                .rows_where::<country::Entity, _>(country::Column::CountryIso3, country_keys)
                .await?
                .into_iter()
                .map(|c| (c.country_iso3, c.name))
                .collect(),
            functions: store
                .rows_where::<function::Entity, _>(function::Column::FunctionId, ids("function"))
                .await?
                .into_iter()
                .map(|f| (f.function_id, f.label))
                .collect(),
            parents,
        })
    }

    /// What the record is, and where it is shown.
    fn describe(&self, entity: &str, key: &str) -> (String, Option<String>) {
        let id: i32 = key.parse().unwrap_or_default();
        let what = |e: &str| e.replace('_', " ");
        match entity {
            "mechanism" => match self.mechanisms.get(&id) {
                Some(m) => (m.name.clone(), Some(format!("/mechanisms/{}", m.slug))),
                None => (format!("mechanism {key}"), None),
            },
            "network" => match self.networks.get(&id) {
                Some(n) => (n.name.clone(), Some(format!("/networks/{}", n.slug))),
                None => (format!("network {key}"), None),
            },
            "edition" => match self.editions.get(&id) {
                Some(e) => (
                    format!("{} ({})", e.title, e.slug),
                    Some(format!("/editions/{}", e.slug)),
                ),
                None => (format!("edition {key}"), None),
            },
            "organization" => match self.organizations.get(&id) {
                Some(o) => (
                    o.name.clone(),
                    o.country_iso3
                        .as_ref()
                        .map(|c| format!("/countries/{}", c.to_lowercase())),
                ),
                None => (format!("organization {key}"), None),
            },
            "function" => (
                format!("Function: {}", self.functions.get(&id).cloned().unwrap_or_default()),
                Some("/about#functions".into()),
            ),
            "country" => (
                self.countries.get(key).cloned().unwrap_or_else(|| key.to_string()),
                Some(format!("/countries/{}", key.to_lowercase())),
            ),
            child => match self.parents.get(&(child.to_string(), key.to_string())) {
                Some((parent, parent_id)) => {
                    let (label, href) = self.describe(parent, &parent_id.to_string());
                    (format!("{label}: {}", what(child)), href)
                }
                None => (format!("{} {key}", what(child)), None),
            },
        }
    }
}

/// What people call an archived file's kind, from its media type.
fn archive_kind(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "PDF",
        "text/html" => "HTML",
        _ => "plain text",
    }
}

/// A source's archived file for people: "PDF, 14 KB, sha256 bace6ec3…".
pub(crate) fn archive_text(content_type: &str, size_bytes: i32, sha256: &str) -> String {
    format!(
        "{}, {}, sha256 {}…",
        archive_kind(content_type),
        nmp_collect::attach::size_text(size_bytes.max(0) as usize),
        sha256.get(..8).unwrap_or(sha256)
    )
}

/// A source's archived file as the public list shows it.
#[derive(Debug, Clone)]
pub(crate) struct ArchiveLink {
    /// "PDF, 14 KB, sha256 bace6ec3…".
    pub text: String,
    /// The whole SHA-256, hex.
    pub sha256: String,
}

/// Every source's archived file, by slug.
pub(crate) async fn archive_links(store: &Store) -> Result<HashMap<String, ArchiveLink>, WebError> {
    Ok(store
        .source_archive_summaries()
        .await?
        .into_iter()
        .map(|f| {
            let text = archive_text(&f.content_type, f.size_bytes, &f.sha256);
            (f.slug, ArchiveLink { text, sha256: f.sha256 })
        })
        .collect())
}
