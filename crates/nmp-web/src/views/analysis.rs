//! The analysis bench: the report's indicators for an edition (computed by
//! `nmp_core::indicators` from the store's facts), their change since the previous edition, and
//! the question the report needs answered: which of the highest-risk states (Early Warning
//! Project top 30) have a national mechanism, a network membership, or neither.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use nmp_core::PartialDate;
use nmp_core::indicators::{
    Change, CountryFact, Facts, Indicators, MechanismFact, MemberFact, NetworkFact, StatusFact, change, compute, exists,
};
use nmp_core::vocab::{FunctionLevel, MechanismStatus, Sector};
use nmp_store::Store;
use nmp_store::entity::{
    activity, country, dataset, edition, function, indicator, mechanism, mechanism_function, mechanism_status,
    membership, network, network_membership, observation, organization, profile,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::WebError;

fn date(text: &Option<String>) -> Option<PartialDate> {
    text.as_deref().and_then(|t| PartialDate::parse("date", t).ok())
}

/// The year an edition stands for: its slug when it is a year, else its publication year.
pub(crate) fn edition_year(e: &edition::Model) -> Option<i32> {
    e.slug
        .parse()
        .ok()
        .or_else(|| date(&e.published_on).map(|d| d.date.year()))
}

/// Everything the indicators need, read from the store once.
pub(crate) async fn facts(store: &Store) -> Result<Facts, WebError> {
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
    let activities = store.all::<activity::Entity>().await?;
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
            evidence.extend(
                activities
                    .iter()
                    .filter(|a| a.mechanism_id == id)
                    .filter_map(|a| date(&Some(a.occurred_on.clone()))),
            );
            evidence.extend(
                profiles
                    .iter()
                    .filter(|p| p.mechanism_id == id)
                    .filter_map(|p| editions.get(&p.edition_id).and_then(edition_year))
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

/// An edition the analysis can be shown for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionChoice {
    /// Slug.
    pub slug: String,
    /// The year it stands for.
    pub year: Option<i32>,
}

/// The indicators of an edition and their change since the previous one.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The edition shown (`None`: all data recorded, dated or not).
    pub edition: Option<EditionChoice>,
    /// The previous edition, if any.
    pub previous: Option<EditionChoice>,
    /// The indicators.
    pub indicators: Indicators,
    /// Change since the previous edition.
    pub change: Option<Change>,
}

/// The editions in year order (oldest first).
pub(crate) async fn editions(store: &Store) -> Result<Vec<EditionChoice>, WebError> {
    let mut out: Vec<EditionChoice> = store
        .all::<edition::Entity>()
        .await?
        .iter()
        .map(|e| EditionChoice {
            slug: e.slug.clone(),
            year: edition_year(e),
        })
        .collect();
    out.sort_by_key(|e| (e.year, e.slug.clone()));
    Ok(out)
}

/// The analysis for `edition` (a slug, or `None` for all data).
pub(crate) async fn analysis(store: &Store, facts: &Facts, edition: Option<&str>) -> Result<Analysis, WebError> {
    let all = editions(store).await?;
    let Some(slug) = edition else {
        let indicators = compute(facts, None, all.last().map(|e| e.slug.as_str()));
        let previous = all.last().cloned();
        let change = previous
            .as_ref()
            .map(|p| change(&compute(facts, p.year, Some(&p.slug)), &indicators));
        return Ok(Analysis {
            edition: None,
            previous,
            indicators,
            change,
        });
    };
    let position = all.iter().position(|e| e.slug == slug).ok_or_else(|| {
        WebError::bad_param(
            "edition",
            &format!(
                "{slug:?} is not one of: {}",
                all.iter().map(|e| e.slug.as_str()).collect::<Vec<_>>().join(", ")
            ),
        )
    })?;
    let this = all[position].clone();
    let indicators = compute(facts, this.year, Some(&this.slug));
    let previous = position.checked_sub(1).map(|p| all[p].clone());
    let change = previous
        .as_ref()
        .map(|p| change(&compute(facts, p.year, Some(&p.slug)), &indicators));
    Ok(Analysis {
        edition: Some(this),
        previous,
        indicators,
        change,
    })
}

/// The analysis for an `edition` parameter: a slug, `all` for all data recorded, or absent for
/// the latest edition.
pub(crate) async fn for_param(store: &Store, facts: &Facts, edition: Option<&str>) -> Result<Analysis, WebError> {
    let chosen = match edition {
        Some("all") => None,
        Some(slug) => Some(slug.to_string()),
        None => editions(store).await?.last().map(|e| e.slug.clone()),
    };
    analysis(store, facts, chosen.as_deref()).await
}

/// One of the highest-risk states.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HighRiskRow {
    /// Rank (1 = highest risk).
    pub rank: i64,
    /// ISO alpha-3.
    pub iso3: String,
    /// Country name.
    pub name: String,
    /// Two-year risk of a new mass-killing onset (probability).
    pub risk: f64,
    /// Whether it has a national mechanism (existing, as recorded).
    pub has_mechanism: bool,
    /// Networks it belongs to (slugs, `;`-separated).
    pub networks: String,
    /// `mechanism`, `network only` or `neither`.
    pub category: String,
}

