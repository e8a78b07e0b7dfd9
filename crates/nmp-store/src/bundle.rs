//! Everything about a set of mechanisms, and everything about an edition, read once: the one
//! read model that the website's mechanism, country and edition pages and the report's snapshot
//! builder all map from.
//!
//! A [`MechanismBundle`] holds each mechanism with its rows grouped under it and sorted in the
//! one reading order (status history oldest first, chairs first among members, activities by
//! date), the organisations, functions, editions and countries those rows name, and the
//! citations of every row ([`CitationIndex`]). Adding a field to a mechanism means adding it to
//! the entity and to the views that show it; how it is read is here, once.

use std::collections::BTreeMap;

use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, JoinType, Order, Query, WindowStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, FromQueryResult};

use crate::cite::CitationIndex;
use crate::entity::{
    activity, country, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, organization, profile,
};
use crate::read::MAX_IN_LIST;
use crate::{Result, Store};

/// Which mechanisms to read.
#[derive(Debug, Clone)]
pub enum Selection {
    /// Every mechanism, in id order.
    All,
    /// These mechanisms, in the order given.
    These(Vec<mechanism::Model>),
}

/// Which activities to read.
#[derive(Debug, Clone, Default)]
pub enum Activities {
    /// Every activity of the mechanisms.
    #[default]
    All,
    /// Those dated within a period (partial dates, either end open; no end at all: every one).
    Within {
        /// First day (partial date text), if any.
        start: Option<String>,
        /// Last day (partial date text), if any.
        end: Option<String>,
    },
    /// The latest `n` of each mechanism (by date, then id), read in the database one mechanism at
    /// a time, with each mechanism's number of activities in all ([`MechanismRows::activity_count`]):
    /// a page that shows many mechanisms stays the same size however long their histories grow.
    Latest(u64),
}

/// A mechanism with its rows, each list in reading order.
#[derive(Debug, Clone)]
pub struct MechanismRows {
    /// The mechanism.
    pub mechanism: mechanism::Model,
    /// Status history: dated steps in date order, then undated ones, by id.
    pub statuses: Vec<mechanism_status::Model>,
    /// Members: the chair first, then by organisation name, then by id.
    pub members: Vec<membership::Model>,
    /// Function assessments, by edition, function and id.
    pub functions: Vec<mechanism_function::Model>,
    /// Activities by date, then id.
    pub activities: Vec<activity::Model>,
    /// Activities recorded in all: more than `activities` holds when only the latest were read
    /// ([`Activities::Latest`]); otherwise the number read.
    pub activity_count: u64,
    /// The editions' profiles of it, by id.
    pub profiles: Vec<profile::Model>,
}

impl MechanismRows {
    /// The latest status code of its history (the last in reading order).
    pub fn latest_status(&self) -> Option<&str> {
        self.statuses.last().map(|s| s.status.as_str())
    }
}

/// Everything about a set of mechanisms.
#[derive(Debug, Clone, Default)]
pub struct MechanismBundle {
    /// The mechanisms, in the order asked for.
    pub mechanisms: Vec<MechanismRows>,
    /// Organisations named by the rows (members, lead institutions), by id.
    pub organizations: BTreeMap<i32, organization::Model>,
    /// The functions the mechanisms' function assessments name, by id.
    pub functions: BTreeMap<i32, function::Model>,
    /// The editions their function assessments and profiles name, by id.
    pub editions: BTreeMap<i32, edition::Model>,
    /// The countries of the mechanisms, by ISO alpha-3.
    pub countries: BTreeMap<String, country::Model>,
    /// The citations of the mechanisms and of every row under them.
    pub citations: CitationIndex,
}

impl MechanismBundle {
    /// One mechanism's rows, by id.
    pub fn get(&self, mechanism_id: i32) -> Option<&MechanismRows> {
        self.mechanisms
            .iter()
            .find(|m| m.mechanism.mechanism_id == mechanism_id)
    }

    /// The name of an organisation, or `organisation {id}` when it is not known.
    pub fn organization_name(&self, id: i32) -> String {
        self.organizations
            .get(&id)
            .map_or_else(|| format!("organisation {id}"), |o| o.name.clone())
    }

