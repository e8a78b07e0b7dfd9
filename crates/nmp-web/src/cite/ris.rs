//! RIS, written here (no maintained Rust crate writes it): one `TAG  - value` line per field,
//! CRLF line ends as the format's specification has them, `TY` first and `ER` last, one `AU`
//! line per author. A value is one line: line breaks in the data become spaces, so a value can
//! never start a tag of its own.

use nmp_core::vocab::SourceKind;

use super::{Citable, Work, date_parts};

/// The RIS reference type of a work.
fn reference_type(work: Work) -> &'static str {
    match work {
        Work::Page => "ELEC",
        Work::Edition => "RPRT",
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
