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

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::PartialDate;
use crate::vocab::{FunctionLevel, MechanismStatus, Sector};

/// A country, for grouping.
#[derive(Debug, Clone)]
pub struct CountryFact {
    /// ISO alpha-3.
    pub iso3: String,
    /// UN geoscheme region code.
    pub region: Option<String>,
    /// UN regional group code.
    pub group: Option<String>,
}

/// A dated status of a mechanism (sourced only).
#[derive(Debug, Clone)]
pub struct StatusFact {
    /// The status.
    pub status: MechanismStatus,
    /// Since when, if known.
    pub on: Option<PartialDate>,
}

/// A member organisation.
#[derive(Debug, Clone)]
pub struct MemberFact {
    /// Its sector, if classified.
    pub sector: Option<Sector>,
    /// Since when.
    pub since: Option<PartialDate>,
    /// Until when.
    pub until: Option<PartialDate>,
}

/// A mechanism and what is known of it.
#[derive(Debug, Clone)]
pub struct MechanismFact {
    /// Slug.
    pub slug: String,
    /// ISO alpha-3 of its country, if national.
    pub iso3: Option<String>,
    /// Level code.
    pub level: String,
    /// Type code.
    pub kind: String,
    /// Dated evidence that it existed: created, launched, dated activities, the years of the
    /// editions that featured it.
    pub evidence: Vec<PartialDate>,
    /// Status history (sourced rows only).
    pub statuses: Vec<StatusFact>,
    /// Members (sourced rows only).
    pub members: Vec<MemberFact>,
    /// Function levels by edition slug: function code → level.
    pub functions: BTreeMap<String, BTreeMap<String, FunctionLevel>>,
}

/// A state's membership of a network (sourced only).
#[derive(Debug, Clone)]
pub struct NetworkFact {
    /// Network slug.
    pub network: String,
    /// ISO alpha-3.
    pub iso3: String,
    /// Joined.
    pub joined: Option<PartialDate>,
    /// Left.
    pub left: Option<PartialDate>,
}

/// Everything the indicators are computed from.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Countries (the denominator of shares).
    pub countries: Vec<CountryFact>,
    /// Mechanisms.
    pub mechanisms: Vec<MechanismFact>,
    /// Function vocabulary: code → label, in display order.
    pub functions: Vec<(String, String)>,
    /// Network memberships.
    pub networks: Vec<NetworkFact>,
}

/// A count with its share of a whole.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    /// How many.
    pub count: usize,
    /// Of how many.
    pub of: usize,
    /// `count / of`, 0 when `of` is 0.
    pub share: f64,
}

impl Share {
    fn new(count: usize, of: usize) -> Share {
        Share {
            count,
            of,
            share: if of == 0 { 0.0 } else { count as f64 / of as f64 },
        }
    }
}

/// The states with a mechanism in one group of countries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRow {
    /// Region or regional group code (`none` when the country has none).
    pub group: String,
    /// States with at least one national mechanism, of the group's states.
    pub with_mechanism: Share,
}

/// How the mechanisms carry out one function.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunctionRow {
    /// Function code.
    pub function: String,
    /// Function label.
    pub label: String,
    /// Mechanisms at each level, by level code (`none`, `planned`, `partial`, `operational`); a
    /// mechanism with no assessment for the edition counts as `none`.
    pub levels: BTreeMap<String, Share>,
    /// Mechanisms assessed for this function in the edition.
    pub assessed: usize,
}

/// The membership breadth of one mechanism.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreadthRow {
    /// Mechanism slug.
    pub mechanism: String,
    /// Distinct breadth sectors among its members, of the thirteen.
    pub sectors: Share,
    /// Their codes.
    pub sector_codes: Vec<String>,
    /// Member organisations counted.
    pub members: usize,
}

/// A network's member states by region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkRow {
    /// Network slug.
    pub network: String,
    /// Member states.
    pub members: usize,
    /// By UN region code.
    pub by_region: BTreeMap<String, usize>,
}

/// The indicators as of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicators {
    /// The year (`None`: everything recorded, dated or not).
    pub as_of: Option<i32>,
    /// The edition whose function assessments are used, if any.
    pub edition: Option<String>,
    /// States with at least one national mechanism that exists.
    pub states_with_mechanism: Share,
    /// Mechanisms that exist, by level code.
    pub mechanisms_by_level: BTreeMap<String, usize>,
    /// Mechanisms that exist, by type code.
    pub mechanisms_by_type: BTreeMap<String, usize>,
    /// Mechanisms that exist, by latest status code (`unknown` when none is recorded).
    pub mechanisms_by_status: BTreeMap<String, usize>,
    /// States with a national mechanism by UN region.
    pub by_region: Vec<GroupRow>,
    /// States with a national mechanism by UN regional group.
    pub by_group: Vec<GroupRow>,
    /// Function coverage (for the edition).
    pub functions: Vec<FunctionRow>,
    /// Membership breadth of each mechanism with recorded members.
    pub breadth: Vec<BreadthRow>,
    /// Mean number of breadth sectors per mechanism with recorded members.
    pub mean_breadth: f64,
    /// Mechanisms with recorded members that include at least one non-state member.
    pub with_non_state_members: Share,
    /// Network membership by network and region.
    pub networks: Vec<NetworkRow>,
}

