//! The home page's key figures, map and list of states, built from the analysis bench of the
//! latest edition: the same edition and the same rule (`nmp_core::indicators::national_standing`)
//! as the map and `/analysis`, so the three give one number. The mechanisms recorded but not
//! counted as of that edition (dissolved by then, or first dated later) are listed with the
//! reason, so that the difference from "everything recorded" is explained, not hidden.

use std::collections::BTreeMap;

use nmp_core::indicators::{Facts, MechanismFact, exists, known_by, national_standing};
use nmp_core::vocab::{MechanismType, geo_label};
use nmp_store::entity::{country, mechanism};

use super::analysis::Analysis;
use super::charts::Figure;
use super::label;

/// A state with a national mechanism as of the edition, and those mechanisms.
pub(crate) struct StateRow {
    /// Country name.
    pub name: String,
    /// ISO alpha-3, lower case (for links).
    pub iso3: String,
    /// UN region label.
    pub region: String,
    /// Its national mechanisms that exist as of the edition: (slug, name, type label).
    pub mechanisms: Vec<(String, String, String)>,
}

/// A national mechanism recorded but not counted as of the edition.
pub(crate) struct NotCounted {
    /// Mechanism slug.
    pub slug: String,
    /// Mechanism name.
    pub name: String,
    /// Country name.
    pub country: String,
    /// Why it is not counted: "dissolved by 2020", "first dated 2024".
    pub reason: String,
}

/// What the home page shows of the analysis.
pub(crate) struct HomeFigures {
    /// As of when ("as of edition 2018").
    pub as_of: String,
    /// States with a national mechanism.
    pub states: usize,
    /// Of how many states.
    pub of: usize,
    /// Mechanisms of all levels that exist as of the edition.
    pub mechanisms: usize,
    /// The status map as the page shows it.
    pub map_svg: String,
    /// How to read the map.
    pub map_note: Option<String>,
    /// The states with a national mechanism, by name.
    pub rows: Vec<StateRow>,
    /// National mechanisms recorded but not counted, by country.
    pub not_counted: Vec<NotCounted>,
}

/// The reason `m` does not count as of `year` (it does not exist by then).
fn reason(m: &MechanismFact, year: Option<i32>) -> String {
    if known_by(m, year) {
        return match year {
            Some(y) => format!("dissolved by {y}"),
            None => "dissolved".into(),
        };
    }
    let first = m
        .evidence
        .iter()
        .chain(m.statuses.iter().filter_map(|s| s.on.as_ref()))
        .map(|d| d.date.year())
        .min();
    match first {
        Some(f) => format!("first dated {f}"),
        None => "no dated record".into(),
    }
}

/// The home page's figures from the analysis of the latest edition, its facts and status map, and
/// the store's mechanisms and countries (for names).
pub(crate) fn home_figures(
    a: &Analysis,
    facts: &Facts,
    map: Option<&Figure>,
    mechanisms: &[mechanism::Model],
    countries: &[country::Model],
) -> HomeFigures {
    let year = a.edition.as_ref().and_then(|e| e.year);
    let standing = national_standing(facts, year);
    let by_slug: BTreeMap<&str, &mechanism::Model> = mechanisms.iter().map(|m| (m.slug.as_str(), m)).collect();
    let country_of: BTreeMap<&str, &country::Model> = countries.iter().map(|c| (c.country_iso3.as_str(), c)).collect();
    let national = || {
        facts
            .mechanisms
            .iter()
            .filter(|m| m.level == "national")
            .filter_map(|m| Some((m, m.iso3.as_deref()?, *by_slug.get(m.slug.as_str())?)))
    };
    let mut rows: Vec<StateRow> = standing
        .iter()
        .filter(|(_, s)| s.counts())
        .filter_map(|(iso3, _)| {
            let c = country_of.get(iso3.as_str())?;
            let mut own: Vec<(String, String, String)> = national()
                .filter(|(m, code, _)| code == iso3 && exists(m, year))
                .map(|(_, _, row)| {
                    (
                        row.slug.clone(),
                        row.name.clone(),
                        nmp_i18n::choice_label(crate::lang::lang(), &row.mechanism_type)
                            .unwrap_or_else(|| label::<MechanismType>(&row.mechanism_type)),
                    )
                })
                .collect();
            own.sort_by(|x, y| x.1.cmp(&y.1));
            Some(StateRow {
                name: c.name.clone(),
                iso3: iso3.to_lowercase(),
                region: c.un_region.as_deref().map(geo_label).unwrap_or_default(),
                mechanisms: own,
            })
        })
        .collect();
    rows.sort_by(|x, y| x.name.cmp(&y.name));
    let mut not_counted: Vec<NotCounted> = national()
        .filter(|(m, code, _)| country_of.contains_key(code) && !exists(m, year))
        .map(|(m, code, row)| NotCounted {
            slug: row.slug.clone(),
            name: row.name.clone(),
            country: country_of.get(code).map(|c| c.name.clone()).unwrap_or_default(),
            reason: reason(m, year),
        })
        .collect();
    not_counted.sort_by(|x, y| (&x.country, &x.name).cmp(&(&y.country, &y.name)));
    let i = &a.indicators;
    HomeFigures {
        as_of: a.as_of_here(),
        states: i.states_with_mechanism.count,
        of: i.states_with_mechanism.of,
        mechanisms: i.mechanisms_by_level.values().sum(),
        map_svg: map.map(|f| f.inline.clone()).unwrap_or_default(),
        map_note: map.and_then(|f| f.note.clone()),
        rows,
        not_counted,
    }
}
