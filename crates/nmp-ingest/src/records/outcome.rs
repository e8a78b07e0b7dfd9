//! What a record import is asked and what it answers: who imports ([`Importer`], and so whether
//! rows are written or proposed), and what each row does ([`RowOutcome`], [`ImportReport`]).

use nmp_core::vocab::AccountRole;
use nmp_store::entity::account;
use serde::Serialize;

/// Who imports, and so how rows take effect.
#[derive(Clone, Debug)]
pub enum Importer {
    /// Written at once, as `actor` (an editor's or administrator's email, or `system:import`).
    Direct {
        /// The audit log's actor.
        actor: String,
    },
    /// Every row becomes a proposal by `account` (researchers, students, partners).
    Propose {
        /// The proposing account.
        account: Box<account::Model>,
        /// Its role (students and partners are held to their scope).
        role: AccountRole,
    },
}

impl Importer {
    /// How `account`'s imports take effect: editors and administrators write directly (as their
    /// email), researchers, students and partners propose; reviewers and inactive accounts may
    /// not import (the refusal says why).
    pub fn for_account(account: account::Model) -> Result<Importer, String> {
        if !account.active {
            return Err(format!("the account {} is not active", account.email));
        }
        let role = AccountRole::parse("role", &account.role).map_err(|e| e.message)?;
        match nmp_store::records::workspace::edit_mode(role) {
            Some(nmp_store::records::workspace::EditMode::Direct) => Ok(Importer::Direct { actor: account.email }),
            Some(nmp_store::records::workspace::EditMode::Propose) => Ok(Importer::Propose {
                account: Box::new(account),
                role,
            }),
            None => Err(format!(
                "{} is a {}: reviewers read and comment, they do not import records",
                account.email,
                role.label()
            )),
        }
    }
}

/// What a row does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    /// A new record.
    Create,
    /// Changes to a record.
    Update,
    /// The record already holds these values: nothing to write.
    Unchanged,
}

impl RowAction {
    /// `create`, `update` or `unchanged`.
    pub fn code(self) -> &'static str {
        match self {
            RowAction::Create => "create",
            RowAction::Update => "update",
            RowAction::Unchanged => "unchanged",
        }
    }
}

/// What one row did (or, in a dry run, would do).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowOutcome {
    /// Its row number in the sheet.
    pub row: usize,
    /// What it does.
    pub action: RowAction,
    /// The record's key (for a create: once written directly).
    pub key: Option<i32>,
    /// A name for people: the record's name, title or slug.
    pub label: String,
    /// The fields an update changes.
    pub changed: Vec<String>,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportReport {
    /// The file, as named.
    pub file: String,
    /// The sheet read.
    pub sheet: String,
    /// The kind of record.
    pub kind: &'static str,
    /// Every data row.
    pub rows: Vec<RowOutcome>,
    /// Nothing was written (a dry run).
    pub dry_run: bool,
    /// Rows became proposals rather than records.
    pub proposed: bool,
    /// Seconds spent reading and checking.
    pub check_seconds: f64,
    /// Seconds spent writing.
    pub write_seconds: f64,
}

impl ImportReport {
    /// How many rows do `action`.
    pub fn count(&self, action: RowAction) -> usize {
        self.rows.iter().filter(|r| r.action == action).count()
    }
}

/// Rows between two progress lines, for files longer than twice that.
pub const PROGRESS_EVERY: usize = 1000;
