//! An alert raised for a follower when a forecast or a qualitative assessment moved a state they
//! follow: shown on `/staff` until it is marked as read, and mailed. Written by hand rather than
//! with `editable!` because the risks are real numbers (no `Eq`).

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "watch_alert")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub watch_alert_id: i32,
    /// Who is alerted.
    pub account_id: i32,
    /// The state that moved.
    pub country_iso3: String,
    /// `entered_top_30`, `risk_up` or `new_assessment`.
    pub kind: String,
    /// The forecast dataset that moved it (`None` for an assessment).
    pub dataset_id: Option<i32>,
    /// The forecast of the same family it is compared with.
    pub previous_dataset_id: Option<i32>,
    /// Its two-year risk in the new forecast.
    pub risk: Option<f64>,
    /// Its two-year risk in the previous forecast.
    pub previous_risk: Option<f64>,
    /// Its rank in the new forecast.
    pub rank: Option<f64>,
    /// Its rank in the previous forecast.
    pub previous_rank: Option<f64>,
    /// What happened, in a sentence.
    pub message: String,
    /// When the follower marked it as read; `None` while unread.
    pub read_at: Option<TimeDateTimeWithTimeZone>,
    /// When the row was created (UTC).
    pub created_at: TimeDateTimeWithTimeZone,
    /// When the row last changed (UTC).
    pub updated_at: TimeDateTimeWithTimeZone,
    /// Who last changed it.
    pub updated_by: String,
    /// Optimistic-concurrency version, starting at 1.
    pub version: i32,
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::entity::Keyed for Model {
    fn key(&self) -> String {
        self.watch_alert_id.to_string()
    }
    fn version(&self) -> i32 {
        self.version
    }
}
