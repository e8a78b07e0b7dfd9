//! Expert opinion essays from call to publication (issue 20): an editor opens a call for an
//! edition and invites authors by a personal link (the token stored only as its SHA-256,
//! expiring, revocable, like respondents'); the author accepts or declines and submits versions
//! (`submit.rs`); the editor assigns reviewers, each by their own link, and decides on the
//! latest version with a letter (`review.rs`); after acceptance a copyeditor's changes become a
//! new version, the essay goes into the edition as an `edition_part` for proofs, and the author
//! approves them (`proofs.rs`). Every step is one audited write; every mail goes through
//! [`crate::invite::deliver`] and is recorded.
//!
//! Where an essay stands is its `stage` (`EssayStage`); each function checks the stage it may
//! act from and refuses the rest with a message that says where the essay is.

use nmp_core::ValidationError;
use nmp_core::vocab::{EssayAnonymity, EssayCallStatus, EssayStage, Vocabulary};
use nmp_i18n::{Lang, t_args};
use nmp_mail::{Mail, Mailer};
use nmp_store::auth::{random_token, token_hash};
use nmp_store::entity::{account, edition, essay, essay_call, mail};
use nmp_store::essays::EssayFile;
use nmp_store::{Set, Store};
use time::{Date, Duration};

pub(crate) use crate::invite::is_email;
use crate::invite::{GRACE_AFTER_DUE, deliver, due_in};
use crate::{CollectError, LinkProblem, invalid, now};

mod proofs;
mod remind;
mod review;
mod submit;

pub use proofs::{answer_proofs, byline, copyedit, send_to_proofs};
pub use remind::{EssayReminder, author_waits, remind_essays, reminder_due, reviewer_waits};
pub use review::{
    Decided, ReviewAssigned, ReviewReport, Reviewer, assign_reviewer, decide, default_letter, open_review_link,
    open_staff_review, reviewers_see_author, staff_review_link, submit_review, submit_staff_review,
};
pub use submit::{AuthorLine, Checked, Manuscript, authors_of, check_manuscript, submit};

/// What an editor fills in to open a call.
#[derive(Clone, Debug, Default)]
pub struct NewCall {
    /// The edition the essays are for.
    pub edition_id: i32,
    /// Its theme, as a title.
    pub title: String,
    /// What the call asks for.
    pub description: Option<String>,
    /// When manuscripts are due, `YYYY-MM-DD`.
    pub deadline: String,
    /// A guest editor (an account) who handles the call, if any.
    pub guest_editor_id: Option<i32>,
    /// `single` or `double` (`EssayAnonymity`).
    pub anonymity: String,
}

/// Who is invited to write, and by when.
#[derive(Clone, Debug, Default)]
pub struct Author {
    /// Their name.
    pub name: String,
    /// Their email.
    pub email: String,
    /// When the manuscript is due, `YYYY-MM-DD`.
    pub due_on: String,
    /// The language of the mails and the author's pages.
    pub language: Lang,
}

/// A new invitation to write, with the author's link (shown once) and the mail.
#[derive(Debug)]
pub struct EssayInvited {
    /// The essay row.
    pub essay: essay::Model,
    /// The author's personal link.
    pub link: String,
    /// The invitation mail.
    pub mail: mail::Model,
}

/// The author's link.
pub fn author_link(base_url: &str, token: &str) -> String {
    format!("{}/essay/{token}", base_url.trim_end_matches('/'))
}

/// What the proofs mail says about the link: the author uses the link of their invitation (the
/// token is kept only as its hash, so it cannot be sent again).
pub(crate) fn author_link_hint(base_url: &str) -> String {
    format!("{}/essay/…", base_url.trim_end_matches('/'))
}

/// The reviewer's link.
pub fn reviewer_link(base_url: &str, token: &str) -> String {
    format!("{}/essay-review/{token}", base_url.trim_end_matches('/'))
}

pub(crate) fn parse_day(field: &str, text: &str) -> Result<Date, ValidationError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &format)
        .map_err(|_| ValidationError::new(field, format!("{text:?} is not a date (YYYY-MM-DD)")))
}

/// Refuses unless the essay is at one of `stages`, saying where it is.
pub(crate) fn require_stage(essay: &essay::Model, stages: &[EssayStage], doing: &str) -> Result<(), CollectError> {
    if stages.iter().any(|s| s.code() == essay.stage) {
        return Ok(());
    }
    let here = EssayStage::from_code(&essay.stage)
        .map(|s| s.label().to_lowercase())
        .unwrap_or_else(|| essay.stage.clone());
    Err(invalid(
        "stage",
        format!("the essay is at the stage “{here}”, where one cannot {doing}"),
    ))
}

/// The essay and its call, or a clear "does not exist".
pub(crate) async fn essay_file(store: &Store, essay_id: i32) -> Result<EssayFile, CollectError> {
    store
        .essay_file(essay_id)
        .await?
        .ok_or_else(|| invalid("essay", format!("essay {essay_id} does not exist")))
}

