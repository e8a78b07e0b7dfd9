//! Questionnaires in three languages (issue 22): each question's prompt, help and section, and
//! each questionnaire's title and introduction, may carry their French and Spanish translations
//! (`translations_json`: `{"fr": {"prompt": "...", "help": "..."}, "es": {...}}`), kept with the
//! questionnaire revision they belong to.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 27.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["question", "questionnaire"] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(text_null("translations_json"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["question", "questionnaire"] {
            manager
                .alter_table(Table::alter().table(table).drop_column("translations_json").to_owned())
                .await?;
        }
        Ok(())
    }
}
