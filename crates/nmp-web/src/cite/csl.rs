//! CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc and citeproc):
//! an array of items, each a JSON object with the schema's variable names (`title`, `author`,
//! `issued` with `date-parts`, `URL`, `accessed`, ...). Written with serde_json: the
//! `citationberg` crate's JSON types sit behind a feature that would rebuild Typst, and the
//! format is plain JSON whose escaping serde_json gets right.
//!
//! An essay ([`essay_items`]) is a `chapter`: people as `{family, given}`, organisations as
//! `{literal}`, the edition as `container-title`, its editors as `editor`, pages as `page`
//! (`12-30`), keywords as one comma-separated `keyword`, and `abstract`, `language` and `license`.

use nmp_core::vocab::SourceKind;
use serde_json::{Value, json};

use super::essay::{Contributor, EssayCitation, page_range};
use super::{Citable, Work, date_parts};

/// The CSL type of a work.
fn item_type(work: Work) -> &'static str {
    match work {
        Work::Page => "webpage",
        Work::Edition => "report",
        Work::Essay => "chapter",
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
    array_of(item)
}

/// A CSL name: `{family, given}` for a person whose name can be split, else `{literal}`.
fn name(c: &Contributor) -> Value {
    match c.family_given() {
        Some((family, given)) => json!({ "family": family, "given": given }),
        None => json!({ "literal": c.display_name() }),
    }
}

/// An essay as a CSL-JSON array of one `chapter`.
pub fn essay_items(essay: &EssayCitation) -> String {
    let mut item = serde_json::Map::new();
    item.insert("id".into(), json!(essay.key));
    item.insert("type".into(), json!("chapter"));
    item.insert("title".into(), json!(essay.title));
    if !essay.authors.is_empty() {
        item.insert("author".into(), essay.authors.iter().map(name).collect());
    }
    item.insert("container-title".into(), json!(essay.edition_title));
    if !essay.editors.is_empty() {
        item.insert("editor".into(), essay.editors.iter().map(name).collect());
    }
    if let Some(p) = essay.publisher() {
        item.insert("publisher".into(), json!(p));
    }
    if let Some(d) = date(&essay.issued()) {
        item.insert("issued".into(), d);
    }
    if let Some((first, last)) = essay.pages {
        item.insert("page".into(), json!(page_range(first, last, "-")));
    }
    if let Some(a) = essay.abstract_text.as_deref().filter(|a| !a.trim().is_empty()) {
        item.insert("abstract".into(), json!(a));
    }
    let keywords = essay.keyword_list();
    if !keywords.is_empty() {
        item.insert("keyword".into(), json!(keywords.join(", ")));
    }
    item.insert("URL".into(), json!(essay.url));
    if !essay.language.trim().is_empty() {
        item.insert("language".into(), json!(essay.language));
    }
    if let Some(l) = essay.licence.as_deref().filter(|l| !l.trim().is_empty()) {
        item.insert("license".into(), json!(l));
    }
    array_of(item)
}

/// The item as a pretty-printed JSON array of one, with a final line break.
fn array_of(item: serde_json::Map<String, Value>) -> String {
    let mut text =
        serde_json::to_string_pretty(&Value::Array(vec![Value::Object(item)])).expect("JSON values serialise");
    text.push('\n');
    text
}
