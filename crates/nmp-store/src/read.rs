//! Reads, written once with the query builder so both engines run the same code.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, PrimaryKeyTrait, QueryFilter, QueryOrder, Value};

use crate::entity::{
    account, activity, assessment_round, audit_event, citation, consensus, country, dataset, edition,
    edition_contributor, edition_part, edition_publisher, framework, function, indicator, initiative, initiative_kind,
    initiative_partner, mechanism, mechanism_function, mechanism_status, membership, network, network_count,
    network_membership, observation, organization, profile, rating, source,
};
use crate::{Result, Store};

/// Row counts per table, keyed by the plural names used in `/healthz`.
pub type Counts = BTreeMap<&'static str, u64>;

/// A country and the mechanisms it has.
#[derive(Debug, Clone)]
pub struct CountryWithMechanisms {
    /// The country.
    pub country: country::Model,
    /// Its mechanisms, by name.
    pub mechanisms: Vec<mechanism::Model>,
}

async fn count<E: EntityTrait>(store: &Store) -> Result<u64>
where
    E::Model: Sync,
{
    Ok(E::find().count(&store.db).await?)
}

impl Store {
    /// How many rows each table holds.
    pub async fn counts(&self) -> Result<Counts> {
        Ok(BTreeMap::from([
            ("accounts", count::<account::Entity>(self).await?),
            ("activities", count::<activity::Entity>(self).await?),
            ("assessment_rounds", count::<assessment_round::Entity>(self).await?),
            ("consensus", count::<consensus::Entity>(self).await?),
            ("frameworks", count::<framework::Entity>(self).await?),
            ("initiative_kinds", count::<initiative_kind::Entity>(self).await?),
            ("initiative_partners", count::<initiative_partner::Entity>(self).await?),
            ("initiatives", count::<initiative::Entity>(self).await?),
            ("ratings", count::<rating::Entity>(self).await?),
            ("audit_events", count::<audit_event::Entity>(self).await?),
            ("citations", count::<citation::Entity>(self).await?),
            ("countries", count::<country::Entity>(self).await?),
            ("datasets", count::<dataset::Entity>(self).await?),
            ("indicators", count::<indicator::Entity>(self).await?),
            ("observations", count::<observation::Entity>(self).await?),
            (
                "edition_contributors",
                count::<edition_contributor::Entity>(self).await?,
            ),
            ("edition_parts", count::<edition_part::Entity>(self).await?),
            ("edition_publishers", count::<edition_publisher::Entity>(self).await?),
            ("editions", count::<edition::Entity>(self).await?),
            ("functions", count::<function::Entity>(self).await?),
            ("mechanism_functions", count::<mechanism_function::Entity>(self).await?),
            ("mechanism_statuses", count::<mechanism_status::Entity>(self).await?),
            ("mechanisms", count::<mechanism::Entity>(self).await?),
            ("memberships", count::<membership::Entity>(self).await?),
            ("network_counts", count::<network_count::Entity>(self).await?),
            ("network_memberships", count::<network_membership::Entity>(self).await?),
            ("networks", count::<network::Entity>(self).await?),
            ("organizations", count::<organization::Entity>(self).await?),
            ("profiles", count::<profile::Entity>(self).await?),
            ("sources", count::<source::Entity>(self).await?),
            ("translations", count::<crate::entity::translation::Entity>(self).await?),
        ]))
    }

    /// Every row of a table, in primary-key order.
    pub async fn all<E>(&self) -> Result<Vec<E::Model>>
    where
        E: EntityTrait,
        E::Column: std::str::FromStr,
    {
        use sea_orm::{Iterable, PrimaryKeyToColumn};
        let pk = E::PrimaryKey::iter()
            .next()
            .expect("every table has a primary key")
            .into_column();
        Ok(E::find().order_by_asc(pk).all(&self.db).await?)
    }

