//! The source list (the bibliography) and one source's citations, read from the database (issue
//! 27): the filters (`kind`, `language`), the total and each filter's facet counts are SQL
//! (`WHERE`, `COUNT`, one `GROUP BY` each), and what a row shows beside its own columns (its
//! citation count) is counted for the page's sources only. A source's detail reads that source
//! and its own citations. The citation list (`/api/v1/citations`) filters, orders, pages and
//! counts in SQL too.
//!
//! The list is ordered by title in lower case, then by id, as the in-memory list it replaced
//! (Rust's Unicode lower case compared bytewise). Neither engine lowers text the same way (SQLite's
//! `lower` changes ASCII letters only; PostgreSQL's follows the collation), so the order is taken
//! from the matching sources' ids and titles alone, two narrow columns, and the page's rows are
//! then read by id.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select};

use crate::entity::{citation, source};
use crate::facets::{self, Facet};
use crate::read::MAX_IN_LIST;
use crate::{Result, Store};

/// The filters of the source list; each is an exact code (`None`: any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceListFilter {
    /// Kind code (vocabulary `SourceKind`).
    pub kind: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
}

/// One filter of the source list, whose values are counted by [`Store::source_facet_counts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFacet {
    /// `kind`.
    Kind,
    /// `language`.
    Language,
}

impl SourceFacet {
    /// Every facet, in the order the list's filters are named.
    pub const ALL: [SourceFacet; 2] = [SourceFacet::Kind, SourceFacet::Language];

    fn column(self) -> source::Column {
        match self {
            SourceFacet::Kind => source::Column::Kind,
            SourceFacet::Language => source::Column::Language,
        }
    }
}

impl Facet for SourceFacet {
    type Filter = SourceListFilter;
    const EVERY: &'static [Self] = &SourceFacet::ALL;

    fn chosen(self, filter: &SourceListFilter) -> Option<&String> {
        match self {
            SourceFacet::Kind => filter.kind.as_ref(),
            SourceFacet::Language => filter.language.as_ref(),
        }
    }
}

/// A source as the list shows it.
#[derive(Debug, Clone)]
pub struct SourceListRow {
    /// The source.
    pub source: source::Model,
    /// Citations naming it.
    pub citation_count: u64,
}

/// One page of the source list and the number of rows over all pages.
#[derive(Debug, Clone)]
pub struct SourceListPage {
    /// The page's rows, in list order.
    pub rows: Vec<SourceListRow>,
    /// Rows matching the filter over all pages.
    pub total: u64,
}

/// One page of the citation list and the number of rows over all pages.
#[derive(Debug, Clone)]
pub struct CitationListPage {
    /// The page's citations in citation order, each with its source's slug.
    pub rows: Vec<(String, citation::Model)>,
    /// Citations matching the filter over all pages.
    pub total: u64,
}

/// The list's order of a title: in lower case, compared bytewise.
fn title_key(title: &str) -> String {
    title.to_lowercase()
}

impl Store {
    /// `source` with every chosen filter but `except`'s applied.
    fn sources_matching(&self, filter: &SourceListFilter, except: Option<SourceFacet>) -> Select<source::Entity> {
        let mut query = source::Entity::find();
        for (facet, value) in facets::chosen(filter, except) {
            query = query.filter(facet.column().eq(value.clone()));
        }
        query
    }

    /// The sources matching `filter`, by title in lower case then id: `limit` rows from `offset`
    /// (every row from the first when `limit` is `None`), each with its number of citations, and
    /// the number of matching rows.
    pub async fn source_list(
        &self,
        filter: &SourceListFilter,
        limit: Option<u64>,
        offset: u64,
    ) -> Result<SourceListPage> {
        let mut order: Vec<(i32, String)> = self
            .sources_matching(filter, None)
            .select_only()
            .column(source::Column::SourceId)
            .column(source::Column::Title)
            .into_tuple()
            .all(&self.db)
            .await?;
        let total = u64::try_from(order.len()).unwrap_or(u64::MAX);
        order.sort_by_cached_key(|(id, title)| (title_key(title), *id));
        let start = usize::try_from(offset).unwrap_or(usize::MAX).min(order.len());
        let end = match limit {
            Some(l) => start
                .saturating_add(usize::try_from(l).unwrap_or(usize::MAX))
                .min(order.len()),
            None => order.len(),
        };
        let ids: Vec<i32> = order[start..end].iter().map(|(id, _)| *id).collect();
        let mut sources: BTreeMap<i32, source::Model> = self
            .rows_where::<source::Entity, _>(source::Column::SourceId, ids.clone())
            .await?
            .into_iter()
            .map(|s| (s.source_id, s))
            .collect();
        let counts = self.source_citation_counts(&ids).await?;
        let rows = ids
            .iter()
            .filter_map(|id| {
                Some(SourceListRow {
                    source: sources.remove(id)?,
                    citation_count: counts.get(id).copied().unwrap_or(0),
                })
            })
            .collect();
        Ok(SourceListPage { rows, total })
    }

