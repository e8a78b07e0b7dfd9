//! The synthetic dataset for benchmarks (`nmp demo synthetic [--seed N]`): made up by code at the
//! scale of a mature review (the real countries; 12 editions, about 150 mechanisms, 3,000
//! memberships, 50,000 activities, 100,000 citations; a profile of every mechanism in the last
//! edition, which is in drafting like an edition being written, the others published; 40
//! initiatives, and in the last edition an assessment round of 30 of them with the default
//! framework, 4 raters, their ratings with evidence and a consensus for every target and
//! criterion), and labelled synthetic wherever it shows: every name ends in "(synthetic data)"
//! (initiative titles and rater names also start with "Synthetic"), edition titles and the round's
//! start with "SYNTHETIC", narratives, rationales and initiative descriptions with
//! "[Synthetic text]", and each mechanism, edition, organisation and initiative carries a note
//! saying it is generated; the raters' accounts use the reserved `example.invalid` domain.
//!
//! [`Scale::times`] makes any scale N times larger (`nmp demo synthetic --scale N`): N times the
//! mechanisms (so memberships, statuses, function levels and the last edition's profiles),
//! activities, citations, sources and initiatives, over the same countries, editions and round.
//!
//! The same seed gives the same records (the plan is a pure function of the seed, the scale, the
//! countries and the function codes). Everything is written in one audited transaction as
//! `system:synthetic`, with one audit event per table (see `Writer::insert_many_editable`), so
//! the full scale loads in seconds. A database that already holds records is refused unless the
//! caller forces it (synthetic rows would then sit beside real ones), and a second synthetic
//! load is always refused.
//!
//! `model.rs` holds the records as plain values, `plan.rs` makes them from the seed (with the
//! generator of `rng.rs`; `plan_outcomes.rs` the initiatives and the round), and `write.rs`
//! (reference data, sources, organisations and editions), `facts.rs` (mechanisms, their facts,
//! profiles and citations) and `outcomes.rs` (initiatives and the round) write them.

#![forbid(unsafe_code)]

pub mod documents;
mod facts;
mod loader;
mod model;
mod outcomes;
mod plan;
mod plan_outcomes;
mod rng;
mod write;

use nmp_ingest::IngestError;
use nmp_store::Store;
use nmp_store::entity::{edition, mechanism, organization, source};

pub use loader::ACTOR;
pub use model::{LABEL, Scale};
pub use write::SyntheticReport;

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