    /// The activities dated within a period (partial dates, either end open), in id order: a
    /// partial date is in the period when any day it stands for is. The database narrows the
    /// rows down to the period's years (`LIKE 'YYYY%'`, which no collation changes); the exact
    /// test on months and days is `in_period`'s.
    pub async fn activities_in_period(&self, start: Option<&str>, end: Option<&str>) -> Result<Vec<activity::Model>> {
        use sea_orm::Condition;
        let year = |d: Option<&str>| d.and_then(|d| d.get(..4)).and_then(|y| y.parse::<i32>().ok());
        let mut query = activity::Entity::find().order_by_asc(activity::Column::ActivityId);
        if let (Some(first), Some(last)) = (year(start), year(end))
            && first <= last
            && last - first < 50
        {
            let years = (first..=last).fold(Condition::any(), |any, y| {
                any.add(activity::Column::OccurredOn.starts_with(format!("{y:04}")))
            });
            query = query.filter(years);
        }
        Ok(query
            .all(&self.db)
            .await?
            .into_iter()
            .filter(|a| in_period(&a.occurred_on, start, end))
            .collect())
    }

    /// `(mechanism_id, occurred_on)` of every activity: the dates that count as evidence that a
    /// mechanism existed, without reading the activities' texts.
    pub async fn activity_dates(&self) -> Result<Vec<(i32, String)>> {
        use sea_orm::QuerySelect;
        Ok(activity::Entity::find()
            .select_only()
            .column(activity::Column::MechanismId)
            .column(activity::Column::OccurredOn)
            .into_tuple()
            .all(&self.db)
            .await?)
    }

    /// One row by primary key.
    pub async fn get<E>(&self, key: <E::PrimaryKey as PrimaryKeyTrait>::ValueType) -> Result<Option<E::Model>>
    where
        E: EntityTrait,
        <E::PrimaryKey as PrimaryKeyTrait>::ValueType: Into<Value>,
    {
        Ok(E::find_by_id(key).one(&self.db).await?)
    }

    /// Countries that have at least one mechanism, by name, each with its mechanisms.
    pub async fn countries_with_mechanisms(&self) -> Result<Vec<CountryWithMechanisms>> {
        let mechanisms = mechanism::Entity::find()
            .filter(mechanism::Column::CountryIso3.is_not_null())
            .order_by_asc(mechanism::Column::Name)
            .all(&self.db)
            .await?;
        let mut by_country: BTreeMap<String, Vec<mechanism::Model>> = BTreeMap::new();
        for m in mechanisms {
            if let Some(iso3) = m.country_iso3.clone() {
                by_country.entry(iso3).or_default().push(m);
            }
        }
        let countries = country::Entity::find()
            .filter(country::Column::CountryIso3.is_in(by_country.keys().cloned()))
            .order_by_asc(country::Column::Name)
            .all(&self.db)
            .await?;
        Ok(countries
            .into_iter()
            .map(|c| {
                let mechanisms = by_country.remove(&c.country_iso3).unwrap_or_default();
                CountryWithMechanisms { country: c, mechanisms }
            })
            .collect())
    }

    /// A mechanism by its slug.
    pub async fn mechanism_by_slug(&self, slug: &str) -> Result<Option<mechanism::Model>> {
        Ok(mechanism::Entity::find()
            .filter(mechanism::Column::Slug.eq(slug))
            .one(&self.db)
            .await?)
    }

    /// The citations of one record (`entity` is the table name), with their sources.
    pub async fn citations_for(&self, entity: &str, key: &str) -> Result<Vec<(citation::Model, source::Model)>> {
        self.citations_of(entity, [key.to_string()]).await
    }

    /// Keys of the rows of `E` that no citation names: the facts a publication would refuse.
    pub async fn uncited<E>(&self) -> Result<Vec<String>>
    where
        E: EntityTrait,
        E::Model: crate::entity::Keyed,
        E::Column: std::str::FromStr,
    {
        use crate::entity::Keyed;
        let table = E::default().table_name().to_string();
        let cited: std::collections::BTreeSet<String> = citation::Entity::find()
            .filter(citation::Column::Entity.eq(table))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| c.entity_id)
            .collect();
        Ok(self
            .all::<E>()
            .await?
            .into_iter()
            .map(|m| m.key())
            .filter(|k| !cited.contains(k))
            .collect())
    }
}

