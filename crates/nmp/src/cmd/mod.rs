//! One module per command.

pub(crate) mod assessment;
mod audit;
mod backup;
pub(crate) mod demo;
pub(crate) mod edition;
pub(crate) mod essay;
mod export;
pub(crate) mod import;
mod migrate;
pub(crate) mod questionnaire;
pub(crate) mod records;
pub(crate) mod report;
pub(crate) mod risk;
pub(crate) mod search;
mod seed;
mod serve;
pub(crate) mod sources;
pub(crate) mod user;

use anyhow::Context;
use nmp_store::Store;

use crate::config::Config;
use crate::{AuditAction, Command, ConfigAction, ExportAction};

pub(crate) async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve { .. } => serve::run(&config).await,
        Command::Migrate => migrate::run(&config).await,
        Command::Seed { dir } => seed::run(&config, dir.as_deref()).await,
        Command::Config {
            action: ConfigAction::Show,
        } => {
            print!("{}", config.show());
            Ok(())
        }
        Command::Audit {
            action: AuditAction::Verify,
        } => audit::verify(&config).await,
        Command::Backup { out } => backup::backup(&config, &out).await,
        Command::Restore { file, check } => backup::restore(&config, &file, check).await,
        Command::Export {
            action: ExportAction::Datapackage { edition, out },
        } => export::datapackage(&config, &edition, &out).await,
        Command::Export {
            action: ExportAction::Records { kind, format, out },
        } => records::export(&config, &kind, format.as_deref(), &out).await,
        Command::Import { action } => import::run(&config, action).await,
        Command::User { action } => user::run(&config, action).await,
        Command::Edition { action } => edition::run(&config, action).await,
        Command::Essay { action } => essay::run(&config, action).await,
        Command::Report { action } => report::run(&config, action).await,
        Command::Questionnaire { action } => questionnaire::run(&config, action).await,
        Command::Assessment { action } => assessment::run(&config, action).await,
        Command::Demo { action } => demo::run(&config, action).await,
        Command::Sources { action } => sources::run(&config, action).await,
        Command::Risk { action } => risk::run(&config, action).await,
        Command::Search { action } => search::run(&config, action).await,
    }
}

/// Opens the database and applies pending migrations.
pub(crate) async fn open(config: &Config) -> anyhow::Result<Store> {
    let store = Store::connect(&config.database_url).await?;
    let applied = store.migrate().await.context("migrating the database")?;
    if applied > 0 {
        tracing::info!(applied, "applied migrations");
    }
    Ok(store)
}

pub(crate) fn init_logging(filter: &str) {
    // The migrator announces every run at info; only its warnings are news.
    let filter = format!("{filter},sea_orm_migration=warn,sqlx::postgres::notice=warn,usvg=error");
    let filter =
        tracing_subscriber::EnvFilter::try_new(&filter).unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
