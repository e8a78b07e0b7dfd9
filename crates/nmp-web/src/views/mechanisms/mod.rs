//! Mechanisms: the list (flat rows, also CSV) here, and the detail (status history, members,
//! functions by edition, activities, the editions that featured it, every fact with its
//! citations) in `detail.rs`.

mod detail;

pub use detail::{
    ActivityView, FeaturedIn, FunctionView, InstrumentView, MechanismDetail, MemberView, OrgRef, StatusView,
};
pub(crate) use detail::{ON_COUNTRY_PAGE, detail, details};

use nmp_core::vocab::{MechanismLevel, MechanismStatus, MechanismType, UnRegionalGroup, geo_label};
use nmp_store::Store;
use nmp_store::entity::{country, mechanism};
use nmp_store::lists::MechanismFacet;
use serde::Serialize;
use utoipa::ToSchema;

use super::facets::{self, Facets};
use crate::WebError;
use crate::api::query::REGIONS;
use crate::params::Page;

/// One mechanism as a flat row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MechanismItem {
    /// Stable slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// ISO alpha-3 of its country.
    pub country_iso3: Option<String>,
    /// Country name.
    pub country_name: Option<String>,
    /// UN geoscheme region code of its country.
    pub un_region: Option<String>,
    /// UN regional group code of its country.
    pub un_regional_group: Option<String>,
    /// Level code (vocabulary `MechanismLevel`).
    pub level: String,
    /// Type code (vocabulary `MechanismType`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Created (ISO 8601, reduced precision).
    pub created_on: Option<String>,
    /// Launched or installed.
    pub launched_on: Option<String>,
    /// The latest status in its history.
    pub status: Option<String>,
    /// Founding instrument kind.
    pub instrument_kind: Option<String>,
    /// Number of member organisations recorded.
    pub member_count: usize,
    /// Number of citations of the mechanism record and its fields (its facts, such as statuses and
    /// memberships, are cited separately).
    pub citation_count: u64,
}

/// Filters of the mechanism list (the store's: the database applies them).
pub use nmp_store::lists::MechanismListFilter as MechanismFilter;

/// The mechanisms matching `filter`, by country name (none first) then name: the page `page`
/// (every row when `None`), the number of rows over all pages, and the facet counts of the
/// list's filters (`country`, `region`, `group`, `level`, `type`, `status`). The database filters,
/// orders, pages and counts (`nmp_store::lists`); no request reads the whole table.
pub(crate) async fn faceted(
    store: &Store,
    filter: &MechanismFilter,
    page: Option<Page>,
) -> Result<(Vec<MechanismItem>, usize, Facets), WebError> {
    let (limit, offset) = Page::bounds(page);
    let listed = store.mechanism_list(filter, limit, offset).await?;
    let rows = listed
        .rows
        .into_iter()
        .map(|r| {
            let members = usize::try_from(r.member_count).unwrap_or(usize::MAX);
            item(&r.mechanism, r.country.as_ref(), r.status, members, r.citation_count)
        })
        .collect();
    let vocab = |all: Vec<(&'static str, &'static str)>| -> Vec<(String, String)> {
        all.into_iter().map(|(c, l)| (c.to_string(), l.to_string())).collect()
    };
    let filters = [
        (
            "country",
            MechanismFacet::Country,
            store.countries_of_mechanisms().await?,
        ),
        (
            "region",
            MechanismFacet::Region,
            REGIONS.iter().map(|r| (r.to_string(), geo_label(r))).collect(),
        ),
        (
            "group",
            MechanismFacet::Group,
            vocab(UnRegionalGroup::ALL.iter().map(|g| (g.code(), g.label())).collect()),
        ),
        (
            "level",
            MechanismFacet::Level,
            vocab(MechanismLevel::ALL.iter().map(|g| (g.code(), g.label())).collect()),
        ),
        (
            "type",
            MechanismFacet::Type,
            vocab(MechanismType::ALL.iter().map(|g| (g.code(), g.label())).collect()),
        ),
        (
            "status",
            MechanismFacet::Status,
            vocab(MechanismStatus::ALL.iter().map(|g| (g.code(), g.label())).collect()),
        ),
    ];
    let mut counts = Facets::new();
    for (field, facet, options) in filters {
        let per_value = store
            .mechanism_facet_counts(filter, facet)
            .await?
            .into_iter()
            .map(|(value, n)| (value, usize::try_from(n).unwrap_or(usize::MAX)))
            .collect();
        counts.insert(field.to_string(), facets::counted(&options, per_value));
    }
    let total = usize::try_from(listed.total).unwrap_or(usize::MAX);
    Ok((rows, total, counts))
}

/// The flat row of a mechanism.
pub(super) fn item(
    m: &mechanism::Model,
    country: Option<&country::Model>,
    status: Option<String>,
    member_count: usize,
    citation_count: u64,
) -> MechanismItem {
    MechanismItem {
        member_count,
        citation_count,
        status,
        country_name: country.map(|c| c.name.clone()),
        un_region: country.and_then(|c| c.un_region.clone()),
        un_regional_group: country.and_then(|c| c.un_regional_group.clone()),
        slug: m.slug.clone(),
        name: m.name.clone(),
        acronym: m.acronym.clone(),
        country_iso3: m.country_iso3.clone(),
        level: m.level.clone(),
        kind: m.mechanism_type.clone(),
        created_on: m.created_on.clone(),
        launched_on: m.launched_on.clone(),
        instrument_kind: m.instrument_kind.clone(),
    }
}

/// Mechanisms of one country.
pub(crate) async fn of_country(store: &Store, iso3: &str) -> Result<Vec<mechanism::Model>, WebError> {
    Ok(store
        .rows_where::<mechanism::Entity, _>(mechanism::Column::CountryIso3, [iso3.to_string()])
        .await?)
}
