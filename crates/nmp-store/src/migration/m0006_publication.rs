//! Publishing editions: `edition_snapshot` (the frozen snapshot of a published edition, its
//! SHA-256 and its data package, written once and never changed: its presence is what locks the
//! edition's rows), `erratum` (corrections to a published edition, listed by the next build),
//! and two texts stored with an edition: `edition.methodology` and `edition_part.body`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 6.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Written once by `nmp edition publish`; no version columns because it is never edited.
        let mut snapshot = Table::create()
            .table("edition_snapshot")
            .col(integer("edition_id").primary_key())
            .take();
        snapshot
            .col(char_len("sha256", 64))
            .col(text("snapshot"))
            .col(text("datapackage"))
            .col(timestamp_with_time_zone("published_at"))
            .col(string("published_by"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("edition_id")
                    .to("edition", "edition_id")
                    .on_delete(ForeignKeyAction::Restrict),
            );
        manager.create_table(snapshot).await?;

        let mut erratum = Table::create().table("erratum").col(pk_auto("erratum_id")).take();
        erratum
            .col(integer("edition_id"))
            .col(string("issued_on"))
            .col(text("location"))
            .col(text("correction"))
            .col(text_null("note"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(string("updated_by"))
            .col(integer("version"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("edition_id")
                    .to("edition", "edition_id")
                    .on_delete(ForeignKeyAction::Restrict),
            );
        manager.create_table(erratum).await?;
        manager
            .create_index(
                Index::create()
                    .name("erratum_edition_idx")
                    .table("erratum")
                    .col("edition_id")
                    .take(),
            )
            .await?;

        // One column per statement: SQLite alters one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table("edition")
                    .add_column(text_null("methodology"))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("edition_part")
                    .add_column(text_null("body"))
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
