//! BibTeX through the `biblatex` crate: it writes the entry and escapes the characters BibTeX
//! treats specially (`{ } \ & % $ # _ ~ ^`; in `url` only braces and backslashes). Names are
//! protected with braces (`{{Binghamton University, I-GMAP}}`) so that BibTeX does not split an
//! organisation into a given and a family name. Dates become `year` and `month`; the accessed-on
//! date is `urldate`, and an archived copy is named in `note`.
//!
//! An essay ([`essay_entry`]) is an `@incollection`: a contribution with its own title and
//! authors to a collection with its own title and editors. That is what an essay in an edition
//! is, and it is the type BibTeX, biblatex and Zotero all read the same way (Zotero imports it as
//! a "Book Section" with the `booktitle` as book title and the `editor`s as editors). `@inbook`
//! is not used: in BibTeX it is a part of a book named by its pages or chapter number, and in
//! biblatex a part of a book by the book's own authors, neither of which an essay in an edited
//! report is. People are written `Family, Given` (BibTeX splits them there); organisations stay
//! whole inside braces.

use biblatex::{Chunk, EntryType, Spanned};
use nmp_core::vocab::SourceKind;

use super::essay::{Contributor, EssayCitation, page_range};
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

/// The BibTeX type of a work: `@techreport` for reports and editions, `@incollection` for an
/// essay, `@article` is not used (journal names are not recorded), `@misc` for the rest.
fn entry_type(work: Work) -> EntryType {
    match work {
        Work::Edition | Work::Source(SourceKind::Report) => EntryType::Report,
        Work::Essay => EntryType::InCollection,
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
        if c.work == Work::Essay {
            e.set("booktitle", protected(container));
        } else {
            e.set("howpublished", normal(container));
        }
    }
    if let Some((year, month, _)) = c.issued.as_deref().and_then(date_parts) {
        set_date(&mut e, year, month);
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
    finish(&e)
}

fn set_date(e: &mut biblatex::Entry, year: i32, month: Option<u8>) {
    e.set("year", normal(&year.to_string()));
    if let Some(m) = month.filter(|m| (1..=12).contains(m)) {
        e.set("month", normal(MONTHS[usize::from(m - 1)]));
    }
}

/// Names joined by ` and `: a person as `Family, Given` (a normal chunk, which BibTeX splits at
/// the comma), an organisation or a one-word name protected whole.
fn names(list: &[Contributor]) -> Vec<Spanned<Chunk>> {
    let mut out = Vec::new();
    for (i, c) in list.iter().enumerate() {
        if i > 0 {
            out.push(Spanned::detached(Chunk::Normal(" and ".into())));
        }
        out.push(match c.family_given() {
            Some((family, given)) => Spanned::detached(Chunk::Normal(format!("{family}, {given}"))),
            None => Spanned::detached(Chunk::Verbatim(c.display_name())),
        });
    }
    out
}

/// An essay as one `@incollection` entry: authors, title, `booktitle` (the edition), editors,
/// publisher (each organisation protected, joined by ` and ` as biblatex lists them), year and
/// month, pages, URL, language, abstract and keywords (comma-separated, as biblatex and Zotero
/// read them). There is no DOI to give.
pub fn essay_entry(essay: &EssayCitation) -> String {
    let mut e = biblatex::Entry::new(essay.key.clone(), EntryType::InCollection);
    e.set("title", protected(&essay.title));
    if !essay.authors.is_empty() {
        e.set("author", names(&essay.authors));
    }
    e.set("booktitle", protected(&essay.edition_title));
    if !essay.editors.is_empty() {
        e.set("editor", names(&essay.editors));
    }
    if !essay.publishers.is_empty() {
        let orgs: Vec<Contributor> = essay.publishers.iter().map(|p| Contributor::organisation(p)).collect();
        e.set("publisher", names(&orgs));
    }
    let (year, month, _) = essay.date();
    set_date(&mut e, year, month);
    if let Some((first, last)) = essay.pages {
        e.set("pages", normal(&page_range(first, last, "--")));
    }
    e.set("url", normal(&essay.url));
    if !essay.language.trim().is_empty() {
        e.set("language", normal(&essay.language));
    }
    if let Some(a) = essay.abstract_text.as_deref().filter(|a| !a.trim().is_empty()) {
        e.set("abstract", normal(a));
    }
    let keywords = essay.keyword_list();
    if !keywords.is_empty() {
        e.set("keywords", normal(&keywords.join(", ")));
    }
    finish(&e)
}

/// The entry as text, with the crate's escapes of `~`, `^` and `\` made printable outside `url`.
fn finish(e: &biblatex::Entry) -> String {
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
