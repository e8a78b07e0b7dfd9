//! Every email the platform sent or wrote to the outbox (bookkeeping: no versions; audited per
//! message by the writer's batch event).

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "mail")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub mail_id: i32,
    /// The invitation it is about, if any.
    pub invitation_id: Option<i32>,
    /// `invitation`, `reminder` or `test`.
    pub kind: String,
    /// Recipient.
    pub to_address: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// `MailStatus` code.
    pub status: String,
    /// The SMTP server's answer, the outbox file, or the error.
    pub detail: Option<String>,
    /// When it was sent or written.
    pub created_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
