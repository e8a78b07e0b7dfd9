//! The site's front page, `index.html`: cover, contents, introduction, methodology, how the
//! figures are computed, the agreement between raters (with outcome assessments), colophon and
//! errata.

use super::pages::{IndexPage, PartEntry, PartText, Shared};
use super::pieces::{essay_anchor, part_href, part_text, profile_href, sources};
use crate::Edition;
use crate::snapshot::Part;
use crate::text::{fmt_date, paragraphs};

/// The front page of `edition`, listing the content `parts`.
pub(super) fn index<'a>(edition: &Edition, s: &'a Shared, parts: &[&Part]) -> IndexPage<'a> {
    let snap = &edition.snapshot;
    let e = &snap.edition;
    let intro = snap
        .parts
        .iter()
        .find(|p| p.key == "introduction" && !p.is_essay())
        .map(|p| {
            let (paragraphs, gap) = part_text(p);
            PartText {
                title: p.title.clone(),
                paragraphs,
                gap,
                sources: sources(&p.citations, &[]),
            }
        });
    let mut published_by = e
        .publishers
        .iter()
        .map(|p| format!("{} ({})", p.name, p.role.to_lowercase()))
        .collect::<Vec<_>>()
        .join("; ");
    if let Some(d) = &e.published_on {
        published_by.push_str(&format!(", {}", fmt_date(d)));
    }
    published_by.push('.');
    if let Some(pages) = e.pages {
        published_by.push_str(&format!(" The original edition has {pages} pages."));
    }
    IndexPage {
        s,
        root: "",
        publishers: e
            .publishers
            .iter()
            .map(|p| {
                let name = match &p.acronym {
                    Some(a) => format!("{} ({a})", p.name),
                    None => p.name.clone(),
                };
                (name, p.role.clone())
            })
            .collect(),
        intro,
        parts: parts
            .iter()
            .map(|p| PartEntry {
                href: part_href(p),
                title: p.title.clone(),
                profiles: p
                    .profiles
                    .iter()
                    .map(|x| (profile_href(x), x.heading.clone()))
                    .collect(),
            })
            .collect(),
        methodology: e.methodology.as_deref().map(paragraphs).unwrap_or_default(),
        methodology_sources: sources(&e.citations, &["methodology"]),
        computed: format!(
            "The figures and tables of this report are computed by NMP from its database, as of the edition's year{}. A state counts as having a national mechanism when at least one mechanism of national level is on record for it and a dated fact (its creation or launch, an activity, a step of its status history, or its profile in an edition) places it in or before that year, and it had not been dissolved by then. Regions are those of the UN geoscheme (M49); regional groups are the five UN regional groups of member states. Every fact shown is cited to a source in the bibliography; where the record is silent, the report says \"not recorded\" rather than filling the gap.",
            snap.overview.year.map(|y| format!(" ({y})")).unwrap_or_default()
        ),
        note: e.note.clone(),
        contributors: e
            .contributors
            .iter()
            .map(|c| {
                let mut line = format!("{}, {}", c.name, c.role.to_lowercase());
                if let Some(a) = &c.affiliation {
                    line.push_str(&format!(" — {a}"));
                }
                line
            })
            .collect(),
        published_by,
        licence: e.licence.clone(),
        edition_sources: sources(&e.citations, &[]),
        errata: edition
            .errata
            .iter()
            .map(|x| (fmt_date(&x.issued_on), x.location.clone(), x.correction.clone()))
            .collect(),
        essays: snap
            .parts
            .iter()
            .filter(|p| p.is_essay())
            .map(|p| (essay_anchor(p), p.title.clone()))
            .collect(),
        agreement: super::outcomes::agreement_tables(snap),
    }
}
