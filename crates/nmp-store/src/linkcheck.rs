//! Link checks of the sources' URLs (`nmp sources check`, the workspace's sources page): which
//! URLs to visit, recording one run's answers (classified against each source's previous check),
//! the latest check per source, and setting a source's archived copy and accessed-on date.
//!
//! The visiting itself (HTTP) is the binary's; the store only classifies and keeps what came back.

use std::collections::HashMap;

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use time::OffsetDateTime;

use crate::entity::{link_check, source};
use crate::records::schema::parse_field;
use crate::{Result, Store, StoreError};

/// A source whose URL is to be visited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    /// The source's key.
    pub source_id: i32,
    /// Its slug.
    pub slug: String,
    /// Its URL.
    pub url: String,
}

/// What one visit brought back, before it is compared with the previous check.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    /// The source visited.
    pub source_id: i32,
    /// The URL visited.
    pub url: String,
    /// When the answer came (or the attempt gave up); `None` is the run's start.
    pub checked_at: Option<OffsetDateTime>,
    /// The last answer's HTTP status, after redirects.
    pub status_code: Option<i32>,
    /// Where the redirects ended.
    pub final_url: Option<String>,
    /// SHA-256 of a successful answer's body, hex.
    pub content_sha256: Option<String>,
    /// Why no answer came.
    pub error: Option<String>,
}

/// The outcomes of a check, worst first (the order the staff page and the summary use).
pub const OUTCOMES: [&str; 5] = ["dead", "error", "changed", "redirected", "ok"];

/// Classifies one visit: `dead` (the server answered 4xx or 5xx), `error` (no answer: timeout,
/// refused connection, bad TLS, too many redirects), `changed` (a 2xx or 3xx answer whose body's
/// hash differs from the previous check's), `redirected` (the answer came from another URL), `ok`.
pub fn outcome(fetched: &Fetched, changed: bool) -> &'static str {
    match fetched.status_code {
        None => "error",
        Some(s) if s >= 400 => "dead",
        Some(_) if changed => "changed",
        Some(_) if fetched.final_url.as_deref().is_some_and(|f| f != fetched.url) => "redirected",
        Some(_) => "ok",
    }
}

fn rank(outcome: &str) -> usize {
    OUTCOMES.iter().position(|o| *o == outcome).unwrap_or(OUTCOMES.len())
}

/// Sorts checks worst first (dead, error, changed, redirected, ok), then by source id.
pub fn worst_first(checks: &mut [link_check::Model]) {
    checks.sort_by_key(|c| (rank(&c.outcome), c.source_id));
}

impl Store {
    /// The sources with a URL, by slug; `only` keeps one source (an error names it when there is
    /// no such source or it has no URL).
    pub async fn link_targets(&self, only: Option<&str>) -> Result<Vec<LinkTarget>> {
        let mut query = source::Entity::find().order_by_asc(source::Column::Slug);
        if let Some(slug) = only {
            query = query.filter(source::Column::Slug.eq(slug));
        }
        let rows = query.all(&self.db).await?;
        if let Some(slug) = only {
            match rows.first() {
                None => {
                    return Err(StoreError::NotFound {
                        entity: "source".into(),
                        key: slug.to_string(),
                    });
                }
                Some(s) if s.url.is_none() => {
                    return Err(nmp_core::ValidationError::new(
                        "--only",
                        format!("source {slug:?} has no URL to check"),
                    )
                    .into());
                }
                Some(_) => {}
            }
        }
        Ok(rows
            .into_iter()
            .filter_map(|s| {
                Some(LinkTarget {
                    source_id: s.source_id,
                    url: s.url?,
                    slug: s.slug,
                })
            })
            .collect())
    }

    /// Every check of one source, newest first.
    pub async fn link_checks_of(&self, source_id: i32) -> Result<Vec<link_check::Model>> {
        Ok(link_check::Entity::find()
            .filter(link_check::Column::SourceId.eq(source_id))
            .order_by_desc(link_check::Column::CheckedAt)
            .order_by_desc(link_check::Column::LinkCheckId)
            .all(&self.db)
            .await?)
    }

    /// The latest check of every source that has been checked, worst first.
    pub async fn latest_link_checks(&self) -> Result<Vec<link_check::Model>> {
        let rows = link_check::Entity::find()
            .order_by_asc(link_check::Column::CheckedAt)
            .order_by_asc(link_check::Column::LinkCheckId)
            .all(&self.db)
            .await?;
        let mut latest: HashMap<i32, link_check::Model> = HashMap::new();
        for r in rows {
            latest.insert(r.source_id, r);
        }
        let mut out: Vec<link_check::Model> = latest.into_values().collect();
        worst_first(&mut out);
        Ok(out)
    }

