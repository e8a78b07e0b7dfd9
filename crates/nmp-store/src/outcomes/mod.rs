//! Outcome assessments: rounds of independent ratings against a versioned framework, and the
//! editors' consensus (issue 19). The tables are described in `docs/data-dictionary.md`
//! ("Outcome assessments"); the rules, in words:
//!
//! - a framework version is **frozen** once a submitted rating uses it: the records editor refuses
//!   to change it, its criteria or their levels ([`Writer::check_framework_frozen`]); a change is a
//!   new version ([`Writer::copy_framework`]);
//! - a rater submits every criterion of a target at once, each with a level of that criterion, a
//!   rationale and at least one piece of evidence, and only once ([`Writer::submit_ratings`]);
//! - raters see each other's ratings of a target only after submitting their own
//!   ([`RoundView::visible_to`]);
//! - an editor records one consensus per target and criterion, with evidence, that at least one
//!   rater rated; a second editor saving on the same base version gets a conflict
//!   ([`Writer::reconcile`]);
//! - publishing refuses while a round of the edition lacks a consensus or a consensus lacks
//!   evidence ([`Store::outcome_problems`]).
//!
//! Reads: [`read`] (rounds as one [`RoundView`], initiatives for the public pages); writes:
//! [`write`].

pub mod assessment;
mod country;
pub mod indicators;
pub mod published;
pub mod read;
pub mod write;

use serde::Serialize;

use crate::entity::{
    assessment_round, consensus, criterion, criterion_level, framework, rating, round_rater, round_target,
};

pub use assessment::{Agreement, CountryAssessment, FactorAssessment};
pub use indicators::Indicator;
pub use read::{InitiativeView, PublishedRating};
pub use write::{EvidenceInput, NewRound, RatingInput, Reconciliation};

/// A framework version with its criteria (in position order) and their levels (by rank).
#[derive(Clone, Debug, Serialize)]
pub struct Framework {
    /// The framework row.
    pub row: framework::Model,
    /// Its criteria.
    pub criteria: Vec<Criterion>,
    /// Whether a submitted rating uses it (then it cannot change).
    pub frozen: bool,
}

/// A criterion with its ordered levels.
#[derive(Clone, Debug, Serialize)]
pub struct Criterion {
    /// The criterion row.
    pub row: criterion::Model,
    /// Its levels, lowest rank first.
    pub levels: Vec<criterion_level::Model>,
}

impl Criterion {
    /// The level with id `id`.
    pub fn level(&self, id: i32) -> Option<&criterion_level::Model> {
        self.levels.iter().find(|l| l.criterion_level_id == id)
    }
}

impl Framework {
    /// The criterion with id `id`.
    pub fn criterion(&self, id: i32) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.row.criterion_id == id)
    }
}

/// One piece of evidence: a source, where in it, and its words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The source.
    pub source_id: i32,
    /// Its slug.
    pub source_slug: String,
    /// Its title.
    pub source_title: String,
    /// Where in the source.
    pub locator: Option<String>,
    /// The source's words.
    pub quote: Option<String>,
}

/// What a round rates, with a label for people.
#[derive(Clone, Debug, Serialize)]
pub struct Target {
    /// The row.
    pub row: round_target::Model,
    /// `initiative`, `mechanism` or `country`.
    pub kind: &'static str,
    /// The initiative's or mechanism's slug, or the country's ISO3 code.
    pub slug: String,
    /// Its title or name (a country's name).
    pub label: String,
    /// Its country (ISO3), when it has one.
    pub country_iso3: Option<String>,
}

/// A rater of a round, with the account's name.
#[derive(Clone, Debug, Serialize)]
pub struct Rater {
    /// The row (with the pseudonym).
    pub row: round_rater::Model,
    /// The account's name.
    pub name: String,
    /// The account's email.
    pub email: String,
}

/// One submitted rating with its level's rank and its evidence.
#[derive(Clone, Debug, Serialize)]
pub struct Rating {
    /// The row.
    pub row: rating::Model,
    /// The rank of the level chosen.
    pub rank: i32,
    /// Its evidence.
    pub evidence: Vec<Evidence>,
}

/// A consensus with its level's rank and its evidence (citations).
#[derive(Clone, Debug, Serialize)]
pub struct Consensus {
    /// The row.
    pub row: consensus::Model,
    /// The rank of the consensus level.
    pub rank: i32,
    /// Its evidence.
    pub evidence: Vec<Evidence>,
}

/// A whole round, read at once: what the round page, the rating form, reconciliation, publishing
/// and the snapshot all work from.
#[derive(Clone, Debug, Serialize)]
pub struct RoundView {
    /// The round row.
    pub round: assessment_round::Model,
    /// The edition's slug.
    pub edition_slug: String,
    /// The framework version applied.
    pub framework: Framework,
    /// What is rated, in label order.
    pub targets: Vec<Target>,
    /// Who rates, in pseudonym order.
    pub raters: Vec<Rater>,
    /// Every submitted rating.
    pub ratings: Vec<Rating>,
    /// Every consensus recorded.
    pub consensus: Vec<Consensus>,
}

