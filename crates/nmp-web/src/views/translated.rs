//! Translations of records' prose fields (issue 22) as the pages and the API show them: each
//! record page (mechanism, initiative, network, edition) shows the reader's language when a
//! translation is held, marked official (with its notes) or NMP's own, and the original one
//! click away. Read in one query per page for the translations and one for their citations.

use std::collections::BTreeMap;

use nmp_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

use super::{Cite, Citer};
use crate::WebError;

/// A translation of one of the record's prose fields: official, with its notes, or NMP's own.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TranslationView {
    /// The field translated (`name`, `mandate`, `note`).
    pub field: String,
    /// Its language (`en`, `fr`, `es`).
    pub language: String,
    /// The translated text.
    pub text: String,
    /// Whether NMP made it (else it is official, and cited).
    pub by_nmp: bool,
    /// Notes of an official translation's sources.
    #[serde(skip)]
    pub cites: Vec<Cite>,
}

/// The translations of the records `ids` of table `entity`, by record, in the order they were
/// recorded; the official ones cited into `citer` (`about(id)` names the record in the notes'
/// lists of what they support).
pub(crate) async fn of(
    store: &Store,
    citer: &mut Citer,
    entity: &str,
    ids: &[String],
    about: impl Fn(&str) -> String,
) -> Result<BTreeMap<String, Vec<TranslationView>>, WebError> {
    let rows = store.translations_of(entity, ids).await?;
    let official = rows.iter().filter(|t| !t.by_nmp).map(|t| t.translation_id.to_string());
    let mut citations: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for (c, s) in store.citations_of("translation", official).await? {
        citations.entry(c.entity_id.clone()).or_default().push((c, s));
    }
    let mut out: BTreeMap<String, Vec<TranslationView>> = BTreeMap::new();
    for t in rows {
        let what = format!("{}: {} ({})", about(&t.entity_id), t.field, t.language);
        let cites = citations
            .get(&t.translation_id.to_string())
            .into_iter()
            .flatten()
            .map(|(c, s)| citer.cite_source(s, c.locator.as_deref(), c.quote.as_deref(), &what))
            .collect();
        out.entry(t.entity_id.clone()).or_default().push(TranslationView {
            field: t.field,
            language: t.language,
            text: t.text,
            by_nmp: t.by_nmp,
            cites,
        });
    }
    Ok(out)
}

/// The translation of `field` into the page's language among `list`, if there is one.
pub fn here<'a>(list: &'a [TranslationView], field: &str) -> Option<&'a TranslationView> {
    let code = crate::lang::code();
    list.iter().find(|t| t.field == field && t.language == code)
}
