//! `nmp assessment`: outcome-assessment rounds from the command line.
//!
//! - `nmp assessment remind [--round N] [--dry-run]` mails every rater of an open round (or of
//!   round N) who still has targets to rate, for example from cron; the workspace's round page has
//!   the same as a button.

use clap::Subcommand;

use crate::config::Config;

/// What to do.
#[derive(Subcommand, Debug)]
pub(crate) enum AssessmentAction {
    /// Remind the raters who have targets left (mail goes over SMTP, or to the outbox folder)
    Remind {
        /// Only this round (its number, as in /staff/assessments/N); every open round otherwise
        #[arg(long)]
        round: Option<i32>,
        /// List who would be reminded, and send nothing
        #[arg(long)]
        dry_run: bool,
    },
}

pub(crate) async fn run(config: &Config, action: AssessmentAction) -> anyhow::Result<()> {
    let store = super::open(config).await?;
    match action {
        AssessmentAction::Remind { round, dry_run } => {
            if let Some(id) = round
                && store.round_view(id).await?.is_none()
            {
                anyhow::bail!("--round {id}: there is no assessment round {id}");
            }
            let mail = config.mail(&config.addr)?;
            let sent =
                nmp_collect::ratings::remind_raters(&store, &mail.mailer, &mail.public_url, round, dry_run).await?;
            if sent.is_empty() {
                println!("no rater has targets left to rate");
            }
            for r in sent {
                match r.status {
                    Some(status) => println!(
                        "round {}: reminder to {} ({} left to rate; {status})",
                        r.round_id, r.to, r.left
                    ),
                    None => println!("round {}: would remind {} ({} left to rate)", r.round_id, r.to, r.left),
                }
            }
        }
    }
    Ok(())
}
