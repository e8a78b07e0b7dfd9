//! One coefficient of a saved NMP risk model, beside EWP's (migration `m0020_risk_model`).
//! Bookkeeping: written once with its model, no version columns.

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "risk_coefficient")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub risk_coefficient_id: i32,
    /// The model (its dataset).
    pub dataset_id: i32,
    /// Order of the predictor in the model (1 = first).
    pub position: i32,
    /// The predictor's column name in the panel.
    pub predictor: String,
    /// NMP's coefficient (0 = dropped by the penalty).
    pub coefficient: f64,
    /// EWP's published coefficient, if compared.
    pub ewp_coefficient: Option<f64>,
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
