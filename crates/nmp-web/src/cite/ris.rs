//! RIS, written here (no maintained Rust crate writes it): one `TAG  - value` line per field,
//! CRLF line ends as the format's specification has them, `TY` first and `ER` last, one `AU`
//! line per author. A value is one line: line breaks in the data become spaces, so a value can
//! never start a tag of its own.
//!
//! An essay ([`essay_record`]) is a `CHAP` (a book chapter, which Zotero imports as a "Book
//! Section"): `AU` per author and `ED` per editor as `Family, Given` (organisations whole), `T2`
//! the edition's title, `SP`/`EP` its pages, `AB` its abstract and `KW` per keyword.

use nmp_core::vocab::SourceKind;

use super::essay::EssayCitation;
use super::{Citable, Work, date_parts};

/// The RIS reference type of a work.
fn reference_type(work: Work) -> &'static str {
    match work {
        Work::Page => "ELEC",
        Work::Edition => "RPRT",
        Work::Essay => "CHAP",
        Work::Source(kind) => match kind {
            SourceKind::WebPage => "ELEC",
            SourceKind::Law => "STAT",
            SourceKind::News => "NEWS",
            SourceKind::Report => "RPRT",
            SourceKind::Article => "JOUR",
            SourceKind::Interview => "PCOMM",
            _ => "GEN",
        },
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `YYYY/MM/DD/` with empty parts for what the date does not give (RIS's own layout).
fn ris_date(date: &str) -> Option<String> {
    let (y, m, d) = date_parts(date)?;
    let part = |v: Option<u8>| v.map(|v| format!("{v:02}")).unwrap_or_default();
    Some(format!("{y:04}/{}/{}/", part(m), part(d)))
}

/// `c` as one RIS record.
pub fn record(c: &Citable) -> String {
    let mut lines: Vec<(&str, String)> = vec![("TY", reference_type(c.work).to_string())];
    lines.push(("ID", c.key.clone()));
    lines.push(("TI", c.title.clone()));
    for a in &c.authors {
        lines.push(("AU", a.clone()));
    }
    if let Some(container) = &c.container {
        lines.push(("T2", container.clone()));
    }
    if let Some(p) = &c.publisher {
        lines.push(("PB", p.clone()));
    }
    if let Some(d) = &c.issued {
        if let Some((y, _, _)) = date_parts(d) {
            lines.push(("PY", format!("{y:04}")));
        }
        if let Some(d) = ris_date(d) {
            lines.push(("DA", d));
        }
    }
    if let Some(u) = &c.url {
        lines.push(("UR", u.clone()));
    }
    if let Some(a) = &c.accessed {
        lines.push(("Y2", a.clone()));
    }
    if let Some(a) = &c.archived_url {
        lines.push(("N1", format!("Archived copy: {a}")));
    }
    if let Some(l) = &c.language {
        lines.push(("LA", l.clone()));
    }
    write(lines)
}

/// An essay as one `CHAP` record.
pub fn essay_record(essay: &EssayCitation) -> String {
    let mut lines: Vec<(&str, String)> = vec![("TY", "CHAP".to_string())];
    lines.push(("ID", essay.key.clone()));
    lines.push(("TI", essay.title.clone()));
    for a in &essay.authors {
        lines.push(("AU", a.sort_name()));
    }
    lines.push(("T2", essay.edition_title.clone()));
    for e in &essay.editors {
        lines.push(("ED", e.sort_name()));
    }
    if let Some(p) = essay.publisher() {
        lines.push(("PB", p));
    }
    let (y, m, d) = essay.date();
    lines.push(("PY", format!("{y:04}")));
    let part = |v: Option<u8>| v.map(|v| format!("{v:02}")).unwrap_or_default();
    lines.push(("DA", format!("{y:04}/{}/{}/", part(m), part(d))));
    if let Some((first, last)) = essay.pages {
        lines.push(("SP", first.to_string()));
        lines.push(("EP", last.max(first).to_string()));
    }
    if let Some(a) = essay.abstract_text.as_deref().filter(|a| !a.trim().is_empty()) {
        lines.push(("AB", a.to_string()));
    }
    for k in essay.keyword_list() {
        lines.push(("KW", k));
    }
    lines.push(("UR", essay.url.clone()));
    if !essay.language.trim().is_empty() {
        lines.push(("LA", essay.language.clone()));
    }
    write(lines)
}

/// The lines as a record: `TAG  - value` each, CRLF ends, then `ER`.
fn write(lines: Vec<(&str, String)>) -> String {
    let mut out = String::new();
    for (tag, value) in lines {
        out.push_str(tag);
        out.push_str("  - ");
        out.push_str(&one_line(&value));
        out.push_str("\r\n");
    }
    out.push_str("ER  - \r\n");
    out
}
