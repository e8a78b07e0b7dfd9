//! Imports of external country-year data into `dataset`, `indicator` and `observation`.
//!
//! Every import reads and validates its whole file first and reports every problem at once
//! (`FILE:ROW:COLUMN: message`, the header being row 1); only a file without problems is written,
//! in one audited transaction:
//!
//! - the `dataset` row is created, or updated in place when its slug is already there;
//! - a re-imported dataset's observations are removed first (one `delete_many` audit event per
//!   indicator), its indicators are updated, added or removed to match the file;
//! - the observations are inserted in bulk as ONE audit event (`action = import`) whose summary
//!   records the dataset, the file and its SHA-256;
//! - values of entities outside the 195 states (Kosovo in the EWP releases) go to
//!   `observation_outside`, removed and written with the dataset's observations in the same
//!   transaction.
//!
//! A dry run takes the same path, checks and writes included, and rolls the transaction back at
//! the end instead of committing it.
//!
//! Two formats: the Early Warning Project's statistical risk assessment files ([`ewp`], matched to
//! ISO codes through the crosswalk in [`crosswalk`]) and a generic long format ([`indicators`]).

pub mod crosswalk;
pub mod ewp;
pub mod indicators;
pub mod risk;

use std::collections::BTreeMap;

use nmp_store::entity::{country, dataset, indicator, observation, observation_outside, watch_alert};
use nmp_store::{ColumnTrait, NewObservation, Set, Store, StoreError, Writer};

use crate::IngestError;

/// The actor imports write as, unless the caller names another.
pub const ACTOR: &str = "system:import";

/// How many problems an error keeps (the rest are counted).
pub use nmp_core::problems::MAX_REPORTED;

/// The dataset row an import creates or replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetMeta {
    /// Stable key, e.g. `ewp-2024`.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// The publisher's version or release date.
    pub version: Option<String>,
    /// Where it can be obtained.
    pub url: Option<String>,
    /// Its licence as stated; `None` when not stated.
    pub licence: Option<String>,
    /// The file it was read from (its name, without the directory).
    pub file_name: String,
    /// SHA-256 of that file, hex.
    pub file_sha256: String,
    /// Caveats.
    pub note: Option<String>,
}

/// One indicator of the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorMeta {
    /// Code, unique within the dataset.
    pub code: String,
    /// What it measures.
    pub label: String,
    /// Unit.
    pub unit: Option<String>,
    /// Definition and caveats.
    pub description: Option<String>,
}

/// A validated observation, compact: indexes into the import's indicator and country lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Obs {
    /// Index into the indicator list.
    pub indicator: u16,
    /// Index into the country list.
    pub country: u16,
    /// Calendar year.
    pub year: i32,
    /// Value.
    pub value: f64,
}

/// A validated value of an entity outside the 195 states (no `country` row): stored in
/// `observation_outside`.
#[derive(Debug, Clone, PartialEq)]
pub struct OutsideObs {
    /// Index into the indicator list.
    pub indicator: u16,
    /// The code the entity is matched to (`XKX`).
    pub code: String,
    /// Its name as the file gives it.
    pub name: String,
    /// Calendar year.
    pub year: i32,
    /// Value.
    pub value: f64,
    /// Why it is outside the 195 states.
    pub note: String,
}

/// What writing a dataset did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteOutcome {
    /// Whether a dataset with this slug existed and was replaced.
    pub replaced: bool,
    /// Observations of the earlier import removed (0 for a dry run).
    pub observations_removed: u64,
    /// Observations written (for a dry run: that would be written).
    pub observations_written: u64,
    /// Values of entities outside the 195 states written to `observation_outside` (for a dry
    /// run: that would be written).
    pub outside_written: u64,
    /// Whether this was a dry run (nothing written).
    pub dry_run: bool,
}

pub use nmp_core::sha256_hex;

