//! Test harness: each store test runs against a fresh temporary SQLite file and, when
//! `NMP_TEST_POSTGRES_URL` is set, against a fresh PostgreSQL database that it creates and drops.
//! With `NMP_REQUIRE_POSTGRES=1` (as `.ci/run` sets) a missing PostgreSQL URL is a failure.
//!
//! Tests that must set up what no use case writes (a trigger that fails a write midway, a tampered
//! audit event, a link or session aged into the past) use [`execute`], [`run`] and [`texts`] here,
//! so that no test outside the store needs its raw connection.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::Store;
use sea_orm::{ConnectionTrait, Database, QueryTrait, Statement};

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
    let db = blank_sqlite().await;
    db.store.migrate().await.unwrap();
    db
}

/// A new SQLite database without any table (not migrated), as `nmp restore` finds a new file.
pub async fn blank_sqlite() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let store = Store::connect(&url).await.unwrap();
    TestDb {
        store,
        engine: "sqlite",
        url,
        _dir: Some(dir),
        pg: None,
    }
}

async fn postgres(admin_url: &str) -> TestDb {
    let db = blank_postgres_at(admin_url).await;
    db.store.migrate().await.unwrap();
    db
}

/// A new PostgreSQL database without any table (as `createdb` makes it), when
/// `NMP_TEST_POSTGRES_URL` is set.
pub async fn blank_postgres() -> Option<TestDb> {
    match std::env::var("NMP_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(blank_postgres_at(&url).await),
        _ => None,
    }
}

async fn blank_postgres_at(admin_url: &str) -> TestDb {
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
    TestDb {
        store,
        engine: "postgres",
        url,
        _dir: None,
        pg: Some((admin_url.to_string(), name)),
    }
}

impl TestDb {
    /// A new database of the same engine without any table (not migrated).
    pub async fn blank(&self) -> TestDb {
        match &self.pg {
            Some((admin_url, _)) => blank_postgres_at(admin_url).await,
            None => blank_sqlite().await,
        }
    }

    /// The database's URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A second, independent store on the same database, as another process would open it.
    pub async fn reopen(&self) -> Store {
        Store::connect(&self.url).await.unwrap()
    }

    /// Closes the store and drops a PostgreSQL test database.
    pub async fn finish(mut self) {
        self.store.clone().close().await.unwrap();
        if let Some((admin_url, name)) = self.pg.take() {
            drop_database(&admin_url, &name).await;
        }
    }
}

/// A test that ends without [`TestDb::finish`] (an early return, a panic, a forgotten call)
/// still drops its PostgreSQL database: left behind, a whole suite's databases fill the server's
/// disk run after run.
impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.pg.take() {
            // On a thread of its own with its own runtime: `drop` cannot await, and the test's
            // runtime may be the current thread.
            let _ = std::thread::spawn(move || {
                if let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() {
                    runtime.block_on(drop_database(&admin_url, &name));
                }
            })
            .join();
        }
    }
}

async fn drop_database(admin_url: &str, name: &str) {
    let admin = Database::connect(admin_url).await.unwrap();
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await
        .unwrap();
    admin.close().await.unwrap();
}

/// Runs one raw SQL statement on `store`'s pool, outside any writer (so unaudited): DDL such as a
/// test trigger, or a deliberate tampering.
pub async fn execute(store: &Store, sql: &str) {
    store.db.execute_unprepared(sql).await.unwrap();
}

/// Applies only the first `steps` migrations to `store` (a database at an earlier schema).
pub async fn migrate_first(store: &Store, steps: u32) {
    use sea_orm_migration::MigratorTrait;
    crate::migration::Migrator::up(&store.db, Some(steps)).await.unwrap();
}

/// Runs a statement built with the query builder (`Entity::update_many()...`, say) on `store`'s
/// pool, outside any writer (so unaudited), and returns the number of rows it affected.
pub async fn run<Q: QueryTrait>(store: &Store, query: Q) -> u64 {
    let statement = query.build(store.db.get_database_backend());
    store.db.execute_raw(statement).await.unwrap().rows_affected()
}

/// Leaves `count` failed sign-in attempts of `email` from `client`, dated now, as a guesser in a
/// loop would (unaudited: the throttle reads only the `login_attempt` rows).
pub async fn failed_attempts(store: &Store, email: &str, client: &str, count: usize) {
    use crate::entity::login_attempt;
    use sea_orm::{EntityTrait, Set};
    let now = time::OffsetDateTime::now_utc();
    for _ in 0..count {
        let row = login_attempt::ActiveModel {
            email: Set(email.to_string()),
            attempted_at: Set(now),
            succeeded: Set(false),
            client: Set(Some(client.to_string())),
            throttled: Set(false),
            ..Default::default()
        };
        run(store, login_attempt::Entity::insert(row)).await;
    }
}

/// The first column of a query's rows, as text (NULL as empty).
pub async fn texts(store: &Store, sql: &str) -> Vec<String> {
    let conn = &store.db;
    conn.query_all_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get_by_index::<Option<String>>(0).unwrap().unwrap_or_default())
        .collect()
}

/// What [`assessment_fixture`] wrote: the framework and, per criterion, its id and its levels'
/// ids (lowest rank first).
pub struct AssessmentFixture {
    /// The framework version.
    pub framework_id: i32,
    /// (criterion id, level ids) in position order.
    pub criteria: Vec<(i32, Vec<i32>)>,
}

