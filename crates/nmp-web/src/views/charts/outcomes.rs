//! The analysis page's outcome figures, from the consensus ratings of published editions only
//! ([`nmp_store::outcomes::published::PublishedConsensus`]): per criterion, how many targets
//! (initiatives and mechanisms) stand at each level in each UN region, and, between consecutive
//! published editions with outcome assessments, how many moved up, stayed or moved down.

use std::collections::{BTreeMap, BTreeSet};

use nmp_charts::{BarChart, Series};
use nmp_core::vocab::geo_label;
use nmp_store::outcomes::published::PublishedConsensus;

use super::Figure;
use crate::api::query::REGIONS;
use crate::views::analysis::EditionChoice;

/// The label of targets without a country.
const NO_COUNTRY: &str = "Regional or international";
/// The label of targets whose country has no UN region recorded.
const NO_REGION: &str = "Region not recorded";

/// What the analysis page shows of outcome assessments.
pub(crate) struct Outcomes {
    /// Whether any published edition has a consensus rating at all.
    pub any_published: bool,
    /// The edition whose levels are shown: the latest published edition with outcome
    /// assessments up to the edition the page shows (`None`: there is none).
    pub edition: Option<String>,
    /// One figure per criterion: levels by UN region.
    pub levels: Vec<Figure>,
    /// Change between consecutive published editions with outcome assessments (`None` while no
    /// target has been assessed in two of them).
    pub change: Option<Figure>,
}

impl Outcomes {
    /// Every figure, for the downloads.
    pub(crate) fn figures(self) -> impl Iterator<Item = Figure> {
        self.levels.into_iter().chain(self.change)
    }
}

/// The order of editions: their year, then slug (as the analysis page lists them).
type EditionKey = (Option<i32>, String);

fn key_of(row: &PublishedConsensus) -> EditionKey {
    (row.edition_year, row.edition.clone())
}

/// The outcome figures as of `shown` (an edition of the page, or `None` for all data).
pub(crate) fn outcomes(rows: &[PublishedConsensus], shown: Option<&EditionChoice>) -> Outcomes {
    let limit: Option<EditionKey> = shown.map(|e| (e.year, e.slug.clone()));
    let editions: Vec<EditionKey> = rows
        .iter()
        .map(key_of)
        .filter(|k| limit.as_ref().is_none_or(|l| k <= l))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let Some(latest) = editions.last() else {
        return Outcomes {
            any_published: !rows.is_empty(),
            edition: None,
            levels: Vec::new(),
            change: None,
        };
    };
    let of_latest: Vec<&PublishedConsensus> = rows.iter().filter(|r| &key_of(r) == latest).collect();
    Outcomes {
        any_published: true,
        edition: Some(latest.1.clone()),
        levels: levels(&of_latest, &latest.1),
        change: change(rows, &editions),
    }
}

/// The region a target is counted under.
fn region_of(row: &PublishedConsensus) -> String {
    match (&row.country_iso3, &row.un_region) {
        (None, _) => NO_COUNTRY.into(),
        (Some(_), Some(r)) => geo_label(r),
        (Some(_), None) => NO_REGION.into(),
    }
}

/// The UN regions in their usual order, then targets without a region.
fn region_order(label: &str) -> usize {
    REGIONS
        .iter()
        .position(|r| geo_label(r) == label)
        .unwrap_or(if label == NO_REGION {
            REGIONS.len()
        } else {
            REGIONS.len() + 1
        })
}

/// The criteria of `rows` by code, in framework order, each with its latest label.
fn criteria(rows: &[&PublishedConsensus]) -> Vec<(String, String)> {
    let mut by_code: BTreeMap<&str, (i32, &str)> = BTreeMap::new();
    for r in rows {
        by_code.insert(&r.criterion, (r.position, &r.criterion_label));
    }
    let mut out: Vec<(i32, String, String)> = by_code
        .into_iter()
        .map(|(code, (position, label))| (position, code.to_string(), label.to_string()))
        .collect();
    out.sort();
    out.into_iter().map(|(_, code, label)| (code, label)).collect()
}

