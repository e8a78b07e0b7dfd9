//! A published edition's report as readers download it: the PDF, the static site as one ZIP and
//! the data package, from the edition's final build (the newest build, not a draft, of its frozen
//! snapshot; see `Builds::final_build`). The edition page, `/editions`, the home page and
//! `/data` list them; `routes/reports.rs` serves them at stable URLs that keep working after a
//! rebuild (a rebuild of the same snapshot gives the same PDF).

use std::path::PathBuf;

use nmp_core::edition_year;
use nmp_store::entity::edition;

use crate::workspace::FinalBuild;
use crate::{AppState, WebError};

/// A published edition's downloadable report.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    /// Edition slug.
    pub slug: String,
    /// Edition title.
    pub title: String,
    /// The year it stands for.
    pub year: Option<i32>,
    /// Pages of the PDF.
    pub pages: usize,
    /// Size of the PDF in bytes.
    pub pdf_bytes: usize,
    /// SHA-256 of the PDF.
    pub pdf_sha256: String,
    /// SHA-256 of the frozen snapshot it was typeset from.
    pub snapshot_sha256: String,
    /// When it was built (RFC 3339, UTC).
    pub built_at: String,
    /// The build's folder.
    pub(crate) folder: PathBuf,
}

impl Report {
    /// `/editions/{slug}/report.pdf`.
    pub fn pdf_href(&self) -> String {
        format!("/editions/{}/report.pdf", self.slug)
    }

    /// `/editions/{slug}/report-site.zip`.
    pub fn site_href(&self) -> String {
        format!("/editions/{}/report-site.zip", self.slug)
    }

    /// `/editions/{slug}/datapackage.zip`.
    pub fn data_href(&self) -> String {
        format!("/editions/{}/datapackage.zip", self.slug)
    }

    /// The PDF's size for people: `1.4 MB`, `820 KB`.
    pub fn size(&self) -> String {
        size_text(self.pdf_bytes)
    }

    /// The build date (`2026-12-06`).
    pub fn built_on(&self) -> &str {
        self.built_at.get(..10).unwrap_or(&self.built_at)
    }
}

/// A size in bytes as people read it (decimal units, as file managers show them).
pub(crate) fn size_text(bytes: usize) -> String {
    let b = bytes as f64;
    if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else if b >= 1e3 {
        format!("{:.0} KB", b / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

fn of(state: &AppState, e: &edition::Model) -> Option<Report> {
    if e.status != "published" {
        return None;
    }
    let hash = e.snapshot_hash.as_deref()?;
    let (folder, b): (PathBuf, FinalBuild) = state.builds.final_build(&e.slug, hash)?;
    Some(Report {
        slug: e.slug.clone(),
        title: e.title.clone(),
        year: edition_year(&e.slug, e.published_on.as_deref()),
        pages: b.pages,
        pdf_bytes: b.pdf_bytes,
        pdf_sha256: b.pdf_sha256,
        snapshot_sha256: b.snapshot_sha256,
        built_at: b.built_at,
        folder,
    })
}

/// The report of edition `slug`, when it is published and built.
pub(crate) async fn report(state: &AppState, slug: &str) -> Result<Option<Report>, WebError> {
    let e = state
        .store
        .all::<edition::Entity>()
        .await?
        .into_iter()
        .find(|e| e.slug == slug);
    Ok(e.as_ref().and_then(|e| of(state, e)))
}

/// Every published and built edition's report, the latest edition first.
pub(crate) async fn reports(state: &AppState) -> Result<Vec<Report>, WebError> {
    let mut out: Vec<Report> = state
        .store
        .all::<edition::Entity>()
        .await?
        .iter()
        .filter_map(|e| of(state, e))
        .collect();
    out.sort_by(|a, b| (b.year, &b.slug).cmp(&(a.year, &a.slug)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(size_text(532), "532 bytes");
        assert_eq!(size_text(820_400), "820 KB");
        assert_eq!(size_text(1_432_000), "1.4 MB");
    }
}
