//! `nmp search reindex`: rebuilds the search index from scratch (every record, every archived
//! file and attachment read again), in the directory `search_dir` names. `nmp serve` builds it
//! itself when it is missing or of another schema version and keeps it up to date; this command
//! is for an index that is suspected to be wrong, or to build one ahead of serving.

use anyhow::Context;
use clap::Subcommand;

use crate::config::Config;

/// What to do.
#[derive(Subcommand, Debug)]
pub(crate) enum SearchAction {
    /// Rebuild the search index from scratch
    Reindex,
}

pub(crate) async fn run(config: &Config, action: SearchAction) -> anyhow::Result<()> {
    let SearchAction::Reindex = action;
    let store = super::open(config).await?;
    let dir = config.search_dir();
    let index = nmp_search::SearchIndex::open(&dir)
        .with_context(|| format!("opening the search index in {}", dir.display()))?;
    let r = index.rebuild(&store).await?;
    println!(
        "indexed {} records and {} files ({} pages; {} without readable text) in {:.2} s into {}",
        r.records,
        r.files_read,
        r.pages,
        r.files_without_text,
        r.elapsed.as_secs_f64(),
        dir.display()
    );
    Ok(())
}

/// Opens the index for `nmp serve`, building it first when it is missing or of another schema
/// version, then keeps it up to date in the background.
pub(crate) async fn open_for_serving(
    config: &Config,
    store: &nmp_store::Store,
) -> anyhow::Result<std::sync::Arc<nmp_search::SearchIndex>> {
    let dir = config.search_dir();
    let index = nmp_search::SearchIndex::open(&dir)
        .with_context(|| format!("opening the search index in {}", dir.display()))?;
    if index.needs_build() {
        let r = index.rebuild(store).await.context("building the search index")?;
        println!(
            "built the search index in {} ({} records, {} files) in {:.2} s",
            dir.display(),
            r.records,
            r.files_read,
            r.elapsed.as_secs_f64()
        );
    }
    let index = std::sync::Arc::new(index);
    index
        .clone()
        .keep_up_to_date(store.clone(), std::time::Duration::from_secs(2));
    Ok(index)
}
