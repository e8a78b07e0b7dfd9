//! `nmp migrate`: apply pending migrations.

use nmp_store::Store;

use crate::config::Config;

pub(crate) async fn run(config: &Config) -> anyhow::Result<()> {
    let store = Store::connect(&config.database_url).await?;
    let applied = store.migrate().await?;
    let version = store.schema_version().await?;
    println!(
        "applied {applied} migration(s); schema version {version} ({})",
        store.engine().name()
    );
    Ok(())
}
