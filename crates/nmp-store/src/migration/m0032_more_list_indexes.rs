//! Indexes for the lists that moved into the database after the mechanism list (issue 27):
//! the source list (`source_list.rs`), whose `kind` and `language` filters are facet counts by
//! `GROUP BY` over those columns (an index on each lets the count read the index alone instead of
//! every row); the initiative list (`initiative_list.rs`), filtered by kind and by mechanism (its
//! country filter has `initiative_country_idx`, m0013); and a country's network memberships,
//! which the country page reads by country (the unique index of m0001 leads with the network);
//! and a mechanism's latest activities, which the country page reads by mechanism and date.
//! The other look-ups already have theirs: a source by `slug` (unique, m0001), citations by
//! `source_id` (`citation_source_idx`, m0001), mechanisms by country (`mechanism_country_idx`).

use sea_orm_migration::prelude::*;

use super::IndexSpec;

/// Migration 32.
#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: &[IndexSpec] = &[
    ("source_kind_idx", "source", &["kind"]),
    ("source_language_idx", "source", &["language"]),
    ("initiative_kind_idx", "initiative", &["initiative_kind_id"]),
    ("initiative_mechanism_idx", "initiative", &["mechanism_id"]),
    (
        "network_membership_country_idx",
        "network_membership",
        &["country_iso3"],
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
