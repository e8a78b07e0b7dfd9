//! Planning the synthetic dataset: its records ([`crate::model`]) made from a seed alone (no
//! database), a pure function of the seed, the scale, the countries and the function codes.

use nmp_core::vocab::{
    InstrumentKind, MechanismStatus, MechanismType, MemberRole, OrganizationKind, ProfileSection, Sector, SourceKind,
};

use crate::model::{
    Activity, Citation, Edition, FunctionLevel, LABEL, Mechanism, Membership, Organization, Part, Plan, PlanCountry,
    Profile, Scale, Source, Status, Target,
};
use crate::rng::Rng;

/// The first year of the synthetic editions; edition `i` covers year `FIRST_YEAR + i`.
pub const FIRST_YEAR: i32 = 2014;

/// Fields of a mechanism that citations name.
const MECHANISM_FIELDS: &[Option<&str>] = &[
    None,
    Some("name"),
    Some("created_on"),
    Some("launched_on"),
    Some("mandate"),
    Some("instrument_kind"),
    Some("lead_organization_id"),
    Some("mechanism_type"),
    Some("website"),
    Some("acronym"),
];

/// Kinds of member organisation, with the sector each belongs to.
const MEMBER_KINDS: &[(OrganizationKind, Sector, &str)] = &[
    (
        OrganizationKind::Ministry,
        Sector::ForeignAffairs,
        "Ministry of Foreign Affairs",
    ),
    (OrganizationKind::Ministry, Sector::Justice, "Ministry of Justice"),
    (OrganizationKind::Ministry, Sector::Defence, "Ministry of Defence"),
    (
        OrganizationKind::Ministry,
        Sector::InteriorPolice,
        "Ministry of the Interior",
    ),
    (OrganizationKind::Ministry, Sector::Education, "Ministry of Education"),
    (OrganizationKind::Legislature, Sector::Legislature, "Parliament"),
    (OrganizationKind::Judiciary, Sector::Judiciary, "Supreme Court"),
    (OrganizationKind::Police, Sector::InteriorPolice, "National Police"),
    (
        OrganizationKind::Intelligence,
        Sector::Intelligence,
        "Intelligence Service",
    ),
    (
        OrganizationKind::OmbudsmanNhri,
        Sector::HumanRightsOffice,
        "Human Rights Commission",
    ),
    (
        OrganizationKind::CivilSociety,
        Sector::CivilSociety,
        "Civil Society Forum",
    ),
    (OrganizationKind::Religious, Sector::Religious, "Interfaith Council"),
    (
        OrganizationKind::Corporation,
        Sector::PrivateSector,
        "Chamber of Commerce",
    ),
    (OrganizationKind::Academic, Sector::Academia, "National University"),
    (
        OrganizationKind::GovernmentAgency,
        Sector::Executive,
        "Office of the President",
    ),
    (OrganizationKind::Prosecution, Sector::Justice, "Public Prosecutor"),
    (OrganizationKind::Military, Sector::Defence, "Armed Forces"),
];

const TYPES: &[MechanismType] = &[
    MechanismType::Committee,
    MechanismType::Commission,
    MechanismType::Board,
    MechanismType::TaskForce,
    MechanismType::FocalPoint,
];

const INSTRUMENTS: &[InstrumentKind] = &[
    InstrumentKind::Decree,
    InstrumentKind::Statute,
    InstrumentKind::ExecutiveOrder,
    InstrumentKind::MinisterialResolution,
];

const SOURCE_KINDS: &[SourceKind] = &[
    SourceKind::Document,
    SourceKind::Report,
    SourceKind::WebPage,
    SourceKind::News,
    SourceKind::Law,
    SourceKind::Article,
];

const ACTIVITY_KINDS: &[&str] = &["meeting", "training", "report", "workshop", "statement", "launch"];

const LEVELS: &[&str] = &["none", "planned", "partial", "operational"];

const SECTIONS: &[ProfileSection] = &[
    ProfileSection::Update,
    ProfileSection::NewAndEmerging,
    ProfileSection::Highlighted,
];

const REGIONS: &[(&str, &str)] = &[
    ("africa", "Africa"),
    ("americas", "The Americas"),
    ("asia", "Asia"),
    ("europe", "Europe"),
    ("oceania", "Oceania"),
];

