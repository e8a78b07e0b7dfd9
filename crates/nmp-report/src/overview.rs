//! The report's derived figures, "as of" the edition's year: the states with a national
//! mechanism by UN region and by UN regional group (the regional chapters), the table of those
//! states and their mechanisms (the annex), and the thematic sections (civil society,
//! corporations, religious organisations in mechanisms). It uses the same facts and existence
//! rule as the analysis bench (`Store::indicator_facts`, `nmp_core::indicators::exists`; see
//! docs/methodology.md), so the report and the website agree.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::PartialDate;
use nmp_core::indicators::{Facts, MechanismFact, exists, latest_status};
use nmp_core::vocab::{
    MechanismStatus, MechanismType, MemberRole, OrganizationKind, UnRegionalGroup, geo_label, label,
};
use nmp_store::entity::{country, mechanism, mechanism_status, membership, organization};

use crate::bib::Bib;
use crate::snapshot::{CountryRow, MechanismRow, Overview, RegionRow, Theme, ThemeRow};
use crate::text::vocab;

/// What the derived figures are computed from.
pub(crate) struct World<'a> {
    pub year: Option<i32>,
    pub countries: &'a [country::Model],
    pub facts: &'a Facts,
    /// Every mechanism, by id.
    pub mechanisms: &'a BTreeMap<i32, &'a mechanism::Model>,
    /// Every status step, in id order.
    pub statuses: &'a [&'a mechanism_status::Model],
    /// Every membership, in id order.
    pub members: &'a [&'a membership::Model],
    pub organizations: &'a BTreeMap<i32, organization::Model>,
    /// Mechanisms this edition profiles.
    pub featured: &'a BTreeSet<i32>,
    /// The edition's language: the vocabularies' labels and the themes' titles are in it.
    pub lang: nmp_i18n::Lang,
}

/// A thematic section: which organisation kinds, sectors and mechanism levels it gathers.
struct ThemeDef {
    key: &'static str,
    title: &'static str,
    kinds: &'static [&'static str],
    sectors: &'static [&'static str],
    levels: &'static [&'static str],
}

/// The thematic sections.
const THEMES: [ThemeDef; 3] = [
    ThemeDef {
        key: "civil-society",
        title: "Civil society",
        kinds: &["civil_society"],
        sectors: &["civil_society"],
        levels: &["civil_society"],
    },
    ThemeDef {
        key: "corporations",
        title: "Corporations and the private sector",
        kinds: &["corporation"],
        sectors: &["private_sector"],
        levels: &["private_sector"],
    },
    ThemeDef {
        key: "religious",
        title: "Religious organisations",
        kinds: &["religious"],
        sectors: &["religious"],
        levels: &[],
    },
];

impl World<'_> {
    fn fact(&self, slug: &str) -> Option<&MechanismFact> {
        self.facts.mechanisms.iter().find(|f| f.slug == slug)
    }

    /// Whether the mechanism is known to exist as of the year.
    fn exists(&self, m: &mechanism::Model) -> bool {
        self.fact(&m.slug).is_some_and(|f| exists(f, self.year))
    }

    fn country_name(&self, iso3: &Option<String>) -> Option<String> {
        let iso3 = iso3.as_ref()?;
        Some(
            self.countries
                .iter()
                .find(|c| &c.country_iso3 == iso3)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| iso3.clone()),
        )
    }

    fn row(&self, m: &mechanism::Model, bib: &mut Bib) -> MechanismRow {
        bib.show_mechanism(m, &["name", "country_iso3", "created_on", "launched_on"]);
        let status = self.fact(&m.slug).and_then(|f| latest_status(f, self.year));
        for s in self
            .statuses
            .iter()
            .filter(|s| s.mechanism_id == m.mechanism_id && Some(s.status.as_str()) == status.map(|x| x.code()))
        {
            let label = format!("mechanism_status {} ({}: {})", s.mechanism_status_id, m.slug, s.status);
            bib.show_row(
                "mechanism_status",
                s.mechanism_status_id.to_string(),
                label,
                Some((m.mechanism_id, "status")),
            );
        }
        let id = m.mechanism_id.to_string();
        let mut cited = vec![("mechanism", id)];
        cited.extend(
            self.statuses
                .iter()
                .filter(|s| s.mechanism_id == m.mechanism_id)
                .map(|s| ("mechanism_status", s.mechanism_status_id.to_string())),
        );
        MechanismRow {
            slug: m.slug.clone(),
            name: m.name.clone(),
            country: self.country_name(&m.country_iso3),
            kind: vocab::<MechanismType>(self.lang, &m.mechanism_type),
            since: m.created_on.clone().or_else(|| m.launched_on.clone()),
            status: status.map(|s| vocab::<MechanismStatus>(self.lang, s.code())),
            featured: self.featured.contains(&m.mechanism_id),
            sources: bib.numbers(&cited),
        }
    }
}

