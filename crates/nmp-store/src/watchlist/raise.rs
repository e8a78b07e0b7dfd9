//! Raising alerts. When a forecast dataset is added (an EWP import, a saved NMP refit),
//! [`Store::raise_forecast_alerts`] compares it with the previous forecast of its family
//! ([`super::forecasts::previous`]) for every follow: a followed state (or, for a follow of the
//! top 30, any state) that **entered the top 30**, or whose **two-year risk rose** by at least the
//! follow's `min_rise`, gets an alert for its follower. Nothing is raised for a forecast that is
//! not its family's latest (an older release imported late) or that has nothing to compare with
//! (the first of its family). [`Store::raise_assessment_alert`] is the hook for a new qualitative
//! assessment of a state. Alerts already raised for the same follower, state, kind and forecast
//! are not raised twice (importing a release again raises nothing new).

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::TOP;
use super::forecasts::{self, Family, Forecast};
use crate::entity::{country, watch, watch_alert};
use crate::{Result, Set, Store};

/// The actor alerts are written as.
pub const ACTOR: &str = "system:watchlist";

/// The kinds of alert.
pub mod kind {
    /// The state is in the new forecast's top 30 and was not in the previous one's.
    pub const ENTERED_TOP_30: &str = "entered_top_30";
    /// Its two-year risk rose by at least the follow's `min_rise`.
    pub const RISK_UP: &str = "risk_up";
    /// A new qualitative assessment of the state.
    pub const NEW_ASSESSMENT: &str = "new_assessment";
}

/// What a follow names, for [`compare`]: one state or the top 30, and the rise that alerts.
#[derive(Debug, Clone, PartialEq)]
pub struct Followed {
    /// The state; `None` for the top 30.
    pub iso3: Option<String>,
    /// The rise in two-year risk that alerts.
    pub min_rise: f64,
}

/// A move of a state between two forecasts that alerts a follow.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The state.
    pub iso3: String,
    /// [`kind::ENTERED_TOP_30`] or [`kind::RISK_UP`].
    pub kind: &'static str,
    /// Its values in the new forecast.
    pub now: forecasts::Value,
    /// Its values in the previous forecast.
    pub before: forecasts::Value,
}

fn in_top(v: forecasts::Value) -> bool {
    v.rank.is_some_and(|r| r <= TOP)
}

/// The moves from `previous` to `new` that alert `follow`, by state code then kind. Pure.
pub fn compare(previous: &Forecast, new: &Forecast, follow: &Followed) -> Vec<Change> {
    let states: Vec<&str> = match &follow.iso3 {
        Some(iso3) => vec![iso3.as_str()],
        None => new
            .values
            .iter()
            .filter(|(_, v)| in_top(**v))
            .map(|(k, _)| k.as_str())
            .collect(),
    };
    let mut out = Vec::new();
    for iso3 in states {
        let (now, before) = (new.of(iso3), previous.of(iso3));
        if in_top(now) && !in_top(before) {
            out.push(Change {
                iso3: iso3.to_string(),
                kind: kind::ENTERED_TOP_30,
                now,
                before,
            });
        }
        // A tolerance of a millionth, so that a rise of exactly `min_rise` written in decimal
        // (0.03 → 0.04) counts despite binary rounding.
        if let (Some(r), Some(b)) = (now.risk, before.risk)
            && r - b >= follow.min_rise - 1e-6
        {
            out.push(Change {
                iso3: iso3.to_string(),
                kind: kind::RISK_UP,
                now,
                before,
            });
        }
    }
    out
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "not given".into())
}

fn rank(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.0}")).unwrap_or_else(|| "not ranked".into())
}

/// The alert's sentence: `Kenya entered the top 30 in Early Warning Project, ewp-2025 (forecast
/// 2025–2026): rank 12, was 45 in ewp-2024.`
fn message(change: &Change, name: &str, previous: &Forecast, new: &Forecast) -> String {
    match change.kind {
        kind::ENTERED_TOP_30 => format!(
            "{name} entered the top 30 in {}: rank {}, was {} in {}.",
            new.label(),
            rank(change.now.rank),
            rank(change.before.rank),
            previous.slug
        ),
        _ => format!(
            "{name}'s two-year risk rose to {} in {}, from {} in {} (rank {}, was {}).",
            percent(change.now.risk),
            new.label(),
            percent(change.before.risk),
            previous.slug,
            rank(change.now.rank),
            rank(change.before.rank)
        ),
    }
}

