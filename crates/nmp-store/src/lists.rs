//! The public lists' reads, pushed into the database: filters, order, paging and counts, each
//! written once with the query builder so both engines run the same code. A request reads one
//! page of rows and the counts it shows, never a whole table: the total is a `COUNT`, each
//! facet's counts one `GROUP BY`, and what a row shows beside its own columns (its country, its
//! latest status, its member and citation counts) is read for the page's ids only.
//!
//! Text is ordered bytewise on both engines, as Rust orders strings (SQLite's default `BINARY`
//! collation; `COLLATE "C"` on PostgreSQL, whatever the database's own collation), so a list comes
//! in the same order from either engine and from the in-memory code it replaced.

use std::collections::BTreeMap;

use sea_orm::sea_query::{Alias, Expr, ExprTrait, NullOrdering, Order, Query};
use sea_orm::{
    ColumnTrait, EntityTrait, JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationDef, Select,
};

use crate::entity::{country, mechanism, mechanism_status, membership};
use crate::facets::{self, Facet};
use crate::read::MAX_IN_LIST;
use crate::{Engine, Result, Store};

/// The filters of the mechanism list; each is an exact code (`None`: any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MechanismListFilter {
    /// ISO alpha-3 of the mechanism's country.
    pub country: Option<String>,
    /// UN geoscheme region of its country.
    pub region: Option<String>,
    /// UN regional group of its country.
    pub group: Option<String>,
    /// Level code.
    pub level: Option<String>,
    /// Type code.
    pub kind: Option<String>,
    /// Latest status code (see [`Store::mechanism_list`] for which status is the latest).
    pub status: Option<String>,
}

/// One filter of the mechanism list, whose values are counted by [`Store::mechanism_facet_counts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MechanismFacet {
    /// `country`.
    Country,
    /// `region`.
    Region,
    /// `group`.
    Group,
    /// `level`.
    Level,
    /// `type`.
    Type,
    /// `status`.
    Status,
}

impl MechanismFacet {
    /// Every facet, in the order the list's filters are named.
    pub const ALL: [MechanismFacet; 6] = [
        MechanismFacet::Country,
        MechanismFacet::Region,
        MechanismFacet::Group,
        MechanismFacet::Level,
        MechanismFacet::Type,
        MechanismFacet::Status,
    ];
}

impl Facet for MechanismFacet {
    type Filter = MechanismListFilter;
    const EVERY: &'static [Self] = &MechanismFacet::ALL;

    fn chosen(self, filter: &MechanismListFilter) -> Option<&String> {
        match self {
            MechanismFacet::Country => filter.country.as_ref(),
            MechanismFacet::Region => filter.region.as_ref(),
            MechanismFacet::Group => filter.group.as_ref(),
            MechanismFacet::Level => filter.level.as_ref(),
            MechanismFacet::Type => filter.kind.as_ref(),
            MechanismFacet::Status => filter.status.as_ref(),
        }
    }
}

/// A mechanism as the list shows it.
#[derive(Debug, Clone)]
pub struct MechanismListRow {
    /// The mechanism.
    pub mechanism: mechanism::Model,
    /// Its country, when it has one.
    pub country: Option<country::Model>,
    /// Its latest status.
    pub status: Option<String>,
    /// Memberships recorded.
    pub member_count: u64,
    /// Citations of the mechanism record and its fields.
    pub citation_count: u64,
}

/// One page of the mechanism list and the number of rows over all pages.
#[derive(Debug, Clone)]
pub struct MechanismListPage {
    /// The page's rows, in list order.
    pub rows: Vec<MechanismListRow>,
    /// Rows matching the filter over all pages.
    pub total: u64,
}

/// `mechanism LEFT JOIN country`.
fn mechanism_country() -> RelationDef {
    mechanism::Entity::belongs_to(country::Entity)
        .from(mechanism::Column::CountryIso3)
        .to(country::Column::CountryIso3)
        .into()
}

