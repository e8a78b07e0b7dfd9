//! CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc and citeproc):
//! an array of items, each a JSON object with the schema's variable names (`title`, `author`,
//! `issued` with `date-parts`, `URL`, `accessed`, ...). Written with serde_json: the
//! `citationberg` crate's JSON types sit behind a feature that would rebuild Typst, and the
//! format is plain JSON whose escaping serde_json gets right.

use nmp_core::vocab::SourceKind;
use serde_json::{Value, json};

use super::{Citable, Work, date_parts};

/// The CSL type of a work.
fn item_type(work: Work) -> &'static str {
    match work {
        Work::Page => "webpage",
        Work::Edition => "report",
        Work::Source(kind) => match kind {
            SourceKind::WebPage => "webpage",
            SourceKind::Law => "legislation",
            SourceKind::News => "article-newspaper",
            SourceKind::Report => "report",
            SourceKind::Article => "article-journal",
            SourceKind::Interview => "interview",
            _ => "document",
        },
    }
}

/// A CSL date: `{"date-parts": [[year, month, day]]}` with what the partial date gives.
fn date(text: &str) -> Option<Value> {
    let (y, m, d) = date_parts(text)?;
    let mut parts = vec![json!(y)];
    if let Some(m) = m {
        parts.push(json!(m));
        if let Some(d) = d {
            parts.push(json!(d));
        }
    }
    Some(json!({ "date-parts": [parts] }))
}

/// `c` as a CSL-JSON array of one item.
pub fn items(c: &Citable) -> String {
    let mut item = serde_json::Map::new();
    item.insert("id".into(), json!(c.key));
    item.insert("type".into(), json!(item_type(c.work)));
    item.insert("title".into(), json!(c.title));
    if !c.authors.is_empty() {
        let names: Vec<Value> = c.authors.iter().map(|a| json!({ "literal": a })).collect();
        item.insert("author".into(), Value::Array(names));
    }
    if let Some(container) = &c.container {
        item.insert("container-title".into(), json!(container));
    }
    if let Some(p) = &c.publisher {
        item.insert("publisher".into(), json!(p));
    }
    if let Some(d) = c.issued.as_deref().and_then(date) {
        item.insert("issued".into(), d);
    }
    if let Some(u) = &c.url {
        item.insert("URL".into(), json!(u));
    }
    if let Some(d) = c.accessed.as_deref().and_then(date) {
        item.insert("accessed".into(), d);
    }
    if let Some(a) = &c.archived_url {
        item.insert("archive_location".into(), json!(a));
    }
    if let Some(l) = &c.language {
        item.insert("language".into(), json!(l));
    }
    let mut text =
        serde_json::to_string_pretty(&Value::Array(vec![Value::Object(item)])).expect("JSON values serialise");
    text.push('\n');
    text
}
