//! The edition's report as Markdown (pandoc's dialect: a YAML title block, pipe tables, inline
//! footnotes `^[...]`), with the same content and order as the PDF, so that a pandoc + LaTeX
//! build of the same document can be compared with NMP's Typst build (the benchmarks). Figures
//! are referenced as SVG files in a directory beside the Markdown file.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::Edition;
use crate::snapshot::{EssayMeta, MechanismRow, Part, Snapshot};
use crate::text::{fmt_date, how_to_cite, paragraphs, year};

mod markup;
mod outcomes;
mod profile;
mod risk;

use markup::{counts_table, esc, gap, mechanism_table, notes, part_text, refs, share};
use profile::profile;

/// The Markdown of the edition, and its figures (file name to SVG), which it references as
/// `FIGURES_DIR/NAME.svg`. The sections follow the PDF's order.
pub fn render(edition: &Edition, figures_dir: &str) -> (String, BTreeMap<String, String>) {
    let mut out = String::new();
    front(&mut out, edition);
    introduction(&mut out, edition);
    about(&mut out, edition);
    global_overview(&mut out, edition, figures_dir);
    regional_overview(&mut out, edition, figures_dir);
    parts(&mut out, edition);
    themes(&mut out, edition);
    outcomes::chapter(&mut out, &edition.snapshot);
    essays(&mut out, edition, figures_dir);
    errata(&mut out, edition);
    annex(&mut out, edition);
    bibliography(&mut out, edition);
    (out, crate::figures::build(&edition.snapshot))
}

/// The "as of" phrase of the edition's year (` as of 2017`, or empty).
fn as_of(snap: &Snapshot) -> String {
    snap.overview.year.map(|y| format!(" as of {y}")).unwrap_or_default()
}

/// The title block (YAML: pandoc's title page), the DRAFT mark, how to cite and the snapshot's hash.
fn front(out: &mut String, edition: &Edition) {
    let snap = &edition.snapshot;
    let e = &snap.edition;
    let yaml = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let _ = writeln!(out, "---\ntitle: {}", yaml(&e.title));
    if let Some(sub) = &e.subtitle {
        let _ = writeln!(out, "subtitle: {}", yaml(sub));
    }
    let _ = writeln!(out, "date: {}", yaml(&year(snap)));
    let _ = writeln!(out, "author:");
    for p in &e.publishers {
        let _ = writeln!(out, "  - {}", yaml(&p.name));
    }
    let _ = writeln!(out, "lang: en\n---\n");
    if edition.draft {
        let _ = writeln!(
            out,
            "**DRAFT**: not for circulation; facts and layout may still change.\n"
        );
    }

    let _ = writeln!(out, "**How to cite:** {}\n", esc(&how_to_cite(snap)));
    let _ = writeln!(
        out,
        "Typeset from the NMP snapshot with SHA-256 `{}`; the same snapshot always gives the same document.\n",
        edition.sha256
    );
}

/// The introduction, first.
fn introduction(out: &mut String, edition: &Edition) {
    let snap = &edition.snapshot;
    for part in snap.parts.iter().filter(|p| p.key == "introduction" && !p.is_essay()) {
        let _ = writeln!(out, "# {}\n", esc(&part.title));
        part_text(out, part);
    }
}

/// About this edition: the methodology, how the figures are computed, the agreement between
/// raters (when the edition has outcome assessments), notes on the record.
fn about(out: &mut String, edition: &Edition) {
    let snap = &edition.snapshot;
    let e = &snap.edition;
    let _ = writeln!(out, "# About this edition\n\n## Methodology\n");
    match &e.methodology {
        Some(m) => {
            let _ = writeln!(
                out,
                "The research for this edition used the following method:{}\n",
                notes(snap, &e.citations, &["methodology"])
            );
            for p in paragraphs(m) {
                let _ = writeln!(out, "> *{}*\n", esc(&p));
            }
        }
        None => gap(out, "The methodology of this edition is not in the database."),
    }
    let _ = writeln!(
        out,
        "## How the figures are computed\n\nThe figures and tables of this report are computed by NMP from its database, as of the edition's year. A state counts as having a national mechanism when at least one mechanism of national level is on record for it and a dated fact places it in or before that year, and it had not been dissolved by then. Every fact shown is cited to a source in the bibliography.\n"
    );
    outcomes::agreement(out, snap);
    if let Some(n) = &e.note {
        let _ = writeln!(
            out,
            "## Notes on the record\n\n{}{}\n",
            esc(n),
            notes(snap, &e.citations, &["note"])
        );
    }
}

