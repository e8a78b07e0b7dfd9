//! The report's indicators, computed from plain facts (no I/O): how many states have a mechanism
//! (by level, status, UN region and regional group), which functions mechanisms carry out, how
//! broad their membership is across government and society, how far non-state actors take part,
//! and network membership by region; each "as of" a year, so that an edition can be compared with
//! the one before. Definitions, units and caveats are in `docs/methodology.md`.
//!
//! "As of year Y" means: a fact dated in or before Y (at any precision: `2012`, `2015-06`, ...)
//! counts; a fact dated after Y does not; an undated fact counts only when the mechanism is
//! otherwise known to exist by Y. A mechanism is known to exist by Y when its earliest evidence
//! (created, launched, a dated status, a dated activity, or being featured in an edition of year
//! Y or earlier) is in or before Y, and its latest status by Y is not `dissolved`. Facts marked
//! `unverified` are left out.

mod as_of;
mod facts;
mod rows;

use std::collections::{BTreeMap, BTreeSet};

use crate::vocab::{FunctionLevel, Sector};

use as_of::by;
pub use as_of::{Standing, exists, known_by, latest_status, national_standing, states_with_mechanism};
pub use facts::{CountryFact, Facts, MechanismFact, MemberFact, NetworkFact, StatusFact};
pub use rows::{BreadthRow, Change, FunctionRow, GroupRow, Indicators, NetworkRow, Share};

fn group_rows(facts: &Facts, with: &BTreeSet<&str>, key: impl Fn(&CountryFact) -> Option<&String>) -> Vec<GroupRow> {
    let mut groups: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for c in &facts.countries {
        let g = key(c).cloned().unwrap_or_else(|| "none".into());
        let entry = groups.entry(g).or_default();
        entry.1 += 1;
        if with.contains(c.iso3.as_str()) {
            entry.0 += 1;
        }
    }
    groups
        .into_iter()
        .map(|(group, (n, of))| GroupRow {
            group,
            with_mechanism: Share::new(n, of),
        })
        .collect()
}

