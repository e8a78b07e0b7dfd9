//! Writing the synthetic outcome assessments: the initiative kinds and the default framework
//! when the database has none (from the starter dataset, as the functions are), then the plan's
//! initiatives with their partners, the raters' synthetic accounts, and the full edition's round
//! with its targets, raters, ratings with evidence and consensus, each table as one bulk insert
//! whose keys are read back by natural key. The round is closed and releases its ratings (under
//! the raters' pseudonyms), so that the edition's data package carries a whole round; nobody opened
//! it or decided its consensus (`opened_by`, `decided_by` are empty: the platform wrote them).

use std::collections::HashMap;

use nmp_core::vocab::RoundState;
use nmp_ingest::IngestError;
use nmp_store::entity::{
    account, assessment_round, consensus, criterion, criterion_level, framework, initiative, initiative_kind,
    initiative_partner, rating, rating_evidence, round_rater, round_target,
};
use nmp_store::{ColumnTrait, Set};

use crate::loader::{Loader, note, span};
use crate::model::Plan;

/// The framework the synthetic round applies.
pub const FRAMEWORK: &str = "nmp-outcomes";

/// What the plan needs from the database: the initiative kinds and the framework's criteria.
pub(crate) struct Frame {
    /// Initiative kinds: (id, code, label), in key order.
    pub(crate) kinds: Vec<(i32, String, String)>,
    /// The framework version applied, when there is one.
    pub(crate) framework_id: Option<i32>,
    /// Its criteria in position order: (criterion id, level ids by rank).
    pub(crate) criteria: Vec<(i32, Vec<i32>)>,
}

impl Frame {
    /// (code, label) of each kind, for the plan.
    pub(crate) fn kind_labels(&self) -> Vec<(String, String)> {
        self.kinds.iter().map(|(_, c, l)| (c.clone(), l.clone())).collect()
    }

    /// The number of levels of each criterion, for the plan.
    pub(crate) fn levels(&self) -> Vec<usize> {
        self.criteria.iter().map(|(_, l)| l.len()).collect()
    }
}

/// Keys of rows written before, in plan order.
pub(crate) struct Keys<'a> {
    pub(crate) mechanisms: &'a [i32],
    pub(crate) organizations: &'a [i32],
    pub(crate) sources: &'a [i32],
}

/// The keys of the rows written, in plan order, for the citations.
#[derive(Default)]
pub(crate) struct OutcomeIds {
    pub(crate) initiatives: Vec<i32>,
    /// Per initiative, its partner rows in plan order.
    pub(crate) partners: Vec<Vec<i32>>,
    pub(crate) consensus: Vec<i32>,
}

/// Writes the initiative kinds and the default framework from the starter dataset if the
/// database has none, and reads them.
pub(crate) async fn frame(l: &mut Loader) -> Result<Frame, IngestError> {
    let mut starter = None;
    if l.w.read_all::<initiative_kind::Entity>().await?.is_empty() {
        let data = starter.get_or_insert(nmp_ingest::starter::parse(nmp_ingest::starter::embedded_files())?);
        let rows = data
            .initiative_kinds
            .iter()
            .map(|k| initiative_kind::ActiveModel {
                code: Set(k.value.code.clone()),
                label: Set(k.value.label.clone()),
                description: Set(k.value.description.clone()),
                ..Default::default()
            })
            .collect::<Vec<_>>();
        l.put("initiative_kind", rows).await?;
    }
    let kinds =
        l.w.read_all::<initiative_kind::Entity>()
            .await?
            .into_iter()
            .map(|k| (k.initiative_kind_id, k.code, k.label))
            .collect();
    if l.w
        .read_matching::<framework::Entity>(framework::Column::Slug.eq(FRAMEWORK))
        .await?
        .is_empty()
    {
        let data = match starter {
            Some(d) => d,
            None => nmp_ingest::starter::parse(nmp_ingest::starter::embedded_files())?,
        };
        if let Some(f) = data
            .frameworks
            .iter()
            .map(|f| &f.value)
            .filter(|f| f.slug == FRAMEWORK)
            .max_by_key(|f| f.version)
        {
            write_framework(l, f).await?;
        }
    }
    let Some(row) =
        l.w.read_matching::<framework::Entity>(framework::Column::Slug.eq(FRAMEWORK))
            .await?
            .into_iter()
            .max_by_key(|f| f.framework_version)
    else {
        return Ok(Frame {
            kinds,
            framework_id: None,
            criteria: Vec::new(),
        });
    };
    let mut criteria =
        l.w.read_matching::<criterion::Entity>(criterion::Column::FrameworkId.eq(row.framework_id))
            .await?;
    criteria.sort_by_key(|c| (c.position, c.criterion_id));
    let ids: Vec<i32> = criteria.iter().map(|c| c.criterion_id).collect();
    let mut levels =
        l.w.read_matching::<criterion_level::Entity>(criterion_level::Column::CriterionId.is_in(ids))
            .await?;
    levels.sort_by_key(|x| x.rank);
    Ok(Frame {
        kinds,
        framework_id: Some(row.framework_id),
        criteria: criteria
            .iter()
            .map(|c| {
                let of: Vec<i32> = levels
                    .iter()
                    .filter(|x| x.criterion_id == c.criterion_id)
                    .map(|x| x.criterion_level_id)
                    .collect();
                (c.criterion_id, of)
            })
            .collect(),
    })
}

