//! NMP's own risk forecasts (issue 26): `risk_model`, one row per forecast `nmp risk fit --save`
//! wrote (the fit's parameters and how it compared with the Early Warning Project's), keyed by the
//! dataset that holds the forecast's `risk_2yr` and `rank_2yr`; and `risk_coefficient`, its
//! coefficients beside EWP's. Bookkeeping: written once with the dataset, never edited, so no
//! version columns; deleting the dataset deletes them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 20.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut model = Table::create()
            .table("risk_model")
            .col(integer("dataset_id").primary_key())
            .take();
        model
            .col(string("panel_file"))
            .col(char_len("panel_sha256", 64))
            .col(string("outcome"))
            .col(integer("base_year"))
            .col(integer("first_training_year"))
            .col(integer("last_training_year"))
            .col(integer("training_rows"))
            .col(double("alpha"))
            .col(double("lambda"))
            .col(integer("lambda_index"))
            .col(integer("lambda_count"))
            .col(integer("folds"))
            .col(big_integer("seed"))
            .col(boolean("converged"))
            .col(double("fit_seconds"))
            .col(double("intercept"))
            .col(string_null("compared_with"))
            .col(double_null("spearman_vs_ewp"))
            .col(integer_null("top30_overlap_vs_ewp"))
            .col(timestamp_with_time_zone("fitted_at"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("dataset_id")
                    .to("dataset", "dataset_id")
                    .on_delete(ForeignKeyAction::Cascade),
            );
        manager.create_table(model).await?;
        let mut coef = Table::create()
            .table("risk_coefficient")
            .col(pk_auto("risk_coefficient_id"))
            .take();
        coef.col(integer("dataset_id"))
            .col(integer("position"))
            .col(string("predictor"))
            .col(double("coefficient"))
            .col(double_null("ewp_coefficient"))
            .foreign_key(
                ForeignKey::create()
                    .from_col("dataset_id")
                    .to("risk_model", "dataset_id")
                    .on_delete(ForeignKeyAction::Cascade),
            );
        manager.create_table(coef).await?;
        manager
            .create_index(
                Index::create()
                    .name("risk_coefficient_uniq")
                    .table("risk_coefficient")
                    .col("dataset_id")
                    .col("predictor")
                    .unique()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("risk_coefficient").take())
            .await?;
        manager.drop_table(Table::drop().table("risk_model").take()).await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
