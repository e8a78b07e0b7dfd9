//! Staff accounts: email, name, role (`AccountRole` code), an argon2id password hash, active.
//!
//! Written by hand rather than with `editable!` so that `password_hash` is never serialised: the
//! audited writer stores rows as JSON in `audit_event`, and a password hash must not go there.

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "account")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub account_id: i32,
    /// Email, unique; what `updated_by` and the audit log show.
    pub email: String,
    /// The person's name.
    pub name: String,
    /// `AccountRole` code.
    pub role: String,
    /// argon2id PHC string; NULL until a password is set. Never serialised (audit log, API).
    #[serde(skip_serializing, default)]
    pub password_hash: Option<String>,
    /// Whether the account may sign in.
    pub active: bool,
    /// The organisation a partner account works for (→ `organization`); NULL for staff.
    pub organization_id: Option<i32>,
    /// When the row was created (UTC).
    pub created_at: TimeDateTimeWithTimeZone,
    /// When the row last changed (UTC).
    pub updated_at: TimeDateTimeWithTimeZone,
    /// Who last changed it (account email or `system:...`).
    pub updated_by: String,
    /// Optimistic-concurrency version, starting at 1.
    pub version: i32,
}

impl std::fmt::Debug for Model {
    /// Like the derived form, with the password hash left out.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("account::Model")
            .field("account_id", &self.account_id)
            .field("email", &self.email)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("password_set", &self.password_hash.is_some())
            .field("active", &self.active)
            .field("version", &self.version)
            .finish()
    }
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::entity::Keyed for Model {
    fn key(&self) -> String {
        self.account_id.to_string()
    }
    fn version(&self) -> i32 {
        self.version
    }
}