    /// Records one run of the link check in one audited write (one event for the run): each
    /// visit is compared with its source's previous check that had a body hash (`changed`) and
    /// classified ([`outcome`]). Returns the rows written, in the order given.
    pub async fn record_link_checks(
        &self,
        actor: &str,
        run_at: OffsetDateTime,
        fetched: Vec<Fetched>,
    ) -> Result<Vec<link_check::Model>> {
        let run_at = run_at
            .replace_nanosecond(run_at.nanosecond() / 1000 * 1000)
            .unwrap_or(run_at);
        let mut previous: HashMap<i32, String> = HashMap::new();
        for r in link_check::Entity::find()
            .filter(link_check::Column::ContentSha256.is_not_null())
            .order_by_asc(link_check::Column::CheckedAt)
            .order_by_asc(link_check::Column::LinkCheckId)
            .all(&self.db)
            .await?
        {
            if let Some(h) = r.content_sha256 {
                previous.insert(r.source_id, h);
            }
        }
        let rows: Vec<link_check::Model> = fetched
            .into_iter()
            .map(|f| {
                let changed = match (&f.content_sha256, previous.get(&f.source_id)) {
                    (Some(now), Some(before)) => now != before,
                    _ => false,
                };
                let checked_at = f.checked_at.unwrap_or(run_at);
                link_check::Model {
                    link_check_id: 0,
                    source_id: f.source_id,
                    run_at,
                    checked_at: checked_at
                        .replace_nanosecond(checked_at.nanosecond() / 1000 * 1000)
                        .unwrap_or(checked_at),
                    outcome: outcome(&f, changed).to_string(),
                    url: f.url,
                    status_code: f.status_code,
                    final_url: f.final_url,
                    content_sha256: f.content_sha256,
                    error: f.error,
                    changed,
                }
            })
            .collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for r in &rows {
            *counts.entry(r.outcome.as_str()).or_default() += 1;
        }
        let summary = serde_json::json!({
            "run_at": run_at.to_string(),
            "outcomes": OUTCOMES.iter().map(|o| (o.to_string(), serde_json::Value::from(counts.get(o).copied().unwrap_or(0)))).collect::<serde_json::Map<_, _>>(),
        });
        let models: Vec<link_check::ActiveModel> = rows
            .iter()
            .map(|r| link_check::ActiveModel {
                source_id: Set(r.source_id),
                run_at: Set(r.run_at),
                checked_at: Set(r.checked_at),
                url: Set(r.url.clone()),
                status_code: Set(r.status_code),
                final_url: Set(r.final_url.clone()),
                content_sha256: Set(r.content_sha256.clone()),
                error: Set(r.error.clone()),
                outcome: Set(r.outcome.clone()),
                changed: Set(r.changed),
                ..Default::default()
            })
            .collect();
        let mut w = self.writer(actor).await?;
        if !models.is_empty() {
            w.insert_many(models, &format!("link-check:{run_at}"), summary).await?;
        }
        w.commit().await?;
        Ok(rows)
    }

    /// Sets a source's archived copy and accessed-on date (empty text clears them), at the
    /// version the editor read. A bad value is refused naming its field (`archived_url`,
    /// `accessed_on`) and nothing is written.
    pub async fn set_source_archive(
        &self,
        actor: &str,
        slug: &str,
        version: i32,
        archived_url: &str,
        accessed_on: &str,
    ) -> Result<source::Model> {
        let text = |field: &str, raw: &str| -> Result<Option<String>> {
            match parse_field("source", field, raw)? {
                Ok(serde_json::Value::String(s)) => Ok(Some(s)),
                Ok(_) => Ok(None),
                Err(message) => Err(nmp_core::ValidationError::new(field, message).into()),
            }
        };
        let archived_url = text("archived_url", archived_url)?;
        let accessed_on = text("accessed_on", accessed_on)?;
        let row = source::Entity::find()
            .filter(source::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "source".into(),
                key: slug.to_string(),
            })?;
        let mut w = self.writer(actor).await?;
        let after = w
            .update::<source::Entity>(row.source_id, version, |m| {
                m.archived_url = Set(archived_url);
                m.accessed_on = Set(accessed_on);
            })
            .await?;
        w.commit().await?;
        Ok(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(status: Option<i32>, final_url: Option<&str>) -> Fetched {
        Fetched {
            url: "https://example.org/a".into(),
            status_code: status,
            final_url: final_url.map(str::to_string),
            ..Default::default()
        }
    }

    #[test]
    fn outcomes_are_classified_worst_first() {
        assert_eq!(outcome(&visit(None, None), false), "error");
        assert_eq!(outcome(&visit(Some(404), Some("https://example.org/a")), false), "dead");
        assert_eq!(outcome(&visit(Some(500), Some("https://example.org/a")), true), "dead");
        assert_eq!(
            outcome(&visit(Some(200), Some("https://example.org/a")), true),
            "changed"
        );
        assert_eq!(
            outcome(&visit(Some(200), Some("https://example.org/b")), false),
            "redirected"
        );
        assert_eq!(outcome(&visit(Some(200), Some("https://example.org/a")), false), "ok");
    }
}
