//! `nmp import`: external country-year data into datasets, indicators and observations.
//!
//! - `nmp import ewp DIR`: the Early Warning Project's statistical risk assessment files;
//! - `nmp import indicators FILE.csv --dataset SLUG ...`: any data in long format
//!   (`iso3,year,indicator,value`).
//!
//! - `nmp import records FILE --kind K` and `nmp import template`: records from spreadsheets (see
//!   [`super::records`]).
//!
//! All validate the whole file first and write nothing if anything is wrong; `--dry-run` checks
//! and reports without writing. Re-importing a dataset replaces its observations.
//!
//! - `nmp import datapackage DIR`: an edition's data package into a new, empty database; when
//!   the package records a snapshot hash and the loaded data reproduce it, the edition is
//!   published again (frozen and locked), so its report builds as before.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use nmp_ingest::import::ewp::EwpReport;
use nmp_ingest::import::indicators::{IndicatorsOptions, IndicatorsReport};
use nmp_ingest::import::{ACTOR, WriteOutcome};

use crate::config::Config;

/// What to import.
#[derive(Subcommand, Debug)]
pub(crate) enum ImportAction {
    /// Load an edition's data package (datapackage.json and its CSV files, as `nmp export
    /// datapackage` or `nmp report build` writes them) into a new, empty database
    Datapackage {
        /// The package's directory
        dir: PathBuf,
    },
    /// Import the Early Warning Project's statistical risk assessment from its published files
    /// (final_forecasts_data_*.csv and countrynamesheet_complete.csv) as dataset ewp-<year>
    Ewp {
        /// Directory with the EWP files, e.g. ../shared/data/ewp-2024
        dir: PathBuf,
        /// Read, match and check everything, but write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Import country-year indicators from a CSV file with the header iso3,year,indicator,value
    Indicators {
        /// The CSV file
        file: PathBuf,
        /// Dataset slug (created, or replaced if it exists), e.g. wdi-2024
        #[arg(long = "dataset")]
        slug: String,
        /// Dataset title
        #[arg(long)]
        title: String,
        /// Who publishes the data
        #[arg(long)]
        publisher: String,
        /// The publisher's version or release date
        #[arg(long)]
        dataset_version: Option<String>,
        /// Where the data can be obtained
        #[arg(long)]
        url: Option<String>,
        /// The licence, as the publisher states it
        #[arg(long)]
        licence: Option<String>,
        /// Read and check everything, but write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Import records (mechanisms, memberships, activities, organizations, sources or citations)
    /// from a CSV or XLSX file: every row is checked first; any problem and nothing is written
    Records {
        /// The CSV or XLSX file (an XLSX workbook is read from the sheet named after the kind)
        file: PathBuf,
        /// What the rows are: mechanisms, memberships, activities, organizations, sources or citations
        #[arg(long)]
        kind: String,
        /// Check everything and report what would be created or changed, but write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import as this staff account: an editor's rows are written, a researcher's, student's
        /// or partner's become proposals for review (default: system:import, written directly)
        #[arg(long = "as", value_name = "EMAIL")]
        as_email: Option<String>,
    },
    /// Write the XLSX template for record imports: a README and one sheet per kind, with notes
    /// on every column and drop-down lists of the accepted values
    Template {
        /// The workbook to write (.xlsx)
        #[arg(long)]
        out: PathBuf,
    },
}

pub(crate) async fn run(config: &Config, action: ImportAction) -> anyhow::Result<()> {
    match action {
        ImportAction::Datapackage { dir } => datapackage(config, &dir).await,
        ImportAction::Ewp { dir, dry_run } => ewp(config, &dir, dry_run).await,
        ImportAction::Indicators {
            file,
            slug,
            title,
            publisher,
            dataset_version,
            url,
            licence,
            dry_run,
        } => {
            let options = IndicatorsOptions {
                slug,
                title,
                publisher,
                version: dataset_version,
                url,
                licence,
                dry_run,
            };
            indicators(config, &file, &options).await
        }
        ImportAction::Records {
            file,
            kind,
            dry_run,
            as_email,
        } => super::records::import(config, &file, &kind, dry_run, as_email.as_deref()).await,
        ImportAction::Template { out } => super::records::template(config, &out).await,
    }
}

/// `nmp import ewp`: the files are found before the database is opened (and perhaps created).
async fn ewp(config: &Config, dir: &Path, dry_run: bool) -> anyhow::Result<()> {
    nmp_ingest::import::ewp::locate(dir)?;
    let store = super::open(config).await?;
    let report = nmp_ingest::import::ewp::import(&store, dir, dry_run, ACTOR).await?;
    print!("{}", describe_ewp(&report));
    mail_alerts(config, &store, &report.alerts).await?;
    store.close().await?;
    Ok(())
}

/// Mails the watchlist alerts an import or a saved refit raised (SMTP, or the outbox folder)
/// and says so.
pub(crate) async fn mail_alerts(
    config: &Config,
    store: &nmp_store::Store,
    alerts: &[nmp_store::entity::watch_alert::Model],
) -> anyhow::Result<()> {
    if alerts.is_empty() {
        return Ok(());
    }
    println!("watchlist alerts: {}", alerts.len());
    for a in alerts {
        println!("  alert to account {}: {}", a.account_id, a.message);
    }
    // The import (or refit) is committed and the alerts are on /staff whatever happens here: a
    // mail that cannot be sent is reported, not turned into a failed import.
    let mail = match config.mail(&config.addr) {
        Ok(mail) => mail,
        Err(e) => {
            eprintln!("warning: the alerts are on /staff but were not mailed: {e:#}");
            return Ok(());
        }
    };
    match nmp_collect::alerts::mail_alerts(store, &mail.mailer, &mail.public_url, alerts).await {
        Ok(sent) => {
            for m in sent {
                println!("  mailed {} ({})", m.to_address, m.status);
            }
        }
        Err(e) => eprintln!("warning: the alerts are on /staff but were not mailed: {e}"),
    }
    Ok(())
}

/// `nmp import indicators`: the file must exist before the database is opened.
async fn indicators(config: &Config, file: &Path, options: &IndicatorsOptions) -> anyhow::Result<()> {
    std::fs::metadata(file).with_context(|| format!("cannot read {}", file.display()))?;
    let store = super::open(config).await?;
    let mut progress = |line: &str| eprintln!("{line}");
    let report: IndicatorsReport =
        nmp_ingest::import::indicators::import(&store, file, options, ACTOR, &mut progress).await?;
    print!("{}", describe_indicators(&report));
    mail_alerts(config, &store, &report.alerts).await?;
    store.close().await?;
    Ok(())
}

fn written(outcome: &WriteOutcome, what: &str) -> String {
    if outcome.dry_run {
        format!(
            "would write: {} {what} (dry run: nothing was written{})",
            outcome.observations_written,
            if outcome.replaced {
                "; the dataset exists and would be replaced"
            } else {
                ""
            }
        )
    } else if outcome.replaced {
        format!(
            "written: {} {what} (replacing the {} of the earlier import)",
            outcome.observations_written, outcome.observations_removed
        )
    } else {
        format!("written: {} {what}", outcome.observations_written)
    }
}

/// Quotes a CSV field when it needs it.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The EWP summary: dataset, file hash, counts, unmatched rows, then the top 30 as CSV.
pub(crate) fn describe_ewp(r: &EwpReport) -> String {
    let d = &r.dataset;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "dataset: {} \"{}\" (version {}){}",
        d.slug,
        d.title,
        d.version.as_deref().unwrap_or("-"),
        if r.outcome.replaced { ", replaced" } else { "" }
    );
    let _ = writeln!(out, "file: {}", r.forecasts_path);
    let _ = writeln!(out, "sha256: {}", d.file_sha256);
    let codes: Vec<&str> = r.indicators.iter().map(|i| i.code.as_str()).collect();
    let _ = writeln!(
        out,
        "indicators: {} (year {}, the first forecast year)",
        codes.join(", "),
        r.forecast_year
    );
    if r.undated {
        let _ = writeln!(
            out,
            "release: the file name has no date; keyed by the first forecast year {}",
            r.forecast_year
        );
    }
    for line in &r.recognised {
        let _ = writeln!(out, "recognised: {line}");
    }
    let _ = writeln!(out, "rows read: {}", r.rows_read);
    let _ = writeln!(out, "matched: {}", r.matched);
    for o in &r.outside {
        let _ = writeln!(
            out,
            "matched outside the 195 states: {} -> {} (rank {}, risk_2yr {}): {}",
            o.ewp_name, o.code, o.rank_2yr, o.risk_2yr, o.note
        );
    }
    let _ = writeln!(out, "unmatched: {}", r.unmatched.len());
    for u in &r.unmatched {
        let _ = writeln!(out, "unmatched: {} (ccode {}): {}", u.ewp_name, u.ccode, u.reason);
    }
    for w in &r.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let _ = writeln!(out, "{}", written(&r.outcome, "observations"));
    if !r.outside.is_empty() {
        let _ = writeln!(
            out,
            "values outside the 195 states {} observation_outside: {}",
            if r.outcome.dry_run {
                "that would be written to"
            } else {
                "written to"
            },
            r.outcome.outside_written
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "top 30 by rank_2yr:");
    let _ = writeln!(out, "rank,iso3,ewp_name,risk_2yr");
    for t in &r.top {
        let _ = writeln!(
            out,
            "{},{},{},{}",
            t.rank,
            t.iso3.as_deref().unwrap_or(""),
            csv_field(&t.ewp_name),
            t.risk_2yr
        );
    }
    out
}

/// The summary of a generic import.
pub(crate) fn describe_indicators(r: &IndicatorsReport) -> String {
    let d = &r.dataset;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "dataset: {} \"{}\"{}",
        d.slug,
        d.title,
        if r.outcome.replaced { ", replaced" } else { "" }
    );
    let _ = writeln!(out, "file: {}", d.file_name);
    let _ = writeln!(out, "sha256: {}", d.file_sha256);
    let _ = writeln!(out, "rows read: {}", r.rows_read);
    const SHOWN: usize = 20;
    let mut codes = r.indicators.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if r.indicators.len() > SHOWN {
        let _ = write!(codes, " and {} more", r.indicators.len() - SHOWN);
    }
    let _ = writeln!(out, "indicators: {} ({codes})", r.indicators.len());
    let years = r.years.map(|(a, b)| format!(", years {a}-{b}")).unwrap_or_default();
    let _ = writeln!(out, "countries: {}{years}", r.countries);
    let _ = writeln!(out, "{}", written(&r.outcome, "observations"));
    let _ = writeln!(
        out,
        "time: {:.2} s in all (reading and checking done after {:.2} s; writing alongside)",
        r.total_seconds, r.read_seconds
    );
    out
}

/// `nmp import datapackage`: the descriptor must exist before the database is opened.
async fn datapackage(config: &Config, dir: &Path) -> anyhow::Result<()> {
    let descriptor = dir.join(nmp_datapackage::DESCRIPTOR);
    std::fs::metadata(&descriptor).with_context(|| format!("cannot read {}", descriptor.display()))?;
    let store = super::open(config).await?;
    load_datapackage(&store, dir).await?;
    store.close().await?;
    Ok(())
}

/// Loads a data package, then publishes its edition again when the data reproduce the snapshot
/// hash the package records.
async fn load_datapackage(store: &nmp_store::Store, dir: &Path) -> anyhow::Result<()> {
    let loaded = nmp_datapackage::import::import(store, dir, ACTOR)
        .await
        .with_context(|| format!("loading the data package in {}", dir.display()))?;
    let total: usize = loaded.rows.iter().map(|(_, n)| n).sum();
    println!(
        "loaded the data package of edition {} from {}: {total} rows in {} tables",
        loaded.edition,
        dir.display(),
        loaded.rows.len()
    );
    let Some(recorded) = loaded.snapshot_hash else {
        return Ok(());
    };
    let sha = nmp_report::publish::snapshot_sha256(store, &loaded.edition).await?;
    if sha != recorded {
        println!(
            "edition {} was published with snapshot sha256 {recorded}, but the loaded data give {sha}: it is left unpublished (build it with --draft, or publish it with `nmp edition publish`)",
            loaded.edition
        );
        return Ok(());
    }
    let outcome = nmp_report::publish::publish(store, &loaded.edition, ACTOR).await?;
    println!(
        "the loaded data reproduce the published snapshot of edition {} (sha256 {}): published again, so its report builds as before",
        outcome.slug, outcome.sha256
    );
    Ok(())
}
