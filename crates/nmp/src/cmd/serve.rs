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
    let two_factor = config.two_factor()?;
    let store = super::open(config).await?;
    if config.seed_on_empty && store.all::<country::Entity>().await?.is_empty() {
        let report = nmp_ingest::seed::seed_embedded(&store)
            .await
            .context("loading the starter dataset")?;
        println!("{}", super::seed::describe(&report));
    }
    let search = super::search::open_for_serving(config, &store).await?;
    // On PostgreSQL, other servers' writes are heard as they commit (polling otherwise).
    let listening = store.listen_for_writes();
    println!(
        "NMP is serving {} on http://{local}/ ({})",
        nmp_store::redact_url(&config.database_url),
        store.engine().name()
    );
    if listening {
        println!("Other servers' writes to this database are heard as they commit (LISTEN nmp_writes).");
    }
    let state = nmp_web::AppState::new(store)
        .with_mail(mail)
        .with_builds(&config.builds_dir)
        .with_trusted_proxy_header(config.trusted_proxy_header()?)
        .with_two_factor(two_factor)
        .with_search(search);
    let app = if config.read_cache {
        nmp_web::router(state)
    } else {
        println!("The read cache is off (read_cache = false): every request is answered afresh.");
        nmp_web::router_with_read_cache(state, None)
    };
    // The make-service readies the router once; handing axum the bare router would rebuild
    // every route for each new connection (about 170 KB and the work of copying ~100 routes
    // each: 64 keep-alive connections cost 10 MB).
    // With the peer's address (`ConnectInfo`), which sign-in throttling keys on.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    Ok(())
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
    eprintln!("shutting down");
}
