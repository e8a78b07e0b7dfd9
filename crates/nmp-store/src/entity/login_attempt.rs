//! Sign-in attempts per email and client (migrations `m0004_accounts`, `m0014`), counted to
//! throttle password guessing.

use sea_orm::entity::prelude::*;

/// An attempt.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_attempt")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key)]
    pub login_attempt_id: i64,
    /// The email typed (normalised to lower case), whether or not an account has it.
    pub email: String,
    /// When (UTC).
    pub attempted_at: TimeDateTimeWithTimeZone,
    /// Whether the password was right.
    pub succeeded: bool,
    /// The client address the attempt came from (migration `m0014`; `None` before it).
    pub client: Option<String>,
    /// Refused by the throttle without checking the password (not counted as a failure).
    pub throttled: bool,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
