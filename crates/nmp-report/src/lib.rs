//! NMP report: an edition's [`snapshot`] (every fact it shows, hashed), frozen by [`publish`];
//! its [`figures`] drawn by `nmp-charts`; the template `templates/report.typ` typeset in-process
//! by Typst ([`typeset`]) into a PDF; the same content as a static HTML site ([`site`]) and as
//! Markdown ([`markdown`]). The same snapshot and errata give byte-identical outputs: no wall
//! clock, fixed document identifier and date.
//!
//! A build is one [`ReportBuild`] (module [`build`]): its options are fields, and
//! [`ReportBuild::run`] reads top to bottom: load (the frozen snapshot of a published edition,
//! or a draft read from the store) → typeset (the PDF, [`render`]) → site ([`site::build`]) →
//! package (the files with the data package, [`output::Output`]) → the extra outputs (Typst
//! source, [`markdown::render`], Typst's timings) → write, all or nothing ([`output`]). The
//! command line and the workspace both run it.

#![forbid(unsafe_code)]

mod bib;
pub mod build;
mod collect;
pub mod embed;
mod essay;
pub mod figures;
mod load;
pub mod markdown;
mod outcomes;
pub mod output;
mod overview;
mod profile;
pub mod publish;
mod risk;
pub mod site;
pub mod snapshot;
pub mod text;
pub mod typeset;

pub use build::{Built, Event, ReportBuild};
pub use load::{load, load_preview};
use serde::{Deserialize, Serialize};
pub use snapshot::Snapshot;

/// The report template, embedded in the binary.
pub const TEMPLATE: &str = include_str!("../templates/report.typ");

/// The report's own words in each language (`templates/lang/*.typ`, served to the template as
/// `/lang.typ`): English, French and Spanish, by the edition's language code.
pub const LANG_TEMPLATES: [(&str, &str); 3] = [
    ("en", include_str!("../templates/lang/en.typ")),
    ("fr", include_str!("../templates/lang/fr.typ")),
    ("es", include_str!("../templates/lang/es.typ")),
];

/// The words of the report in the language `code`; English for a code NMP has no words for.
pub fn lang_template(code: &str) -> &'static str {
    LANG_TEMPLATES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(LANG_TEMPLATES[0].1, |(_, text)| text)
}

/// Errors of the report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// No edition has that slug.
    #[error("unknown edition {0:?}")]
    UnknownEdition(String),
    /// The edition is not published and a draft was not asked for.
    #[error("edition {0:?} is not published: publish it with `nmp edition publish {0}`, or build a draft with --draft")]
    Unpublished(String),
    /// The edition is already published.
    #[error("edition {slug:?} is already published (snapshot sha256 {sha256}); corrections are errata")]
    AlreadyPublished {
        /// The edition.
        slug: String,
        /// Its snapshot's hash.
        sha256: String,
    },
    /// Facts the edition shows have no citation; each names the record and field.
    #[error("edition {slug:?} cannot be published: {} fact(s) it shows have no citation:\n{}", .facts.len(), .facts.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n"))]
    Uncited {
        /// The edition.
        slug: String,
        /// `record: field` of each uncited fact.
        facts: Vec<String>,
    },
    /// A round of the edition has a target and criterion without consensus, or a consensus
    /// without evidence; each problem is named.
    #[error("edition {slug:?} cannot be published: {} outcome assessment problem(s) (reconcile each round first):\n{}", .problems.len(), .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Unreconciled {
        /// The edition.
        slug: String,
        /// What is missing, round by round.
        problems: Vec<String>,
    },
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
    /// Building the data package failed.
    #[error(transparent)]
    DataPackage(#[from] nmp_datapackage::DataPackageError),
    /// The snapshot could not be serialised or read back.
    #[error("snapshot: {0}")]
    Snapshot(String),
    /// The template could not be set up.
    #[error("template: {0}")]
    Template(String),
    /// Writing or packing the outputs failed (the message names the path).
    #[error("{0}")]
    Output(String),
    /// Typst reported errors (each with file and line).
    #[error("typesetting failed:\n{0}")]
    Typeset(String),
}

/// A correction to a published edition, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Erratum {
    /// When it was issued (partial date).
    pub issued_on: String,
    /// Where the error is.
    pub location: String,
    /// The correction.
    pub correction: String,
}

/// What a build of an edition is made from.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The snapshot.
    pub snapshot: Snapshot,
    /// SHA-256 of the snapshot's JSON (hex).
    pub sha256: String,
    /// Whether it is the frozen snapshot of a published edition (else a draft read from the
    /// store).
    pub frozen: bool,
    /// Whether every page is marked DRAFT (always, when not frozen).
    pub draft: bool,
    /// The edition's errata, by date.
    pub errata: Vec<Erratum>,
    /// The data package: file name to contents (frozen with the snapshot when published).
    pub datapackage: Vec<(String, Vec<u8>)>,
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

/// Typesets an edition with the embedded template.
pub fn render(edition: &Edition) -> Result<Report, ReportError> {
    render_with_template(edition, TEMPLATE)
}

/// The pages of one essay of a draft edition, typeset with the whole edition (so its page
/// numbers, notes and running heads are those of the report) and printed alone: the author's
/// proofs. `part_key` is the essay's key in the edition; an edition that is not a draft, or has
/// no such essay, is refused.
pub fn render_part(edition: &Edition, part_key: &str) -> Result<Report, ReportError> {
    if !edition.draft {
        return Err(ReportError::Template(
            "only a draft prints an essay's pages alone (its proofs)".into(),
        ));
    }
    let mut job = typeset::job(edition, TEMPLATE)?;
    job.only_part = Some(part_key.to_string());
    report_of(edition, job)
}

/// Typesets an edition with another template (for tests of error reporting).
#[doc(hidden)]
pub fn render_with_template(edition: &Edition, template: &str) -> Result<Report, ReportError> {
    report_of(edition, typeset::job(edition, template)?)
}

/// Typesets `job`, the typesetting job of `edition`, into its [`Report`].
fn report_of(edition: &Edition, job: typeset::Job<'_>) -> Result<Report, ReportError> {
    let out = typeset::typeset(job)?;
    Ok(Report {
        pdf: out.pdf,
        snapshot_sha256: edition.sha256.clone(),
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
