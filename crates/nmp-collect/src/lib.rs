//! Data collection: questionnaires per edition, invitations to respondents who have no account
//! (a personal link whose token is stored hashed, expires and can be revoked), their answers
//! (drafts, then a submission), and the submission turned into proposals in the same review queue
//! as staff changes, each citing the response as its source. Reminders go out before the due date
//! and when it has passed. Its one job is that workflow: every read and write goes through the
//! store's methods (`nmp_store`'s data-collection reads and its audited writer), never its raw
//! connection.
//!
//! - [`questionnaire`]: the default questionnaire, new revisions, the questions of one;
//! - [`invite`]: invitations, reminders and revocation, with the mail they send;
//! - [`respond`]: what a respondent sees and saves, and what a submission proposes;
//! - [`attach`]: documents attached to a response, checked for size, type and number;
//! - [`export`]: responses and their review state as CSV (and the table the XLSX holds);
//! - [`ratings`]: reminders to the raters of assessment rounds;
//! - [`alerts`]: the watchlist's alerts mailed to their followers;
//! - [`essays`]: expert opinion essays from the call to the proofs.

#![forbid(unsafe_code)]

pub mod alerts;
pub mod attach;
pub mod essays;
pub mod export;
pub mod invite;
pub mod questionnaire;
pub mod ratings;
pub mod respond;

use nmp_core::ValidationError;
use nmp_store::StoreError;
use nmp_store::records::apply::ApplyError;

/// Why a data-collection step did not happen.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    /// Bad input; each error names its field or question.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<ValidationError>),
    /// The respondent's link cannot be used.
    #[error("{0}")]
    Link(LinkProblem),
    /// Mail could not be sent.
    #[error(transparent)]
    Mail(#[from] nmp_mail::MailError),
    /// The store refused.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for CollectError {
    fn from(e: sea_orm::DbErr) -> Self {
        CollectError::Store(StoreError::Db(e))
    }
}

impl From<ApplyError> for CollectError {
    fn from(e: ApplyError) -> Self {
        match e {
            ApplyError::Fields(errors) => CollectError::Invalid(errors),
            ApplyError::Store(e) => CollectError::Store(e),
        }
    }
}

/// Why a personal link does not open the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// No invitation has this token.
    Unknown,
    /// The link's time is up.
    Expired,
    /// An editor revoked it.
    Revoked,
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LinkProblem::Unknown => {
                "This link does not lead to a questionnaire. Check that you copied the whole link from the invitation."
            }
            LinkProblem::Expired => {
                "This link has expired. Please write to the research team, who can send you a new one."
            }
            LinkProblem::Revoked => {
                "This link has been withdrawn. Please write to the research team if you still want to answer."
            }
        })
    }
}

/// A one-field validation error.
pub(crate) fn invalid(field: &str, message: impl Into<String>) -> CollectError {
    CollectError::Invalid(vec![ValidationError::new(field, message)])
}

/// Today's date (UTC), `YYYY-MM-DD`.
pub fn today() -> String {
    nmp_store::records::workspace::today()
}

/// Now, to the microsecond (what both engines store exactly).
pub(crate) fn now() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1000 * 1000).unwrap_or(now)
}