/// Raises the watchlist alerts of the dataset `slug` when it is a forecast (`ewp-*`,
/// `nmp-risk-*`): called right after an import commits it. Empty for any other dataset.
pub async fn raise_alerts(store: &Store, slug: &str) -> Result<Vec<watch_alert::Model>, IngestError> {
    if nmp_store::watchlist::forecasts::Family::of(slug).is_none() {
        return Ok(Vec::new());
    }
    let Some(d) = store
        .all::<dataset::Entity>()
        .await?
        .into_iter()
        .find(|d| d.slug == slug)
    else {
        return Ok(Vec::new());
    };
    Ok(store.raise_forecast_alerts(d.dataset_id).await?)
}

/// The ISO alpha-3 codes of the countries in the database, in key order.
pub async fn country_codes(store: &Store) -> Result<Vec<String>, IngestError> {
    let codes: Vec<String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| c.country_iso3)
        .collect();
    if codes.is_empty() {
        return Err(IngestError::File {
            file: "country table".into(),
            line: None,
            message: "the database has no countries: run `nmp seed` first".into(),
        });
    }
    Ok(codes)
}

/// Collects row problems, keeping the first [`MAX_REPORTED`] and counting the rest.
pub(crate) use nmp_core::problems::RowProblems as Problems;

/// `Ok` when `problems` holds none, else the error listing them for `file`.
pub(crate) fn rows_result(problems: Problems, file: &str) -> Result<(), IngestError> {
    problems.finish().map_err(|(problems, total)| IngestError::Rows {
        file: file.to_string(),
        problems,
        total,
    })
}

/// How [`write_dataset`] treats an indicator the dataset already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExistingIndicators {
    /// Set its label, unit and description to the import's (the importer defines them).
    Update,
    /// Leave them as they are (an editor may have written them; the file only gives codes).
    Keep,
}

/// What [`write_dataset`] writes.
pub(crate) struct WriteRequest<'a> {
    /// The dataset row.
    pub meta: &'a DatasetMeta,
    /// Its indicators; [`Obs::indicator`] indexes into them.
    pub indicators: &'a [IndicatorMeta],
    /// What to do with indicators the dataset already has.
    pub existing_indicators: ExistingIndicators,
    /// ISO codes; [`Obs::country`] indexes into them.
    pub countries: &'a [String],
    /// The observations.
    pub rows: &'a [Obs],
    /// Values of entities outside the 195 states.
    pub outside: &'a [OutsideObs],
    /// Check and write everything as for real, then roll back: nothing is written.
    pub dry_run: bool,
}

/// Writes a dataset, its indicators and observations in one audited transaction; a dry run
/// takes the same path and rolls the transaction back instead of committing it.
pub(crate) async fn write_dataset(
    store: &Store,
    actor: &str,
    req: WriteRequest<'_>,
) -> Result<WriteOutcome, IngestError> {
    let WriteRequest {
        meta,
        indicators,
        existing_indicators,
        countries,
        rows,
        outside,
        dry_run,
    } = req;
    nmp_core::slug::validate("dataset", &meta.slug).map_err(StoreError::from)?;
    let mut w = store.writer(actor).await?;
    let mut open = OpenDataset::open(&mut w, meta, existing_indicators).await?;
    let mut ids = Vec::with_capacity(indicators.len());
    for ind in indicators {
        ids.push(open.indicator(&mut w, ind).await?);
    }
    let (replaced, removed) = (open.replaced, open.removed);
    open.close(&mut w).await?;

    // Inserting in (country, indicator, year) order keeps both observation indexes growing at a
    // few points instead of all over the B-tree: about a third faster on SQLite for large files.
    let mut order: Vec<&Obs> = rows.iter().collect();
    order.sort_unstable_by_key(|o| (o.country, o.indicator, o.year));
    let new_rows: Vec<NewObservation> = order.into_iter().map(|o| new_observation(o, &ids, countries)).collect();
    let summary = import_summary(meta, indicators.len(), removed);
    let written = w.insert_bulk(&new_rows, &meta.slug, summary).await?;
    let outside_written = if outside.is_empty() {
        0
    } else {
        let rows: Vec<observation_outside::ActiveModel> = outside
            .iter()
            .map(|o| observation_outside::ActiveModel {
                indicator_id: Set(ids[usize::from(o.indicator)]),
                code: Set(o.code.clone()),
                name: Set(o.name.clone()),
                year: Set(o.year),
                value: Set(o.value),
                note: Set(Some(o.note.clone())),
                ..Default::default()
            })
            .collect();
        let summary = serde_json::json!({ "dataset": meta.slug, "file_sha256": meta.file_sha256 });
        w.insert_many(rows, &meta.slug, summary).await?
    };
    if dry_run {
        // The same checks and writes as a real import; dropping the writer undoes them.
        drop(w);
    } else {
        w.commit().await?;
    }
    Ok(WriteOutcome {
        replaced,
        observations_removed: if dry_run { 0 } else { removed },
        observations_written: written,
        outside_written,
        dry_run,
    })
}

