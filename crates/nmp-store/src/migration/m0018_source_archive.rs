//! Sources that outlive link rot (issue 25): `source.archived_url` (a copy of the page in a web
//! archive, beside the original `url`; `accessed_on` already existed), and `link_check`, one row
//! per source and run of `nmp sources check`: what the URL answered (status, the final URL after
//! redirects, the SHA-256 of the body or the error) and whether the content changed since the
//! source's previous check.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 18.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::add_columns(manager, "source", vec![string_null("archived_url")]).await?;
        // Bookkeeping like `attachment`: written once per run, never edited, so no version
        // columns; a run is one audit event. Deleting a source deletes its check history.
        let mut check = Table::create().table("link_check").col(pk_auto("link_check_id")).take();
        check
            .col(integer("source_id"))
            .col(timestamp_with_time_zone("run_at"))
            .col(timestamp_with_time_zone("checked_at"))
            .col(string("url"))
            .col(integer_null("status_code"))
            .col(string_null("final_url"))
            .col(char_len_null("content_sha256", 64))
            .col(string_null("error"))
            .col(string("outcome"))
            .col(boolean("changed").default(false))
            .foreign_key(
                ForeignKey::create()
                    .from_col("source_id")
                    .to("source", "source_id")
                    .on_delete(ForeignKeyAction::Cascade),
            );
        manager.create_table(check).await?;
        manager
            .create_index(
                Index::create()
                    .name("link_check_source_idx")
                    .table("link_check")
                    .col("source_id")
                    .col("checked_at")
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
