//! Loading what a build is made from: a published edition's frozen snapshot and data package,
//! or (for a draft) the edition as the store holds it now, with its errata either way. The
//! first step of a [`crate::ReportBuild`]; [`load`] and [`load_preview`] are the same step on
//! its own (tests, the workspace's preview).

use std::collections::BTreeMap;

use crate::{Edition, Erratum, ReportError, Snapshot};

/// Loads what a build of the edition `slug` is made from: a published edition's frozen snapshot
/// and data package; an unpublished edition only when `draft` is asked for (read from the
/// store as it is now). `draft` also marks a published edition's pages DRAFT.
pub async fn load(store: &nmp_store::Store, slug: &str, draft: bool) -> Result<Edition, ReportError> {
    let mut edition = without_package(store, slug, draft, false).await?;
    if !edition.frozen {
        edition.datapackage = draft_package(store, slug).await?;
    }
    Ok(edition)
}

/// The edition `slug` as it is in the store now, as a draft, without its data package: what
/// the editor's preview typesets (only the PDF is made, so the package is not read). Unlike
/// [`load`], a published edition is read from the store too, not from its frozen snapshot.
pub async fn load_preview(store: &nmp_store::Store, slug: &str) -> Result<Edition, ReportError> {
    without_package(store, slug, true, true).await
}

/// [`load`], except that a draft's data package is left empty: a published edition's comes
/// with its frozen snapshot, a draft's is exported from the store by [`draft_package`], which
/// a build runs while the PDF is typeset. With `current`, the edition is read from the store
/// as it is now even when it is published (as [`load_preview`] does).
pub(crate) async fn without_package(
    store: &nmp_store::Store,
    slug: &str,
    draft: bool,
    current: bool,
) -> Result<Edition, ReportError> {
    let (e, frozen) = store
        .frozen_edition(slug)
        .await?
        .ok_or_else(|| ReportError::UnknownEdition(slug.to_string()))?;
    let errata = errata(store, e.edition_id).await?;
    match frozen {
        Some(f) if !current => {
            let snapshot = Snapshot::from_json(&f.snapshot)?;
            let sha256 = snapshot.sha256()?;
            if sha256 != f.sha256 {
                return Err(ReportError::Snapshot(format!(
                    "the frozen snapshot of edition {slug:?} does not match its hash (stored {}, computed {sha256})",
                    f.sha256
                )));
            }
            let datapackage: BTreeMap<String, String> = serde_json::from_str(&f.datapackage)
                .map_err(|e| ReportError::Snapshot(format!("the frozen data package is not readable: {e}")))?;
            Ok(Edition {
                snapshot,
                sha256,
                frozen: true,
                draft,
                errata,
                datapackage: package_files(datapackage),
            })
        }
        _ if draft || current => Ok(draft_edition(store, slug, errata).await?),
        _ => Err(ReportError::Unpublished(slug.to_string())),
    }
}

/// The data package of the edition `slug` as the store holds it now (what a draft ships).
pub(crate) async fn draft_package(store: &nmp_store::Store, slug: &str) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
    Ok(nmp_datapackage::datapackage(store, slug).await?.files)
}

/// The edition `slug` as it is in the store now, marked DRAFT, without its data package.
async fn draft_edition(store: &nmp_store::Store, slug: &str, errata: Vec<Erratum>) -> Result<Edition, ReportError> {
    let snapshot = crate::collect::build(store, slug).await?;
    Ok(Edition {
        sha256: snapshot.sha256()?,
        snapshot,
        frozen: false,
        draft: true,
        errata,
        datapackage: Vec::new(),
    })
}

/// The errata of an edition, as the report lists them.
async fn errata(store: &nmp_store::Store, edition_id: i32) -> Result<Vec<Erratum>, ReportError> {
    Ok(store
        .errata(edition_id)
        .await?
        .into_iter()
        .map(|x| Erratum {
            issued_on: x.issued_on,
            location: x.location,
            correction: x.correction,
        })
        .collect())
}

/// A frozen package's files, `datapackage.json` first and the CSV files in name order (the
/// order the exporter writes them in does not matter to readers; this one is stable).
fn package_files(files: BTreeMap<String, String>) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, text) in files {
        if name == nmp_datapackage::DESCRIPTOR {
            out.insert(0, (name, text.into_bytes()));
        } else {
            out.push((name, text.into_bytes()));
        }
    }
    out
}
