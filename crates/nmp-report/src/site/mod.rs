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
use nmp_i18n::{Lang, t, t_args, t_count};

use crate::snapshot::{Part, RiskGap, Snapshot};
use crate::text::{fmt_date_in, how_to_cite_in, year};
use crate::{Edition, ReportError};

mod essay;
mod index;
mod outcomes;
mod pages;
mod pieces;
mod profile;

use pages::{
    AnnexPage, BibEntry, BibliographyPage, Essay, EssaysPage, Group, NavPart, OverviewPage, PartPage, RegionsPage,
    Shared, ThemeView, ThemesPage, esc, rec,
};
use pieces::{
    NO_GROUP, country_rows, counts, essay_anchor, heading_by_key, mechanism_row, part_href, part_text, profile_href,
    region_name, share, short_title, sources, when,
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
/// when there are any), the footer; all in the edition's language.
fn shared(edition: &Edition, content_parts: &[&Part], essays: bool) -> Shared {
    let snap = &edition.snapshot;
    let e = &snap.edition;
    let lang = Lang::from_code(&e.language).unwrap_or_default();
    let hash = format!("<code>{}</code>", esc(&edition.sha256));
    Shared {
        lang,
        title: e.title.clone(),
        subtitle: e.subtitle.clone(),
        kind: e.kind.clone(),
        year: year(snap),
        draft: edition.draft,
        cite: how_to_cite_in(lang, snap),
        built_by: t_args(
            lang,
            "rs-built-by",
            &[("version", &esc(env!("CARGO_PKG_VERSION"))), ("sha256", &hash)],
        ),
        snapshot_line: t_args(lang, "rs-snapshot-text", &[("sha256", &hash)]),
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
    let lang = s.lang;
    let when = when(snap, lang);
    let as_of = o
        .year
        .map(|y| t_args(lang, "rs-as-of", &[("year", &y.to_string())]))
        .unwrap_or_else(|| t(lang, "rs-all-data"));
    Ok((
        "overview.html".into(),
        render(&OverviewPage {
            s,
            root: "",
            lede: t_args(
                lang,
                "rs-overview-lede",
                &[
                    ("when", &as_of),
                    ("with", &o.with_mechanism.to_string()),
                    ("states", &o.states.to_string()),
                    ("share", &share(o.with_mechanism, o.states)),
                ],
            ),
            when: when.clone(),
            map_alt: t_args(
                lang,
                "rs-map-alt",
                &[
                    ("when", &when),
                    (
                        "states",
                        &o.countries
                            .iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ],
            ),
            regions: counts(&o.regions, lang),
            risk: o.risk_gap.as_ref(),
            risk_text: o
                .risk_gap
                .as_ref()
                .map(|r| risk_text(lang, r, &when))
                .unwrap_or_default(),
            risk_caption: o.risk_gap.as_ref().map(|r| risk_caption(lang, r)).unwrap_or_default(),
        })?,
    ))
}

/// The risk table's introduction (HTML): the release, what the table lists, how many states are
/// flagged, and what a forecast is.
fn risk_text(lang: Lang, r: &RiskGap, when: &str) -> String {
    let previous = match &r.previous {
        Some(p) => esc(p),
        None => t(lang, "rs-risk-previous"),
    };
    let intro = t_args(
        lang,
        "rs-risk-text",
        &[
            ("label", &rec(lang, &r.label)),
            ("states", &r.states.to_string()),
            ("rows", &r.rows.len().to_string()),
            ("previous", &previous),
            ("when", &esc(when)),
        ],
    );
    let flagged = t_args(
        lang,
        "rs-risk-flagged",
        &[
            ("number", &format!("<strong>{}</strong>", r.flagged)),
            ("flagged", &t_count(lang, "rs-risk-flagged-count", "count", r.flagged)),
            ("mark", "<span class=\"flag\" aria-hidden=\"true\">■</span>"),
        ],
    );
    format!("{intro} {flagged} {}", t(lang, "rs-risk-forecast"))
}

/// The risk table's caption (HTML): the release it is read from, with its link and hash.
fn risk_caption(lang: Lang, r: &RiskGap) -> String {
    let mut release = format!("{}, {}", esc(&r.title), esc(&r.publisher));
    if let Some(v) = &r.version {
        release.push_str(&format!(", {}", esc(v)));
    }
    if let Some(u) = &r.url {
        release.push_str(&format!(", <a href=\"{0}\">{0}</a>", esc(u)));
    }
    if let Some(h) = &r.file_sha256 {
        let hash = format!("<code>{}</code>", esc(h));
        release.push_str(&format!(" ({})", t_args(lang, "rs-risk-file", &[("sha256", &hash)])));
    }
    t_args(lang, "rs-risk-caption", &[("release", &release)])
}

/// `regions.html`: each UN regional group with its mechanisms.
fn regions_page(snap: &Snapshot, s: &Shared) -> Result<File, ReportError> {
    let o = &snap.overview;
    let lang = s.lang;
    let when = when(snap, lang);
    let groups = o
        .groups
        .iter()
        .map(|g| {
            let count = t_args(
                lang,
                "rs-group-count",
                &[
                    ("with", &g.with_mechanism.to_string()),
                    ("states", &g.states.to_string()),
                ],
            );
            Group {
                name: region_name(lang, &g.region),
                text: t_args(
                    lang,
                    "rs-group-text",
                    &[
                        ("count", &format!("<strong>{count}</strong>")),
                        ("share", &esc(&share(g.with_mechanism, g.states))),
                        ("when", &esc(&when)),
                    ],
                ),
                rows: country_rows(
                    o.countries.iter().filter(|c| {
                        c.group.as_deref() == Some(g.region.as_str()) || (c.group.is_none() && g.region == NO_GROUP)
                    }),
                    lang,
                ),
            }
        })
        .collect();
    Ok((
        "regions.html".into(),
        render(&RegionsPage {
            s,
            root: "",
            when,
            groups,
        })?,
    ))
}

/// A part's page, then the page of each of its profiles.
fn part_pages(s: &Shared, part: &Part) -> Result<Vec<File>, ReportError> {
    let (paragraphs, gap) = part_text(part, s.lang);
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
            when: when(snap, s.lang),
            themes: snap
                .themes
                .iter()
                .map(|t| ThemeView {
                    key: &t.key,
                    title: heading_by_key(s.lang, "rs-theme", &t.key, &t.title),
                    members: &t.members,
                    rows: t
                        .mechanisms
                        .iter()
                        .map(|m| mechanism_row(m.country.clone().unwrap_or_default(), m, s.lang))
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
                    let (paragraphs, gap) = part_text(p, s.lang);
                    Essay {
                        anchor: essay_anchor(p),
                        title: p.title.clone(),
                        author: p.author.clone(),
                        sources: sources(&p.citations, &[]),
                        paragraphs,
                        gap,
                        meta: p.essay.as_ref().map(|m| essay::view(m, s.lang, &essay_anchor(p))),
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
            when: when(snap, s.lang),
            rows: country_rows(o.countries.iter(), s.lang),
            groups: counts(&o.groups, s.lang),
        })?,
    ))
}

/// `bibliography.html`: every source, numbered as the pages cite it.
fn bibliography_page(snap: &Snapshot, s: &Shared) -> Result<File, ReportError> {
    let lang = s.lang;
    Ok((
        "bibliography.html".into(),
        render(&BibliographyPage {
            s,
            root: "",
            sources: snap
                .bibliography
                .iter()
                .map(|b| {
                    // The record's words (English, marked so on a French or Spanish page), then the
                    // date in the page's language.
                    let words = [b.author.clone(), Some(b.title.clone()), b.publisher.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ");
                    let mut text = if words.is_empty() {
                        String::new()
                    } else {
                        rec(lang, &words)
                    };
                    if let Some(date) = b.published_on.as_deref() {
                        if !text.is_empty() {
                            text.push_str(", ");
                        }
                        text.push_str(&esc(&fmt_date_in(lang, date)));
                    }
                    text.push('.');
                    BibEntry {
                        number: b.number,
                        text,
                        kind: b.kind.clone(),
                        url: b.url.clone(),
                        accessed: b.accessed_on.as_deref().map(|d| fmt_date_in(lang, d)),
                    }
                })
                .collect(),
        })?,
    ))
}

#[cfg(test)]
mod tests {
    use super::pieces::{heading_by_key, region_name};
    use super::*;

    #[test]
    fn flagged_states_are_counted_in_each_language() {
        let flagged = |lang, n| t_count(lang, "rs-risk-flagged-count", "count", n);
        assert_eq!(flagged(Lang::En, 1), "state is flagged");
        assert_eq!(flagged(Lang::En, 0), "states are flagged");
        assert_eq!(flagged(Lang::Fr, 1), "État est signalé");
        assert_eq!(flagged(Lang::Fr, 0), "État est signalé");
        assert_eq!(flagged(Lang::Fr, 2), "États sont signalés");
        assert_eq!(flagged(Lang::Es, 1), "Estado está señalado");
        assert_eq!(flagged(Lang::Es, 27), "Estados están señalados");
    }

    #[test]
    fn the_report_s_own_headings_are_translated_and_records_are_marked() {
        assert_eq!(
            heading_by_key(Lang::Fr, "rs-theme", "civil-society", "Civil society"),
            "Société civile"
        );
        assert_eq!(
            heading_by_key(Lang::Es, "rs-narrative", "recent_developments", "Recent developments"),
            "Novedades recientes"
        );
        // English keeps the snapshot's words; an unknown key is record data.
        assert_eq!(
            heading_by_key(Lang::En, "rs-theme", "religious", "Faith & belief"),
            "Faith &#38; belief"
        );
        assert_eq!(
            heading_by_key(Lang::Fr, "rs-theme", "unknown", "Unknown"),
            "<span lang=\"en\">Unknown</span>"
        );
        assert_eq!(
            region_name(Lang::Es, pieces::NO_GROUP),
            "En ningún grupo regional de la ONU"
        );
        assert_eq!(region_name(Lang::En, pieces::NO_GROUP), pieces::NO_GROUP);
        assert_eq!(region_name(Lang::Fr, "Africa"), "<span lang=\"en\">Africa</span>");
    }
}
