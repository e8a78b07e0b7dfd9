//! The report's global overview: the states with a national mechanism as of the edition's year,
//! by UN region. It uses the same facts and existence rule as the analysis bench
//! (`Store::indicator_facts`, `nmp_core::indicators::exists`; see docs/methodology.md), so the
//! report and the website agree.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::indicators::exists;
use nmp_core::vocab::geo_label;
use nmp_store::Store;
use nmp_store::entity::country;
use serde::{Deserialize, Serialize};

use crate::ReportError;

/// The global overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// The year the counts are "as of" (`None`: all recorded data).
    pub year: Option<i32>,
    /// States in the reference list.
    pub states: usize,
    /// States with a national mechanism.
    pub with_mechanism: usize,
    /// By UN region, in region order.
    pub regions: Vec<RegionRow>,
    /// States with a national mechanism, by name.
    pub countries: Vec<CountryRow>,
    /// M49 codes of every state in the reference list (for the map).
    pub m49: Vec<String>,
}

/// One UN region of the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionRow {
    /// Region label (`Africa`).
    pub region: String,
    /// States in the region with a national mechanism.
    pub with_mechanism: usize,
    /// States in the region.
    pub states: usize,
}

/// A state with a national mechanism.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryRow {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// M49 code.
    pub m49: String,
    /// Name.
    pub name: String,
    /// UN region label.
    pub region: String,
}

/// States with a national mechanism as of `year`, by UN region.
pub(crate) async fn overview(
    store: &Store,
    countries: &[country::Model],
    year: Option<i32>,
) -> Result<Overview, ReportError> {
    let facts = store.indicator_facts().await?;
    let with: BTreeSet<String> = facts
        .mechanisms
        .iter()
        .filter(|m| m.level == "national" && exists(m, year))
        .filter_map(|m| m.iso3.clone())
        .collect();
    let mut regions: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut rows = Vec::new();
    for c in countries {
        let region = c
            .un_region
            .as_deref()
            .map(geo_label)
            .unwrap_or_else(|| "No region".into());
        let entry = regions.entry(region.clone()).or_default();
        entry.1 += 1;
        if with.contains(&c.country_iso3) {
            entry.0 += 1;
            rows.push(CountryRow {
                iso3: c.country_iso3.clone(),
                m49: c.m49.clone(),
                name: c.name.clone(),
                region,
            });
        }
    }
    rows.sort_by(|a, b| (&a.name, &a.iso3).cmp(&(&b.name, &b.iso3)));
    let mut m49: Vec<String> = countries.iter().map(|c| c.m49.clone()).collect();
    m49.sort();
    Ok(Overview {
        year,
        states: countries.len(),
        with_mechanism: rows.len(),
        regions: regions
            .into_iter()
            .map(|(region, (n, of))| RegionRow {
                region,
                with_mechanism: n,
                states: of,
            })
            .collect(),
        countries: rows,
        m49,
    })
}
