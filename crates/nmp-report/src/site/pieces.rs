//! The pieces the site's pages share: links to parts, profiles and essays, the rows of the
//! mechanism tables, counts by region with their shares, source numbers, and a part's text
//! with the note when the database does not hold it.

use super::pages::Row;
use crate::snapshot::{Citation, MechanismRow, Part, Profile, RegionRow, Snapshot};
use crate::text::{fmt_date, paragraphs};

/// The source numbers of the citations about one of `about`, sorted and unique.
pub(super) fn sources(citations: &[Citation], about: &[&str]) -> Vec<usize> {
    let mut n: Vec<usize> = citations
        .iter()
        .filter(|c| about.is_empty() || about.contains(&c.about.as_str()))
        .map(|c| c.source)
        .collect();
    n.sort_unstable();
    n.dedup();
    n
}

pub(super) fn share(n: usize, of: usize) -> String {
    if of == 0 {
        "–".into()
    } else {
        format!("{}%", (100.0 * n as f64 / of as f64).round())
    }
}

pub(super) fn counts(rows: &[RegionRow]) -> Vec<(String, usize, usize, String)> {
    rows.iter()
        .map(|r| {
            (
                r.region.clone(),
                r.with_mechanism,
                r.states,
                share(r.with_mechanism, r.states),
            )
        })
        .collect()
}

pub(super) fn part_href(part: &Part) -> String {
    format!("parts/{}.html", part.key)
}

/// The anchor of an essay on `essays.html`.
pub(super) fn essay_anchor(part: &Part) -> String {
    format!("essay-{}", part.key)
}

pub(super) fn profile_href(p: &Profile) -> String {
    format!("profiles/{}.html", p.slug)
}

/// A short label for the navigation: the part's title before its colon (`Part I`).
pub(super) fn short_title(title: &str) -> String {
    title.split(':').next().unwrap_or(title).trim().to_string()
}

/// The "as of" phrase of the edition's year (` as of 2017`, or empty).
pub(super) fn when(snapshot: &Snapshot) -> String {
    snapshot
        .overview
        .year
        .map(|y| format!(" as of {y}"))
        .unwrap_or_default()
}

pub(super) fn mechanism_row(state: String, m: &MechanismRow) -> Row {
    Row {
        state,
        name: m.name.clone(),
        href: m.featured.then(|| format!("profiles/{}.html", m.slug)),
        since: m
            .since
            .as_deref()
            .map(fmt_date)
            .unwrap_or_else(|| "not recorded".into()),
        status: m.status.clone().unwrap_or_else(|| "not recorded".into()),
        sources: m.sources.clone(),
    }
}

pub(super) fn country_rows<'a>(countries: impl Iterator<Item = &'a crate::snapshot::CountryRow>) -> Vec<Row> {
    countries
        .flat_map(|c| c.mechanisms.iter().map(|m| mechanism_row(c.name.clone(), m)))
        .collect()
}

pub(super) fn part_text(part: &Part) -> (Vec<String>, Option<String>) {
    let page = part.page.map(|p| format!(" (p. {p})")).unwrap_or_default();
    match (&part.body, &part.summary) {
        (Some(body), _) => (paragraphs(body), None),
        (None, Some(summary)) => (
            paragraphs(summary),
            Some(
                "The full text of this part of the original edition is not in the database; the summary above is what its sources say it holds."
                    .into(),
            ),
        ),
        (None, None) if part.profiles.is_empty() => (
            Vec::new(),
            Some(format!(
                "The text of this part of the original edition{page} is not in the database."
            )),
        ),
        (None, None) => (Vec::new(), None),
    }
}
