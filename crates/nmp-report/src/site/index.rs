//! The site's front page, `index.html`: cover, contents, introduction, methodology, how the
//! figures are computed, the agreement between raters (with outcome assessments), colophon and
//! errata.

use super::pages::{IndexPage, PartEntry, PartText, Shared};
use super::pieces::{essay_anchor, part_href, part_text, profile_href, sources};
use crate::Edition;
use crate::snapshot::Part;
use crate::text::{fmt_date_in, paragraphs};

/// The front page of `edition`, listing the content `parts`.
pub(super) fn index<'a>(edition: &Edition, s: &'a Shared, parts: &[&Part]) -> IndexPage<'a> {
    let snap = &edition.snapshot;
    let e = &snap.edition;
    let lang = s.lang;
    let intro = snap
        .parts
        .iter()
        .find(|p| p.key == "introduction" && !p.is_essay())
        .map(|p| {
            let (paragraphs, gap) = part_text(p, lang);
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
        published_by.push_str(&format!(", {}", fmt_date_in(lang, d)));
    }
    published_by.push('.');
    if let Some(pages) = e.pages {
        published_by.push(' ');
        published_by.push_str(&nmp_i18n::t_args(
            lang,
            "rs-original-pages",
            &[("pages", &pages.to_string())],
        ));
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
        computed: nmp_i18n::t_args(
            lang,
            "rs-computed",
            &[(
                "year",
                &snap.overview.year.map(|y| format!(" ({y})")).unwrap_or_default(),
            )],
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
            .map(|x| {
                (
                    fmt_date_in(lang, &x.issued_on),
                    x.location.clone(),
                    x.correction.clone(),
                )
            })
            .collect(),
        essays: snap
            .parts
            .iter()
            .filter(|p| p.is_essay())
            .map(|p| (essay_anchor(p), p.title.clone()))
            .collect(),
        agreement: super::outcomes::agreement_tables(snap, lang),
    }
}
