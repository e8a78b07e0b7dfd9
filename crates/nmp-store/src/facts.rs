//! The facts the report's indicators are computed from (`nmp_core::indicators::Facts`), read
//! from the store once: sourced statuses, memberships with their organisations' sectors, dated
//! evidence (creation, launch, activities, the editions that featured a mechanism), function
//! assessments by edition, and network memberships. Shared by the analysis bench and the report.

use std::collections::{BTreeMap, HashMap};

use nmp_core::PartialDate;
use nmp_core::indicators::{CountryFact, Facts, MechanismFact, MemberFact, NetworkFact, StatusFact};
use nmp_core::vocab::{FunctionLevel, MechanismStatus, Sector};

use crate::entity::{
    country, edition, function, mechanism, mechanism_function, mechanism_status, membership, network,
    network_membership, organization, profile,
};
use crate::{Result, Store};

fn date(text: &Option<String>) -> Option<PartialDate> {
    text.as_deref().and_then(|t| PartialDate::parse("date", t).ok())
}

impl Store {
    /// Everything the indicators need, read from the store once.
    pub async fn indicator_facts(&self) -> Result<Facts> {
        let store = self;
        let countries = store.all::<country::Entity>().await?;
        let mechanisms = store.all::<mechanism::Entity>().await?;
        let statuses = store.all::<mechanism_status::Entity>().await?;
        let members = store.all::<membership::Entity>().await?;
        let sectors: HashMap<i32, Option<Sector>> = store
            .all::<organization::Entity>()
            .await?
            .into_iter()
            .map(|o| {
                (
                    o.organization_id,
                    o.sector.as_deref().and_then(|s| Sector::parse("sector", s).ok()),
                )
            })
            .collect();
        // Only the dates of activities count as evidence: two columns, not the whole rows.
        let mut activity_dates: HashMap<i32, Vec<PartialDate>> = HashMap::new();
        for (mechanism_id, on) in store.activity_dates().await? {
            if let Some(d) = date(&Some(on)) {
                activity_dates.entry(mechanism_id).or_default().push(d);
            }
        }
        let editions: HashMap<i32, edition::Model> = store
            .all::<edition::Entity>()
            .await?
            .into_iter()
            .map(|e| (e.edition_id, e))
            .collect();
        let profiles = store.all::<profile::Entity>().await?;
        let functions = store.all::<function::Entity>().await?;
        let function_codes: HashMap<i32, String> = functions.iter().map(|f| (f.function_id, f.code.clone())).collect();
        let assessments = store.all::<mechanism_function::Entity>().await?;
        let networks: HashMap<i32, String> = store
            .all::<network::Entity>()
            .await?
            .into_iter()
            .map(|n| (n.network_id, n.slug))
            .collect();
        let sourced = |c: &str| c == "sourced";
        let mechanism_facts = mechanisms
            .iter()
            .map(|m| {
                let id = m.mechanism_id;
                let mut evidence: Vec<PartialDate> = [date(&m.created_on), date(&m.launched_on)]
                    .into_iter()
                    .flatten()
                    .collect();
                evidence.extend(activity_dates.get(&id).into_iter().flatten().cloned());
                evidence.extend(
                    profiles
                        .iter()
                        .filter(|p| p.mechanism_id == id)
                        .filter_map(|p| editions.get(&p.edition_id))
                        .filter_map(|e| nmp_core::edition_year(&e.slug, e.published_on.as_deref()))
                        .filter_map(|y| PartialDate::parse("year", &format!("{y:04}")).ok()),
                );
                let mut functions: BTreeMap<String, BTreeMap<String, FunctionLevel>> = BTreeMap::new();
                for a in assessments.iter().filter(|a| a.mechanism_id == id) {
                    if let (Some(e), Some(code), Ok(level)) = (
                        editions.get(&a.edition_id),
                        function_codes.get(&a.function_id),
                        FunctionLevel::parse("level", &a.level),
                    ) {
                        functions.entry(e.slug.clone()).or_default().insert(code.clone(), level);
                    }
                }
                MechanismFact {
                    slug: m.slug.clone(),
                    iso3: m.country_iso3.clone(),
                    level: m.level.clone(),
                    kind: m.mechanism_type.clone(),
                    evidence,
                    statuses: statuses
                        .iter()
                        .filter(|s| s.mechanism_id == id && sourced(&s.confidence))
                        .filter_map(|s| {
                            Some(StatusFact {
                                status: MechanismStatus::parse("status", &s.status).ok()?,
                                on: date(&s.status_on),
                            })
                        })
                        .collect(),
                    members: members
                        .iter()
                        .filter(|x| x.mechanism_id == id && sourced(&x.confidence))
                        .map(|x| MemberFact {
                            sector: sectors.get(&x.organization_id).copied().flatten(),
                            since: date(&x.since_on),
                            until: date(&x.until_on),
                        })
                        .collect(),
                    functions,
                }
            })
            .collect();
        Ok(Facts {
            countries: countries
                .into_iter()
                .map(|c| CountryFact {
                    iso3: c.country_iso3,
                    region: c.un_region,
                    group: c.un_regional_group,
                })
                .collect(),
            mechanisms: mechanism_facts,
            functions: functions.into_iter().map(|f| (f.code, f.label)).collect(),
            networks: store
                .all::<network_membership::Entity>()
                .await?
                .into_iter()
                .filter(|n| sourced(&n.confidence))
                .filter_map(|n| {
                    Some(NetworkFact {
                        network: networks.get(&n.network_id)?.clone(),
                        iso3: n.country_iso3,
                        joined: date(&n.joined_on),
                        left: date(&n.left_on),
                    })
                })
                .collect(),
        })
    }
}
