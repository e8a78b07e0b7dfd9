//! Typst in-process: our own [`World`] serving the template as `/main.typ`, the snapshot as
//! `/edition.json`, the errata as `/errata.json`, the snapshot's hash as `/build.json`, the
//! report's words in the edition's language as `/lang.typ` (a module the template imports) and the
//! figures as `/figures/*.svg`, with the fonts embedded by `typst-assets`. Nothing is read from
//! disk or the network, and `today()` is the edition's date, so the same inputs give
//! byte-identical PDFs.
//!
//! Rebuilds in one process (the editor's preview in `nmp serve`) reuse Typst's memoised work
//! (comemo) for whatever did not change. Two rules keep that working:
//! - `sys.inputs` holds only what is the same from one draft to the next (`draft`, `version`).
//!   They live in the [`Library`], which nearly every memoised evaluation reads: an input that
//!   changed with each edit (the snapshot hash did) made every build start from nothing. What
//!   changes goes in a file, which only the code that reads it depends on.
//! - After each build the memo keeps what that build used ([`comemo::evict`] with age 1), so a
//!   server holds one build's worth of memoised work, not ten.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use std::num::NonZeroUsize;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic, Warned};

use typst::foundations::{Bytes, Datetime, Dict, IntoValue, Label, Selector, Smart};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::PageRanges;
use typst::syntax::{FileId, RootedPath, Source, Span, SpanKind, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::utils::PicoStr;
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
    /// The Typst template (main source, `/main.typ`).
    pub template: &'a str,
    /// Every other file the template reads, by virtual path (`/edition.json`, `/errata.json`,
    /// `/figures/map.svg`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// Scalars passed as `sys.inputs`.
    pub inputs: BTreeMap<String, String>,
    /// The document date (also `today()`): year, month, day.
    pub date: (i32, u8, u8),
    /// Stable identifier of the document (the snapshot hash).
    pub ident: String,
    /// Print only the pages of this part (an essay's key, marked in drafts by the template's
    /// `<nmp-part-start>` and `<nmp-part-end>`), for the author's proofs.
    pub only_part: Option<String>,
}

/// The typesetting job of an edition: the snapshot as `/edition.json`, its errata as
/// `/errata.json`, `{"sha256": ...}` as `/build.json`, the figures under `/figures/`, and `draft`
/// and `version` as inputs.
pub fn job<'a>(edition: &crate::Edition, template: &'a str) -> Result<Job<'a>, ReportError> {
    let mut files = BTreeMap::new();
    files.insert("/edition.json".to_string(), edition.snapshot.to_json()?);
    files.insert(
        "/errata.json".to_string(),
        serde_json::to_vec(&edition.errata).map_err(|e| ReportError::Snapshot(e.to_string()))?,
    );
    files.insert(
        "/build.json".to_string(),
        serde_json::to_vec(&serde_json::json!({ "sha256": edition.sha256 }))
            .map_err(|e| ReportError::Snapshot(e.to_string()))?,
    );
    files.insert(
        "/lang.typ".to_string(),
        crate::lang_template(&edition.snapshot.edition.language)
            .as_bytes()
            .to_vec(),
    );
    for (name, svg) in crate::figures::build(&edition.snapshot) {
        files.insert(format!("/figures/{name}"), svg.into_bytes());
    }
    let inputs = BTreeMap::from([
        ("draft".to_string(), edition.draft.to_string()),
        ("version".to_string(), env!("CARGO_PKG_VERSION").to_string()),
    ]);
    Ok(Job {
        template,
        files,
        inputs,
        date: crate::edition_date(&edition.snapshot),
        ident: format!("nmp-edition-{}-{}", edition.snapshot.edition.slug, edition.sha256),
        only_part: None,
    })
}

/// The job as files for the Typst command-line compiler (`main.typ` and the files it reads,
/// relative paths) and the `typst compile` arguments that pass the same inputs, so that the bare
/// compile of the same document can be timed against NMP's own build.
pub fn emit(job: &Job<'_>) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    let mut files = vec![("main.typ".to_string(), job.template.as_bytes().to_vec())];
    files.extend(
        job.files
            .iter()
            .map(|(path, bytes)| (path.trim_start_matches('/').to_string(), bytes.clone())),
    );
    let (y, m, d) = job.date;
    let mut args = vec!["compile".to_string(), "--root".to_string(), ".".to_string()];
    for (k, v) in &job.inputs {
        args.push("--input".to_string());
        args.push(format!("{k}={v}"));
    }
    args.push("--creation-timestamp".to_string());
    args.push(unix_time(y, m, d).to_string());
    args.push("--ignore-system-fonts".to_string());
    args.push("main.typ".to_string());
    args.push("report.pdf".to_string());
    (files, args)
}