    /// The country of a mechanism, when it has one and it is known.
    pub fn country_of(&self, m: &mechanism::Model) -> Option<&country::Model> {
        m.country_iso3.as_ref().and_then(|iso3| self.countries.get(iso3))
    }
}

impl Store {
    /// Reads everything about the mechanisms `selection`, with the activities asked for.
    pub async fn mechanism_bundle(&self, selection: Selection, activities: &Activities) -> Result<MechanismBundle> {
        let mechanisms = match selection {
            Selection::All => self.all::<mechanism::Entity>().await?,
            Selection::These(list) => list,
        };
        let ids: Vec<i32> = mechanisms.iter().map(|m| m.mechanism_id).collect();
        let statuses = self
            .rows_where::<mechanism_status::Entity, _>(mechanism_status::Column::MechanismId, ids.clone())
            .await?;
        let members = self
            .rows_where::<membership::Entity, _>(membership::Column::MechanismId, ids.clone())
            .await?;
        let functions = self
            .rows_where::<mechanism_function::Entity, _>(mechanism_function::Column::MechanismId, ids.clone())
            .await?;
        let (activities, activity_counts) = match activities {
            Activities::Within { start, end } => (
                self.activities_in_period(start.as_deref(), end.as_deref()).await?,
                BTreeMap::new(),
            ),
            Activities::All => (
                self.rows_where::<activity::Entity, _>(activity::Column::MechanismId, ids.clone())
                    .await?,
                BTreeMap::new(),
            ),
            Activities::Latest(n) => self.latest_activities(&ids, *n).await?,
        };
        let profiles = self
            .rows_where::<profile::Entity, _>(profile::Column::MechanismId, ids.clone())
            .await?;
        let org_ids = members
            .iter()
            .map(|m| m.organization_id)
            .chain(mechanisms.iter().filter_map(|m| m.lead_organization_id));
        let organizations = by_key(
            self.rows_where::<organization::Entity, _>(organization::Column::OrganizationId, org_ids)
                .await?,
            |o| o.organization_id,
        );
        let countries = by_key(
            self.rows_where::<country::Entity, _>(
                country::Column::CountryIso3,
                mechanisms.iter().filter_map(|m| m.country_iso3.clone()),
            )
            .await?,
            |c| c.country_iso3.clone(),
        );

        let mut citations = CitationIndex::default();
        let keys = |ids: Vec<i32>| ids.into_iter().map(|i| i.to_string());
        citations.load(self, "mechanism", keys(ids.clone())).await?;
        let status_ids = statuses.iter().map(|s| s.mechanism_status_id).collect();
        citations.load(self, "mechanism_status", keys(status_ids)).await?;
        let member_ids = members.iter().map(|s| s.membership_id).collect();
        citations.load(self, "membership", keys(member_ids)).await?;
        let function_ids = functions.iter().map(|s| s.mechanism_function_id).collect();
        citations.load(self, "mechanism_function", keys(function_ids)).await?;
        let activity_ids = activities.iter().map(|s| s.activity_id).collect();
        citations.load(self, "activity", keys(activity_ids)).await?;

        // The functions and editions the rows name, not the whole tables.
        let function_ids: std::collections::BTreeSet<i32> = functions.iter().map(|f| f.function_id).collect();
        let edition_ids: std::collections::BTreeSet<i32> = functions
            .iter()
            .map(|f| f.edition_id)
            .chain(profiles.iter().map(|p| p.edition_id))
            .collect();
        let mut bundle = MechanismBundle {
            mechanisms: Vec::new(),
            organizations,
            functions: by_key(
                self.rows_where::<function::Entity, _>(function::Column::FunctionId, function_ids)
                    .await?,
                |f| f.function_id,
            ),
            editions: by_key(
                self.rows_where::<edition::Entity, _>(edition::Column::EditionId, edition_ids)
                    .await?,
                |e| e.edition_id,
            ),
            countries,
            citations,
        };
        let mut grouped: BTreeMap<i32, MechanismRows> = mechanisms
            .iter()
            .map(|m| {
                let rows = MechanismRows {
                    mechanism: m.clone(),
                    statuses: vec![],
                    members: vec![],
                    functions: vec![],
                    activities: vec![],
                    activity_count: 0,
                    profiles: vec![],
                };
                (m.mechanism_id, rows)
            })
            .collect();
        group(&mut grouped, statuses, |s| s.mechanism_id, |g| &mut g.statuses);
        group(&mut grouped, members, |x| x.mechanism_id, |g| &mut g.members);
        group(&mut grouped, functions, |f| f.mechanism_id, |g| &mut g.functions);
        group(&mut grouped, activities, |a| a.mechanism_id, |g| &mut g.activities);
        group(&mut grouped, profiles, |p| p.mechanism_id, |g| &mut g.profiles);
        for m in &mechanisms {
            if let Some(mut rows) = grouped.remove(&m.mechanism_id) {
                sort_rows(&mut rows, &bundle);
                rows.activity_count = activity_counts
                    .get(&m.mechanism_id)
                    .copied()
                    .unwrap_or(u64::try_from(rows.activities.len()).unwrap_or(u64::MAX));
                bundle.mechanisms.push(rows);
            }
        }
        Ok(bundle)
    }

