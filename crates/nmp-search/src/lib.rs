//! NMP's full-text search: an embedded [tantivy](https://docs.rs/tantivy) index, kept in a
//! directory beside the database, of every record the site shows (countries, mechanisms,
//! initiatives, organisations, networks, editions with their parts and profiles, sources) and of
//! the text of archived source files and questionnaire attachments, page by page for PDFs.
//!
//! - [`schema`]: the fields and the English, French and Spanish analysers (stemming, accent
//!   folding), versioned; [`cognate`]: keys that join a word's spellings across the three.
//! - [`extract`]: text from PDF, DOCX, ODT, HTML and plain text, or why there is none.
//! - [`records`] and [`files`]: what is indexed, read from the store, and who may see it.
//! - [`index`]: the index on disk, built whole or brought up to date as the data change.
//! - [`query`]: searches with facets and highlighted snippets.

#![forbid(unsafe_code)]

pub mod cognate;
pub mod doc;
pub mod extract;
pub mod files;
pub mod index;
pub mod query;
pub mod records;
pub mod schema;
mod snippet;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

use std::path::{Path, PathBuf};

pub use doc::{Dim, Kind};
pub use index::{IndexReport, SearchIndex};
pub use query::{Counts, FacetCounts, FacetValue, Hit, SearchAnswer, SearchRequest, group_by_kind};

/// What can go wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
    /// The index directory could not be read or written.
    #[error("search index {}: {message}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What happened.
        message: String,
    },
    /// A search could not run.
    #[error("search failed: {0}")]
    Search(String),
}

impl SearchError {
    fn io(path: &Path, e: std::io::Error) -> SearchError {
        SearchError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }

    fn index(path: &Path, e: tantivy::TantivyError) -> SearchError {
        SearchError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }

    fn search(e: tantivy::TantivyError) -> SearchError {
        SearchError::Search(e.to_string())
    }
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, SearchError>;

/// The default index directory for a database URL: `PATH.search` beside a SQLite file, and
/// `search-index` in the working directory for PostgreSQL (or an in-memory database).
pub fn default_dir(database_url: &str) -> PathBuf {
    let path = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .map(|p| p.split('?').next().unwrap_or(p))
        .filter(|p| !p.is_empty() && !p.contains(":memory:"));
    match path {
        Some(p) => PathBuf::from(format!("{p}.search")),
        None => PathBuf::from("search-index"),
    }
}
