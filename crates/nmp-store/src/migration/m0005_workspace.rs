//! The staff workspace: `proposal` (a change by a student, researcher or partner that waits for an
//! editor's decision), `assignment` (who collects which country or profile of an edition, by when),
//! the organisation a partner account belongs to (`account.organization_id`) and the organisation
//! that owns a part of an edition (`edition_part.owner_organization_id`; profiles already carry
//! `owner_organization_id`).
//!
//! The two added columns have no declared foreign key: SQLite cannot add one to an existing table
//! without rebuilding it. The workspace checks that they name an organisation when they are set.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 5.
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut proposal = Table::create().table("proposal").col(pk_auto("proposal_id")).take();
        proposal
            .col(string("entity"))
            .col(string_null("entity_id"))
            .col(string("action"))
            .col(integer_null("base_version"))
            .col(text_null("before_json"))
            .col(text_null("after_json"))
            .col(text_null("citation_json"))
            .col(text_null("message"))
            .col(string("state"))
            .col(integer_null("proposed_by"))
            .col(integer_null("invitation_id"))
            .col(integer_null("decided_by"))
            .col(timestamp_with_time_zone_null("decided_at"))
            .col(text_null("decision_comment"));
        editable(&mut proposal);
        fk(&mut proposal, "proposed_by", "account", "account_id");
        fk(&mut proposal, "decided_by", "account", "account_id");
        manager.create_table(proposal).await?;

        let mut assignment = Table::create().table("assignment").col(pk_auto("assignment_id")).take();
        assignment
            .col(integer("edition_id"))
            .col(integer("assignee_account_id"))
            .col(char_len_null("country_iso3", 3))
            .col(integer_null("profile_id"))
            .col(string("due_on"))
            .col(string("state"))
            .col(text_null("note"))
            .col(integer("assigned_by"));
        editable(&mut assignment);
        fk(&mut assignment, "edition_id", "edition", "edition_id");
        fk(&mut assignment, "assignee_account_id", "account", "account_id");
        fk(&mut assignment, "country_iso3", "country", "country_iso3");
        fk(&mut assignment, "profile_id", "profile", "profile_id");
        fk(&mut assignment, "assigned_by", "account", "account_id");
        manager.create_table(assignment).await?;

        for (table, column) in [
            ("account", "organization_id"),
            ("edition_part", "owner_organization_id"),
        ] {
            manager
                .alter_table(Table::alter().table(table).add_column(integer_null(column)).take())
                .await?;
        }

        for index in [
            Index::create()
                .name("proposal_state_idx")
                .table("proposal")
                .col("state")
                .take(),
            Index::create()
                .name("proposal_record_idx")
                .table("proposal")
                .col("entity")
                .col("entity_id")
                .take(),
            Index::create()
                .name("proposal_proposer_idx")
                .table("proposal")
                .col("proposed_by")
                .take(),
            Index::create()
                .name("assignment_assignee_idx")
                .table("assignment")
                .col("assignee_account_id")
                .take(),
        ] {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
