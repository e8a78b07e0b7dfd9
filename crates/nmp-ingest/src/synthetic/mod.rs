//! The synthetic dataset for benchmarks (`nmp demo synthetic [--seed N]`): made up by code at the
//! scale of a mature review (the real countries; 12 editions, about 150 mechanisms, 3,000
//! memberships, 50,000 activities, 100,000 citations; a profile of every mechanism in the last
//! edition, which is in drafting like an edition being written, the others published), and
//! labelled synthetic wherever it shows: every name ends in "(synthetic data)", edition titles
//! start with "SYNTHETIC", narratives with "[Synthetic text]", and each mechanism, edition and
//! organisation carries a note saying it is generated.
//!
//! The same seed gives the same records ([`plan`] is a pure function of the seed, the scale, the
//! countries and the function codes). Everything is written in one audited transaction as
//! `system:synthetic`, with one audit event per table (see `Writer::insert_many_editable`), so
//! the full scale loads in seconds. A database that already holds records is refused unless the
//! caller forces it (synthetic rows would then sit beside real ones), and a second synthetic
//! load is always refused.

mod plan;
mod rng;
mod write;

use std::collections::BTreeMap;

use nmp_store::Store;
use nmp_store::entity::{edition, mechanism, organization, source};

pub use plan::LABEL;
pub use write::ACTOR;

use crate::IngestError;

/// How much to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// Mechanisms (one profile each in the last edition).
    pub mechanisms: usize,
    /// Member organisations per mechanism (each a membership).
    pub memberships_per_mechanism: usize,
    /// Activities, spread over the mechanisms.
    pub activities: usize,
    /// Citations: every fact gets its share, activities the rest.
    pub citations: usize,
    /// Editions, one a year from 2014; the last has a profile of every mechanism.
    pub editions: usize,
    /// Sources the citations point to.
    pub sources: usize,
}

impl Scale {
    /// The benchmark scale: 150 mechanisms, 3,000 memberships, 50,000 activities, 100,000
    /// citations, 12 editions, 2,000 sources.
    pub fn full() -> Scale {
        Scale {
            mechanisms: 150,
            memberships_per_mechanism: 20,
            activities: 50_000,
            citations: 100_000,
            editions: 12,
            sources: 2_000,
        }
    }

    /// A small scale for tests.
    pub fn small() -> Scale {
        Scale {
            mechanisms: 8,
            memberships_per_mechanism: 3,
            activities: 40,
            citations: 300,
            editions: 3,
            sources: 10,
        }
    }
}

/// What a synthetic load wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticReport {
    /// The seed.
    pub seed: u64,
    /// Rows written per table.
    pub rows: BTreeMap<&'static str, u64>,
    /// The slug of the edition with a profile of every mechanism.
    pub full_edition: String,
}

/// Generates the dataset for `seed` at `scale` and writes it. Refuses a database that holds
/// records (mechanisms, editions, sources or organisations) unless `force`, and always one that
/// already holds synthetic data.
pub async fn load(store: &Store, seed: u64, scale: &Scale, force: bool) -> Result<SyntheticReport, IngestError> {
    check_target(store, force).await?;
    write::write(store, seed, scale).await
}

async fn check_target(store: &Store, force: bool) -> Result<(), IngestError> {
    let mechanisms = store.all::<mechanism::Entity>().await?;
    let editions = store.all::<edition::Entity>().await?;
    let sources = store.all::<source::Entity>().await?;
    let organizations = store.all::<organization::Entity>().await?;
    if mechanisms.iter().any(|m| m.slug.starts_with("synthetic-"))
        || editions.iter().any(|e| e.slug.starts_with("synthetic-"))
    {
        return Err(IngestError::Refused(
            "the database already holds synthetic data: use a new database (e.g. --database-url sqlite://synthetic.db)"
                .into(),
        ));
    }
    let held = [
        ("mechanisms", mechanisms.len()),
        ("editions", editions.len()),
        ("sources", sources.len()),
        ("organisations", organizations.len()),
    ];
    if !force && held.iter().any(|(_, n)| *n > 0) {
        let listed: Vec<String> = held
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        return Err(IngestError::Refused(format!(
            "the database holds real data ({}): synthetic records would sit beside them. Use a new database \
             (e.g. --database-url sqlite://synthetic.db), or --force to add them anyway",
            listed.join(", ")
        )));
    }
    Ok(())
}
