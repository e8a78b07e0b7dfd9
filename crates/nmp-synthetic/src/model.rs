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
    /// Initiatives (each in a mechanism's country, most run by that mechanism).
    pub initiatives: usize,
    /// Initiatives rated in the full edition's assessment round (at most `initiatives`).
    pub round_targets: usize,
    /// Raters of that round (synthetic accounts).
    pub raters: usize,
}

impl Scale {
    /// The benchmark scale: 150 mechanisms, 3,000 memberships, 50,000 activities, 100,000
    /// citations, 12 editions, 2,000 sources, 40 initiatives of which 30 are rated by 4 raters.
    pub fn full() -> Scale {
        Scale {
            mechanisms: 150,
            memberships_per_mechanism: 20,
            activities: 50_000,
            citations: 100_000,
            editions: 12,
            sources: 2_000,
            initiatives: 40,
            round_targets: 30,
            raters: 4,
        }
    }

    /// This scale `n` times over (`nmp demo synthetic --scale N`): `n` times the mechanisms (so
    /// the memberships, statuses, function levels and the last edition's profiles, one per
    /// mechanism), the activities, the citations, the sources and the initiatives. The editions,
    /// the assessment round's targets and its raters stay as they are, and so do the countries
    /// (the real ones). `n = 1` is this scale itself; `n = 0` is taken as 1.
    pub fn times(&self, n: usize) -> Scale {
        let n = n.max(1);
        Scale {
            mechanisms: self.mechanisms * n,
            memberships_per_mechanism: self.memberships_per_mechanism,
            activities: self.activities * n,
            citations: self.citations * n,
            editions: self.editions,
            sources: self.sources * n,
            initiatives: self.initiatives * n,
            round_targets: self.round_targets,
            raters: self.raters,
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
            initiatives: 6,
            round_targets: 5,
            raters: 3,
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
    /// A part of the full edition (index into [`Plan::parts`]), for its summary.
    Part(usize),
    /// An initiative (index into [`Plan::initiatives`]).
    Initiative(usize),
    /// A partner of an initiative: (index into [`Plan::initiatives`], index into its partners).
    Partner(usize, usize),
    /// A consensus (index into [`Plan::consensus`]): its evidence.
    Consensus(usize),
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
    pub initiatives: Vec<Initiative>,
    pub raters: Vec<Rater>,
    /// The full edition's assessment round, when there is anything to rate.
    pub round: Option<Round>,
    pub ratings: Vec<Rating>,
    pub consensus: Vec<Consensus>,
}

/// An initiative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initiative {
    pub slug: String,
    pub title: String,
    /// Index into the initiative kind codes given to [`crate::plan::outcomes`].
    pub kind: usize,
    pub country: String,
    /// The mechanism that runs it (index into [`Plan::mechanisms`]).
    pub mechanism: Option<usize>,
    /// Lead organisation (index into [`Plan::organizations`]).
    pub lead: usize,
    /// Partner organisations (indexes into [`Plan::organizations`]), with their roles.
    pub partners: Vec<(usize, &'static str)>,
    pub started_on: String,
    pub ended_on: Option<String>,
    pub description: String,
}

/// A rater of the round: a synthetic account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rater {
    pub email: String,
    pub name: String,
    pub role: &'static str,
    /// `R1`, `R2`, ...
    pub pseudonym: String,
}

/// The full edition's assessment round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub title: String,
    pub due_on: String,
    pub note: String,
    /// The initiatives it rates (indexes into [`Plan::initiatives`]).
    pub targets: Vec<usize>,
}

/// One rater's rating of one criterion of one target, with one piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// Index into [`Round::targets`].
    pub target: usize,
    /// Index of the criterion, in the framework's order.
    pub criterion: usize,
    /// Index into [`Plan::raters`].
    pub rater: usize,
    /// The level's rank, from 1.
    pub rank: usize,
    pub rationale: String,
    /// The evidence's source (index into [`Plan::sources`]) and locator.
    pub source: usize,
    pub locator: String,
}

/// The consensus of one criterion of one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consensus {
    /// Index into [`Round::targets`].
    pub target: usize,
    /// Index of the criterion, in the framework's order.
    pub criterion: usize,
    /// The level's rank, from 1.
    pub rank: usize,
    pub rationale: String,
}

/// The label every synthetic name carries.
pub const LABEL: &str = "(synthetic data)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_multiplies_what_grows_with_a_review_and_keeps_the_rest() {
        let base = Scale::full();
        assert_eq!(base.times(1), base);
        assert_eq!(base.times(0), base, "0 is taken as 1");
        let ten = base.times(10);
        assert_eq!(ten.mechanisms, 1_500);
        assert_eq!(ten.mechanisms * ten.memberships_per_mechanism, 30_000);
        assert_eq!(ten.activities, 500_000);
        assert_eq!(ten.citations, 1_000_000);
        assert_eq!(ten.sources, 20_000);
        assert_eq!(ten.initiatives, 400);
        assert_eq!(
            (ten.editions, ten.round_targets, ten.raters),
            (base.editions, base.round_targets, base.raters)
        );
    }
}
