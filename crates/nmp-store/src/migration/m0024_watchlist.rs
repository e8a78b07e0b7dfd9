//! Watchlist alerts (issue 26, part 5): `watch`, what a signed-in person follows (one state, or
//! the top 30 of every forecast), with the rise in two-year risk that should alert them; and
//! `watch_alert`, what they were told when an imported or computed forecast, or a new qualitative
//! assessment, moved a followed state (shown on `/staff` until marked as read, and mailed).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 24.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns every editable row carries.
fn stamps(table: &mut TableCreateStatement) {
    table
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .col(string("updated_by"))
        .col(integer("version"));
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A follow: a state (`country_iso3`), or the top 30 when it is NULL. Deleting an
        // account deletes what it follows and its alerts.
        let mut watch = Table::create().table("watch").col(pk_auto("watch_id")).take();
        watch
            .col(integer("account_id"))
            .col(char_len_null("country_iso3", 3))
            .col(double("min_rise").default(0.01))
            .foreign_key(
                ForeignKey::create()
                    .from_col("account_id")
                    .to("account", "account_id")
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .from_col("country_iso3")
                    .to("country", "country_iso3")
                    .on_delete(ForeignKeyAction::Cascade),
            );
        stamps(&mut watch);
        manager.create_table(watch).await?;
        manager
            .create_index(
                Index::create()
                    .name("watch_account_country_idx")
                    .table("watch")
                    .col("account_id")
                    .col("country_iso3")
                    .unique()
                    .take(),
            )
            .await?;

        let mut alert = Table::create()
            .table("watch_alert")
            .col(pk_auto("watch_alert_id"))
            .take();
        alert
            .col(integer("account_id"))
            .col(char_len("country_iso3", 3))
            .col(string("kind"))
            .col(integer_null("dataset_id"))
            .col(integer_null("previous_dataset_id"))
            .col(double_null("risk"))
            .col(double_null("previous_risk"))
            .col(double_null("rank"))
            .col(double_null("previous_rank"))
            .col(string("message"))
            .col(timestamp_with_time_zone_null("read_at"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("account_id")
                    .to("account", "account_id")
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .from_col("country_iso3")
                    .to("country", "country_iso3")
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .from_col("dataset_id")
                    .to("dataset", "dataset_id")
                    .on_delete(ForeignKeyAction::SetNull),
            )
            .foreign_key(
                ForeignKey::create()
                    .from_col("previous_dataset_id")
                    .to("dataset", "dataset_id")
                    .on_delete(ForeignKeyAction::SetNull),
            );
        stamps(&mut alert);
        manager.create_table(alert).await?;
        manager
            .create_index(
                Index::create()
                    .name("watch_alert_account_idx")
                    .table("watch_alert")
                    .col("account_id")
                    .col("read_at")
                    .take(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
