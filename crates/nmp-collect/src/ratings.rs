//! Reminders to the raters of assessment rounds: every rater of an open round who still has
//! targets to rate gets one mail listing them, logged in the mail log like every other mail. The
//! workspace's round page sends them for one round; `nmp assessment remind` for every open round
//! (for example from cron).

use nmp_core::vocab::RoundState;
use nmp_mail::{Mail, Mailer};
use nmp_store::Store;

use crate::CollectError;
use crate::invite::deliver;

/// A reminder sent (or, in a dry run, due).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaterReminder {
    /// The round.
    pub round_id: i32,
    /// The rater's address.
    pub to: String,
    /// How many targets are left to rate.
    pub left: usize,
    /// The mail's status (`sent`, `outbox`, `failed`); `None` in a dry run.
    pub status: Option<String>,
}

/// Reminds the raters of round `round` (of every open round when `None`) who have targets left;
/// with `dry_run`, only says whom it would remind.
pub async fn remind_raters(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    round: Option<i32>,
    dry_run: bool,
) -> Result<Vec<RaterReminder>, CollectError> {
    let ids: Vec<i32> = match round {
        Some(id) => vec![id],
        None => store
            .rounds(None)
            .await?
            .into_iter()
            .filter(|r| r.state == RoundState::Open.code())
            .map(|r| r.assessment_round_id)
            .collect(),
    };
    let mut out = Vec::new();
    for id in ids {
        let Some(view) = store.round_view(id).await? else {
            continue;
        };
        for r in &view.raters {
            let left: Vec<&str> = view
                .targets
                .iter()
                .filter(|t| !view.submitted(r.row.round_rater_id, t.row.round_target_id))
                .map(|t| t.label.as_str())
                .collect();
            if left.is_empty() {
                continue;
            }
            let mut reminder = RaterReminder {
                round_id: id,
                to: r.email.clone(),
                left: left.len(),
                status: None,
            };
            if !dry_run {
                let mail = Mail {
                    to: r.email.clone(),
                    subject: format!(
                        "Reminder (due {}): ratings for \"{}\"",
                        view.round.due_on, view.round.title
                    ),
                    body: format!(
                        "Dear {},\n\nThis is a reminder that your ratings for the assessment round \"{}\" are due on {}. Still to rate:\n\n{}\n\nRate them in the workspace: {}/staff/assessments/{id}\n\nWith thanks,\nThe research team\n",
                        r.name,
                        view.round.title,
                        view.round.due_on,
                        left.iter().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n"),
                        public_url.trim_end_matches('/'),
                    ),
                };
                let row = deliver(store, mailer, None, "rating_reminder", mail).await?;
                reminder.status = Some(row.status);
            }
            out.push(reminder);
        }
    }
    Ok(out)
}
