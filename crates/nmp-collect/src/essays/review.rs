//! Peer review and the editor's decision: reviewers assigned to the latest version, each with a
//! due date: an external reviewer with a personal link, a staff reviewer (by account) with their
//! review in the workspace (`/staff/reviews/{review}`, no link to lose), mailed at their account's
//! address;
//! reports (a recommendation, comments for the author and for the editor) submitted once; and
//! the editor's decision on the latest version, with a letter mailed to the author and shown on
//! their page.

use nmp_core::ValidationError;
use nmp_core::vocab::{EssayAnonymity, EssayDecision, EssayStage, Vocabulary};
use nmp_i18n::{Lang, t_args};
use nmp_mail::{Mail, Mailer};
use nmp_store::auth::{random_token, token_hash};
use nmp_store::entity::{account, essay, essay_decision, essay_review, mail};
use nmp_store::essays::EssayFile;
use nmp_store::{Set, Store};

use super::{edition_of, essay_file, is_email, lang_of, parse_day, require_stage, reviewer_link};
use crate::invite::{GRACE_AFTER_DUE, deliver, due_in};
use crate::{CollectError, LinkProblem, invalid, now};

/// Who reviews, and by when.
#[derive(Clone, Debug, Default)]
pub struct Reviewer {
    /// Their name.
    pub name: String,
    /// Their email (a staff reviewer's is their account's).
    pub email: String,
    /// A staff reviewer's account.
    pub account_id: Option<i32>,
    /// When the report is due, `YYYY-MM-DD`.
    pub due_on: String,
}

/// A new review assignment, with the reviewer's link (shown once) and the mail.
#[derive(Debug)]
pub struct ReviewAssigned {
    /// The review row.
    pub review: essay_review::Model,
    /// The reviewer's link.
    pub link: String,
    /// The mail.
    pub mail: mail::Model,
}

/// A reviewer's report.
#[derive(Clone, Debug, Default)]
pub struct ReviewReport {
    /// `EssayDecision` code: accept, minor_revisions, major_revisions, reject.
    pub recommendation: String,
    /// Comments the author will read (without the reviewer's name).
    pub to_author: String,
    /// Comments for the editor only.
    pub to_editor: String,
}

/// A decision, with the mail that carried its letter.
#[derive(Debug)]
pub struct Decided {
    /// The decision row.
    pub decision: essay_decision::Model,
    /// The essay after it.
    pub essay: essay::Model,
    /// The mail to the author.
    pub mail: mail::Model,
}

