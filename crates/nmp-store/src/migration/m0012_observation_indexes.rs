//! Drops `observation_country_idx`, the index of `observation` by country alone.
//!
//! No query reads observations by country alone: every read goes by indicator (the world map of
//! an indicator, the EWP ranks and risks of the analysis), which `observation_uniq`
//! (`indicator_id, country_iso3, year`) serves. Countries are reference data that are never
//! deleted or renamed, so the foreign key from `observation.country_iso3` needs no child index
//! either. The index only cost time on every import: one B-tree more for each of a million rows,
//! about a tenth of `nmp import indicators` on SQLite (`bench/run`, profiled with `perf`: the
//! writer thread spends its time in SQLite's B-tree inserts). A page that lists a country's
//! observations would bring it back with the query that needs it.

use sea_orm_migration::prelude::*;

/// Migration 12.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut drop = Index::drop();
        drop.name("observation_country_idx").table("observation");
        manager.drop_index(drop).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("observation_country_idx")
                    .table("observation")
                    .col("country_iso3")
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