impl RoundView {
    /// The rater row of account `account_id`, if that account rates in this round.
    pub fn rater_of(&self, account_id: i32) -> Option<&Rater> {
        self.raters.iter().find(|r| r.row.account_id == account_id)
    }

    /// Whether rater `round_rater_id` has submitted target `round_target_id`.
    pub fn submitted(&self, round_rater_id: i32, round_target_id: i32) -> bool {
        self.ratings
            .iter()
            .any(|r| r.row.round_rater_id == round_rater_id && r.row.round_target_id == round_target_id)
    }

    /// The target `round_target_id`.
    pub fn target(&self, round_target_id: i32) -> Option<&Target> {
        self.targets.iter().find(|t| t.row.round_target_id == round_target_id)
    }

    /// The ratings of one target and criterion, in rater order.
    pub fn ratings_of(&self, round_target_id: i32, criterion_id: i32) -> Vec<&Rating> {
        let mut out: Vec<&Rating> = self
            .ratings
            .iter()
            .filter(|r| r.row.round_target_id == round_target_id && r.row.criterion_id == criterion_id)
            .collect();
        out.sort_by_key(|r| r.row.round_rater_id);
        out
    }

    /// The consensus of one target and criterion.
    pub fn consensus_of(&self, round_target_id: i32, criterion_id: i32) -> Option<&Consensus> {
        self.consensus
            .iter()
            .find(|c| c.row.round_target_id == round_target_id && c.row.criterion_id == criterion_id)
    }

    /// The reliability data of one criterion: one row per target, one column per rater (in
    /// pseudonym order), the rank of the level chosen or `None`.
    pub fn matrix(&self, criterion_id: i32) -> Vec<Vec<Option<i64>>> {
        self.targets
            .iter()
            .map(|t| {
                self.raters
                    .iter()
                    .map(|rater| {
                        self.ratings
                            .iter()
                            .find(|r| {
                                r.row.round_target_id == t.row.round_target_id
                                    && r.row.criterion_id == criterion_id
                                    && r.row.round_rater_id == rater.row.round_rater_id
                            })
                            .map(|r| i64::from(r.rank))
                    })
                    .collect()
            })
            .collect()
    }

    /// The reliability data of one target over the framework's criteria: one row per criterion,
    /// one column per rater, the rank chosen or `None`. For a country, whose risk factors share
    /// one scale, this is the agreement of its assessment.
    pub fn target_matrix(&self, round_target_id: i32) -> Vec<Vec<Option<i64>>> {
        self.target_values(round_target_id, |r| Some(i64::from(r.rank)))
    }

    /// The same for trends: falling 1, steady 2, rising 3 (an ordinal scale), `None` without one.
    pub fn trend_matrix(&self, round_target_id: i32) -> Vec<Vec<Option<i64>>> {
        self.target_values(round_target_id, |r| r.row.trend.as_deref().and_then(trend_rank))
    }

    fn target_values(&self, round_target_id: i32, value: impl Fn(&Rating) -> Option<i64>) -> Vec<Vec<Option<i64>>> {
        self.framework
            .criteria
            .iter()
            .map(|c| {
                self.raters
                    .iter()
                    .map(|rater| {
                        self.ratings
                            .iter()
                            .find(|r| {
                                r.row.round_target_id == round_target_id
                                    && r.row.criterion_id == c.row.criterion_id
                                    && r.row.round_rater_id == rater.row.round_rater_id
                            })
                            .and_then(&value)
                    })
                    .collect()
            })
            .collect()
    }

    /// The round as account `account_id` may see it: an editor (`sees_all`) sees everything; a
    /// rater sees the other raters' ratings of a target only once they have submitted their own
    /// for it, and nobody else's before.
    pub fn visible_to(&self, account_id: i32, sees_all: bool) -> RoundView {
        let mut view = self.clone();
        if sees_all {
            return view;
        }
        let me = self.rater_of(account_id).map(|r| r.row.round_rater_id);
        view.ratings.retain(|r| match me {
            Some(me) => r.row.round_rater_id == me || self.submitted(me, r.row.round_target_id),
            None => false,
        });
        view
    }

    /// What stops the round's edition from being published: targets and criteria without a
    /// consensus, and consensus without evidence. Empty when the round is reconciled.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for t in &self.targets {
            for c in &self.framework.criteria {
                match self.consensus_of(t.row.round_target_id, c.row.criterion_id) {
                    None => out.push(format!(
                        "round \"{}\": {} has no consensus for \"{}\"",
                        self.round.title, t.label, c.row.label
                    )),
                    Some(k) if k.evidence.is_empty() => out.push(format!(
                        "round \"{}\": the consensus of {} for \"{}\" has no evidence",
                        self.round.title, t.label, c.row.label
                    )),
                    Some(_) => {}
                }
            }
        }
        out
    }
}

/// A trend's place on the ordinal scale falling (1) < steady (2) < rising (3).
pub fn trend_rank(code: &str) -> Option<i64> {
    match code {
        "falling" => Some(1),
        "steady" => Some(2),
        "rising" => Some(3),
        _ => None,
    }
}
