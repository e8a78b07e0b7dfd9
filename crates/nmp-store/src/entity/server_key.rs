//! Keys shared by every server on one database (migration `m0014`), created on first use: the
//! key that signs pre-sign-in CSRF tokens, so a form served by one server can be posted to another.

use sea_orm::entity::prelude::*;

/// A key.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "server_key")]
pub struct Model {
    /// What the key is for (`csrf`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    /// 32 random bytes, hex. Never serialised into the audit log.
    pub secret: String,
    /// When it was made (UTC).
    pub created_at: TimeDateTimeWithTimeZone,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