    /// The latest `n` activities of each of the mechanisms `ids` (by date bytewise, then id) and
    /// how many each has in all (those without any are absent): one query per [`MAX_IN_LIST`]
    /// mechanisms, on both engines. The inner query ranks each mechanism's activities with
    /// `ROW_NUMBER()` and counts them with `COUNT(*)` over the same partition, reading only the
    /// narrow columns the `(mechanism_id, occurred_on)` index holds; the outer one reads the
    /// whole rows of the `n` best ranked of each.
    async fn latest_activities(&self, ids: &[i32], n: u64) -> Result<(Vec<activity::Model>, BTreeMap<i32, u64>)> {
        const TOTAL: &str = "activity_total";
        let ranked = Alias::new("ranked");
        let rank = Alias::new("activity_rank");
        let mut out = Vec::new();
        let mut counts = BTreeMap::new();
        for chunk in ids.chunks(MAX_IN_LIST) {
            let by_mechanism = || WindowStatement::partition_by(activity::Column::MechanismId);
            let mut inner = Query::select();
            inner
                .column(activity::Column::ActivityId)
                .from(activity::Entity)
                .expr_window_as(
                    Expr::cust("ROW_NUMBER()"),
                    by_mechanism()
                        .order_by_expr(self.bytewise(Expr::col(activity::Column::OccurredOn)), Order::Desc)
                        .order_by(activity::Column::ActivityId, Order::Desc)
                        .take(),
                    rank.clone(),
                )
                .expr_window_as(Expr::cust("COUNT(*)"), by_mechanism(), Alias::new(TOTAL))
                .and_where(activity::Column::MechanismId.is_in(chunk.to_vec()));
            let mut outer = Query::select();
            outer
                .column((activity::Entity, Asterisk))
                .column((ranked.clone(), Alias::new(TOTAL)))
                .from(activity::Entity)
                .join_subquery(
                    JoinType::InnerJoin,
                    inner,
                    ranked.clone(),
                    Expr::col((ranked.clone(), activity::Column::ActivityId))
                        .equals((activity::Entity, activity::Column::ActivityId)),
                )
                .and_where(Expr::col((ranked.clone(), rank.clone())).lte(i64::try_from(n).unwrap_or(i64::MAX)));
            for row in self.db.query_all(&outer).await? {
                let a = activity::Model::from_query_result(&row, "")?;
                let all: i64 = row.try_get("", TOTAL)?;
                counts.insert(a.mechanism_id, u64::try_from(all).unwrap_or(0));
                out.push(a);
            }
        }
        Ok((out, counts))
    }
}

/// The reading order of a status history: dated steps in date order, then the undated ones in
/// the order they were recorded.
pub fn status_order(s: &mechanism_status::Model) -> (bool, Option<String>, i32) {
    (s.status_on.is_none(), s.status_on.clone(), s.mechanism_status_id)
}

