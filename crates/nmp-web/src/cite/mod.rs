//! Citations of sources and public records in three exchange formats (BibTeX, RIS, CSL-JSON) and
//! as the plain text of a page's "How to cite" block.
//!
//! A [`Citable`] is what a citation says, whatever the format: a source cites its own author,
//! publisher and date; a record of this site (a country, mechanism, initiative, network,
//! organisation) cites NMP as its author and publisher, with the page's URL and the date it was
//! read; an edition cites its publishers and publication date. Each format is one module:
//! [`bibtex`] through the `biblatex` crate (which escapes BibTeX's special characters), [`ris`]
//! and [`csl`] written here (see `docs/architecture.md` for why).
//!
//! A published expert opinion essay is a chapter of an edition: [`EssayCitation`] (in [`essay`])
//! says more than a [`Citable`] can (people's family and given names, editors, pages, abstract,
//! keywords, licence) and renders itself in the same three formats; [`scholar`] writes the same
//! facts as the metadata of the essay's page that Google Scholar and Zotero read (Highwire Press
//! `<meta>` tags and schema.org JSON-LD).

pub mod bibtex;
pub mod csl;
pub mod essay;
pub mod ris;
pub mod scholar;

pub use essay::{Contributor, EssayCitation};

use nmp_core::vocab::SourceKind;
use nmp_store::entity::source;

/// The name NMP is cited by, as author and publisher of its pages.
pub const NMP_NAME: &str = "National Mechanisms Platform (NMP)";

/// The title of the review the site belongs to, as the container of its pages.
pub const REVIEW_TITLE: &str = "National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes";

/// What kind of work is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// A page of this site (a record).
    Page,
    /// An edition of the review.
    Edition,
    /// A published expert opinion essay: a chapter of an edition (see [`EssayCitation`]).
    Essay,
    /// A source of the bibliography, by its kind.
    Source(SourceKind),
}

/// What a citation says, in any format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citable {
    /// A stable key (`nmp-mechanisms-ken-national-committee`, `source-aipr-2017-docslib`).
    pub key: String,
    /// What kind of work it is.
    pub work: Work,
    /// The title.
    pub title: String,
    /// Authors, each a name as written (organisations too): never split into given and family.
    pub authors: Vec<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// The work the page belongs to (for a page: the review's title).
    pub container: Option<String>,
    /// Date of publication, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub issued: Option<String>,
    /// Where it can be read.
    pub url: Option<String>,
    /// When it was read (`YYYY-MM-DD` or reduced).
    pub accessed: Option<String>,
    /// A copy in a web archive.
    pub archived_url: Option<String>,
    /// ISO 639-1 language.
    pub language: Option<String>,
}

/// The export formats, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// BibTeX (`.bib`).
    Bibtex,
    /// RIS (`.ris`).
    Ris,
    /// CSL-JSON (`.json`).
    CslJson,
}

impl Format {
    /// Every format, in the order the pages list them.
    pub const ALL: [Format; 3] = [Format::Bibtex, Format::Ris, Format::CslJson];

    /// The format of a file extension.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "bib" => Some(Format::Bibtex),
            "ris" => Some(Format::Ris),
            "json" => Some(Format::CslJson),
            _ => None,
        }
    }

    /// Its file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Bibtex => "bib",
            Format::Ris => "ris",
            Format::CslJson => "json",
        }
    }

    /// Its media type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Bibtex => "application/x-bibtex; charset=utf-8",
            Format::Ris => "application/x-research-info-systems; charset=utf-8",
            Format::CslJson => "application/vnd.citationstyles.csl+json; charset=utf-8",
        }
    }

    /// Its name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Bibtex => "BibTeX",
            Format::Ris => "RIS",
            Format::CslJson => "CSL-JSON",
        }
    }

    /// `c` in this format.
    pub fn render(self, c: &Citable) -> String {
        match self {
            Format::Bibtex => bibtex::entry(c),
            Format::Ris => ris::record(c),
            Format::CslJson => csl::items(c),
        }
    }
}

/// A source of the bibliography as a citation, read on `accessed` when the source has no
/// accessed-on date of its own.
pub fn of_source(s: &source::Model) -> Citable {
    Citable {
        key: format!("source-{}", s.slug),
        work: Work::Source(SourceKind::parse("kind", &s.kind).unwrap_or(SourceKind::Document)),
        title: s.title.clone(),
        authors: s.author.iter().cloned().collect(),
        publisher: s.publisher.clone(),
        container: None,
        issued: s.published_on.clone(),
        url: s.url.clone(),
        accessed: s.accessed_on.clone(),
        archived_url: s.archived_url.clone(),
        language: s.language.clone(),
    }
}

