//! What the targets share, made once per process: a SQLite database seeded with the starter
//! dataset (the record import checks names, keys and unique values against it; its inputs are
//! only ever dry runs, so it never changes), the runtime its store runs on, the country list and
//! the default questionnaire.
//!
//! The database is a file in a scratch folder named after the process
//! (`$TMPDIR/nmp-fuzz-<pid>/`); folders of processes that have ended are removed when the next
//! one starts, since a fuzzer ends its process without running destructors.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use nmp_collect::respond::Choices;
use nmp_store::Store;
use nmp_store::entity::question;

/// The seeded store and its runtime.
pub struct Harness {
    runtime: tokio::runtime::Runtime,
    store: Store,
}

impl Harness {
    /// The store: the starter dataset, never written by a target.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs `future` to its end on the store's runtime.
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }
}

/// The harness of this process, made on first use (migrating and seeding takes about a second).
pub fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let dir = scratch_dir();
        let url = format!("sqlite://{}", dir.join("starter.db").display());
        let store = runtime.block_on(async {
            let store = Store::connect(&url).await.expect("open the scratch database");
            store.migrate().await.expect("migrate the scratch database");
            nmp_ingest::seed::seed_embedded(&store)
                .await
                .expect("seed the starter dataset");
            store
        });
        Harness { runtime, store }
    })
}

/// A fresh folder for this process's database, after removing those of ended processes.
fn scratch_dir() -> PathBuf {
    let base = std::env::temp_dir();
    if let Ok(entries) = std::fs::read_dir(&base) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ended = name
                .strip_prefix("nmp-fuzz-")
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists());
            if ended {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = base.join(format!("nmp-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the scratch folder");
    dir
}

/// The ISO alpha-3 codes of the 195 states, in key order (what `country_codes` reads from a
/// seeded database).
pub fn countries() -> &'static [String] {
    static COUNTRIES: OnceLock<Vec<String>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        let mut codes: Vec<String> = nmp_ingest::countries::load(nmp_ingest::countries::UN_REGIONAL_GROUPS_CSV)
            .expect("the embedded country list")
            .into_iter()
            .map(|c| c.iso3)
            .collect();
        codes.sort();
        codes
    })
}

/// The default questionnaire's questions, and the choices of its single-choice questions that
/// have no target field (from their vocabularies: what the store would give).
pub fn questionnaire() -> &'static (Vec<question::Model>, Choices) {
    static QUESTIONNAIRE: OnceLock<(Vec<question::Model>, Choices)> = OnceLock::new();
    QUESTIONNAIRE.get_or_init(|| {
        let questions = nmp_collect::questionnaire::default_questions().expect("the default questionnaire");
        let mut choices = Choices::new();
        for q in &questions {
            if let Some(v) = &q.vocabulary {
                let codes = nmp_core::vocab::options(v)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(c, _)| c.to_string())
                    .collect();
                choices.insert(q.question_key.clone(), codes);
            }
        }
        (questions, choices)
    })
}
