//! Opening the database: the URL prefix picks the engine (`sqlite://PATH`, `postgres://...`).
//! SQLite is opened in WAL mode with foreign keys on and a busy timeout, so that concurrent
//! writers wait for each other instead of failing.

use std::str::FromStr;
use std::time::Duration;

use sea_orm::sqlx::Connection;
use sea_orm::sqlx::postgres::{PgConnectOptions, PgConnection, PgPoolOptions};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sea_orm::{ConnectionTrait, SqlxPostgresConnector, SqlxSqliteConnector};
use sea_orm_migration::MigratorTrait;

/// Rows a SQLite connection's thread may read ahead of the request that takes them.
const SQLITE_ROW_BUFFER: usize = 1024;

use crate::migration::Migrator;
use crate::{Result, Store, StoreError};

/// The two database engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Engine {
    /// `sqlite` or `postgres`, as shown in `/healthz`.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

/// The URL with any password replaced by `***`, safe to print and log.
pub fn redact_url(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((userinfo, host)) = rest.split_once('@')
        && let Some((user, _password)) = userinfo.split_once(':')
    {
        return format!("{scheme}://{user}:***@{host}");
    }
    url.to_string()
}

impl Store {
    /// Opens the database that `url` names. A SQLite file is created if missing.
    pub async fn connect(url: &str) -> Result<Store> {
        let shown = redact_url(url);
        let unreachable = |e: sea_orm::sqlx::Error| StoreError::Unreachable {
            url: shown.clone(),
            reason: e.to_string(),
        };
        if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            let path = path.split('?').next().unwrap_or(path);
            if path.is_empty() {
                return Err(StoreError::BadUrl {
                    url: shown,
                    reason: "no file path after sqlite://".into(),
                });
            }
            let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))
                .map_err(|e| StoreError::BadUrl {
                    url: shown.clone(),
                    reason: e.to_string(),
                })?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(30))
                // Statement journals and sorts in memory rather than in temporary files: a bulk
                // insert's statement journal otherwise costs a write per page it touches.
                .pragma("temp_store", "memory")
                // sqlx runs each SQLite connection on its own thread and hands every row to the
                // request over a bounded channel; at its default of 50 rows, a page's larger reads
                // (a mechanism's activities and citations) stall the thread on every fiftieth row
                // and wake it again, which a profile of `bench/uncached` showed as the largest
                // cost after the allocator's (issue 27).
                .row_buffer_size(SQLITE_ROW_BUFFER);
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .connect_with(options)
                .await
                .map_err(unreachable)?;
            Ok(Store {
                db: SqlxSqliteConnector::from_sqlx_sqlite_pool(pool),
                engine: crate::Engine::Sqlite,
                generation: Default::default(),
            })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // One direct connection first: the pool would hide a refused connection or a bad
            // password behind a time-out.
            let options = PgConnectOptions::from_str(url).map_err(|e| StoreError::BadUrl {
                url: shown.clone(),
                reason: e.to_string(),
            })?;
            PgConnection::connect_with(&options)
                .await
                .map_err(unreachable)?
                .close()
                .await
                .map_err(unreachable)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await
                .map_err(unreachable)?;
            Ok(Store {
                db: SqlxPostgresConnector::from_sqlx_postgres_pool(pool),
                engine: crate::Engine::Postgres,
                generation: Default::default(),
            })
        } else {
            Err(StoreError::BadUrl {
                url: shown,
                reason: "expected sqlite://PATH or postgres://USER@HOST:PORT/DATABASE".into(),
            })
        }
    }

    /// Applies every pending migration; returns how many were applied now. Then takes its first
    /// look at the audit head (see [`Store::check_for_writes`]), so that the first check a read
    /// cache makes does not count the writes made before this store was opened as new.
    pub async fn migrate(&self) -> Result<usize> {
        let before = Migrator::get_pending_migrations(&self.db).await?.len();
        Migrator::up(&self.db, None).await?;
        self.first_look_at_audit_head().await?;
        Ok(before)
    }

    /// The number of migrations applied (the schema version), 0 for an empty database.
    pub async fn schema_version(&self) -> Result<usize> {
        Ok(Migrator::get_applied_migrations(&self.db).await?.len())
    }

    /// The raw connection, for the store's own modules: other crates read through the use
    /// cases on [`Store`], write through [`Store::writer`], and test with the `testing` feature.
    pub(crate) fn conn(&self) -> &sea_orm::DatabaseConnection {
        &self.db
    }

    /// Which engine this store runs on.
    pub fn engine(&self) -> crate::Engine {
        self.engine
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        self.db.execute_unprepared("SELECT 1").await?;
        Ok(())
    }

    /// Closes the pool (waits for connections to be returned).
    pub async fn close(self) -> Result<()> {
        self.db.close().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact_url("postgres://nmp:s3cret@db:5432/nmp"),
            "postgres://nmp:***@db:5432/nmp"
        );
        assert_eq!(redact_url("postgres://nmp@db/nmp"), "postgres://nmp@db/nmp");
        assert_eq!(redact_url("sqlite://nmp.db"), "sqlite://nmp.db");
    }
}
