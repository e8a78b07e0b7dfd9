//! What a source's URL answered when `nmp sources check` visited it (bookkeeping: no versions;
//! one audit event per run).

use sea_orm::entity::prelude::*;

/// A row of the table.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "link_check")]
pub struct Model {
    /// Key.
    #[sea_orm(primary_key, auto_increment = true)]
    pub link_check_id: i32,
    /// The source whose URL was visited.
    pub source_id: i32,
    /// When the run began (every row of one run has the same).
    pub run_at: TimeDateTimeWithTimeZone,
    /// When this URL's answer came (or the attempt gave up).
    pub checked_at: TimeDateTimeWithTimeZone,
    /// The URL visited (the source's `url` at the time).
    pub url: String,
    /// The HTTP status of the last answer, after redirects; `None` when none came.
    pub status_code: Option<i32>,
    /// Where the redirects ended; `None` when no answer came.
    pub final_url: Option<String>,
    /// SHA-256 of the body of a successful answer, hex.
    pub content_sha256: Option<String>,
    /// Why no answer came (timeout, refused connection, ...).
    pub error: Option<String>,
    /// `ok`, `redirected`, `changed`, `dead` or `error` (see the data dictionary).
    pub outcome: String,
    /// Whether the body's hash differs from the source's previous check that had one.
    pub changed: bool,
}

/// No relations are declared: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
