//! Searching: a query as people type it (words, `"phrases"`, `prefix*`, `AND`/`OR`/`-word`),
//! read leniently (what cannot be read is searched as words, never an error), filtered by who
//! asks and by facet values, answered with the best hits, a highlighted snippet each, and the
//! count of every facet value among all the hits.

use std::collections::BTreeMap;

use tantivy::collector::{Count, FacetCollector, FacetCounts as TantivyFacetCounts, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, TantivyDocument, Term, Value};
use tantivy::{DocAddress, Searcher};

use crate::doc::{Dim, Kind};
use crate::index::SearchIndex;
use crate::records::Labels;
use crate::schema::Lang;
use crate::snippet::{Snippets, escape};
use crate::{Result, SearchError};

/// The longest query read (characters); the rest is dropped with a note.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most hits one answer holds.
pub const MAX_LIMIT: usize = 200;
/// Snippet length (characters).
const SNIPPET_CHARS: usize = 220;
/// The weight of a cognate match against an exact or stemmed one (title 2, text 1).
const COGNATE_BOOST: f32 = 0.1;

/// A search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query as typed.
    pub q: String,
    /// Facet filters: each hit has every value given.
    pub filters: Vec<(Dim, String)>,
    /// Whether staff ask (they also see staff-only documents and unpublished records).
    pub staff: bool,
    /// How many hits at most.
    pub limit: usize,
    /// What is counted besides the best hits.
    pub counts: Counts,
}

/// What a search counts besides finding its best hits. Counting visits every matching document,
/// which the best hits alone do not need; an API client that wants only the hits (as Datasette's
/// `_shape=array` answers) asks for [`Counts::None`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Counts {
    /// The total and the count of every facet value (the search pages).
    #[default]
    All,
    /// The total, no facets.
    Total,
    /// Neither: the answer's total is the number of hits given, facets are empty.
    None,
}

/// One hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// The kind's code.
    pub kind: &'static str,
    /// The title.
    pub title: String,
    /// Where it is shown (with `#page=N` for a page of a PDF).
    pub url: String,
    /// A line of context.
    pub context: String,
    /// The snippet as HTML: the text escaped, matches in `<mark>`.
    pub snippet_html: String,
    /// The page of a document (1-based), if the hit is a page.
    pub page: Option<u64>,
    /// Why a document's text is missing (its metadata matched).
    pub text_missing: Option<String>,
    /// The relevance score.
    pub score: f32,
}

/// A facet value and how many hits have it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FacetValue {
    /// The value (a code).
    pub value: String,
    /// Its label.
    pub label: String,
    /// Hits with it.
    pub count: u64,
    /// Whether it is a filter of this search.
    pub selected: bool,
}

/// The counts of one dimension.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FacetCounts {
    /// The dimension's code (the filter parameter).
    pub name: &'static str,
    /// Its heading.
    pub label: &'static str,
    /// Its values, most frequent first.
    pub values: Vec<FacetValue>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchAnswer {
    /// The query as searched (control characters removed, cut to [`MAX_QUERY_CHARS`]).
    pub query: String,
    /// What was done to the query or the filters, for the reader.
    pub notes: Vec<String>,
    /// How many hits in all (with [`Counts::None`], `None`).
    pub total: Option<usize>,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Facet counts among all hits.
    pub facets: Vec<FacetCounts>,
}

/// A query made readable: control characters become spaces, and at most [`MAX_QUERY_CHARS`].
pub fn clean_query(q: &str, notes: &mut Vec<String>) -> String {
    let mut cleaned: String = q.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if cleaned.chars().count() > MAX_QUERY_CHARS {
        cleaned = cleaned.chars().take(MAX_QUERY_CHARS).collect();
        notes.push(format!(
            "The query was longer than {MAX_QUERY_CHARS} characters: only its first {MAX_QUERY_CHARS} were searched."
        ));
    }
    cleaned.trim().to_string()
}

