//! What [`compute`](super::compute) and [`change`](super::change) return: the indicators of one
//! year, row by row, and their change from one edition to the next.

use std::collections::BTreeMap;

use serde::Serialize;

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
    pub(super) fn new(count: usize, of: usize) -> Share {
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
