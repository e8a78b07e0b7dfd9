//! Typst in-process: our own [`World`] serving the template as `/main.typ`, the snapshot as
//! `/edition.json` and the figures as `/figures/*.svg`, with the fonts embedded by
//! `typst-assets`. Nothing is read from disk or the network, and `today()` is the edition's date,
//! so the same inputs give byte-identical PDFs.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::ReportError;

/// The embedded fonts and their book, loaded once per process.
static FONTS: LazyLock<(Vec<Font>, LazyHash<FontBook>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let book = FontBook::from_infos(fonts.iter().map(|f| f.info().clone()));
    (fonts, LazyHash::new(book))
});

/// What one typesetting run needs.
pub struct Job<'a> {
    /// The Typst template (main source).
    pub template: &'a str,
    /// The snapshot as JSON, served as `/edition.json`.
    pub data: Vec<u8>,
    /// Figures: file name (`map.svg`) to SVG, served under `/figures/`.
    pub figures: &'a BTreeMap<String, String>,
    /// Scalars passed as `sys.inputs`.
    pub inputs: BTreeMap<String, String>,
    /// The document date (also `today()`): year, month, day.
    pub date: (i32, u8, u8),
    /// Stable identifier of the document (the snapshot hash).
    pub ident: String,
}

/// A typeset PDF.
pub struct Typeset {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Warnings, each with file and line.
    pub warnings: Vec<String>,
}

struct ReportWorld {
    library: LazyHash<Library>,
    main: FileId,
    source: Source,
    /// Served files by id (looked up only, never iterated).
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

fn file_id(path: &str) -> Result<FileId, ReportError> {
    let vpath = VirtualPath::new(path).map_err(|e| ReportError::Template(format!("bad virtual path {path}: {e:?}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.1
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            return Ok(Bytes::from_string(self.source.text().to_string()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.0.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

impl ReportWorld {
    /// `file:line: message` for a diagnostic.
    fn describe(&self, d: &SourceDiagnostic) -> String {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let place = d
            .span
            .id()
            .map(|id| {
                let path = id.get().vpath().get_with_slash().to_string();
                let line = typst::WorldExt::range(self, d.span)
                    .and_then(|r| self.source(id).ok()?.lines().byte_to_line(r.start))
                    .map(|l| format!(":{}", l + 1))
                    .unwrap_or_default();
                format!("{path}{line}")
            })
            .unwrap_or_else(|| "template".into());
        let hints: String = d.hints.iter().map(|h| format!(" (hint: {})", h.v)).collect();
        format!("{place}: {kind}: {}{hints}", d.message)
    }
}

/// Typesets `job` into a PDF.
pub fn typeset(job: Job<'_>) -> Result<Typeset, ReportError> {
    let main = file_id("/main.typ")?;
    let mut files = HashMap::new();
    files.insert(file_id("/edition.json")?, Bytes::new(job.data));
    for (name, svg) in job.figures {
        files.insert(file_id(&format!("/figures/{name}"))?, Bytes::from_string(svg.clone()));
    }
    let mut inputs = Dict::new();
    for (k, v) in job.inputs {
        inputs.insert(k.into(), v.into_value());
    }
    let (y, m, d) = job.date;
    let today = Datetime::from_ymd(y, m, d).ok_or_else(|| ReportError::Template(format!("bad date {y}-{m}-{d}")))?;
    let world = ReportWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        main,
        source: Source::new(main, job.template.to_string()),
        files,
        today,
    };
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let warnings: Vec<String> = warnings.iter().map(|w| world.describe(w)).collect();
    let document = output.map_err(|errors| {
        ReportError::Typeset(errors.iter().map(|e| world.describe(e)).collect::<Vec<_>>().join("\n"))
    })?;
    let timestamp = Datetime::from_ymd_hms(y, m, d, 0, 0, 0).map(typst_pdf::Timestamp::new_utc);
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(job.ident),
        creator: Smart::Custom(Some("NMP".into())),
        timestamp,
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
        ReportError::Typeset(errors.iter().map(|e| world.describe(e)).collect::<Vec<_>>().join("\n"))
    })?;
    // Trim Typst's memo cache so a long-running server does not keep every past build.
    comemo::evict(10);
    Ok(Typeset {
        pdf,
        pages: document.pages().len(),
        warnings,
    })
}