/// The indicators as of `year` (None: everything), with function assessments of `edition`.
pub fn compute(facts: &Facts, year: Option<i32>, edition: Option<&str>) -> Indicators {
    let existing: Vec<&MechanismFact> = facts.mechanisms.iter().filter(|m| exists(m, year)).collect();
    let with_owned = states_with_mechanism(facts, year);
    let with: BTreeSet<&str> = with_owned.iter().map(String::as_str).collect();
    let mut by_level = BTreeMap::new();
    let mut by_type = BTreeMap::new();
    let mut by_status = BTreeMap::new();
    for m in &existing {
        *by_level.entry(m.level.clone()).or_insert(0) += 1;
        *by_type.entry(m.kind.clone()).or_insert(0) += 1;
        let status = latest_status(m, year)
            .map(|s| s.code().to_string())
            .unwrap_or_else(|| "unknown".into());
        *by_status.entry(status).or_insert(0) += 1;
    }
    let functions = facts
        .functions
        .iter()
        .map(|(code, label)| {
            let mut levels: BTreeMap<String, usize> =
                FunctionLevel::ALL.iter().map(|l| (l.code().to_string(), 0)).collect();
            let mut assessed = 0;
            for m in &existing {
                let level = edition
                    .and_then(|e| m.functions.get(e))
                    .and_then(|f| f.get(code))
                    .copied();
                if level.is_some() {
                    assessed += 1;
                }
                *levels
                    .entry(level.unwrap_or(FunctionLevel::None).code().to_string())
                    .or_insert(0) += 1;
            }
            let total = existing.len();
            FunctionRow {
                function: code.clone(),
                label: label.clone(),
                levels: levels.into_iter().map(|(k, n)| (k, Share::new(n, total))).collect(),
                assessed,
            }
        })
        .collect();
    let mut breadth = Vec::new();
    let mut non_state = 0;
    for m in &existing {
        let members: Vec<&MemberFact> = m
            .members
            .iter()
            .filter(|x| by(&x.since, year) && x.until.is_none_or(|u| year.is_none_or(|y| u.date.year() >= y)))
            .collect();
        if members.is_empty() {
            continue;
        }
        let sectors: BTreeSet<Sector> = members
            .iter()
            .filter_map(|x| x.sector)
            .filter(|s| Sector::BREADTH.contains(s))
            .collect();
        if members.iter().any(|x| x.sector.is_some_and(Sector::is_non_state)) {
            non_state += 1;
        }
        breadth.push(BreadthRow {
            mechanism: m.slug.clone(),
            sectors: Share::new(sectors.len(), Sector::BREADTH.len()),
            sector_codes: sectors.iter().map(|s| s.code().to_string()).collect(),
            members: members.len(),
        });
    }
    let mean_breadth = if breadth.is_empty() {
        0.0
    } else {
        breadth.iter().map(|b| b.sectors.count as f64).sum::<f64>() / breadth.len() as f64
    };
    let region_of: BTreeMap<&str, &str> = facts
        .countries
        .iter()
        .map(|c| (c.iso3.as_str(), c.region.as_deref().unwrap_or("none")))
        .collect();
    let mut networks: BTreeMap<String, BTreeMap<String, BTreeSet<&str>>> = BTreeMap::new();
    for n in &facts.networks {
        let joined = by(&n.joined, year);
        let still = n.left.is_none_or(|l| year.is_some_and(|y| l.date.year() > y));
        if joined && still {
            let region = region_of.get(n.iso3.as_str()).copied().unwrap_or("none");
            networks
                .entry(n.network.clone())
                .or_default()
                .entry(region.to_string())
                .or_default()
                .insert(&n.iso3);
        }
    }
    Indicators {
        as_of: year,
        edition: edition.map(str::to_string),
        states_with_mechanism: Share::new(with.len(), facts.countries.len()),
        mechanisms_by_level: by_level,
        mechanisms_by_type: by_type,
        mechanisms_by_status: by_status,
        by_region: group_rows(facts, &with, |c| c.region.as_ref()),
        by_group: group_rows(facts, &with, |c| c.group.as_ref()),
        functions,
        with_non_state_members: Share::new(non_state, breadth.len()),
        breadth,
        mean_breadth,
        networks: networks
            .into_iter()
            .map(|(network, regions)| NetworkRow {
                members: regions.values().map(BTreeSet::len).sum(),
                by_region: regions.into_iter().map(|(r, s)| (r, s.len())).collect(),
                network,
            })
            .collect(),
    }
}

fn diff_maps<K: Ord + Clone>(a: &BTreeMap<K, usize>, b: &BTreeMap<K, usize>) -> BTreeMap<K, i64> {
    a.keys()
        .chain(b.keys())
        .map(|k| {
            (
                k.clone(),
                *b.get(k).unwrap_or(&0) as i64 - *a.get(k).unwrap_or(&0) as i64,
            )
        })
        .collect()
}

/// The change from `before` to `after`.
pub fn change(before: &Indicators, after: &Indicators) -> Change {
    let regions = |i: &Indicators| {
        i.by_region
            .iter()
            .map(|r| (r.group.clone(), r.with_mechanism.count))
            .collect::<BTreeMap<_, _>>()
    };
    let nets = |i: &Indicators| {
        i.networks
            .iter()
            .map(|n| (n.network.clone(), n.members))
            .collect::<BTreeMap<_, _>>()
    };
    Change {
        from: before.as_of,
        to: after.as_of,
        states_with_mechanism: after.states_with_mechanism.count as i64 - before.states_with_mechanism.count as i64,
        mechanisms_by_level: diff_maps(&before.mechanisms_by_level, &after.mechanisms_by_level),
        by_region: diff_maps(&regions(before), &regions(after)),
        network_members: diff_maps(&nets(before), &nets(after)),
        mean_breadth: after.mean_breadth - before.mean_breadth,
    }
}

#[cfg(test)]
mod tests;
