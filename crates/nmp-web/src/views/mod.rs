//! View models: what a page or an API answer shows, built from the store. The same structs are
//! rendered by the templates and serialised by the JSON API, so the two never disagree; database
//! rows are never serialised directly.

pub(crate) mod analysis;
pub(crate) mod charts;
pub(crate) mod countries;
pub(crate) mod editions;
pub(crate) mod mechanisms;
pub(crate) mod networks;
pub(crate) mod sources;

use std::collections::{BTreeMap, HashMap};

use nmp_store::Store;
use nmp_store::entity::{citation, source};
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
}

/// Numbers citations in the order facts are shown. Load the citations of every record a page
/// shows with [`Citer::load`], then ask for each record's marks with [`Citer::cite`].
#[derive(Default)]
pub(crate) struct Citer {
    by_record: HashMap<(String, String), Vec<(citation::Model, source::Model)>>,
    numbers: BTreeMap<(i32, Option<String>, Option<String>), usize>,
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
        for (c, s) in store.citations_of(entity, keys).await? {
            self.by_record
                .entry((c.entity.clone(), c.entity_id.clone()))
                .or_default()
                .push((c, s));
        }
        Ok(())
    }

    /// The marks for one record, numbering new notes as they first appear.
    pub(crate) fn cite(&mut self, entity: &str, key: impl ToString) -> Vec<Cite> {
        let Some(rows) = self.by_record.get(&(entity.to_string(), key.to_string())) else {
            return Vec::new();
        };
        let mut cites = Vec::new();
        for (c, s) in rows {
            let id = (s.source_id, c.locator.clone(), c.quote.clone());
            let next = self.numbers.len() + 1;
            let note = *self.numbers.entry(id).or_insert(next);
            if note == next {
                self.notes.push(Note {
                    note,
                    source: s.slug.clone(),
                    title: s.title.clone(),
                    publisher: s.publisher.clone(),
                    published_on: s.published_on.clone(),
                    url: s.url.clone(),
                    locator: c.locator.clone(),
                    quote: c.quote.clone(),
                });
            }
            cites.push(Cite {
                note,
                field: c.field.clone(),
                source: s.slug.clone(),
            });
        }
        cites.sort_by_key(|c| c.note);
        cites
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
macro_rules! label {
    ($vocab:ty, $code:expr) => {
        <$vocab>::parse("", &$code)
            .map(|v| v.label().to_string())
            .unwrap_or_else(|_| $code.to_string())
    };
}
pub(crate) use label;
