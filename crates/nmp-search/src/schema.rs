//! The index's schema and its analysers, versioned: an index written under another
//! [`SCHEMA_VERSION`] is rebuilt rather than read.
//!
//! Text is analysed per language: a field per language (`text_en`, `text_fr`, `text_es`), each
//! split into words, lower-cased, folded to ASCII ("prévention" → "prevention") and stemmed with
//! that language's Snowball stemmer ("genocidios" → "genocidi"). The title is folded but not
//! stemmed. Queries are analysed by each field's own analyser, so one query finds a word in any
//! of the three languages. A last field, `cognate`, holds every text's [cognate keys](crate::cognate)
//! ("prévention" and "prevención" → "prevencion"), so that a word finds its cousins in the other
//! two languages.

use tantivy::Index;
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};

use crate::cognate::CognateFilter;

/// Bumped whenever the fields or the analysers change: an index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 3;

/// The languages analysed with their own stemmer: the interface's three ([`nmp_i18n::Lang`]).
pub use nmp_i18n::Lang;

/// The Snowball stemmer of a language.
fn stemmer(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::English,
        Lang::Fr => Language::French,
        Lang::Es => Language::Spanish,
    }
}

/// The name a language's analyser is registered under.
fn analyser_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "nmp_en",
        Lang::Fr => "nmp_fr",
        Lang::Es => "nmp_es",
    }
}

/// The analyser of titles: words, lower case, ASCII folding, no stemming.
const FOLDED: &str = "nmp_folded";
/// The analyser of the cognate field: words, lower case, ASCII folding, cognate keys.
pub(crate) const COGNATE: &str = "nmp_cognate";

/// The fields, by name.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The document's unique key (`mechanism:cod-national-committee`, `archive:slug#3`).
    pub key: Field,
    /// What the key's rows are replaced together with: `record` or `file:KIND:ID`.
    pub scope: Field,
    /// The kind code (`mechanism`, `document`, ...).
    pub kind: Field,
    /// `public` or `staff`.
    pub visibility: Field,
    /// The title, folded.
    pub title: Field,
    /// Text in English, French, Spanish.
    pub text: [Field; 3],
    /// The title and every text as cognate keys (not stored).
    pub cognate: Field,
    /// Where the record is shown (a path).
    pub url: Field,
    /// A line of context (the source a document belongs to, the country, ...).
    pub context: Field,
    /// The page of a document's text (1-based; 0: not a page).
    pub page: Field,
    /// Why a document's text is missing, if it is.
    pub missing: Field,
    /// The facets (`/kind/mechanism`, `/country/COD`, ...).
    pub facet: Field,
    /// The language code of the text, when known.
    pub language: Field,
}

impl Fields {
    /// The text field of a language.
    pub fn text_of(&self, lang: Lang) -> Field {
        self.text[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
    }
}

/// Builds the schema.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |name: &str| {
        TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(name)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        key: b.add_text_field("key", STRING | STORED),
        scope: b.add_text_field("scope", STRING),
        kind: b.add_text_field("kind", STRING | STORED | FAST),
        visibility: b.add_text_field("visibility", STRING),
        title: b.add_text_field("title", text(FOLDED)),
        text: Lang::ALL.map(|l| b.add_text_field(&format!("text_{}", l.code()), text(analyser_name(l)))),
        cognate: b.add_text_field(
            "cognate",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(COGNATE)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ),
        ),
        url: b.add_text_field("url", STORED),
        context: b.add_text_field("context", STORED),
        page: b.add_u64_field("page", STORED | INDEXED),
        missing: b.add_text_field("missing", STORED),
        facet: b.add_facet_field("facet", FacetOptions::default().set_stored()),
        language: b.add_text_field("language", STRING | STORED),
    };
    (b.build(), fields)
}

/// Registers the analysers the schema names on `index`.
pub fn register_analysers(index: &Index) {
    let manager = index.tokenizers();
    manager.register(
        FOLDED,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(60))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
    manager.register(COGNATE, cognate_analyser());
    for lang in Lang::ALL {
        manager.register(
            analyser_name(lang),
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(60))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(stemmer(lang)))
                .build(),
        );
    }
}

/// The cognate field's analyser (also used to find a cognate match in a hit's text).
pub(crate) fn cognate_analyser() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CognateFilter)
        .build()
}
