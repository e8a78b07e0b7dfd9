//! Reading outcome assessments: a framework version with its criteria and levels, a whole round
//! as one [`RoundView`], the rounds of an edition or of a rater, and initiatives as the public
//! pages and the API show them (with their published consensus ratings only).

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use super::{Consensus, Criterion, Evidence, Framework, Rater, Rating, RoundView, Target};
use crate::entity::{
    account, assessment_round, citation, consensus, country, criterion, criterion_level, edition, framework,
    initiative, initiative_kind, initiative_partner, mechanism, organization, rating, rating_evidence, round_rater,
    round_target, source,
};
use crate::{Result, Store};

/// A framework version with its criteria and levels, read on `conn`.
pub(crate) async fn framework_on<C: ConnectionTrait>(conn: &C, id: i32) -> Result<Option<Framework>> {
    let Some(row) = framework::Entity::find_by_id(id).one(conn).await? else {
        return Ok(None);
    };
    let criteria = criterion::Entity::find()
        .filter(criterion::Column::FrameworkId.eq(id))
        .order_by_asc(criterion::Column::Position)
        .order_by_asc(criterion::Column::CriterionId)
        .all(conn)
        .await?;
    let ids: Vec<i32> = criteria.iter().map(|c| c.criterion_id).collect();
    let mut levels: BTreeMap<i32, Vec<criterion_level::Model>> = BTreeMap::new();
    if !ids.is_empty() {
        for l in criterion_level::Entity::find()
            .filter(criterion_level::Column::CriterionId.is_in(ids.clone()))
            .order_by_asc(criterion_level::Column::Rank)
            .all(conn)
            .await?
        {
            levels.entry(l.criterion_id).or_default().push(l);
        }
    }
    let frozen = framework_frozen(conn, id).await?;
    Ok(Some(Framework {
        row,
        criteria: criteria
            .into_iter()
            .map(|c| Criterion {
                levels: levels.remove(&c.criterion_id).unwrap_or_default(),
                row: c,
            })
            .collect(),
        frozen,
    }))
}

/// Whether a submitted rating uses framework version `id`.
pub(crate) async fn framework_frozen<C: ConnectionTrait>(conn: &C, id: i32) -> Result<bool> {
    let criteria: Vec<i32> = criterion::Entity::find()
        .filter(criterion::Column::FrameworkId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.criterion_id)
        .collect();
    if criteria.is_empty() {
        return Ok(false);
    }
    Ok(rating::Entity::find()
        .filter(rating::Column::CriterionId.is_in(criteria))
        .one(conn)
        .await?
        .is_some())
}

/// A consensus rating as the public pages, the API and the report show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublishedRating {
    /// The edition's slug.
    pub edition: String,
    /// The edition's title.
    pub edition_title: String,
    /// The framework's slug and version (`nmp-outcomes v1`).
    pub framework: String,
    /// The criterion's code.
    pub criterion: String,
    /// The criterion's label.
    pub criterion_label: String,
    /// The level's rank (1 = lowest).
    pub rank: i32,
    /// How many levels the criterion has.
    pub of: i32,
    /// The level's label.
    pub level: String,
    /// The editors' rationale.
    pub rationale: String,
    /// The evidence.
    pub evidence: Vec<Evidence>,
}

/// An initiative with everything its page shows.
#[derive(Clone, Debug, Serialize)]
pub struct InitiativeView {
    /// The row.
    pub row: initiative::Model,
    /// Its kind.
    pub kind: initiative_kind::Model,
    /// Its country's name, when it has a country.
    pub country_name: Option<String>,
    /// The mechanism that runs it: (slug, name).
    pub mechanism: Option<(String, String)>,
    /// The lead institution.
    pub lead: Option<organization::Model>,
    /// Partners with their organisations.
    pub partners: Vec<(initiative_partner::Model, organization::Model)>,
    /// Citations of the initiative and of its partner rows: (table, key, citation, source).
    pub citations: Vec<(citation::Model, source::Model)>,
    /// Its consensus ratings in published editions, newest edition first, then criterion order.
    pub ratings: Vec<PublishedRating>,
}

impl Store {
    /// A framework version with its criteria and levels.
    pub async fn framework(&self, id: i32) -> Result<Option<Framework>> {
        framework_on(&self.db, id).await
    }

    /// Every framework version, by slug then version.
    pub async fn frameworks(&self) -> Result<Vec<Framework>> {
        let rows = framework::Entity::find()
            .order_by_asc(framework::Column::Slug)
            .order_by_asc(framework::Column::FrameworkVersion)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for r in rows {
            out.extend(framework_on(&self.db, r.framework_id).await?);
        }
        Ok(out)
    }

