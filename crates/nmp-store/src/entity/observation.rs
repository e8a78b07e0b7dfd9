//! Country-year values of an indicator. Imported in bulk, never edited one by one: no version
//! columns (see migration `m0002_datasets`).

use sea_orm::entity::prelude::*;

/// An observation.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "observation")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key)]
    pub observation_id: i64,
    /// The indicator.
    pub indicator_id: i32,
    /// ISO alpha-3 of the country.
    pub country_iso3: String,
    /// Calendar year.
    pub year: i32,
    /// Value in the indicator's unit.
    pub value: f64,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