/// The change of the headline figures from one edition to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The earlier year.
    pub from: Option<i32>,
    /// The later year.
    pub to: Option<i32>,
    /// Change in states with a mechanism.
    pub states_with_mechanism: i64,
    /// Change in mechanisms by level.
    pub mechanisms_by_level: BTreeMap<String, i64>,
    /// Change in states with a mechanism by region.
    pub by_region: BTreeMap<String, i64>,
    /// Change in network members by network.
    pub network_members: BTreeMap<String, i64>,
    /// Change in mean breadth.
    pub mean_breadth: f64,
}

fn by(date: &Option<PartialDate>, year: Option<i32>) -> bool {
    match (date, year) {
        (_, None) => true,
        (Some(d), Some(y)) => d.date.year() <= y,
        (None, Some(_)) => true,
    }
}

fn dated_by(date: &PartialDate, year: Option<i32>) -> bool {
    year.is_none_or(|y| date.date.year() <= y)
}

/// The latest status of `m` by `year` (dated statuses in date order, then undated ones).
pub fn latest_status(m: &MechanismFact, year: Option<i32>) -> Option<MechanismStatus> {
    let mut dated: Vec<&StatusFact> = m
        .statuses
        .iter()
        .filter(|s| s.on.is_some_and(|d| dated_by(&d, year)))
        .collect();
    dated.sort_by_key(|s| s.on);
    let undated = m.statuses.iter().rfind(|s| s.on.is_none());
    match (dated.last(), undated) {
        (_, Some(u)) if year.is_none() => Some(u.status),
        (Some(d), _) => Some(d.status),
        (None, Some(u)) => Some(u.status),
        (None, None) => None,
    }
}

/// Whether `m` is known to have been set up by `year`, whether or not it was dissolved since: some
/// dated evidence of it (created, launched, a dated status or activity, an edition featuring it)
/// is in or before `year`. Everything recorded is known when `year` is `None`.
pub fn known_by(m: &MechanismFact, year: Option<i32>) -> bool {
    let mut evidence = m.evidence.iter().chain(m.statuses.iter().filter_map(|s| s.on.as_ref()));
    match year {
        None => true,
        Some(_) => evidence.any(|d| dated_by(d, year)),
    }
}

/// Whether `m` is known to exist by `year`: known by then ([`known_by`]) and not dissolved by
/// then.
pub fn exists(m: &MechanismFact, year: Option<i32>) -> bool {
    known_by(m, year) && latest_status(m, year) != Some(MechanismStatus::Dissolved)
}

/// Where a state stands as of a year, by its national mechanisms: what the map colours it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Standing {
    /// A national mechanism that is established or active (or has no recorded status).
    Established,
    /// No established one, but one proposed or in process.
    InProcess,
    /// Only dormant national mechanisms.
    Dormant,
    /// National mechanisms were set up, and every one of them had been dissolved by then. Such a
    /// state does not count as having a mechanism.
    Dissolved,
}

impl Standing {
    /// Every standing, in legend order.
    pub const ALL: [Standing; 4] = [
        Standing::Established,
        Standing::InProcess,
        Standing::Dormant,
        Standing::Dissolved,
    ];

    /// Whether a state with this standing counts as a state with a national mechanism.
    pub fn counts(self) -> bool {
        self != Standing::Dissolved
    }

    /// The label used in legends and tables.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Established => "Established or active",
            Standing::InProcess => "Proposed or in process",
            Standing::Dormant => "Dormant",
            Standing::Dissolved => "Dissolved",
        }
    }

    fn of(m: &MechanismFact, year: Option<i32>) -> Standing {
        if !exists(m, year) {
            return Standing::Dissolved;
        }
        match latest_status(m, year) {
            Some(MechanismStatus::Proposed | MechanismStatus::InProcess) => Standing::InProcess,
            Some(MechanismStatus::Dormant) => Standing::Dormant,
            _ => Standing::Established,
        }
    }
}

/// The standing of every state (of `facts.countries`) with a national mechanism known by `year`
/// ([`known_by`]), by ISO alpha-3: the best of its mechanisms' standings. States without one are
/// absent. This is the one definition of "a state with a national mechanism as of `year`": the
/// states whose standing [`Standing::counts`] are [`Indicators::states_with_mechanism`], the
/// coloured states of the map and the home page's list.
pub fn national_standing(facts: &Facts, year: Option<i32>) -> BTreeMap<String, Standing> {
    let countries: BTreeSet<&str> = facts.countries.iter().map(|c| c.iso3.as_str()).collect();
    let mut out: BTreeMap<String, Standing> = BTreeMap::new();
    for m in facts.mechanisms.iter().filter(|m| m.level == "national") {
        let Some(iso3) = m.iso3.as_deref().filter(|c| countries.contains(c)) else {
            continue;
        };
        if !known_by(m, year) {
            continue;
        }
        let standing = Standing::of(m, year);
        out.entry(iso3.to_string())
            .and_modify(|s| *s = (*s).min(standing))
            .or_insert(standing);
    }
    out
}

/// The states with a national mechanism as of `year` (ISO alpha-3): see [`national_standing`].
pub fn states_with_mechanism(facts: &Facts, year: Option<i32>) -> BTreeSet<String> {
    national_standing(facts, year)
        .into_iter()
        .filter(|(_, s)| s.counts())
        .map(|(iso3, _)| iso3)
        .collect()
}

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
