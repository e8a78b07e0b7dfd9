//! The facts an unpublished edition still shows without a citation, as its workspace page lists
//! them. Finding them builds the edition's whole snapshot (about a second for a 193-country
//! edition), so each edition's answer is kept and reused while the store's data generation is
//! unchanged: the read cache's rule (`cache.rs`). The generation is read (with a look at the
//! audit head, for other processes' writes) before the snapshot is built, so a write that
//! commits meanwhile makes the next view compute again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use nmp_report::ReportError;
use nmp_store::Store;

/// Each edition's uncited facts, with the data generation they were computed at.
#[derive(Debug, Default)]
pub struct UncitedFacts {
    by_edition: Mutex<HashMap<String, Kept>>,
}

/// An edition's uncited facts and the data generation they were computed at.
type Kept = (u64, Arc<Vec<String>>);

impl UncitedFacts {
    /// An empty cache, shared by the requests of one server.
    pub fn new() -> Arc<UncitedFacts> {
        Arc::default()
    }

    /// The uncited facts of edition `slug` (`record: field`), from the cache while no write was
    /// seen since they were computed.
    pub async fn of(&self, store: &Store, slug: &str) -> Result<Arc<Vec<String>>, ReportError> {
        let generation = store.check_for_writes().await?;
        if let Some((at, facts)) = self.lock().get(slug)
            && *at == generation
        {
            return Ok(facts.clone());
        }
        let facts = Arc::new(nmp_report::publish::uncited(store, slug).await?);
        let mut by_edition = self.lock();
        let keep = by_edition.get(slug).is_none_or(|(at, _)| *at <= generation);
        if keep {
            by_edition.insert(slug.to_string(), (generation, facts.clone()));
        }
        Ok(facts)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Kept>> {
        self.by_edition.lock().unwrap_or_else(|e| e.into_inner())
    }
}
