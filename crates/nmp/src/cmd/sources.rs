//! `nmp sources check [--concurrency N] [--per-host N] [--timeout SECS] [--only KEY]`: visits
//! every source's URL (see `crate::linkcheck`), stores what each answered as one run of
//! `link_check` rows, prints the sources worst first and a summary, and fails (exit status 1)
//! when a link is dead.

use std::time::Duration;

use anyhow::bail;
use clap::Subcommand;
use nmp_store::linkcheck::OUTCOMES;

use crate::config::Config;
use crate::linkcheck::{Options, visit_all};

/// What to do.
#[derive(Subcommand, Debug)]
pub(crate) enum SourcesAction {
    /// Visit every source's URL and report dead links (4xx/5xx), errors (no answer), changed pages
    /// and redirects; exits with status 1 when a link is dead
    Check {
        /// Requests at once, over all hosts
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
        concurrency: u16,
        /// Requests at once to any one host (be polite: the default is 2)
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=8))]
        per_host: u16,
        /// Seconds one URL may take, its body included
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..=600))]
        timeout: u16,
        /// Check only this source (its key, e.g. aipr-2017-docslib)
        #[arg(long)]
        only: Option<String>,
    },
}

pub(crate) async fn run(config: &Config, action: SourcesAction) -> anyhow::Result<()> {
    let SourcesAction::Check {
        concurrency,
        per_host,
        timeout,
        only,
    } = action;
    let store = super::open(config).await?;
    let targets = store.link_targets(only.as_deref()).await?;
    let options = Options {
        concurrency: usize::from(concurrency),
        per_host: usize::from(per_host),
        timeout: Duration::from_secs(u64::from(timeout)),
        user_agent: user_agent(config),
    };
    let total = targets.len();
    eprintln!("checking {total} URLs ({concurrency} at once, {per_host} per host, {timeout} s each)");
    let run_at = time::OffsetDateTime::now_utc();
    let fetched = visit_all(&targets, &options, |n, t, f| {
        let what = match (f.status_code, &f.error) {
            (Some(s), _) => s.to_string(),
            (None, Some(e)) => e.clone(),
            (None, None) => "?".into(),
        };
        eprintln!("[{n}/{total}] {} {what}", t.slug);
    })
    .await?;
    let mut rows = store
        .record_link_checks("system:sources-check", run_at, fetched)
        .await?;
    nmp_store::linkcheck::worst_first(&mut rows);
    let slugs: std::collections::HashMap<i32, &str> = targets.iter().map(|t| (t.source_id, t.slug.as_str())).collect();
    for r in &rows {
        let detail = match (&r.error, r.status_code) {
            (Some(e), _) => e.clone(),
            (None, Some(s)) if r.final_url.as_deref().is_some_and(|f| f != r.url) => {
                format!("{s} via {}", r.final_url.as_deref().unwrap_or_default())
            }
            (None, Some(s)) => s.to_string(),
            (None, None) => String::new(),
        };
        println!(
            "{:<10} {:<40} {}  {detail}",
            r.outcome,
            slugs.get(&r.source_id).copied().unwrap_or_default(),
            r.url
        );
    }
    let count = |o: &str| rows.iter().filter(|r| r.outcome == o).count();
    let summary: Vec<String> = OUTCOMES.iter().rev().map(|o| format!("{} {o}", count(o))).collect();
    println!("checked {} URLs: {}", rows.len(), summary.join(", "));
    let dead = count("dead");
    if dead > 0 {
        bail!("{dead} dead link(s): see the rows marked dead above (and /staff/sources)");
    }
    Ok(())
}

/// `NMP-link-check/VERSION (National Mechanisms Project; +PUBLIC_URL)`: names the program, so a
/// site's owner can tell who visits and, when `public_url` is set, where to find them.
fn user_agent(config: &Config) -> String {
    let site = config
        .public_url
        .as_deref()
        .map(|u| format!("; +{u}"))
        .unwrap_or_default();
    format!(
        "NMP-link-check/{} (National Mechanisms Project{site})",
        env!("CARGO_PKG_VERSION")
    )
}
