//! The outcome-assessment tables of an edition's package: every initiative (with its kind and
//! partners), and the edition's assessment rounds with the frameworks they apply, their targets
//! and consensus ratings. Individual ratings and their evidence are exported only for rounds
//! whose `release_ratings` is set, and their raters only as `(round_rater_id,
//! assessment_round_id, pseudonym)`: which account rated is never exported, nor who opened a
//! round or decided a consensus.

use std::collections::BTreeSet;

use nmp_store::Store;
use nmp_store::entity::{
    assessment_round, consensus, criterion, criterion_level, framework, initiative, initiative_kind,
    initiative_partner, rating, rating_evidence, round_rater, round_target,
};

use super::columns::*;
use super::package::{Table, table};
use crate::DataPackageError;

/// The outcome tables, and the keys of the consensus rows they hold (whose citations the
/// package keeps).
pub(super) struct Outcomes {
    /// Initiative kinds, initiatives and partners (every row).
    pub(super) initiatives: Vec<Table>,
    /// Frameworks, criteria, levels, rounds, targets, raters, ratings, evidence and consensus of
    /// the edition's rounds.
    pub(super) rounds: Vec<Table>,
    /// `consensus_id`s exported, as citation `entity_id`s.
    pub(super) consensus: BTreeSet<String>,
}

/// A sentence for the description of a table limited to the edition's rounds.
fn of_rounds(slug: &str) -> String {
    format!(" This package holds only the rows of the {slug} edition's assessment rounds.")
}

fn released(slug: &str) -> String {
    format!(
        " This package holds only the rows of the {slug} edition's rounds whose individual ratings are released \
         (assessment_rounds.release_ratings is true); raters appear only under their pseudonyms."
    )
}

fn note(mut t: Table, sentence: String) -> Table {
    t.description.push_str(&sentence);
    t
}

pub(super) async fn outcomes(store: &Store, edition_id: i32, slug: &str) -> Result<Outcomes, DataPackageError> {
    let initiatives = vec![
        table::<initiative_kind::Entity>(
            "initiative_kinds",
            INITIATIVE_KINDS,
            store.all::<initiative_kind::Entity>().await?,
            None,
        )?,
        table::<initiative::Entity>(
            "initiatives",
            INITIATIVES,
            store.all::<initiative::Entity>().await?,
            None,
        )?,
        table::<initiative_partner::Entity>(
            "initiative_partners",
            INITIATIVE_PARTNERS,
            store.all::<initiative_partner::Entity>().await?,
            None,
        )?,
    ];

    let rounds = store
        .rows_where::<assessment_round::Entity, _>(assessment_round::Column::EditionId, [edition_id])
        .await?;
    let round_ids: Vec<i32> = rounds.iter().map(|r| r.assessment_round_id).collect();
    let released_ids: Vec<i32> = rounds
        .iter()
        .filter(|r| r.release_ratings)
        .map(|r| r.assessment_round_id)
        .collect();
    let framework_ids: BTreeSet<i32> = rounds.iter().map(|r| r.framework_id).collect();
    let frameworks = store
        .rows_where::<framework::Entity, _>(framework::Column::FrameworkId, framework_ids.iter().copied())
        .await?;
    let criteria = store
        .rows_where::<criterion::Entity, _>(criterion::Column::FrameworkId, framework_ids.iter().copied())
        .await?;
    let levels = store
        .rows_where::<criterion_level::Entity, _>(
            criterion_level::Column::CriterionId,
            criteria.iter().map(|c| c.criterion_id),
        )
        .await?;
    let targets = store
        .rows_where::<round_target::Entity, _>(round_target::Column::AssessmentRoundId, round_ids.iter().copied())
        .await?;
    let released_targets: Vec<i32> = targets
        .iter()
        .filter(|t| released_ids.contains(&t.assessment_round_id))
        .map(|t| t.round_target_id)
        .collect();
    let raters = store
        .rows_where::<round_rater::Entity, _>(round_rater::Column::AssessmentRoundId, released_ids.iter().copied())
        .await?;
    let ratings = store
        .rows_where::<rating::Entity, _>(rating::Column::RoundTargetId, released_targets.iter().copied())
        .await?;
    let evidence = store
        .rows_where::<rating_evidence::Entity, _>(
            rating_evidence::Column::RatingId,
            ratings.iter().map(|r| r.rating_id),
        )
        .await?;
    let consensus = store
        .rows_where::<consensus::Entity, _>(
            consensus::Column::RoundTargetId,
            targets.iter().map(|t| t.round_target_id),
        )
        .await?;
    let consensus_ids = consensus.iter().map(|c| c.consensus_id.to_string()).collect();

    let scope = Some(slug);
    let rounds = vec![
        note(
            table::<framework::Entity>("frameworks", FRAMEWORKS, frameworks, None)?,
            of_rounds(slug),
        ),
        note(
            table::<criterion::Entity>("criteria", CRITERIA, criteria, None)?,
            of_rounds(slug),
        ),
        note(
            table::<criterion_level::Entity>("criterion_levels", CRITERION_LEVELS, levels, None)?,
            of_rounds(slug),
        ),
        table::<assessment_round::Entity>("assessment_rounds", ASSESSMENT_ROUNDS, rounds, scope)?,
        note(
            table::<round_target::Entity>("round_targets", ROUND_TARGETS, targets, None)?,
            of_rounds(slug),
        ),
        note(
            table::<round_rater::Entity>("round_raters", ROUND_RATERS, raters, None)?,
            released(slug),
        ),
        note(
            table::<rating::Entity>("ratings", RATINGS, ratings, None)?,
            released(slug),
        ),
        note(
            table::<rating_evidence::Entity>("rating_evidence", RATING_EVIDENCE, evidence, None)?,
            released(slug),
        ),
        note(
            table::<consensus::Entity>("consensus", CONSENSUS, consensus, None)?,
            of_rounds(slug),
        ),
    ];
    Ok(Outcomes {
        initiatives,
        rounds,
        consensus: consensus_ids,
    })
}
