//! BibTeX through the `biblatex` crate: it writes the entry and escapes the characters BibTeX
//! treats specially (`{ } \ & % $ # _ ~ ^`; in `url` only braces and backslashes). Names are
//! protected with braces (`{{Binghamton University, I-GMAP}}`) so that BibTeX does not split an
//! organisation into a given and a family name. Dates become `year` and `month`; the accessed-on
//! date is `urldate`, and an archived copy is named in `note`.

use biblatex::{Chunk, EntryType, Spanned};
use nmp_core::vocab::SourceKind;

use super::{Citable, Work, date_parts};

fn normal(text: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Normal(one_line(text)))]
}

fn protected(text: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Verbatim(one_line(text)))]
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The BibTeX type of a work: `@techreport` for reports and editions, `@article` is not used
/// (journal names are not recorded), `@misc` for the rest.
fn entry_type(work: Work) -> EntryType {
    match work {
        Work::Edition | Work::Source(SourceKind::Report) => EntryType::Report,
        _ => EntryType::Misc,
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `c` as one BibTeX entry.
pub fn entry(c: &Citable) -> String {
    let ty = entry_type(c.work);
    let mut e = biblatex::Entry::new(c.key.clone(), ty.clone());
    e.set("title", protected(&c.title));
    if !c.authors.is_empty() {
        let names: Vec<Spanned<Chunk>> = c
            .authors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                let mut v = Vec::new();
                if i > 0 {
                    v.push(Spanned::detached(Chunk::Normal(" and ".into())));
                }
                v.push(Spanned::detached(Chunk::Verbatim(one_line(a))));
                v
            })
            .collect();
        e.set("author", names);
    }
    if let Some(p) = &c.publisher {
        let field = if ty == EntryType::Report {
            "institution"
        } else {
            "publisher"
        };
        e.set(field, protected(p));
    }
    if let Some(container) = &c.container {
        e.set("howpublished", normal(container));
    }
    if let Some((year, month, _)) = c.issued.as_deref().and_then(date_parts) {
        e.set("year", normal(&year.to_string()));
        if let Some(m) = month.filter(|m| (1..=12).contains(m)) {
            e.set("month", normal(MONTHS[usize::from(m - 1)]));
        }
    }
    if let Some(u) = &c.url {
        e.set("url", normal(u));
    }
    if let Some(a) = &c.accessed {
        e.set("urldate", normal(a));
    }
    if let Some(a) = &c.archived_url {
        e.set("note", normal(&format!("Archived copy: {a}")));
    }
    if let Some(l) = &c.language {
        e.set("language", normal(l));
    }
    // `to_bibtex_string` only fails on a malformed `date` field, which is never set here.
    let text = e.to_bibtex_string().unwrap_or_else(|_| e.to_biblatex_string());
    let mut out: String = text
        .lines()
        .map(|l| {
            if l.starts_with("url = ") {
                l.to_string()
            } else {
                text_commands(l)
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}

/// The crate escapes `~`, `^` and `\` as `\~`, `\^` and `\\`, which LaTeX reads as two accents
/// and a line break; outside the verbatim `url` field they become the commands that print the
/// characters themselves (`\textasciitilde{}`, `\textasciicircum{}`, `\textbackslash{}`).
fn text_commands(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('~') => out.push_str("\\textasciitilde{}"),
            Some('^') => out.push_str("\\textasciicircum{}"),
            Some('\\') => out.push_str("\\textbackslash{}"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}
