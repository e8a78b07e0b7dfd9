//! The edition's outcome assessments in the snapshot, mapped from the store's rounds
//! ([`nmp_store::outcomes::RoundView`]): per round, the framework with its criteria and levels,
//! each target's consensus per criterion with its evidence numbered into the bibliography, the
//! change since the closest earlier published edition that rated the same target on a criterion
//! of the same code, the agreement between the raters (`nmp_core::agreement`, ordinal) per
//! criterion and over the round, and the individual ratings under pseudonyms only when the round
//! releases them. An initiative's own facts come with their citations and are recorded for the
//! citation check.
//!
//! Nothing is read for an edition without rounds, and nothing is added to its snapshot.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::agreement::{Metric, reliability};
use nmp_store::entity::{country, edition, source};
use nmp_store::outcomes::{InitiativeView, RoundView, Target};
use nmp_store::{CitationIndex, Store};

use crate::ReportError;
use crate::bib::Bib;
use crate::snapshot::{
    Agreement, Assessment, Change, Consensus, Criterion, Evidence, Framework, Initiative, Level, Partner, RaterRating,
    Round,
};

/// The fields of an initiative an assessment shows (when they have a value).
const INITIATIVE_FIELDS: [&str; 6] = [
    "title",
    "country_iso3",
    "started_on",
    "ended_on",
    "lead_organization_id",
    "description",
];

/// A round of an earlier published edition, for the change over editions.
struct Earlier {
    /// The edition's year, its id and the round's id: the closest is the greatest.
    order: (i32, i32, i32),
    /// The edition's slug.
    slug: String,
    /// The edition's year.
    year: i32,
    /// The round.
    view: RoundView,
}

/// What the outcome assessments of an edition are read from.
#[derive(Default)]
pub(crate) struct OutcomeSources {
    /// The edition's rounds, oldest first.
    rounds: Vec<RoundView>,
    /// The rounds of earlier published editions, closest first.
    earlier: Vec<Earlier>,
    /// The initiatives the rounds rate, by id.
    initiatives: BTreeMap<i32, InitiativeView>,
    /// The sources of released ratings' evidence, by id.
    sources: BTreeMap<i32, source::Model>,
    /// The citations of the consensus rows, initiatives and their partners.
    citations: CitationIndex,
}

impl OutcomeSources {
    /// Reads the rounds of `edition` and what they show; nothing when it has none.
    pub(crate) async fn read(store: &Store, edition: &edition::Model) -> Result<OutcomeSources, ReportError> {
        let rounds = store.edition_rounds(edition.edition_id).await?;
        if rounds.is_empty() {
            return Ok(OutcomeSources::default());
        }
        let earlier = earlier_rounds(store, edition).await?;
        let targeted: BTreeSet<i32> = rounds
            .iter()
            .flat_map(|r| r.targets.iter().filter_map(|t| t.row.initiative_id))
            .collect();
        let initiatives: BTreeMap<i32, InitiativeView> = if targeted.is_empty() {
            BTreeMap::new()
        } else {
            store
                .initiatives()
                .await?
                .into_iter()
                .filter(|i| targeted.contains(&i.row.initiative_id))
                .map(|i| (i.row.initiative_id, i))
                .collect()
        };
        let released: BTreeSet<i32> = rounds
            .iter()
            .filter(|r| r.round.release_ratings)
            .flat_map(|r| r.ratings.iter().flat_map(|x| x.evidence.iter().map(|e| e.source_id)))
            .collect();
        let sources = store
            .rows_where::<source::Entity, _>(source::Column::SourceId, released)
            .await?
            .into_iter()
            .map(|s| (s.source_id, s))
            .collect();
        // The keys are collected first: an iterator held across an await would keep the
        // future from being `Send` (the workspace builds reports on a spawned task).
        let consensus_keys: Vec<String> = rounds
            .iter()
            .flat_map(|r| r.consensus.iter().map(|c| c.row.consensus_id.to_string()))
            .collect();
        let initiative_keys: Vec<String> = initiatives.keys().map(i32::to_string).collect();
        let partner_keys: Vec<String> = initiatives
            .values()
            .flat_map(|i| i.partners.iter().map(|(p, _)| p.initiative_partner_id.to_string()))
            .collect();
        let mut citations = CitationIndex::default();
        citations.load(store, "consensus", consensus_keys).await?;
        citations.load(store, "initiative", initiative_keys).await?;
        citations.load(store, "initiative_partner", partner_keys).await?;
        Ok(OutcomeSources {
            rounds,
            earlier,
            initiatives,
            sources,
            citations,
        })
    }

    /// The citations of what the rounds show, for the bibliography (taken over).
    pub(crate) fn take_citations(&mut self) -> CitationIndex {
        std::mem::take(&mut self.citations)
    }

