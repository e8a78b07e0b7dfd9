//! A hit's snippet: a passage of its text around the first word a query term matches, the
//! matched words in `<mark>`.
//!
//! tantivy's `SnippetGenerator` stems every word of the text it is given to find the query's
//! terms, and a profile of the search showed that stemming to be a large part of a search's time.
//! So the text is read here without stemming, lower-cased and folded as the index folds, and a
//! word matches a term when it is the term or begins with it (the terms are stems, which begin
//! most words they come from: `prevent` begins "prévention", `genocidi` "genocidios"; a stem
//! shorter than three letters must be the whole word). The passage starts shortly before the first
//! matching word and runs for the snippet's length; every match inside it is marked.
//!
//! A hit found only through a [cognate key](crate::cognate) ("prevencion" for "prévention") has
//! no term in its text: when no field matches that way, the words are compared by their cognate
//! keys instead.

use std::collections::BTreeSet;

use tantivy::query::Query;
use tantivy::schema::{Field, TantivyDocument, Term, Value};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};

use crate::cognate;

/// Characters of context kept before the first match, at most.
const BEFORE: usize = 60;

/// The snippets of one query: the terms it searches in each field.
pub(crate) struct Snippets {
    /// Each field searched, with the query's terms in it.
    fields: Vec<(Field, Vec<String>)>,
    /// The cognate keys searched, and the stored fields they are looked for in.
    cognate: Option<(Vec<String>, Vec<Field>)>,
    finder: TextAnalyzer,
    max_chars: usize,
}

/// A passage with its matches marked.
pub(crate) struct Snippet {
    /// The passage as HTML: escaped, the matches in `<mark>`.
    pub html: String,
    /// How many words are marked.
    pub marked: usize,
}

impl Snippets {
    /// The terms of `query` in each of `fields`, and its terms of the `cognate` field (looked for
    /// in all of `fields`); snippets of about `max_chars`.
    pub(crate) fn new(query: &dyn Query, fields: Vec<Field>, cognate: Field, max_chars: usize) -> Snippets {
        let mut terms: BTreeSet<Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            terms.insert(term.clone());
        });
        let words_of = |field: Field| -> Vec<String> {
            terms
                .iter()
                .filter(|t| t.field() == field)
                .filter_map(|t| t.value().as_str().map(str::to_string))
                .collect()
        };
        let keys = words_of(cognate);
        let per_field = fields
            .iter()
            .map(|f| (*f, words_of(*f)))
            .filter(|(_, w)| !w.is_empty())
            .collect();
        let finder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        Snippets {
            fields: per_field,
            cognate: (!keys.is_empty()).then_some((keys, fields)),
            finder,
            max_chars,
        }
    }

    /// The snippet of `doc` that marks the most words, if any field of it matches.
    pub(crate) fn best(&self, doc: &TantivyDocument) -> Option<Snippet> {
        let text_of = |field: Field| {
            let parts: Vec<&str> = doc.get_all(field).filter_map(|v| v.as_str()).collect();
            parts.join(" ")
        };
        let mut best: Option<Snippet> = None;
        for (field, words) in &self.fields {
            let text = text_of(*field);
            let found = self.passage(text.trim(), |w| words.iter().any(|t| begins(w, t)));
            if let Some(s) = found
                && s.marked > best.as_ref().map_or(0, |b| b.marked)
            {
                best = Some(s);
            }
        }
        if best.is_some() {
            return best;
        }
        let (keys, fields) = self.cognate.as_ref()?;
        fields
            .iter()
            .find_map(|f| self.passage(text_of(*f).trim(), |w| keys.contains(&cognate::key(w))))
    }

    /// The passage of `text` around its first word that `matches` (given the word lower-cased
    /// and folded), with every matching word in it marked; `None` when no word matches.
    fn passage(&self, text: &str, matches: impl Fn(&str) -> bool) -> Option<Snippet> {
        let mut finder = self.finder.clone();
        let mut stream = finder.token_stream(text);
        let mut marks: Vec<(usize, usize)> = Vec::new();
        let mut end = text.len();
        while stream.advance() {
            let token = stream.token();
            if !marks.is_empty() && token.offset_to > end {
                break;
            }
            if matches(&token.text) {
                if marks.is_empty() {
                    let start = passage_start(text, token.offset_from);
                    end = floor_char(text, (start + self.max_chars).min(text.len()));
                    end = word_end(text, end);
                    marks.push((start, start));
                }
                if token.offset_to <= end {
                    marks.push((token.offset_from, token.offset_to));
                }
            }
        }
        let (start, _) = *marks.first()?;
        let mut html = String::with_capacity(end - start + 32);
        if start > 0 {
            html.push('…');
        }
        let mut at = start;
        for &(from, to) in &marks[1..] {
            html.push_str(&escape(&text[at..from]));
            html.push_str("<mark>");
            html.push_str(&escape(&text[from..to]));
            html.push_str("</mark>");
            at = to;
        }
        html.push_str(&escape(&text[at..end]));
        if end < text.len() {
            html.push('…');
        }
        Some(Snippet {
            html,
            marked: marks.len() - 1,
        })
    }
}

/// Whether the folded `word` matches the term `term`: it is the term, or begins with a term of at
/// least three letters.
fn begins(word: &str, term: &str) -> bool {
    word == term || (term.len() >= 3 && word.starts_with(term))
}

/// Where a passage whose first match is at `at` starts: up to [`BEFORE`] characters earlier, at
/// the start of a sentence or a word.
fn passage_start(text: &str, at: usize) -> usize {
    if at <= BEFORE {
        return 0;
    }
    let from = floor_char(text, at - BEFORE);
    let before = &text[from..at];
    if let Some(i) = before.rfind(['.', '!', '?', '\n']) {
        let s = from + i + 1;
        return s + (text[s..at].len() - text[s..at].trim_start().len());
    }
    match before.find(char::is_whitespace) {
        Some(i) => from + i + 1,
        None => from,
    }
}

/// `i` moved forward to the end of the word it is in (to keep words whole).
fn word_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    match rest.find(|c: char| !c.is_alphanumeric()) {
        Some(n) if n <= 30 => i + n,
        _ => i,
    }
}

/// The largest char boundary of `text` at or before `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Text made safe to place in HTML.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_on_character_boundaries() {
        let t = "réseau";
        assert_eq!(floor_char(t, 2), 1, "inside é");
        assert_eq!(floor_char(t, 3), 3);
        assert_eq!(floor_char(t, 0), 0);
    }

    #[test]
    fn passages_start_near_the_first_match_and_mark_every_match_in_them() {
        let snippets = Snippets {
            fields: Vec::new(),
            cognate: None,
            finder: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
            max_chars: 80,
        };
        let text = "An opening sentence that says nothing at all, for quite a while longer. Le comité de prévention <b> & la Prévention des génocides se réunit souvent, et encore, et encore.";
        let s = snippets
            .passage(text, |w| begins(w, "prevent") || begins(w, "genocid"))
            .unwrap();
        assert_eq!(s.marked, 3);
        assert!(
            s.html
                .starts_with("…Le comité de <mark>prévention</mark> &lt;b&gt; &amp; la <mark>Prévention</mark>"),
            "{}",
            s.html
        );
        assert!(
            s.html.contains("<mark>génocides</mark>") && s.html.ends_with('…'),
            "{}",
            s.html
        );
        assert!(snippets.passage(text, |w| begins(w, "zz")).is_none());
        assert!(!begins("art", "ar") && begins("ar", "ar") && begins("articles", "art"));
    }
}