impl Store {
    async fn country_names(&self) -> Result<HashMap<String, String>> {
        Ok(self
            .all::<country::Entity>()
            .await?
            .into_iter()
            .map(|c| (c.country_iso3, c.name))
            .collect())
    }

    /// Raises the alerts that the forecast dataset `dataset_id` causes (see the module
    /// documentation) in one audited write, and returns them (empty when none). Call it after
    /// a forecast dataset is written: `nmp import ewp` does; a saved NMP refit must too.
    pub async fn raise_forecast_alerts(&self, dataset_id: i32) -> Result<Vec<watch_alert::Model>> {
        let all = self.forecasts().await?;
        let Some((Some(previous), true)) = forecasts::previous(&all, dataset_id) else {
            return Ok(Vec::new());
        };
        let new = all
            .iter()
            .find(|f| f.dataset_id == dataset_id)
            .expect("previous() found it");
        let watches = self.all::<watch::Entity>().await?;
        if watches.is_empty() {
            return Ok(Vec::new());
        }
        let names = self.country_names().await?;
        let raised: BTreeSet<(i32, String, String)> = watch_alert::Entity::find()
            .filter(watch_alert::Column::DatasetId.eq(dataset_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| (a.account_id, a.country_iso3, a.kind))
            .collect();
        let mut seen = raised.clone();
        let mut rows = Vec::new();
        for w in &watches {
            let follow = Followed {
                iso3: w.country_iso3.clone(),
                min_rise: w.min_rise,
            };
            for c in compare(previous, new, &follow) {
                if !seen.insert((w.account_id, c.iso3.clone(), c.kind.to_string())) {
                    continue;
                }
                let name = names.get(&c.iso3).map(String::as_str).unwrap_or(&c.iso3);
                rows.push(watch_alert::ActiveModel {
                    account_id: Set(w.account_id),
                    country_iso3: Set(c.iso3.clone()),
                    kind: Set(c.kind.to_string()),
                    dataset_id: Set(Some(new.dataset_id)),
                    previous_dataset_id: Set(Some(previous.dataset_id)),
                    risk: Set(c.now.risk),
                    previous_risk: Set(c.before.risk),
                    rank: Set(c.now.rank),
                    previous_rank: Set(c.before.rank),
                    message: Set(message(&c, name, previous, new)),
                    read_at: Set(None),
                    ..Default::default()
                });
            }
        }
        self.write_alerts(rows).await
    }

    /// The hook for a new qualitative assessment of `iso3` (dated `assessed_on`, described in
    /// `summary`): alerts every follower of the state, and every follower of the top 30 when the
    /// latest Early Warning Project release ranks it there. Returns the alerts raised; the same
    /// assessment (same state and summary) does not alert anyone twice.
    pub async fn raise_assessment_alert(
        &self,
        iso3: &str,
        assessed_on: &str,
        summary: &str,
    ) -> Result<Vec<watch_alert::Model>> {
        let iso3 = iso3.to_ascii_uppercase();
        let names = self.country_names().await?;
        let Some(name) = names.get(&iso3) else {
            return Err(
                nmp_core::ValidationError::new("country", format!("there is no country with ISO code {iso3}")).into(),
            );
        };
        let all = self.forecasts().await?;
        let in_top_30 = forecasts::latest(&all, Family::Ewp).is_some_and(|f| in_top(f.of(&iso3)));
        let message = format!("New qualitative assessment of {name} ({assessed_on}): {summary}");
        let already: BTreeSet<i32> = watch_alert::Entity::find()
            .filter(watch_alert::Column::CountryIso3.eq(iso3.as_str()))
            .filter(watch_alert::Column::Kind.eq(kind::NEW_ASSESSMENT))
            .filter(watch_alert::Column::Message.eq(message.as_str()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| a.account_id)
            .collect();
        let accounts: BTreeSet<i32> = self
            .all::<watch::Entity>()
            .await?
            .into_iter()
            .filter(|w| match &w.country_iso3 {
                Some(c) => *c == iso3,
                None => in_top_30,
            })
            .map(|w| w.account_id)
            .filter(|a| !already.contains(a))
            .collect();
        let rows = accounts
            .into_iter()
            .map(|account_id| watch_alert::ActiveModel {
                account_id: Set(account_id),
                country_iso3: Set(iso3.clone()),
                kind: Set(kind::NEW_ASSESSMENT.to_string()),
                message: Set(message.clone()),
                read_at: Set(None),
                ..Default::default()
            })
            .collect();
        self.write_alerts(rows).await
    }

    /// Writes `rows` in one audited transaction (an event per alert) and returns them.
    async fn write_alerts(&self, rows: Vec<watch_alert::ActiveModel>) -> Result<Vec<watch_alert::Model>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut w = self.writer(ACTOR).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(w.insert(row).await?);
        }
        w.commit().await?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::watchlist::forecasts::Value;

    fn forecast(id: i32, values: &[(&str, f64, f64)]) -> Forecast {
        // Synthetic test data.
        Forecast {
            dataset_id: id,
            slug: format!("ewp-{}", 2030 + id),
            title: "Synthetic".into(),
            publisher: "Synthetic".into(),
            version: None,
            family: Family::Ewp,
            forecast_year: Some(2030 + id),
            values: values
                .iter()
                .map(|(k, risk, rank)| {
                    (
                        k.to_string(),
                        Value {
                            risk: Some(*risk),
                            rank: Some(*rank),
                        },
                    )
                })
                .collect::<BTreeMap<_, _>>(),
        }
    }

    #[test]
    fn entering_the_top_30_and_a_rise_alert_and_a_small_rise_does_not() {
        let before = forecast(1, &[("KEN", 0.03, 45.0), ("TCD", 0.10, 1.0), ("PER", 0.01, 100.0)]);
        let after = forecast(2, &[("KEN", 0.04, 12.0), ("TCD", 0.105, 2.0), ("PER", 0.015, 90.0)]);
        let ken = Followed {
            iso3: Some("KEN".into()),
            min_rise: 0.01,
        };
        let kinds: Vec<&str> = compare(&before, &after, &ken).iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [kind::ENTERED_TOP_30, kind::RISK_UP]);
        let tcd = Followed {
            iso3: Some("TCD".into()),
            min_rise: 0.01,
        };
        assert!(
            compare(&before, &after, &tcd).is_empty(),
            "in the top 30 before, risen by 0.005 only"
        );
        let tcd_sensitive = Followed {
            iso3: Some("TCD".into()),
            min_rise: 0.005,
        };
        assert_eq!(compare(&before, &after, &tcd_sensitive)[0].kind, kind::RISK_UP);
        let top = Followed {
            iso3: None,
            min_rise: 0.01,
        };
        let got: Vec<(String, &str)> = compare(&before, &after, &top)
            .into_iter()
            .map(|c| (c.iso3, c.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("KEN".to_string(), kind::ENTERED_TOP_30),
                ("KEN".to_string(), kind::RISK_UP)
            ],
            "the top 30 follow sees only states in the new top 30 (PER rose outside it)"
        );
    }

    #[test]
    fn a_state_new_to_the_forecast_enters_without_a_rise() {
        let before = forecast(1, &[("TCD", 0.10, 1.0)]);
        let after = forecast(2, &[("TCD", 0.10, 1.0), ("SSD", 0.2, 1.0)]);
        let ssd = Followed {
            iso3: Some("SSD".into()),
            min_rise: 0.01,
        };
        let got = compare(&before, &after, &ssd);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, kind::ENTERED_TOP_30);
        assert_eq!(got[0].before.rank, None);
        assert_eq!(
            message(&got[0], "South Sudan", &before, &after),
            "South Sudan entered the top 30 in Early Warning Project, ewp-2032 (forecast 2032–2033): rank 1, was not ranked in ewp-2031."
        );
    }
}
