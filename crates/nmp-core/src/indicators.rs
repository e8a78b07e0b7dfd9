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
fn latest_status(m: &MechanismFact, year: Option<i32>) -> Option<MechanismStatus> {
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

/// Whether `m` is known to exist by `year`.
pub fn exists(m: &MechanismFact, year: Option<i32>) -> bool {
    let evidence = m.evidence.iter().chain(m.statuses.iter().filter_map(|s| s.on.as_ref()));
    let known = match year {
        None => true,
        Some(_) => evidence.into_iter().any(|d| dated_by(d, year)),
    };
    known && latest_status(m, year) != Some(MechanismStatus::Dissolved)
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
    let countries: BTreeSet<&str> = facts.countries.iter().map(|c| c.iso3.as_str()).collect();
    let with: BTreeSet<&str> = existing
        .iter()
        .filter(|m| m.level == "national")
        .filter_map(|m| m.iso3.as_deref())
        .filter(|c| countries.contains(c))
        .collect();
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
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse("test", s).unwrap()
    }

    fn country(iso3: &str, region: &str, group: &str) -> CountryFact {
        CountryFact {
            iso3: iso3.into(),
            region: Some(region.into()),
            group: Some(group.into()),
        }
    }

    fn mechanism(slug: &str, iso3: &str, evidence: &[&str]) -> MechanismFact {
        MechanismFact {
            slug: slug.into(),
            iso3: Some(iso3.into()),
            level: "national".into(),
            kind: "committee".into(),
            evidence: evidence.iter().map(|e| d(e)).collect(),
            statuses: vec![],
            members: vec![],
            functions: BTreeMap::new(),
        }
    }

    /// Synthetic facts: three African states and one in the Americas.
    fn facts() -> Facts {
        let mut a = mechanism("a", "AAA", &["2012"]);
        a.statuses = vec![StatusFact {
            status: MechanismStatus::Established,
            on: Some(d("2012-05")),
        }];
        a.members = vec![
            MemberFact {
                sector: Some(Sector::Justice),
                since: None,
                until: None,
            },
            MemberFact {
                sector: Some(Sector::ForeignAffairs),
                since: None,
                until: None,
            },
            MemberFact {
                sector: Some(Sector::CivilSociety),
                since: Some(d("2016")),
                until: None,
            },
            MemberFact {
                sector: Some(Sector::Executive),
                since: None,
                until: None,
            },
        ];
        a.functions.insert(
            "2017".into(),
            BTreeMap::from([("training".into(), FunctionLevel::Operational)]),
        );
        let mut b = mechanism("b", "BBB", &["2016-05-17"]);
        b.members = vec![MemberFact {
            sector: Some(Sector::Justice),
            since: None,
            until: None,
        }];
        let mut c = mechanism("c", "CCC", &["2010"]);
        c.statuses = vec![
            StatusFact {
                status: MechanismStatus::Established,
                on: Some(d("2010")),
            },
            StatusFact {
                status: MechanismStatus::Dissolved,
                on: Some(d("2014")),
            },
        ];
        let undated = mechanism("u", "DDD", &[]);
        Facts {
            countries: vec![
                country("AAA", "africa", "african"),
                country("BBB", "africa", "african"),
                country("CCC", "africa", "african"),
                country("DDD", "americas", "grulac"),
            ],
            mechanisms: vec![a, b, c, undated],
            functions: vec![
                ("training".into(), "Training".into()),
                ("risk".into(), "Risk assessment".into()),
            ],
            networks: vec![
                NetworkFact {
                    network: "n".into(),
                    iso3: "AAA".into(),
                    joined: Some(d("2012")),
                    left: None,
                },
                NetworkFact {
                    network: "n".into(),
                    iso3: "DDD".into(),
                    joined: Some(d("2016")),
                    left: None,
                },
                NetworkFact {
                    network: "n".into(),
                    iso3: "BBB".into(),
                    joined: Some(d("2010")),
                    left: Some(d("2015")),
                },
            ],
        }
    }

    #[test]
    fn existence_follows_dates_and_dissolution() {
        let f = facts();
        let as_of = |y| compute(&f, Some(y), None).states_with_mechanism.count;
        assert_eq!(as_of(2011), 1, "only C exists in 2011");
        assert_eq!(as_of(2013), 2, "A and C");
        assert_eq!(as_of(2015), 1, "C dissolved in 2014");
        assert_eq!(as_of(2017), 2, "A and B");
        let all = compute(&f, None, None);
        assert_eq!(
            all.states_with_mechanism.count, 3,
            "A, B and the undated one; C dissolved"
        );
        assert_eq!(all.states_with_mechanism.of, 4);
        assert!((all.states_with_mechanism.share - 0.75).abs() < 1e-9);
        assert_eq!(all.mechanisms_by_status["unknown"], 2);
    }

    #[test]
    fn regions_groups_and_shares() {
        let i = compute(&facts(), Some(2017), None);
        let africa = i.by_region.iter().find(|r| r.group == "africa").unwrap();
        assert_eq!((africa.with_mechanism.count, africa.with_mechanism.of), (2, 3));
        let grulac = i.by_group.iter().find(|r| r.group == "grulac").unwrap();
        assert_eq!(grulac.with_mechanism.count, 0);
    }

    #[test]
    fn function_coverage_counts_unassessed_as_none() {
        let i = compute(&facts(), Some(2017), Some("2017"));
        let training = i.functions.iter().find(|f| f.function == "training").unwrap();
        assert_eq!(training.levels["operational"].count, 1);
        assert_eq!(training.levels["none"].count, 1, "B was not assessed");
        assert_eq!(training.assessed, 1);
        assert_eq!(training.levels["operational"].of, 2);
    }

    #[test]
    fn breadth_counts_distinct_breadth_sectors_as_of_the_year() {
        let f = facts();
        let early = compute(&f, Some(2013), None);
        let a = early.breadth.iter().find(|b| b.mechanism == "a").unwrap();
        assert_eq!(
            a.sectors.count, 2,
            "justice and foreign affairs; civil society joined 2016; executive not counted"
        );
        assert_eq!(a.sectors.of, 13);
        assert_eq!(early.with_non_state_members.count, 0);
        let late = compute(&f, Some(2017), None);
        assert_eq!(
            late.breadth.iter().find(|b| b.mechanism == "a").unwrap().sectors.count,
            3
        );
        assert_eq!(late.with_non_state_members.count, 1);
        assert!((late.mean_breadth - 2.0).abs() < 1e-9, "(3 + 1) / 2");
    }

    #[test]
    fn networks_by_region_and_change_between_editions() {
        let f = facts();
        let y2013 = compute(&f, Some(2013), None);
        let y2017 = compute(&f, Some(2017), None);
        assert_eq!(y2013.networks[0].members, 2, "A and B (B left in 2015)");
        assert_eq!(y2017.networks[0].members, 2, "A and D");
        assert_eq!(y2017.networks[0].by_region["americas"], 1);
        let c = change(&y2013, &y2017);
        assert_eq!(c.states_with_mechanism, 0, "C dissolved, B arrived");
        assert_eq!(c.by_region["africa"], 0);
        assert_eq!(c.network_members["n"], 0);
        assert_eq!((c.from, c.to), (Some(2013), Some(2017)));
    }
}