impl Store {
    /// `expr` ordered bytewise (see the module's documentation).
    pub(crate) fn bytewise(&self, expr: Expr) -> Expr {
        match self.engine {
            Engine::Sqlite => expr,
            Engine::Postgres => Expr::cust_with_expr(r#"$1 COLLATE "C""#, expr),
        }
    }

    /// The latest status of the mechanism of the outer query: an undated status over any dated
    /// one, then the latest date, then the last recorded (`bundle::status_order`'s maximum).
    fn latest_status(&self) -> Expr {
        let s = Alias::new("latest_status");
        let mut q = Query::select();
        q.column((s.clone(), mechanism_status::Column::Status))
            .from_as(mechanism_status::Entity, s.clone())
            .and_where(
                Expr::col((s.clone(), mechanism_status::Column::MechanismId))
                    .equals((mechanism::Entity, mechanism::Column::MechanismId)),
            )
            .order_by_expr_with_nulls(
                self.bytewise(Expr::col((s.clone(), mechanism_status::Column::StatusOn))),
                Order::Desc,
                NullOrdering::First,
            )
            .order_by((s, mechanism_status::Column::MechanismStatusId), Order::Desc)
            .limit(1);
        Expr::from(q)
    }

    /// The value a facet counts, over `mechanism LEFT JOIN country`.
    fn facet_value(&self, facet: MechanismFacet) -> Expr {
        match facet {
            MechanismFacet::Country => Expr::col((mechanism::Entity, mechanism::Column::CountryIso3)),
            MechanismFacet::Region => Expr::col((country::Entity, country::Column::UnRegion)),
            MechanismFacet::Group => Expr::col((country::Entity, country::Column::UnRegionalGroup)),
            MechanismFacet::Level => Expr::col((mechanism::Entity, mechanism::Column::Level)),
            MechanismFacet::Type => Expr::col((mechanism::Entity, mechanism::Column::MechanismType)),
            MechanismFacet::Status => self.latest_status(),
        }
    }

    /// `mechanism LEFT JOIN country` with every chosen filter but `except`'s applied.
    fn mechanisms_matching(
        &self,
        filter: &MechanismListFilter,
        except: Option<MechanismFacet>,
    ) -> Select<mechanism::Entity> {
        let mut query = mechanism::Entity::find().join(JoinType::LeftJoin, mechanism_country());
        for (facet, value) in facets::chosen(filter, except) {
            if facet == MechanismFacet::Status {
                // Only mechanisms that ever had the status can have it last: an index narrows
                // them down before the latest status is looked up for each.
                let ever = Query::select()
                    .column(mechanism_status::Column::MechanismId)
                    .from(mechanism_status::Entity)
                    .and_where(mechanism_status::Column::Status.eq(value.clone()))
                    .to_owned();
                query = query.filter(mechanism::Column::MechanismId.in_subquery(ever));
            }
            query = query.filter(self.facet_value(facet).eq(value.clone()));
        }
        query
    }

    /// The mechanisms matching `filter`, by country name (mechanisms without a country first),
    /// then name, then id: `limit` rows from `offset` (every row from the first when `limit` is
    /// `None`), with the number of matching rows.
    pub async fn mechanism_list(
        &self,
        filter: &MechanismListFilter,
        limit: Option<u64>,
        offset: u64,
    ) -> Result<MechanismListPage> {
        let matching = self.mechanisms_matching(filter, None);
        let total = matching.clone().count(&self.db).await?;
        let mut query = matching
            .order_by_with_nulls(
                self.bytewise(Expr::col((country::Entity, country::Column::Name))),
                Order::Asc,
                NullOrdering::First,
            )
            .order_by(
                self.bytewise(Expr::col((mechanism::Entity, mechanism::Column::Name))),
                Order::Asc,
            )
            .order_by_asc(mechanism::Column::MechanismId);
        if let Some(limit) = limit {
            // SQLite takes OFFSET only after a LIMIT.
            query = query.limit(limit).offset(offset);
        }
        let mechanisms = query.all(&self.db).await?;
        let rows = self.mechanism_list_rows(mechanisms).await?;
        Ok(MechanismListPage { rows, total })
    }

    /// What the list shows beside each of `mechanisms`, read for their ids only.
    async fn mechanism_list_rows(&self, mechanisms: Vec<mechanism::Model>) -> Result<Vec<MechanismListRow>> {
        let ids: Vec<i32> = mechanisms.iter().map(|m| m.mechanism_id).collect();
        let countries: BTreeMap<String, country::Model> = self
            .rows_where::<country::Entity, _>(
                country::Column::CountryIso3,
                mechanisms.iter().filter_map(|m| m.country_iso3.clone()),
            )
            .await?
            .into_iter()
            .map(|c| (c.country_iso3.clone(), c))
            .collect();
        let mut statuses: BTreeMap<i32, Option<String>> = BTreeMap::new();
        let mut members: BTreeMap<i32, u64> = BTreeMap::new();
        for chunk in ids.chunks(MAX_IN_LIST) {
            let latest: Vec<(i32, Option<String>)> = mechanism::Entity::find()
                .select_only()
                .column(mechanism::Column::MechanismId)
                .column_as(self.latest_status(), "status")
                .filter(mechanism::Column::MechanismId.is_in(chunk.to_vec()))
                .into_tuple()
                .all(&self.db)
                .await?;
            statuses.extend(latest);
            let counted: Vec<(i32, i64)> = membership::Entity::find()
                .select_only()
                .column(membership::Column::MechanismId)
                .column_as(membership::Column::MembershipId.count(), "n")
                .filter(membership::Column::MechanismId.is_in(chunk.to_vec()))
                .group_by(membership::Column::MechanismId)
                .into_tuple()
                .all(&self.db)
                .await?;
            members.extend(counted.into_iter().map(|(id, n)| (id, u64::try_from(n).unwrap_or(0))));
        }
        let cited = self
            .citation_counts("mechanism", ids.iter().map(i32::to_string))
            .await?;
        Ok(mechanisms
            .into_iter()
            .map(|m| MechanismListRow {
                country: m.country_iso3.as_ref().and_then(|iso| countries.get(iso)).cloned(),
                status: statuses.remove(&m.mechanism_id).flatten(),
                member_count: members.get(&m.mechanism_id).copied().unwrap_or(0),
                citation_count: cited.get(&m.mechanism_id.to_string()).copied().unwrap_or(0),
                mechanism: m,
            })
            .collect())
    }

    /// How many mechanisms have each value of `facet` (values no mechanism has are absent), the
    /// other facets' chosen values applied: the counts a filter shows beside its choices.
    pub async fn mechanism_facet_counts(
        &self,
        filter: &MechanismListFilter,
        facet: MechanismFacet,
    ) -> Result<BTreeMap<String, u64>> {
        let query = self.mechanisms_matching(filter, Some(facet));
        self.facet_counts(query, self.facet_value(facet), mechanism::Column::MechanismId)
            .await
    }

    /// `(iso3, name)` of every country that has a mechanism, by name then code: the choices of
    /// the mechanism list's country filter.
    pub async fn countries_of_mechanisms(&self) -> Result<Vec<(String, String)>> {
        self.countries_with::<mechanism::Entity>(mechanism::Column::CountryIso3)
            .await
    }

    /// `(iso3, name)` of every country that some row of `E` names in its column `iso3`, by name
    /// then code (one `EXISTS` query): the choices of a list's country filter.
    pub(crate) async fn countries_with<E: EntityTrait>(&self, iso3: E::Column) -> Result<Vec<(String, String)>> {
        let named = Query::select()
            .expr(Expr::val(1))
            .from(E::default())
            .and_where(Expr::col((E::default(), iso3)).equals((country::Entity, country::Column::CountryIso3)))
            .to_owned();
        Ok(country::Entity::find()
            .select_only()
            .column(country::Column::CountryIso3)
            .column(country::Column::Name)
            .filter(Expr::exists(named))
            .order_by(
                self.bytewise(Expr::col((country::Entity, country::Column::Name))),
                Order::Asc,
            )
            .order_by_asc(country::Column::CountryIso3)
            .into_tuple()
            .all(&self.db)
            .await?)
    }
}