/// Places `scale.mechanisms` mechanisms in countries: one in every African state first (so that
/// a region filter has more than a page of answers), then in the others at random, one per
/// country while they last.
fn mechanism_countries(rng: &mut Rng, countries: &[PlanCountry], n: usize) -> Vec<PlanCountry> {
    let (mut first, mut rest): (Vec<PlanCountry>, Vec<PlanCountry>) = countries
        .iter()
        .cloned()
        .partition(|c| c.region.as_deref() == Some("africa"));
    rng.shuffle(&mut first);
    rng.shuffle(&mut rest);
    let mut order: Vec<PlanCountry> = first.into_iter().chain(rest).collect();
    let all = order.clone();
    while order.len() < n && !all.is_empty() {
        order.push(rng.pick(&all).clone());
    }
    order.truncate(n);
    rng.shuffle(&mut order);
    order
}

/// Makes the dataset for `seed` at `scale`, over `countries` (the UN member states) and the
/// `functions` codes of the database.
pub fn plan(seed: u64, scale: &Scale, countries: &[PlanCountry], functions: &[String]) -> Plan {
    let mut rng = Rng::new(seed);
    let mut p = Plan {
        seed,
        sources: Vec::new(),
        organizations: Vec::new(),
        publisher: 0,
        editions: Vec::new(),
        parts: Vec::new(),
        mechanisms: Vec::new(),
        statuses: Vec::new(),
        memberships: Vec::new(),
        function_levels: Vec::new(),
        activities: Vec::new(),
        profiles: Vec::new(),
        citations: Vec::new(),
        initiatives: Vec::new(),
        raters: Vec::new(),
        round: None,
        ratings: Vec::new(),
        consensus: Vec::new(),
    };
    sources(&mut p, &mut rng, scale);
    editions(&mut p, scale);
    mechanisms(&mut p, &mut rng, scale, countries);
    function_levels(&mut p, &mut rng, functions.len());
    activities(&mut p, &mut rng, scale, functions.len());
    profiles(&mut p, &mut rng);
    citations(&mut p, &mut rng, scale);
    p
}

fn sources(p: &mut Plan, rng: &mut Rng, scale: &Scale) {
    for i in 1..=scale.sources {
        let year = rng.between(FIRST_YEAR - 4, FIRST_YEAR + scale.editions as i32);
        p.sources.push(Source {
            slug: format!("synthetic-source-{i:05}"),
            title: format!("Synthetic source {i} {LABEL}"),
            kind: rng.pick(SOURCE_KINDS).code(),
            publisher: format!("Synthetic publisher {} {LABEL}", 1 + rng.below(40)),
            published_on: rng.partial_date(year),
            url: format!("https://example.invalid/synthetic/source/{i}"),
        });
    }
}

fn editions(p: &mut Plan, scale: &Scale) {
    p.publisher = p.organizations.len();
    p.organizations.push(Organization {
        slug: "synthetic-institute".into(),
        name: format!("Synthetic Research Institute {LABEL}"),
        acronym: Some("SRI".into()),
        kind: OrganizationKind::ResearchInstitute.code(),
        sector: Sector::Academia.code(),
        country: None,
    });
    for i in 0..scale.editions {
        let year = FIRST_YEAR + i as i32;
        let full = i + 1 == scale.editions;
        p.editions.push(Edition {
            slug: format!("synthetic-{year}"),
            title: format!("SYNTHETIC edition {year}: National Mechanisms for the Prevention of Atrocity Crimes"),
            subtitle: format!(
                "Generated benchmark data (nmp demo synthetic --seed {}); not real facts",
                p.seed
            ),
            year,
            published_on: format!("{year}-11"),
            full,
        });
    }
    p.parts.push(Part {
        key: "part-i".into(),
        position: 1,
        title: "Introduction (synthetic)".into(),
        summary: Some(
            "This edition is generated by code for benchmarks: every mechanism, organisation, source and text in \
             it is synthetic."
                .into(),
        ),
        region: None,
    });
    for (i, (code, name)) in REGIONS.iter().enumerate() {
        p.parts.push(Part {
            key: format!("part-{}", i + 2),
            position: i as i32 + 2,
            title: format!("{name}: synthetic profiles"),
            summary: None,
            region: Some((*code).to_string()),
        });
    }
}

