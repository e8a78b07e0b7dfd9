//! Test harness: each store test runs against a fresh temporary SQLite file and, when
//! `NMP_TEST_POSTGRES_URL` is set, against a fresh PostgreSQL database that it creates and drops.
//! With `NMP_REQUIRE_POSTGRES=1` (as `.ci/run` sets) a missing PostgreSQL URL is a failure.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::Store;
use sea_orm::{ConnectionTrait, Database};

/// A migrated, empty database for one test.
pub struct TestDb {
    /// The store.
    pub store: Store,
    /// `sqlite` or `postgres`.
    pub engine: &'static str,
    url: String,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// The engines to test on.
pub async fn engines() -> Vec<TestDb> {
    let mut dbs = vec![sqlite().await];
    match std::env::var("NMP_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => dbs.push(postgres(&url).await),
        _ if std::env::var("NMP_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!("NMP_REQUIRE_POSTGRES=1 but NMP_TEST_POSTGRES_URL is not set")
        }
        _ => eprintln!(
            "note: store tests ran on SQLite only; set NMP_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres to run them on PostgreSQL too"
        ),
    }
    dbs
}

async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    TestDb {
        store,
        engine: "sqlite",
        url,
        _dir: Some(dir),
        pg: None,
    }
}

async fn postgres(admin_url: &str) -> TestDb {
    let name = format!(
        "nmp_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    let admin = Database::connect(admin_url)
        .await
        .expect("connect to NMP_TEST_POSTGRES_URL");
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let (base, _) = admin_url.rsplit_once('/').expect("URL ends with /DATABASE");
    let url = format!("{base}/{name}");
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    TestDb {
        store,
        engine: "postgres",
        url,
        _dir: None,
        pg: Some((admin_url.to_string(), name)),
    }
}

impl TestDb {
    /// A second, independent store on the same database, as another process would open it.
    pub async fn reopen(&self) -> Store {
        Store::connect(&self.url).await.unwrap()
    }

    /// Closes the store and drops a PostgreSQL test database.
    pub async fn finish(self) {
        self.store.close().await.unwrap();
        if let Some((admin_url, name)) = self.pg {
            let admin = Database::connect(&admin_url).await.unwrap();
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .unwrap();
            admin.close().await.unwrap();
        }
    }
}