/// Seconds since 1970-01-01 at midnight UTC of a calendar date (proleptic Gregorian).
fn unix_time(y: i32, m: u8, d: u8) -> i64 {
    // Days from civil (H. Hinnant's algorithm).
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400
}

/// Starts recording Typst's own timing events (every evaluation, layout pass and element,
/// with its place in the template) for `nmp report build --timings`; [`timings_json`] stops
/// and returns them. Recording costs time itself: use it to find what is slow, not to time.
pub fn record_timings() {
    typst_timing::clear();
    typst_timing::enable();
}

/// Stops recording and returns the events since [`record_timings`] as a Chrome trace (JSON,
/// as `typst compile --timings` writes it; open it in `chrome://tracing` or Perfetto), each
/// event placed by file and line of `template`.
pub fn timings_json(template: &str) -> Result<Vec<u8>, ReportError> {
    typst_timing::disable();
    let main = file_id("/main.typ")?;
    let source = Source::new(main, template.to_string());
    let mut out = Vec::new();
    typst_timing::export_json(&mut out, |raw| {
        let line = match Span::from_raw(raw).get() {
            SpanKind::Number { id, num } if id == main => source.range(num, None).map(|r| r.start),
            SpanKind::Range { id, range } if id == main => Some(range.start),
            _ => None,
        }
        .and_then(|at| source.lines().byte_to_line(at))
        .map_or(0, |l| u32::try_from(l + 1).unwrap_or(u32::MAX));
        ("/main.typ".to_string(), line)
    })
    .map_err(ReportError::Output)?;
    Ok(out)
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
    /// The other Typst sources the template imports (`/lang.typ`), by id.
    modules: HashMap<FileId, Source>,
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
            self.modules.get(&id).cloned().ok_or(FileError::NotSource)
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

/// The first and last page of the part `key` in a draft, from the template's marks.
fn part_pages(document: &PagedDocument, key: &str) -> Option<(NonZeroUsize, NonZeroUsize)> {
    let introspector = document.introspector();
    let page_of = |mark: &str| {
        let label = Label::new(PicoStr::intern(mark))?;
        introspector
            .query(&Selector::Label(label))
            .iter()
            .filter(|c| {
                c.to_packed::<MetadataElem>()
                    .is_some_and(|m| m.value == key.into_value())
            })
            .find_map(|c| introspector.page(c.location()?))
    };
    let first = page_of("nmp-part-start")?;
    let last = page_of("nmp-part-end")?;
    Some((first, last.max(first)))
}

/// Typesets `job` into a PDF.
pub fn typeset(job: Job<'_>) -> Result<Typeset, ReportError> {
    let main = file_id("/main.typ")?;
    let mut files = HashMap::new();
    let mut modules = HashMap::new();
    for (path, bytes) in job.files {
        let id = file_id(&path)?;
        if path.ends_with(".typ") {
            let text =
                String::from_utf8(bytes.clone()).map_err(|_| ReportError::Template(format!("{path} is not UTF-8")))?;
            modules.insert(id, Source::new(id, text));
        }
        files.insert(id, Bytes::new(bytes));
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
        modules,
        files,
        today,
    };
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let warnings: Vec<String> = warnings.iter().map(|w| world.describe(w)).collect();
    let document = output.map_err(|errors| {
        ReportError::Typeset(errors.iter().map(|e| world.describe(e)).collect::<Vec<_>>().join("\n"))
    })?;
    let timestamp = Datetime::from_ymd_hms(y, m, d, 0, 0, 0).map(typst_pdf::Timestamp::new_utc);
    let only = match &job.only_part {
        Some(key) => Some(
            part_pages(&document, key)
                .ok_or_else(|| ReportError::Template(format!("the draft has no part {key:?} to print alone")))?,
        ),
        None => None,
    };
    let page_ranges = only.map(|(first, last)| PageRanges::new(vec![Some(first)..=Some(last)]));
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(job.ident),
        creator: Smart::Custom(Some("NMP".into())),
        timestamp,
        // Typst tags the whole document or nothing: a range of pages (the proofs) is untagged.
        tagged: page_ranges.is_none(),
        page_ranges,
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
        ReportError::Typeset(errors.iter().map(|e| world.describe(e)).collect::<Vec<_>>().join("\n"))
    })?;
    // Keep what this build used, for the next build in this process; drop the rest.
    comemo::evict(1);
    Ok(Typeset {
        pdf,
        pages: only.map_or(document.pages().len(), |(first, last)| last.get() - first.get() + 1),
        warnings,
    })
}
