//! Half-finished sign-ins (migration `m0015_two_factor`): the password was right and the account
//! has a second factor, so the browser holds a short-lived token (cookie `nmp_pending`) until it
//! gives a code. Keyed by the token's SHA-256; it is not a session and opens no staff page.

use sea_orm::entity::prelude::*;

/// A pending sign-in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pending_sign_in")]
pub struct Model {
    /// SHA-256 hex of the cookie token.
    #[sea_orm(primary_key, auto_increment = false)]
    pub pending_sign_in_id: String,
    /// The account whose password was right.
    pub account_id: i32,
    /// When the password was accepted (UTC).
    pub created_at: TimeDateTimeWithTimeZone,
    /// When the token stops working (UTC), 5 minutes later.
    pub expires_at: TimeDateTimeWithTimeZone,
    /// Wrong codes given with this token; at the limit it is deleted.
    pub attempts: i32,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
