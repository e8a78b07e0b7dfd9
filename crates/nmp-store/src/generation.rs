//! The data generation: a number that moves whenever the data may have changed, so that read
//! caches (the web server's) can tell a cached answer is stale without asking the database.
//!
//! - This process's writes move it as they commit ([`crate::Writer::commit`]): free, immediate.
//! - Other processes' writes (an `nmp import` beside `nmp serve` on SQLite; other web instances
//!   on PostgreSQL) are seen by [`Store::check_for_writes`], which reads the audit head's
//!   `last_event_id` (every audited write moves it) in one small query. A cache calls it at most
//!   every so often (a short poll), so such writes show after at most that interval.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use sea_orm::ConnectionTrait;

use crate::{Result, Store};

/// Shared by every clone of a [`Store`] and by its writers.
#[derive(Debug)]
pub(crate) struct Generation {
    counter: AtomicU64,
    /// The audit head last seen (`-1`: not read yet).
    head: AtomicI64,
}

impl Default for Generation {
    fn default() -> Self {
        Generation {
            counter: AtomicU64::new(1),
            head: AtomicI64::new(-1),
        }
    }
}

impl Generation {
    /// A write of this process committed, leaving the audit head at `head`.
    pub(crate) fn committed(&self, head: i64) {
        self.head.fetch_max(head, Ordering::SeqCst);
        self.counter.fetch_add(1, Ordering::SeqCst);
    }
}

impl Store {
    /// The current data generation: equal values mean no write was seen in between.
    pub fn data_generation(&self) -> u64 {
        self.generation.counter.load(Ordering::SeqCst)
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
}