/// The observation row of `o`, given the indicator keys (by the import's indicator index) and
/// the country list.
pub(crate) fn new_observation<'a>(o: &Obs, ids: &[i32], countries: &'a [String]) -> NewObservation<'a> {
    NewObservation {
        indicator_id: ids[usize::from(o.indicator)],
        country_iso3: &countries[usize::from(o.country)],
        year: o.year,
        value: o.value,
    }
}

/// The summary recorded with the observations' audit event.
pub(crate) fn import_summary(meta: &DatasetMeta, indicators: usize, removed: u64) -> serde_json::Value {
    serde_json::json!({
        "dataset": meta.slug,
        "file_name": meta.file_name,
        "file_sha256": meta.file_sha256,
        "indicators": indicators,
        "replaced_rows": removed,
    })
}

/// A dataset being written in a writer's transaction: its row is created or updated, its
/// earlier observations are gone, and the import's indicators are matched to its existing ones
/// one by one ([`OpenDataset::indicator`]); [`OpenDataset::close`] removes those the import no
/// longer has.
pub(crate) struct OpenDataset {
    /// The dataset's key.
    pub dataset_id: i32,
    /// Whether it existed before.
    pub replaced: bool,
    /// Observations of the earlier import removed (values outside the 195 states not counted).
    pub removed: u64,
    existing: ExistingIndicators,
    old_by_code: BTreeMap<String, indicator::Model>,
}

impl OpenDataset {
    /// Creates or updates the dataset row and removes its earlier observations (and values of
    /// entities outside the 195 states).
    pub(crate) async fn open(
        w: &mut Writer,
        meta: &DatasetMeta,
        existing: ExistingIndicators,
    ) -> Result<OpenDataset, IngestError> {
        let found = w
            .read_matching::<dataset::Entity>(dataset::Column::Slug.eq(meta.slug.as_str()))
            .await?
            .into_iter()
            .next();
        let replaced = found.is_some();
        let dataset_id = match found {
            Some(old) => {
                let m = meta.clone();
                w.update::<dataset::Entity>(old.dataset_id, old.version, move |row| {
                    row.title = Set(m.title);
                    row.publisher = Set(m.publisher);
                    row.dataset_version = Set(m.version);
                    row.url = Set(m.url);
                    row.licence = Set(m.licence);
                    row.file_name = Set(Some(m.file_name));
                    row.file_sha256 = Set(Some(m.file_sha256));
                    row.note = Set(m.note);
                })
                .await?
                .dataset_id
            }
            None => {
                w.insert(dataset::ActiveModel {
                    slug: Set(meta.slug.clone()),
                    title: Set(meta.title.clone()),
                    publisher: Set(meta.publisher.clone()),
                    dataset_version: Set(meta.version.clone()),
                    url: Set(meta.url.clone()),
                    licence: Set(meta.licence.clone()),
                    file_name: Set(Some(meta.file_name.clone())),
                    file_sha256: Set(Some(meta.file_sha256.clone())),
                    note: Set(meta.note.clone()),
                    ..Default::default()
                })
                .await?
                .dataset_id
            }
        };
        let old_indicators = w
            .read_matching::<indicator::Entity>(indicator::Column::DatasetId.eq(dataset_id))
            .await?;
        let mut removed = 0;
        for old in &old_indicators {
            removed += w
                .delete_many::<observation::Entity, _>(
                    observation::Column::IndicatorId,
                    old.indicator_id,
                    &format!("{}:{}", meta.slug, old.code),
                )
                .await?;
        }
        // Only indicators that hold such values get a `delete_many` event of their own.
        let outside = w
            .read_matching::<observation_outside::Entity>(
                observation_outside::Column::IndicatorId.is_in(old_indicators.iter().map(|i| i.indicator_id)),
            )
            .await?;
        for old in old_indicators
            .iter()
            .filter(|i| outside.iter().any(|o| o.indicator_id == i.indicator_id))
        {
            w.delete_many::<observation_outside::Entity, _>(
                observation_outside::Column::IndicatorId,
                old.indicator_id,
                &format!("{}:{}", meta.slug, old.code),
            )
            .await?;
        }
        Ok(OpenDataset {
            dataset_id,
            replaced,
            removed,
            existing,
            old_by_code: old_indicators.into_iter().map(|i| (i.code.clone(), i)).collect(),
        })
    }

