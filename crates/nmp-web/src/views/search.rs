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
            notes: vec!["Search is not available on this server: it runs without a search index.".into()],
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
