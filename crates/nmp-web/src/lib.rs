//! NMP's web platform: the public website, the open-data API and the staff workspace, over HTTP.
//!
//! Each route module owns its handlers; [`router`] merges them. Handlers are thin and of one
//! shape: extractors say who may come and check the form, a view builder in `views/` maps the
//! store's read model to what the page or the API answer shows, and errors are returned with
//! `?` (`WebError` for public reads, `auth::WorkspaceError` for staff pages).

#![forbid(unsafe_code)]

mod api;
pub mod auth;
mod cache;
pub mod cite;
pub mod client;
mod error;
mod http;
mod lang;
mod params;
mod routes;
pub mod security;
mod upload;
pub mod views;
mod workspace;

use axum::Router;
use nmp_store::Store;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use error::WebError;
pub use workspace::{Builds, IMPORT_MAX_FILE_BYTES, UncitedFacts};

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Where invitation and reminder mail goes, and the address links in it start with.
    pub mail: MailSetup,
    /// Where report builds started from the workspace are kept, and those running.
    pub builds: std::sync::Arc<Builds>,
    /// Each unpublished edition's uncited facts, kept while the data do not change.
    pub uncited: std::sync::Arc<UncitedFacts>,
    /// The header a trusted reverse proxy puts the client's address in (`X-Forwarded-For`,
    /// `X-Real-IP`), when one is configured; otherwise the connection's peer address is the
    /// client's (see `client.rs`).
    pub trusted_proxy_header: Option<axum::http::HeaderName>,
    /// The servers' key for pre-sign-in CSRF tokens, read from the database on first use.
    csrf_key: std::sync::Arc<tokio::sync::OnceCell<std::sync::Arc<str>>>,
    /// Which roles must sign in with a second factor (the `require_two_factor` setting).
    pub two_factor: nmp_store::auth::TwoFactorPolicy,
    /// The full-text search index, when the server has one (`nmp serve` always does; without
    /// it the search pages say search is not available).
    pub search: Option<std::sync::Arc<nmp_search::SearchIndex>>,
}

/// Outgoing mail for data collection.
#[derive(Clone, Debug)]
pub struct MailSetup {
    /// Sends over SMTP or files in the outbox.
    pub mailer: nmp_mail::Mailer,
    /// The site's public address (`https://nmp.example.org`), for links in mail.
    pub public_url: String,
}

impl AppState {
    /// The state for `store`, with mail filed in the system's temporary directory
    /// (`nmp-outbox`), links to `http://127.0.0.1:8080`, and report builds kept in a new folder
    /// of the temporary directory, and no role required to use a second factor (what tests use;
    /// `nmp serve` passes its settings with [`AppState::with_mail`], [`AppState::with_builds`]
    /// and [`AppState::with_two_factor`]).
    pub fn new(store: Store) -> AppState {
        let mailer = nmp_mail::Mailer::new(nmp_mail::MailSettings {
            from: "NMP <nmp@localhost>".into(),
            smtp: None,
            outbox: std::env::temp_dir().join("nmp-outbox"),
        })
        .expect("the default sender is an address");
        AppState {
            store,
            mail: MailSetup {
                mailer,
                public_url: "http://127.0.0.1:8080".into(),
            },
            builds: Builds::new(scratch_builds_dir()),
            uncited: UncitedFacts::new(),
            trusted_proxy_header: None,
            csrf_key: Default::default(),
            two_factor: nmp_store::auth::TwoFactorPolicy::off(),
            search: None,
        }
    }

    /// The same state searching `index`.
    pub fn with_search(mut self, index: std::sync::Arc<nmp_search::SearchIndex>) -> AppState {
        self.search = Some(index);
        self
    }

    /// The same state taking the client's address from `header`, set by a trusted proxy.
    pub fn with_trusted_proxy_header(mut self, header: Option<axum::http::HeaderName>) -> AppState {
        self.trusted_proxy_header = header;
        self
    }

    /// The servers' key for pre-sign-in CSRF tokens (shared through the database, so a form one
    /// server shows can be posted to another).
    pub(crate) async fn csrf_key(&self) -> Result<std::sync::Arc<str>, nmp_store::auth::AuthError> {
        self.csrf_key
            .get_or_try_init(|| async {
                let key = self.store.server_key(nmp_store::auth::CSRF_KEY).await?;
                Ok(std::sync::Arc::from(key.as_str()))
            })
            .await
            .cloned()
    }

    /// The same state requiring a second factor of the roles `policy` names.
    pub fn with_two_factor(mut self, policy: nmp_store::auth::TwoFactorPolicy) -> AppState {
        self.two_factor = policy;
        self
    }

    /// The same state keeping report builds in `dir`.
    pub fn with_builds(mut self, dir: impl Into<std::path::PathBuf>) -> AppState {
        self.builds = Builds::new(dir);
        self
    }

    /// The same state with these mail settings.
    pub fn with_mail(mut self, mail: MailSetup) -> AppState {
        self.mail = mail;
        self
    }
}

/// A builds folder of its own in the temporary directory, for a state made by [`AppState::new`].
fn scratch_builds_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!("nmp-builds-{}-{n}", std::process::id()))
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    router_with_cache_check(state, cache::CHECK_EVERY)
}

/// The application, reading the audit head at most every `check_every` to notice other
/// processes' writes (see the read cache in `cache.rs`).
pub fn router_with_cache_check(state: AppState, check_every: std::time::Duration) -> Router {
    router_with_read_cache(state, Some(check_every))
}

/// The application with its read cache (reading the audit head at most every `check_every`), or
/// without it (`None`: every request is answered afresh, as `read_cache = false` asks, for
/// measuring the uncached path).
pub fn router_with_read_cache(state: AppState, check_every: Option<std::time::Duration>) -> Router {
    let cache = check_every.map(|every| std::sync::Arc::new(cache::ReadCache::new(state.store.clone(), every)));
    let pages = routes::router()
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(state, auth::footer::signed_in));
    // The language prefix comes off before routing (a `Router::layer` runs after it).
    let in_language = tower::Layer::layer(&axum::middleware::from_fn(lang::prefixed), pages);
    let app = Router::new()
        .fallback_service(in_language)
        .layer(axum::middleware::from_fn(http::etag))
        .layer(CompressionLayer::new());
    let app = match cache {
        Some(cache) => app.layer(axum::middleware::from_fn_with_state(cache, cache::serve)),
        None => app,
    };
    app.layer(axum::middleware::from_fn(lang::negotiate))
        .layer(axum::middleware::from_fn(security::headers))
        .layer(TraceLayer::new_for_http())
}
