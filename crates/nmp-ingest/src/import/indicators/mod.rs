//! Generic country-year indicators in long format (`nmp import indicators FILE.csv`).
//!
//! The file's header is exactly `iso3,year,indicator,value`; each row is one observation. Every
//! row is validated before anything is written, and every problem is reported as
//! `FILE:ROW:COLUMN: message` (the header is row 1):
//!
//! - `iso3`: one of the countries in the database (the 195 states), upper case;
//! - `year`: a whole number from 1800 to 2200;
//! - `indicator`: the indicator's code, 1 to 100 characters; the distinct codes become the
//!   dataset's indicators (label = code, which an editor can improve: a re-import keeps it);
//! - `value`: a finite number;
//! - each (iso3, year, indicator) at most once.
//!
//! `parse.rs` reads and checks the file on a blocking thread; this module writes the good rows
//! as they come, with the audited bulk insert, in the writer's one transaction, which a dry run
//! or a problem anywhere in the file rolls back.

mod parse;

pub use parse::{HEADER, LongFile, PROGRESS_ABOVE, PROGRESS_EVERY, YEARS, parse_long};

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use nmp_store::entity::watch_alert;
use nmp_store::{NewObservation, Store};

use super::{
    DatasetMeta, ExistingIndicators, IndicatorMeta, Obs, OpenDataset, WriteOutcome, country_codes, import_summary,
    new_observation, sha256_hex,
};
use crate::IngestError;

/// The dataset an import of indicators creates or replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorsOptions {
    /// Dataset slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// The publisher's version.
    pub version: Option<String>,
    /// Where it can be obtained.
    pub url: Option<String>,
    /// Licence as stated.
    pub licence: Option<String>,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// What an import of indicators did.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorsReport {
    /// The dataset row.
    pub dataset: DatasetMeta,
    /// Data rows read.
    pub rows_read: usize,
    /// Indicator codes.
    pub indicators: Vec<String>,
    /// Distinct countries.
    pub countries: usize,
    /// Smallest and largest year.
    pub years: Option<(i32, i32)>,
    /// What was written.
    pub outcome: WriteOutcome,
    /// Seconds from the start until the file was read and checked.
    pub read_seconds: f64,
    /// Seconds spent writing (alongside the reading, which runs on another thread).
    pub write_seconds: f64,
    /// Seconds in all.
    pub total_seconds: f64,
    /// Watchlist alerts raised when the dataset is a forecast (`nmp-risk-*`, `ewp-*`; see
    /// `nmp_store::watchlist`), for the caller to mail; empty otherwise and on a dry run.
    pub alerts: Vec<watch_alert::Model>,
}

/// Reads, validates and (unless a dry run) writes the long-format file at `path` as dataset
/// `options.slug`, replacing its observations if it exists.
///
/// The file is read and checked on a blocking thread while the rows checked so far are written
/// in the writer's transaction, so the two cores of a small server share the work; if any row
/// has a problem, the transaction is dropped and nothing is written. A dry run takes the same
/// path, checks and writes alike, and drops the transaction at the end instead of committing
/// it, then says what it would have written.
pub async fn import(
    store: &Store,
    path: &Path,
    options: &IndicatorsOptions,
    actor: &str,
    progress: &mut (dyn FnMut(&str) + Send),
) -> Result<IndicatorsReport, IngestError> {
    let label = path.display().to_string();
    nmp_core::slug::validate("--dataset", &options.slug).map_err(|e| IngestError::File {
        file: label.clone(),
        line: None,
        message: e.to_string(),
    })?;
    let started = Instant::now();
    let bytes = std::fs::read(path).map_err(|e| IngestError::File {
        file: label.clone(),
        line: None,
        message: format!("cannot read: {e}"),
    })?;
    let countries = country_codes(store).await?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.clone());
    let meta = |sha: String| DatasetMeta {
        slug: options.slug.clone(),
        title: options.title.clone(),
        publisher: options.publisher.clone(),
        version: options.version.clone(),
        url: options.url.clone(),
        licence: options.licence.clone(),
        file_name: file_name.clone(),
        file_sha256: sha,
        note: None,
    };
    let job = Job {
        store,
        label,
        actor,
        dry_run: options.dry_run,
        started,
    };
    let mut report = job.run(bytes, countries, &meta, progress).await?;
    if !options.dry_run {
        report.alerts = super::raise_alerts(store, &options.slug).await?;
    }
    Ok(report)
}

/// What the reading thread hands to the writer.
enum Parsed {
    /// A line for the user.
    Progress(String),
    /// Good rows, and the indicator codes first seen since the previous batch.
    Rows { new_codes: Vec<String>, rows: Vec<Obs> },
}

/// An indicator known only by its code (label = code, which an editor can improve).
fn indicator_meta(code: &str) -> IndicatorMeta {
    IndicatorMeta {
        code: code.to_string(),
        label: code.to_string(),
        unit: None,
        description: None,
    }
}

