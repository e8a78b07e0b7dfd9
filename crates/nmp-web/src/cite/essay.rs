//! A published expert opinion essay as a citation: a chapter of an edition of the review, written
//! by its authors, in a report edited by the edition's editors and published by its publishers.
//!
//! [`Citable`] keeps one name per author and is built field by field elsewhere in the crate, so an
//! essay has its own [`EssayCitation`], with people's names split into family and given names,
//! editors, pages, an abstract, keywords and a licence. It renders itself in the three exchange
//! formats ([`EssayCitation::render`], through [`super::bibtex::essay_entry`],
//! [`super::ris::essay_record`] and [`super::csl::essay_items`]), as the plain text of its "How to
//! cite" block, and as the metadata of its page that Google Scholar and Zotero read
//! ([`super::scholar`]). [`EssayCitation::citable`] gives the common [`Citable`] where one is
//! needed.

use super::{Citable, Format, Work, date_parts};

/// Particles that belong to a family name written after the given names ("Ludwig van
/// Beethoven"): a name's words starting with a lower-case letter before its last word.
fn is_particle(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// An author or an editor of an essay: a person or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contributor {
    /// The name as written: a person's "Given Family" or "Family, Given" (the comma form is
    /// never guessed at, so use it for names whose family name comes first or has several
    /// capitalised words: "Ban, Ki-moon", "García Márquez, Gabriel"); an organisation's whole name.
    pub name: String,
    /// Whether the name is an organisation's, never split into family and given names.
    pub organisation: bool,
    /// The institution the person writes from, as named on the essay.
    pub affiliation: Option<String>,
    /// The person's ORCID iD, bare (`0000-0002-1825-0097`); a full `https://orcid.org/...`
    /// address is read too.
    pub orcid: Option<String>,
}

impl Contributor {
    /// A person named `name`, without affiliation or ORCID iD.
    pub fn person(name: &str) -> Contributor {
        Contributor {
            name: name.to_string(),
            ..Contributor::default()
        }
    }

    /// An organisation named `name`.
    pub fn organisation(name: &str) -> Contributor {
        Contributor {
            name: name.to_string(),
            organisation: true,
            ..Contributor::default()
        }
    }

    /// The name on one line, runs of white space as one space.
    pub fn display_name(&self) -> String {
        one_line(&self.name)
    }

    /// A person's (family, given) names: split at the first comma when the name has one,
    /// otherwise the last word with the lower-case particles before it ("van", "de", "al") is the
    /// family name and the words before it the given names. `None` for an organisation, for a
    /// name of one word and for a name with a note in brackets ("Jane Doe (ret.)", whose last
    /// word is no family name), which are cited whole.
    pub fn family_given(&self) -> Option<(String, String)> {
        if self.organisation {
            return None;
        }
        let name = one_line(&self.name);
        if let Some((family, given)) = name.split_once(',') {
            let (family, given) = (family.trim(), given.trim());
            return (!family.is_empty() && !given.is_empty()).then(|| (family.to_string(), given.to_string()));
        }
        let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() < 2 || name.contains(['(', ')', '[', ']']) {
            return None;
        }
        let mut start = words.len() - 1;
        while start > 1 && is_particle(words[start - 1]) {
            start -= 1;
        }
        Some((words[start..].join(" "), words[..start].join(" ")))
    }

    /// The name as bibliographies sort it: "Family, Given" for a person whose name can be split,
    /// otherwise the name whole (RIS `AU`, Highwire `citation_author`).
    pub fn sort_name(&self) -> String {
        match self.family_given() {
            Some((family, given)) => format!("{family}, {given}"),
            None => self.display_name(),
        }
    }

    /// The ORCID iD, bare (`0000-0002-1825-0097`), from either form it was given in; `None`
    /// when it is empty.
    pub fn orcid_id(&self) -> Option<String> {
        let raw = self.orcid.as_deref()?.trim();
        let bare = raw
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("orcid.org/")
            .trim_end_matches('/');
        (!bare.is_empty()).then(|| bare.to_string())
    }

    /// The ORCID iD as the address ORCID asks to display (`https://orcid.org/0000-...`).
    pub fn orcid_url(&self) -> Option<String> {
        self.orcid_id().map(|id| format!("https://orcid.org/{id}"))
    }
}

