//! Tests of the indicators on small synthetic facts (not real data).

use super::*;
use crate::PartialDate;
use crate::vocab::MechanismStatus;

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

#[test]
fn standing_keeps_dissolved_states_apart_from_the_count() {
    let f = facts();
    let y2015 = national_standing(&f, Some(2015));
    assert_eq!(y2015.get("AAA"), Some(&Standing::Established));
    assert_eq!(y2015.get("CCC"), Some(&Standing::Dissolved), "C dissolved in 2014");
    assert_eq!(y2015.get("BBB"), None, "B is first dated 2016");
    assert_eq!(y2015.get("DDD"), None, "the undated one is not known by a year");
    assert_eq!(
        states_with_mechanism(&f, Some(2015)),
        BTreeSet::from(["AAA".to_string()])
    );
    for year in [Some(2011), Some(2013), Some(2015), Some(2017), None] {
        assert_eq!(
            states_with_mechanism(&f, year).len(),
            compute(&f, year, None).states_with_mechanism.count,
            "one count as of {year:?}"
        );
    }
    let all = national_standing(&f, None);
    assert_eq!(all.len(), 4);
    assert_eq!(all["CCC"], Standing::Dissolved);
}

#[test]
fn standing_is_the_best_of_a_states_mechanisms() {
    let mut f = facts();
    let mut dormant = mechanism("d1", "BBB", &["2016"]);
    dormant.statuses = vec![StatusFact {
        status: MechanismStatus::Dormant,
        on: Some(d("2016")),
    }];
    let mut proposed = mechanism("d2", "CCC", &["2015"]);
    proposed.statuses = vec![StatusFact {
        status: MechanismStatus::Proposed,
        on: Some(d("2015")),
    }];
    let mut regional = mechanism("r", "DDD", &["2010"]);
    regional.level = "regional".into();
    f.mechanisms.extend([dormant, proposed, regional]);
    let s = national_standing(&f, Some(2017));
    assert_eq!(s["BBB"], Standing::Established, "B's other mechanism has no status");
    assert_eq!(s["CCC"], Standing::InProcess, "a proposal outranks the dissolved one");
    assert!(!s.contains_key("DDD"), "a regional mechanism is not a national one");
    assert!(Standing::InProcess.counts() && !Standing::Dissolved.counts());
}