    /// The rounds as the snapshot shows them, their evidence numbered into `bib` in reading
    /// order (round by round, target by target: the initiative, then each criterion).
    pub(crate) fn rounds(&self, countries: &[country::Model], bib: &mut Bib) -> Vec<Round> {
        self.rounds.iter().map(|v| self.round(v, countries, bib)).collect()
    }

    fn round(&self, v: &RoundView, countries: &[country::Model], bib: &mut Bib) -> Round {
        let mut whole: Vec<Vec<Option<i64>>> = Vec::new();
        let criteria = v
            .framework
            .criteria
            .iter()
            .map(|c| {
                let matrix = v.matrix(c.row.criterion_id);
                let agreement = agreement(&matrix);
                whole.extend(matrix);
                Criterion {
                    code: c.row.code.clone(),
                    label: c.row.label.clone(),
                    description: c.row.description.clone(),
                    levels: c
                        .levels
                        .iter()
                        .map(|l| Level {
                            rank: l.rank,
                            label: l.label.clone(),
                            descriptor: l.descriptor.clone(),
                        })
                        .collect(),
                    agreement,
                }
            })
            .collect();
        let f = &v.framework.row;
        Round {
            title: v.round.title.clone(),
            framework: Framework {
                slug: f.slug.clone(),
                version: f.framework_version,
                title: f.title.clone(),
                description: f.description.clone(),
                criteria,
            },
            targets: v
                .targets
                .iter()
                .map(|t| self.assessment(v, t, countries, bib))
                .collect(),
            agreement: agreement(&whole),
            released: v.round.release_ratings,
        }
    }

    fn assessment(&self, v: &RoundView, t: &Target, countries: &[country::Model], bib: &mut Bib) -> Assessment {
        let initiative = t
            .row
            .initiative_id
            .and_then(|id| self.initiatives.get(&id))
            .map(|i| initiative(i, bib));
        let mut consensus = Vec::new();
        for c in &v.framework.criteria {
            let Some(k) = v.consensus_of(t.row.round_target_id, c.row.criterion_id) else {
                continue;
            };
            let Some(level) = c.level(k.row.criterion_level_id) else {
                continue;
            };
            let evidence = bib.evidence("consensus", &k.row.consensus_id.to_string());
            let ratings = if v.round.release_ratings {
                self.released(v, t, c, bib)
            } else {
                Vec::new()
            };
            consensus.push(Consensus {
                criterion: c.row.code.clone(),
                rank: level.rank,
                of: c.levels.len(),
                level: level.label.clone(),
                rationale: k.row.rationale.clone(),
                evidence,
                change: self.change(t, &c.row.code),
                ratings,
            });
        }
        Assessment {
            kind: t.kind.to_string(),
            slug: t.slug.clone(),
            label: t.label.clone(),
            country: t.country_iso3.as_ref().map(|iso3| {
                countries
                    .iter()
                    .find(|c| &c.country_iso3 == iso3)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| iso3.clone())
            }),
            iso3: t.country_iso3.clone(),
            initiative,
            consensus,
        }
    }

    /// The ratings of one target and criterion under the raters' pseudonyms, in rater order.
    fn released(
        &self,
        v: &RoundView,
        t: &Target,
        c: &nmp_store::outcomes::Criterion,
        bib: &mut Bib,
    ) -> Vec<RaterRating> {
        v.ratings_of(t.row.round_target_id, c.row.criterion_id)
            .into_iter()
            .map(|r| RaterRating {
                rater: v
                    .raters
                    .iter()
                    .find(|x| x.row.round_rater_id == r.row.round_rater_id)
                    .map(|x| x.row.pseudonym.clone())
                    .unwrap_or_default(),
                rank: r.rank,
                level: c
                    .level(r.row.criterion_level_id)
                    .map(|l| l.label.clone())
                    .unwrap_or_default(),
                rationale: r.row.rationale.clone(),
                evidence: r
                    .evidence
                    .iter()
                    .filter_map(|e| {
                        let s = self.sources.get(&e.source_id)?;
                        Some(Evidence {
                            source: bib.number(s),
                            locator: e.locator.clone(),
                            quote: e.quote.clone(),
                        })
                    })
                    .collect(),
            })
            .collect()
    }

    /// The consensus the closest earlier published edition gave the same target on a criterion
    /// with code `code`.
    fn change(&self, t: &Target, code: &str) -> Option<Change> {
        self.earlier.iter().find_map(|e| {
            let before = e.view.targets.iter().find(|x| {
                (t.row.initiative_id.is_some() && x.row.initiative_id == t.row.initiative_id)
                    || (t.row.mechanism_id.is_some() && x.row.mechanism_id == t.row.mechanism_id)
            })?;
            let c = e.view.framework.criteria.iter().find(|c| c.row.code == code)?;
            let k = e.view.consensus_of(before.row.round_target_id, c.row.criterion_id)?;
            let level = c.level(k.row.criterion_level_id)?;
            Some(Change {
                edition: e.slug.clone(),
                year: Some(e.year),
                rank: level.rank,
                level: level.label.clone(),
            })
        })
    }
}

