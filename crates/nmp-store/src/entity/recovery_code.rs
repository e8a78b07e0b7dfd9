//! Recovery codes (migration `m0015_two_factor`): ten single-use codes shown once when a second
//! factor is switched on, for signing in without the authenticator app. Only the SHA-256 of each
//! code is stored (the codes carry 80 random bits, so a plain hash cannot be reversed by trying).

use sea_orm::entity::prelude::*;

/// A code.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_code")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key)]
    pub recovery_code_id: i32,
    /// The account it signs in (→ `account`).
    pub account_id: i32,
    /// SHA-256 hex of the code (lower case, without the dashes).
    #[sea_orm(unique)]
    pub code_hash: String,
    /// When it was made (UTC).
    pub created_at: TimeDateTimeWithTimeZone,
    /// When it was used (UTC); NULL while unused. A code works once.
    pub used_at: Option<TimeDateTimeWithTimeZone>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