/// Synthetic test data for assessment rounds, written with `w`: an initiative kind
/// `{slug}_kind`, an initiative `slug` (in `country`, if given), and a framework `{slug}-frame`
/// version 1 whose criteria have the `codes` given, each with `levels` levels. Labelled
/// synthetic; never a fact.
pub async fn assessment_fixture(
    w: &mut crate::Writer,
    slug: &str,
    country: Option<&str>,
    codes: &[&str],
    levels: i32,
) -> AssessmentFixture {
    use crate::Set;
    use crate::entity::{criterion, criterion_level, framework, initiative, initiative_kind};
    let kind = w
        .insert(initiative_kind::ActiveModel {
            code: Set(format!("{}_kind", slug.replace('-', "_"))),
            label: Set("Synthetic kind (test data)".into()),
            description: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    w.insert(initiative::ActiveModel {
        slug: Set(slug.into()),
        country_iso3: Set(country.map(Into::into)),
        mechanism_id: Set(None),
        initiative_kind_id: Set(kind.initiative_kind_id),
        title: Set(format!("Synthetic initiative {slug} (test data)")),
        started_on: Set(None),
        ended_on: Set(None),
        lead_organization_id: Set(None),
        description: Set(None),
        note: Set(Some("synthetic test row".into())),
        ..Default::default()
    })
    .await
    .unwrap();
    let f = w
        .insert(framework::ActiveModel {
            slug: Set(format!("{slug}-frame")),
            framework_version: Set(1),
            title: Set("Synthetic framework".into()),
            description: Set(None),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    let labels = ["Absent", "Emerging", "Established", "Advanced"];
    let mut criteria = Vec::new();
    for (n, code) in codes.iter().enumerate() {
        let c = w
            .insert(criterion::ActiveModel {
                framework_id: Set(f.framework_id),
                code: Set((*code).into()),
                position: Set(n as i32 + 1),
                label: Set(format!("Criterion {code}")),
                description: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        let mut ids = Vec::new();
        for rank in 1..=levels {
            let label = labels.get(rank as usize - 1).copied().unwrap_or("Level");
            let l = w
                .insert(criterion_level::ActiveModel {
                    criterion_id: Set(c.criterion_id),
                    rank: Set(rank),
                    label: Set(label.into()),
                    descriptor: Set(Some(format!("{label} descriptor"))),
                    ..Default::default()
                })
                .await
                .unwrap();
            ids.push(l.criterion_level_id);
        }
        criteria.push((c.criterion_id, ids));
    }
    AssessmentFixture {
        framework_id: f.framework_id,
        criteria,
    }
}

/// Synthetic test data for the essay workflow: an editor account `editor@example.org` and an
/// annual report `slug` being drafted, in English under CC BY 4.0, titled `title` (which should
/// say it is synthetic). Never a fact.
pub async fn essays_fixture(
    store: &Store,
    slug: &str,
    title: &str,
) -> (crate::entity::account::Model, crate::entity::edition::Model) {
    let editor = store
        .create_account(
            "system:test",
            "editor@example.org",
            "Synthetic Editor",
            nmp_core::vocab::AccountRole::Editor,
        )
        .await
        .expect("the synthetic editor's account");
    let ed = synthetic_edition(store, slug, title).await;
    (editor, ed)
}

/// Synthetic test data: an annual report `slug` being drafted, in English under CC BY 4.0,
/// titled `title` (which should say it is synthetic). Never a fact.
pub async fn synthetic_edition(store: &Store, slug: &str, title: &str) -> crate::entity::edition::Model {
    use crate::Set;
    use crate::entity::edition;
    let mut w = store.writer("system:test").await.expect("a writer");
    let ed = w
        .insert(edition::ActiveModel {
            slug: Set(slug.into()),
            title: Set(title.into()),
            kind: Set("annual_report".into()),
            status: Set("drafting".into()),
            licence: Set(Some("CC BY 4.0".into())),
            language: Set("en".into()),
            ..Default::default()
        })
        .await
        .expect("the synthetic edition");
    w.commit().await.expect("the synthetic edition is written");
    ed
}

/// Synthetic test data: a dataset `slug` and its one indicator `x`, written with `w` (not
/// committed). Never a fact.
pub async fn synthetic_indicator(w: &mut crate::Writer, slug: &str) -> crate::entity::indicator::Model {
    use crate::Set;
    use crate::entity::{dataset, indicator};
    let d = w
        .insert(dataset::ActiveModel {
            slug: Set(slug.into()),
            title: Set(format!("Synthetic dataset {slug}")),
            publisher: Set("Test".into()),
            ..Default::default()
        })
        .await
        .expect("the synthetic dataset");
    w.insert(indicator::ActiveModel {
        dataset_id: Set(d.dataset_id),
        code: Set("x".into()),
        label: Set("X".into()),
        ..Default::default()
    })
    .await
    .expect("the synthetic indicator")
}

/// The country `KEN` with only its codes and name, not yet written (tests insert it, or insert it
/// a second time to make a write fail).
pub fn kenya() -> crate::entity::country::ActiveModel {
    use crate::Set;
    crate::entity::country::ActiveModel {
        country_iso3: Set("KEN".into()),
        iso2: Set("KE".into()),
        m49: Set("404".into()),
        name: Set("Kenya".into()),
        un_status: Set("member".into()),
        ..Default::default()
    }
}

/// Synthetic test data: what an observation needs, committed: a country `KEN` (only its codes
/// and name) and the dataset `d` with its indicator ([`synthetic_indicator`]). Returns the
/// dataset's id and the indicator's.
pub async fn observation_fixture(store: &Store) -> (i32, i32) {
    let mut w = store.writer("test").await.expect("a writer");
    w.insert(kenya()).await.expect("the synthetic country");
    let i = synthetic_indicator(&mut w, "d").await;
    w.commit().await.expect("the observation fixture is written");
    (i.dataset_id, i.indicator_id)
}
