//! The language of an edition (issue 22): `en`, `fr` or `es`, what its report's fixed labels,
//! dates and running heads are written in; English for the editions recorded before.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 28.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("edition")
                    .add_column(string_len("language", 8).default("en"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table("edition").drop_column("language").to_owned())
            .await
    }
}
