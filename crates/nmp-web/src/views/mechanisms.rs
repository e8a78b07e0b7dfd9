//! Mechanisms: the list (flat rows, also CSV) and the detail (status history, members, functions
//! by edition, activities, the editions that featured it), every fact with its citations.

use std::collections::{BTreeMap, HashMap};

use nmp_core::vocab::{
    Confidence, FunctionLevel, InstrumentKind, MechanismLevel, MechanismStatus, MechanismType, MemberRole,
    OrganizationKind, ProfileSection,
};
use nmp_store::Store;
use nmp_store::entity::{
    activity, country, edition, function, mechanism, mechanism_function, mechanism_status, membership, organization,
    profile,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::{Cite, Citer, label};
use crate::WebError;

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

/// A dated status.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusView {
    /// Status code.
    pub status: String,
    /// Status label.
    pub label: String,
    /// Since when.
    pub on: Option<String>,
    /// `sourced` or `unverified`.
    pub confidence: String,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// An organisation named by a record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrgRef {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Kind label.
    pub kind: String,
}

/// A member organisation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberView {
    /// The organisation.
    pub organization: OrgRef,
    /// Role code.
    pub role: String,
    /// Role label.
    pub role_label: String,
    /// Since.
    pub since: Option<String>,
    /// Until.
    pub until: Option<String>,
    /// `sourced` or `unverified`.
    pub confidence: String,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A function's level in an edition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FunctionView {
    /// Edition slug.
    pub edition: String,
    /// Function code.
    pub function: String,
    /// Function label.
    pub function_label: String,
    /// Level code.
    pub level: String,
    /// Level label.
    pub level_label: String,
    /// Evidence.
    pub evidence: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A dated activity.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivityView {
    /// When.
    pub on: String,
    /// Kind.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Outcome.
    pub outcome: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// The founding instrument.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InstrumentView {
    /// Kind code.
    pub kind: String,
    /// Kind label.
    pub kind_label: String,
    /// Number.
    pub number: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Link to the text.
    pub url: Option<String>,
}

/// An edition that featured the mechanism.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeaturedIn {
    /// Edition slug.
    pub edition: String,
    /// Edition title and subtitle.
    pub title: String,
    /// Section label.
    pub section: String,
    /// First page.
    pub page: Option<i32>,
}

/// A mechanism with everything recorded about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MechanismDetail {
    /// The flat fields.
    #[serde(flatten)]
    pub item: MechanismItem,
    /// Level label.
    pub level_label: String,
    /// Type label.
    pub type_label: String,
    /// Local-language name.
    pub local_name: Option<String>,
    /// Lead institution.
    pub lead_organization: Option<OrgRef>,
    /// Website.
    pub website: Option<String>,
    /// Mandate as the sources give it.
    pub mandate: Option<String>,
    /// Founding instrument.
    pub instrument: Option<InstrumentView>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// Citations of the record and its fields.
    pub cites: Vec<Cite>,
    /// Status history, oldest first.
    pub statuses: Vec<StatusView>,
    /// Member organisations.
    pub members: Vec<MemberView>,
    /// Functions by edition.
    pub functions: Vec<FunctionView>,
    /// Activities, oldest first.
    pub activities: Vec<ActivityView>,
    /// Editions that featured it.
    pub featured_in: Vec<FeaturedIn>,
}

impl MechanismDetail {
    /// Marks of one field, for templates.
    pub fn marks(&self, field: &str) -> Vec<&Cite> {
        super::marks(&self.cites, field)
    }

