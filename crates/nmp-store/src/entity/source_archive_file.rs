//! The archived file of a source: a PDF, HTML or plain-text snapshot an editor uploaded
//! (bookkeeping: no versions; each upload is audited by the writer's batch methods, without the
//! bytes). At most one per source.

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "source_archive_file")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub source_archive_file_id: i32,
    /// The source it is a copy of (unique).
    pub source_id: i32,
    /// The file's name as the editor's computer gave it (without any folder).
    pub file_name: String,
    /// Its media type (`application/pdf`, `text/html`, `text/plain`).
    pub content_type: String,
    /// Its size in bytes.
    pub size_bytes: i32,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// The bytes.
    #[sea_orm(column_type = "Blob")]
    pub content: Vec<u8>,
    /// When it was uploaded.
    pub uploaded_at: TimeDateTimeWithTimeZone,
    /// Who uploaded it (account email).
    pub uploaded_by: String,
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
