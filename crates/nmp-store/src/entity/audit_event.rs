//! The audit log: one row per change, hash-chained to the previous row. Never updated.

use sea_orm::entity::prelude::*;

/// An audit event.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    /// Sequence number, 1, 2, 3, ... with no gaps.
    #[sea_orm(primary_key, auto_increment = false)]
    pub audit_event_id: i64,
    /// When (UTC, microseconds).
    pub occurred_at: TimeDateTimeWithTimeZone,
    /// Who (account email or `system:...`).
    pub actor: String,
    /// Table name.
    pub entity: String,
    /// Primary key of the row.
    pub entity_id: String,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// The row before, as JSON.
    pub before_json: Option<String>,
    /// The row after, as JSON.
    pub after_json: Option<String>,
    /// Hash of the previous event (64 zeros for the first).
    pub prev_hash: String,
    /// SHA-256 of this event's canonical JSON, which includes `prev_hash`.
    pub hash: String,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
