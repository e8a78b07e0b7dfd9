//! What the public lists' filters share: a facet is one filter of a list, which narrows its rows
//! to one exact value and whose values the list counts beside its choices. [`Facet`] names a
//! list's facets and the value chosen for each; [`Store::facet_counts`] counts a facet's values
//! over a query with one `GROUP BY`. The mechanism list (`lists.rs`) and the source list
//! (`source_list.rs`) each say what their facets are and how a value is read; the loop over the
//! chosen ones and the counting are here, once.

use std::collections::BTreeMap;

use sea_orm::sea_query::{Alias, Expr};
use sea_orm::{ColumnTrait, EntityTrait, QuerySelect, Select};

use crate::{Result, Store};

/// One filter of a list whose filters are the fields of `Filter`.
pub(crate) trait Facet: Copy + PartialEq + 'static {
    /// The list's filters.
    type Filter;
    /// Every facet of the list, in the order its filters are named.
    const EVERY: &'static [Self];
    /// The value chosen for this facet in `filter` (`None`: any).
    fn chosen(self, filter: &Self::Filter) -> Option<&String>;
}

/// Each facet chosen in `filter` with its value, `except` left out (a facet's own counts are
/// taken with every other filter applied but not its own).
pub(crate) fn chosen<F: Facet>(filter: &F::Filter, except: Option<F>) -> impl Iterator<Item = (F, &String)> {
    F::EVERY
        .iter()
        .copied()
        .filter(move |f| Some(*f) != except)
        .filter_map(move |f| Some((f, f.chosen(filter)?)))
}

impl Store {
    /// How many rows of `query` have each value of `value`, counting `counted` (values no row
    /// has are absent, and so are rows without a value).
    pub(crate) async fn facet_counts<E: EntityTrait>(
        &self,
        query: Select<E>,
        value: Expr,
        counted: impl ColumnTrait,
    ) -> Result<BTreeMap<String, u64>> {
        let rows: Vec<(Option<String>, i64)> = query
            .select_only()
            .column_as(value, "facet_value")
            .column_as(counted.count(), "n")
            .group_by(Expr::col(Alias::new("facet_value")))
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(value, n)| Some((value?, u64::try_from(n).unwrap_or(0))))
            .collect())
    }
}
