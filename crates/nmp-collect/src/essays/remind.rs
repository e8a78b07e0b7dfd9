//! Reminders to the people an essay waits on (issue 20): its author while it is at *Invited*,
//! *Revisions requested* or *Proofs*, and each reviewer of the current round who has not
//! submitted their report. The rule is the same for both ([`reminder_due`]): once in the week
//! before the due date, then after it at most once a week, never twice on one day, and at most
//! [`MAX_REMINDERS`] in all. The tokens are kept only as their hash, so a reminder cannot carry the
//! personal link: it points to the mail that did. Every reminder goes through
//! [`crate::invite::deliver`] (recorded in `mail`, kind `essay-reminder`) and is counted on its
//! row by one audited write as `system:reminders`.

use nmp_core::vocab::{EssayStage, Vocabulary};
use nmp_i18n::{Lang, t_args};
use nmp_mail::{Mail, Mailer};
use nmp_store::entity::{essay, essay_review};
use nmp_store::essays::EssayFile;
use nmp_store::{Set, Store};
use time::{Date, Duration, OffsetDateTime, UtcOffset};

use super::{edition_of, essay_file, lang_of};
use crate::invite::{deliver, due_in};
use crate::{CollectError, now};

/// The "soon" reminder goes out in this many days before the due date.
pub const REMIND_BEFORE_DAYS: i64 = 7;
/// After the due date, a reminder goes out at most once in this many days.
pub const REMIND_OVERDUE_EVERY_DAYS: i64 = 7;
/// No one gets more reminders than this for one essay or one review.
pub const MAX_REMINDERS: i32 = 3;
/// The stages at which an essay waits on its author.
pub const AUTHOR_STAGES: [EssayStage; 3] = [EssayStage::Invited, EssayStage::Revisions, EssayStage::Proofs];
/// The stages at which reviewers are at work.
const REVIEW_STAGES: [EssayStage; 2] = [EssayStage::Submitted, EssayStage::InReview];
/// Who the reminders are written as, in the audit log.
const ACTOR: &str = "system:reminders";
/// The kind of their `mail` rows.
pub const MAIL_KIND: &str = "essay-reminder";

/// A reminder that was (or, on a dry run, would be) sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EssayReminder {
    /// The essay.
    pub essay_id: i32,
    /// The review, for a reviewer's reminder.
    pub review_id: Option<i32>,
    /// The address.
    pub to: String,
    /// `author` or `reviewer`.
    pub who: &'static str,
    /// `soon` or `overdue`.
    pub why: &'static str,
    /// What happened to the mail (`None` on a dry run).
    pub status: Option<String>,
}

