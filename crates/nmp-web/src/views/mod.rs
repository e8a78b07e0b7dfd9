//! View models: what a page or an API answer shows, built from the store. The same structs are
//! rendered by the templates and serialised by the JSON API, so the two never disagree; database
//! rows are never serialised directly.

pub(crate) mod analysis;
pub(crate) mod charts;
pub(crate) mod countries;
pub(crate) mod country_names;
pub(crate) mod editions;
pub(crate) mod essays;
pub(crate) mod ewp_series;
pub(crate) mod facets;
pub(crate) mod home;
pub(crate) mod initiatives;
pub(crate) mod mechanisms;
pub(crate) mod networks;
pub(crate) mod reports;
pub(crate) mod risk;
pub(crate) mod risk_gap;
pub(crate) mod search;
pub(crate) mod sources;
pub(crate) mod summary;
pub(crate) mod translated;

use nmp_store::entity::source;
use nmp_store::{CitationIndex, Numbering, Store};
use serde::Serialize;
use utoipa::ToSchema;

use crate::WebError;

/// A citation of a fact, numbered as a note on the page it appears on.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Cite {
    /// Note number on this page (1, 2, ...).
    pub note: usize,
    /// The field cited, or absent when the citation supports the whole record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The source's slug (see `/api/v1/sources/{slug}`).
    pub source: String,
}

/// A numbered note: a source with an optional page locator and quote.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Note {
    /// Note number.
    pub note: usize,
    /// Source slug.
    pub source: String,
    /// Source title.
    pub title: String,
    /// Publisher or site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Date of the source (ISO 8601, reduced precision).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_on: Option<String>,
    /// Where to read it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Page or section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Exact words quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The facts of the page this note supports, in words ("Kenyan National Committee: created
    /// on", "Kenya in GAAMAC"), in the order they are shown.
    pub supports: Vec<String>,
}

/// Numbers citations in the order facts are shown. Load the citations of every record a page
/// shows with [`Citer::load`] (or take a read model's with [`Citer::adopt`]), then ask for each
/// record's marks with [`Citer::cite`].
#[derive(Default)]
pub(crate) struct Citer {
    index: CitationIndex,
    numbering: Numbering<(i32, Option<String>, Option<String>)>,
    pub(crate) notes: Vec<Note>,
}

impl Citer {
    /// Loads the citations of the records `keys` of table `entity`.
    pub(crate) async fn load(
        &mut self,
        store: &Store,
        entity: &str,
        keys: impl IntoIterator<Item = String>,
    ) -> Result<(), WebError> {
        Ok(self.index.load(store, entity, keys).await?)
    }

    /// Takes over citations already read (a [`nmp_store::MechanismBundle`]'s).
    pub(crate) fn adopt(&mut self, index: CitationIndex) {
        self.index.merge(index);
    }

    /// The marks for one record, numbering new notes as they first appear; `about` names the
    /// record for people ("Kenyan National Committee", "Kenya in GAAMAC"), so that each note says
    /// which facts it supports.
    pub(crate) fn cite(&mut self, entity: &str, key: impl ToString, about: &str) -> Vec<Cite> {
        let Citer {
            index,
            numbering,
            notes,
        } = self;
        let mut cites: Vec<Cite> = index
            .of(entity, &key.to_string())
            .iter()
            .map(|(c, s)| {
                let fact = match &c.field {
                    Some(f) => format!("{about}: {}", field_words(entity, f)),
                    None => about.to_string(),
                };
                number(
                    numbering,
                    notes,
                    s,
                    c.locator.as_deref(),
                    c.quote.as_deref(),
                    c.field.clone(),
                    fact,
                )
            })
            .collect();
        cites.sort_by_key(|c| c.note);
        cites
    }

    /// The mark for one source with a locator and quote that is not a citation row (a piece of
    /// a rating's evidence), numbered like citations: the same source, locator and quote always
    /// get the same note. `about` says what the evidence is for.
    pub(crate) fn cite_source(
        &mut self,
        s: &source::Model,
        locator: Option<&str>,
        quote: Option<&str>,
        about: &str,
    ) -> Cite {
        number(
            &mut self.numbering,
            &mut self.notes,
            s,
            locator,
            quote,
            None,
            about.to_string(),
        )
    }
}

/// A record's name short enough to repeat in a note's list of what it supports: its acronym, or
/// the name itself when short, or its first words.
pub(crate) fn short_name(name: &str, acronym: Option<&str>) -> String {
    if let Some(a) = acronym.map(str::trim).filter(|a| !a.is_empty()) {
        return a.to_string();
    }
    if name.chars().count() <= 60 {
        return name.to_string();
    }
    let words: Vec<&str> = name.split_whitespace().take(6).collect();
    format!("{}…", words.join(" ").trim_end_matches([',', ';']))
}

/// A field of `entity` in words: its form label in lower case (`created_on` → "created on").
fn field_words(entity: &str, field: &str) -> String {
    nmp_store::records::schema::fields(entity)
        .ok()
        .and_then(|specs| specs.iter().find(|s| s.name == field))
        .map_or_else(|| field.replace('_', " "), |s| s.label().to_lowercase())
}

/// The note of a source, locator and quote: its number, and the note itself the first time; the
/// note lists `fact` among those it supports.
fn number(
    numbering: &mut Numbering<(i32, Option<String>, Option<String>)>,
    notes: &mut Vec<Note>,
    s: &source::Model,
    locator: Option<&str>,
    quote: Option<&str>,
    field: Option<String>,
    fact: String,
) -> Cite {
    let locator = locator.map(str::to_string);
    let quote = quote.map(str::to_string);
    let (note, new) = numbering.number((s.source_id, locator.clone(), quote.clone()));
    if new {
        notes.push(Note {
            note,
            source: s.slug.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            published_on: s.published_on.clone(),
            url: s.url.clone(),
            locator,
            quote,
            supports: Vec::new(),
        });
    }
    if let Some(n) = notes.iter_mut().find(|n| n.note == note)
        && !fact.is_empty()
        && !n.supports.contains(&fact)
    {
        n.supports.push(fact);
    }
    Cite {
        note,
        field,
        source: s.slug.clone(),
    }
}

/// Marks for a field: the citations naming it.
pub(crate) fn marks<'a>(cites: &'a [Cite], field: &str) -> Vec<&'a Cite> {
    cites.iter().filter(|c| c.field.as_deref() == Some(field)).collect()
}

/// Marks for the record as a whole.
pub(crate) fn record_marks(cites: &[Cite]) -> Vec<&Cite> {
    cites.iter().filter(|c| c.field.is_none()).collect()
}

/// The label of a vocabulary code, or the code itself when it is not in the vocabulary.
pub(crate) use nmp_core::vocab::label;