/// One import of a file, as [`import`] set it up.
struct Job<'a> {
    store: &'a Store,
    /// The file, as the user named it.
    label: String,
    actor: &'a str,
    /// Roll back at the end instead of committing.
    dry_run: bool,
    started: Instant,
}

/// The reading thread: its result (the checked file, or every problem) and when it finished.
type Reader = tokio::task::JoinHandle<(Result<LongFile, IngestError>, f64)>;

impl Job<'_> {
    /// Reads on a blocking thread, writes here; see [`import`].
    async fn run(
        self,
        bytes: Vec<u8>,
        countries: Vec<String>,
        meta: &dyn Fn(String) -> DatasetMeta,
        progress: &mut (dyn FnMut(&str) + Send),
    ) -> Result<IndicatorsReport, IngestError> {
        let bytes = Arc::new(bytes);
        let countries = Arc::new(countries);
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Parsed>(4);
        let reader = self.read(bytes.clone(), countries.clone(), tx);
        // The file's hash, while the reader reads it.
        let dataset = meta(sha256_hex(&bytes));
        let mut w = self.store.writer(self.actor).await?;
        let mut open = OpenDataset::open(&mut w, &dataset, ExistingIndicators::Keep).await?;
        let mut ids: Vec<i32> = Vec::new();
        let mut bulk = w.bulk::<NewObservation>();
        let writing = Instant::now();
        while let Some(message) = rx.recv().await {
            match message {
                Parsed::Progress(line) => progress(&line),
                Parsed::Rows { new_codes, mut rows } => {
                    for code in new_codes {
                        ids.push(open.indicator(&mut w, &indicator_meta(&code)).await?);
                    }
                    // In (country, indicator, year) order the observation indexes grow at a few
                    // points instead of all over the B-tree (files usually come by country).
                    rows.sort_unstable_by_key(|o| (o.country, o.indicator, o.year));
                    let new_rows: Vec<NewObservation> =
                        rows.iter().map(|o| new_observation(o, &ids, &countries)).collect();
                    bulk.push(&w, &new_rows).await?;
                }
            }
        }
        let (parsed, read_seconds) = self.finish_reading(reader).await?;
        // A problem anywhere: dropping the writer undoes everything written so far.
        let parsed = parsed?;
        for code in parsed.indicators.iter().skip(ids.len()) {
            ids.push(open.indicator(&mut w, &indicator_meta(code)).await?);
        }
        let (replaced, removed) = (open.replaced, open.removed);
        open.close(&mut w).await?;
        let summary = import_summary(&dataset, parsed.indicators.len(), removed);
        let written = bulk.finish(&mut w, &dataset.slug, summary).await?;
        if self.dry_run {
            // The same checks and writes as a real import; dropping the writer undoes them.
            drop(w);
        } else {
            w.commit().await?;
        }
        let write_seconds = writing.elapsed().as_secs_f64();
        if !self.dry_run && written as usize > PROGRESS_ABOVE {
            progress(&format!(
                "wrote {written} observations in one transaction, {write_seconds:.2} s (reading and checking alongside)"
            ));
        }
        let outcome = WriteOutcome {
            replaced,
            observations_removed: if self.dry_run { 0 } else { removed },
            observations_written: written,
            outside_written: 0,
            dry_run: self.dry_run,
        };
        Ok(IndicatorsReport {
            dataset,
            rows_read: written as usize,
            indicators: parsed.indicators,
            countries: parsed.countries,
            years: parsed.years,
            outcome,
            read_seconds,
            write_seconds,
            total_seconds: self.started.elapsed().as_secs_f64(),
            alerts: Vec::new(),
        })
    }

    /// Starts the reading thread: it checks the file and sends progress lines and good rows.
    fn read(&self, bytes: Arc<Vec<u8>>, countries: Arc<Vec<String>>, tx: tokio::sync::mpsc::Sender<Parsed>) -> Reader {
        let (label, started) = (self.label.clone(), self.started);
        tokio::task::spawn_blocking(move || {
            let progress_tx = tx.clone();
            let mut progress = move |line: &str| {
                let _ = progress_tx.blocking_send(Parsed::Progress(line.to_string()));
            };
            let mut known = 0;
            let mut sink = move |rows: Vec<Obs>, codes: &[String]| {
                let new_codes = codes.get(known..).unwrap_or_default().to_vec();
                known = codes.len();
                // A closed channel means the writer failed; its error is the one reported.
                let _ = tx.blocking_send(Parsed::Rows { new_codes, rows });
            };
            let parsed = parse::parse_long_into(&label, &bytes, &countries, &mut progress, Some(&mut sink));
            (parsed, started.elapsed().as_secs_f64())
        })
    }

    /// Waits for the reading thread.
    async fn finish_reading(&self, reader: Reader) -> Result<(Result<LongFile, IngestError>, f64), IngestError> {
        reader.await.map_err(|e| IngestError::File {
            file: self.label.clone(),
            line: None,
            message: format!("reading stopped: {e}"),
        })
    }
}
