//! Qualitative country risk assessments through the outcome-assessment machinery (issue 26).
//!
//! A round's target can be a country (`round_target.country_iso3`) with the date the assessment
//! stands for (`round_target.assessed_on`, `YYYY-MM-DD`); a rating and a consensus gain a trend
//! (`trend`, a `RiskTrend` code: rising, steady, falling). Every new column is nullable, so the
//! rows of outcome assessments read as they did. One country appears at most once in a round
//! (a unique index; NULLs do not collide on either engine).
//!
//! `country_iso3` has no foreign-key constraint (SQLite cannot add one to an existing table);
//! opening a round and the data package's check refuse a country that is not in `country`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 22.
#[derive(DeriveMigrationName)]
pub struct Migration;

fn country_index() -> IndexCreateStatement {
    Index::create()
        .name("round_target_country_uniq")
        .table("round_target")
        .unique()
        .col("assessment_round_id")
        .col("country_iso3")
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::add_columns(
            manager,
            "round_target",
            vec![char_len_null("country_iso3", 3), string_null("assessed_on")],
        )
        .await?;
        super::add_columns(manager, "rating", vec![string_null("trend")]).await?;
        super::add_columns(manager, "consensus", vec![string_null("trend")]).await?;
        manager.create_index(country_index()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut drop = Index::drop();
        drop.name("round_target_country_uniq").table("round_target");
        manager.drop_index(drop).await?;
        super::drop_columns(manager, "consensus", &["trend"]).await?;
        super::drop_columns(manager, "rating", &["trend"]).await?;
        super::drop_columns(manager, "round_target", &["assessed_on", "country_iso3"]).await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
