//! The data generation: a number that moves whenever the data may have changed, so that read
//! caches (the web server's) can tell a cached answer is stale without asking the database.
//!
//! - This process's writes move it as they commit ([`crate::Writer::commit`]): free, immediate.
//! - Other processes' writes (an `nmp import` beside `nmp serve` on SQLite; other web instances
//!   on PostgreSQL) are seen by [`Store::check_for_writes`], which reads the audit head's
//!   `last_event_id` (every audited write moves it) in one small query. A cache calls it at most
//!   every so often (a short poll), so such writes show after at most that interval.
//! - On PostgreSQL, a server also listens ([`Store::listen_for_writes`]): every write that moves
//!   the audit head sends `NOTIFY nmp_writes` (a trigger, migration 25), delivered as the write
//!   commits, and moves the generation at once. While it hears ([`Store::hears_writes`]) the
//!   poll is not needed; when the connection is lost, polling takes over until it is back.

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use sea_orm::ConnectionTrait;

use crate::{Result, Store};

/// Shared by every clone of a [`Store`] and by its writers.
#[derive(Debug)]
pub(crate) struct Generation {
    counter: AtomicU64,
    /// The audit head last seen (`-1`: not read yet).
    head: AtomicI64,
    /// Whether writes are heard as they commit (a live `LISTEN nmp_writes`).
    listening: AtomicBool,
}

impl Default for Generation {
    fn default() -> Self {
        Generation {
            counter: AtomicU64::new(1),
            head: AtomicI64::new(-1),
            listening: AtomicBool::new(false),
        }
    }
}

impl Generation {
    /// A write of this process committed, leaving the audit head at `head`.
    pub(crate) fn committed(&self, head: i64) {
        self.head.fetch_max(head, Ordering::SeqCst);
        self.counter.fetch_add(1, Ordering::SeqCst);
    }

