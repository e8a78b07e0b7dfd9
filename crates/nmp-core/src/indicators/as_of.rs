//! "As of year Y": which facts count by a year, a mechanism's latest status and whether it is
//! known to exist by then, and each state's standing (see the module above for the rules).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::facts::{Facts, MechanismFact, StatusFact};
use crate::PartialDate;
use crate::vocab::MechanismStatus;

pub(super) fn by(date: &Option<PartialDate>, year: Option<i32>) -> bool {
    match (date, year) {
        (_, None) => true,
        (Some(d), Some(y)) => d.date.year() <= y,
        (None, Some(_)) => true,
    }
}

pub(super) fn dated_by(date: &PartialDate, year: Option<i32>) -> bool {
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
