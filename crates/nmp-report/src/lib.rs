//! NMP PDF report: an edition's [`snapshot`] (every fact it shows, hashed), its [`figures`]
//! drawn by `nmp-charts`, and the template `templates/report.typ` typeset in-process by Typst
//! ([`typeset`]) into a PDF. The same snapshot gives byte-identical PDFs: no wall clock, fixed
//! document identifier and date.

#![forbid(unsafe_code)]

use std::collections::BTreeMap;

pub mod figures;
mod overview;
pub mod snapshot;
pub mod typeset;

pub use snapshot::Snapshot;

/// The report template, embedded in the binary.
pub const TEMPLATE: &str = include_str!("../templates/report.typ");

/// Errors of the report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// No edition has that slug.
    #[error("unknown edition {0:?}")]
    UnknownEdition(String),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
    /// The snapshot could not be serialised.
    #[error("snapshot: {0}")]
    Snapshot(String),
    /// The template could not be set up.
    #[error("template: {0}")]
    Template(String),
    /// Typst reported errors (each with file and line).
    #[error("typesetting failed:\n{0}")]
    Typeset(String),
}

/// A built report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// SHA-256 of the snapshot it was built from (hex).
    pub snapshot_sha256: String,
    /// Number of pages.
    pub pages: usize,
    /// Typst warnings, each with file and line.
    pub warnings: Vec<String>,
}

/// Builds the PDF of the edition `slug`. A draft carries a "DRAFT" watermark; every edition that
/// is not published is a draft.
pub async fn build(store: &nmp_store::Store, slug: &str, draft: bool) -> Result<Report, ReportError> {
    let snapshot = snapshot::build(store, slug).await?;
    render(&snapshot, &figures::build(&snapshot), draft)
}

/// Typesets a snapshot with its figures using the embedded template.
pub fn render(snapshot: &Snapshot, figures: &BTreeMap<String, String>, draft: bool) -> Result<Report, ReportError> {
    render_with_template(snapshot, figures, draft, TEMPLATE)
}

/// Typesets a snapshot with another template (for tests of error reporting).
#[doc(hidden)]
pub fn render_with_template(
    snapshot: &Snapshot,
    figures: &BTreeMap<String, String>,
    draft: bool,
    template: &str,
) -> Result<Report, ReportError> {
    let sha = snapshot.sha256()?;
    let draft = draft || snapshot.edition.status != "published";
    let inputs = BTreeMap::from([
        ("draft".to_string(), draft.to_string()),
        ("version".to_string(), env!("CARGO_PKG_VERSION").to_string()),
        ("sha256".to_string(), sha.clone()),
    ]);
    let out = typeset::typeset(typeset::Job {
        template,
        data: snapshot.to_json()?,
        figures,
        inputs,
        date: edition_date(snapshot),
        ident: format!("nmp-edition-{}-{sha}", snapshot.edition.slug),
    })?;
    Ok(Report {
        pdf: out.pdf,
        snapshot_sha256: sha,
        pages: out.pages,
        warnings: out.warnings,
    })
}

/// The document date: the edition's publication date (the first day of its month or year when
/// only those are known), else 1 January of the year the slug names, else 1 January 1970.
pub fn edition_date(snapshot: &Snapshot) -> (i32, u8, u8) {
    let parse = |text: &str| -> Option<(i32, u8, u8)> {
        let mut parts = text.split('-');
        let y: i32 = parts.next()?.parse().ok()?;
        let m: u8 = parts.next().map(str::parse).transpose().ok()?.unwrap_or(1);
        let d: u8 = parts.next().map(str::parse).transpose().ok()?.unwrap_or(1);
        typst::foundations::Datetime::from_ymd(y, m, d).map(|_| (y, m, d))
    };
    let e = &snapshot.edition;
    e.published_on
        .as_deref()
        .and_then(parse)
        .or_else(|| e.year.map(|y| (y, 1, 1)))
        .unwrap_or((1970, 1, 1))
}