/// What the citation of a published essay says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EssayCitation {
    /// A stable key (`nmp-essays-2026-early-warning`): the BibTeX key, RIS `ID` and CSL `id`.
    pub key: String,
    /// The essay's title (with its subtitle, if any).
    pub title: String,
    /// The authors, in the essay's order.
    pub authors: Vec<Contributor>,
    /// The abstract, as plain text.
    pub abstract_text: Option<String>,
    /// Keywords, in the essay's order.
    pub keywords: Vec<String>,
    /// The title of the edition the essay is published in (the book title of the chapter).
    pub edition_title: String,
    /// The editors of the edition, in its order (may be empty).
    pub editors: Vec<Contributor>,
    /// The edition's publishers, each organisation once, in order.
    pub publishers: Vec<String>,
    /// Date of publication, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; [`EssayCitation::year`] when
    /// absent.
    pub published_on: Option<String>,
    /// Year of publication (of the edition), used when `published_on` is absent or unreadable.
    pub year: i32,
    /// First and last page of the essay in the edition's PDF, when known.
    pub pages: Option<(u32, u32)>,
    /// The essay's page on this site (its abstract and full text).
    pub url: String,
    /// The essay's PDF, when there is one.
    pub pdf_url: Option<String>,
    /// ISO 639-1 language of the essay (`en`).
    pub language: String,
    /// The licence, as a URL (`https://creativecommons.org/licenses/by/4.0/`) or a name
    /// (`CC BY 4.0`).
    pub licence: Option<String>,
}

impl EssayCitation {
    /// The date of publication's parts: `published_on` when it reads as a date, else `year`.
    pub fn date(&self) -> (i32, Option<u8>, Option<u8>) {
        self.published_on
            .as_deref()
            .and_then(date_parts)
            .map(|(y, m, d)| {
                let m = m.filter(|m| (1..=12).contains(m));
                (y, m, d.filter(|d| m.is_some() && (1..=31).contains(d)))
            })
            .unwrap_or((self.year, None, None))
    }

    /// The date of publication as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn issued(&self) -> String {
        match self.date() {
            (y, Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (y, Some(m), None) => format!("{y:04}-{m:02}"),
            (y, _, _) => format!("{y:04}"),
        }
    }

    /// The publishers as one name (`A; B`), `None` when there are none.
    pub fn publisher(&self) -> Option<String> {
        (!self.publishers.is_empty()).then(|| self.publishers.join("; "))
    }

    /// The keywords without empty ones, each on one line.
    pub fn keyword_list(&self) -> Vec<String> {
        self.keywords
            .iter()
            .map(|k| one_line(k))
            .filter(|k| !k.is_empty())
            .collect()
    }

    /// The essay as the common [`Citable`] ([`Work::Essay`]): authors by their whole names, the
    /// edition as container, its publishers as publisher.
    pub fn citable(&self) -> Citable {
        Citable {
            key: self.key.clone(),
            work: Work::Essay,
            title: self.title.clone(),
            authors: self.authors.iter().map(Contributor::display_name).collect(),
            publisher: self.publisher(),
            container: Some(self.edition_title.clone()),
            issued: Some(self.issued()),
            url: Some(self.url.clone()),
            accessed: None,
            archived_url: None,
            language: Some(self.language.clone()),
        }
    }

    /// The essay in `format`, with everything that format can say about a chapter.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Bibtex => super::bibtex::essay_entry(self),
            Format::Ris => super::ris::essay_record(self),
            Format::CslJson => super::csl::essay_items(self),
        }
    }

    /// The citation as one line of plain text (the essay's "How to cite" block): "Family, Given;
    /// Family, Given. “Title.” In Edition, edited by A and B, 12–30. Publisher, 2026. URL."
    pub fn plain_text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.authors.is_empty() {
            let names: Vec<String> = self.authors.iter().map(Contributor::sort_name).collect();
            parts.push(format!("{}.", names.join("; ").trim_end_matches('.')));
        }
        parts.push(format!("“{}.”", one_line(&self.title).trim_end_matches('.')));
        let mut within = format!("In {}", one_line(&self.edition_title));
        if !self.editors.is_empty() {
            let names: Vec<String> = self.editors.iter().map(Contributor::display_name).collect();
            within.push_str(", edited by ");
            within.push_str(&and_list(&names));
        }
        if let Some((first, last)) = self.pages {
            within.push_str(&format!(", {}", page_range(first, last, "–")));
        }
        parts.push(format!("{}.", within.trim_end_matches('.')));
        match self.publisher() {
            Some(p) => parts.push(format!("{}, {}.", p.trim_end_matches('.'), self.issued())),
            None => parts.push(format!("{}.", self.issued())),
        }
        parts.push(format!("{}.", self.url));
        parts.join(" ")
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `12–30` with `dash` between, or `12` for a one-page essay.
pub(crate) fn page_range(first: u32, last: u32, dash: &str) -> String {
    if last > first {
        format!("{first}{dash}{last}")
    } else {
        first.to_string()
    }
}

/// `text` on one line, runs of white space as one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
