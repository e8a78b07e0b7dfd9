//! The counts the public lists show beside their rows, each read with one `GROUP BY` or join
//! instead of loading the rows counted (issue 27): a country's mechanisms and network slugs (the
//! country list), an edition's profiles (the edition list).

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, JoinType, QueryFilter, QuerySelect};

use crate::entity::{mechanism, network, network_membership, profile};
use crate::{Result, Store};

/// `(key, COUNT)` rows as a map of counts.
fn counted<K: Ord>(rows: Vec<(K, i64)>) -> BTreeMap<K, u64> {
    rows.into_iter()
        .map(|(key, n)| (key, u64::try_from(n).unwrap_or(0)))
        .collect()
}

impl Store {
    /// How many mechanisms each country has (countries without any are absent), counted in the
    /// database.
    pub async fn mechanism_counts_by_country(&self) -> Result<BTreeMap<String, u64>> {
        let rows: Vec<(String, i64)> = mechanism::Entity::find()
            .select_only()
            .column(mechanism::Column::CountryIso3)
            .column_as(mechanism::Column::MechanismId.count(), "n")
            .filter(mechanism::Column::CountryIso3.is_not_null())
            .group_by(mechanism::Column::CountryIso3)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(counted(rows))
    }

    /// The slugs of the networks each country is a member of (countries without any are absent),
    /// read through one join.
    pub async fn network_slugs_by_country(&self) -> Result<BTreeMap<String, BTreeSet<String>>> {
        let rows: Vec<(String, String)> = network_membership::Entity::find()
            .select_only()
            .column(network_membership::Column::CountryIso3)
            .column_as(Expr::col((network::Entity, network::Column::Slug)), "slug")
            .join(
                JoinType::InnerJoin,
                network_membership::Entity::belongs_to(network::Entity)
                    .from(network_membership::Column::NetworkId)
                    .to(network::Column::NetworkId)
                    .into(),
            )
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (iso3, slug) in rows {
            out.entry(iso3).or_default().insert(slug);
        }
        Ok(out)
    }

    /// How many profiles each edition has (editions without any are absent), counted in the
    /// database.
    pub async fn profile_counts_by_edition(&self) -> Result<BTreeMap<i32, u64>> {
        let rows: Vec<(i32, i64)> = profile::Entity::find()
            .select_only()
            .column(profile::Column::EditionId)
            .column_as(profile::Column::ProfileId.count(), "n")
            .group_by(profile::Column::EditionId)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(counted(rows))
    }
}
