//! Expert opinion essays from call to publication (issue 20): `essay_call` (an edition's call
//! for essays), `essay` (one invited author and where their essay stands, with the personal
//! link's hashed token), `essay_version` (each submission, revision and copyedit, never changed
//! once written), `essay_reference` (the NMP sources and records a version cites, so that an
//! erratum can list the essays that rely on a record), `essay_review` (a reviewer's assignment and
//! report on one version) and `essay_decision` (the editor's decision and letter on a version).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 31.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns every editable table ends with.
fn editable(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .col(string("updated_by"))
        .col(integer("version"));
    table
}

fn index(name: &'static str, table: &'static str, columns: &[&'static str], unique: bool) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).take();
    for column in columns {
        index.col(*column);
    }
    if unique {
        index.unique();
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut call = Table::create().table("essay_call").col(pk_auto("call_id")).take();
        call.col(integer("edition_id"))
            .col(string("title"))
            .col(text_null("description"))
            .col(string("deadline"))
            .col(integer_null("guest_editor_id"))
            .col(string("anonymity"))
            .col(string("status"))
            .foreign_key(
                ForeignKey::create()
                    .from("essay_call", "edition_id")
                    .to("edition", "edition_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("essay_call", "guest_editor_id")
                    .to("account", "account_id"),
            );
        manager.create_table(editable(call)).await?;

        let mut essay = Table::create().table("essay").col(pk_auto("essay_id")).take();
        essay
            .col(integer("call_id"))
            .col(string("author_name"))
            .col(string("author_email"))
            .col(string_len("language", 8))
            .col(string("token_hash"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .col(string("due_on"))
            .col(string("stage"))
            .col(timestamp_with_time_zone_null("accepted_at"))
            .col(text_null("declined_note"))
            .col(integer("invited_by"))
            .col(integer("reminders_sent").default(0))
            .col(timestamp_with_time_zone_null("last_reminder_at"))
            .col(integer_null("edition_part_id"))
            .col(timestamp_with_time_zone_null("proofs_approved_at"))
            .col(text_null("proofs_note"))
            .foreign_key(
                ForeignKey::create()
                    .from("essay", "call_id")
                    .to("essay_call", "call_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("essay", "invited_by")
                    .to("account", "account_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("essay", "edition_part_id")
                    .to("edition_part", "edition_part_id"),
            );
        manager.create_table(editable(essay)).await?;
        manager
            .create_index(index("essay_token_uniq", "essay", &["token_hash"], true))
            .await?;
        manager
            .create_index(index("essay_call_idx", "essay", &["call_id"], false))
            .await?;

        let mut version = Table::create().table("essay_version").col(pk_auto("version_id")).take();
        version
            .col(integer("essay_id"))
            .col(integer("number"))
            .col(string("kind"))
            .col(string("title"))
            .col(text("abstract_text"))
            .col(text("keywords"))
            .col(text("authors_json"))
            .col(text("competing_interests"))
            .col(string("licence"))
            .col(text("body"))
            .col(string("source_format"))
            .col(string_len("sha256", 64))
            .col(string("made_by"))
            .foreign_key(
                ForeignKey::create()
                    .from("essay_version", "essay_id")
                    .to("essay", "essay_id"),
            );
        manager.create_table(editable(version)).await?;
        manager
            .create_index(index(
                "essay_version_uniq",
                "essay_version",
                &["essay_id", "number"],
                true,
            ))
            .await?;

        let mut reference = Table::create()
            .table("essay_reference")
            .col(pk_auto("reference_id"))
            .take();
        reference
            .col(integer("essay_id"))
            .col(integer("version_id"))
            .col(string("kind"))
            .col(string("key"))
            .col(string_null("locator"))
            .foreign_key(
                ForeignKey::create()
                    .from("essay_reference", "version_id")
                    .to("essay_version", "version_id"),
            );
        manager.create_table(editable(reference)).await?;
        manager
            .create_index(index(
                "essay_reference_key_idx",
                "essay_reference",
                &["kind", "key"],
                false,
            ))
            .await?;

        let mut review = Table::create().table("essay_review").col(pk_auto("review_id")).take();
        review
            .col(integer("essay_id"))
            .col(integer("version_id"))
            .col(integer("round"))
            .col(string("reviewer_name"))
            .col(string("reviewer_email"))
            .col(integer_null("reviewer_account_id"))
            .col(string_null("token_hash"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(string("due_on"))
            .col(string_null("recommendation"))
            .col(text_null("to_author"))
            .col(text_null("to_editor"))
            .col(timestamp_with_time_zone_null("submitted_at"))
            .col(integer("reminders_sent").default(0))
            .col(timestamp_with_time_zone_null("last_reminder_at"))
            .foreign_key(
                ForeignKey::create()
                    .from("essay_review", "essay_id")
                    .to("essay", "essay_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("essay_review", "version_id")
                    .to("essay_version", "version_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("essay_review", "reviewer_account_id")
                    .to("account", "account_id"),
            );
        manager.create_table(editable(review)).await?;
        manager
            .create_index(index("essay_review_token_uniq", "essay_review", &["token_hash"], true))
            .await?;

        let mut decision = Table::create()
            .table("essay_decision")
            .col(pk_auto("decision_id"))
            .take();
        decision
            .col(integer("essay_id"))
            .col(integer("version_id"))
            .col(string("decision"))
            .col(text("letter"))
            .col(integer("decided_by"))
            .foreign_key(
                ForeignKey::create()
                    .from("essay_decision", "essay_id")
                    .to("essay", "essay_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("essay_decision", "version_id")
                    .to("essay_version", "version_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from("essay_decision", "decided_by")
                    .to("account", "account_id"),
            );
        manager.create_table(editable(decision)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "essay_decision",
            "essay_review",
            "essay_reference",
            "essay_version",
            "essay",
            "essay_call",
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
