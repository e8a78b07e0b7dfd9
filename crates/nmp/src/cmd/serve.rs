//! `nmp serve`: bind the port, open and migrate the database, seed an empty one, serve.

use anyhow::Context;
use nmp_store::entity::country;

use crate::config::Config;

pub(crate) async fn run(config: &Config) -> anyhow::Result<()> {
    // Bind first: a taken port is reported before any other work.
    let listener = tokio::net::TcpListener::bind(&config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let local = listener.local_addr()?;
    let mail = config.mail(&local.to_string())?;
    let store = super::open(config).await?;
    if config.seed_on_empty && store.all::<country::Entity>().await?.is_empty() {
        let report = nmp_ingest::seed::seed_embedded(&store)
            .await
            .context("loading the starter dataset")?;
        println!("{}", super::seed::describe(&report));
    }
    println!(
        "NMP is serving {} on http://{local}/ ({})",
        nmp_store::redact_url(&config.database_url),
        store.engine().name()
    );
    let app = nmp_web::router(
        nmp_web::AppState::new(store)
            .with_mail(mail)
            .with_builds(&config.builds_dir),
    );
    axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
    eprintln!("shutting down");
}
