//! Data collection: `questionnaire` (per edition, versioned by `revision`), its `question`s (each
//! mapped to the record field it feeds), `invitation` (a respondent without an account, reached by
//! a personal link whose token is stored only as its SHA-256; the invitation also holds the
//! response), and `mail` (every invitation and reminder, sent over SMTP or written to the outbox).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 9.
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
        let mut questionnaire = Table::create()
            .table("questionnaire")
            .col(pk_auto("questionnaire_id"))
            .take();
        questionnaire
            .col(integer("edition_id"))
            .col(string_uniq("slug"))
            .col(string("title"))
            .col(integer("revision"))
            .col(integer_null("previous_id"))
            .col(text_null("intro"))
            .col(string("status"));
        editable(&mut questionnaire);
        fk(&mut questionnaire, "edition_id", "edition", "edition_id");
        fk(&mut questionnaire, "previous_id", "questionnaire", "questionnaire_id");
        manager.create_table(questionnaire).await?;

        let mut question = Table::create().table("question").col(pk_auto("question_id")).take();
        question
            .col(integer("questionnaire_id"))
            .col(integer("position"))
            .col(string("question_key"))
            .col(string_null("group_key"))
            .col(string_null("section"))
            .col(text("prompt"))
            .col(text_null("help"))
            .col(string("kind"))
            .col(string_null("vocabulary"))
            .col(string_null("target_table"))
            .col(string_null("target_field"))
            .col(boolean("required"));
        editable(&mut question);
        fk(&mut question, "questionnaire_id", "questionnaire", "questionnaire_id");
        manager.create_table(question).await?;

        let mut invitation = Table::create().table("invitation").col(pk_auto("invitation_id")).take();
        invitation
            .col(integer("questionnaire_id"))
            .col(string("respondent_name"))
            .col(string("respondent_email"))
            .col(integer_null("organization_id"))
            .col(char_len_null("country_iso3", 3))
            .col(integer_null("mechanism_id"))
            .col(char_len_uniq("token_hash", 64))
            .col(timestamp_with_time_zone("expires_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .col(string("due_on"))
            .col(string("state"))
            .col(text_null("answers_json"))
            .col(timestamp_with_time_zone_null("submitted_at"))
            .col(text_null("review_comment"))
            .col(integer_null("source_id"))
            .col(timestamp_with_time_zone_null("last_reminder_at"))
            .col(integer("reminders_sent"))
            .col(integer("invited_by"));
        editable(&mut invitation);
        fk(&mut invitation, "questionnaire_id", "questionnaire", "questionnaire_id");
        fk(&mut invitation, "organization_id", "organization", "organization_id");
        fk(&mut invitation, "country_iso3", "country", "country_iso3");
        fk(&mut invitation, "mechanism_id", "mechanism", "mechanism_id");
        fk(&mut invitation, "source_id", "source", "source_id");
        fk(&mut invitation, "invited_by", "account", "account_id");
        manager.create_table(invitation).await?;

        let mut mail = Table::create().table("mail").col(pk_auto("mail_id")).take();
        mail.col(integer_null("invitation_id"))
            .col(string("kind"))
            .col(string("to_address"))
            .col(string("subject"))
            .col(text("body"))
            .col(string("status"))
            .col(text_null("detail"))
            .col(timestamp_with_time_zone("created_at"));
        fk(&mut mail, "invitation_id", "invitation", "invitation_id");
        manager.create_table(mail).await?;

        for index in [
            Index::create()
                .name("question_key_idx")
                .table("question")
                .col("questionnaire_id")
                .col("question_key")
                .unique()
                .take(),
            Index::create()
                .name("invitation_questionnaire_idx")
                .table("invitation")
                .col("questionnaire_id")
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
