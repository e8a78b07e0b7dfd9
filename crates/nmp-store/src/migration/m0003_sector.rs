//! `organization.sector`: which part of state or society an organisation belongs to (vocabulary
//! `Sector`), the basis of the all-of-government breadth indicator.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 3.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("organization")
                    .add_column(string_null("sector"))
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