/// Values per `IN (...)` list: far below SQLite's limit of 32,766 bound parameters (a look-up of
/// more values is split into several queries).
pub(crate) const MAX_IN_LIST: usize = 10_000;

/// Orders primary-key values (integers, then text).
fn key_order(a: &Value, b: &Value) -> std::cmp::Ordering {
    fn key(v: &Value) -> (i64, Option<&str>) {
        match v {
            Value::Int(Some(i)) => (i64::from(*i), None),
            Value::BigInt(Some(i)) => (*i, None),
            Value::String(Some(s)) => (0, Some(s.as_str())),
            _ => (0, None),
        }
    }
    key(a).cmp(&key(b))
}

impl Store {
    /// Every row of `E` whose `column` is one of `values`, in primary-key order: the batched
    /// look-up pages use to fetch the children of many records in one query.
    pub async fn rows_where<E, V>(
        &self,
        column: E::Column,
        values: impl IntoIterator<Item = V>,
    ) -> Result<Vec<E::Model>>
    where
        E: EntityTrait,
        V: Into<Value>,
    {
        use sea_orm::{Iterable, ModelTrait, PrimaryKeyToColumn};
        let values: Vec<Value> = values.into_iter().map(Into::into).collect();
        let pk = E::PrimaryKey::iter()
            .next()
            .expect("every table has a primary key")
            .into_column();
        let mut rows = Vec::new();
        for chunk in values.chunks(MAX_IN_LIST) {
            rows.extend(
                E::find()
                    .filter(column.is_in(chunk.to_vec()))
                    .order_by_asc(pk)
                    .all(&self.db)
                    .await?,
            );
        }
        if values.len() > MAX_IN_LIST {
            rows.sort_by(|a, b| key_order(&a.get(pk), &b.get(pk)));
            rows.dedup_by(|a, b| a.get(pk) == b.get(pk));
        }
        Ok(rows)
    }

    /// The citations of many records of one table, with their sources, in citation order.
    pub async fn citations_of(
        &self,
        entity: &str,
        keys: impl IntoIterator<Item = String>,
    ) -> Result<Vec<(citation::Model, source::Model)>> {
        let mut keys: Vec<String> = keys.into_iter().collect();
        keys.sort();
        keys.dedup();
        let mut citations = Vec::new();
        for chunk in keys.chunks(MAX_IN_LIST) {
            citations.extend(
                citation::Entity::find()
                    .filter(citation::Column::Entity.eq(entity))
                    .filter(citation::Column::EntityId.is_in(chunk.to_vec()))
                    .all(&self.db)
                    .await?,
            );
        }
        citations.sort_by_key(|c| c.citation_id);
        let source_ids: BTreeSet<i32> = citations.iter().map(|c| c.source_id).collect();
        let sources: BTreeMap<i32, source::Model> = self
            .rows_where::<source::Entity, _>(source::Column::SourceId, source_ids)
            .await?
            .into_iter()
            .map(|s| (s.source_id, s))
            .collect();
        Ok(citations
            .into_iter()
            .filter_map(|c| sources.get(&c.source_id).cloned().map(|s| (c, s)))
            .collect())
    }

