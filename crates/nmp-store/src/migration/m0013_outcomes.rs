//! Outcome assessments (issue 19): national initiatives, assessment frameworks (rubrics) as data,
//! assessment rounds with their targets and raters, the raters' independent ratings with their
//! evidence, and the editors' consensus ratings.
//!
//! - `initiative_kind`, `initiative`, `initiative_partner`: the initiatives a state (or a region)
//!   runs, apart from its mechanism; the kinds are data, like the functions.
//! - `framework`, `criterion`, `criterion_level`: a versioned rubric: criteria with ordered levels
//!   (rank 1 is the lowest) and a descriptor per level.
//! - `assessment_round`, `round_target`, `round_rater`: who rates what with which framework, for
//!   which edition, by when.
//! - `rating`, `rating_evidence`: one rater's level for one criterion of one target, with a
//!   rationale and at least one piece of evidence (internal: never published by name).
//! - `consensus`: the level an editor records after reconciliation; its evidence is in `citation`
//!   (`entity = 'consensus'`), so it is published like every other cited fact.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 13.
#[derive(DeriveMigrationName)]
pub struct Migration;

fn editable(table: &mut TableCreateStatement) {
    table
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .col(string("updated_by"))
        .col(integer("version"));
}

fn fk(table: &mut TableCreateStatement, col: &'static str, target: &'static str, target_col: &'static str) {
    table.foreign_key(
        ForeignKey::create()
            .from_col(col)
            .to(target, target_col)
            .on_delete(ForeignKeyAction::Restrict),
    );
}

fn unique(name: &'static str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).unique().take();
    for col in cols {
        index.col(*col);
    }
    index
}

