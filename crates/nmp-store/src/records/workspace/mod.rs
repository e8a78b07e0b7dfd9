//! The staff workspace's model in the store: who may change what ([`Store::scope`]), proposals
//! and their review ([`Store::propose`], [`Store::decide`]), assignments, and the audit history of
//! a record or of everything. The rules themselves are pure and live in [`nmp_core::policy`]
//! (re-exported here: [`edit_mode`], [`may_review`], [`may_decide`]); this module looks up the
//! rows they need and writes what they allow.
//!
//! - [`scope`](Store::scope): whether a change is in an account's scope (`scope.rs`);
//! - proposals, their review and writing them in a transaction (`proposals.rs`);
//! - assignments and the owners of an edition's profiles (`assignments.rs`).

use nmp_core::ValidationError;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use time::OffsetDateTime;

use super::apply::ApplyError;
use crate::entity::{assignment, audit_event};
use crate::{Result, Store};

mod assignments;
mod proposals;
mod scope;

pub use nmp_core::policy::{EditMode, edit_mode, may_decide, may_review};

fn refused(message: impl Into<String>) -> ApplyError {
    ApplyError::Fields(vec![ValidationError::new("record", message)])
}

/// Today's date (UTC) as `YYYY-MM-DD`, the form `assignment.due_on` is kept in.
pub fn today() -> String {
    let d = OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Who a proposal comes from.
#[derive(Clone, Debug)]
pub struct Proposer {
    /// The audit log's actor (`ana@example.org`, `respondent:x@example.org`).
    pub actor: String,
    /// The staff account, if any.
    pub account_id: Option<i32>,
    /// The questionnaire invitation, for a respondent's answers.
    pub invitation_id: Option<i32>,
}

/// An assignment with what it is about, for lists.
#[derive(Clone, Debug)]
pub struct AssignmentView {
    /// The row.
    pub assignment: assignment::Model,
    /// Whether it is open after its due date.
    pub overdue: bool,
}

impl Store {
    /// The audit events of one record, newest first.
    pub async fn history(&self, table: &str, key: &str) -> Result<Vec<audit_event::Model>> {
        Ok(audit_event::Entity::find()
            .filter(audit_event::Column::Entity.eq(table))
            .filter(audit_event::Column::EntityId.eq(key))
            .order_by_desc(audit_event::Column::AuditEventId)
            .all(&self.db)
            .await?)
    }

    /// A page of the whole audit log, newest first, optionally of one actor, with the number of
    /// events that match.
    pub async fn audit_log(
        &self,
        actor: Option<&str>,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<audit_event::Model>, u64)> {
        let mut query = audit_event::Entity::find();
        if let Some(a) = actor {
            query = query.filter(audit_event::Column::Actor.eq(a));
        }
        let total = query.clone().count(&self.db).await?;
        let rows = query
            .order_by_desc(audit_event::Column::AuditEventId)
            .offset(offset)
            .limit(limit)
            .all(&self.db)
            .await?;
        Ok((rows, total))
    }
}
