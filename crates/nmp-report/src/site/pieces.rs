//! The pieces the site's pages share: links to parts, profiles and essays, the rows of the
//! mechanism tables, counts by region with their shares, source numbers, and a part's text
//! with the note when the database does not hold it.

use nmp_i18n::{Lang, t, t_args, t_if};

use super::pages::{Row, rec};
use crate::snapshot::{Citation, MechanismRow, Part, Profile, RegionRow, Snapshot};
use crate::text::{fmt_date_in, paragraphs};

/// The overview's name for the states in no UN regional group.
pub(super) const NO_GROUP: &str = "In no UN regional group";

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

/// A region's or group's name as HTML: as recorded (marked English on a French or Spanish
/// page), except the overview's own words for the states in no group, in the page's language.
pub(super) fn region_name(lang: Lang, name: &str) -> String {
    if name == NO_GROUP && lang != Lang::En {
        t(lang, "rs-no-group")
    } else {
        rec(lang, name)
    }
}

/// A heading the report gives by a key (a thematic section's, `rs-theme-KEY`; a profile's
/// narrative's, `rs-narrative-KEY`) as HTML: its words in the page's language, or on an
/// English page (or for a key without words) as the snapshot has it.
pub(super) fn heading_by_key(lang: Lang, prefix: &str, key: &str, recorded: &str) -> String {
    match t_if(lang, &format!("{prefix}-{}", key.replace('_', "-"))) {
        Some(words) if lang != Lang::En => words,
        _ => rec(lang, recorded),
    }
}

/// The counts by region or group: name (HTML, see [`region_name`]), states with a mechanism,
/// states, share.
pub(super) fn counts(rows: &[RegionRow], lang: Lang) -> Vec<(String, usize, usize, String)> {
    rows.iter()
        .map(|r| {
            (
                region_name(lang, &r.region),
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

/// The phrase of the edition's year in `lang`, with its leading space (` as of 2017`,
/// ` en 2017`), or empty.
pub(super) fn when(snapshot: &Snapshot, lang: Lang) -> String {
    snapshot
        .overview
        .year
        .map(|y| format!(" {}", t_args(lang, "rs-when", &[("year", &y.to_string())])))
        .unwrap_or_default()
}

pub(super) fn mechanism_row(state: String, m: &MechanismRow, lang: Lang) -> Row {
    Row {
        state,
        name: m.name.clone(),
        href: m.featured.then(|| format!("profiles/{}.html", m.slug)),
        since: m
            .since
            .as_deref()
            .map(|d| fmt_date_in(lang, d))
            .unwrap_or_else(|| t(lang, "rs-not-recorded")),
        status: m.status.clone(),
        sources: m.sources.clone(),
    }
}

pub(super) fn country_rows<'a>(
    countries: impl Iterator<Item = &'a crate::snapshot::CountryRow>,
    lang: Lang,
) -> Vec<Row> {
    countries
        .flat_map(|c| c.mechanisms.iter().map(|m| mechanism_row(c.name.clone(), m, lang)))
        .collect()
}

/// A part's paragraphs, and the note (in `lang`) when the database does not hold its text.
pub(super) fn part_text(part: &Part, lang: Lang) -> (Vec<String>, Option<String>) {
    let page = part.page.map(|p| format!(" (p. {p})")).unwrap_or_default();
    match (&part.body, &part.summary) {
        (Some(body), _) => (paragraphs(body), None),
        (None, Some(summary)) => (paragraphs(summary), Some(t(lang, "rs-part-summary-only"))),
        (None, None) if part.profiles.is_empty() => {
            (Vec::new(), Some(t_args(lang, "rs-part-missing", &[("page", &page)])))
        }
        (None, None) => (Vec::new(), None),
    }
}