/// States with a national mechanism as of the year, by UN region and regional group.
pub(crate) fn overview(w: &World<'_>, bib: &mut Bib) -> Overview {
    let mut national: BTreeMap<&str, Vec<&mechanism::Model>> = BTreeMap::new();
    for m in w.mechanisms.values().copied() {
        if m.level == "national"
            && let Some(iso3) = m.country_iso3.as_deref()
            && w.exists(m)
        {
            national.entry(iso3).or_default().push(m);
        }
    }
    let mut regions: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut groups: BTreeMap<usize, (String, usize, usize)> = BTreeMap::new();
    let mut with: Vec<&country::Model> = Vec::new();
    for c in w.countries {
        let has = national.contains_key(c.country_iso3.as_str());
        let region = c
            .un_region
            .as_deref()
            .map(geo_label)
            .unwrap_or_else(|| "No region".into());
        let r = regions.entry(region).or_default();
        r.1 += 1;
        let (order, group) = group_of(c);
        let g = groups.entry(order).or_insert_with(|| (group, 0, 0));
        g.2 += 1;
        if has {
            r.0 += 1;
            g.1 += 1;
            with.push(c);
        }
    }
    with.sort_by(|a, b| (&a.name, &a.country_iso3).cmp(&(&b.name, &b.country_iso3)));
    let countries = with
        .into_iter()
        .map(|c| {
            let mut ms = national[c.country_iso3.as_str()].clone();
            ms.sort_by(|a, b| (&a.name, a.mechanism_id).cmp(&(&b.name, b.mechanism_id)));
            CountryRow {
                iso3: c.country_iso3.clone(),
                m49: c.m49.clone(),
                name: c.name.clone(),
                region: c
                    .un_region
                    .as_deref()
                    .map(geo_label)
                    .unwrap_or_else(|| "No region".into()),
                group: c.un_regional_group.as_deref().map(label::<UnRegionalGroup>),
                mechanisms: ms.into_iter().map(|m| w.row(m, bib)).collect(),
            }
        })
        .collect::<Vec<_>>();
    let mut m49: Vec<String> = w.countries.iter().map(|c| c.m49.clone()).collect();
    m49.sort();
    Overview {
        year: w.year,
        states: w.countries.len(),
        with_mechanism: countries.len(),
        regions: regions
            .into_iter()
            .map(|(region, (n, of))| RegionRow {
                region,
                with_mechanism: n,
                states: of,
            })
            .collect(),
        groups: groups
            .into_values()
            .map(|(region, n, of)| RegionRow {
                region,
                with_mechanism: n,
                states: of,
            })
            .collect(),
        countries,
        m49,
        // Read from the forecasts afterwards (`risk.rs`).
        risk_gap: None,
    }
}

/// The position of a country's UN regional group in the vocabulary, and its label.
fn group_of(c: &country::Model) -> (usize, String) {
    match c
        .un_regional_group
        .as_deref()
        .and_then(|g| UnRegionalGroup::parse("", g).ok())
    {
        Some(g) => (
            UnRegionalGroup::ALL
                .iter()
                .position(|x| *x == g)
                .unwrap_or(usize::MAX - 1),
            g.label().to_string(),
        ),
        None => (usize::MAX, "In no UN regional group".to_string()),
    }
}

/// Whether a membership was current at some time in the year.
fn member_in(m: &membership::Model, year: Option<i32>) -> bool {
    let Some(year) = year else { return true };
    let parse = |d: &Option<String>| d.as_deref().and_then(|t| PartialDate::parse("date", t).ok());
    let started = parse(&m.since_on).is_none_or(|d| d.date.year() <= year);
    let ended = parse(&m.until_on).is_some_and(|d| d.date.year() < year);
    started && !ended
}

/// The thematic sections.
pub(crate) fn themes(w: &World<'_>, bib: &mut Bib) -> Vec<Theme> {
    THEMES
        .iter()
        .map(
            |ThemeDef {
                 key,
                 title,
                 kinds,
                 sectors,
                 levels,
             }| {
                let mut members: Vec<(String, String, i32, ThemeRow)> = Vec::new();
                for x in w.members {
                    let (Some(org), Some(m)) = (
                        w.organizations.get(&x.organization_id),
                        w.mechanisms.get(&x.mechanism_id),
                    ) else {
                        continue;
                    };
                    let in_theme = kinds.contains(&org.kind.as_str())
                        || org.sector.as_deref().is_some_and(|s| sectors.contains(&s));
                    if !in_theme || x.confidence != "sourced" || !member_in(x, w.year) || !w.exists(m) {
                        continue;
                    }
                    bib.show_row(
                        "membership",
                        x.membership_id.to_string(),
                        format!("membership {} ({}: {})", x.membership_id, m.slug, org.name),
                        Some((m.mechanism_id, "member")),
                    );
                    let row = ThemeRow {
                        organization: org.name.clone(),
                        kind: vocab::<OrganizationKind>(w.lang, &org.kind),
                        mechanism: m.name.clone(),
                        country: w.country_name(&m.country_iso3),
                        role: vocab::<MemberRole>(w.lang, &x.role),
                        sources: bib.numbers(&[("membership", x.membership_id.to_string())]),
                    };
                    members.push((org.name.clone(), m.name.clone(), x.membership_id, row));
                }
                members.sort_by(|a, b| (&a.0, &a.1, a.2).cmp(&(&b.0, &b.1, b.2)));
                let mut mechanisms: Vec<&mechanism::Model> = w
                    .mechanisms
                    .values()
                    .copied()
                    .filter(|m| levels.contains(&m.level.as_str()) && w.exists(m))
                    .collect();
                mechanisms.sort_by(|a, b| (&a.name, a.mechanism_id).cmp(&(&b.name, b.mechanism_id)));
                Theme {
                    key: key.to_string(),
                    title: crate::text::heading_in(w.lang, "rs-theme", key, title),
                    members: members.into_iter().map(|(_, _, _, r)| r).collect(),
                    mechanisms: mechanisms.into_iter().map(|m| w.row(m, bib)).collect(),
                }
            },
        )
        .collect()
}