    /// A write (of any process) was heard to have moved the audit head to `head`.
    fn heard(&self, head: i64) {
        if self.head.fetch_max(head, Ordering::SeqCst) < head {
            self.counter.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// The channel the audit head's trigger notifies.
const CHANNEL: &str = "nmp_writes";
/// How long to wait before listening again after the connection was lost.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

impl Store {
    /// The current data generation: equal values mean no write was seen in between.
    pub fn data_generation(&self) -> u64 {
        self.generation.counter.load(Ordering::SeqCst)
    }

    /// On PostgreSQL, starts listening for every process's writes (`LISTEN nmp_writes`) in the
    /// background, for as long as this store (or a clone of it) lives; returns whether it did
    /// (`false` on SQLite, which has no such channel). A lost connection is opened again; the
    /// writes missed meanwhile move the generation when it is back.
    pub fn listen_for_writes(&self) -> bool {
        if self.engine != crate::Engine::Postgres {
            return false;
        }
        let pool = self.db.get_postgres_connection_pool().clone();
        let generation = Arc::downgrade(&self.generation);
        tokio::spawn(listen(pool, generation));
        true
    }

    /// Whether other processes' writes are heard as they commit (see
    /// [`Store::listen_for_writes`]); when not, a reader polls [`Store::check_for_writes`].
    pub fn hears_writes(&self) -> bool {
        self.generation.listening.load(Ordering::SeqCst)
    }

    /// Moves the generation for a change outside the database that pages show (a report build
    /// written to the builds folder), so that cached answers are not served past it.
    pub fn outputs_changed(&self) {
        self.generation.counter.fetch_add(1, Ordering::SeqCst);
    }

    /// Reads the audit head and moves the generation if another process wrote since it was last
    /// seen (or if it was never seen: whatever was read before may be older). Returns the
    /// (possibly new) generation.
    pub async fn check_for_writes(&self) -> Result<u64> {
        let head = self.audit_head().await?;
        if self.generation.head.swap(head, Ordering::SeqCst) != head {
            self.generation.counter.fetch_add(1, Ordering::SeqCst);
        }
        Ok(self.data_generation())
    }

    /// Records the audit head as the store opens, without moving the generation: nothing can
    /// have been read through this store yet.
    pub(crate) async fn first_look_at_audit_head(&self) -> Result<()> {
        let head = self.audit_head().await?;
        let _ = self
            .generation
            .head
            .compare_exchange(-1, head, Ordering::SeqCst, Ordering::SeqCst);
        Ok(())
    }

    /// The audit head now: the id of the last audited event (0 before any). Every write moves
    /// it, so an index or export that records it can tell later whether it is still current.
    pub async fn audit_head_id(&self) -> Result<i64> {
        self.audit_head().await
    }

    async fn audit_head(&self) -> Result<i64> {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.db.get_database_backend(),
                "SELECT last_event_id FROM audit_head WHERE audit_head_id = 1",
            ))
            .await?;
        Ok(match row {
            Some(row) => row.try_get("", "last_event_id")?,
            None => 0,
        })
    }
}

/// Listens on [`CHANNEL`] until the store is gone, connecting again when the connection is lost.
async fn listen(pool: sea_orm::sqlx::PgPool, generation: Weak<Generation>) {
    use sea_orm::sqlx::postgres::PgListener;
    loop {
        let connected = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            listener.listen(CHANNEL).await?;
            Ok::<_, sea_orm::sqlx::Error>(listener)
        }
        .await;
        match connected {
            Ok(mut listener) => {
                {
                    let Some(g) = generation.upgrade() else { return };
                    g.listening.store(true, Ordering::SeqCst);
                    // Writes made while nobody listened were not heard.
                    g.counter.fetch_add(1, Ordering::SeqCst);
                }
                let lost = loop {
                    match listener.try_recv().await {
                        Ok(Some(n)) => {
                            let Some(g) = generation.upgrade() else { return };
                            match n.payload().parse::<i64>() {
                                Ok(head) => g.heard(head),
                                Err(_) => {
                                    g.counter.fetch_add(1, Ordering::SeqCst);
                                }
                            }
                        }
                        Ok(None) => break "the connection was closed".to_string(),
                        Err(e) => break e.to_string(),
                    }
                };
                let Some(g) = generation.upgrade() else { return };
                g.listening.store(false, Ordering::SeqCst);
                tracing::warn!(reason = %lost, "stopped hearing other servers' writes; polling until listening again");
            }
            Err(e) => {
                if generation.strong_count() == 0 {
                    return;
                }
                tracing::warn!(error = %e, "could not listen for other servers' writes; polling instead");
            }
        }
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::source;
    use crate::testing::engines;
    use crate::{Set, Store};

    async fn add_source(store: &Store, slug: &str) {
        let mut w = store.writer("test").await.unwrap();
        w.insert(source::ActiveModel {
            slug: Set(slug.into()),
            title: Set("A source".into()),
            kind: Set("document".into()),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
    }

    #[tokio::test]
    async fn the_first_check_after_opening_finds_nothing_new() {
        for db in engines().await {
            add_source(&db.store, "before").await;
            let other = db.reopen().await;
            other.migrate().await.unwrap(); // nothing to apply; how every command opens a store
            let opened = other.data_generation();
            assert_eq!(
                other.check_for_writes().await.unwrap(),
                opened,
                "{}: writes made before the store opened are not news",
                db.engine
            );
        }
    }

    #[tokio::test]
    async fn own_writes_move_it_at_once_and_other_processes_writes_when_checked() {
        for db in engines().await {
            let store = &db.store;
            let first = store.check_for_writes().await.unwrap();
            assert_eq!(store.check_for_writes().await.unwrap(), first, "nothing changed");
            add_source(store, "one").await;
            let second = store.data_generation();
            assert!(second > first, "{}", db.engine);
            assert_eq!(
                store.check_for_writes().await.unwrap(),
                second,
                "own write already counted"
            );

            // Another process: a second pool on the same database, with its own generation.
            let other = db.reopen().await;
            add_source(&other, "two").await;
            assert_eq!(store.data_generation(), second, "not seen before a check");
            assert!(store.check_for_writes().await.unwrap() > second, "{}", db.engine);
        }
    }

    /// Waits (at most 20 s, polling this test's own view every 10 ms) until `done` holds.
    async fn eventually(mut done: impl FnMut() -> bool) -> bool {
        for _ in 0..2000 {
            if done() {
                return true;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        false
    }

    #[tokio::test]
    async fn on_postgresql_other_servers_writes_are_heard_without_a_check() {
        for db in engines().await {
            let store = &db.store;
            let listening = store.listen_for_writes();
            if db.engine == "sqlite" {
                assert!(!listening && !store.hears_writes(), "SQLite has no channel: it polls");
                continue;
            }
            assert!(listening);
            assert!(eventually(|| store.hears_writes()).await, "the listener connected");
            let before = store.data_generation();
            // A write by another server (its own pool) on the same database.
            let other = db.reopen().await;
            add_source(&other, "heard").await;
            assert!(
                eventually(|| store.data_generation() > before).await,
                "the write moved this store's generation with no check_for_writes"
            );
            let heard = store.data_generation();
            assert_eq!(
                store.check_for_writes().await.unwrap(),
                heard,
                "the head it heard is the head a check reads: nothing more to notice"
            );
            // A write that changes nothing (the head's lock taken and released) is not news.
            other.writer("test").await.unwrap().commit().await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            assert_eq!(store.data_generation(), heard);
        }
    }
}