/// The high-risk table: the dataset used and its top `top` states.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HighRisk {
    /// Dataset slug.
    pub dataset: String,
    /// Dataset title.
    pub title: String,
    /// Publisher's version.
    pub dataset_version: Option<String>,
    /// The states, by rank.
    pub rows: Vec<HighRiskRow>,
}

/// The top `top` states of the latest imported Early Warning Project dataset (slug `ewp-*`),
/// or `None` when none has been imported.
pub(crate) async fn high_risk(store: &Store, facts: &Facts, top: i64) -> Result<Option<HighRisk>, WebError> {
    let Some(ds) = store
        .all::<dataset::Entity>()
        .await?
        .into_iter()
        .filter(|d| d.slug.starts_with("ewp-"))
        .max_by(|a, b| a.slug.cmp(&b.slug))
    else {
        return Ok(None);
    };
    let indicators = store
        .rows_where::<indicator::Entity, _>(indicator::Column::DatasetId, [ds.dataset_id])
        .await?;
    let id_of = |code: &str| indicators.iter().find(|i| i.code == code).map(|i| i.indicator_id);
    let (Some(rank_id), Some(risk_id)) = (id_of("rank_2yr"), id_of("risk_2yr")) else {
        return Ok(None);
    };
    let observations = store
        .rows_where::<observation::Entity, _>(observation::Column::IndicatorId, [rank_id, risk_id])
        .await?;
    let risk: HashMap<&str, f64> = observations
        .iter()
        .filter(|o| o.indicator_id == risk_id)
        .map(|o| (o.country_iso3.as_str(), o.value))
        .collect();
    let names: HashMap<String, String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.name))
        .collect();
    let with_mechanism: BTreeSet<&str> = facts
        .mechanisms
        .iter()
        .filter(|m| m.level == "national" && exists(m, None))
        .filter_map(|m| m.iso3.as_deref())
        .collect();
    let mut rows: Vec<HighRiskRow> = observations
        .iter()
        .filter(|o| o.indicator_id == rank_id && (o.value as i64) <= top)
        .map(|o| {
            let iso3 = o.country_iso3.as_str();
            let nets: BTreeSet<&str> = facts
                .networks
                .iter()
                .filter(|n| n.iso3 == iso3 && n.left.is_none())
                .map(|n| n.network.as_str())
                .collect();
            let has_mechanism = with_mechanism.contains(iso3);
            HighRiskRow {
                rank: o.value as i64,
                iso3: iso3.to_string(),
                name: names.get(iso3).cloned().unwrap_or_else(|| iso3.to_string()),
                risk: risk.get(iso3).copied().unwrap_or(f64::NAN),
                has_mechanism,
                category: if has_mechanism {
                    "mechanism"
                } else if nets.is_empty() {
                    "neither"
                } else {
                    "network only"
                }
                .to_string(),
                networks: nets.into_iter().collect::<Vec<_>>().join(";"),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.rank);
    Ok(Some(HighRisk {
        dataset: ds.slug,
        title: ds.title,
        dataset_version: ds.dataset_version,
        rows,
    }))
}
