//! `nmp demo synthetic [--seed N] [--scale N] [--force] [--documents N]`: the synthetic benchmark
//! dataset (see `nmp_synthetic`), `--scale` times its usual size, written into the configured
//! database in one transaction.

use std::time::Instant;

use clap::Subcommand;
use nmp_synthetic::{Scale, SyntheticReport};

use crate::config::Config;

/// Demonstration data.
#[derive(Subcommand, Debug)]
pub(crate) enum DemoAction {
    /// Generate the synthetic benchmark dataset (the real countries; 12 editions, 150 mechanisms,
    /// 3,000 memberships, 50,000 activities, 100,000 citations, times --scale), every record
    /// labelled synthetic
    Synthetic {
        /// Seed of the generator: the same seed gives the same records
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Make N times as many mechanisms (and so memberships and profiles), activities,
        /// citations, sources and initiatives; the countries, the 12 editions and the
        /// assessment round stay as they are. 1 is the usual shape
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        scale: u32,
        /// Add the synthetic records even though the database holds real data
        #[arg(long)]
        force: bool,
        /// Also add this many synthetic documents (sources with an archived text of about two
        /// pages in English, French or Spanish), for the search benchmark
        #[arg(long, default_value_t = 0)]
        documents: usize,
    },
}

pub(crate) async fn run(config: &Config, action: DemoAction) -> anyhow::Result<()> {
    match action {
        DemoAction::Synthetic {
            seed,
            scale,
            force,
            documents,
        } => {
            let started = Instant::now();
            let store = super::open(config).await?;
            let report = nmp_synthetic::load(&store, seed, &Scale::full().times(scale as usize), force).await?;
            println!("{}", describe(&report, scale, started.elapsed().as_secs_f64()));
            if documents > 0 {
                let started = Instant::now();
                let n = nmp_synthetic::documents::add_documents(&store, seed, documents).await?;
                println!(
                    "wrote {n} SYNTHETIC documents (sources with an archived text) in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
            store.close().await?;
            Ok(())
        }
    }
}

fn describe(report: &SyntheticReport, scale: u32, seconds: f64) -> String {
    let tables: Vec<String> = report.rows.iter().map(|(t, n)| format!("{t}: {n}")).collect();
    let scaled = if scale == 1 {
        String::new()
    } else {
        format!(", scale {scale}")
    };
    format!(
        "wrote the SYNTHETIC dataset (seed {}{scaled}) in {seconds:.1} s: {}\nthe edition with a profile of every mechanism: {}",
        report.seed,
        tables.join(", "),
        report.full_edition
    )
}