    /// Every round (newest first), or those of one edition.
    pub async fn rounds(&self, edition_id: Option<i32>) -> Result<Vec<assessment_round::Model>> {
        let mut query = assessment_round::Entity::find().order_by_desc(assessment_round::Column::AssessmentRoundId);
        if let Some(e) = edition_id {
            query = query.filter(assessment_round::Column::EditionId.eq(e));
        }
        Ok(query.all(&self.db).await?)
    }

    /// The rounds account `account_id` rates in, newest first.
    pub async fn rounds_of_rater(&self, account_id: i32) -> Result<Vec<assessment_round::Model>> {
        let ids: Vec<i32> = round_rater::Entity::find()
            .filter(round_rater::Column::AccountId.eq(account_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|r| r.assessment_round_id)
            .collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(assessment_round::Entity::find()
            .filter(assessment_round::Column::AssessmentRoundId.is_in(ids))
            .order_by_desc(assessment_round::Column::AssessmentRoundId)
            .all(&self.db)
            .await?)
    }

    /// A whole round: its framework, targets, raters, ratings with evidence, and consensus.
    pub async fn round_view(&self, round_id: i32) -> Result<Option<RoundView>> {
        let Some(round) = assessment_round::Entity::find_by_id(round_id).one(&self.db).await? else {
            return Ok(None);
        };
        let edition_slug = edition::Entity::find_by_id(round.edition_id)
            .one(&self.db)
            .await?
            .map(|e| e.slug)
            .unwrap_or_default();
        let Some(framework) = framework_on(&self.db, round.framework_id).await? else {
            return Ok(None);
        };
        let rank_of = |criterion_id: i32, level_id: i32| {
            framework
                .criterion(criterion_id)
                .and_then(|c| c.level(level_id))
                .map_or(0, |l| l.rank)
        };
        let target_rows = round_target::Entity::find()
            .filter(round_target::Column::AssessmentRoundId.eq(round_id))
            .all(&self.db)
            .await?;
        let mut targets = Vec::new();
        for t in target_rows {
            if let Some(id) = t.initiative_id
                && let Some(i) = initiative::Entity::find_by_id(id).one(&self.db).await?
            {
                targets.push(Target {
                    row: t,
                    kind: "initiative",
                    slug: i.slug,
                    label: i.title,
                    country_iso3: i.country_iso3,
                });
            } else if let Some(id) = t.mechanism_id
                && let Some(m) = mechanism::Entity::find_by_id(id).one(&self.db).await?
            {
                targets.push(Target {
                    row: t,
                    kind: "mechanism",
                    slug: m.slug,
                    label: m.name,
                    country_iso3: m.country_iso3,
                });
            } else if let Some(iso3) = t.country_iso3.clone()
                && let Some(c) = country::Entity::find_by_id(iso3.clone()).one(&self.db).await?
            {
                targets.push(Target {
                    row: t,
                    kind: "country",
                    slug: iso3.clone(),
                    label: c.name,
                    country_iso3: Some(iso3),
                });
            }
        }
        targets.sort_by(|a, b| {
            a.label
                .cmp(&b.label)
                .then(a.row.round_target_id.cmp(&b.row.round_target_id))
        });
        let rater_rows = round_rater::Entity::find()
            .filter(round_rater::Column::AssessmentRoundId.eq(round_id))
            .order_by_asc(round_rater::Column::RoundRaterId)
            .all(&self.db)
            .await?;
        let accounts: BTreeMap<i32, account::Model> = self
            .rows_where::<account::Entity, _>(account::Column::AccountId, rater_rows.iter().map(|r| r.account_id))
            .await?
            .into_iter()
            .map(|a| (a.account_id, a))
            .collect();
        let raters = rater_rows
            .into_iter()
            .map(|row| {
                let a = accounts.get(&row.account_id);
                Rater {
                    name: a.map(|a| a.name.clone()).unwrap_or_default(),
                    email: a.map(|a| a.email.clone()).unwrap_or_default(),
                    row,
                }
            })
            .collect();
        let target_ids: Vec<i32> = targets.iter().map(|t| t.row.round_target_id).collect();
        let rating_rows = self
            .rows_where::<rating::Entity, _>(rating::Column::RoundTargetId, target_ids.iter().copied())
            .await?;
        let evidence_rows = self
            .rows_where::<rating_evidence::Entity, _>(
                rating_evidence::Column::RatingId,
                rating_rows.iter().map(|r| r.rating_id),
            )
            .await?;
        let consensus_rows = self
            .rows_where::<consensus::Entity, _>(consensus::Column::RoundTargetId, target_ids.iter().copied())
            .await?;
        let cites = self
            .citations_of("consensus", consensus_rows.iter().map(|c| c.consensus_id.to_string()))
            .await?;
        let source_ids: BTreeSet<i32> = evidence_rows.iter().map(|e| e.source_id).collect();
        let sources: BTreeMap<i32, source::Model> = self
            .rows_where::<source::Entity, _>(source::Column::SourceId, source_ids)
            .await?
            .into_iter()
            .map(|s| (s.source_id, s))
            .collect();
        let mut evidence: BTreeMap<i32, Vec<Evidence>> = BTreeMap::new();
        for e in evidence_rows {
            let s = sources.get(&e.source_id);
            evidence.entry(e.rating_id).or_default().push(Evidence {
                source_id: e.source_id,
                source_slug: s.map(|s| s.slug.clone()).unwrap_or_default(),
                source_title: s.map(|s| s.title.clone()).unwrap_or_default(),
                locator: e.locator,
                quote: e.quote,
            });
        }
        let mut ratings: Vec<Rating> = rating_rows
            .into_iter()
            .map(|row| Rating {
                rank: rank_of(row.criterion_id, row.criterion_level_id),
                evidence: evidence.remove(&row.rating_id).unwrap_or_default(),
                row,
            })
            .collect();
        ratings.sort_by_key(|r| r.row.rating_id);
        let mut cited: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
        for (c, s) in cites {
            cited.entry(c.entity_id.clone()).or_default().push(evidence_of(&c, &s));
        }
        let mut consensus: Vec<Consensus> = consensus_rows
            .into_iter()
            .map(|row| Consensus {
                rank: rank_of(row.criterion_id, row.criterion_level_id),
                evidence: cited.remove(&row.consensus_id.to_string()).unwrap_or_default(),
                row,
            })
            .collect();
        consensus.sort_by_key(|c| c.row.consensus_id);
        Ok(Some(RoundView {
            round,
            edition_slug,
            framework,
            targets,
            raters,
            ratings,
            consensus,
        }))
    }

    /// Every round of an edition, read whole (oldest first).
    pub async fn edition_rounds(&self, edition_id: i32) -> Result<Vec<RoundView>> {
        let mut rounds = self.rounds(Some(edition_id)).await?;
        rounds.reverse();
        let mut out = Vec::new();
        for r in rounds {
            out.extend(self.round_view(r.assessment_round_id).await?);
        }
        Ok(out)
    }

    /// What stops edition `edition_id` from being published on account of its rounds: targets
    /// and criteria without consensus, consensus without evidence. Empty when there is nothing.
    pub async fn outcome_problems(&self, edition_id: i32) -> Result<Vec<String>> {
        Ok(self
            .edition_rounds(edition_id)
            .await?
            .iter()
            .flat_map(RoundView::problems)
            .collect())
    }

    /// Every initiative, by country (regional ones last) then title.
    pub async fn initiatives(&self) -> Result<Vec<InitiativeView>> {
        let rows = initiative::Entity::find().all(&self.db).await?;
        let mut out = self.initiative_views(rows).await?;
        out.sort_by(|a, b| {
            (a.country_name.is_none(), &a.country_name, &a.row.title).cmp(&(
                b.country_name.is_none(),
                &b.country_name,
                &b.row.title,
            ))
        });
        Ok(out)
    }

    /// One initiative by slug.
    pub async fn initiative(&self, slug: &str) -> Result<Option<InitiativeView>> {
        let rows = initiative::Entity::find()
            .filter(initiative::Column::Slug.eq(slug))
            .all(&self.db)
            .await?;
        Ok(self.initiative_views(rows).await?.pop())
    }

    async fn initiative_views(&self, rows: Vec<initiative::Model>) -> Result<Vec<InitiativeView>> {
        let kinds: BTreeMap<i32, initiative_kind::Model> = initiative_kind::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|k| (k.initiative_kind_id, k))
            .collect();
        let ids: Vec<i32> = rows.iter().map(|r| r.initiative_id).collect();
        let partners = self
            .rows_where::<initiative_partner::Entity, _>(initiative_partner::Column::InitiativeId, ids.iter().copied())
            .await?;
        let org_ids: BTreeSet<i32> = partners
            .iter()
            .map(|p| p.organization_id)
            .chain(rows.iter().filter_map(|r| r.lead_organization_id))
            .collect();
        let orgs: BTreeMap<i32, organization::Model> = self
            .rows_where::<organization::Entity, _>(organization::Column::OrganizationId, org_ids)
            .await?
            .into_iter()
            .map(|o| (o.organization_id, o))
            .collect();
        let countries: BTreeMap<String, country::Model> = self
            .rows_where::<country::Entity, _>(
                country::Column::CountryIso3,
                rows.iter()
                    .filter_map(|r| r.country_iso3.clone())
                    .collect::<BTreeSet<_>>(),
            )
            .await?
            .into_iter()
            .map(|c| (c.country_iso3.clone(), c))
            .collect();
        let mechanisms: BTreeMap<i32, mechanism::Model> = self
            .rows_where::<mechanism::Entity, _>(
                mechanism::Column::MechanismId,
                rows.iter().filter_map(|r| r.mechanism_id).collect::<BTreeSet<_>>(),
            )
            .await?
            .into_iter()
            .map(|m| (m.mechanism_id, m))
            .collect();
        let mut citations = self
            .citations_of("initiative", ids.iter().map(|i| i.to_string()))
            .await?;
        citations.extend(
            self.citations_of(
                "initiative_partner",
                partners.iter().map(|p| p.initiative_partner_id.to_string()),
            )
            .await?,
        );
        let ratings = self.published_ratings(&ids).await?;
        let mut out = Vec::new();
        for row in rows {
            let Some(kind) = kinds.get(&row.initiative_kind_id).cloned() else {
                continue;
            };
            let id = row.initiative_id;
            let mine: Vec<(initiative_partner::Model, organization::Model)> = partners
                .iter()
                .filter(|p| p.initiative_id == id)
                .filter_map(|p| orgs.get(&p.organization_id).map(|o| (p.clone(), o.clone())))
                .collect();
            let partner_keys: BTreeSet<String> =
                mine.iter().map(|(p, _)| p.initiative_partner_id.to_string()).collect();
            let cites = citations
                .iter()
                .filter(|(c, _)| {
                    (c.entity == "initiative" && c.entity_id == id.to_string())
                        || (c.entity == "initiative_partner" && partner_keys.contains(&c.entity_id))
                })
                .cloned()
                .collect();
            out.push(InitiativeView {
                country_name: row
                    .country_iso3
                    .as_ref()
                    .and_then(|c| countries.get(c))
                    .map(|c| c.name.clone()),
                mechanism: row
                    .mechanism_id
                    .and_then(|m| mechanisms.get(&m))
                    .map(|m| (m.slug.clone(), m.name.clone())),
                lead: row.lead_organization_id.and_then(|o| orgs.get(&o).cloned()),
                partners: mine,
                citations: cites,
                ratings: ratings.get(&id).cloned().unwrap_or_default(),
                kind,
                row,
            });
        }
        Ok(out)
    }

