//! Documents attached to a questionnaire response (bookkeeping: no versions; each upload and
//! removal is audited as one event by the writer's batch methods, without the bytes).

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachment")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub attachment_id: i32,
    /// The invitation whose response the file belongs to.
    pub invitation_id: i32,
    /// The `file` question it answers.
    pub question_key: String,
    /// The file's name as the respondent's computer gave it (without any folder).
    pub file_name: String,
    /// Its media type, from its checked extension (`application/pdf`).
    pub content_type: String,
    /// Its size in bytes.
    pub size_bytes: i32,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// The bytes.
    #[sea_orm(column_type = "Blob")]
    pub content: Vec<u8>,
    /// When it was uploaded.
    pub created_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
