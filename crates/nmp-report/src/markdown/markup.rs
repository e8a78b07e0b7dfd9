//! Markdown's small pieces, shared by the sections and the profiles: escaping, inline
//! footnotes, source references, shares, the "not recorded" notes, the two kinds of table
//! (counts by region, mechanisms) and a part's text.

use std::fmt::Write as _;

use crate::snapshot::{Citation, MechanismRow, Part, RegionRow, Snapshot};
use crate::text::{fmt_date, paragraphs};

/// Escapes text for Markdown: the characters that would start markup.
pub(super) fn esc(text: &str) -> String {
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
pub(super) fn notes(snap: &Snapshot, citations: &[Citation], about: &[&str]) -> String {
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

pub(super) fn refs(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        "–".into()
    } else {
        format!(
            "\\[{}\\]",
            numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
        )
    }
}

pub(super) fn share(n: usize, of: usize) -> String {
    if of == 0 {
        "–".into()
    } else {
        format!("{}%", (100.0 * n as f64 / of as f64).round())
    }
}

pub(super) fn or_missing(v: Option<String>) -> String {
    v.filter(|s| !s.is_empty())
        .map(|s| esc(&s))
        .unwrap_or_else(|| "*not recorded*".into())
}

pub(super) fn gap(out: &mut String, text: &str) {
    let _ = writeln!(out, "> **Not recorded.** *{}*\n", esc(text));
}

pub(super) fn counts_table(out: &mut String, what: &str, rows: &[RegionRow], total: (usize, usize)) {
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

pub(super) fn mechanism_table(out: &mut String, rows: &[(String, &MechanismRow)]) {
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

pub(super) fn part_text(out: &mut String, part: &Part) {
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