/// Per criterion, the targets at each level in each region, for edition `edition`.
fn levels(rows: &[&PublishedConsensus], edition: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    for (code, label) in criteria(rows) {
        let mine: Vec<&&PublishedConsensus> = rows.iter().filter(|r| r.criterion == code).collect();
        // Every level of the scale, used or not, so that a level keeps its colour from one
        // criterion's chart to the next.
        let levels: Vec<(i32, i32, String)> = mine
            .iter()
            .flat_map(|r| {
                r.scale
                    .iter()
                    .zip(1..)
                    .map(|(label, rank)| (r.of, rank, label.clone()))
                    .chain([(r.of, r.rank, r.level.clone())])
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut regions: Vec<String> = mine
            .iter()
            .map(|r| region_of(r))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        regions.sort_by_key(|r| region_order(r));
        let count = |region: &str, level: &(i32, i32, String)| {
            mine.iter()
                .filter(|r| region_of(r) == region && (r.of, r.rank, &r.level) == (level.0, level.1, &level.2))
                .count()
        };
        let series: Vec<Series> = levels
            .iter()
            .map(|l| Series {
                name: format!("{} ({} of {})", l.2, l.1, l.0),
                values: regions.iter().map(|g| count(g, l) as f64).collect(),
            })
            .collect();
        let title = format!("{label}: consensus levels by UN region (edition {edition})");
        let mut header = vec!["region".to_string()];
        header.extend(series.iter().map(|s| s.name.clone()));
        header.push("targets assessed".into());
        let rows = regions
            .iter()
            .map(|g| {
                let mut row = vec![g.clone()];
                row.extend(levels.iter().map(|l| count(g, l).to_string()));
                row.push(mine.iter().filter(|r| &region_of(r) == g).count().to_string());
                row
            })
            .collect();
        out.push(Figure::bar(
            &format!("outcome-levels-{code}"),
            &BarChart {
                title,
                description: format!(
                    "Stacked bars: for each UN region, how many initiatives and mechanisms the editors' published consensus places at each level of the criterion \"{label}\", edition {edition}. Levels run from 1 (lowest) up."
                ),
                categories: regions,
                series,
                stacked: true,
                unit: "targets".into(),
            },
            header,
            rows,
        ));
    }
    out
}

/// How a target's level moved from one edition to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Up,
    Same,
    Down,
}

/// Compares two levels by their place on their scales (the scales may differ in length when a
/// framework version changed): rank 1 of 4 is as low as rank 1 of 3.
fn movement(from: (i32, i32), to: (i32, i32)) -> Move {
    let place = |(rank, _): (i32, i32), other_of: i32| i64::from(rank - 1) * i64::from((other_of - 1).max(1));
    let (a, b) = if from.1 == to.1 {
        (i64::from(from.0), i64::from(to.0))
    } else {
        (place(from, to.1), place(to, from.1))
    };
    match b.cmp(&a) {
        std::cmp::Ordering::Greater => Move::Up,
        std::cmp::Ordering::Equal => Move::Same,
        std::cmp::Ordering::Less => Move::Down,
    }
}

/// Per criterion and pair of consecutive editions in `editions`, how many targets rated in both
/// moved up, stayed or moved down.
fn change(rows: &[PublishedConsensus], editions: &[EditionKey]) -> Option<Figure> {
    let mut at: BTreeMap<(&EditionKey, &str, &str, &str), (i32, i32)> = BTreeMap::new();
    let keys: Vec<EditionKey> = rows.iter().map(key_of).collect();
    for (r, k) in rows.iter().zip(&keys) {
        if editions.contains(k) {
            at.insert((k, &r.target_kind, &r.target_slug, &r.criterion), (r.rank, r.of));
        }
    }
    let in_scope: Vec<&PublishedConsensus> = rows
        .iter()
        .zip(&keys)
        .filter(|(_, k)| editions.contains(k))
        .map(|(r, _)| r)
        .collect();
    let criteria = criteria(&in_scope);
    // (from, to, criterion code, label) -> [up, same, down]
    let mut counts: Vec<(String, String, String, [usize; 3])> = Vec::new();
    for pair in editions.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        for (code, label) in &criteria {
            let mut n = [0usize; 3];
            for ((k, kind, slug, c), before) in &at {
                if *k != from || *c != code {
                    continue;
                }
                if let Some(after) = at.get(&(to, kind, slug, c)) {
                    let i = match movement(*before, *after) {
                        Move::Up => 0,
                        Move::Same => 1,
                        Move::Down => 2,
                    };
                    n[i] += 1;
                }
            }
            if n.iter().sum::<usize>() > 0 {
                counts.push((from.1.clone(), to.1.clone(), label.clone(), n));
            }
        }
    }
    if counts.is_empty() {
        return None;
    }
    let pairs: BTreeSet<(&str, &str)> = counts.iter().map(|(f, t, _, _)| (f.as_str(), t.as_str())).collect();
    let (title, categories): (String, Vec<String>) = if pairs.len() == 1 {
        let (f, t) = pairs.iter().next().copied().unwrap_or_default();
        (
            format!("Change in consensus levels from edition {f} to {t}, by criterion"),
            counts.iter().map(|(_, _, l, _)| l.clone()).collect(),
        )
    } else {
        (
            "Change in consensus levels between consecutive editions, by criterion".to_string(),
            counts.iter().map(|(f, t, l, _)| format!("{l}, {f} → {t}")).collect(),
        )
    };
    let series = ["Moved up", "Stayed", "Moved down"]
        .iter()
        .enumerate()
        .map(|(i, name)| Series {
            name: (*name).to_string(),
            values: counts.iter().map(|(_, _, _, n)| n[i] as f64).collect(),
        })
        .collect();
    Some(Figure::bar(
        "outcome-change",
        &BarChart {
            title,
            description: "Stacked bars: for each criterion and pair of consecutive published editions with outcome assessments, how many initiatives and mechanisms rated in both moved up a level, stayed at the same level, or moved down, by the editors' published consensus.".into(),
            categories,
            series,
            stacked: true,
            unit: "targets".into(),
        },
        vec![
            "from edition".into(),
            "to edition".into(),
            "criterion".into(),
            "moved up".into(),
            "stayed".into(),
            "moved down".into(),
        ],
        counts
            .into_iter()
            .map(|(f, t, l, n)| vec![f, t, l, n[0].to_string(), n[1].to_string(), n[2].to_string()])
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        edition: &str,
        year: i32,
        slug: &str,
        region: Option<&str>,
        criterion: &str,
        rank: i32,
    ) -> PublishedConsensus {
        PublishedConsensus {
            edition: edition.into(),
            edition_year: Some(year),
            target_kind: "initiative".into(),
            target_slug: slug.into(),
            target_label: slug.into(),
            country_iso3: region.map(|_| "XXX".into()),
            un_region: region.map(str::to_string),
            criterion: criterion.into(),
            criterion_label: criterion.to_uppercase(),
            position: if criterion == "results" { 2 } else { 1 },
            rank,
            of: 4,
            level: format!("L{rank}"),
            scale: (1..=4).map(|r| format!("L{r}")).collect(),
        }
    }

    fn choice(slug: &str, year: i32) -> EditionChoice {
        EditionChoice {
            slug: slug.into(),
            year: Some(year),
        }
    }

    #[test]
    fn nothing_published_gives_no_figures() {
        let o = outcomes(&[], None);
        assert!(!o.any_published && o.edition.is_none() && o.levels.is_empty() && o.change.is_none());
    }

    #[test]
    fn levels_are_counted_per_criterion_region_and_level_for_the_latest_edition_shown() {
        let rows = vec![
            row("2017", 2017, "a", Some("africa"), "inst", 2),
            row("2017", 2017, "b", Some("africa"), "inst", 2),
            row("2017", 2017, "c", None, "inst", 1),
            row("2017", 2017, "a", Some("africa"), "results", 3),
            row("2018", 2018, "a", Some("africa"), "inst", 3),
            row("2018", 2018, "b", Some("americas"), "inst", 1),
        ];
        let o = outcomes(&rows, Some(&choice("2017", 2017)));
        assert_eq!(o.edition.as_deref(), Some("2017"));
        let names: Vec<&str> = o.levels.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["outcome-levels-inst", "outcome-levels-results"],
            "framework order"
        );
        let inst = &o.levels[0];
        assert_eq!(
            inst.header,
            [
                "region",
                "L1 (1 of 4)",
                "L2 (2 of 4)",
                "L3 (3 of 4)",
                "L4 (4 of 4)",
                "targets assessed"
            ],
            "the whole scale, used or not"
        );
        assert_eq!(
            inst.rows,
            [
                vec!["Africa", "0", "2", "0", "0", "2"],
                vec!["Regional or international", "1", "0", "0", "0", "1"]
            ]
        );
        assert!(inst.svg.contains("<svg") && inst.title.contains("edition 2017"));
        assert!(o.change.is_none(), "one edition up to 2017: nothing to compare");

        let all = outcomes(&rows, None);
        assert_eq!(all.edition.as_deref(), Some("2018"));
        let change = all.change.expect("two editions");
        assert_eq!(change.rows, [vec!["2017", "2018", "INST", "1", "0", "1"]]);
        assert!(change.title.contains("from edition 2017 to 2018"));
    }

    #[test]
    fn an_edition_before_any_assessment_shows_none_but_knows_some_exist() {
        let rows = vec![row("2018", 2018, "a", Some("africa"), "inst", 3)];
        let o = outcomes(&rows, Some(&choice("2015", 2015)));
        assert!(o.any_published && o.edition.is_none() && o.levels.is_empty());
    }

    #[test]
    fn movement_compares_places_on_scales_of_different_lengths() {
        assert_eq!(movement((2, 4), (3, 4)), Move::Up);
        assert_eq!(movement((3, 4), (3, 4)), Move::Same);
        assert_eq!(movement((4, 4), (1, 4)), Move::Down);
        assert_eq!(movement((1, 4), (1, 3)), Move::Same);
        assert_eq!(movement((4, 4), (3, 3)), Move::Same);
        assert_eq!(movement((2, 4), (3, 3)), Move::Up);
    }
}