    /// How many citations each of the records `keys` of table `entity` has (records without any
    /// are absent), counted in the database.
    pub async fn citation_counts(
        &self,
        entity: &str,
        keys: impl IntoIterator<Item = String>,
    ) -> Result<BTreeMap<String, u64>> {
        use sea_orm::QuerySelect;
        let mut keys: Vec<String> = keys.into_iter().collect();
        keys.sort();
        keys.dedup();
        let mut counts = BTreeMap::new();
        for chunk in keys.chunks(MAX_IN_LIST) {
            let rows: Vec<(String, i64)> = citation::Entity::find()
                .select_only()
                .column(citation::Column::EntityId)
                .column_as(citation::Column::CitationId.count(), "n")
                .filter(citation::Column::Entity.eq(entity))
                .filter(citation::Column::EntityId.is_in(chunk.to_vec()))
                .group_by(citation::Column::EntityId)
                .into_tuple()
                .all(&self.db)
                .await?;
            counts.extend(rows.into_iter().map(|(key, n)| (key, u64::try_from(n).unwrap_or(0))));
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::{citation, source};
    use crate::testing::engines;
    use crate::{Set, Store};

    async fn add_sources(store: &Store, n: usize) -> Vec<i32> {
        let mut w = store.writer("test").await.unwrap();
        let mut ids = Vec::new();
        for i in 0..n {
            let s = w
                .insert(source::ActiveModel {
                    slug: Set(format!("s{i}")),
                    title: Set("A source".into()),
                    kind: Set("document".into()),
                    ..Default::default()
                })
                .await
                .unwrap();
            w.insert(citation::ActiveModel {
                source_id: Set(s.source_id),
                entity: Set("source".into()),
                entity_id: Set(s.source_id.to_string()),
                ..Default::default()
            })
            .await
            .unwrap();
            ids.push(s.source_id);
        }
        w.commit().await.unwrap();
        ids
    }

    #[tokio::test]
    async fn look_ups_of_more_values_than_an_in_list_takes_are_split() {
        for db in engines().await {
            let store = &db.store;
            let ids = add_sources(store, 3).await;
            // 25,000 values (three queries), the real ones last and twice.
            let values: Vec<i32> = (100_000..125_000)
                .chain(ids.iter().rev().copied())
                .chain(ids.clone())
                .collect();
            let rows = store
                .rows_where::<source::Entity, _>(source::Column::SourceId, values)
                .await
                .unwrap();
            let found: Vec<i32> = rows.iter().map(|s| s.source_id).collect();
            assert_eq!(found, ids, "{}: once each, in key order", db.engine);

            let keys = (100_000..125_000)
                .map(|i| i.to_string())
                .chain(ids.iter().map(i32::to_string));
            let cited = store.citations_of("source", keys.clone()).await.unwrap();
            assert_eq!(cited.len(), 3);
            assert!(cited.windows(2).all(|w| w[0].0.citation_id < w[1].0.citation_id));
            let counts = store.citation_counts("source", keys).await.unwrap();
            assert_eq!(counts.values().sum::<u64>(), 3);
        }
    }
}

/// Whether the partial date `date` ("2016", "2016-03", "2016-03-05") overlaps the period from
/// `start` to `end` (partial dates too; `None` is open). Compared as text: "-" sorts before
/// digits and "~" after them, so `date` .. `date~` spans every day the partial date stands for,
/// and `end~` every day up to the end of `end`.
pub fn in_period(date: &str, start: Option<&str>, end: Option<&str>) -> bool {
    let after_start = start.is_none_or(|s| format!("{date}~").as_str() >= s);
    let before_end = end.is_none_or(|e| date <= format!("{e}~").as_str());
    after_start && before_end
}

#[cfg(test)]
mod period_tests {
    use super::in_period;

    #[test]
    fn partial_dates_overlap_the_period() {
        let (s, e) = (Some("2016-03"), Some("2017-02"));
        assert!(in_period("2016", s, e));
        assert!(in_period("2016-03-01", s, e));
        assert!(in_period("2017-02-28", s, e));
        assert!(in_period("2017", s, e));
        assert!(!in_period("2016-02-29", s, e));
        assert!(!in_period("2017-03", s, e));
        assert!(!in_period("2015", s, e));
        assert!(!in_period("2018-01-01", s, e));
        assert!(in_period("1990", None, None));
        assert!(in_period("2016-12", None, Some("2016")));
        assert!(!in_period("2017-01", None, Some("2016")));
    }
}
