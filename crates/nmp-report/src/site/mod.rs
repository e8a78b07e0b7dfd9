//! The static HTML site of an edition, built from the same snapshot as the PDF: `index.html`
//! (cover, contents, introduction, methodology, colophon, errata), `overview.html`,
//! `regions.html`, one page per part (`parts/KEY.html`) and per profile
//! (`profiles/SLUG.html`), `themes.html`, `outcomes.html` (the outcome assessments, when the
//! edition has any), `essays.html` (the expert opinion essays, when the edition has any), `annex.html`, `bibliography.html`, the figures as SVG and one stylesheet.
//! Every link is relative and no page needs JavaScript, so the site works from a plain file
//! server or straight from the disk.
//!
//! [`build`] lists the pages in order, one function each; the front page is filled in `index`,
//! a profile's page in `profile`, and the pieces pages share (links, table rows, counts, a
//! part's text) are in `pieces`. Templates: `templates/site/`; the page types they render are
//! in `pages`.

use askama::Template;

use crate::snapshot::{Part, Snapshot};
use crate::text::{fmt_date, how_to_cite, year};
use crate::{Edition, ReportError};

mod index;
mod outcomes;
mod pages;
mod pieces;
mod profile;

use pages::{
    AnnexPage, BibEntry, BibliographyPage, Essay, EssaysPage, Group, NavPart, OverviewPage, PartPage, RegionsPage,
    Shared, ThemeView, ThemesPage,
};
use pieces::{
    country_rows, counts, essay_anchor, mechanism_row, part_href, part_text, profile_href, share, short_title, sources,
    when,
};

const STYLE: &str = include_str!("../../templates/site/style.css");

/// A site's file: its relative path and contents.
type File = (String, Vec<u8>);

fn render(template: &impl Template) -> Result<Vec<u8>, ReportError> {
    template
        .render()
        .map(String::into_bytes)
        .map_err(|e| ReportError::Template(format!("site: {e}")))
}

/// The site's files: relative paths (`index.html`, `profiles/ken-national-committee.html`) and
/// their contents.
pub fn build(edition: &Edition) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
    let snap = &edition.snapshot;
    let content_parts: Vec<&Part> = snap
        .parts
        .iter()
        .filter(|p| p.key != "introduction" && !p.is_essay())
        .collect();
    let essays: Vec<&Part> = snap.parts.iter().filter(|p| p.is_essay()).collect();
    let shared = shared(edition, &content_parts, !essays.is_empty());
    let s = &shared;
    let mut files: Vec<File> = Vec::new();
    files.push(("index.html".into(), render(&index::index(edition, s, &content_parts))?));
    files.push(overview_page(snap, s)?);
    files.push(regions_page(snap, s)?);
    for part in &content_parts {
        files.extend(part_pages(s, part)?);
    }
    files.push(themes_page(snap, s)?);
    if !snap.outcomes.is_empty() {
        files.push(("outcomes.html".into(), render(&outcomes::page(s, snap))?));
    }
    if !essays.is_empty() {
        files.push(essays_page(s, &essays)?);
    }
    files.push(annex_page(snap, s)?);
    files.push(bibliography_page(snap, s)?);
    files.push(("style.css".into(), STYLE.as_bytes().to_vec()));
    for (name, svg) in crate::figures::build(snap) {
        files.push((format!("figures/{name}"), svg.into_bytes()));
    }
    Ok(files)
}

/// What every page shows: the edition, the navigation (the content `parts`, and the essays
/// when there are any), the footer.
fn shared(edition: &Edition, content_parts: &[&Part], essays: bool) -> Shared {
    let snap = &edition.snapshot;
    let e = &snap.edition;
    Shared {
        title: e.title.clone(),
        subtitle: e.subtitle.clone(),
        kind: e.kind.clone(),
        year: year(snap),
        draft: edition.draft,
        cite: how_to_cite(snap),
        sha256: edition.sha256.clone(),
        version: env!("CARGO_PKG_VERSION"),
        parts: content_parts
            .iter()
            .map(|p| NavPart {
                href: part_href(p),
                short: short_title(&p.title),
            })
            .collect(),
        essays,
        outcomes: !snap.outcomes.is_empty(),
    }
}