impl SearchIndex {
    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchAnswer> {
        let mut notes = Vec::new();
        let q = clean_query(&request.q, &mut notes);
        let limit = request.limit.clamp(1, MAX_LIMIT);
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let labels = self.shared.read().map(|s| s.labels.clone()).unwrap_or_default();

        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut text_query: Option<Box<dyn Query>> = None;
        if has_words(&q) {
            let (rest, prefixes) = split_prefixes(&q);
            let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            if rest.chars().any(char::is_alphanumeric) {
                let mut fields = vec![f.title];
                fields.extend(f.text);
                fields.push(f.cognate);
                let mut parser = QueryParser::for_index(&self.index, fields);
                parser.set_conjunction_by_default();
                parser.set_field_boost(f.title, 2.0);
                parser.set_field_boost(f.cognate, COGNATE_BOOST);
                let (parsed, errors) = parser.parse_query_lenient(&rest);
                if !errors.is_empty() {
                    notes.push(
                        "Part of the query could not be read as written (an unbalanced quote or an operator \
                         without a word): it was searched as plain words."
                            .into(),
                    );
                }
                parts.push((Occur::Must, parsed));
            }
            for p in &prefixes {
                parts.push((Occur::Must, self.prefix_query(p)?));
            }
            let combined: Box<dyn Query> = Box::new(BooleanQuery::new(parts));
            clauses.push((Occur::Must, combined.box_clone()));
            text_query = Some(combined);
        } else if q.is_empty() {
            if request.filters.is_empty() {
                notes.push("Type one or more words to search for.".into());
            }
        } else {
            notes.push("The query holds no word to search for, only operators or punctuation.".into());
        }
        if text_query.is_none() && request.filters.is_empty() {
            return Ok(SearchAnswer {
                query: q,
                notes,
                total: Some(0),
                hits: Vec::new(),
                facets: Vec::new(),
            });
        }
        if !request.staff {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.visibility, "public"),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if text_query.is_none() {
            clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
        }
        for (dim, value) in &request.filters {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_facet(f.facet, &Facet::from_path([dim.code(), value.as_str()])),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let query = BooleanQuery::new(clauses);
        let top_docs = TopDocs::with_limit(limit).order_by_score();
        let (top, total, facets) = match request.counts {
            Counts::All => {
                let mut facet_collector = FacetCollector::for_field("facet");
                for dim in Dim::ALL {
                    facet_collector.add_facet(Facet::from_path([dim.code()]));
                }
                let (top, total, counts) = searcher
                    .search(&query, &(top_docs, Count, facet_collector))
                    .map_err(SearchError::search)?;
                let facets = facet_counts(&counts, &labels, &request.filters);
                (top, Some(total), facets)
            }
            Counts::Total => {
                let (top, total) = searcher
                    .search(&query, &(top_docs, Count))
                    .map_err(SearchError::search)?;
                (top, Some(total), Vec::new())
            }
            Counts::None => {
                let top = searcher.search(&query, &top_docs).map_err(SearchError::search)?;
                (top, None, Vec::new())
            }
        };
        let found = total.unwrap_or(top.len());
        for (dim, value) in &request.filters {
            let known = labels.0.contains_key(&(dim.code().to_string(), value.clone()))
                || (matches!(dim, Dim::Year | Dim::Language) && found > 0);
            if !known && found == 0 {
                notes.push(format!(
                    "No record has {} “{}”: the filter matched nothing.",
                    dim.label().to_lowercase(),
                    value
                ));
            }
        }

        let hits = match &text_query {
            Some(tq) => self.hits(&searcher, tq.as_ref(), &top)?,
            None => self.hits(&searcher, &tantivy::query::EmptyQuery, &top)?,
        };
        Ok(SearchAnswer {
            query: q,
            notes,
            total,
            hits,
            facets,
        })
    }

    fn hits(&self, searcher: &Searcher, query: &dyn Query, top: &[(f32, DocAddress)]) -> Result<Vec<Hit>> {
        let f = &self.fields;
        let fields = std::iter::once(f.title)
            .chain(Lang::ALL.map(|l| f.text_of(l)))
            .collect();
        let snippets = Snippets::new(query, fields, f.cognate, SNIPPET_CHARS);
        let text = |doc: &TantivyDocument, field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(*address).map_err(SearchError::search)?;
            let snippet_html = match snippets.best(&doc) {
                Some(s) => s.html,
                None => {
                    let body = Lang::ALL
                        .iter()
                        .map(|l| text(&doc, f.text_of(*l)))
                        .find(|t| !t.is_empty())
                        .unwrap_or_default();
                    escape(&body.chars().take(SNIPPET_CHARS).collect::<String>())
                }
            };
            let kind = Kind::from_code(&text(&doc, f.kind)).unwrap_or(Kind::Source);
            let page = doc.get_first(f.page).and_then(|v| v.as_u64()).filter(|p| *p > 0);
            let missing = text(&doc, f.missing);
            hits.push(Hit {
                kind: kind.code(),
                title: text(&doc, f.title),
                url: text(&doc, f.url),
                context: text(&doc, f.context),
                snippet_html,
                page,
                text_missing: (!missing.is_empty()).then_some(missing),
                score: *score,
            });
        }
        Ok(hits)
    }
}

