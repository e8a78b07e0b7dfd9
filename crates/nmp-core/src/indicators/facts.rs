//! What the indicators are computed from: plain facts about countries, mechanisms, their
//! statuses, members, functions and network memberships, read by the caller from the store.

use std::collections::BTreeMap;

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
