//! External country-year data: a `dataset` (publisher, version, URL, licence, file hash) holds
//! `indicator`s (code, label, unit), each with `observation`s (country, year, value).
//!
//! Observations are imported in bulk and replaced by re-importing, never edited one by one, so
//! they carry no version columns; their import is audited as one event per dataset (see
//! `Writer::insert_many`). A dataset and its indicators are ordinary editable rows.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 2.
#[derive(DeriveMigrationName)]
pub struct Migration;

fn editable(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .col(string("updated_by"))
        .col(integer("version"));
    table
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut dataset = Table::create().table("dataset").col(pk_auto("dataset_id")).take();
        dataset
            .col(string_uniq("slug"))
            .col(text("title"))
            .col(text("publisher"))
            .col(string_null("dataset_version"))
            .col(text_null("url"))
            .col(string_null("licence"))
            .col(string_null("file_name"))
            .col(char_len_null("file_sha256", 64))
            .col(text_null("note"));
        manager.create_table(editable(dataset)).await?;

        let mut indicator = Table::create().table("indicator").col(pk_auto("indicator_id")).take();
        indicator
            .col(integer("dataset_id"))
            .col(string("code"))
            .col(text("label"))
            .col(string_null("unit"))
            .col(text_null("description"))
            .foreign_key(ForeignKey::create().from_col("dataset_id").to("dataset", "dataset_id"));
        manager.create_table(editable(indicator)).await?;

        let mut observation = Table::create()
            .table("observation")
            .col(big_pk_auto("observation_id"))
            .take();
        observation
            .col(integer("indicator_id"))
            .col(char_len("country_iso3", 3))
            .col(integer("year"))
            .col(double("value"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("indicator_id")
                    .to("indicator", "indicator_id"),
            )
            .foreign_key(
                ForeignKey::create()
                    .from_col("country_iso3")
                    .to("country", "country_iso3"),
            );
        manager.create_table(observation).await?;

        for index in [
            Index::create()
                .name("indicator_uniq")
                .table("indicator")
                .col("dataset_id")
                .col("code")
                .unique()
                .take(),
            Index::create()
                .name("observation_uniq")
                .table("observation")
                .col("indicator_id")
                .col("country_iso3")
                .col("year")
                .unique()
                .take(),
            Index::create()
                .name("observation_country_idx")
                .table("observation")
                .col("country_iso3")
                .take(),
        ] {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