    /// How many citations name each of the sources `ids` (sources without any are absent),
    /// counted in the database.
    pub async fn source_citation_counts(&self, ids: &[i32]) -> Result<BTreeMap<i32, u64>> {
        let mut counts = BTreeMap::new();
        for chunk in ids.chunks(MAX_IN_LIST) {
            let rows: Vec<(i32, i64)> = citation::Entity::find()
                .select_only()
                .column(citation::Column::SourceId)
                .column_as(citation::Column::CitationId.count(), "n")
                .filter(citation::Column::SourceId.is_in(chunk.to_vec()))
                .group_by(citation::Column::SourceId)
                .into_tuple()
                .all(&self.db)
                .await?;
            counts.extend(rows.into_iter().map(|(id, n)| (id, u64::try_from(n).unwrap_or(0))));
        }
        Ok(counts)
    }

    /// How many sources have each value of `facet` (values no source has are absent; a source
    /// without a language counts under none), the other facet's chosen value applied: the counts
    /// a filter shows beside its choices.
    pub async fn source_facet_counts(
        &self,
        filter: &SourceListFilter,
        facet: SourceFacet,
    ) -> Result<BTreeMap<String, u64>> {
        let query = self.sources_matching(filter, Some(facet));
        self.facet_counts(query, Expr::col(facet.column()), source::Column::SourceId)
            .await
    }

    /// Every language some source is written in (its code), bytewise: the choices of the source
    /// list's language filter.
    pub async fn source_languages(&self) -> Result<Vec<String>> {
        let mut languages: Vec<String> = source::Entity::find()
            .select_only()
            .column(source::Column::Language)
            .filter(source::Column::Language.is_not_null())
            .distinct()
            .into_tuple::<String>()
            .all(&self.db)
            .await?;
        languages.sort();
        Ok(languages)
    }

    /// The source `slug` and the citations naming it, in citation order; `None` when there is no
    /// such source.
    pub async fn source_with_citations(&self, slug: &str) -> Result<Option<(source::Model, Vec<citation::Model>)>> {
        let Some(found) = source::Entity::find()
            .filter(source::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let citations = citation::Entity::find()
            .filter(citation::Column::SourceId.eq(found.source_id))
            .order_by_asc(citation::Column::CitationId)
            .all(&self.db)
            .await?;
        Ok(Some((found, citations)))
    }

    /// The citations naming records of `entity` and sources of slug `source` (`None`: any), in
    /// citation order: `limit` rows from `offset` (every row from the first when `limit` is
    /// `None`), each with its source's slug, and the number of matching citations. The filters,
    /// order, paging and count are SQL; the slugs are read for the page's sources only.
    pub async fn citation_list(
        &self,
        entity: Option<&str>,
        source: Option<&str>,
        limit: Option<u64>,
        offset: u64,
    ) -> Result<CitationListPage> {
        let mut matching = citation::Entity::find();
        if let Some(entity) = entity {
            matching = matching.filter(citation::Column::Entity.eq(entity));
        }
        if let Some(slug) = source {
            let ids = Query::select()
                .column(source::Column::SourceId)
                .from(source::Entity)
                .and_where(source::Column::Slug.eq(slug))
                .to_owned();
            matching = matching.filter(citation::Column::SourceId.in_subquery(ids));
        }
        let total = matching.clone().count(&self.db).await?;
        let mut query = matching.order_by_asc(citation::Column::CitationId);
        if let Some(limit) = limit {
            // SQLite takes OFFSET only after a LIMIT.
            query = query.limit(limit).offset(offset);
        }
        let citations = query.all(&self.db).await?;
        let slugs: BTreeMap<i32, String> = self
            .rows_where::<source::Entity, _>(
                source::Column::SourceId,
                citations.iter().map(|c| c.source_id).collect::<BTreeSet<_>>(),
            )
            .await?
            .into_iter()
            .map(|s| (s.source_id, s.slug))
            .collect();
        let rows = citations
            .into_iter()
            .filter_map(|c| Some((slugs.get(&c.source_id)?.clone(), c)))
            .collect();
        Ok(CitationListPage { rows, total })
    }

    /// How many sources match `filter`.
    pub async fn source_count(&self, filter: &SourceListFilter) -> Result<u64> {
        Ok(self.sources_matching(filter, None).count(&self.db).await?)
    }
}
