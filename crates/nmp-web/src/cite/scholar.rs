//! The metadata of an essay's page that Google Scholar and reference managers read from its
//! `<head>`: Highwire Press `<meta name="citation_…">` tags ([`highwire_meta`], rendered by
//! [`meta_html`]) and a schema.org `ScholarlyArticle` as JSON-LD ([`json_ld`]).
//!
//! The tags are those Google Scholar's inclusion guidelines document (`citation_title`,
//! `citation_author`, `citation_publication_date`, `citation_firstpage`, `citation_pdf_url`, ...)
//! and those Zotero's "Embedded Metadata" translator reads: `citation_book_title` is what makes
//! Zotero save a "Book Section" (its book title), `citation_inbook_title` is the Highwire name of
//! the same field that Scholar and other readers use, so both are given; `citation_abstract`,
//! `citation_keywords` (one tag per keyword, as Zotero splits a tag at `;`) and
//! `citation_language` become the item's abstract, tags and language. Authors are written
//! `Family, Given` (Zotero splits at the comma) or whole for an organisation, each followed by its
//! `citation_author_institution` and `citation_author_orcid`, which belong to the author before
//! them.

use serde_json::{Map, Value, json};

use super::essay::{Contributor, EssayCitation, one_line};

/// The Highwire Press tags of an essay's page, in order: title, then each author followed by
/// their institution and ORCID iD (as its `https://orcid.org/` address, the form ORCID asks to
/// display), publication date (`YYYY/MM/DD`, or `YYYY` when the day is not known, as Scholar
/// asks), the edition as book title, publisher(s), pages, PDF, the page itself as abstract and
/// full-text address, language, abstract and keywords. Empty values are left out.
pub fn highwire_meta(e: &EssayCitation) -> Vec<(&'static str, String)> {
    let mut tags: Vec<(&'static str, String)> = vec![("citation_title", one_line(&e.title))];
    for a in &e.authors {
        tags.push(("citation_author", a.sort_name()));
        if let Some(i) = a.affiliation.as_deref().map(one_line).filter(|i| !i.is_empty()) {
            tags.push(("citation_author_institution", i));
        }
        if let Some(o) = a.orcid_url() {
            tags.push(("citation_author_orcid", o));
        }
    }
    let date = match e.date() {
        (y, Some(m), Some(d)) => format!("{y:04}/{m:02}/{d:02}"),
        (y, _, _) => format!("{y:04}"),
    };
    tags.push(("citation_publication_date", date));
    let book = one_line(&e.edition_title);
    tags.push(("citation_inbook_title", book.clone()));
    tags.push(("citation_book_title", book));
    for p in e.publishers.iter().map(|p| one_line(p)).filter(|p| !p.is_empty()) {
        tags.push(("citation_publisher", p));
    }
    if let Some((first, last)) = e.pages {
        tags.push(("citation_firstpage", first.to_string()));
        tags.push(("citation_lastpage", last.max(first).to_string()));
    }
    if let Some(pdf) = e.pdf_url.as_deref().filter(|u| !u.trim().is_empty()) {
        tags.push(("citation_pdf_url", pdf.trim().to_string()));
    }
    tags.push(("citation_abstract_html_url", e.url.clone()));
    tags.push(("citation_fulltext_html_url", e.url.clone()));
    if !e.language.trim().is_empty() {
        tags.push(("citation_language", e.language.trim().to_string()));
    }
    if let Some(a) = e.abstract_text.as_deref().map(one_line).filter(|a| !a.is_empty()) {
        tags.push(("citation_abstract", a));
    }
    for k in e.keyword_list() {
        tags.push(("citation_keywords", k));
    }
    tags
}

/// The tags as `<meta name="…" content="…">` lines (one per tag, each ending in a line break),
/// the values escaped for a double-quoted attribute (`&`, `<`, `>`, `"` and `'`), so that no value
/// can end its attribute or its element.
pub fn meta_html(tags: &[(&'static str, String)]) -> String {
    let mut out = String::new();
    for (name, content) in tags {
        out.push_str("<meta name=\"");
        out.push_str(&escape_attribute(name));
        out.push_str("\" content=\"");
        out.push_str(&escape_attribute(content));
        out.push_str("\">\n");
    }
    out
}

/// `text` safe inside a double- or single-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A schema.org `Person` (with `affiliation` and the ORCID address as `sameAs`) or, for an
/// organisation, an `Organization`.
fn agent(c: &Contributor) -> Value {
    if c.organisation {
        return json!({ "@type": "Organization", "name": c.display_name() });
    }
    let mut p = Map::new();
    p.insert("@type".into(), json!("Person"));
    p.insert("name".into(), json!(c.display_name()));
    if let Some((family, given)) = c.family_given() {
        p.insert("familyName".into(), json!(family));
        p.insert("givenName".into(), json!(given));
    }
    if let Some(a) = c.affiliation.as_deref().map(one_line).filter(|a| !a.is_empty()) {
        p.insert("affiliation".into(), json!({ "@type": "Organization", "name": a }));
    }
    if let Some(o) = c.orcid_url() {
        p.insert("sameAs".into(), json!(o));
    }
    Value::Object(p)
}

/// The essay as a schema.org `ScholarlyArticle` in JSON-LD, ready to be the text of a
/// `<script type="application/ld+json">` element: `headline` and `name` (the title), `author`s,
/// `datePublished`, `abstract`, `keywords`, `inLanguage`, `license` (a URL as given, a name as a
/// `CreativeWork`), `isPartOf` the edition (a `Report`, as editions are cited elsewhere, with its
/// `editor`s and `publisher`s), `url`, `encoding` the PDF, and `pageStart`/`pageEnd`.
///
/// `<`, `>` and `&` are written as the JSON escapes `\u003c`, `\u003e` and `\u0026` (and the
/// line separators U+2028 and U+2029 as `\u2028` and `\u2029`), which JSON reads back as the same
/// characters but which no HTML parser can take for `</script>` or `<!--`. They only occur inside
/// JSON strings, so the escaping keeps the JSON valid.
pub fn json_ld(e: &EssayCitation) -> String {
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org"));
    o.insert("@type".into(), json!("ScholarlyArticle"));
    let title = one_line(&e.title);
    o.insert("headline".into(), json!(title));
    o.insert("name".into(), json!(title));
    if !e.authors.is_empty() {
        o.insert("author".into(), e.authors.iter().map(agent).collect());
    }
    o.insert("datePublished".into(), json!(e.issued()));
    if let Some(a) = e.abstract_text.as_deref().filter(|a| !a.trim().is_empty()) {
        o.insert("abstract".into(), json!(a.trim()));
    }
    let keywords = e.keyword_list();
    if !keywords.is_empty() {
        o.insert("keywords".into(), json!(keywords));
    }
    if !e.language.trim().is_empty() {
        o.insert("inLanguage".into(), json!(e.language.trim()));
    }
    if let Some(l) = e.licence.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        let licence = if l.starts_with("https://") || l.starts_with("http://") {
            json!(l)
        } else {
            json!({ "@type": "CreativeWork", "name": l })
        };
        o.insert("license".into(), licence);
    }
    let mut part_of = Map::new();
    part_of.insert("@type".into(), json!("Report"));
    part_of.insert("name".into(), json!(one_line(&e.edition_title)));
    if !e.editors.is_empty() {
        part_of.insert("editor".into(), e.editors.iter().map(agent).collect());
    }
    let publishers: Vec<Value> = e
        .publishers
        .iter()
        .map(|p| one_line(p))
        .filter(|p| !p.is_empty())
        .map(|p| json!({ "@type": "Organization", "name": p }))
        .collect();
    if !publishers.is_empty() {
        part_of.insert("publisher".into(), Value::Array(publishers));
    }
    o.insert("isPartOf".into(), Value::Object(part_of));
    o.insert("url".into(), json!(e.url));
    if let Some(pdf) = e.pdf_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        o.insert(
            "encoding".into(),
            json!({ "@type": "MediaObject", "contentUrl": pdf, "encodingFormat": "application/pdf" }),
        );
    }
    if let Some((first, last)) = e.pages {
        o.insert("pageStart".into(), json!(first.to_string()));
        o.insert("pageEnd".into(), json!(last.max(first).to_string()));
    }
    let text = serde_json::to_string(&Value::Object(o)).expect("JSON values serialise");
    script_safe(&text)
}

/// JSON text with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` escapes.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}
