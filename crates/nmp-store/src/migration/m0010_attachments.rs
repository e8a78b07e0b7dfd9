//! Documents attached to questionnaire responses: `attachment` (one uploaded file of an
//! invitation's response: its name, type, size, SHA-256 and the bytes themselves, so that every
//! instance of the web server on one database can serve it), and `proposal.parent_proposal_id`,
//! which ties a proposed row (a member of a mechanism, say) to the proposal creating the record it
//! belongs to (a mechanism a respondent reported that the platform did not yet hold).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 10.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Bookkeeping like `mail`: written once and deleted, never edited, so no version columns.
        let mut attachment = Table::create().table("attachment").col(pk_auto("attachment_id")).take();
        attachment
            .col(integer("invitation_id"))
            .col(string("question_key"))
            .col(string("file_name"))
            .col(string("content_type"))
            .col(integer("size_bytes"))
            .col(char_len("sha256", 64))
            .col(blob("content"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("invitation_id")
                    .to("invitation", "invitation_id")
                    .on_delete(ForeignKeyAction::Restrict),
            );
        manager.create_table(attachment).await?;
        manager
            .create_index(
                Index::create()
                    .name("attachment_invitation_idx")
                    .table("attachment")
                    .col("invitation_id")
                    .take(),
            )
            .await?;
        // No declared foreign key: SQLite cannot add one to an existing table without rebuilding
        // it (as with `proposal.invitation_id`); the store checks it when proposing.
        manager
            .alter_table(
                Table::alter()
                    .table("proposal")
                    .add_column(integer_null("parent_proposal_id"))
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