    /// The consensus ratings of initiatives `ids` in published editions, by initiative.
    async fn published_ratings(&self, ids: &[i32]) -> Result<BTreeMap<i32, Vec<PublishedRating>>> {
        let targets = self
            .rows_where::<round_target::Entity, _>(round_target::Column::InitiativeId, ids.iter().copied())
            .await?;
        let rounds: BTreeSet<i32> = targets.iter().map(|t| t.assessment_round_id).collect();
        let mut out: BTreeMap<i32, Vec<PublishedRating>> = BTreeMap::new();
        for round_id in rounds {
            let Some(view) = self.round_view(round_id).await? else {
                continue;
            };
            if self.edition_lock(view.round.edition_id).await?.is_none() {
                continue;
            }
            let Some(edition) = edition::Entity::find_by_id(view.round.edition_id).one(&self.db).await? else {
                continue;
            };
            for t in view.targets.iter().filter(|t| t.kind == "initiative") {
                let Some(initiative_id) = t.row.initiative_id else {
                    continue;
                };
                out.entry(initiative_id)
                    .or_default()
                    .extend(published_of(&view, &edition, t.row.round_target_id));
            }
        }
        for list in out.values_mut() {
            list.sort_by(|a, b| b.edition.cmp(&a.edition));
        }
        Ok(out)
    }
}

/// The consensus of one target of a round, as published ratings, in criterion order.
pub fn published_of(view: &RoundView, edition: &edition::Model, round_target_id: i32) -> Vec<PublishedRating> {
    let mut out = Vec::new();
    for c in &view.framework.criteria {
        let Some(k) = view.consensus_of(round_target_id, c.row.criterion_id) else {
            continue;
        };
        let Some(level) = c.level(k.row.criterion_level_id) else {
            continue;
        };
        out.push(PublishedRating {
            edition: edition.slug.clone(),
            edition_title: edition.title.clone(),
            framework: format!("{} v{}", view.framework.row.slug, view.framework.row.framework_version),
            criterion: c.row.code.clone(),
            criterion_label: c.row.label.clone(),
            rank: level.rank,
            of: c.levels.len() as i32,
            level: level.label.clone(),
            rationale: k.row.rationale.clone(),
            evidence: k.evidence.clone(),
        });
    }
    out
}

pub(super) fn evidence_of(c: &citation::Model, s: &source::Model) -> Evidence {
    Evidence {
        source_id: s.source_id,
        source_slug: s.slug.clone(),
        source_title: s.title.clone(),
        locator: c.locator.clone(),
        quote: c.quote.clone(),
    }
}
