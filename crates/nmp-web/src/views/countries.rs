//! Countries: the list with its filters (region, regional group, network, has a mechanism) and the
//! country page's data (mechanisms in full, network memberships, the qualitative risk
//! assessment), every fact cited.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::vocab::{NetworkRole, UnRegionalGroup, geo_label};
use nmp_store::Store;
use nmp_store::bundle::Activities;
use nmp_store::entity::{country, network, network_membership};
use serde::Serialize;
use utoipa::ToSchema;

use super::facets::{self, Facet, Facets, one};
use super::mechanisms::{self, MechanismDetail};
use super::risk::{self, RiskAssessmentView};
use super::summary::{self, Sentence};
use super::{Cite, Citer, Note, label};
use crate::WebError;
use crate::api::query::REGIONS;

/// A country as a flat row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountryItem {
    /// ISO 3166-1 alpha-3 (upper case).
    pub iso3: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// UN M49 code.
    pub m49: String,
    /// Name.
    pub name: String,
    /// UN geoscheme region code (e.g. `africa`).
    pub un_region: Option<String>,
    /// UN geoscheme sub-region code (e.g. `eastern-africa`).
    pub un_subregion: Option<String>,
    /// UN regional group code (`african`, `asia_pacific`, `eastern_european`, `grulac`, `weog`).
    pub un_regional_group: Option<String>,
    /// `member` or `observer`.
    pub un_status: String,
    /// Number of mechanisms recorded.
    pub mechanism_count: usize,
    /// Slugs of the networks it belongs to, separated by `;`.
    pub networks: String,
}

/// Filters of the country list. `None` means "any".
#[derive(Debug, Default, Clone)]
pub struct CountryFilter {
    /// UN region code.
    pub region: Option<String>,
    /// UN regional group code.
    pub group: Option<String>,
    /// Network slug.
    pub network: Option<String>,
    /// Whether the country has at least one mechanism.
    pub has_mechanism: Option<bool>,
}

/// A country's membership of a network.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountryNetwork {
    /// Network slug.
    pub slug: String,
    /// Network name.
    pub name: String,
    /// Role code.
    pub role: String,
    /// Role label.
    pub role_label: String,
    /// Joined.
    pub joined_on: Option<String>,
    /// Left.
    pub left_on: Option<String>,
    /// `sourced` or `unverified`.
    pub confidence: String,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A country with everything recorded about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountryDetail {
    /// The flat fields.
    #[serde(flatten)]
    pub item: CountryItem,
    /// Region label.
    pub un_region_label: Option<String>,
    /// Sub-region label.
    pub un_subregion_label: Option<String>,
    /// Regional group label.
    pub un_regional_group_label: Option<String>,
    /// Notes on the reference data.
    pub note: Option<String>,
    /// Its mechanisms in full.
    pub mechanisms: Vec<MechanismDetail>,
    /// Its network memberships.
    pub network_memberships: Vec<CountryNetwork>,
    /// The latest reconciled, released qualitative risk assessment along the UN Framework of
    /// Analysis (its evidence numbered into `notes`); absent when there is none.
    pub risk_assessment: Option<RiskAssessmentView>,
    /// The earlier ones, newest first (levels and trends; their evidence is not numbered here).
    pub risk_history: Vec<RiskAssessmentView>,
    /// A short summary generated from the cited facts above (what the mechanism is, since when,
    /// where it stands, what it has done, which networks), each sentence with its notes.
    pub summary: Vec<Sentence>,
    /// The numbered notes of this page.
    pub notes: Vec<Note>,
}