/// A page of this site as a citation: NMP is its author and publisher; `path` is the page's path
/// (`/mechanisms/ken-national-committee`) under `public_url`.
pub fn of_page(public_url: &str, kind: &str, key: &str, title: &str, accessed: Option<String>) -> Citable {
    Citable {
        key: format!("nmp-{kind}-{}", key.to_lowercase()),
        work: Work::Page,
        title: title.to_string(),
        authors: vec![NMP_NAME.to_string()],
        publisher: Some(NMP_NAME.to_string()),
        container: Some(REVIEW_TITLE.to_string()),
        issued: None,
        url: Some(page_url(public_url, kind, key)),
        accessed,
        archived_url: None,
        language: Some("en".into()),
    }
}

/// The address of a record's page.
pub fn page_url(public_url: &str, kind: &str, key: &str) -> String {
    let key = if kind == "countries" {
        key.to_lowercase()
    } else {
        key.to_string()
    };
    format!("{}/{kind}/{key}", public_url.trim_end_matches('/'))
}

/// Today (UTC) as `YYYY-MM-DD`: the accessed-on date of a record's export.
pub fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The citation as one line of plain text (the "How to cite" block): authors, title, container,
/// publisher, date, URL, archived copy, and the accessed-on date or `accessed_hint`.
pub fn plain_text(c: &Citable, accessed_hint: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !c.authors.is_empty() {
        parts.push(format!("{}.", c.authors.join("; ").trim_end_matches('.')));
    }
    parts.push(format!("“{}.”", c.title.trim_end_matches('.')));
    if let Some(container) = &c.container {
        parts.push(format!("{container}."));
    }
    if let Some(p) = &c.publisher
        && !c.authors.contains(p)
    {
        parts.push(format!("{}.", p.trim_end_matches('.')));
    }
    if let Some(d) = &c.issued {
        parts.push(format!("{d}."));
    }
    if let Some(u) = &c.url {
        parts.push(format!("{u}."));
    }
    if let Some(a) = &c.archived_url {
        parts.push(format!("Archived at {a}."));
    }
    match &c.accessed {
        Some(a) => parts.push(format!("Accessed {a}.")),
        None if c.url.is_some() && !accessed_hint.is_empty() => parts.push(format!("Accessed {accessed_hint}.")),
        None => {}
    }
    parts.join(" ")
}

/// A page's "How to cite" block: the citation as text and the links to its exports.
#[derive(Debug, Clone)]
pub struct HowToCite {
    /// The citation as plain text.
    pub text: String,
    /// (format label, href) of each export.
    pub links: Vec<(&'static str, String)>,
}

impl HowToCite {
    /// The block for a record of `kind` (`mechanisms`, ...) keyed `key`. The text leaves the
    /// accessed-on date to the reader (the page is cached; the exports carry today's date).
    pub fn record(public_url: &str, kind: &str, key: &str, title: &str) -> HowToCite {
        let c = of_page(public_url, kind, key, title, None);
        HowToCite {
            text: plain_text(&c, "[the date you read this page]"),
            links: links(kind, key),
        }
    }

    /// The block for a citable built elsewhere (an edition), with its exports under `kind`/`key`.
    pub fn of(c: &Citable, kind: &str, key: &str) -> HowToCite {
        HowToCite {
            text: plain_text(c, "[the date you read it]"),
            links: links(kind, key),
        }
    }
}

/// The export links of a record: `/cite/{kind}/{key}.{bib,ris,json}`.
pub fn links(kind: &str, key: &str) -> Vec<(&'static str, String)> {
    Format::ALL
        .iter()
        .map(|f| (f.label(), format!("/cite/{kind}/{key}.{}", f.extension())))
        .collect()
}

/// A partial date's parts: year, and month and day when given.
pub(crate) fn date_parts(date: &str) -> Option<(i32, Option<u8>, Option<u8>)> {
    let mut it = date.split('-');
    let year = it.next()?.parse().ok()?;
    let month = it.next().and_then(|m| m.parse().ok());
    let day = it.next().and_then(|d| d.parse().ok());
    Some((year, month, day))
}

#[cfg(test)]
mod essay_tests;
#[cfg(test)]
mod tests;
