//! `nmp edition`: publishing editions and correcting them.
//!
//! - `nmp edition check SLUG`: list every fact the edition shows that no citation covers;
//! - `nmp edition publish SLUG`: refuse while any is uncited (listing each), else freeze the
//!   snapshot, its SHA-256 and the data package, which locks the edition's rows;
//! - `nmp edition erratum --edition SLUG ...`: record a correction, which the next build lists.

use anyhow::{Context, bail};
use clap::Subcommand;

use crate::config::Config;

/// Who writes, when no account is named.
const ACTOR: &str = "system:cli";

/// What to do with an edition.
#[derive(Subcommand, Debug)]
pub(crate) enum EditionAction {
    /// List every fact the edition shows that has no citation (what `publish` would refuse)
    Check {
        /// The edition's slug (for annual reports, the year: 2017)
        slug: String,
    },
    /// Freeze the edition into a snapshot with its SHA-256 and data package, and lock its rows
    Publish {
        /// The edition's slug
        slug: String,
        /// Who publishes (an account email), for the audit log [default: system:cli]
        #[arg(long)]
        by: Option<String>,
    },
    /// Record a correction to an edition; the next build lists it under Errata
    Erratum {
        /// The edition's slug
        #[arg(long)]
        edition: String,
        /// When the correction is issued: YYYY, YYYY-MM or YYYY-MM-DD
        #[arg(long)]
        issued_on: String,
        /// Where the error is (a part, a profile, a table, a page)
        #[arg(long)]
        location: String,
        /// What was wrong and what is right
        #[arg(long)]
        correction: String,
        /// Who records it (an account email), for the audit log [default: system:cli]
        #[arg(long)]
        by: Option<String>,
    },
}

pub(crate) async fn run(config: &Config, action: EditionAction) -> anyhow::Result<()> {
    let store = super::open(config).await?;
    match action {
        EditionAction::Check { slug } => {
            let facts = nmp_report::publish::uncited(&store, &slug)
                .await
                .with_context(|| format!("checking edition {slug:?}"))?;
            if facts.is_empty() {
                println!("edition {slug}: every fact it shows is cited");
                return Ok(());
            }
            println!("edition {slug}: {} fact(s) it shows have no citation:", facts.len());
            for f in &facts {
                println!("  {f}");
            }
            bail!("edition {slug:?} cannot be published until these facts are cited")
        }
        EditionAction::Publish { slug, by } => {
            let actor = by.as_deref().unwrap_or(ACTOR);
            eprintln!("publishing edition {slug}: reading and checking its snapshot");
            let outcome = nmp_report::publish::publish(&store, &slug, actor).await?;
            println!(
                "published edition {}: snapshot sha256 {} ({} bytes), data package of {} files frozen with it; its rows are now locked (corrections: nmp edition erratum)",
                outcome.slug, outcome.sha256, outcome.snapshot_bytes, outcome.package_files
            );
            Ok(())
        }
        EditionAction::Erratum {
            edition,
            issued_on,
            location,
            correction,
            by,
        } => {
            let (e, _) = store
                .frozen_edition(&edition)
                .await?
                .with_context(|| format!("unknown edition {edition:?}"))?;
            let row = match store
                .record_erratum(
                    e.edition_id,
                    &issued_on,
                    &location,
                    &correction,
                    by.as_deref().unwrap_or(ACTOR),
                )
                .await
            {
                Ok(row) => row,
                Err(nmp_store::StoreError::Invalid(v)) => bail!("--{}: {}", v.field.replace('_', "-"), v.message),
                Err(e) => return Err(e.into()),
            };
            println!(
                "recorded erratum {} for edition {edition}; the next `nmp report build` lists it",
                row.erratum_id
            );
            Ok(())
        }
    }
}