/// Assigns a reviewer to the essay's latest version and mails them their link.
pub async fn assign_reviewer(
    store: &Store,
    mailer: &Mailer,
    base_url: &str,
    editor: &account::Model,
    essay_id: i32,
    who: &Reviewer,
) -> Result<ReviewAssigned, CollectError> {
    let file = essay_file(store, essay_id).await?;
    require_stage(
        &file.essay,
        &[EssayStage::Submitted, EssayStage::InReview],
        "assign a reviewer",
    )?;
    let latest = file.latest().expect("a submitted essay has a version").clone();
    let mut errors = Vec::new();
    let mut name = who.name.trim().to_string();
    let mut email = who.email.trim().to_string();
    if let Some(a) = who.account_id {
        match store.get::<account::Entity>(a).await? {
            Some(acc) if !acc.active => errors.push(ValidationError::new(
                "reviewer_account_id",
                format!("the account of {} is deactivated", acc.email),
            )),
            Some(acc) => {
                name = acc.name.clone();
                email = acc.email.clone();
            }
            None => errors.push(ValidationError::new(
                "reviewer_account_id",
                format!("no account has the key {a}"),
            )),
        }
    }
    if name.is_empty() {
        errors.push(ValidationError::new("reviewer_name", "is required"));
    }
    if !is_email(&email) {
        errors.push(ValidationError::new(
            "reviewer_email",
            format!("{email:?} is not an email address"),
        ));
    }
    if email.eq_ignore_ascii_case(&file.essay.author_email) {
        errors.push(ValidationError::new(
            "reviewer_email",
            "the author cannot review their own essay",
        ));
    }
    let round = file.round();
    if file
        .reviews
        .iter()
        .any(|r| r.round == round && r.reviewer_email.eq_ignore_ascii_case(&email))
    {
        errors.push(ValidationError::new(
            "reviewer_email",
            format!("{email} already reviews this round"),
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
    // A staff reviewer signs in to review: no personal link.
    let token = who.account_id.is_none().then(random_token);
    let mut w = store.writer(&editor.email).await?;
    let review = w
        .insert(essay_review::ActiveModel {
            essay_id: Set(essay_id),
            version_id: Set(latest.version_id),
            round: Set(round),
            reviewer_name: Set(name),
            reviewer_email: Set(email),
            reviewer_account_id: Set(who.account_id),
            token_hash: Set(token.as_deref().map(token_hash)),
            expires_at: Set(due.midnight().assume_utc() + GRACE_AFTER_DUE),
            due_on: Set(who.due_on.trim().to_string()),
            recommendation: Set(None),
            to_author: Set(None),
            to_editor: Set(None),
            submitted_at: Set(None),
            reminders_sent: Set(0),
            last_reminder_at: Set(None),
            ..Default::default()
        })
        .await?;
    if file.essay.stage != EssayStage::InReview.code() {
        w.update::<essay::Entity>(essay_id, file.essay.version, |row| {
            row.stage = Set(EssayStage::InReview.code().to_string());
        })
        .await?;
    }
    w.commit().await?;
    let ed = edition_of(store, &file.call).await?;
    let link = match &token {
        Some(token) => reviewer_link(base_url, token),
        None => staff_review_link(base_url, review.review_id),
    };
    let lang = Lang::En;
    let body = t_args(
        lang,
        if token.is_some() {
            "essay-mail-review-body"
        } else {
            "essay-mail-review-body-staff"
        },
        &[
            ("name", &review.reviewer_name),
            ("title", &latest.title),
            ("edition", &ed.title),
            ("due", &due_in(lang, &review.due_on)),
            ("link", &link),
            ("editor", &editor.name),
        ],
    ) + "\n";
    let sent = deliver(
        store,
        mailer,
        None,
        "essay-review",
        Mail {
            to: review.reviewer_email.clone(),
            subject: t_args(lang, "essay-mail-review-subject", &[("title", &latest.title)]),
            body,
        },
    )
    .await?;
    Ok(ReviewAssigned {
        review,
        link,
        mail: sent,
    })
}

/// The review a reviewer's link opens, with the essay (its author's name left out of what the
/// page shows when the call is double-anonymous: see [`EssayAnonymity`]), or why it does not.
pub async fn open_review_link(store: &Store, token: &str) -> Result<(essay_review::Model, EssayFile), CollectError> {
    let Some(review) = store.essay_review_by_token_hash(&token_hash(token)).await? else {
        return Err(CollectError::Link(LinkProblem::Unknown));
    };
    if review.expires_at < now() {
        return Err(CollectError::Link(LinkProblem::Expired));
    }
    let file = essay_file(store, review.essay_id).await?;
    Ok((review, file))
}

/// The workspace page where the staff reviewer of review `review_id` reads the essay and
/// submits their report.
pub fn staff_review_link(base_url: &str, review_id: i32) -> String {
    format!("{}/staff/reviews/{review_id}", base_url.trim_end_matches('/'))
}

/// The review `review_id` of the staff reviewer `account_id`, with the essay; `None` when there is
/// no such review or it is not theirs (the caller answers both alike, so that the ids of other
/// people's reviews are not told).
pub async fn open_staff_review(
    store: &Store,
    account_id: i32,
    review_id: i32,
) -> Result<Option<(essay_review::Model, EssayFile)>, CollectError> {
    let Some(review) = store.get::<essay_review::Entity>(review_id).await? else {
        return Ok(None);
    };
    if review.reviewer_account_id != Some(account_id) {
        return Ok(None);
    }
    let file = essay_file(store, review.essay_id).await?;
    Ok(Some((review, file)))
}

/// Whether reviewers may see the author's name in this call.
pub fn reviewers_see_author(file: &EssayFile) -> bool {
    file.call.anonymity != EssayAnonymity::Double.code()
}

/// The reviewer submits their report through their link; a report is submitted once.
pub async fn submit_review(
    store: &Store,
    token: &str,
    expected_version: i32,
    report: &ReviewReport,
) -> Result<essay_review::Model, CollectError> {
    let (review, _file) = open_review_link(store, token).await?;
    file_report(store, &review, expected_version, report).await
}

/// A staff reviewer submits their report in the workspace; a report is submitted once. The
/// review must be theirs ([`open_staff_review`]).
pub async fn submit_staff_review(
    store: &Store,
    account_id: i32,
    review_id: i32,
    expected_version: i32,
    report: &ReviewReport,
) -> Result<essay_review::Model, CollectError> {
    let Some((review, _file)) = open_staff_review(store, account_id, review_id).await? else {
        return Err(CollectError::Link(LinkProblem::Unknown));
    };
    file_report(store, &review, expected_version, report).await
}

/// Checks and records a reviewer's report on `review`, audited as `reviewer:EMAIL`.
async fn file_report(
    store: &Store,
    review: &essay_review::Model,
    expected_version: i32,
    report: &ReviewReport,
) -> Result<essay_review::Model, CollectError> {
    if review.submitted_at.is_some() {
        return Err(invalid(
            "review",
            "this review was already submitted; write to the editor to add anything",
        ));
    }
    let mut errors = Vec::new();
    if EssayDecision::from_code(&report.recommendation).is_none() {
        errors.push(ValidationError::new(
            "recommendation",
            "choose accept, minor revisions, major revisions or reject",
        ));
    }
    if report.to_author.trim().is_empty() {
        errors.push(ValidationError::new(
            "to_author",
            "is required: the comments the author will read",
        ));
    }
    if !errors.is_empty() {
        return Err(CollectError::Invalid(errors));
    }
    let mut w = store.writer(&format!("reviewer:{}", review.reviewer_email)).await?;
    let to_editor = report.to_editor.trim().to_string();
    let row = w
        .update::<essay_review::Entity>(review.review_id, expected_version, |row| {
            row.recommendation = Set(Some(report.recommendation.clone()));
            row.to_author = Set(Some(report.to_author.trim().to_string()));
            row.to_editor = Set((!to_editor.is_empty()).then_some(to_editor.clone()));
            row.submitted_at = Set(Some(now()));
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// The letter an editor starts from for `decision`, in the author's language.
pub fn default_letter(lang: Lang, decision: EssayDecision, author: &str, title: &str, editor: &str) -> String {
    let key = match decision {
        EssayDecision::Accept => "essay-letter-accept",
        EssayDecision::MinorRevisions => "essay-letter-minor",
        EssayDecision::MajorRevisions => "essay-letter-major",
        EssayDecision::Reject => "essay-letter-reject",
    };
    t_args(lang, key, &[("name", author), ("title", title), ("editor", editor)])
}

/// The editor decides on `version_id`, which must be the latest version, and mails the letter.
pub async fn decide(
    store: &Store,
    mailer: &Mailer,
    editor: &account::Model,
    essay_id: i32,
    version_id: i32,
    decision: &str,
    letter: &str,
) -> Result<Decided, CollectError> {
    let file = essay_file(store, essay_id).await?;
    require_stage(
        &file.essay,
        &[EssayStage::Submitted, EssayStage::InReview],
        "decide on it",
    )?;
    let latest = file.latest().expect("a submitted essay has a version");
    if latest.version_id != version_id {
        let number = file
            .versions
            .iter()
            .find(|v| v.version_id == version_id)
            .map_or_else(|| "an unknown version".to_string(), |v| format!("version {}", v.number));
        return Err(invalid(
            "version",
            format!(
                "the decision is on {number}, but the latest is version {}: read it and decide on that",
                latest.number
            ),
        ));
    }
    let Some(d) = EssayDecision::from_code(decision) else {
        return Err(invalid(
            "decision",
            format!("{decision:?} is not accept, minor_revisions, major_revisions or reject"),
        ));
    };
    if letter.trim().is_empty() {
        return Err(invalid("letter", "is required: the letter the author receives"));
    }
    let stage = match d {
        EssayDecision::Accept => EssayStage::Accepted,
        EssayDecision::MinorRevisions | EssayDecision::MajorRevisions => EssayStage::Revisions,
        EssayDecision::Reject => EssayStage::Declined,
    };
    let title = latest.title.clone();
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .insert(essay_decision::ActiveModel {
            essay_id: Set(essay_id),
            version_id: Set(version_id),
            decision: Set(d.code().to_string()),
            letter: Set(letter.trim().replace("\r\n", "\n")),
            decided_by: Set(editor.account_id),
            ..Default::default()
        })
        .await?;
    let essay = w
        .update::<essay::Entity>(essay_id, file.essay.version, |row| {
            row.stage = Set(stage.code().to_string());
            // Revisions are due a set time from the decision; the reminders start again.
            let days = match d {
                EssayDecision::MinorRevisions => Some(super::MINOR_REVISIONS_DAYS),
                EssayDecision::MajorRevisions => Some(super::MAJOR_REVISIONS_DAYS),
                _ => None,
            };
            if let Some(days) = days {
                row.due_on = Set(super::due_after(days));
                row.reminders_sent = Set(0);
                row.last_reminder_at = Set(None);
            }
        })
        .await?;
    w.commit().await?;
    let lang = lang_of(&essay);
    let sent = deliver(
        store,
        mailer,
        None,
        "essay-decision",
        Mail {
            to: essay.author_email.clone(),
            subject: t_args(lang, "essay-mail-decision-subject", &[("title", &title)]),
            body: format!("{}\n", row.letter),
        },
    )
    .await?;
    Ok(Decided {
        decision: row,
        essay,
        mail: sent,
    })
}
