//! The edition's report as Markdown (pandoc's dialect: a YAML title block, pipe tables, inline
//! footnotes `^[...]`), with the same content and order as the PDF, so that a pandoc + LaTeX
//! build of the same document can be compared with NMP's Typst build (the benchmarks). Figures
//! are referenced as SVG files in a directory beside the Markdown file.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::Edition;
use crate::snapshot::{Citation, MechanismRow, Part, Profile, RegionRow, Snapshot};
use crate::text::{fmt_date, how_to_cite, paragraphs, year};

/// Escapes text for Markdown: the characters that would start markup.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '#' | '<' | '>' | '|' | '^' | '~' | '$' | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Inline footnotes for the citations about one of `about`.
fn notes(snap: &Snapshot, citations: &[Citation], about: &[&str]) -> String {
    citations
        .iter()
        .filter(|c| about.contains(&c.about.as_str()))
        .filter_map(|c| {
            let s = snap.bibliography.get(c.source.checked_sub(1)?)?;
            let mut note = format!("^[\\[{}\\] *{}*", s.number, esc(&s.title));
            if let Some(l) = &c.locator {
                let _ = write!(note, ", {}", esc(l));
            }
            note.push('.');
            if let Some(u) = &s.url {
                let _ = write!(note, " <{u}>");
            }
            note.push(']');
            Some(note)
        })
        .collect()
}

fn refs(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        "–".into()
    } else {
        format!(
            "\\[{}\\]",
            numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
        )
    }
}

fn share(n: usize, of: usize) -> String {
    if of == 0 {
        "–".into()
    } else {
        format!("{}%", (100.0 * n as f64 / of as f64).round())
    }
}

fn or_missing(v: Option<String>) -> String {
    v.filter(|s| !s.is_empty())
        .map(|s| esc(&s))
        .unwrap_or_else(|| "*not recorded*".into())
}

fn gap(out: &mut String, text: &str) {
    let _ = writeln!(out, "> **Not recorded.** *{}*\n", esc(text));
}

fn counts_table(out: &mut String, what: &str, rows: &[RegionRow], total: (usize, usize)) {
    let _ = writeln!(
        out,
        "| {what} | With a mechanism | States | Share |\n|:---|---:|---:|---:|"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            esc(&r.region),
            r.with_mechanism,
            r.states,
            share(r.with_mechanism, r.states)
        );
    }
    let _ = writeln!(
        out,
        "| **All states** | **{}** | **{}** | **{}** |\n",
        total.0,
        total.1,
        share(total.0, total.1)
    );
}

fn mechanism_table(out: &mut String, rows: &[(String, &MechanismRow)]) {
    let _ = writeln!(
        out,
        "| State | Mechanism | Since | Status | Sources |\n|:---|:---|:---|:---|---:|"
    );
    for (state, m) in rows {
        let _ = writeln!(
            out,
            "| {} | {}{} | {} | {} | {} |",
            esc(state),
            esc(&m.name),
            if m.featured { " †" } else { "" },
            or_missing(m.since.as_deref().map(fmt_date)),
            or_missing(m.status.clone()),
            refs(&m.sources)
        );
    }
    out.push('\n');
}

fn part_text(out: &mut String, part: &Part) {
    match (&part.body, &part.summary) {
        (Some(body), _) => {
            for p in paragraphs(body) {
                let _ = writeln!(out, "{}\n", esc(&p));
            }
        }
        (None, Some(summary)) => {
            let _ = writeln!(out, "{}\n", esc(summary));
            gap(
                out,
                "The full text of this part of the original edition is not in the database; the summary above is what its sources say it holds.",
            );
        }
        (None, None) if part.profiles.is_empty() => {
            let page = part.page.map(|p| format!(" (p. {p})")).unwrap_or_default();
            gap(
                out,
                &format!("The text of this part of the original edition{page} is not in the database."),
            );
        }
        (None, None) => {}
    }
}

