//! Who was responsible for what, and when: phases on `edition_publisher` (issue 25).
//!
//! A publisher row gains the phase of the series it belongs to (`phase`, a short label as the
//! sources describe it, such as the transfer of the report from one organisation to another),
//! the phase's dates (`phase_from`, `phase_until`: partial dates, either may be unknown) and the
//! part of the edition it is responsible for (`edition_part_id`; NULL for the whole edition). The
//! unique index on (`edition_id`, `organization_id`, `role`) becomes one on those and the part and
//! the phase's start, so that an organisation can hold the same role for two parts or in two
//! phases. The loader refuses a row that repeats another's edition, organisation, role, part and
//! phase start (where NULLs would slip past the index).
//!
//! `edition_part_id` has no foreign-key constraint (SQLite cannot add one to an existing table);
//! the loader, the workspace's form check and the data package's schema check it instead.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 16.
#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 4] = ["phase", "phase_from", "phase_until", "edition_part_id"];

fn uniq(cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create()
        .name("edition_publisher_uniq")
        .table("edition_publisher")
        .unique()
        .take();
    for col in cols {
        index.col(*col);
    }
    index
}

async fn drop_uniq(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut drop = Index::drop();
    drop.name("edition_publisher_uniq").table("edition_publisher");
    manager.drop_index(drop).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::add_columns(
            manager,
            "edition_publisher",
            vec![
                text_null("phase"),
                string_null("phase_from"),
                string_null("phase_until"),
                integer_null("edition_part_id"),
            ],
        )
        .await?;
        drop_uniq(manager).await?;
        manager
            .create_index(uniq(&[
                "edition_id",
                "organization_id",
                "role",
                "edition_part_id",
                "phase_from",
            ]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_uniq(manager).await?;
        let reversed: Vec<&'static str> = COLUMNS.iter().rev().copied().collect();
        super::drop_columns(manager, "edition_publisher", &reversed).await?;
        manager
            .create_index(uniq(&["edition_id", "organization_id", "role"]))
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
