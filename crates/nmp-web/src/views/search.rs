//! Search results as the search pages and `GET /api/v1/search` show them: the hits grouped by
//! kind, each with its highlighted snippet (and page, for a page of a document), the notes on
//! what was done to the query, and the facet counts, each value with the link that filters by
//! it (or removes the filter).

use nmp_search::{Counts, Dim, SearchAnswer, SearchIndex, SearchRequest, group_by_kind};
use serde::Serialize;
use utoipa::ToSchema;

use crate::WebError;

/// The search's parameters: the query, the facet filters and how many hits.
#[derive(Debug, Clone, Default)]
pub(crate) struct SearchParams {
    /// The query as typed.
    pub q: String,
    /// Facet filters.
    pub filters: Vec<(Dim, String)>,
    /// Most hits.
    pub limit: usize,
    /// What is counted besides the best hits.
    pub counts: Counts,
}

/// One hit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchHit {
    /// Its kind's code (`mechanism`, `document`, ...).
    pub kind: String,
    /// Its title (a document's file name).
    pub title: String,
    /// Where it is shown; a page of a PDF ends with `#page=N`, which opens the file at that page.
    pub url: String,
    /// A line of context (the country, the source a document belongs to, ...).
    pub context: String,
    /// A snippet of the matching text as HTML: escaped, the matches in `<mark>`.
    pub snippet_html: String,
    /// The page of a document the hit is on (1-based).
    pub page: Option<u64>,
    /// Why a document's text could not be read (the hit matched its name and metadata).
    pub text_missing: Option<String>,
}

/// The hits of one kind, in order of relevance.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchGroup {
    /// The kind's code.
    pub kind: String,
    /// Its label.
    pub label: String,
    /// The hits.
    pub hits: Vec<SearchHit>,
}

/// A facet value with its count.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchFacetValue {
    /// The value (a code: `COD`, `africa`, `fr`, `2017`, ...), as the filter parameter takes it.
    pub value: String,
    /// Its label.
    pub label: String,
    /// How many hits have it.
    pub count: u64,
    /// Whether it filters this search.
    pub selected: bool,
    /// The same search with this filter added (or removed, when selected).
    pub href: String,
}

/// One facet.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchFacet {
    /// The filter parameter (`kind`, `country`, `region`, `group`, `edition`, `language`, `year`).
    pub name: String,
    /// Its heading.
    pub label: String,
    /// Its values among the hits, most frequent first.
    pub values: Vec<SearchFacetValue>,
}

/// A search's answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query as searched (control characters removed, at most 500 characters).
    pub query: String,
    /// Notes on the query or the filters (a part that could not be read, a filter matching
    /// nothing).
    pub notes: Vec<String>,
    /// Hits in all (null when asked not to count: `counts=none`).
    pub total: Option<usize>,
    /// The best hits, grouped by kind.
    pub groups: Vec<SearchGroup>,
    /// Counts of each facet's values among all hits.
    pub facets: Vec<SearchFacet>,
}

/// Runs a search for the public (`staff` false) or staff; `base` is the path the facet links go
/// to (`/search`, `/staff/search`, `/api/v1/search`).
pub(crate) fn search(
    index: Option<&SearchIndex>,
    params: &SearchParams,
    staff: bool,
    base: &str,
) -> Result<SearchResults, WebError> {
    let Some(index) = index else {
        return Ok(SearchResults {
            query: params.q.clone(),
            notes: vec![UNAVAILABLE.into()],
            total: Some(0),
            groups: Vec::new(),
            facets: Vec::new(),
        });
    };
    let request = SearchRequest {
        q: params.q.clone(),
        filters: params.filters.clone(),
        staff,
        limit: params.limit,
        counts: params.counts,
    };
    let answer: SearchAnswer = index.search(&request).map_err(|e| WebError::Internal(e.to_string()))?;
    let groups = group_by_kind(&answer.hits)
        .into_iter()
        .map(|(kind, hits)| SearchGroup {
            kind: kind.code().into(),
            label: kind.label().into(),
            hits: hits
                .into_iter()
                .map(|h| SearchHit {
                    kind: h.kind.into(),
                    title: h.title,
                    url: h.url,
                    context: h.context,
                    snippet_html: h.snippet_html,
                    page: h.page,
                    text_missing: h.text_missing,
                })
                .collect(),
        })
        .collect();
    let facets = answer
        .facets
        .into_iter()
        .filter(|f| !f.values.is_empty())
        .map(|f| SearchFacet {
            name: f.name.into(),
            label: f.label.into(),
            values: f
                .values
                .into_iter()
                .map(|v| {
                    let dim = Dim::ALL.into_iter().find(|d| d.code() == f.name).unwrap_or(Dim::Kind);
                    SearchFacetValue {
                        href: toggled(base, params, dim, &v.value),
                        value: v.value,
                        label: v.label,
                        count: v.count,
                        selected: v.selected,
                    }
                })
                .collect(),
        })
        .collect();
    Ok(SearchResults {
        query: answer.query,
        notes: answer.notes,
        total: answer.total,
        groups,
        facets,
    })
}

impl SearchResults {
    /// How many hits were found: the total, or the hits given when not counted.
    pub fn found(&self) -> usize {
        self.total
            .unwrap_or_else(|| self.groups.iter().map(|g| g.hits.len()).sum())
    }
}

