//! The static HTML site of an edition, built from the same snapshot as the PDF: `index.html`
//! (cover, contents, introduction, methodology, colophon, errata), `overview.html`,
//! `regions.html`, one page per part (`parts/KEY.html`) and per profile
//! (`profiles/SLUG.html`), `themes.html`, `essays.html` (the expert opinion essays, when the
//! edition has any), `annex.html`, `bibliography.html`, the figures as SVG and one stylesheet. Every link is relative and no page needs JavaScript, so the site works
//! from a plain file server or straight from the disk. Templates: `templates/site/`; the page
//! types they render are in `pages`.

use askama::Template;

use crate::snapshot::{Citation, MechanismRow, Part, Profile, RegionRow, Snapshot};
use crate::text::{fmt_date, how_to_cite, paragraphs, year};
use crate::{Edition, ReportError};

mod pages;

use pages::{
    AnnexPage, BibEntry, BibliographyPage, Essay, EssaysPage, Group, IndexPage, NavPart, OverviewPage, PartEntry,
    PartPage, PartText, ProfilePage, RegionsPage, Row, Shared, ThemeView, ThemesPage,
};

const STYLE: &str = include_str!("../../templates/site/style.css");

/// The source numbers of the citations about one of `about`, sorted and unique.
fn sources(citations: &[Citation], about: &[&str]) -> Vec<usize> {
    let mut n: Vec<usize> = citations
        .iter()
        .filter(|c| about.is_empty() || about.contains(&c.about.as_str()))
        .map(|c| c.source)
        .collect();
    n.sort_unstable();
    n.dedup();
    n
}

fn share(n: usize, of: usize) -> String {
    if of == 0 {
        "–".into()
    } else {
        format!("{}%", (100.0 * n as f64 / of as f64).round())
    }
}

