//! A dataset's values for entities outside the 195 states (Kosovo, `XKX`), kept apart from
//! `observation` because they have no `country` row. Imported in bulk with their dataset and
//! replaced with it, never edited one by one: no version columns (see migration
//! `m0017_observation_outside`).

use sea_orm::entity::prelude::*;

/// A value of an entity outside the 195 states.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "observation_outside")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key)]
    pub observation_outside_id: i64,
    /// The indicator.
    pub indicator_id: i32,
    /// The code the entity is matched to (e.g. the user-assigned `XKX`).
    pub code: String,
    /// Its name as the dataset gives it.
    pub name: String,
    /// Calendar year.
    pub year: i32,
    /// Value in the indicator's unit.
    pub value: f64,
    /// Why the entity is outside the 195 states, and how it was matched.
    pub note: Option<String>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
