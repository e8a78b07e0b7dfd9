//! One-time links to set or reset a password (migration `m0004_accounts`), stored as the SHA-256
//! (hex) of their token; the token is shown once, when the link is issued.

use sea_orm::entity::prelude::*;

/// A link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "one_time_link")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key)]
    pub one_time_link_id: i32,
    /// SHA-256 hex of the token in the link.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The account whose password the link sets.
    pub account_id: i32,
    /// `set_password` (new account) or `reset_password`.
    pub purpose: String,
    /// When the link stops working (UTC).
    pub expires_at: TimeDateTimeWithTimeZone,
    /// When it was used (UTC); NULL while unused. A link works once.
    pub used_at: Option<TimeDateTimeWithTimeZone>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
