//! An account's second factor (migration `m0015_two_factor`): the TOTP secret (RFC 6238) an
//! authenticator app shares with the server, whether it is switched on, and the last time step a
//! code was accepted for (a code works once).
//!
//! The secret is stored as base32 text, not encrypted: the server must read it to check a code,
//! so a key to decrypt it would have to sit beside the database anyway (see `docs/permissions.md`).
//! The model does not serialise, and its `Debug` leaves the secret out, so neither the audit log
//! nor a log line can carry it.

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "two_factor")]
pub struct Model {
    /// The account (→ `account`); one second factor per account.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i32,
    /// The shared secret, base32 (RFC 4648, no padding), 160 random bits.
    pub secret: String,
    /// When the person confirmed it with a code (UTC); NULL while the set-up waits for that code.
    pub enabled_at: Option<TimeDateTimeWithTimeZone>,
    /// The 30-second time step of the last accepted code: a code of this step or an earlier one is
    /// refused, so a code cannot be replayed.
    pub last_used_step: Option<i64>,
    /// When the set-up began (UTC).
    pub created_at: TimeDateTimeWithTimeZone,
}

impl std::fmt::Debug for Model {
    /// Without the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("two_factor::Model")
            .field("account_id", &self.account_id)
            .field("enabled_at", &self.enabled_at)
            .field("last_used_step", &self.last_used_step)
            .finish()
    }
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
