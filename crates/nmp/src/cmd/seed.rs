//! `nmp seed`: load the starter dataset in one transaction.

use std::path::Path;

use nmp_ingest::seed::{SeedReport, seed_embedded, seed_files};
use nmp_ingest::starter::files_from_dir;

use crate::config::Config;

pub(crate) async fn run(config: &Config, dir: Option<&Path>) -> anyhow::Result<()> {
    let store = super::open(config).await?;
    let report = match dir {
        Some(d) => seed_files(&store, files_from_dir(d)?).await?,
        None => seed_embedded(&store).await?,
    };
    println!("{}", describe(&report));
    Ok(())
}

/// One line per table inserted, then what was already present.
pub(crate) fn describe(report: &SeedReport) -> String {
    if report.total_inserted() == 0 {
        return format!(
            "nothing to add: all {} starter records are already present",
            report.already_present
        );
    }
    let tables: Vec<String> = report.inserted.iter().map(|(t, n)| format!("{t}: {n}")).collect();
    format!(
        "loaded the starter dataset: {} rows ({}); {} records were already present",
        report.total_inserted(),
        tables.join(", "),
        report.already_present
    )
}
