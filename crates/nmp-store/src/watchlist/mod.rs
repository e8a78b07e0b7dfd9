//! The watchlist (issue 26, part 5): signed-in people follow states, or the top 30 of every
//! forecast (`watch`), and are alerted (`watch_alert`) when a new forecast or a new qualitative
//! assessment moves what they follow. This module keeps the follows and the alerts (follow,
//! unfollow, set the rise that alerts, list, mark as read); [`raise`] decides and writes the
//! alerts; [`forecasts`] reads the forecast datasets it compares.
//!
//! Every change goes through the audited writer, as the follower. A person only ever reads or
//! changes their own rows: every function takes their account.

pub mod forecasts;
pub mod raise;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

pub use raise::{Change, Followed, compare};

use crate::entity::{account, country, watch, watch_alert};
use crate::{Result, Set, Store, StoreError};

/// The rise in two-year risk (absolute) that alerts a new follow.
pub const DEFAULT_MIN_RISE: f64 = 0.01;

/// The rank up to which a state counts as high risk (the Early Warning Project's top 30).
pub const TOP: f64 = 30.0;

/// What a follow names: a state, or the top 30.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A state, by ISO alpha-3.
    Country(String),
    /// Every state in the top 30 of a forecast.
    Top30,
}

impl Target {
    /// Parses `top30` or an ISO alpha-3 code (any case); the field named in errors is `target`.
    pub fn parse(text: &str) -> std::result::Result<Target, nmp_core::ValidationError> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("top30") {
            return Ok(Target::Top30);
        }
        if t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()) {
            return Ok(Target::Country(t.to_ascii_uppercase()));
        }
        Err(nmp_core::ValidationError::new(
            "target",
            format!("{t:?} is neither an ISO 3166-1 alpha-3 code nor top30"),
        ))
    }

    fn iso3(&self) -> Option<&str> {
        match self {
            Target::Country(c) => Some(c),
            Target::Top30 => None,
        }
    }
}

/// Checks a rise: a probability above 0 and at most 1; the field is `min_rise`.
pub fn check_min_rise(rise: f64) -> std::result::Result<f64, nmp_core::ValidationError> {
    if rise.is_finite() && rise > 0.0 && rise <= 1.0 {
        Ok(rise)
    } else {
        Err(nmp_core::ValidationError::new(
            "min_rise",
            format!("{rise} is not a rise in probability above 0 and at most 1 (0.01 is one percentage point)"),
        ))
    }
}

impl Store {
    /// What `account_id` follows: the top 30 first, then states by code.
    pub async fn watches(&self, account_id: i32) -> Result<Vec<watch::Model>> {
        let mut rows = watch::Entity::find()
            .filter(watch::Column::AccountId.eq(account_id))
            .order_by_asc(watch::Column::WatchId)
            .all(&self.db)
            .await?;
        rows.sort_by(|a, b| a.country_iso3.cmp(&b.country_iso3));
        Ok(rows)
    }

    /// Follows `target` for `who` with `min_rise` (default [`DEFAULT_MIN_RISE`]); following what
    /// is already followed sets its rise instead. An unknown state is refused naming `target`.
    pub async fn follow(&self, who: &account::Model, target: &Target, min_rise: Option<f64>) -> Result<watch::Model> {
        let rise = check_min_rise(min_rise.unwrap_or(DEFAULT_MIN_RISE))?;
        if let Some(iso3) = target.iso3()
            && self.get::<country::Entity>(iso3.to_string()).await?.is_none()
        {
            return Err(
                nmp_core::ValidationError::new("target", format!("there is no country with ISO code {iso3}")).into(),
            );
        }
        let existing = self
            .watches(who.account_id)
            .await?
            .into_iter()
            .find(|w| w.country_iso3.as_deref() == target.iso3());
        let mut w = self.writer(&who.email).await?;
        let row = match existing {
            Some(old) if min_rise.is_none() || old.min_rise == rise => old,
            Some(old) => {
                w.update::<watch::Entity>(old.watch_id, old.version, |row| row.min_rise = Set(rise))
                    .await?
            }
            None => {
                w.insert(watch::ActiveModel {
                    account_id: Set(who.account_id),
                    country_iso3: Set(target.iso3().map(str::to_string)),
                    min_rise: Set(rise),
                    ..Default::default()
                })
                .await?
            }
        };
        w.commit().await?;
        Ok(row)
    }

    /// Stops following `target`; `false` when it was not followed.
    pub async fn unfollow(&self, who: &account::Model, target: &Target) -> Result<bool> {
        let Some(old) = self
            .watches(who.account_id)
            .await?
            .into_iter()
            .find(|w| w.country_iso3.as_deref() == target.iso3())
        else {
            return Ok(false);
        };
        let mut w = self.writer(&who.email).await?;
        w.delete::<watch::Entity>(old.watch_id, old.version).await?;
        w.commit().await?;
        Ok(true)
    }

    /// The alerts of `account_id`, newest first; only the unread ones with `unread_only`.
    pub async fn alerts(&self, account_id: i32, unread_only: bool) -> Result<Vec<watch_alert::Model>> {
        let mut q = watch_alert::Entity::find().filter(watch_alert::Column::AccountId.eq(account_id));
        if unread_only {
            q = q.filter(watch_alert::Column::ReadAt.is_null());
        }
        Ok(q.order_by_desc(watch_alert::Column::WatchAlertId).all(&self.db).await?)
    }

    /// Marks one alert of `who` as read (`Some(id)`), or all of their unread alerts (`None`);
    /// returns how many were marked. Another person's alert is `NotFound`.
    pub async fn mark_alerts_read(&self, who: &account::Model, alert: Option<i32>) -> Result<usize> {
        let unread = self.alerts(who.account_id, true).await?;
        let chosen: Vec<watch_alert::Model> = match alert {
            None => unread,
            Some(id) => {
                let mine = self.alerts(who.account_id, false).await?;
                let Some(row) = mine.into_iter().find(|a| a.watch_alert_id == id) else {
                    return Err(StoreError::NotFound {
                        entity: "watch_alert".into(),
                        key: id.to_string(),
                    });
                };
                if row.read_at.is_some() { Vec::new() } else { vec![row] }
            }
        };
        if chosen.is_empty() {
            return Ok(0);
        }
        let mut w = self.writer(&who.email).await?;
        let now = w.now();
        for a in &chosen {
            w.update::<watch_alert::Entity>(a.watch_alert_id, a.version, |row| row.read_at = Set(Some(now)))
                .await?;
        }
        w.commit().await?;
        Ok(chosen.len())
    }
}