fn mechanisms(p: &mut Plan, rng: &mut Rng, scale: &Scale, countries: &[PlanCountry]) {
    let last_year = FIRST_YEAR + scale.editions as i32 - 1;
    for (m, country) in mechanism_countries(rng, countries, scale.mechanisms)
        .into_iter()
        .enumerate()
    {
        let n = m + 1;
        let first_org = p.organizations.len();
        for k in 0..scale.memberships_per_mechanism {
            let (kind, sector, name) = MEMBER_KINDS[k % MEMBER_KINDS.len()];
            let round = k / MEMBER_KINDS.len();
            let suffix = if round > 0 {
                format!(" {}", round + 1)
            } else {
                String::new()
            };
            p.organizations.push(Organization {
                slug: format!("synthetic-org-{n:03}-{:02}", k + 1),
                name: format!("Synthetic {name}{suffix} of mechanism {n} {LABEL}"),
                acronym: None,
                kind: kind.code(),
                sector: sector.code(),
                country: Some(country.iso3.clone()),
            });
        }
        let created = rng.between(FIRST_YEAR - 12, last_year - 1);
        let kind = *rng.pick(TYPES);
        let instrument = *rng.pick(INSTRUMENTS);
        p.mechanisms.push(Mechanism {
            slug: format!("synthetic-mechanism-{n:03}"),
            name: format!("Synthetic mechanism {n} {LABEL}"),
            acronym: format!("SM{n}"),
            country: country.iso3.clone(),
            region: country.region.clone(),
            kind: kind.code(),
            created_on: rng.partial_date(created),
            launched_on: rng.chance(70).then(|| rng.day(created + 1)),
            lead: first_org,
            mandate: rng.prose(3),
            instrument_kind: instrument.code(),
            instrument_number: format!("{}/{created}", 1 + rng.below(300)),
            instrument_date: rng.day(created),
            instrument_title: format!("Synthetic {} establishing mechanism {n}", instrument.label()),
        });
        let established = MechanismStatus::Established.code();
        let mut statuses = vec![(MechanismStatus::Proposed.code(), created - 1), (established, created)];
        if rng.chance(80) {
            let later = if rng.chance(85) {
                MechanismStatus::Active
            } else {
                MechanismStatus::Dormant
            };
            statuses.push((later.code(), rng.between(created + 1, last_year + 1)));
        }
        for (status, year) in statuses {
            p.statuses.push(Status {
                mechanism: m,
                status,
                on: rng.partial_date(year),
            });
        }
        for k in 0..scale.memberships_per_mechanism {
            let role = match k {
                0 => MemberRole::Chair,
                1 => MemberRole::Secretariat,
                _ if rng.chance(15) => MemberRole::Observer,
                _ => MemberRole::Member,
            };
            let since = rng.between(created, last_year);
            p.memberships.push(Membership {
                mechanism: m,
                organization: first_org + k,
                role: role.code(),
                since: rng.partial_date(since),
            });
        }
    }
}

fn function_levels(p: &mut Plan, rng: &mut Rng, functions: usize) {
    for m in 0..p.mechanisms.len() {
        for e in 0..p.editions.len() {
            for f in 0..functions {
                p.function_levels.push(FunctionLevel {
                    mechanism: m,
                    edition: e,
                    function: f,
                    level: rng.pick::<&str>(LEVELS),
                    evidence: rng.prose(1),
                });
            }
        }
    }
}

fn activities(p: &mut Plan, rng: &mut Rng, scale: &Scale, functions: usize) {
    let mechanisms = p.mechanisms.len().max(1);
    let last_year = FIRST_YEAR + scale.editions as i32 - 1;
    for a in 0..scale.activities {
        let m = a % mechanisms;
        let n = a + 1;
        // Spread over 32 years: an edition's year holds about a thirtieth of them.
        let year = rng.between(last_year - 31, last_year);
        p.activities.push(Activity {
            mechanism: m,
            on: rng.partial_date(year),
            kind: rng.pick::<&str>(ACTIVITY_KINDS),
            function: (functions > 0 && rng.chance(70)).then(|| rng.below(functions)),
            title: format!("Synthetic activity {n} {LABEL}"),
            description: rng.prose(2),
            outcome: rng.chance(40).then(|| rng.prose(1)),
        });
    }
}

fn profiles(p: &mut Plan, rng: &mut Rng) {
    let mut order: Vec<usize> = (0..p.mechanisms.len()).collect();
    order.sort_by(|&a, &b| {
        let (ma, mb) = (&p.mechanisms[a], &p.mechanisms[b]);
        (&ma.region, &ma.country, &ma.slug).cmp(&(&mb.region, &mb.country, &mb.slug))
    });
    for (i, m) in order.into_iter().enumerate() {
        let region = p.mechanisms[m].region.clone();
        let part = p
            .parts
            .iter()
            .position(|x| x.region.is_some() && x.region == region)
            .unwrap_or(0);
        p.profiles.push(Profile {
            mechanism: m,
            part,
            section: rng.pick(SECTIONS).code(),
            page: 10 + i as i32,
            narrative: std::array::from_fn(|_| {
                let sentences = 3 + rng.below(4);
                format!("[Synthetic text] {}", rng.prose(sentences))
            }),
        });
    }
}

