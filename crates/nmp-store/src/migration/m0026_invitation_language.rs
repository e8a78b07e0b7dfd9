//! The language of an invitation (issue 22): the respondent's form, its messages and the mails
//! (invitation, reminders) are in it; `en`, `fr` or `es`, English for the invitations made before.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 26.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("invitation")
                    .add_column(string_len("language", 8).default("en"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table("invitation").drop_column("language").to_owned())
            .await
    }
}
