//! `observation_outside`: a dataset's values for entities outside the 195 states (Kosovo, matched
//! by the Early Warning Project import to the user-assigned code `XKX`).
//!
//! `observation` rows need a `country` row, and `country` holds the 195 states (each with its M49
//! code): adding an entity there would change every count over the states. These values are
//! kept apart instead, with the entity's code and name as the dataset gives them and a note on
//! why the entity is outside. Like `observation` they are imported in bulk and replaced with
//! their dataset, in the same transaction; no version columns.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 17.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create()
            .table("observation_outside")
            .col(big_pk_auto("observation_outside_id"))
            .take();
        table
            .col(integer("indicator_id"))
            .col(string("code"))
            .col(text("name"))
            .col(integer("year"))
            .col(double("value"))
            .col(text_null("note"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("indicator_id")
                    .to("indicator", "indicator_id"),
            );
        manager.create_table(table).await?;
        manager
            .create_index(
                Index::create()
                    .name("observation_outside_uniq")
                    .table("observation_outside")
                    .col("indicator_id")
                    .col("code")
                    .col("year")
                    .unique()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("observation_outside").take())
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
