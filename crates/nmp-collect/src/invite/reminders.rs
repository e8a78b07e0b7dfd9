//! Reminders: which invitation needs one today ("due soon" before the due date, "overdue" at
//! most weekly after it), and sending them through [`deliver`](super::deliver), in the
//! invitation's language.

use nmp_i18n::{Lang, t_args};
use nmp_mail::{Mail, Mailer};
use nmp_store::entity::{invitation, questionnaire};
use nmp_store::{Set, Store};
use time::{Date, Duration, OffsetDateTime};

use super::deliver;
use crate::{CollectError, now};

/// A "due soon" reminder goes out this many days before the due date.
pub const REMIND_BEFORE_DAYS: i64 = 3;
/// After the due date, a reminder goes out at most this often.
pub const REMIND_OVERDUE_EVERY: Duration = Duration::days(7);

/// A reminder that was (or would be) sent.
#[derive(Clone, Debug)]
pub struct Reminder {
    /// The invitation.
    pub invitation_id: i32,
    /// To whom.
    pub to: String,
    /// `due soon` or `overdue`.
    pub why: &'static str,
    /// What happened to the mail (`None` on a dry run).
    pub status: Option<String>,
}

/// Which reminder, if any, an invitation needs `today`.
pub fn reminder_due(inv: &invitation::Model, today: Date, now: OffsetDateTime) -> Option<&'static str> {
    if inv.revoked_at.is_some() || inv.expires_at <= now {
        return None;
    }
    if !matches!(inv.state.as_str(), "invited" | "draft" | "has_issues") {
        return None;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let due = Date::parse(&inv.due_on, &format).ok()?;
    let last = inv.last_reminder_at;
    if today > due {
        match last {
            Some(l) if now - l < REMIND_OVERDUE_EVERY && l.date() > due => None,
            _ => Some("overdue"),
        }
    } else if (due - today).whole_days() <= REMIND_BEFORE_DAYS {
        match last {
            Some(l) if l.date() >= due - Duration::days(REMIND_BEFORE_DAYS) => None,
            _ => Some("due soon"),
        }
    } else {
        None
    }
}

/// Sends the reminders that are due (or, with `dry_run`, lists them).
pub async fn remind(
    store: &Store,
    mailer: &Mailer,
    base_url: &str,
    dry_run: bool,
) -> Result<Vec<Reminder>, CollectError> {
    let now = now();
    let today = now.date();
    let open = store.invitations_in(&["invited", "draft", "has_issues"]).await?;
    let mut out = Vec::new();
    for inv in open {
        let Some(why) = reminder_due(&inv, today, now) else {
            continue;
        };
        if dry_run {
            out.push(Reminder {
                invitation_id: inv.invitation_id,
                to: inv.respondent_email.clone(),
                why,
                status: None,
            });
            continue;
        }
        let q = store.get::<questionnaire::Entity>(inv.questionnaire_id).await?;
        let title = q.map(|q| q.title).unwrap_or_default();
        let lang = Lang::from_code(&inv.language).unwrap_or_default();
        let due = super::due_in(lang, &inv.due_on);
        let subject = match why {
            "overdue" => t_args(lang, "mail-reminder-subject-overdue", &[("title", &title)]),
            _ => t_args(lang, "mail-reminder-subject-soon", &[("title", &title), ("due", &due)]),
        };
        let body = t_args(
            lang,
            "mail-reminder-body",
            &[("name", &inv.respondent_name), ("title", &title), ("due", &due)],
        ) + "\n";
        let _ = base_url;
        let sent = deliver(
            store,
            mailer,
            Some(inv.invitation_id),
            "reminder",
            Mail {
                to: inv.respondent_email.clone(),
                subject,
                body,
            },
        )
        .await?;
        let mut w = store.writer("system:reminders").await?;
        w.update::<invitation::Entity>(inv.invitation_id, inv.version, |row| {
            row.last_reminder_at = Set(Some(now));
            row.reminders_sent = Set(inv.reminders_sent + 1);
        })
        .await?;
        w.commit().await?;
        out.push(Reminder {
            invitation_id: inv.invitation_id,
            to: inv.respondent_email.clone(),
            why,
            status: Some(sent.status),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inv(due: &str, state: &str, last: Option<OffsetDateTime>) -> invitation::Model {
        let t = OffsetDateTime::UNIX_EPOCH;
        invitation::Model {
            invitation_id: 1,
            questionnaire_id: 1,
            respondent_name: "R".into(),
            respondent_email: "r@example.org".into(),
            organization_id: None,
            country_iso3: None,
            mechanism_id: None,
            token_hash: "0".repeat(64),
            expires_at: time::macros::datetime!(2100-01-01 0:00 UTC),
            revoked_at: None,
            due_on: due.into(),
            state: state.into(),
            answers_json: None,
            submitted_at: None,
            review_comment: None,
            source_id: None,
            last_reminder_at: last,
            reminders_sent: 0,
            invited_by: 1,
            language: "en".into(),
            created_at: t,
            updated_at: t,
            updated_by: "x".into(),
            version: 1,
        }
    }

    #[test]
    fn reminders_go_out_before_the_due_date_and_weekly_after_it() {
        let today = time::macros::date!(2026 - 11 - 25);
        let now = time::macros::datetime!(2026-11-25 12:00 UTC);
        assert_eq!(reminder_due(&inv("2026-12-31", "invited", None), today, now), None);
        assert_eq!(
            reminder_due(&inv("2026-11-27", "invited", None), today, now),
            Some("due soon")
        );
        let yesterday = Some(time::macros::datetime!(2026-11-24 12:00 UTC));
        assert_eq!(
            reminder_due(&inv("2026-11-27", "draft", yesterday), today, now),
            None,
            "once"
        );
        assert_eq!(
            reminder_due(&inv("2026-11-20", "invited", None), today, now),
            Some("overdue")
        );
        assert_eq!(
            reminder_due(&inv("2026-11-20", "invited", yesterday), today, now),
            None,
            "weekly"
        );
        let long_ago = Some(time::macros::datetime!(2026-11-10 12:00 UTC));
        assert_eq!(
            reminder_due(&inv("2026-11-20", "has_issues", long_ago), today, now),
            Some("overdue")
        );
        assert_eq!(
            reminder_due(&inv("2026-11-20", "submitted", None), today, now),
            None,
            "answered"
        );
        let mut revoked = inv("2026-11-20", "invited", None);
        revoked.revoked_at = Some(now);
        assert_eq!(reminder_due(&revoked, today, now), None);
    }
}
