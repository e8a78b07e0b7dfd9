//! Translations of records (issue 22): `translation`, one row per record, field and language
//! (the French name of a mechanism, the Spanish text of its mandate). A translation is either an
//! official one, cited like any fact (`citation` with `entity = 'translation'`), or NMP's own
//! (`by_nmp`); the pages show the reader's language when there is one, with the original one
//! click away. `entity_id` is the record's key as text, as in `citation`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 29.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create()
            .table("translation")
            .col(pk_auto("translation_id"))
            .take();
        table
            .col(string("entity"))
            .col(string("entity_id"))
            .col(string("field"))
            .col(string_len("language", 8))
            .col(text("text"))
            .col(boolean("by_nmp").default(false))
            .col(text_null("note"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(string("updated_by"))
            .col(integer("version"));
        manager.create_table(table).await?;
        manager
            .create_index(
                Index::create()
                    .name("translation_uniq")
                    .table("translation")
                    .col("entity")
                    .col("entity_id")
                    .col("field")
                    .col("language")
                    .unique()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("translation").to_owned()).await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
