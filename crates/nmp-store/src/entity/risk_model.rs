//! A forecast NMP computed with its own fit of the statistical risk model (`nmp risk fit
//! --save`): the fit's parameters, keyed by the dataset holding the forecast (migration
//! `m0020_risk_model`). Bookkeeping: written once, no version columns.

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "risk_model")]
pub struct Model {
    /// The dataset holding the forecast (`nmp-risk-<year>-<n>`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub dataset_id: i32,
    /// The panel the model was fitted on (file name).
    pub panel_file: String,
    /// SHA-256 of the panel, hex.
    pub panel_sha256: String,
    /// The outcome column fitted (`mk_onset_1or2`).
    pub outcome: String,
    /// The year whose predictors the forecast uses.
    pub base_year: i32,
    /// The first year of the training rows.
    pub first_training_year: i32,
    /// The last year of the training rows.
    pub last_training_year: i32,
    /// Training rows (complete country-years).
    pub training_rows: i32,
    /// The elastic-net mix.
    pub alpha: f64,
    /// The λ chosen by cross-validation (`lambda.min`).
    pub lambda: f64,
    /// Its position on the path (1 = largest λ).
    pub lambda_index: i32,
    /// The number of λ values on the path.
    pub lambda_count: i32,
    /// Cross-validation folds.
    pub folds: i32,
    /// Seed of the fold assignment.
    pub seed: i64,
    /// Whether the fit converged (a fit that did not is never saved, so always true).
    pub converged: bool,
    /// Wall time of the fit, seconds.
    pub fit_seconds: f64,
    /// The model's intercept.
    pub intercept: f64,
    /// The EWP forecasts file compared with, if any.
    pub compared_with: Option<String>,
    /// Spearman's rank correlation with EWP's published risks, if compared.
    pub spearman_vs_ewp: Option<f64>,
    /// How many of EWP's top 30 are in this forecast's top 30, if compared.
    pub top30_overlap_vs_ewp: Option<i32>,
    /// When the fit ran (UTC).
    pub fitted_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