fn index(name: &'static str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).take();
    for col in cols {
        index.col(*col);
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut kind = Table::create()
            .table("initiative_kind")
            .col(pk_auto("initiative_kind_id"))
            .take();
        kind.col(string_uniq("code"))
            .col(string("label"))
            .col(text_null("description"));
        editable(&mut kind);
        manager.create_table(kind).await?;

        let mut initiative = Table::create().table("initiative").col(pk_auto("initiative_id")).take();
        initiative
            .col(string_uniq("slug"))
            .col(char_len_null("country_iso3", 3))
            .col(integer_null("mechanism_id"))
            .col(integer("initiative_kind_id"))
            .col(string("title"))
            .col(string_null("started_on"))
            .col(string_null("ended_on"))
            .col(integer_null("lead_organization_id"))
            .col(text_null("description"))
            .col(text_null("note"));
        editable(&mut initiative);
        fk(&mut initiative, "country_iso3", "country", "country_iso3");
        fk(&mut initiative, "mechanism_id", "mechanism", "mechanism_id");
        fk(
            &mut initiative,
            "initiative_kind_id",
            "initiative_kind",
            "initiative_kind_id",
        );
        fk(
            &mut initiative,
            "lead_organization_id",
            "organization",
            "organization_id",
        );
        manager.create_table(initiative).await?;

        let mut partner = Table::create()
            .table("initiative_partner")
            .col(pk_auto("initiative_partner_id"))
            .take();
        partner
            .col(integer("initiative_id"))
            .col(integer("organization_id"))
            .col(string_null("role"))
            .col(text_null("note"));
        editable(&mut partner);
        fk(&mut partner, "initiative_id", "initiative", "initiative_id");
        fk(&mut partner, "organization_id", "organization", "organization_id");
        manager.create_table(partner).await?;

        let mut framework = Table::create().table("framework").col(pk_auto("framework_id")).take();
        framework
            .col(string("slug"))
            .col(integer("framework_version"))
            .col(string("title"))
            .col(text_null("description"))
            .col(text_null("note"));
        editable(&mut framework);
        manager.create_table(framework).await?;

        let mut criterion = Table::create().table("criterion").col(pk_auto("criterion_id")).take();
        criterion
            .col(integer("framework_id"))
            .col(string("code"))
            .col(integer("position"))
            .col(string("label"))
            .col(text_null("description"));
        editable(&mut criterion);
        fk(&mut criterion, "framework_id", "framework", "framework_id");
        manager.create_table(criterion).await?;

        let mut level = Table::create()
            .table("criterion_level")
            .col(pk_auto("criterion_level_id"))
            .take();
        level
            .col(integer("criterion_id"))
            .col(integer("rank"))
            .col(string("label"))
            .col(text_null("descriptor"));
        editable(&mut level);
        fk(&mut level, "criterion_id", "criterion", "criterion_id");
        manager.create_table(level).await?;

        let mut round = Table::create()
            .table("assessment_round")
            .col(pk_auto("assessment_round_id"))
            .take();
        round
            .col(integer("edition_id"))
            .col(integer("framework_id"))
            .col(string("title"))
            .col(string("due_on"))
            .col(string("state"))
            .col(boolean("release_ratings").default(false))
            .col(text_null("note"))
            .col(integer_null("opened_by"));
        editable(&mut round);
        fk(&mut round, "edition_id", "edition", "edition_id");
        fk(&mut round, "framework_id", "framework", "framework_id");
        fk(&mut round, "opened_by", "account", "account_id");
        manager.create_table(round).await?;

        let mut target = Table::create()
            .table("round_target")
            .col(pk_auto("round_target_id"))
            .take();
        target
            .col(integer("assessment_round_id"))
            .col(integer_null("initiative_id"))
            .col(integer_null("mechanism_id"));
        editable(&mut target);
        fk(
            &mut target,
            "assessment_round_id",
            "assessment_round",
            "assessment_round_id",
        );
        fk(&mut target, "initiative_id", "initiative", "initiative_id");
        fk(&mut target, "mechanism_id", "mechanism", "mechanism_id");
        manager.create_table(target).await?;

        let mut rater = Table::create()
            .table("round_rater")
            .col(pk_auto("round_rater_id"))
            .take();
        rater
            .col(integer("assessment_round_id"))
            .col(integer("account_id"))
            .col(string("pseudonym"));
        editable(&mut rater);
        fk(
            &mut rater,
            "assessment_round_id",
            "assessment_round",
            "assessment_round_id",
        );
        fk(&mut rater, "account_id", "account", "account_id");
        manager.create_table(rater).await?;

        let mut rating = Table::create().table("rating").col(pk_auto("rating_id")).take();
        rating
            .col(integer("round_target_id"))
            .col(integer("criterion_id"))
            .col(integer("round_rater_id"))
            .col(integer("criterion_level_id"))
            .col(text("rationale"));
        editable(&mut rating);
        fk(&mut rating, "round_target_id", "round_target", "round_target_id");
        fk(&mut rating, "criterion_id", "criterion", "criterion_id");
        fk(&mut rating, "round_rater_id", "round_rater", "round_rater_id");
        fk(
            &mut rating,
            "criterion_level_id",
            "criterion_level",
            "criterion_level_id",
        );
        manager.create_table(rating).await?;

        let mut evidence = Table::create()
            .table("rating_evidence")
            .col(pk_auto("rating_evidence_id"))
            .take();
        evidence
            .col(integer("rating_id"))
            .col(integer("source_id"))
            .col(string_null("locator"))
            .col(text_null("quote"));
        editable(&mut evidence);
        fk(&mut evidence, "rating_id", "rating", "rating_id");
        fk(&mut evidence, "source_id", "source", "source_id");
        manager.create_table(evidence).await?;

        let mut consensus = Table::create().table("consensus").col(pk_auto("consensus_id")).take();
        consensus
            .col(integer("round_target_id"))
            .col(integer("criterion_id"))
            .col(integer("criterion_level_id"))
            .col(text("rationale"))
            .col(integer_null("decided_by"));
        editable(&mut consensus);
        fk(&mut consensus, "round_target_id", "round_target", "round_target_id");
        fk(&mut consensus, "criterion_id", "criterion", "criterion_id");
        fk(
            &mut consensus,
            "criterion_level_id",
            "criterion_level",
            "criterion_level_id",
        );
        fk(&mut consensus, "decided_by", "account", "account_id");
        manager.create_table(consensus).await?;

        for statement in [
            unique(
                "initiative_partner_uniq",
                "initiative_partner",
                &["initiative_id", "organization_id"],
            ),
            unique("framework_uniq", "framework", &["slug", "framework_version"]),
            unique("criterion_uniq", "criterion", &["framework_id", "code"]),
            unique("criterion_level_uniq", "criterion_level", &["criterion_id", "rank"]),
            unique(
                "round_target_initiative_uniq",
                "round_target",
                &["assessment_round_id", "initiative_id"],
            ),
            unique(
                "round_target_mechanism_uniq",
                "round_target",
                &["assessment_round_id", "mechanism_id"],
            ),
            unique(
                "round_rater_uniq",
                "round_rater",
                &["assessment_round_id", "account_id"],
            ),
            unique(
                "round_rater_pseudonym_uniq",
                "round_rater",
                &["assessment_round_id", "pseudonym"],
            ),
            unique(
                "rating_uniq",
                "rating",
                &["round_target_id", "criterion_id", "round_rater_id"],
            ),
            unique("consensus_uniq", "consensus", &["round_target_id", "criterion_id"]),
            index("initiative_country_idx", "initiative", &["country_iso3"]),
            index("assessment_round_edition_idx", "assessment_round", &["edition_id"]),
            index("rating_evidence_rating_idx", "rating_evidence", &["rating_id"]),
        ] {
            manager.create_index(statement).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