/// The global overview: the map, counts by UN region and their chart.
fn global_overview(out: &mut String, edition: &Edition, figures_dir: &str) {
    let snap = &edition.snapshot;
    let o = &snap.overview;
    let when = as_of(snap);
    let _ = writeln!(
        out,
        "# Global overview\n\n{}, **{} of {}** states ({}) had at least one national mechanism for the prevention of genocide and other atrocity crimes on record.\n",
        o.year
            .map(|y| format!("As of {y}"))
            .unwrap_or_else(|| "In all recorded data".into()),
        o.with_mechanism,
        o.states,
        share(o.with_mechanism, o.states)
    );
    let _ = writeln!(
        out,
        "![States with a national mechanism{when}.]({figures_dir}/map.svg)\n"
    );
    counts_table(out, "UN region", &o.regions, (o.with_mechanism, o.states));
    let _ = writeln!(
        out,
        "![States with and without a national mechanism, by UN region.]({figures_dir}/by-region.svg)\n"
    );
    if let Some(r) = &o.risk_gap {
        risk::risk_gap(out, r, &when);
    }
}

/// The regional overview: the chart by UN regional group, then each group with its mechanisms.
fn regional_overview(out: &mut String, edition: &Edition, figures_dir: &str) {
    let snap = &edition.snapshot;
    let o = &snap.overview;
    let when = as_of(snap);
    let _ = writeln!(
        out,
        "# Regional overview\n\n![States with and without a national mechanism, by UN regional group.]({figures_dir}/by-group.svg)\n"
    );
    for g in &o.groups {
        let _ = writeln!(
            out,
            "## {}\n\n**{} of {}** states of the group ({}) had a national mechanism on record{when}.\n",
            esc(&g.region),
            g.with_mechanism,
            g.states,
            share(g.with_mechanism, g.states)
        );
        let rows: Vec<(String, &MechanismRow)> = o
            .countries
            .iter()
            .filter(|c| {
                c.group.as_deref() == Some(g.region.as_str())
                    || (c.group.is_none() && g.region == "In no UN regional group")
            })
            .flat_map(|c| c.mechanisms.iter().map(|m| (c.name.clone(), m)))
            .collect();
        if !rows.is_empty() {
            mechanism_table(out, &rows);
        }
    }
}

/// The parts after the introduction, with their profiles.
fn parts(out: &mut String, edition: &Edition) {
    let snap = &edition.snapshot;
    for part in snap.parts.iter().filter(|p| p.key != "introduction" && !p.is_essay()) {
        let _ = writeln!(out, "# {}\n", esc(&part.title));
        part_text(out, part);
        for p in &part.profiles {
            profile(out, snap, p);
        }
    }
}

/// Civil society, corporations and religious organisations: one section per theme.
fn themes(out: &mut String, edition: &Edition) {
    let snap = &edition.snapshot;
    let when = as_of(snap);
    let _ = writeln!(out, "# Civil society, corporations and religious organisations\n");
    for t in &snap.themes {
        let _ = writeln!(out, "## {}\n", esc(&t.title));
        if t.members.is_empty() && t.mechanisms.is_empty() {
            let _ = writeln!(
                out,
                "No organisation of this kind is on record as a member of a mechanism, and no mechanism of this kind is on record{when}.\n"
            );
        }
        if !t.members.is_empty() {
            let _ = writeln!(
                out,
                "| Organisation | Member of | Role | Sources |\n|:---|:---|:---|---:|"
            );
            for m in &t.members {
                let _ = writeln!(
                    out,
                    "| {} | {}{} | {} | {} |",
                    esc(&m.organization),
                    esc(&m.mechanism),
                    m.country
                        .as_deref()
                        .map(|c| format!(" ({})", esc(c)))
                        .unwrap_or_default(),
                    esc(&m.role),
                    refs(&m.sources)
                );
            }
            out.push('\n');
        }
        if !t.mechanisms.is_empty() {
            let rows: Vec<(String, &MechanismRow)> = t
                .mechanisms
                .iter()
                .map(|m| (m.country.clone().unwrap_or_default(), m))
                .collect();
            mechanism_table(out, &rows);
        }
    }
}

/// Expert opinion: the essays, each with its byline (nothing when there are none).
fn essays(out: &mut String, edition: &Edition, figures_dir: &str) {
    let snap = &edition.snapshot;
    let essays: Vec<&Part> = snap.parts.iter().filter(|p| p.is_essay()).collect();
    if !essays.is_empty() {
        let _ = writeln!(
            out,
            "# Expert opinion\n\n*Expert opinion essays, each signed by its author.*\n"
        );
        for part in essays {
            let _ = writeln!(out, "## {}\n", esc(&part.title));
            let all: Vec<&str> = part.citations.iter().map(|c| c.about.as_str()).collect();
            let byline = match (&part.essay, &part.author) {
                (Some(m), _) if !m.authors.is_empty() => format!("*{}*", essay_authors(m)),
                (_, Some(a)) => format!("*{}*", esc(a)),
                _ => "*Author not recorded*".into(),
            };
            let _ = writeln!(out, "{byline}{}\n", notes(snap, &part.citations, &all));
            match &part.essay {
                Some(m) => essay_text(out, part, m, figures_dir),
                None => part_text(out, part),
            }
        }
    }
}