fn counts(rows: &[RegionRow]) -> Vec<(String, usize, usize, String)> {
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

fn part_href(part: &Part) -> String {
    format!("parts/{}.html", part.key)
}

/// The anchor of an essay on `essays.html`.
fn essay_anchor(part: &Part) -> String {
    format!("essay-{}", part.key)
}

fn profile_href(p: &Profile) -> String {
    format!("profiles/{}.html", p.slug)
}

/// A short label for the navigation: the part's title before its colon (`Part I`).
fn short_title(title: &str) -> String {
    title.split(':').next().unwrap_or(title).trim().to_string()
}

/// The "as of" phrase of the edition's year (` as of 2017`, or empty).
fn when(snapshot: &Snapshot) -> String {
    snapshot
        .overview
        .year
        .map(|y| format!(" as of {y}"))
        .unwrap_or_default()
}

fn mechanism_row(state: String, m: &MechanismRow) -> Row {
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

fn country_rows<'a>(countries: impl Iterator<Item = &'a crate::snapshot::CountryRow>) -> Vec<Row> {
    countries
        .flat_map(|c| c.mechanisms.iter().map(|m| mechanism_row(c.name.clone(), m)))
        .collect()
}

fn part_text(part: &Part) -> (Vec<String>, Option<String>) {
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
    let e = &snap.edition;
    let content_parts: Vec<&Part> = snap
        .parts
        .iter()
        .filter(|p| p.key != "introduction" && !p.is_essay())
        .collect();
    let essays: Vec<&Part> = snap.parts.iter().filter(|p| p.is_essay()).collect();
    let shared = Shared {
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
        essays: !essays.is_empty(),
    };
    let s = &shared;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let when = when(snap);

    files.push(("index.html".into(), render(&index(edition, s, &content_parts))?));

    let o = &snap.overview;
    files.push((
        "overview.html".into(),
        render(&OverviewPage {
            s,
            root: "",
            lede: format!(
                "{}, {} of {} states ({}) had at least one national mechanism for the prevention of genocide and other atrocity crimes on record.",
                o.year.map(|y| format!("As of {y}")).unwrap_or_else(|| "In all recorded data".into()),
                o.with_mechanism,
                o.states,
                share(o.with_mechanism, o.states)
            ),
            when: when.clone(),
            map_alt: format!(
                "World map: the states with a national mechanism{when} in colour: {}.",
                o.countries.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
            regions: counts(&o.regions),
        })?,
    ));

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
    files.push((
        "regions.html".into(),
        render(&RegionsPage {
            s,
            root: "",
            when: when.clone(),
            groups,
        })?,
    ));

    for part in &content_parts {
        let (paragraphs, gap) = part_text(part);
        files.push((
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
        ));
        for p in &part.profiles {
            files.push((profile_href(p), render(&profile(s, part, p))?));
        }
    }

    files.push((
        "themes.html".into(),
        render(&ThemesPage {
            s,
            root: "",
            when: when.clone(),
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
    ));
    if !essays.is_empty() {
        files.push((
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
        ));
    }
    files.push((
        "annex.html".into(),
        render(&AnnexPage {
            s,
            root: "",
            when,
            rows: country_rows(o.countries.iter()),
            groups: counts(&o.groups),
        })?,
    ));
    files.push((
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
    ));
    files.push(("style.css".into(), STYLE.as_bytes().to_vec()));
    for (name, svg) in crate::figures::build(snap) {
        files.push((format!("figures/{name}"), svg.into_bytes()));
    }
    Ok(files)
}

fn index<'a>(edition: &Edition, s: &'a Shared, parts: &[&Part]) -> IndexPage<'a> {
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
    }
}

fn profile<'a>(s: &'a Shared, part: &Part, p: &'a Profile) -> ProfilePage<'a> {
    let date = |d: &Option<String>| d.as_deref().map(fmt_date).unwrap_or_default();
    let instrument = p
        .instrument
        .as_ref()
        .map(|i| {
            let mut parts = vec![match &i.number {
                Some(n) => format!("{} no. {n}", i.kind),
                None => i.kind.clone(),
            }];
            parts.extend(i.title.clone());
            parts.extend(i.date.as_deref().map(fmt_date));
            parts.join(", ")
        })
        .unwrap_or_default();
    let members = p
        .members
        .iter()
        .map(|m| {
            if m.role == "Member" {
                m.organization.clone()
            } else {
                format!("{} ({})", m.organization, m.role.to_lowercase())
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let functions = p
        .functions
        .iter()
        .map(|f| format!("{} ({})", f.function, f.level.to_lowercase()))
        .collect::<Vec<_>>()
        .join("; ");
    let mut facts = vec![
        ("Country", p.country.clone().unwrap_or_default(), vec![]),
        ("Regional group", p.group.clone().unwrap_or_default(), vec![]),
        ("Type", format!("{} · {} level", p.kind, p.level.to_lowercase()), vec![]),
        (
            "Established",
            date(&p.created_on),
            sources(&p.citations, &["created_on"]),
        ),
        (
            "Launched",
            date(&p.launched_on),
            sources(&p.citations, &["launched_on"]),
        ),
        (
            "Founding instrument",
            instrument,
            sources(&p.citations, &["instrument"]),
        ),
        ("Lead institution", p.lead.clone().unwrap_or_default(), vec![]),
        ("Members", members, sources(&p.citations, &["member"])),
        ("Functions", functions, vec![]),
    ];
    if p.group.is_none() {
        facts.remove(1);
    }
    let page = p.page.map(|n| format!(" (p. {n})")).unwrap_or_default();
    ProfilePage {
        s,
        root: "../",
        p,
        part_href: part_href(part),
        part_title: part.title.clone(),
        record_sources: sources(&p.citations, &["mechanism", "profile"]),
        facts,
        narrative: p
            .narrative
            .iter()
            .map(|n| {
                (
                    n.heading.clone(),
                    paragraphs(&n.text),
                    sources(&p.citations, &[n.key.as_str()]),
                )
            })
            .collect(),
        text_gap: format!(
            "The text of this profile in the original edition{page} is not in the database; the facts above are those on record, each cited."
        ),
        statuses: p
            .statuses
            .iter()
            .map(|x| {
                let mut line = x.status.clone();
                if let Some(on) = &x.on {
                    line.push_str(&format!(", {}", fmt_date(on)));
                }
                if let Some(n) = &x.note {
                    line.push_str(&format!(" — {n}"));
                }
                line
            })
            .collect(),
        status_sources: sources(&p.citations, &["status"]),
        activities: p
            .activities
            .iter()
            .map(|a| {
                let mut line = format!("{}: {} ({})", fmt_date(&a.on), a.title, a.kind);
                if let Some(d) = &a.description {
                    line.push_str(&format!(". {d}"));
                }
                line
            })
            .collect(),
        activity_sources: sources(&p.citations, &["activity"]),
    }
}