/// The message `key` as HTML: its text escaped, each part between backticks in `<code>` (the
/// search's operators, the API's parameters). Quotes are left as they are: the text is an
/// element's content, never an attribute's.
pub(crate) fn code_html(key: &str, args: &[(&str, &str)]) -> String {
    let text = crate::lang::ta(key, args)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let mut out = String::with_capacity(text.len() + 32);
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// How to write a search (a phrase, a prefix, `OR`, a word left out), as HTML for the search
/// pages, in the request's language.
pub(crate) fn syntax_html() -> String {
    let phrase = format!("\"{}\"", crate::lang::t("ls-search-syntax-phrase"));
    let word = format!("-{}", crate::lang::t("ls-search-syntax-word"));
    code_html(
        "ls-search-syntax",
        &[("phrase", &phrase), ("star", "*"), ("or", "OR"), ("not", &word)],
    )
}

/// A facet's heading on a search page, in the request's language.
pub(crate) fn facet_label(name: &str, english: &str) -> String {
    crate::views::facets::word("search-facet", name, english)
}

/// A group of hits' heading (`Mechanisms`) on a search page, in the request's language.
pub(crate) fn kind_label(code: &str, english: &str) -> String {
    crate::views::facets::word("search-kind", code, english)
}

/// A facet value as a search page shows it, with its `lang` attribute: kinds and languages in
/// the request's language, years as they are, the records' names (countries, regions,
/// editions) as recorded, marked English.
pub(crate) fn value_shown(facet: &str, value: &str, label: &str) -> (String, String) {
    match facet {
        "kind" => (kind_label(value, label), crate::lang::own_attr()),
        "language" => (
            crate::views::facets::word("language", value, label),
            crate::lang::own_attr(),
        ),
        "year" => (label.to_string(), String::new()),
        _ => (label.to_string(), crate::lang::english_attr().to_string()),
    }
}

/// A note on a search (what was done to the query or the filters) as a page shows it, with its
/// `lang` attribute: the notes the search writes (in English, as the API gives them) in the
/// request's language; one it does not know stays in English, marked so.
pub(crate) fn note_shown(note: &str) -> (String, String) {
    if crate::lang::lang() == nmp_i18n::Lang::En {
        return (note.to_string(), String::new());
    }
    match translated_note(note) {
        Some(text) => (text, crate::lang::own_attr()),
        None => (note.to_string(), crate::lang::english_attr().to_string()),
    }
}

fn translated_note(note: &str) -> Option<String> {
    use crate::lang::{t, ta};
    const PLAIN: [(&str, &str); 4] = [
        ("Type one or more words to search for.", "ls-search-note-empty"),
        (
            "The query holds no word to search for, only operators or punctuation.",
            "ls-search-note-no-word",
        ),
        (
            "Part of the query could not be read as written (an unbalanced quote or an operator without a word): \
             it was searched as plain words.",
            "ls-search-note-lenient",
        ),
        (UNAVAILABLE, "ls-search-note-unavailable"),
    ];
    if let Some((_, key)) = PLAIN.iter().find(|(english, _)| *english == note) {
        return Some(t(key));
    }
    if let Some(rest) = note.strip_prefix("The query was longer than ") {
        let max: String = rest.chars().take_while(char::is_ascii_digit).collect();
        return (!max.is_empty()).then(|| ta("ls-search-note-long", &[("max", &max)]));
    }
    if let Some(error) = note
        .strip_prefix("The search could not be read as given (")
        .and_then(|r| r.strip_suffix("); nothing was searched."))
    {
        return Some(ta("ls-search-note-unread", &[("error", error)]));
    }
    Dim::ALL.into_iter().find_map(|dim| {
        let value = note
            .strip_prefix(&format!("No record has {} “", dim.label().to_lowercase()))?
            .strip_suffix("”: the filter matched nothing.")?;
        let filter = facet_label(dim.code(), dim.label());
        Some(ta("ls-search-note-no-match", &[("filter", &filter), ("value", value)]))
    })
}

/// The note of a server without a search index.
const UNAVAILABLE: &str = "Search is not available on this server: it runs without a search index.";

/// The link to the same search with the filter `dim=value` added, or removed when present.
fn toggled(base: &str, params: &SearchParams, dim: Dim, value: &str) -> String {
    let mut pairs: Vec<(String, String)> = vec![("q".into(), params.q.clone())];
    let present = params.filters.iter().any(|(d, v)| *d == dim && v == value);
    for (d, v) in &params.filters {
        if *d != dim {
            pairs.push((d.code().into(), v.clone()));
        }
    }
    if !present {
        pairs.push((dim.code().into(), value.into()));
    }
    format!("{base}?{}", serde_urlencoded::to_string(&pairs).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_links_add_a_filter_or_take_it_away() {
        let params = SearchParams {
            q: "prévention & co".into(),
            filters: vec![(Dim::Kind, "mechanism".into())],
            limit: 50,
            counts: Counts::All,
        };
        assert_eq!(
            toggled("/search", &params, Dim::Country, "COD"),
            "/search?q=pr%C3%A9vention+%26+co&kind=mechanism&country=COD"
        );
        assert_eq!(
            toggled("/search", &params, Dim::Kind, "mechanism"),
            "/search?q=pr%C3%A9vention+%26+co"
        );
        assert_eq!(
            toggled("/search", &params, Dim::Kind, "source"),
            "/search?q=pr%C3%A9vention+%26+co&kind=source",
            "one value per facet: another value replaces it"
        );
    }
}