/// An essay's authors: each name, affiliation and ORCID iD (linked).
fn essay_authors(m: &EssayMeta) -> String {
    m.authors
        .iter()
        .map(|a| {
            let mut line = esc(&a.name);
            if let Some(aff) = &a.affiliation {
                line.push_str(&format!(" ({})", esc(aff)));
            }
            if let Some(orcid) = &a.orcid {
                line.push_str(&format!(" [ORCID {orcid}](https://orcid.org/{orcid})"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// An essay's Markdown placed under its `##` title: its ATX headings two levels down (`#`
/// becomes `###`), outside fenced code, and its footnote labels prefixed with the part's `key`
/// (`[^1]` becomes `[^key-1]`) so that two essays' notes never clash.
fn placed(body: &str, key: &str) -> String {
    let mut out = String::new();
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        if fence.is_some() || marker.is_some() {
            out.push_str(line);
        } else {
            let line = line.replace("[^", &format!("[^{key}-"));
            let trimmed = line.trim_start();
            let hashes = trimmed.chars().take_while(|c| *c == '#').count();
            let heading = (1..=6).contains(&hashes)
                && line.len() - trimmed.len() < 4
                && trimmed[hashes..].chars().next().is_none_or(char::is_whitespace);
            if heading {
                out.push_str(&"#".repeat((hashes + 2).min(6)));
                out.push_str(&trimmed[hashes..]);
            } else {
                out.push_str(&line);
            }
        }
        out.push('\n');
    }
    out
}

/// An essay from the editorial workflow: abstract and keywords, the text as its authors wrote
/// it (Markdown; its citations `[@key]` stay as written and are listed under "References"; its
/// figures `![Caption](nmp:…)` point at their SVG files, `FIGURES_DIR/…`),
/// then its declarations.
fn essay_text(out: &mut String, part: &Part, m: &EssayMeta, figures_dir: &str) {
    let _ = writeln!(out, "**Abstract.** {}\n", esc(&m.abstract_text));
    if !m.keywords.is_empty() {
        let _ = writeln!(out, "**Keywords:** {}\n", esc(&m.keywords.join(", ")));
    }
    if let Some(body) = &part.body {
        let mut text = placed(body, &part.key);
        // Its figures point at their files beside the Markdown, as drawn for the snapshot.
        for f in &m.figures {
            text = text.replace(&format!("](nmp:{})", f.key), &format!("]({figures_dir}/{})", f.file));
        }
        let _ = writeln!(out, "{}\n", text.trim_end());
    }
    if !m.references.is_empty() {
        let _ = writeln!(out, "**References**\n");
        for r in &m.references {
            let _ = writeln!(out, "- `@{}`: {}", r.key, esc(&r.text));
        }
        out.push('\n');
    }
    let competing = if m.competing_interests.is_empty() {
        "none declared"
    } else {
        &m.competing_interests
    };
    let _ = writeln!(
        out,
        "*Competing interests: {}. Licence: {}.*\n",
        esc(competing.trim_end_matches('.')),
        esc(m.licence.trim_end_matches('.'))
    );
}

/// The errata (nothing when there are none).
fn errata(out: &mut String, edition: &Edition) {
    if !edition.errata.is_empty() {
        let _ = writeln!(out, "# Errata\n\n| Issued | Where | Correction |\n|:---|:---|:---|");
        for x in &edition.errata {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                fmt_date(&x.issued_on),
                esc(&x.location),
                esc(&x.correction)
            );
        }
        out.push('\n');
    }
}

/// The annex: the data tables.
fn annex(out: &mut String, edition: &Edition) {
    let snap = &edition.snapshot;
    let o = &snap.overview;
    let _ = writeln!(out, "# Annex: data tables\n\n## A.1 States with a national mechanism\n");
    let rows: Vec<(String, &MechanismRow)> = o
        .countries
        .iter()
        .flat_map(|c| c.mechanisms.iter().map(|m| (c.name.clone(), m)))
        .collect();
    mechanism_table(out, &rows);
    let _ = writeln!(out, "## A.2 By UN regional group\n");
    counts_table(out, "UN regional group", &o.groups, (o.with_mechanism, o.states));
}

/// The bibliography, numbered as the notes cite it.
fn bibliography(out: &mut String, edition: &Edition) {
    let snap = &edition.snapshot;
    let _ = writeln!(out, "# Bibliography\n");
    for s in &snap.bibliography {
        let text = [
            s.author.as_deref().map(esc),
            Some(format!("*{}*", esc(&s.title))),
            s.publisher.as_deref().map(esc),
            s.published_on.as_deref().map(fmt_date),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        let url = s.url.as_deref().map(|u| format!(" <{u}>")).unwrap_or_default();
        let _ = writeln!(out, "{}. {text}. {}.{url}", s.number, esc(&s.kind));
    }
}