/// Every country matching `filter`, by name, with the facet counts of the list's filters
/// (`region`, `group`, `network`, `has_mechanism`), counted over the rows read for the list.
pub(crate) async fn faceted(store: &Store, filter: &CountryFilter) -> Result<(Vec<CountryItem>, Facets), WebError> {
    // The mechanisms are counted and the memberships' network slugs joined in the database; the
    // countries themselves are the world's (about 250 rows whatever the data's size) and the
    // networks the filter's choices.
    let per_mechanisms = store.mechanism_counts_by_country().await?;
    let per_country = store.network_slugs_by_country().await?;
    let networks = store.all::<network::Entity>().await?;
    let mut countries = store.all::<country::Entity>().await?;
    countries.sort_by(|a, b| a.name.cmp(&b.name));
    let rows: Vec<CountryItem> = countries
        .into_iter()
        .map(|c| {
            let mechanism_count = per_mechanisms
                .get(&c.country_iso3)
                .map_or(0, |n| usize::try_from(*n).unwrap_or(usize::MAX));
            let nets = per_country.get(&c.country_iso3).cloned().unwrap_or_default();
            item(c, mechanism_count, &nets)
        })
        .collect();
    let mut network_options: Vec<(String, String)> =
        networks.iter().map(|n| (n.slug.clone(), n.name.clone())).collect();
    network_options.sort_by(|a, b| a.1.cmp(&b.1));
    let filters = [
        Facet {
            field: "region",
            options: REGIONS.iter().map(|r| (r.to_string(), geo_label(r))).collect(),
            of: |c: &CountryItem| one(&c.un_region),
            chosen: filter.region.clone(),
        },
        Facet {
            field: "group",
            options: UnRegionalGroup::ALL
                .iter()
                .map(|g| (g.code().to_string(), g.label().to_string()))
                .collect(),
            of: |c| one(&c.un_regional_group),
            chosen: filter.group.clone(),
        },
        Facet {
            field: "network",
            options: network_options,
            of: |c| {
                c.networks
                    .split(';')
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            },
            chosen: filter.network.clone(),
        },
        Facet {
            field: "has_mechanism",
            options: vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())],
            of: |c| vec![if c.mechanism_count > 0 { "yes" } else { "no" }.to_string()],
            chosen: filter.has_mechanism.map(|h| if h { "yes" } else { "no" }.to_string()),
        },
    ];
    Ok(facets::apply(rows, &filters))
}

fn item(c: country::Model, mechanism_count: usize, networks: &BTreeSet<String>) -> CountryItem {
    CountryItem {
        iso3: c.country_iso3,
        iso2: c.iso2,
        m49: c.m49,
        name: c.name,
        un_region: c.un_region,
        un_subregion: c.un_subregion,
        un_regional_group: c.un_regional_group,
        un_status: c.un_status,
        mechanism_count,
        networks: networks.iter().cloned().collect::<Vec<_>>().join(";"),
    }
}

/// One country by ISO alpha-3 (any case).
pub(crate) async fn detail(store: &Store, iso3: &str) -> Result<Option<CountryDetail>, WebError> {
    let iso3 = iso3.to_ascii_uppercase();
    let Some(c) = store.get::<country::Entity>(iso3.clone()).await? else {
        return Ok(None);
    };
    let mut citer = Citer::default();
    let mut own = mechanisms::of_country(store, &iso3).await?;
    own.sort_by(|a, b| a.name.cmp(&b.name));
    let mechanisms =
        mechanisms::details(store, &mut citer, own, &Activities::Latest(mechanisms::ON_COUNTRY_PAGE)).await?;
    let memberships = store
        .rows_where::<network_membership::Entity, _>(network_membership::Column::CountryIso3, [iso3.clone()])
        .await?;
    let networks: BTreeMap<i32, network::Model> = store
        .all::<network::Entity>()
        .await?
        .into_iter()
        .map(|n| (n.network_id, n))
        .collect();
    citer
        .load(
            store,
            "network_membership",
            memberships.iter().map(|m| m.network_membership_id.to_string()),
        )
        .await?;
    let network_memberships: Vec<CountryNetwork> = memberships
        .iter()
        .filter_map(|m| {
            let n = networks.get(&m.network_id)?;
            Some(CountryNetwork {
                slug: n.slug.clone(),
                name: n.name.clone(),
                role_label: label::<NetworkRole>(&m.role),
                role: m.role.clone(),
                joined_on: m.joined_on.clone(),
                left_on: m.left_on.clone(),
                confidence: m.confidence.clone(),
                note: m.note.clone(),
                cites: citer.cite(
                    "network_membership",
                    m.network_membership_id,
                    &format!("{} in {}", c.name, super::short_name(&n.name, n.acronym.as_deref())),
                ),
            })
        })
        .collect();
    let (risk_assessment, risk_history) = risk::of_country(store, &mut citer, &iso3).await?;
    let slugs: BTreeSet<String> = network_memberships.iter().map(|n| n.slug.clone()).collect();
    let note = c.note.clone();
    let item = item(c, mechanisms.len(), &slugs);
    let mut detail = CountryDetail {
        un_region_label: item.un_region.as_deref().map(geo_label),
        un_subregion_label: item.un_subregion.as_deref().map(geo_label),
        un_regional_group_label: item.un_regional_group.as_ref().map(|g| label::<UnRegionalGroup>(g)),
        note,
        item,
        mechanisms,
        network_memberships,
        risk_assessment,
        risk_history,
        summary: Vec::new(),
        notes: citer.notes,
    };
    detail.summary = summary::of_country(&detail);
    Ok(Some(detail))
}