/// Citations: every mechanism field, status, membership, function level and profile gets its
/// share, the activities take the rest (one or two each) but for one citation of each part with
/// a summary, up to `scale.citations`.
fn citations(p: &mut Plan, rng: &mut Rng, scale: &Scale) {
    let mut targets: Vec<(Target, Option<&'static str>)> = Vec::new();
    for m in 0..p.mechanisms.len() {
        for field in MECHANISM_FIELDS {
            targets.push((Target::Mechanism(m), *field));
        }
    }
    targets.extend((0..p.statuses.len()).map(|i| (Target::Status(i), None)));
    targets.extend((0..p.memberships.len()).map(|i| (Target::Membership(i), None)));
    targets.extend((0..p.profiles.len()).map(|i| (Target::Profile(i), None)));
    targets.extend((0..p.function_levels.len()).map(|i| (Target::FunctionLevel(i), None)));
    targets.truncate(scale.citations);
    // The parts' summaries are shown too (and publishing refuses an uncited fact): cited last,
    // so that the citations before them stay as they were.
    let parts: Vec<usize> = (0..p.parts.len()).filter(|&i| p.parts[i].summary.is_some()).collect();
    let rest = scale.citations.saturating_sub(targets.len() + parts.len());
    let activities = p.activities.len();
    if activities > 0 {
        for i in 0..rest {
            targets.push((Target::Activity(i % activities), None));
        }
    }
    targets.extend(parts.into_iter().map(|i| (Target::Part(i), None)));
    targets.truncate(scale.citations);
    let sources = p.sources.len().max(1);
    for (target, field) in targets {
        p.citations.push(Citation {
            target,
            field,
            source: rng.below(sources),
            locator: format!("p. {}", 1 + rng.below(120)),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries() -> Vec<PlanCountry> {
        ["KEN", "UGA", "TZA", "ARG", "FRA", "JPN", "FJI"]
            .iter()
            .zip(["africa", "africa", "africa", "americas", "europe", "asia", "oceania"])
            .map(|(c, r)| PlanCountry {
                iso3: c.to_string(),
                region: Some(r.to_string()),
            })
            .collect()
    }

    fn functions() -> Vec<String> {
        vec!["training".into(), "risk_assessment_early_warning".into()]
    }

    #[test]
    fn a_seed_gives_one_dataset_and_another_seed_another() {
        let scale = Scale::small();
        let a = plan(1, &scale, &countries(), &functions());
        assert_eq!(a, plan(1, &scale, &countries(), &functions()));
        assert_ne!(a.activities, plan(2, &scale, &countries(), &functions()).activities);
    }

    #[test]
    fn the_counts_follow_the_scale_and_everything_is_labelled() {
        let scale = Scale::small();
        let p = plan(9, &scale, &countries(), &functions());
        assert_eq!(p.mechanisms.len(), scale.mechanisms);
        assert_eq!(p.memberships.len(), scale.mechanisms * scale.memberships_per_mechanism);
        assert_eq!(p.activities.len(), scale.activities);
        assert_eq!(p.citations.len(), scale.citations);
        assert_eq!(p.editions.len(), scale.editions);
        assert_eq!(p.editions.iter().filter(|e| e.full).count(), 1);
        assert_eq!(p.profiles.len(), scale.mechanisms);
        // The African states come first, so each has a mechanism when there are enough.
        for c in ["KEN", "UGA", "TZA"] {
            assert!(p.mechanisms.iter().any(|m| m.country == c), "{c}");
        }
        assert!(p.mechanisms.iter().all(|m| m.name.ends_with(LABEL)));
        assert!(p.organizations.iter().all(|o| o.name.ends_with(LABEL)));
        assert!(p.sources.iter().all(|s| s.title.ends_with(LABEL)));
        assert!(p.activities.iter().all(|a| a.title.ends_with(LABEL)));
        assert!(p.editions.iter().all(|e| e.title.starts_with("SYNTHETIC")));
        assert!(
            p.profiles
                .iter()
                .all(|x| x.narrative.iter().all(|t| t.starts_with("[Synthetic text]")))
        );
        // Every profile sits in the part of its region.
        for profile in &p.profiles {
            let part = &p.parts[profile.part];
            assert_eq!(part.region, p.mechanisms[profile.mechanism].region);
        }
    }
}
