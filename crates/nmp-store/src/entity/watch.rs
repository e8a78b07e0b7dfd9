//! What a signed-in person follows on the watchlist: one state, or the top 30 of every forecast
//! (`country_iso3` NULL), with the rise in two-year risk that should alert them. Written by hand
//! rather than with `editable!` because `min_rise` is a real number (no `Eq`).

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "watch")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub watch_id: i32,
    /// Who follows.
    pub account_id: i32,
    /// The state followed; `None` means the top 30.
    pub country_iso3: Option<String>,
    /// The rise in two-year risk (absolute, a probability) that raises an alert.
    pub min_rise: f64,
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
        self.watch_id.to_string()
    }
    fn version(&self) -> i32 {
        self.version
    }
}