    /// Marks of the whole record, for templates.
    pub fn record_marks(&self) -> Vec<&Cite> {
        super::record_marks(&self.cites)
    }
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

fn latest_status(statuses: &[&mechanism_status::Model]) -> Option<String> {
    // Dated statuses in date order, then undated ones in the order they were recorded.
    let mut sorted: Vec<_> = statuses.to_vec();
    sorted.sort_by(|a, b| {
        (a.status_on.is_none(), &a.status_on, a.mechanism_status_id).cmp(&(
            b.status_on.is_none(),
            &b.status_on,
            b.mechanism_status_id,
        ))
    });
    sorted.last().map(|s| s.status.clone())
}

/// Every mechanism matching `filter`, by country name then name.
pub(crate) async fn list(store: &Store, filter: &MechanismFilter) -> Result<Vec<MechanismItem>, WebError> {
    let mechanisms = store.all::<mechanism::Entity>().await?;
    items(store, mechanisms).await.map(|items| {
        items
            .into_iter()
            .filter(|m| {
                filter
                    .country
                    .as_ref()
                    .is_none_or(|c| m.country_iso3.as_ref() == Some(c))
            })
            .filter(|m| filter.region.as_ref().is_none_or(|r| m.un_region.as_ref() == Some(r)))
            .filter(|m| {
                filter
                    .group
                    .as_ref()
                    .is_none_or(|g| m.un_regional_group.as_ref() == Some(g))
            })
            .filter(|m| filter.level.as_ref().is_none_or(|l| &m.level == l))
            .filter(|m| filter.kind.as_ref().is_none_or(|k| &m.kind == k))
            .filter(|m| filter.status.as_ref().is_none_or(|s| m.status.as_ref() == Some(s)))
            .collect()
    })
}

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
        .into_iter()
        .map(|m| {
            let c = m.country_iso3.as_ref().and_then(|iso| countries.get(iso));
            let own: Vec<_> = statuses.get(&m.mechanism_id).into_iter().flatten().collect();
            MechanismItem {
                member_count: member_counts.get(&m.mechanism_id).copied().unwrap_or(0),
                citation_count: citation_counts.get(&m.mechanism_id.to_string()).copied().unwrap_or(0),
                status: latest_status(&own),
                country_name: c.map(|c| c.name.clone()),
                un_region: c.and_then(|c| c.un_region.clone()),
                un_regional_group: c.and_then(|c| c.un_regional_group.clone()),
                slug: m.slug,
                name: m.name,
                acronym: m.acronym,
                country_iso3: m.country_iso3,
                level: m.level,
                kind: m.mechanism_type,
                created_on: m.created_on,
                launched_on: m.launched_on,
                instrument_kind: m.instrument_kind,
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.country_name, &a.name).cmp(&(&b.country_name, &b.name)));
    Ok(out)
}

fn org_ref(o: &organization::Model) -> OrgRef {
    OrgRef {
        slug: o.slug.clone(),
        name: o.name.clone(),
        acronym: o.acronym.clone(),
        kind: label!(OrganizationKind, o.kind),
    }
}

/// Full details of `mechanisms`, citing into `citer` in display order.
pub(crate) async fn details(
    store: &Store,
    citer: &mut Citer,
    mechanisms: Vec<mechanism::Model>,
) -> Result<Vec<MechanismDetail>, WebError> {
    let ids: Vec<i32> = mechanisms.iter().map(|m| m.mechanism_id).collect();
    let statuses = store
        .rows_where::<mechanism_status::Entity, _>(mechanism_status::Column::MechanismId, ids.clone())
        .await?;
    let members = store
        .rows_where::<membership::Entity, _>(membership::Column::MechanismId, ids.clone())
        .await?;
    let functions = store
        .rows_where::<mechanism_function::Entity, _>(mechanism_function::Column::MechanismId, ids.clone())
        .await?;
    let activities = store
        .rows_where::<activity::Entity, _>(activity::Column::MechanismId, ids.clone())
        .await?;
    let profiles = store
        .rows_where::<profile::Entity, _>(profile::Column::MechanismId, ids.clone())
        .await?;
    let org_ids = members
        .iter()
        .map(|m| m.organization_id)
        .chain(mechanisms.iter().filter_map(|m| m.lead_organization_id));
    let orgs: HashMap<i32, organization::Model> = store
        .rows_where::<organization::Entity, _>(organization::Column::OrganizationId, org_ids)
        .await?
        .into_iter()
        .map(|o| (o.organization_id, o))
        .collect();
    let function_names: HashMap<i32, function::Model> = store
        .all::<function::Entity>()
        .await?
        .into_iter()
        .map(|f| (f.function_id, f))
        .collect();
    let editions: BTreeMap<i32, edition::Model> = store
        .all::<edition::Entity>()
        .await?
        .into_iter()
        .map(|e| (e.edition_id, e))
        .collect();

    let keys = |ids: Vec<i32>| ids.into_iter().map(|i| i.to_string());
    citer.load(store, "mechanism", keys(ids.clone())).await?;
    citer
        .load(
            store,
            "mechanism_status",
            keys(statuses.iter().map(|s| s.mechanism_status_id).collect()),
        )
        .await?;
    citer
        .load(
            store,
            "membership",
            keys(members.iter().map(|s| s.membership_id).collect()),
        )
        .await?;
    citer
        .load(
            store,
            "mechanism_function",
            keys(functions.iter().map(|s| s.mechanism_function_id).collect()),
        )
        .await?;
    citer
        .load(
            store,
            "activity",
            keys(activities.iter().map(|s| s.activity_id).collect()),
        )
        .await?;

    let flat = items(store, mechanisms.clone()).await?;
    let mut out = Vec::new();
    for m in mechanisms {
        let item = flat
            .iter()
            .find(|i| i.slug == m.slug)
            .cloned()
            .expect("every mechanism has an item");
        let cites = citer.cite("mechanism", m.mechanism_id);
        let mut own_statuses: Vec<_> = statuses.iter().filter(|s| s.mechanism_id == m.mechanism_id).collect();
        own_statuses.sort_by(|a, b| {
            (a.status_on.is_none(), &a.status_on, a.mechanism_status_id).cmp(&(
                b.status_on.is_none(),
                &b.status_on,
                b.mechanism_status_id,
            ))
        });
        let statuses_view = own_statuses
            .into_iter()
            .map(|s| StatusView {
                label: label!(MechanismStatus, s.status),
                status: s.status.clone(),
                on: s.status_on.clone(),
                confidence: label!(Confidence, s.confidence).to_lowercase(),
                note: s.note.clone(),
                cites: citer.cite("mechanism_status", s.mechanism_status_id),
            })
            .collect();
        let members_view = members
            .iter()
            .filter(|x| x.mechanism_id == m.mechanism_id)
            .filter_map(|x| {
                let org = orgs.get(&x.organization_id)?;
                Some(MemberView {
                    organization: org_ref(org),
                    role_label: label!(MemberRole, x.role),
                    role: x.role.clone(),
                    since: x.since_on.clone(),
                    until: x.until_on.clone(),
                    confidence: x.confidence.clone(),
                    note: x.note.clone(),
                    cites: citer.cite("membership", x.membership_id),
                })
            })
            .collect();
        let functions_view = functions
            .iter()
            .filter(|f| f.mechanism_id == m.mechanism_id)
            .map(|f| FunctionView {
                edition: editions.get(&f.edition_id).map(|e| e.slug.clone()).unwrap_or_default(),
                function: function_names
                    .get(&f.function_id)
                    .map(|x| x.code.clone())
                    .unwrap_or_default(),
                function_label: function_names
                    .get(&f.function_id)
                    .map(|x| x.label.clone())
                    .unwrap_or_default(),
                level_label: label!(FunctionLevel, f.level),
                level: f.level.clone(),
                evidence: f.evidence.clone(),
                cites: citer.cite("mechanism_function", f.mechanism_function_id),
            })
            .collect();
        let mut own_activities: Vec<_> = activities.iter().filter(|a| a.mechanism_id == m.mechanism_id).collect();
        own_activities.sort_by(|a, b| (&a.occurred_on, a.activity_id).cmp(&(&b.occurred_on, b.activity_id)));
        let activities_view = own_activities
            .into_iter()
            .map(|a| ActivityView {
                on: a.occurred_on.clone(),
                kind: a.kind.clone(),
                title: a.title.clone(),
                description: a.description.clone(),
                outcome: a.outcome.clone(),
                cites: citer.cite("activity", a.activity_id),
            })
            .collect();
        let featured_in = profiles
            .iter()
            .filter(|p| p.mechanism_id == m.mechanism_id)
            .filter_map(|p| {
                let e = editions.get(&p.edition_id)?;
                Some(FeaturedIn {
                    edition: e.slug.clone(),
                    title: match &e.subtitle {
                        Some(s) => format!("{} ({}): {s}", e.title, e.slug),
                        None => format!("{} ({})", e.title, e.slug),
                    },
                    section: label!(ProfileSection, p.section),
                    page: p.page,
                })
            })
            .collect();
        out.push(MechanismDetail {
            level_label: label!(MechanismLevel, m.level),
            type_label: label!(MechanismType, m.mechanism_type),
            local_name: m.local_name.clone().filter(|l| *l != m.name),
            lead_organization: m.lead_organization_id.and_then(|id| orgs.get(&id)).map(org_ref),
            website: m.website.clone(),
            mandate: m.mandate.clone(),
            instrument: m.instrument_kind.as_ref().map(|k| InstrumentView {
                kind_label: label!(InstrumentKind, k),
                kind: k.clone(),
                number: m.instrument_number.clone(),
                date: m.instrument_date.clone(),
                title: m.instrument_title.clone(),
                url: m.instrument_url.clone(),
            }),
            note: m.note.clone(),
            cites,
            statuses: statuses_view,
            members: members_view,
            functions: functions_view,
            activities: activities_view,
            featured_in,
            item,
        });
    }
    Ok(out)
}

/// One mechanism by slug, with its notes.
pub(crate) async fn detail(store: &Store, slug: &str) -> Result<Option<(MechanismDetail, Vec<super::Note>)>, WebError> {
    let Some(m) = store.mechanism_by_slug(slug).await? else {
        return Ok(None);
    };
    let mut citer = Citer::default();
    let mut details = details(store, &mut citer, vec![m]).await?;
    Ok(details.pop().map(|d| (d, citer.notes)))
}

/// Mechanisms of one country.
pub(crate) async fn of_country(store: &Store, iso3: &str) -> Result<Vec<mechanism::Model>, WebError> {
    Ok(store
        .rows_where::<mechanism::Entity, _>(mechanism::Column::CountryIso3, [iso3.to_string()])
        .await?)
}
