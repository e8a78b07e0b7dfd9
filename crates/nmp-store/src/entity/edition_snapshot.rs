//! The frozen snapshot of a published edition (migration `m0006_publication`). Written once by
//! [`crate::Writer::freeze_edition`] and never changed, so it has no version columns; its
//! presence locks the edition's rows (see `crate::publish`).

use sea_orm::entity::prelude::*;

/// A frozen edition.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "edition_snapshot")]
pub struct Model {
    /// The edition.
    #[sea_orm(primary_key, auto_increment = false)]
    pub edition_id: i32,
    /// SHA-256 (hex) of `snapshot`.
    pub sha256: String,
    /// The snapshot: one JSON document of everything the edition shows.
    pub snapshot: String,
    /// The edition's data package as frozen with it: a JSON object of file name to contents.
    pub datapackage: String,
    /// When it was published (UTC).
    pub published_at: TimeDateTimeWithTimeZone,
    /// Who published it (account email or `system:...`).
    pub published_by: String,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
