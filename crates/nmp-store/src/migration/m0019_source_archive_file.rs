//! An archived file of a source (issue 25): `source_archive_file`, the current PDF, HTML or
//! plain-text snapshot of a source an editor uploaded (its name, type, size, SHA-256 and the bytes
//! themselves, stored like `attachment` so that every instance of the web server on one database
//! can serve it). One file per source: uploading another replaces it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 19.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Bookkeeping like `attachment`: written whole and replaced, never edited, so no version
        // columns. Deleting a source deletes its file.
        let mut file = Table::create()
            .table("source_archive_file")
            .col(pk_auto("source_archive_file_id"))
            .take();
        file.col(integer("source_id"))
            .col(string("file_name"))
            .col(string("content_type"))
            .col(integer("size_bytes"))
            .col(char_len("sha256", 64))
            .col(blob("content"))
            .col(timestamp_with_time_zone("uploaded_at"))
            .col(string("uploaded_by"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("source_id")
                    .to("source", "source_id")
                    .on_delete(ForeignKeyAction::Cascade),
            );
        manager.create_table(file).await?;
        manager
            .create_index(
                Index::create()
                    .name("source_archive_file_source_idx")
                    .table("source_archive_file")
                    .col("source_id")
                    .unique()
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
