//! A hit's snippet, without analysing the whole document: tantivy's `SnippetGenerator` stems every
//! word of the text it is given, and a hit's text is an archived document of pages; a profile
//! showed that stemming to be most of a search's time. So the text is first scanned, without
//! stemming (lower-cased and folded as the index folds), for the first word that starts with one
//! of the query's terms (the terms are stems, which begin most words they come from), and only a
//! window around it goes to the generator. When no word is found that way (a stem that is not a
//! prefix of its word) in any field, the whole text goes.
//!
//! A hit found only through a [cognate key](crate::cognate) ("prevencion" for "prévention") has
//! no stemmed term in its text: its snippet is made, when no other highlights anything, by the
//! cognate analyser over the stored text, around the first word whose key is searched.

use std::collections::{BTreeMap, BTreeSet};

use tantivy::query::Query;
use tantivy::schema::{Field, TantivyDocument, Term, Value};
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{Score, Searcher};

use crate::schema::cognate_analyser;
use crate::{Result, SearchError};

/// Characters of context kept before the first match (the generator picks the best fragment in
/// the window, of at most the snippet's length).
const BEFORE: usize = 1;
/// Multiples of the snippet's length kept after the first match.
const AFTER: usize = 2;

/// The snippet generators of one query, one per field it searches.
pub(crate) struct Snippets {
    generators: Vec<(Field, Vec<String>, SnippetGenerator)>,
    /// The searched cognate keys and their generator, and the stored fields they are looked for in.
    cognate: Option<(Vec<String>, SnippetGenerator, Vec<Field>)>,
    finder: TextAnalyzer,
    max_chars: usize,
}

impl Snippets {
    /// Generators for the terms of `query` in each of `fields`, and for its terms of the
    /// `cognate` field in all of `fields`; snippets of `max_chars`.
    pub(crate) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        fields: Vec<Field>,
        cognate: Field,
        max_chars: usize,
    ) -> Result<Snippets> {
        let mut terms: BTreeSet<Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            terms.insert(term.clone());
        });
        let scored_terms = |field: Field| -> Result<BTreeMap<String, Score>> {
            let mut scored: BTreeMap<String, Score> = BTreeMap::new();
            for term in terms.iter().filter(|t| t.field() == field) {
                let value = term.value();
                let Some(text) = value.as_str().map(str::to_string) else {
                    continue;
                };
                // As tantivy's own `SnippetGenerator::create` weighs them: rarer terms count more.
                let doc_freq = searcher.doc_freq(term).map_err(SearchError::search)?;
                if doc_freq > 0 {
                    scored.insert(text, 1.0 / (1.0 + doc_freq as Score));
                }
            }
            Ok(scored)
        };
        let mut generators = Vec::new();
        for field in fields.iter().copied() {
            let scored = scored_terms(field)?;
            if scored.is_empty() {
                continue;
            }
            let words: Vec<String> = scored.keys().cloned().collect();
            let analyser = searcher
                .index()
                .tokenizer_for_field(field)
                .map_err(SearchError::search)?;
            generators.push((field, words, SnippetGenerator::new(scored, analyser, field, max_chars)));
        }
        let keys = scored_terms(cognate)?;
        let cognate = (!keys.is_empty()).then(|| {
            let words = keys.keys().cloned().collect();
            (
                words,
                SnippetGenerator::new(keys, cognate_analyser(), cognate, max_chars),
                fields,
            )
        });
        let finder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        Ok(Snippets {
            generators,
            cognate,
            finder,
            max_chars,
        })
    }

    /// The snippet of `doc` that highlights the most, if any field of it matches. Only the
    /// windows around a word a query term begins are analysed; a field with no such word is
    /// analysed whole only when no field has one (a stem that begins none of its words).
    pub(crate) fn best(&self, doc: &TantivyDocument) -> Option<Snippet> {
        let mut best: Option<Snippet> = None;
        let mut unfound: Vec<(String, &SnippetGenerator)> = Vec::new();
        for (field, words, generator) in &self.generators {
            let text: Vec<&str> = doc.get_all(*field).filter_map(|v| v.as_str()).collect();
            let text = text.join(" ");
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let Some(window) = self.window(text, words) else {
                unfound.push((text.to_string(), generator));
                continue;
            };
            let s = generator.snippet(window);
            if s.highlighted().len() > best.as_ref().map_or(0, |b| b.highlighted().len()) {
                best = Some(s);
            }
        }
        if best.is_none() {
            for (text, generator) in unfound {
                let s = generator.snippet(&text);
                if s.highlighted().len() > best.as_ref().map_or(0, |b| b.highlighted().len()) {
                    best = Some(s);
                }
            }
        }
        if best.is_some() {
            return best;
        }
        let (keys, generator, fields) = self.cognate.as_ref()?;
        for field in fields {
            let text: Vec<&str> = doc.get_all(*field).filter_map(|v| v.as_str()).collect();
            let text = text.join(" ");
            let Some(window) = cognate_window(text.trim(), keys, self.max_chars) else {
                continue;
            };
            let s = generator.snippet(window);
            if !s.highlighted().is_empty() {
                return Some(s);
            }
        }
        None
    }

    /// The part of `text` around its first word starting with one of `words`, if there is one.
    fn window<'t>(&self, text: &'t str, words: &[String]) -> Option<&'t str> {
        let mut finder = self.finder.clone();
        let mut stream = finder.token_stream(text);
        let mut at = None;
        while stream.advance() {
            let token = stream.token();
            if words.iter().any(|w| token.text.starts_with(w.as_str())) {
                at = Some(token.offset_from);
                break;
            }
        }
        let at = at?;
        let start = floor_char(text, at.saturating_sub(BEFORE * self.max_chars));
        let end = floor_char(text, (at + AFTER * self.max_chars).min(text.len()));
        Some(&text[start..end])
    }
}

/// The part of `text` around its first word whose cognate key is one of `keys`, if any.
fn cognate_window<'t>(text: &'t str, keys: &[String], max_chars: usize) -> Option<&'t str> {
    let mut analyser = cognate_analyser();
    let mut stream = analyser.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        if keys.contains(&token.text) {
            let at = token.offset_from;
            let start = floor_char(text, at.saturating_sub(BEFORE * max_chars));
            let end = floor_char(text, (at + AFTER * max_chars).min(text.len()));
            return Some(&text[start..end]);
        }
    }
    None
}

/// The largest char boundary of `text` at or before `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::floor_char;

    #[test]
    fn windows_end_on_character_boundaries() {
        let t = "réseau";
        assert_eq!(floor_char(t, 2), 1, "inside é");
        assert_eq!(floor_char(t, 3), 3);
        assert_eq!(floor_char(t, 0), 0);
    }
}
