//! The hash chain of the audit log. Each event's hash is the SHA-256 of a canonical JSON object
//! holding the event and the previous event's hash, so changing, removing or reordering any past
//! event breaks every hash after it; [`Store::verify_audit_chain`] finds the first broken link.

use sea_orm::{EntityTrait, QueryOrder};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::entity::audit_event;
use crate::{Result, Store, StoreError};

/// The hash before the first event.
pub(crate) fn genesis() -> String {
    "0".repeat(64)
}

/// Fields of one event, as hashed.
pub(crate) struct EventFields<'a> {
    pub id: i64,
    pub occurred_at: OffsetDateTime,
    pub actor: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub action: &'a str,
    pub before_json: Option<&'a str>,
    pub after_json: Option<&'a str>,
    pub prev_hash: &'a str,
}

/// SHA-256 (hex) of the event's canonical JSON (keys sorted, no spaces).
pub(crate) fn event_hash(e: &EventFields<'_>) -> String {
    let parse = |s: Option<&str>| s.map(|t| serde_json::from_str::<Value>(t).unwrap_or(Value::String(t.to_string())));
    let canonical = json!({
        "id": e.id,
        "occurred_at": e.occurred_at.format(&Rfc3339).unwrap_or_default(),
        "actor": e.actor,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "action": e.action,
        "before": parse(e.before_json),
        "after": parse(e.after_json),
        "prev_hash": e.prev_hash,
    });
    nmp_core::sha256_hex(canonical.to_string().as_bytes())
}

/// What a verification of the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Events checked.
    pub events: u64,
    /// Hash of the last event (the head of the chain).
    pub head: String,
}

impl Store {
    /// Recomputes every audit event's hash in order; fails at the first event whose stored hash,
    /// previous hash or sequence number does not match.
    pub async fn verify_audit_chain(&self) -> Result<ChainReport> {
        let events = audit_event::Entity::find()
            .order_by_asc(audit_event::Column::AuditEventId)
            .all(&self.db)
            .await?;
        let mut prev = genesis();
        for (expected_id, event) in (1i64..).zip(&events) {
            let broken = |reason: String| StoreError::BrokenChain {
                event_id: event.audit_event_id,
                reason,
            };
            if event.audit_event_id != expected_id {
                return Err(broken(format!("expected event {expected_id}: events are missing")));
            }
            if event.prev_hash != prev {
                return Err(broken("its previous hash does not match the event before it".into()));
            }
            let hash = event_hash(&EventFields {
                id: event.audit_event_id,
                occurred_at: event.occurred_at,
                actor: &event.actor,
                entity: &event.entity,
                entity_id: &event.entity_id,
                action: &event.action,
                before_json: event.before_json.as_deref(),
                after_json: event.after_json.as_deref(),
                prev_hash: &event.prev_hash,
            });
            if hash != event.hash {
                return Err(broken("its content does not match its hash (it was altered)".into()));
            }
            prev = hash;
        }
        Ok(ChainReport {
            events: events.len() as u64,
            head: prev,
        })
    }
}
