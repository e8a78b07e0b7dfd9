//! Indexes for the public lists that the database filters and counts (`lists.rs`, issue 27):
//! the mechanism list's `level` and `type` filters, whose facet counts are `GROUP BY` over those
//! columns (an index on each lets the count read the index alone instead of every row), and its
//! `status` filter, which first narrows the mechanisms down to those that ever had the status
//! (`mechanism_status` by `status, mechanism_id`) before looking up each one's latest. The
//! lists' other look-ups already have theirs: a mechanism's country, statuses and memberships by
//! `mechanism_id`, citations by `(entity, entity_id)` (m0001).

use sea_orm_migration::prelude::*;

use super::IndexSpec;

/// Migration 30.
#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: &[IndexSpec] = &[
    ("mechanism_level_idx", "mechanism", &["level"]),
    ("mechanism_type_idx", "mechanism", &["mechanism_type"]),
    (
        "mechanism_status_status_idx",
        "mechanism_status",
        &["status", "mechanism_id"],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::create_indexes(manager, INDEXES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::drop_indexes(manager, INDEXES).await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
