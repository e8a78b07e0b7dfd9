//! The initiative list read from the database (issue 27): its filters, order, paging and total
//! are SQL, so a request reads one page of initiatives.
//!
//! Text is ordered bytewise on both engines (see [`crate::lists`]), as the in-memory order this
//! replaced: initiatives of a country first, by the country's name, then regional and international
//! ones; each by title, then slug.

use sea_orm::sea_query::{Expr, ExprTrait, NullOrdering, Order, Query};
use sea_orm::{
    ColumnTrait, EntityTrait, JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationDef, Select,
};

use crate::entity::{country, initiative, initiative_kind, mechanism};
use crate::{Result, Store};

/// The filters of the initiative list; each is an exact code (`None`: any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitiativeListFilter {
    /// ISO alpha-3 of the initiative's country (upper case).
    pub country: Option<String>,
    /// UN geoscheme region of its country.
    pub region: Option<String>,
    /// Kind code.
    pub kind: Option<String>,
    /// Slug of the mechanism that runs or carries it.
    pub mechanism: Option<String>,
}

/// One page of the initiative list and the number of rows over all pages.
#[derive(Debug, Clone)]
pub struct InitiativeListPage {
    /// The page's initiatives, in list order.
    pub rows: Vec<initiative::Model>,
    /// Rows matching the filter over all pages.
    pub total: u64,
}

/// `initiative LEFT JOIN country`.
fn initiative_country() -> RelationDef {
    initiative::Entity::belongs_to(country::Entity)
        .from(initiative::Column::CountryIso3)
        .to(country::Column::CountryIso3)
        .into()
}

impl Store {
    /// `initiative LEFT JOIN country` with the chosen filters applied.
    fn initiatives_matching(&self, filter: &InitiativeListFilter) -> Select<initiative::Entity> {
        let mut query = initiative::Entity::find().join(JoinType::LeftJoin, initiative_country());
        if let Some(iso3) = &filter.country {
            query = query.filter(initiative::Column::CountryIso3.eq(iso3.clone()));
        }
        if let Some(region) = &filter.region {
            query = query.filter(Expr::col((country::Entity, country::Column::UnRegion)).eq(region.clone()));
        }
        if let Some(kind) = &filter.kind {
            let kinds = Query::select()
                .column(initiative_kind::Column::InitiativeKindId)
                .from(initiative_kind::Entity)
                .and_where(initiative_kind::Column::Code.eq(kind.clone()))
                .to_owned();
            query = query.filter(initiative::Column::InitiativeKindId.in_subquery(kinds));
        }
        if let Some(slug) = &filter.mechanism {
            let mechanisms = Query::select()
                .column(mechanism::Column::MechanismId)
                .from(mechanism::Entity)
                .and_where(mechanism::Column::Slug.eq(slug.clone()))
                .to_owned();
            query = query.filter(initiative::Column::MechanismId.in_subquery(mechanisms));
        }
        query
    }

    /// The initiatives matching `filter` in list order (see the module's documentation): `limit`
    /// rows from `offset` (every row from the first when `limit` is `None`), with the number of
    /// matching rows.
    pub async fn initiative_list(
        &self,
        filter: &InitiativeListFilter,
        limit: Option<u64>,
        offset: u64,
    ) -> Result<InitiativeListPage> {
        let matching = self.initiatives_matching(filter);
        let total = matching.clone().count(&self.db).await?;
        let mut query = matching
            .order_by_with_nulls(
                self.bytewise(Expr::col((country::Entity, country::Column::Name))),
                Order::Asc,
                NullOrdering::Last,
            )
            .order_by(
                self.bytewise(Expr::col((initiative::Entity, initiative::Column::Title))),
                Order::Asc,
            )
            .order_by(
                self.bytewise(Expr::col((initiative::Entity, initiative::Column::Slug))),
                Order::Asc,
            );
        if let Some(limit) = limit {
            // SQLite takes OFFSET only after a LIMIT.
            query = query.limit(limit).offset(offset);
        }
        Ok(InitiativeListPage {
            rows: query.all(&self.db).await?,
            total,
        })
    }

    /// `(iso3, name)` of every country some initiative is in, by name then code: the choices of
    /// the initiative list's country filter.
    pub async fn countries_of_initiatives(&self) -> Result<Vec<(String, String)>> {
        self.countries_with::<initiative::Entity>(initiative::Column::CountryIso3)
            .await
    }
}
