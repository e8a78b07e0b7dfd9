//! `nmp questionnaire`: data collection from the command line.
//!
//! - `nmp questionnaire default --edition SLUG` creates the default questionnaire for an edition;
//! - `nmp questionnaire remind [--dry-run]` sends the reminders that are due (before the due date,
//!   and weekly once it has passed), for example from cron;
//! - `nmp questionnaire export --id N --out FILE.csv` writes the responses and their review state.

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;

use crate::config::Config;

/// Who the audit log names for these commands.
const ACTOR: &str = "system:nmp-questionnaire";

/// What to do.
#[derive(Subcommand, Debug)]
pub(crate) enum QuestionnaireAction {
    /// Create the default questionnaire for an edition
    Default {
        /// The edition's slug (2017)
        #[arg(long)]
        edition: String,
    },
    /// Send the reminders that are due (mail goes over SMTP, or to the outbox folder)
    Remind {
        /// List who would be reminded, and send nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a questionnaire's responses and their review state as CSV
    Export {
        /// The questionnaire's number (see /staff/questionnaires)
        #[arg(long)]
        id: i32,
        /// The CSV file to write
        #[arg(long)]
        out: PathBuf,
    },
}

pub(crate) async fn run(config: &Config, action: QuestionnaireAction) -> anyhow::Result<()> {
    let store = super::open(config).await?;
    match action {
        QuestionnaireAction::Default { edition } => {
            let q = nmp_collect::questionnaire::create_default(&store, ACTOR, &edition).await?;
            let n = nmp_collect::questionnaire::questions(&store, q.questionnaire_id)
                .await?
                .len();
            println!(
                "created questionnaire {} ({}) with {n} questions",
                q.questionnaire_id, q.slug
            );
        }
        QuestionnaireAction::Remind { dry_run } => {
            let mail = config.mail(&config.addr)?;
            let sent = nmp_collect::invite::remind(&store, &mail.mailer, &mail.public_url, dry_run).await?;
            if sent.is_empty() {
                println!("no reminders are due");
            }
            for r in sent {
                match r.status {
                    Some(status) => println!(
                        "invitation {}: {} reminder to {} ({status})",
                        r.invitation_id, r.why, r.to
                    ),
                    None => println!(
                        "invitation {}: would send a {} reminder to {}",
                        r.invitation_id, r.why, r.to
                    ),
                }
            }
        }
        QuestionnaireAction::Export { id, out } => {
            let csv = nmp_collect::export::responses_csv(&store, id).await?;
            let partial = out.with_extension("csv.part");
            std::fs::write(&partial, &csv).with_context(|| format!("cannot write {}", partial.display()))?;
            std::fs::rename(&partial, &out).with_context(|| format!("cannot write {}", out.display()))?;
            println!(
                "wrote {} ({} responses)",
                out.display(),
                csv.lines().count().saturating_sub(1)
            );
        }
    }
    Ok(())
}