/// The starter dataset's version of the framework, as three bulk inserts.
async fn write_framework(l: &mut Loader, f: &nmp_ingest::starter::model::Framework) -> Result<(), IngestError> {
    let version = f.version as i32;
    l.put(
        "framework",
        vec![framework::ActiveModel {
            slug: Set(f.slug.clone()),
            framework_version: Set(version),
            title: Set(f.title.clone()),
            description: Set(f.description.clone()),
            note: Set(f.note.clone()),
            ..Default::default()
        }],
    )
    .await?;
    let id = l
        .keys::<framework::Entity, i32>(framework::Column::Slug.eq(f.slug.as_str()), |x| {
            (x.framework_version, x.framework_id)
        })
        .await?[&version];
    let rows = f
        .criterion
        .iter()
        .enumerate()
        .map(|(i, c)| criterion::ActiveModel {
            framework_id: Set(id),
            code: Set(c.code.clone()),
            position: Set(i as i32 + 1),
            label: Set(c.label.clone()),
            description: Set(c.description.clone()),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("criterion", rows).await?;
    let by_code = l
        .keys::<criterion::Entity, String>(criterion::Column::FrameworkId.eq(id), |c| (c.code, c.criterion_id))
        .await?;
    let mut rows = Vec::new();
    for c in &f.criterion {
        for (rank, level) in c.level.iter().enumerate() {
            rows.push(criterion_level::ActiveModel {
                criterion_id: Set(by_code[&c.code]),
                rank: Set(rank as i32 + 1),
                label: Set(level.label.clone()),
                descriptor: Set(level.descriptor.clone()),
                ..Default::default()
            });
        }
    }
    l.put("criterion_level", rows).await
}

/// Writes the plan's initiatives, partners, raters and round; returns the keys the citations need.
pub(crate) async fn write(
    l: &mut Loader,
    p: &Plan,
    frame: &Frame,
    ids: &Keys<'_>,
    full_edition: Option<i32>,
) -> Result<OutcomeIds, IngestError> {
    let (mechanisms, orgs, sources) = (ids.mechanisms, ids.organizations, ids.sources);
    let rows = p
        .initiatives
        .iter()
        .map(|i| initiative::ActiveModel {
            slug: Set(i.slug.clone()),
            country_iso3: Set(Some(i.country.clone())),
            mechanism_id: Set(i.mechanism.map(|m| mechanisms[m])),
            initiative_kind_id: Set(frame.kinds[i.kind].0),
            title: Set(i.title.clone()),
            started_on: Set(Some(i.started_on.clone())),
            ended_on: Set(i.ended_on.clone()),
            lead_organization_id: Set(Some(orgs[i.lead])),
            description: Set(Some(i.description.clone())),
            note: Set(note(p.seed)),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("initiative", rows).await?;
    let by_slug = l
        .keys::<initiative::Entity, String>(initiative::Column::Slug.starts_with("synthetic-"), |i| {
            (i.slug, i.initiative_id)
        })
        .await?;
    let initiatives: Vec<i32> = p.initiatives.iter().map(|i| by_slug[&i.slug]).collect();

    let mut rows = Vec::new();
    for (i, init) in p.initiatives.iter().enumerate() {
        for (org, role) in &init.partners {
            rows.push(initiative_partner::ActiveModel {
                initiative_id: Set(initiatives[i]),
                organization_id: Set(orgs[*org]),
                role: Set(Some((*role).to_string())),
                note: Set(None),
                ..Default::default()
            });
        }
    }
    l.put("initiative_partner", rows).await?;
    // Keyed by the new initiatives' ids: other initiatives' rows in the range are never looked up.
    let (lo, hi) = span(&initiatives);
    let partner_keys: HashMap<(i32, i32), i32> = l
        .keys::<initiative_partner::Entity, _>(initiative_partner::Column::InitiativeId.between(lo, hi), |x| {
            ((x.initiative_id, x.organization_id), x.initiative_partner_id)
        })
        .await?;
    let partners = p
        .initiatives
        .iter()
        .enumerate()
        .map(|(i, init)| {
            init.partners
                .iter()
                .map(|(org, _)| partner_keys[&(initiatives[i], orgs[*org])])
                .collect()
        })
        .collect();

    let mut out = OutcomeIds {
        initiatives,
        partners,
        consensus: Vec::new(),
    };
    let (Some(round), Some(edition), Some(framework_id)) = (&p.round, full_edition, frame.framework_id) else {
        return Ok(out);
    };

    let rows = p
        .raters
        .iter()
        .map(|r| account::ActiveModel {
            email: Set(r.email.clone()),
            name: Set(r.name.clone()),
            role: Set(r.role.to_string()),
            password_hash: Set(None),
            active: Set(true),
            organization_id: Set(None),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("account", rows).await?;
    let accounts = l
        .keys::<account::Entity, String>(account::Column::Email.starts_with("synthetic-rater-"), |a| {
            (a.email, a.account_id)
        })
        .await?;

    l.put(
        "assessment_round",
        vec![assessment_round::ActiveModel {
            edition_id: Set(edition),
            framework_id: Set(framework_id),
            title: Set(round.title.clone()),
            due_on: Set(round.due_on.clone()),
            state: Set(RoundState::Closed.code().to_string()),
            release_ratings: Set(true),
            note: Set(Some(round.note.clone())),
            opened_by: Set(None),
            ..Default::default()
        }],
    )
    .await?;
    let round_id = l
        .keys::<assessment_round::Entity, String>(assessment_round::Column::EditionId.eq(edition), |r| {
            (r.title, r.assessment_round_id)
        })
        .await?[&round.title];

    let rows = round
        .targets
        .iter()
        .map(|&i| round_target::ActiveModel {
            assessment_round_id: Set(round_id),
            initiative_id: Set(Some(out.initiatives[i])),
            mechanism_id: Set(None),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("round_target", rows).await?;
    let by_initiative = l
        .keys::<round_target::Entity, Option<i32>>(round_target::Column::AssessmentRoundId.eq(round_id), |t| {
            (t.initiative_id, t.round_target_id)
        })
        .await?;
    let targets: Vec<i32> = round
        .targets
        .iter()
        .map(|&i| by_initiative[&Some(out.initiatives[i])])
        .collect();

    let rows = p
        .raters
        .iter()
        .map(|r| round_rater::ActiveModel {
            assessment_round_id: Set(round_id),
            account_id: Set(accounts[&r.email]),
            pseudonym: Set(r.pseudonym.clone()),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("round_rater", rows).await?;
    let by_account = l
        .keys::<round_rater::Entity, i32>(round_rater::Column::AssessmentRoundId.eq(round_id), |r| {
            (r.account_id, r.round_rater_id)
        })
        .await?;
    let raters: Vec<i32> = p.raters.iter().map(|r| by_account[&accounts[&r.email]]).collect();

    let criterion = |c: usize| frame.criteria[c].0;
    let level = |c: usize, rank: usize| frame.criteria[c].1[rank - 1];
    let rows = p
        .ratings
        .iter()
        .map(|r| rating::ActiveModel {
            round_target_id: Set(targets[r.target]),
            criterion_id: Set(criterion(r.criterion)),
            round_rater_id: Set(raters[r.rater]),
            criterion_level_id: Set(level(r.criterion, r.rank)),
            rationale: Set(r.rationale.clone()),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("rating", rows).await?;
    let ratings: HashMap<(i32, i32, i32), i32> = l
        .keys::<rating::Entity, _>(rating::Column::RoundTargetId.is_in(targets.clone()), |r| {
            ((r.round_target_id, r.criterion_id, r.round_rater_id), r.rating_id)
        })
        .await?;
    let rows = p
        .ratings
        .iter()
        .map(|r| rating_evidence::ActiveModel {
            rating_id: Set(ratings[&(targets[r.target], criterion(r.criterion), raters[r.rater])]),
            source_id: Set(sources[r.source]),
            locator: Set(Some(r.locator.clone())),
            quote: Set(None),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("rating_evidence", rows).await?;

    let rows = p
        .consensus
        .iter()
        .map(|k| consensus::ActiveModel {
            round_target_id: Set(targets[k.target]),
            criterion_id: Set(criterion(k.criterion)),
            criterion_level_id: Set(level(k.criterion, k.rank)),
            rationale: Set(k.rationale.clone()),
            decided_by: Set(None),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("consensus", rows).await?;
    let consensus: HashMap<(i32, i32), i32> = l
        .keys::<consensus::Entity, _>(consensus::Column::RoundTargetId.is_in(targets.clone()), |k| {
            ((k.round_target_id, k.criterion_id), k.consensus_id)
        })
        .await?;
    out.consensus = p
        .consensus
        .iter()
        .map(|k| consensus[&(targets[k.target], criterion(k.criterion))])
        .collect();
    Ok(out)
}