/// Which reminder, if any, is due at `now` for something due on `due_on` (`YYYY-MM-DD`) that has
/// had `reminders_sent` reminders, the last at `last_reminder_at`: `soon` once in the
/// [`REMIND_BEFORE_DAYS`] days up to the due date, `overdue` after it at most once in
/// [`REMIND_OVERDUE_EVERY_DAYS`] days; never a second one on the same (UTC) day, never more than
/// [`MAX_REMINDERS`]. An unreadable due date gets none.
pub fn reminder_due(
    due_on: &str,
    reminders_sent: i32,
    last_reminder_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Option<&'static str> {
    if reminders_sent >= MAX_REMINDERS {
        return None;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let due = Date::parse(due_on.trim(), &format).ok()?;
    let today = now.to_offset(UtcOffset::UTC).date();
    let last: Option<Date> = last_reminder_at.map(|l| l.to_offset(UtcOffset::UTC).date());
    if last.is_some_and(|l| l >= today) {
        return None;
    }
    if today > due {
        match last {
            Some(l) if l > due && (today - l).whole_days() < REMIND_OVERDUE_EVERY_DAYS => None,
            _ => Some("overdue"),
        }
    } else if (due - today).whole_days() <= REMIND_BEFORE_DAYS {
        match last {
            Some(l) if l >= due - Duration::days(REMIND_BEFORE_DAYS) => None,
            _ => Some("soon"),
        }
    } else {
        None
    }
}

/// Whether the essay waits on its author and their link still works.
pub fn author_waits(e: &essay::Model, now: OffsetDateTime) -> bool {
    AUTHOR_STAGES.iter().any(|s| s.code() == e.stage) && e.revoked_at.is_none() && e.expires_at > now
}

/// Whether `review` waits on its reviewer: not submitted, its link not expired, and of the round
/// the essay is being reviewed in.
pub fn reviewer_waits(file: &EssayFile, review: &essay_review::Model, now: OffsetDateTime) -> bool {
    REVIEW_STAGES.iter().any(|s| s.code() == file.essay.stage)
        && review.round == file.round()
        && review.submitted_at.is_none()
        && review.expires_at > now
}

/// A day as `YYYY-MM-DD`, for [`due_in`].
fn ymd(t: OffsetDateTime) -> String {
    let d = t.to_offset(UtcOffset::UTC).date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn subject(lang: Lang, why: &str, title: &str, due: &str) -> String {
    match why {
        "overdue" => t_args(lang, "essay-mail-reminder-subject-overdue", &[("title", title)]),
        _ => t_args(
            lang,
            "essay-mail-reminder-subject-soon",
            &[("title", title), ("due", due)],
        ),
    }
}

/// The author's reminder, in their language, saying what the essay waits for.
async fn author_mail(store: &Store, file: &EssayFile, why: &str) -> Result<Mail, CollectError> {
    let e = &file.essay;
    let lang = lang_of(e);
    let ed = edition_of(store, &file.call).await?;
    let title = file
        .latest()
        .map_or_else(|| file.call.title.clone(), |v| v.title.clone());
    let key = match EssayStage::from_code(&e.stage) {
        Some(EssayStage::Revisions) => "essay-mail-reminder-revisions",
        Some(EssayStage::Proofs) => "essay-mail-reminder-proofs",
        _ => "essay-mail-reminder-invited",
    };
    let due = due_in(lang, &e.due_on);
    let body = t_args(
        lang,
        key,
        &[
            ("name", &e.author_name),
            ("title", &title),
            ("edition", &ed.title),
            ("due", &due),
            ("sent", &due_in(lang, &ymd(e.created_at))),
        ],
    ) + "\n";
    Ok(Mail {
        to: e.author_email.clone(),
        subject: subject(lang, why, &title, &due),
        body,
    })
}

/// A reviewer's reminder, in English like their review request.
async fn reviewer_mail(
    store: &Store,
    file: &EssayFile,
    review: &essay_review::Model,
    why: &str,
) -> Result<Mail, CollectError> {
    let lang = Lang::En;
    let ed = edition_of(store, &file.call).await?;
    let title = file
        .versions
        .iter()
        .find(|v| v.version_id == review.version_id)
        .or(file.latest())
        .map(|v| v.title.clone())
        .unwrap_or_default();
    let due = due_in(lang, &review.due_on);
    let body = t_args(
        lang,
        "essay-mail-reminder-review",
        &[
            ("name", &review.reviewer_name),
            ("title", &title),
            ("edition", &ed.title),
            ("due", &due),
            ("sent", &due_in(lang, &ymd(review.created_at))),
        ],
    ) + "\n";
    Ok(Mail {
        to: review.reviewer_email.clone(),
        subject: subject(lang, why, &title, &due),
        body,
    })
}

/// Sends the reminders that are due to authors and reviewers (or, with `dry_run`, only lists
/// them, sending and writing nothing), authors first, each in essay order.
pub async fn remind_essays(store: &Store, mailer: &Mailer, dry_run: bool) -> Result<Vec<EssayReminder>, CollectError> {
    let now = now();
    let mut out = Vec::new();
    let author_stages = AUTHOR_STAGES.iter().map(|s| s.code());
    for e in store
        .rows_where::<essay::Entity, _>(essay::Column::Stage, author_stages)
        .await?
    {
        if !author_waits(&e, now) {
            continue;
        }
        let Some(why) = reminder_due(&e.due_on, e.reminders_sent, e.last_reminder_at, now) else {
            continue;
        };
        let mut reminder = EssayReminder {
            essay_id: e.essay_id,
            review_id: None,
            to: e.author_email.clone(),
            who: "author",
            why,
            status: None,
        };
        if !dry_run {
            let file = essay_file(store, e.essay_id).await?;
            let sent = deliver(store, mailer, None, MAIL_KIND, author_mail(store, &file, why).await?).await?;
            let mut w = store.writer(ACTOR).await?;
            w.update::<essay::Entity>(e.essay_id, e.version, |row| {
                row.last_reminder_at = Set(Some(now));
                row.reminders_sent = Set(e.reminders_sent + 1);
            })
            .await?;
            w.commit().await?;
            reminder.status = Some(sent.status);
        }
        out.push(reminder);
    }
    let review_stages = REVIEW_STAGES.iter().map(|s| s.code());
    for e in store
        .rows_where::<essay::Entity, _>(essay::Column::Stage, review_stages)
        .await?
    {
        let file = essay_file(store, e.essay_id).await?;
        for r in file.reviews.iter().filter(|r| reviewer_waits(&file, r, now)) {
            let Some(why) = reminder_due(&r.due_on, r.reminders_sent, r.last_reminder_at, now) else {
                continue;
            };
            let mut reminder = EssayReminder {
                essay_id: e.essay_id,
                review_id: Some(r.review_id),
                to: r.reviewer_email.clone(),
                who: "reviewer",
                why,
                status: None,
            };
            if !dry_run {
                let mail = reviewer_mail(store, &file, r, why).await?;
                let sent = deliver(store, mailer, None, MAIL_KIND, mail).await?;
                let mut w = store.writer(ACTOR).await?;
                w.update::<essay_review::Entity>(r.review_id, r.version, |row| {
                    row.last_reminder_at = Set(Some(now));
                    row.reminders_sent = Set(r.reminders_sent + 1);
                })
                .await?;
                w.commit().await?;
                reminder.status = Some(sent.status);
            }
            out.push(reminder);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    const NOW: OffsetDateTime = datetime!(2026-11-25 09:00 UTC);

    #[test]
    fn soon_once_in_the_week_before_the_due_date() {
        assert_eq!(reminder_due("2026-12-03", 0, None, NOW), None, "8 days before");
        assert_eq!(reminder_due("2026-12-02", 0, None, NOW), Some("soon"), "7 days before");
        assert_eq!(reminder_due("2026-11-25", 0, None, NOW), Some("soon"), "on the day");
        let in_the_week = Some(datetime!(2026-11-24 09:00 UTC));
        assert_eq!(reminder_due("2026-11-30", 1, in_the_week, NOW), None, "once");
        let before_the_week = Some(datetime!(2026-11-20 09:00 UTC));
        assert_eq!(reminder_due("2026-11-30", 1, before_the_week, NOW), Some("soon"));
    }

    #[test]
    fn overdue_at_most_weekly_never_twice_a_day_at_most_three() {
        assert_eq!(reminder_due("2026-11-24", 0, None, NOW), Some("overdue"));
        let soon_on_the_due_date = Some(datetime!(2026-11-24 08:00 UTC));
        assert_eq!(
            reminder_due("2026-11-24", 1, soon_on_the_due_date, NOW),
            Some("overdue"),
            "the day after the due date, even after a reminder on it"
        );
        let six_days_ago = Some(datetime!(2026-11-19 23:59 UTC));
        assert_eq!(reminder_due("2026-11-10", 1, six_days_ago, NOW), None);
        let seven_days_ago = Some(datetime!(2026-11-18 23:59 UTC));
        assert_eq!(reminder_due("2026-11-10", 1, seven_days_ago, NOW), Some("overdue"));
        assert_eq!(
            reminder_due("2026-11-10", 3, seven_days_ago, NOW),
            None,
            "at most three"
        );
        let this_morning = Some(datetime!(2026-11-25 00:01 UTC));
        assert_eq!(reminder_due("2026-11-25", 0, this_morning, NOW), None, "same day");
        assert_eq!(reminder_due("2026-11-10", 0, this_morning, NOW), None, "same day");
        assert_eq!(reminder_due("25/11/2026", 0, None, NOW), None, "unreadable date");
    }

    #[test]
    fn a_day_is_counted_in_utc() {
        let late_evening_elsewhere = datetime!(2026-11-25 23:30 -05:00);
        let earlier_that_utc_day = Some(datetime!(2026-11-26 01:00 UTC));
        assert_eq!(
            reminder_due("2026-11-20", 1, earlier_that_utc_day, late_evening_elsewhere),
            None
        );
    }
}