/// The edition of a call.
pub(crate) async fn edition_of(store: &Store, call: &essay_call::Model) -> Result<edition::Model, CollectError> {
    Ok(store
        .get::<edition::Entity>(call.edition_id)
        .await?
        .expect("a call's edition exists (foreign key)"))
}

/// The language of an essay's mails.
pub(crate) fn lang_of(essay: &essay::Model) -> Lang {
    Lang::from_code(&essay.language).unwrap_or_default()
}

/// Opens a call for essays on `edition_id`.
pub async fn open_call(
    store: &Store,
    editor: &account::Model,
    call: &NewCall,
) -> Result<essay_call::Model, CollectError> {
    let mut errors = Vec::new();
    let Some(ed) = store.get::<edition::Entity>(call.edition_id).await? else {
        return Err(invalid(
            "edition",
            format!("edition {} does not exist", call.edition_id),
        ));
    };
    if ed.status == "published" {
        errors.push(ValidationError::new(
            "edition",
            format!(
                "{} is published: essays go into an edition that is still being prepared",
                ed.slug
            ),
        ));
    }
    if call.title.trim().is_empty() {
        errors.push(ValidationError::new("title", "is required: the call's theme"));
    }
    if let Err(e) = parse_day("deadline", &call.deadline) {
        errors.push(e);
    }
    if EssayAnonymity::from_code(&call.anonymity).is_none() {
        errors.push(ValidationError::new(
            "anonymity",
            format!("{:?} is not single or double", call.anonymity),
        ));
    }
    if let Some(g) = call.guest_editor_id {
        match store.get::<account::Entity>(g).await? {
            None => errors.push(ValidationError::new(
                "guest_editor_id",
                format!("no staff account has the key {g}: the guest editor must be a staff account"),
            )),
            Some(a) if !a.active => errors.push(ValidationError::new(
                "guest_editor_id",
                format!(
                    "the account of {} is deactivated: the guest editor must be an active staff account",
                    a.email
                ),
            )),
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(CollectError::Invalid(errors));
    }
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .insert(essay_call::ActiveModel {
            edition_id: Set(call.edition_id),
            title: Set(call.title.trim().to_string()),
            description: Set(call
                .description
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string)),
            deadline: Set(call.deadline.trim().to_string()),
            guest_editor_id: Set(call.guest_editor_id),
            anonymity: Set(call.anonymity.clone()),
            status: Set(EssayCallStatus::Open.code().to_string()),
            ..Default::default()
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// Invites `who` to write for the call `call_id`, and mails them their link.
pub async fn invite_author(
    store: &Store,
    mailer: &Mailer,
    base_url: &str,
    editor: &account::Model,
    call_id: i32,
    who: &Author,
) -> Result<EssayInvited, CollectError> {
    let Some(call) = store.get::<essay_call::Entity>(call_id).await? else {
        return Err(invalid("call", format!("call {call_id} does not exist")));
    };
    let mut errors = Vec::new();
    if call.status != EssayCallStatus::Open.code() {
        errors.push(ValidationError::new(
            "call",
            format!("the call “{}” is closed", call.title),
        ));
    }
    if who.name.trim().is_empty() {
        errors.push(ValidationError::new("author_name", "is required"));
    }
    if !is_email(&who.email) {
        errors.push(ValidationError::new(
            "author_email",
            format!("{:?} is not an email address", who.email),
        ));
    }
    let due = match parse_day("due_on", &who.due_on) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if !errors.is_empty() {
        return Err(CollectError::Invalid(errors));
    }
    let due = due.expect("checked above");
    let token = random_token();
    let expires = due.midnight().assume_utc() + GRACE_AFTER_DUE + Duration::days(365);
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .insert(essay::ActiveModel {
            call_id: Set(call_id),
            author_name: Set(who.name.trim().to_string()),
            author_email: Set(who.email.trim().to_string()),
            language: Set(who.language.code().to_string()),
            token_hash: Set(token_hash(&token)),
            expires_at: Set(expires),
            revoked_at: Set(None),
            due_on: Set(who.due_on.trim().to_string()),
            stage: Set(EssayStage::Invited.code().to_string()),
            accepted_at: Set(None),
            declined_note: Set(None),
            invited_by: Set(editor.account_id),
            reminders_sent: Set(0),
            last_reminder_at: Set(None),
            edition_part_id: Set(None),
            proofs_approved_at: Set(None),
            proofs_note: Set(None),
            ..Default::default()
        })
        .await?;
    w.commit().await?;
    let ed = edition_of(store, &call).await?;
    let link = author_link(base_url, &token);
    let lang = who.language;
    let body = t_args(
        lang,
        "essay-mail-invitation-body",
        &[
            ("name", &row.author_name),
            ("edition", &ed.title),
            ("theme", &call.title),
            ("description", call.description.as_deref().unwrap_or("")),
            ("due", &due_in(lang, &row.due_on)),
            ("link", &link),
            ("editor", &editor.name),
        ],
    ) + "\n";
    let sent = deliver(
        store,
        mailer,
        None,
        "essay-invitation",
        Mail {
            to: row.author_email.clone(),
            subject: t_args(lang, "essay-mail-invitation-subject", &[("edition", &ed.title)]),
            body,
        },
    )
    .await?;
    Ok(EssayInvited {
        essay: row,
        link,
        mail: sent,
    })
}

/// The essay an author's link opens, or why it does not.
pub async fn open_author_link(store: &Store, token: &str) -> Result<EssayFile, CollectError> {
    let Some(row) = store.essay_by_token_hash(&token_hash(token)).await? else {
        return Err(CollectError::Link(LinkProblem::Unknown));
    };
    if row.revoked_at.is_some() {
        return Err(CollectError::Link(LinkProblem::Revoked));
    }
    if row.expires_at < now() {
        return Err(CollectError::Link(LinkProblem::Expired));
    }
    essay_file(store, row.essay_id).await
}

/// The author accepts (`accept`) or declines the invitation, with an optional note; the essay
/// row must still be at `expected_version` (a second tab's answer is refused, not lost).
pub async fn answer_invitation(
    store: &Store,
    token: &str,
    expected_version: i32,
    accept: bool,
    note: Option<&str>,
) -> Result<essay::Model, CollectError> {
    let file = open_author_link(store, token).await?;
    let e = &file.essay;
    require_stage(e, &[EssayStage::Invited], "answer the invitation")?;
    if e.accepted_at.is_some() && accept {
        return Err(invalid("invitation", "you have already accepted this invitation"));
    }
    let actor = format!("author:{}", e.author_email);
    let mut w = store.writer(&actor).await?;
    let note = note.map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    let row = w
        .update::<essay::Entity>(e.essay_id, expected_version, |row| {
            if accept {
                row.accepted_at = Set(Some(now()));
            } else {
                row.stage = Set(EssayStage::Declined.code().to_string());
                row.declined_note = Set(note.clone());
            }
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// Revokes an author's link (the essay stays, with every version).
pub async fn revoke_author_link(
    store: &Store,
    editor: &account::Model,
    essay_id: i32,
) -> Result<essay::Model, CollectError> {
    let file = essay_file(store, essay_id).await?;
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .update::<essay::Entity>(essay_id, file.essay.version, |row| {
            row.revoked_at = Set(Some(now()));
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// Days an author has for revisions after a minor-revisions decision (the editor can change the
/// date on the essay's page).
pub const MINOR_REVISIONS_DAYS: i64 = 30;
/// Days an author has for revisions after a major-revisions decision.
pub const MAJOR_REVISIONS_DAYS: i64 = 60;
/// Days an author has to answer the proofs.
pub const PROOFS_DAYS: i64 = 14;

/// `days` from today, `YYYY-MM-DD`: the due date of what the editors ask next.
pub(crate) fn due_after(days: i64) -> String {
    (now().date() + Duration::days(days)).to_string()
}

/// The editor changes when the essay is due from its author (the invitation's manuscript, the
/// revisions or the proofs); the reminders start again from the new date.
pub async fn set_due(
    store: &Store,
    editor: &account::Model,
    essay_id: i32,
    due_on: &str,
) -> Result<essay::Model, CollectError> {
    let file = essay_file(store, essay_id).await?;
    require_stage(&file.essay, &remind::AUTHOR_STAGES, "change its due date")?;
    let day = parse_day("due_on", due_on).map_err(|e| CollectError::Invalid(vec![e]))?;
    // The link lives as long after the new date as it did after the invitation's.
    let expires = file
        .essay
        .expires_at
        .max(day.midnight().assume_utc() + GRACE_AFTER_DUE + Duration::days(365));
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .update::<essay::Entity>(essay_id, file.essay.version, |row| {
            row.due_on = Set(due_on.trim().to_string());
            row.expires_at = Set(expires);
            row.reminders_sent = Set(0);
            row.last_reminder_at = Set(None);
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// Whether an essay is past its due date and still waiting on its author.
pub fn overdue(essay: &essay::Model, today: &str) -> bool {
    let waiting = remind::AUTHOR_STAGES.iter().any(|s| s.code() == essay.stage);
    waiting && essay.due_on.as_str() < today
}

/// Records that a mail about an essay went out, for the essay's history (the `mail` row keeps
/// it; this is the one place the kinds are named).
pub const MAIL_KINDS: &[&str] = &[
    "essay-invitation",
    "essay-review",
    "essay-decision",
    "essay-proofs",
    "essay-reminder",
];
