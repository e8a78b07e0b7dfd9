//! The synthetic dataset as plain values: the [`Scale`] that says how much to make, the
//! countries it is placed in, and the records of a [`Plan`], which refer to each other by index
//! (`write.rs` turns the indexes into keys as it writes).

/// How much to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// Mechanisms (one profile each in the last edition).
    pub mechanisms: usize,
    /// Member organisations per mechanism (each a membership).
    pub memberships_per_mechanism: usize,
    /// Activities, spread over the mechanisms.
    pub activities: usize,
    /// Citations: every fact gets its share, activities the rest.
    pub citations: usize,
    /// Editions, one a year from 2014; the last has a profile of every mechanism.
    pub editions: usize,
    /// Sources the citations point to.
    pub sources: usize,
}

impl Scale {
    /// The benchmark scale: 150 mechanisms, 3,000 memberships, 50,000 activities, 100,000
    /// citations, 12 editions, 2,000 sources.
    pub fn full() -> Scale {
        Scale {
            mechanisms: 150,
            memberships_per_mechanism: 20,
            activities: 50_000,
            citations: 100_000,
            editions: 12,
            sources: 2_000,
        }
    }

    /// A small scale for tests.
    pub fn small() -> Scale {
        Scale {
            mechanisms: 8,
            memberships_per_mechanism: 3,
            activities: 40,
            citations: 300,
            editions: 3,
            sources: 10,
        }
    }
}

/// A country the plan places mechanisms in: ISO alpha-3 and UN geoscheme region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCountry {
    /// ISO alpha-3.
    pub iso3: String,
    /// UN geoscheme region code (`africa`, ...).
    pub region: Option<String>,
}

/// A source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub slug: String,
    pub title: String,
    pub kind: &'static str,
    pub publisher: String,
    pub published_on: String,
    pub url: String,
}

/// An organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub slug: String,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: &'static str,
    pub sector: &'static str,
    pub country: Option<String>,
}

/// An edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    /// The year it covers.
    pub year: i32,
    pub published_on: String,
    /// Whether this is the edition with a profile of every mechanism.
    pub full: bool,
}

/// A part of the full edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub key: String,
    pub position: i32,
    pub title: String,
    pub summary: Option<String>,
    /// The region whose profiles it holds.
    pub region: Option<String>,
}

/// A mechanism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mechanism {
    pub slug: String,
    pub name: String,
    pub acronym: String,
    pub country: String,
    pub region: Option<String>,
    pub kind: &'static str,
    pub created_on: String,
    pub launched_on: Option<String>,
    /// Index into [`Plan::organizations`].
    pub lead: usize,
    pub mandate: String,
    pub instrument_kind: &'static str,
    pub instrument_number: String,
    pub instrument_date: String,
    pub instrument_title: String,
}

/// A dated status of a mechanism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub mechanism: usize,
    pub status: &'static str,
    pub on: String,
}

/// An organisation's membership of a mechanism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub mechanism: usize,
    pub organization: usize,
    pub role: &'static str,
    pub since: String,
}

/// A function's level for a mechanism in an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionLevel {
    pub mechanism: usize,
    pub edition: usize,
    /// Index into the function codes given to [`crate::plan::plan`].
    pub function: usize,
    pub level: &'static str,
    pub evidence: String,
}

/// An activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub mechanism: usize,
    pub on: String,
    pub kind: &'static str,
    pub function: Option<usize>,
    pub title: String,
    pub description: String,
    pub outcome: Option<String>,
}

/// A profile in the full edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub mechanism: usize,
    pub part: usize,
    pub section: &'static str,
    pub page: i32,
    /// History, mandate, structure, outputs, challenges, recent developments.
    pub narrative: [String; 6],
}

/// What a citation supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Mechanism(usize),
    Status(usize),
    Membership(usize),
    FunctionLevel(usize),
    Activity(usize),
    Profile(usize),
}

/// A citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub target: Target,
    pub field: Option<&'static str>,
    pub source: usize,
    pub locator: String,
}

/// The whole synthetic dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub seed: u64,
    pub sources: Vec<Source>,
    pub organizations: Vec<Organization>,
    /// Index into [`Plan::organizations`] of the publisher of every edition.
    pub publisher: usize,
    pub editions: Vec<Edition>,
    pub parts: Vec<Part>,
    pub mechanisms: Vec<Mechanism>,
    pub statuses: Vec<Status>,
    pub memberships: Vec<Membership>,
    pub function_levels: Vec<FunctionLevel>,
    pub activities: Vec<Activity>,
    pub profiles: Vec<Profile>,
    pub citations: Vec<Citation>,
}

/// The label every synthetic name carries.
pub const LABEL: &str = "(synthetic data)";