    /// The key of the import's indicator `ind`: the dataset's existing one with that code
    /// (updated if the import defines it differently and [`ExistingIndicators::Update`]), or a
    /// new one. Each code is asked for once.
    pub(crate) async fn indicator(&mut self, w: &mut Writer, ind: &IndicatorMeta) -> Result<i32, IngestError> {
        Ok(match self.old_by_code.remove(&ind.code) {
            Some(old)
                if self.existing == ExistingIndicators::Keep
                    || (old.label == ind.label && old.unit == ind.unit && old.description == ind.description) =>
            {
                old.indicator_id
            }
            Some(old) => {
                let new = ind.clone();
                w.update::<indicator::Entity>(old.indicator_id, old.version, move |row| {
                    row.label = Set(new.label);
                    row.unit = Set(new.unit);
                    row.description = Set(new.description);
                })
                .await?
                .indicator_id
            }
            None => {
                w.insert(indicator::ActiveModel {
                    dataset_id: Set(self.dataset_id),
                    code: Set(ind.code.clone()),
                    label: Set(ind.label.clone()),
                    unit: Set(ind.unit.clone()),
                    description: Set(ind.description.clone()),
                    ..Default::default()
                })
                .await?
                .indicator_id
            }
        })
    }

    /// Removes the indicators the import did not ask for (their observations are gone already).
    pub(crate) async fn close(self, w: &mut Writer) -> Result<(), IngestError> {
        for gone in self.old_by_code.into_values() {
            w.delete::<indicator::Entity>(gone.indicator_id, gone.version).await?;
        }
        Ok(())
    }
}

/// Look-up of the country codes: a direct table over the 26³ upper-case three-letter codes, so a
/// million rows cost a million array reads rather than a million hashes.
pub(crate) struct CountryIndex {
    table: Vec<u16>,
}

impl CountryIndex {
    const NONE: u16 = u16::MAX;

    fn slot(code: &[u8]) -> Option<usize> {
        match code {
            [a, b, c] if code.iter().all(u8::is_ascii_uppercase) => {
                Some((usize::from(a - b'A') * 26 + usize::from(b - b'A')) * 26 + usize::from(c - b'A'))
            }
            _ => None,
        }
    }

    /// The index of `code` in the country list it was built from.
    pub(crate) fn get(&self, code: &[u8]) -> Option<u16> {
        let found = *self.table.get(Self::slot(code)?)?;
        (found != Self::NONE).then_some(found)
    }
}

/// Index of every country code, for validation.
pub(crate) fn country_index(countries: &[String]) -> CountryIndex {
    let mut table = vec![CountryIndex::NONE; 26 * 26 * 26];
    for (i, c) in countries.iter().enumerate() {
        if let (Some(slot), Ok(i)) = (CountryIndex::slot(c.as_bytes()), u16::try_from(i)) {
            table[slot] = i;
        }
    }
    CountryIndex { table }
}
