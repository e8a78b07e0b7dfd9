//! Essays in an edition: `edition_part.kind` (vocabulary `PartKind`: a `chapter` of the edition's
//! own text, or an expert opinion `essay`; every part recorded before is a chapter) and
//! `edition_part.author` (an essay's author, name and affiliation as printed).
//!
//! Numbered 11: number 10 is taken by another line of work (attachments); the migrator runs the
//! migrations in the order of its list, and each is recorded by its name.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 11.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time. A NOT NULL column added
        // to a table with rows needs a default, which is also what the rows before it are.
        manager
            .alter_table(
                Table::alter()
                    .table("edition_part")
                    .add_column(string("kind").default("chapter"))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("edition_part")
                    .add_column(string_null("author"))
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
