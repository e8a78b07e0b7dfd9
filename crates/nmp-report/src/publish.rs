//! Publishing an edition: refuse while an assessment round of it is not reconciled (a target and
//! criterion without consensus, a consensus without evidence: `Store::outcome_problems`, each
//! listed), read its snapshot, refuse while any fact it shows lacks a citation (listing each, as
//! `record: field`), then freeze the snapshot, its SHA-256 and the edition's
//! data package in the database in one audited write, which locks the edition's rows (see
//! `nmp_store::Store::edition_lock`).
//!
//! The snapshot and the package are read after noting the audit chain's head; the write
//! refuses if anything was written in between, so what is frozen is one consistent state.

use std::collections::BTreeMap;

use nmp_store::Store;

use crate::ReportError;
use crate::collect::build_checked;
use crate::snapshot::Snapshot;

/// What publishing did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The edition.
    pub slug: String,
    /// SHA-256 of the frozen snapshot.
    pub sha256: String,
    /// Size of the snapshot's JSON in bytes.
    pub snapshot_bytes: usize,
    /// Files in the frozen data package.
    pub package_files: usize,
}

/// Every fact the edition `slug` shows that no citation covers, as `record: field`; empty when
/// it can be published.
pub async fn uncited(store: &Store, slug: &str) -> Result<Vec<String>, ReportError> {
    Ok(build_checked(store, slug).await?.1)
}

/// The SHA-256 of the snapshot that publishing the edition `slug` would freeze now: to check a
/// loaded data package against the hash it records for its edition.
pub async fn snapshot_sha256(store: &Store, slug: &str) -> Result<String, ReportError> {
    let mut snapshot = crate::collect::build(store, slug).await?;
    mark_published(&mut snapshot);
    snapshot.sha256()
}

/// Publishes the edition `slug` on behalf of `actor`.
pub async fn publish(store: &Store, slug: &str, actor: &str) -> Result<Outcome, ReportError> {
    let read_at = store.last_audit_event_id().await?;
    let (edition, frozen) = store
        .frozen_edition(slug)
        .await?
        .ok_or_else(|| ReportError::UnknownEdition(slug.to_string()))?;
    if let Some(f) = frozen {
        return Err(ReportError::AlreadyPublished {
            slug: slug.to_string(),
            sha256: f.sha256,
        });
    }
    let mut problems = store.outcome_problems(edition.edition_id).await?;
    problems.extend(store.essay_problems(edition.edition_id).await?);
    if !problems.is_empty() {
        return Err(ReportError::Unreconciled {
            slug: slug.to_string(),
            problems,
        });
    }
    let (mut snapshot, uncited) = build_checked(store, slug).await?;
    if !uncited.is_empty() {
        return Err(ReportError::Uncited {
            slug: slug.to_string(),
            facts: uncited,
        });
    }
    mark_published(&mut snapshot);
    let json = snapshot.to_json()?;
    let sha256 = crate::snapshot::sha256_hex(&json);

    // The package as it will be once published: the edition row says so.
    let mut row = edition.clone();
    row.status = "published".into();
    row.snapshot_hash = Some(sha256.clone());
    let package = nmp_datapackage::datapackage_of(store, row).await?;
    let files: BTreeMap<String, String> = package
        .files
        .iter()
        .map(|(name, bytes)| (name.clone(), String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    let package_json = serde_json::to_string(&files).map_err(|e| ReportError::Snapshot(e.to_string()))?;
    let snapshot_text = String::from_utf8(json).map_err(|e| ReportError::Snapshot(e.to_string()))?;
    let snapshot_bytes = snapshot_text.len();

    let mut w = store.writer(actor).await?;
    w.freeze_edition(edition.edition_id, read_at, &sha256, snapshot_text, package_json)
        .await?;
    w.commit().await?;
    Ok(Outcome {
        slug: slug.to_string(),
        sha256,
        snapshot_bytes,
        package_files: files.len(),
    })
}

/// The snapshot as it is once published: the edition's status says so.
fn mark_published(snapshot: &mut Snapshot) {
    snapshot.edition.status = "published".into();
    snapshot.edition.status_label = nmp_core::vocab::EditionStatus::Published.label().to_string();
}