/// The rounds of the published editions before `edition` (by edition year), closest first.
async fn earlier_rounds(store: &Store, edition: &edition::Model) -> Result<Vec<Earlier>, ReportError> {
    let Some(year) = nmp_core::edition_year(&edition.slug, edition.published_on.as_deref()) else {
        return Ok(Vec::new());
    };
    let editions: BTreeMap<i32, edition::Model> = store
        .all::<edition::Entity>()
        .await?
        .into_iter()
        .map(|e| (e.edition_id, e))
        .collect();
    let mut out = Vec::new();
    for round in store.rounds(None).await? {
        let Some(e) = editions.get(&round.edition_id) else {
            continue;
        };
        let Some(y) = nmp_core::edition_year(&e.slug, e.published_on.as_deref()).filter(|y| *y < year) else {
            continue;
        };
        // Only published consensus is public: an unpublished edition's is not shown.
        if store.edition_lock(e.edition_id).await?.is_none() {
            continue;
        }
        if let Some(view) = store.round_view(round.assessment_round_id).await? {
            out.push(Earlier {
                order: (y, e.edition_id, round.assessment_round_id),
                slug: e.slug.clone(),
                year: y,
                view,
            });
        }
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.order));
    Ok(out)
}

/// An initiative's facts with their notes, recorded for the citation check.
fn initiative(i: &InitiativeView, bib: &mut Bib) -> Initiative {
    let row = &i.row;
    let key = row.initiative_id.to_string();
    let value = serde_json::to_value(row).unwrap_or_default();
    let present = INITIATIVE_FIELDS
        .iter()
        .filter(|f| value.get(**f).is_some_and(|v| !v.is_null()))
        .map(|f| Some(*f))
        .collect();
    bib.show(
        "initiative",
        key.clone(),
        format!("initiative {:?}", row.slug),
        present,
        None,
    );
    let mut cited: Vec<(&str, String, &str)> = vec![("initiative", key.clone(), "initiative")];
    for (p, o) in &i.partners {
        let pkey = p.initiative_partner_id.to_string();
        bib.show(
            "initiative_partner",
            pkey.clone(),
            format!("initiative_partner {} ({}: {})", pkey, row.slug, o.name),
            vec![None],
            Some(("initiative", key.clone(), "partner")),
        );
        cited.push(("initiative_partner", pkey, "partner"));
    }
    Initiative {
        title: row.title.clone(),
        kind: i.kind.label.clone(),
        mechanism: i.mechanism.as_ref().map(|(_, name)| name.clone()),
        started_on: row.started_on.clone(),
        ended_on: row.ended_on.clone(),
        lead: i.lead.as_ref().map(|o| o.name.clone()),
        partners: i
            .partners
            .iter()
            .map(|(p, o)| Partner {
                organization: o.name.clone(),
                role: p.role.clone(),
            })
            .collect(),
        description: row.description.clone(),
        note: row.note.clone(),
        citations: bib.notes(&cited),
    }
}

/// The agreement statistics of reliability data (rows: units, columns: raters), ordinal.
fn agreement(data: &[Vec<Option<i64>>]) -> Agreement {
    let r = reliability(data, Metric::Ordinal);
    Agreement {
        alpha: r.alpha.map(four_decimals),
        percent_agreement: r.percent_agreement.map(four_decimals),
        units: r.units,
        raters: r.raters,
        values: r.values,
    }
}

/// `x` rounded to four decimals. The result is a whole number divided by 10,000, which is
/// exactly how the JSON reader reads its shortest form back: a frozen snapshot rehashes the same.
pub fn four_decimals(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_statistics_read_back_from_json_to_the_same_bits() {
        for x in [0.123_456_789, -0.333_333_333, 2.0 / 3.0, 1.0, 0.0, -1e-9, 0.999_95] {
            let r = four_decimals(x);
            assert!((r - x).abs() <= 0.000_05 + f64::EPSILON, "{x} → {r}");
            let text = serde_json::to_string(&r).unwrap();
            let back: f64 = serde_json::from_str(&text).unwrap();
            assert_eq!(back.to_bits(), r.to_bits(), "{x}: {text}");
        }
    }

    #[test]
    fn the_agreement_is_ordinal_alpha_over_pairable_units() {
        let data = vec![vec![Some(1), Some(1)], vec![Some(2), Some(3)], vec![Some(3), None]];
        let a = agreement(&data);
        let core = reliability(&data, Metric::Ordinal);
        assert_eq!(a.alpha, core.alpha.map(four_decimals));
        assert_eq!((a.units, a.raters, a.values), (2, 2, 4));
        assert_eq!(a.percent_agreement, Some(0.5));
    }
}
