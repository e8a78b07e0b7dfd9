//! `nmp essay`: expert opinion essays from the command line.
//!
//! - `nmp essay remind [--dry-run]` mails the authors an essay waits on (invited, revisions
//!   requested, proofs) and the reviewers who have not reported, in the week before their due
//!   date and weekly after it (at most three reminders each), for example daily from cron.

use clap::Subcommand;

use crate::config::Config;

/// What to do.
#[derive(Subcommand, Debug)]
pub(crate) enum EssayAction {
    /// Remind authors and reviewers whose essay or report is due soon or overdue (mail goes over
    /// SMTP, or to the outbox folder)
    Remind {
        /// List who would be reminded, and send and record nothing
        #[arg(long)]
        dry_run: bool,
    },
}

pub(crate) async fn run(config: &Config, action: EssayAction) -> anyhow::Result<()> {
    let store = super::open(config).await?;
    match action {
        EssayAction::Remind { dry_run } => {
            let mail = config.mail(&config.addr)?;
            let sent = nmp_collect::essays::remind_essays(&store, &mail.mailer, dry_run).await?;
            if sent.is_empty() {
                println!("no author or reviewer needs a reminder today");
            }
            for r in sent {
                let what = match r.review_id {
                    Some(review) => format!("essay {}, review {review}", r.essay_id),
                    None => format!("essay {}", r.essay_id),
                };
                match r.status {
                    Some(status) => println!("{what}: reminder to {} {} ({}; {status})", r.who, r.to, r.why),
                    None => println!("{what}: would remind {} {} ({})", r.who, r.to, r.why),
                }
            }
        }
    }
    Ok(())
}