fn profile(out: &mut String, snap: &Snapshot, p: &Profile) {
    let _ = writeln!(out, "## {}\n", esc(&p.heading));
    let mut lead = Vec::new();
    if p.name != p.heading {
        lead.push(format!("**{}**", esc(&p.name)));
    }
    if let Some(a) = &p.acronym {
        lead.push(format!("({})", esc(a)));
    }
    if let Some(l) = &p.local_name {
        lead.push(format!("— *{}*", esc(l)));
    }
    if lead.is_empty() {
        lead.push("Sources on the record".into());
    }
    let _ = writeln!(
        out,
        "{}{}\n",
        lead.join(" "),
        notes(
            snap,
            &p.citations,
            &[
                "mechanism",
                "profile",
                "name",
                "acronym",
                "created_on",
                "launched_on",
                "instrument",
                "lead_organization",
                "mandate",
                "website",
                "country"
            ]
        )
    );
    let instrument = p.instrument.as_ref().map(|i| {
        let mut parts = vec![match &i.number {
            Some(n) => format!("{} no. {n}", i.kind),
            None => i.kind.clone(),
        }];
        parts.extend(i.title.clone());
        parts.extend(i.date.as_deref().map(fmt_date));
        parts.join(", ")
    });
    let members = (!p.members.is_empty()).then(|| {
        p.members
            .iter()
            .map(|m| {
                if m.role == "Member" {
                    m.organization.clone()
                } else {
                    format!("{} ({})", m.organization, m.role.to_lowercase())
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    let functions = (!p.functions.is_empty()).then(|| {
        p.functions
            .iter()
            .map(|f| format!("{} ({})", f.function, f.level.to_lowercase()))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let _ = writeln!(out, "| | |\n|:---|:---|");
    let rows = [
        ("Country", or_missing(p.country.clone())),
        ("Regional group", or_missing(p.group.clone())),
        ("Type", esc(&format!("{} · {} level", p.kind, p.level.to_lowercase()))),
        ("Established", or_missing(p.created_on.as_deref().map(fmt_date))),
        ("Launched", or_missing(p.launched_on.as_deref().map(fmt_date))),
        ("Founding instrument", or_missing(instrument)),
        ("Lead institution", or_missing(p.lead.clone())),
        ("Members", or_missing(members) + &notes(snap, &p.citations, &["member"])),
        ("Functions", or_missing(functions)),
    ];
    for (name, value) in rows {
        let _ = writeln!(out, "| {name} | {value} |");
    }
    out.push('\n');
    if let Some(m) = &p.mandate {
        let _ = writeln!(out, "### Mandate\n\n{}\n", esc(m));
    }
    for n in &p.narrative {
        let _ = writeln!(
            out,
            "### {}{}\n",
            esc(&n.heading),
            notes(snap, &p.citations, &[n.key.as_str()])
        );
        for para in paragraphs(&n.text) {
            let _ = writeln!(out, "{}\n", esc(&para));
        }
    }
    if p.narrative.is_empty() {
        let page = p.page.map(|n| format!(" (p. {n})")).unwrap_or_default();
        gap(
            out,
            &format!(
                "The text of this profile in the original edition{page} is not in the database; the facts above are those on record, each cited."
            ),
        );
    }
    if !p.statuses.is_empty() {
        let _ = writeln!(out, "### Status history{}\n", notes(snap, &p.citations, &["status"]));
        for s in &p.statuses {
            let mut line = format!("- **{}**", esc(&s.status));
            if let Some(on) = &s.on {
                let _ = write!(line, ", {}", fmt_date(on));
            }
            if let Some(n) = &s.note {
                let _ = write!(line, " — {}", esc(n));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if !p.activities.is_empty() {
        let _ = writeln!(out, "### Activities{}\n", notes(snap, &p.citations, &["activity"]));
        for a in &p.activities {
            let mut line = format!("- {}: {} ({})", fmt_date(&a.on), esc(&a.title), esc(&a.kind));
            if let Some(d) = &a.description {
                let _ = write!(line, ". {}", esc(d));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if let Some(n) = &p.note {
        let _ = writeln!(out, "### Notes on the record\n\n{}\n", esc(n));
    }
}

/// The Markdown of the edition, and its figures (file name to SVG), which it references as
/// `FIGURES_DIR/NAME.svg`.
pub fn render(edition: &Edition, figures_dir: &str) -> (String, BTreeMap<String, String>) {
    let snap = &edition.snapshot;
    let e = &snap.edition;
    let o = &snap.overview;
    let when = o.year.map(|y| format!(" as of {y}")).unwrap_or_default();
    let mut out = String::new();

    // Title block (YAML): pandoc's title page.
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

    for part in snap.parts.iter().filter(|p| p.key == "introduction" && !p.is_essay()) {
        let _ = writeln!(out, "# {}\n", esc(&part.title));
        part_text(&mut out, part);
    }

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
        None => gap(&mut out, "The methodology of this edition is not in the database."),
    }
    let _ = writeln!(
        out,
        "## How the figures are computed\n\nThe figures and tables of this report are computed by NMP from its database, as of the edition's year. A state counts as having a national mechanism when at least one mechanism of national level is on record for it and a dated fact places it in or before that year, and it had not been dissolved by then. Every fact shown is cited to a source in the bibliography.\n"
    );
    if let Some(n) = &e.note {
        let _ = writeln!(
            out,
            "## Notes on the record\n\n{}{}\n",
            esc(n),
            notes(snap, &e.citations, &["note"])
        );
    }

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
    counts_table(&mut out, "UN region", &o.regions, (o.with_mechanism, o.states));
    let _ = writeln!(
        out,
        "![States with and without a national mechanism, by UN region.]({figures_dir}/by-region.svg)\n"
    );

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
            mechanism_table(&mut out, &rows);
        }
    }

    for part in snap.parts.iter().filter(|p| p.key != "introduction" && !p.is_essay()) {
        let _ = writeln!(out, "# {}\n", esc(&part.title));
        part_text(&mut out, part);
        for p in &part.profiles {
            profile(&mut out, snap, p);
        }
    }

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
            mechanism_table(&mut out, &rows);
        }
    }

    let essays: Vec<&Part> = snap.parts.iter().filter(|p| p.is_essay()).collect();
    if !essays.is_empty() {
        let _ = writeln!(
            out,
            "# Expert opinion\n\n*Expert opinion essays, each signed by its author.*\n"
        );
        for part in essays {
            let _ = writeln!(out, "## {}\n", esc(&part.title));
            let all: Vec<&str> = part.citations.iter().map(|c| c.about.as_str()).collect();
            let byline = match &part.author {
                Some(a) => format!("*{}*", esc(a)),
                None => "*Author not recorded*".into(),
            };
            let _ = writeln!(out, "{byline}{}\n", notes(snap, &part.citations, &all));
            part_text(&mut out, part);
        }
    }

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

    let _ = writeln!(out, "# Annex: data tables\n\n## A.1 States with a national mechanism\n");
    let rows: Vec<(String, &MechanismRow)> = o
        .countries
        .iter()
        .flat_map(|c| c.mechanisms.iter().map(|m| (c.name.clone(), m)))
        .collect();
    mechanism_table(&mut out, &rows);
    let _ = writeln!(out, "## A.2 By UN regional group\n");
    counts_table(&mut out, "UN regional group", &o.groups, (o.with_mechanism, o.states));

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
    (out, crate::figures::build(snap))
}