/// The counts of every dimension's values among the hits, most frequent first.
fn facet_counts(counts: &TantivyFacetCounts, labels: &Labels, filters: &[(Dim, String)]) -> Vec<FacetCounts> {
    let mut facets = Vec::new();
    for dim in Dim::ALL {
        let mut values: Vec<FacetValue> = counts
            .get(Facet::from_path([dim.code()]))
            .filter_map(|(facet, count)| {
                let value = facet.to_path().get(1)?.to_string();
                Some(FacetValue {
                    label: labels.of(dim.code(), &value),
                    selected: filters.iter().any(|(d, v)| *d == dim && *v == value),
                    value,
                    count,
                })
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        facets.push(FacetCounts {
            name: dim.code(),
            label: dim.label(),
            values,
        });
    }
    facets
}

impl SearchIndex {
    /// `word*`: each field's terms starting with the word as that field analyses it (its stem,
    /// folded), in any field.
    fn prefix_query(&self, word: &str) -> Result<Box<dyn Query>> {
        let f = &self.fields;
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in std::iter::once(f.title).chain(f.text) {
            let mut analyser = self.index.tokenizer_for_field(field).map_err(SearchError::search)?;
            let mut stream = analyser.token_stream(word);
            let Some(token) = stream.next().map(|t| t.text.clone()) else {
                continue;
            };
            let pattern = prefix_pattern(&token);
            let regex = tantivy::query::RegexQuery::from_pattern(&pattern, field).map_err(SearchError::search)?;
            any.push((Occur::Should, Box::new(regex)));
        }
        Ok(Box::new(BooleanQuery::new(any)))
    }
}

/// The terms a prefix matches: those starting with it, and (as a stemmer may have cut a whole
/// word shorter than its prefix: "atrocit" against "atroc" for "atrocities") its shorter forms
/// down to three letters fewer, but not below four letters.
fn prefix_pattern(token: &str) -> String {
    let chars: Vec<String> = token
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect();
    let mut alternatives = vec![format!("{}.*", chars.concat())];
    let shortest = chars.len().saturating_sub(3).max(4);
    for len in (shortest..chars.len()).rev() {
        alternatives.push(chars[..len].concat());
    }
    alternatives.join("|")
}

/// Whether a query holds a word to search for (not only operators and punctuation).
fn has_words(q: &str) -> bool {
    q.split_whitespace().any(|w| {
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        !word.is_empty() && !matches!(word, "AND" | "OR" | "NOT")
    })
}

/// Takes the prefix words (`prevent*`, outside quotes) out of a query: the rest, and the words
/// without their star.
fn split_prefixes(q: &str) -> (String, Vec<String>) {
    let mut rest = Vec::new();
    let mut prefixes = Vec::new();
    let mut quoted = false;
    for word in q.split(' ') {
        let stem = word.strip_suffix('*').unwrap_or_default();
        if !quoted && !stem.is_empty() && stem.chars().all(char::is_alphanumeric) && prefixes.len() < 8 {
            prefixes.push(stem.to_string());
        } else {
            rest.push(word);
        }
        if word.matches('"').count() % 2 == 1 {
            quoted = !quoted;
        }
    }
    (rest.join(" "), prefixes)
}

/// Groups hits by kind in display order, keeping each group's order.
pub fn group_by_kind(hits: &[Hit]) -> Vec<(Kind, Vec<Hit>)> {
    let mut groups: BTreeMap<Kind, Vec<Hit>> = BTreeMap::new();
    for h in hits {
        if let Some(k) = Kind::from_code(h.kind) {
            groups.entry(k).or_default().push(h.clone());
        }
    }
    groups.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_words_are_taken_out_of_the_query_but_not_out_of_phrases() {
        assert_eq!(
            split_prefixes("early warn* \"a b*\" c"),
            ("early \"a b*\" c".to_string(), vec!["warn".to_string()])
        );
        assert_eq!(split_prefixes("*"), ("*".to_string(), vec![]));
        assert_eq!(prefix_pattern("atrocit"), "atrocit.*|atroci|atroc|atro");
        assert_eq!(prefix_pattern("war"), "war.*");
        assert!(!has_words("AND OR -( NOT"));
        assert!(has_words("war AND peace"));
        let mut notes = Vec::new();
        assert_eq!(clean_query("a\u{0}b\tc", &mut notes), "a b c");
        assert!(notes.is_empty());
    }
}
