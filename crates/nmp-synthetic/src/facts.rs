//! Writing the mechanisms of a [`Plan`] and what hangs from them: statuses, memberships,
//! function levels and activities, the full edition's profiles, and the citations of them all
//! (and of the initiatives, their partners and the consensus of the round, see `outcomes.rs`),
//! each table as one bulk insert whose keys are read back by natural key.

use std::collections::{HashMap, HashSet};

use nmp_core::vocab::{MechanismLevel, ReviewState};
use nmp_ingest::IngestError;
use nmp_store::entity::{activity, citation, mechanism, mechanism_function, mechanism_status, membership, profile};
use nmp_store::{ColumnTrait, Set};

use crate::loader::{Loader, note, span};
use crate::model::{Plan, Target};
use crate::outcomes::{Keys, OutcomeIds};

pub(crate) async fn write_mechanisms(l: &mut Loader, p: &Plan, orgs: &[i32]) -> Result<Vec<i32>, IngestError> {
    let rows = p
        .mechanisms
        .iter()
        .map(|m| mechanism::ActiveModel {
            slug: Set(m.slug.clone()),
            country_iso3: Set(Some(m.country.clone())),
            name: Set(m.name.clone()),
            local_name: Set(None),
            acronym: Set(Some(m.acronym.clone())),
            level: Set(MechanismLevel::National.code().into()),
            mechanism_type: Set(m.kind.into()),
            created_on: Set(Some(m.created_on.clone())),
            launched_on: Set(m.launched_on.clone()),
            lead_organization_id: Set(Some(orgs[m.lead])),
            website: Set(Some(format!("https://example.invalid/{}", m.slug))),
            mandate: Set(Some(m.mandate.clone())),
            instrument_kind: Set(Some(m.instrument_kind.into())),
            instrument_number: Set(Some(m.instrument_number.clone())),
            instrument_date: Set(Some(m.instrument_date.clone())),
            instrument_title: Set(Some(m.instrument_title.clone())),
            instrument_url: Set(None),
            note: Set(note(p.seed)),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("mechanism", rows).await?;
    let by_slug = l
        .keys::<mechanism::Entity, String>(mechanism::Column::Slug.starts_with("synthetic-"), |m| {
            (m.slug, m.mechanism_id)
        })
        .await?;
    Ok(p.mechanisms.iter().map(|m| by_slug[&m.slug]).collect())
}

/// Keys of the facts under the mechanisms, in plan order.
pub(crate) struct FactIds {
    statuses: Vec<i32>,
    memberships: Vec<i32>,
    function_levels: Vec<i32>,
    activities: Vec<i32>,
}

pub(crate) async fn write_facts(
    l: &mut Loader,
    p: &Plan,
    mechanisms: &[i32],
    orgs: &[i32],
    editions: &[i32],
    functions: &[i32],
) -> Result<FactIds, IngestError> {
    let statuses = p.statuses.iter().map(|s| mechanism_status::ActiveModel {
        mechanism_id: Set(mechanisms[s.mechanism]),
        status: Set(s.status.into()),
        status_on: Set(Some(s.on.clone())),
        confidence: Set("sourced".into()),
        note: Set(None),
        ..Default::default()
    });
    l.put("mechanism_status", statuses).await?;
    let memberships = p.memberships.iter().map(|m| membership::ActiveModel {
        mechanism_id: Set(mechanisms[m.mechanism]),
        organization_id: Set(orgs[m.organization]),
        role: Set(m.role.into()),
        since_on: Set(Some(m.since.clone())),
        until_on: Set(None),
        confidence: Set("sourced".into()),
        note: Set(None),
        ..Default::default()
    });
    l.put("membership", memberships).await?;
    let levels = p.function_levels.iter().map(|f| mechanism_function::ActiveModel {
        mechanism_id: Set(mechanisms[f.mechanism]),
        edition_id: Set(editions[f.edition]),
        function_id: Set(functions[f.function]),
        level: Set(f.level.into()),
        evidence: Set(Some(f.evidence.clone())),
        ..Default::default()
    });
    l.put("mechanism_function", levels).await?;
    let activities = p.activities.iter().map(|a| activity::ActiveModel {
        mechanism_id: Set(mechanisms[a.mechanism]),
        occurred_on: Set(a.on.clone()),
        kind: Set(a.kind.into()),
        function_id: Set(a.function.map(|f| functions[f])),
        title: Set(a.title.clone()),
        description: Set(Some(a.description.clone())),
        outcome: Set(a.outcome.clone()),
        ..Default::default()
    });
    l.put("activity", activities).await?;
    read_fact_ids(l, p, mechanisms, orgs, editions, functions).await
}

async fn read_fact_ids(
    l: &Loader,
    p: &Plan,
    mechanisms: &[i32],
    orgs: &[i32],
    editions: &[i32],
    functions: &[i32],
) -> Result<FactIds, IngestError> {
    // Every map is keyed by a new mechanism's id, so rows of other mechanisms in the range are
    // never looked up (the activities' are left out by that id, their titles being the key).
    let (lo, hi) = span(mechanisms);
    let statuses: HashMap<(i32, String), i32> = l
        .keys::<mechanism_status::Entity, _>(mechanism_status::Column::MechanismId.between(lo, hi), |s| {
            ((s.mechanism_id, s.status), s.mechanism_status_id)
        })
        .await?;
    let memberships: HashMap<(i32, i32), i32> = l
        .keys::<membership::Entity, _>(membership::Column::MechanismId.between(lo, hi), |m| {
            ((m.mechanism_id, m.organization_id), m.membership_id)
        })
        .await?;
    let levels: HashMap<(i32, i32, i32), i32> = l
        .keys::<mechanism_function::Entity, _>(mechanism_function::Column::MechanismId.between(lo, hi), |f| {
            ((f.mechanism_id, f.edition_id, f.function_id), f.mechanism_function_id)
        })
        .await?;
    // Titles and keys only: the activities' texts are most of the dataset's bytes.
    let new: HashSet<i32> = mechanisms.iter().copied().collect();
    let activities: HashMap<String, i32> = l
        .columns::<activity::Entity, (i32, String, i32)>(
            activity::Column::MechanismId.between(lo, hi),
            [
                activity::Column::MechanismId,
                activity::Column::Title,
                activity::Column::ActivityId,
            ],
        )
        .await?
        .into_iter()
        .filter(|(mechanism, _, _)| new.contains(mechanism))
        .map(|(_, title, id)| (title, id))
        .collect();
    Ok(FactIds {
        statuses: p
            .statuses
            .iter()
            .map(|s| statuses[&(mechanisms[s.mechanism], s.status.to_string())])
            .collect(),
        memberships: p
            .memberships
            .iter()
            .map(|m| memberships[&(mechanisms[m.mechanism], orgs[m.organization])])
            .collect(),
        function_levels: p
            .function_levels
            .iter()
            .map(|f| levels[&(mechanisms[f.mechanism], editions[f.edition], functions[f.function])])
            .collect(),
        activities: p.activities.iter().map(|a| activities[&a.title]).collect(),
    })
}

pub(crate) async fn write_profiles(
    l: &mut Loader,
    p: &Plan,
    mechanisms: &[i32],
    editions: &[i32],
    parts: &[i32],
) -> Result<Vec<i32>, IngestError> {
    let Some(full) = p.editions.iter().position(|e| e.full).map(|i| editions[i]) else {
        return Ok(Vec::new());
    };
    let rows = p
        .profiles
        .iter()
        .map(|x| {
            let [history, mandate, structure, outputs, challenges, recent] = x.narrative.clone();
            profile::ActiveModel {
                edition_id: Set(full),
                mechanism_id: Set(mechanisms[x.mechanism]),
                section: Set(x.section.into()),
                edition_part_id: Set(Some(parts[x.part])),
                heading: Set(None),
                page: Set(Some(x.page)),
                owner_organization_id: Set(None),
                assignee_account_id: Set(None),
                review_state: Set(ReviewState::Approved.code().into()),
                history: Set(Some(history)),
                mandate: Set(Some(mandate)),
                structure: Set(Some(structure)),
                outputs: Set(Some(outputs)),
                challenges: Set(Some(challenges)),
                recent_developments: Set(Some(recent)),
                ..Default::default()
            }
        })
        .collect::<Vec<_>>();
    l.put("profile", rows).await?;
    let by_mechanism = l
        .keys::<profile::Entity, i32>(profile::Column::EditionId.eq(full), |x| (x.mechanism_id, x.profile_id))
        .await?;
    Ok(p.profiles
        .iter()
        .map(|x| by_mechanism[&mechanisms[x.mechanism]])
        .collect())
}

pub(crate) async fn write_citations(
    l: &mut Loader,
    p: &Plan,
    keys: &Keys<'_>,
    facts: &FactIds,
    profiles: &[i32],
    parts: &[i32],
    assessed: &OutcomeIds,
) -> Result<(), IngestError> {
    let (sources, mechanisms) = (keys.sources, keys.mechanisms);
    let rows = p.citations.iter().map(|c| {
        let (entity, id) = match c.target {
            Target::Mechanism(i) => ("mechanism", mechanisms[i]),
            Target::Status(i) => ("mechanism_status", facts.statuses[i]),
            Target::Membership(i) => ("membership", facts.memberships[i]),
            Target::FunctionLevel(i) => ("mechanism_function", facts.function_levels[i]),
            Target::Activity(i) => ("activity", facts.activities[i]),
            Target::Profile(i) => ("profile", profiles[i]),
            Target::Part(i) => ("edition_part", parts[i]),
            Target::Initiative(i) => ("initiative", assessed.initiatives[i]),
            Target::Partner(i, k) => ("initiative_partner", assessed.partners[i][k]),
            Target::Consensus(i) => ("consensus", assessed.consensus[i]),
        };
        citation::ActiveModel {
            source_id: Set(sources[c.source]),
            entity: Set(entity.into()),
            entity_id: Set(id.to_string()),
            field: Set(c.field.map(str::to_string)),
            locator: Set(Some(c.locator.clone())),
            quote: Set(None),
            ..Default::default()
        }
    });
    l.put("citation", rows).await
}
