//! Mechanisms: the list (flat rows, also CSV) here, and the detail (status history, members,
//! functions by edition, activities, the editions that featured it, every fact with its
//! citations) in `detail.rs`.

mod detail;

pub use detail::{
    ActivityView, FeaturedIn, FunctionView, InstrumentView, MechanismDetail, MemberView, OrgRef, StatusView,
};
pub(crate) use detail::{detail, details};

use std::collections::HashMap;

use nmp_core::vocab::{MechanismLevel, MechanismStatus, MechanismType, UnRegionalGroup, geo_label};
use nmp_store::Store;
use nmp_store::bundle::status_order;
use nmp_store::entity::{country, mechanism, mechanism_status, membership};
use serde::Serialize;
use utoipa::ToSchema;

use super::facets::{self, Facet, Facets, one};
use crate::WebError;
use crate::api::query::REGIONS;

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

/// Filters of the mechanism list.
#[derive(Debug, Default, Clone)]
pub struct MechanismFilter {
    /// ISO alpha-3.
    pub country: Option<String>,
    /// UN region code.
    pub region: Option<String>,
    /// UN regional group code.
    pub group: Option<String>,
    /// Level code.
    pub level: Option<String>,
    /// Type code.
    pub kind: Option<String>,
    /// Latest status code.
    pub status: Option<String>,
}

/// Every mechanism matching `filter`, by country name then name, with the facet counts of the
/// list's filters (`country`, `region`, `group`, `level`, `type`, `status`), counted over the
/// rows read for the list.
pub(crate) async fn faceted(store: &Store, filter: &MechanismFilter) -> Result<(Vec<MechanismItem>, Facets), WebError> {
    let rows = items(store, store.all::<mechanism::Entity>().await?).await?;
    let mut countries: Vec<(String, String)> = rows
        .iter()
        .filter_map(|m| Some((m.country_iso3.clone()?, m.country_name.clone()?)))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    countries.dedup();
    let vocab = |all: Vec<(&'static str, &'static str)>| -> Vec<(String, String)> {
        all.into_iter().map(|(c, l)| (c.to_string(), l.to_string())).collect()
    };
    let filters = [
        Facet {
            field: "country",
            options: countries,
            of: |m: &MechanismItem| one(&m.country_iso3),
            chosen: filter.country.clone(),
        },
        Facet {
            field: "region",
            options: REGIONS.iter().map(|r| (r.to_string(), geo_label(r))).collect(),
            of: |m| one(&m.un_region),
            chosen: filter.region.clone(),
        },
        Facet {
            field: "group",
            options: vocab(UnRegionalGroup::ALL.iter().map(|g| (g.code(), g.label())).collect()),
            of: |m| one(&m.un_regional_group),
            chosen: filter.group.clone(),
        },
        Facet {
            field: "level",
            options: vocab(MechanismLevel::ALL.iter().map(|g| (g.code(), g.label())).collect()),
            of: |m| vec![m.level.clone()],
            chosen: filter.level.clone(),
        },
        Facet {
            field: "type",
            options: vocab(MechanismType::ALL.iter().map(|g| (g.code(), g.label())).collect()),
            of: |m| vec![m.kind.clone()],
            chosen: filter.kind.clone(),
        },
        Facet {
            field: "status",
            options: vocab(MechanismStatus::ALL.iter().map(|g| (g.code(), g.label())).collect()),
            of: |m| one(&m.status),
            chosen: filter.status.clone(),
        },
    ];
    Ok(facets::apply(rows, &filters))
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

/// The flat rows of `mechanisms` (a light read: no citations or texts), by country name then
/// name.
async fn items(store: &Store, mechanisms: Vec<mechanism::Model>) -> Result<Vec<MechanismItem>, WebError> {
    let ids: Vec<i32> = mechanisms.iter().map(|m| m.mechanism_id).collect();
    let countries: HashMap<String, country::Model> = store
        .rows_where::<country::Entity, _>(
            country::Column::CountryIso3,
            mechanisms.iter().filter_map(|m| m.country_iso3.clone()),
        )
        .await?
        .into_iter()
        .map(|c| (c.country_iso3.clone(), c))
        .collect();
    let mut statuses: HashMap<i32, Vec<mechanism_status::Model>> = HashMap::new();
    for s in store
        .rows_where::<mechanism_status::Entity, _>(mechanism_status::Column::MechanismId, ids.clone())
        .await?
    {
        statuses.entry(s.mechanism_id).or_default().push(s);
    }
    let mut member_counts: HashMap<i32, usize> = HashMap::new();
    for m in store
        .rows_where::<membership::Entity, _>(membership::Column::MechanismId, ids.clone())
        .await?
    {
        *member_counts.entry(m.mechanism_id).or_default() += 1;
    }
    let citation_counts = store
        .citation_counts("mechanism", ids.iter().map(i32::to_string))
        .await?;
    let mut out: Vec<MechanismItem> = mechanisms
        .iter()
        .map(|m| {
            let country = m.country_iso3.as_ref().and_then(|iso| countries.get(iso));
            let latest = statuses
                .get(&m.mechanism_id)
                .and_then(|own| own.iter().max_by_key(|s| status_order(s)))
                .map(|s| s.status.clone());
            let members = member_counts.get(&m.mechanism_id).copied().unwrap_or(0);
            let cited = citation_counts.get(&m.mechanism_id.to_string()).copied().unwrap_or(0);
            item(m, country, latest, members, cited)
        })
        .collect();
    out.sort_by(|a, b| (&a.country_name, &a.name).cmp(&(&b.country_name, &b.name)));
    Ok(out)
}

/// Mechanisms of one country.
pub(crate) async fn of_country(store: &Store, iso3: &str) -> Result<Vec<mechanism::Model>, WebError> {
    Ok(store
        .rows_where::<mechanism::Entity, _>(mechanism::Column::CountryIso3, [iso3.to_string()])
        .await?)
}