/// `overview.html`: the global figures, the map and the counts by UN region.
fn overview_page(snap: &Snapshot, s: &Shared) -> Result<File, ReportError> {
    let o = &snap.overview;
    let when = when(snap);
    Ok((
        "overview.html".into(),
        render(&OverviewPage {
            s,
            root: "",
            lede: format!(
                "{}, {} of {} states ({}) had at least one national mechanism for the prevention of genocide and other atrocity crimes on record.",
                o.year
                    .map(|y| format!("As of {y}"))
                    .unwrap_or_else(|| "In all recorded data".into()),
                o.with_mechanism,
                o.states,
                share(o.with_mechanism, o.states)
            ),
            when: when.clone(),
            map_alt: format!(
                "World map: the states with a national mechanism{when} in colour: {}.",
                o.countries
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            regions: counts(&o.regions),
            risk: o.risk_gap.as_ref(),
        })?,
    ))
}

/// `regions.html`: each UN regional group with its mechanisms.
fn regions_page(snap: &Snapshot, s: &Shared) -> Result<File, ReportError> {
    let o = &snap.overview;
    let groups = o
        .groups
        .iter()
        .map(|g| Group {
            name: g.region.clone(),
            with: g.with_mechanism,
            states: g.states,
            share: share(g.with_mechanism, g.states),
            rows: country_rows(o.countries.iter().filter(|c| {
                c.group.as_deref() == Some(g.region.as_str())
                    || (c.group.is_none() && g.region == "In no UN regional group")
            })),
        })
        .collect();
    Ok((
        "regions.html".into(),
        render(&RegionsPage {
            s,
            root: "",
            when: when(snap),
            groups,
        })?,
    ))
}

/// A part's page, then the page of each of its profiles.
fn part_pages(s: &Shared, part: &Part) -> Result<Vec<File>, ReportError> {
    let (paragraphs, gap) = part_text(part);
    let mut files = vec![(
        part_href(part),
        render(&PartPage {
            s,
            root: "../",
            title: part.title.clone(),
            paragraphs,
            gap,
            sources: sources(&part.citations, &[]),
            profiles: part
                .profiles
                .iter()
                .map(|p| {
                    (
                        profile_href(p),
                        p.heading.clone(),
                        p.country.clone().unwrap_or_default(),
                    )
                })
                .collect(),
        })?,
    )];
    for p in &part.profiles {
        files.push((profile_href(p), render(&profile::profile(s, part, p))?));
    }
    Ok(files)
}

/// `themes.html`: civil society, corporations and religious organisations.
fn themes_page(snap: &Snapshot, s: &Shared) -> Result<File, ReportError> {
    Ok((
        "themes.html".into(),
        render(&ThemesPage {
            s,
            root: "",
            when: when(snap),
            themes: snap
                .themes
                .iter()
                .map(|t| ThemeView {
                    key: &t.key,
                    title: &t.title,
                    members: &t.members,
                    rows: t
                        .mechanisms
                        .iter()
                        .map(|m| mechanism_row(m.country.clone().unwrap_or_default(), m))
                        .collect(),
                })
                .collect(),
        })?,
    ))
}

/// `essays.html`: the expert opinion essays.
fn essays_page(s: &Shared, essays: &[&Part]) -> Result<File, ReportError> {
    Ok((
        "essays.html".into(),
        render(&EssaysPage {
            s,
            root: "",
            essays: essays
                .iter()
                .map(|p| {
                    let (paragraphs, gap) = part_text(p);
                    Essay {
                        anchor: essay_anchor(p),
                        title: p.title.clone(),
                        author: p.author.clone(),
                        sources: sources(&p.citations, &[]),
                        paragraphs,
                        gap,
                    }
                })
                .collect(),
        })?,
    ))
}

/// `annex.html`: the data tables.
fn annex_page(snap: &Snapshot, s: &Shared) -> Result<File, ReportError> {
    let o = &snap.overview;
    Ok((
        "annex.html".into(),
        render(&AnnexPage {
            s,
            root: "",
            when: when(snap),
            rows: country_rows(o.countries.iter()),
            groups: counts(&o.groups),
        })?,
    ))
}

/// `bibliography.html`: every source, numbered as the pages cite it.
fn bibliography_page(snap: &Snapshot, s: &Shared) -> Result<File, ReportError> {
    Ok((
        "bibliography.html".into(),
        render(&BibliographyPage {
            s,
            root: "",
            sources: snap
                .bibliography
                .iter()
                .map(|b| BibEntry {
                    number: b.number,
                    text: [
                        b.author.clone(),
                        Some(b.title.clone()),
                        b.publisher.clone(),
                        b.published_on.as_deref().map(fmt_date),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
                        + ".",
                    kind: b.kind.clone(),
                    url: b.url.clone(),
                    accessed: b.accessed_on.as_deref().map(fmt_date),
                })
                .collect(),
        })?,
    ))
}
