//! Frameworks taken from a document (the UN Framework of Analysis for Atrocity Crimes, issue 26):
//! a criterion gains the group it belongs to (`criterion.category`, a code such as `common` or
//! `genocide`) and a note on what is verified about it (`criterion.note`), and a new table holds
//! a criterion's indicators (`criterion_indicator`: its number in the framework, its wording and
//! a note), cited in `citation` (`entity = 'criterion_indicator'`) like every fact.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 23.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::add_columns(manager, "criterion", vec![string_null("category"), text_null("note")]).await?;
        let mut table = Table::create()
            .table("criterion_indicator")
            .col(pk_auto("criterion_indicator_id"))
            .take();
        table
            .col(integer("criterion_id"))
            .col(string("code"))
            .col(integer("position"))
            .col(text("text"))
            .col(text_null("note"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(string("updated_by"))
            .col(integer("version"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("criterion_id")
                    .to("criterion", "criterion_id")
                    .on_delete(ForeignKeyAction::Restrict),
            );
        manager.create_table(table).await?;
        manager
            .create_index(
                Index::create()
                    .name("criterion_indicator_uniq")
                    .table("criterion_indicator")
                    .unique()
                    .col("criterion_id")
                    .col("code")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("criterion_indicator").take())
            .await?;
        super::drop_columns(manager, "criterion", &["note", "category"]).await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
