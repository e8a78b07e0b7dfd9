//! Signed-in browser sessions (migration `m0004_accounts`). The key is the SHA-256 (hex) of the
//! random token in the `nmp_session` cookie; the token itself is never stored.

use sea_orm::entity::prelude::*;

/// A session.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    /// SHA-256 hex of the cookie token.
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: String,
    /// The signed-in account.
    pub account_id: i32,
    /// The token every POST form of this session must carry.
    pub csrf_token: String,
    /// When the session began (UTC).
    pub created_at: TimeDateTimeWithTimeZone,
    /// When it stops being accepted (UTC).
    pub expires_at: TimeDateTimeWithTimeZone,
    /// When it was last used (UTC, updated at most every few minutes).
    pub last_seen_at: TimeDateTimeWithTimeZone,
    /// The browser's `User-Agent`, so a person can recognise their sessions.
    pub user_agent: Option<String>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