/// An edition with its rows: publishers and contributors (by id), parts in table-of-contents
/// order (position, then key), its profiles (by id), and the citations of all of them.
#[derive(Debug, Clone)]
pub struct EditionRows {
    /// The edition.
    pub edition: edition::Model,
    /// Its publishers and partners.
    pub publishers: Vec<edition_publisher::Model>,
    /// Its authors and editors.
    pub contributors: Vec<edition_contributor::Model>,
    /// Its chapters and essays.
    pub parts: Vec<edition_part::Model>,
    /// Its mechanism profiles.
    pub profiles: Vec<profile::Model>,
    /// The citations of the edition and of every row above.
    pub citations: CitationIndex,
}

impl Store {
    /// Reads the edition `slug` with its rows, or `None` when no edition has that slug.
    pub async fn edition_rows(&self, slug: &str) -> Result<Option<EditionRows>> {
        let Some(e) = self
            .rows_where::<edition::Entity, _>(edition::Column::Slug, [slug.to_string()])
            .await?
            .pop()
        else {
            return Ok(None);
        };
        let id = e.edition_id;
        let publishers = self
            .rows_where::<edition_publisher::Entity, _>(edition_publisher::Column::EditionId, [id])
            .await?;
        let contributors = self
            .rows_where::<edition_contributor::Entity, _>(edition_contributor::Column::EditionId, [id])
            .await?;
        let mut parts = self
            .rows_where::<edition_part::Entity, _>(edition_part::Column::EditionId, [id])
            .await?;
        parts.sort_by(|a, b| (a.position, &a.part_key).cmp(&(b.position, &b.part_key)));
        let profiles = self
            .rows_where::<profile::Entity, _>(profile::Column::EditionId, [id])
            .await?;
        let mut citations = CitationIndex::default();
        let keys = |ids: Vec<i32>| ids.into_iter().map(|i| i.to_string());
        citations.load(self, "edition", [id.to_string()]).await?;
        let publisher_ids = publishers.iter().map(|p| p.edition_publisher_id).collect();
        citations.load(self, "edition_publisher", keys(publisher_ids)).await?;
        let contributor_ids = contributors.iter().map(|c| c.edition_contributor_id).collect();
        citations
            .load(self, "edition_contributor", keys(contributor_ids))
            .await?;
        let part_ids = parts.iter().map(|p| p.edition_part_id).collect();
        citations.load(self, "edition_part", keys(part_ids)).await?;
        let profile_ids = profiles.iter().map(|p| p.profile_id).collect();
        citations.load(self, "profile", keys(profile_ids)).await?;
        Ok(Some(EditionRows {
            edition: e,
            publishers,
            contributors,
            parts,
            profiles,
            citations,
        }))
    }
}

/// Puts a mechanism's rows in reading order.
fn sort_rows(rows: &mut MechanismRows, bundle: &MechanismBundle) {
    rows.statuses.sort_by_key(status_order);
    rows.members.sort_by_key(|x| {
        (
            x.role != "chair",
            bundle.organization_name(x.organization_id),
            x.membership_id,
        )
    });
    rows.functions
        .sort_by_key(|f| (f.edition_id, f.function_id, f.mechanism_function_id));
    rows.activities.sort_by_key(|a| (a.occurred_on.clone(), a.activity_id));
    rows.profiles.sort_by_key(|p| p.profile_id);
}

/// Puts each row under its mechanism (rows of mechanisms not read are left out).
fn group<T>(
    grouped: &mut BTreeMap<i32, MechanismRows>,
    rows: Vec<T>,
    mechanism_id: impl Fn(&T) -> i32,
    list: impl Fn(&mut MechanismRows) -> &mut Vec<T>,
) {
    for row in rows {
        if let Some(g) = grouped.get_mut(&mechanism_id(&row)) {
            list(g).push(row);
        }
    }
}

fn by_key<K: Ord, T>(rows: Vec<T>, key: impl Fn(&T) -> K) -> BTreeMap<K, T> {
    rows.into_iter().map(|r| (key(&r), r)).collect()
}
