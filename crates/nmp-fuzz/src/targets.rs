//! The targets: each feeds one input to the real entry point and checks what it answers. A bad
//! input must be refused with an error that names what is wrong; a panic, an abort, a hang or a
//! runaway allocation is a bug, and so is an answer that breaks the invariants asserted here.
//! Each says whether the entry point accepted the input ([`Outcome`]), which the replay test
//! checks against the seeds' names (`seed-ok-*`, `seed-bad-*`).

use std::collections::{BTreeMap, HashSet};

use nmp_collect::attach::{self, Upload};
use nmp_collect::respond::{Answers, answers_from_form, check_answers, dates_as_iso};
use nmp_core::PartialDate;
use nmp_essay::docx::{self as essay_docx_conversion, DocxError};
use nmp_essay::markdown::{self as essay, HtmlOptions};
use nmp_ingest::IngestError;
use nmp_ingest::import::indicators::{YEARS, parse_long};
use nmp_ingest::import::{MAX_REPORTED, ewp};
use nmp_ingest::records::RecordKind;
use nmp_ingest::records::import::{Importer, import};
use nmp_ingest::sheet::Format;

use crate::container;
use crate::essay::{Everything, check_html, check_typst, html_figure_elements, typst_figure_calls};
use crate::harness::{countries, harness, questionnaire};

/// What the entry point made of an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted: the import would write it, the date parses, the answers have no problem, the
    /// file would be attached.
    Accepted,
    /// Refused, with the first line of the message.
    Refused(String),
}

fn refused(message: impl std::fmt::Display) -> Outcome {
    let text = message.to_string();
    assert!(!text.trim().is_empty(), "a refusal without a message");
    Outcome::Refused(text.lines().next().unwrap_or_default().to_string())
}

/// The file name of a record import input without marks.
pub const RECORDS_DEFAULT: &str = "mechanisms.csv";
/// The forecasts file's name in an EWP input without marks.
pub const EWP_DEFAULT: &str = "final_forecasts_data_10Oct2024.csv";
/// The file name of an upload input without marks.
pub const UPLOAD_DEFAULT: &str = "document.pdf";
/// The name of an essay's Word file given as parts (an input with marks).
pub const DOCX_DEFAULT: &str = "essay.docx";

/// The refusal of a file's checks: a file error, or row problems (at least one and at most
/// [`MAX_REPORTED`] kept, all counted); any other error is a bug of `what`.
fn rows_or_file(e: IngestError, what: &str) -> Outcome {
    match &e {
        IngestError::Rows { problems, total, .. } => {
            assert!(!problems.is_empty(), "a rows error without problems");
            assert!(problems.len() <= MAX_REPORTED && problems.len() <= *total);
        }
        IngestError::File { .. } => {}
        other => panic!("{what} failed other than on its input: {other}"),
    }
    refused(e)
}

/// `records`: a spreadsheet of records through `nmp_ingest::records::import::import`, as a dry
/// run by an editor against the starter dataset (what `nmp import records --dry-run` and the
/// check step of `/staff/import` run). The input's first file name gives the kind and format
/// (`sources.xlsx`); an XLSX input with more files is built into a workbook from them.
pub fn records(data: &[u8]) -> Outcome {
    let files = container::split(data, RECORDS_DEFAULT);
    let (name, first) = &files[0];
    let kind = name
        .split('.')
        .next()
        .and_then(RecordKind::parse)
        .unwrap_or(RecordKind::Mechanisms);
    let bytes = if Format::of_name(name) == Some(Format::Xlsx) && files.len() > 1 {
        container::zip_stored(&files[1..])
    } else {
        first.clone()
    };
    let h = harness();
    let importer = Importer::Direct {
        actor: "system:fuzz".into(),
    };
    let result = h.block_on(import(h.store(), name, &bytes, kind, &importer, true, &mut |_| {}));
    match result {
        Ok(report) => {
            assert!(report.dry_run && !report.proposed);
            assert!(
                report.rows.iter().all(|r| r.row >= 2),
                "a data row numbered as the header"
            );
            assert!(report.rows.windows(2).all(|w| w[0].row < w[1].row), "rows out of order");
            Outcome::Accepted
        }
        Err(e @ IngestError::Cells { .. }) => {
            if let IngestError::Cells { problems, .. } = &e {
                assert!(problems.iter().all(|p| p.row >= 1 && !p.message.is_empty()));
            }
            refused(e)
        }
        Err(e @ IngestError::File { .. }) => refused(e),
        Err(other) => panic!("a dry run of a record import failed other than on its input: {other}"),
    }
}

/// `indicators`: a long-format file through `nmp_ingest::import::indicators::parse_long`, the
/// check that `nmp import indicators` runs before it writes, against the 195 states.
pub fn indicators(data: &[u8]) -> Outcome {
    let countries = countries();
    match parse_long("fuzz.csv", data, countries, &mut |_| {}) {
        Ok(file) => {
            assert!(!file.rows.is_empty(), "a file without rows accepted");
            let mut keys = HashSet::new();
            for o in &file.rows {
                assert!(usize::from(o.country) < countries.len());
                assert!(usize::from(o.indicator) < file.indicators.len());
                assert!(YEARS.contains(&o.year) && o.value.is_finite());
                assert!(keys.insert((o.indicator, o.country, o.year)), "a duplicate accepted");
                let (lo, hi) = file.years.expect("years of a file with rows");
                assert!(lo <= o.year && o.year <= hi);
            }
            assert!(file.countries >= 1 && file.countries <= countries.len());
            Outcome::Accepted
        }
        Err(e) => rows_or_file(e, "parse_long"),
    }
}

/// `ewp`: the Early Warning Project's forecasts file and name sheet (the first and second file
/// of the input) through `nmp_ingest::import::ewp::check`, what `nmp import ewp` runs before it
/// writes; the first file's name goes through `release_date`.
pub fn ewp(data: &[u8]) -> Outcome {
    let files = container::split(data, EWP_DEFAULT);
    let (name, forecasts) = &files[0];
    if let Some((year, month, day)) = ewp::release_date(name) {
        assert!((1..=12).contains(&month) && (1..=31).contains(&day) && year >= 0);
    }
    let namesheet = files.get(1).map_or(&[][..], |(_, b)| b.as_slice());
    let countries = countries();
    match ewp::check((name, forecasts), (ewp::NAMESHEET, namesheet), countries) {
        Ok(checked) => {
            assert!(YEARS.contains(&checked.year));
            assert!(matches!(checked.indicators.len(), 2 | 4));
            assert_eq!(checked.obs.len(), checked.indicators.len() * checked.matched);
            assert!(checked.matched + checked.outside.len() + checked.unmatched.len() <= checked.rows_read);
            assert!(checked.obs.iter().all(|o| usize::from(o.country) < countries.len()));
            assert!(
                checked
                    .obs
                    .iter()
                    .all(|o| o.year == checked.year && o.value.is_finite())
            );
            assert!(checked.top.windows(2).all(|w| w[0].rank <= w[1].rank));
            Outcome::Accepted
        }
        Err(e) => rows_or_file(e, "the EWP check"),
    }
}

/// `datapackage`: an edition's data package (the input's files: `datapackage.json` and the CSV
/// files it names) through `nmp_datapackage::import::check_files`, the read and check that
/// `nmp import datapackage` runs before it touches the database.
pub fn datapackage(data: &[u8]) -> Outcome {
    let files: BTreeMap<String, Vec<u8>> = container::split(data, nmp_datapackage::DESCRIPTOR)
        .into_iter()
        .collect();
    match nmp_datapackage::import::check_files(&files) {
        Ok(loaded) => {
            assert!(loaded.rows.iter().any(|(r, n)| r == "editions" && *n == 1));
            Outcome::Accepted
        }
        Err(e) => refused(e),
    }
}

/// `partial_date`: text through `nmp_core::PartialDate::parse` (every date field of forms,
/// imports and data packages). What parses prints back as the text it came from, and parses again
/// to itself.
pub fn partial_date(data: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(data) else {
        return Outcome::Refused("not UTF-8".into());
    };
    match PartialDate::parse("date", text) {
        Ok(date) => {
            let shown = date.to_string();
            assert_eq!(shown, text.trim(), "a date prints other than it was written");
            assert_eq!(PartialDate::parse("date", &shown).ok(), Some(date));
            let json = serde_json::to_string(&date).expect("a date serialises");
            assert_eq!(serde_json::from_str::<PartialDate>(&json).ok(), Some(date));
            assert_eq!(nmp_core::edition_year("not-a-year", Some(text)), Some(date.date.year()));
            Outcome::Accepted
        }
        Err(e) => {
            assert_eq!(e.field, "date");
            refused(e)
        }
    }
}

/// `answers`: a respondent's form through `nmp_collect::respond::answers_from_form` (a
/// url-encoded body, as `/respond/{token}` receives it) or, for an input that starts with `{`,
/// saved answers as JSON (a draft read back), then `check_answers` against the default
/// questionnaire. Checking never fails on what a respondent sends, and a draft saved and read back
/// gets the same messages.
pub fn answers(data: &[u8]) -> Outcome {
    let (questions, choices) = questionnaire();
    let answers: Answers = if data.first() == Some(&b'{') {
        match serde_json::from_slice(data) {
            Ok(a) => a,
            Err(e) => return refused(e),
        }
    } else {
        let form: Vec<(String, String)> = serde_urlencoded::from_bytes(data).unwrap_or_default();
        answers_from_form(&form, questions)
    };
    let submit = data.len() % 2 == 1;
    // The respondent's language (dates are read as it writes them) varies with the input.
    let lang = nmp_i18n::Lang::ALL[data.len() % 3];
    let errors = check_answers(questions, &answers, submit, choices, lang).expect("checking answers does not fail");
    for key in errors.keys() {
        let question = key.split('.').next().unwrap_or_default();
        assert!(
            questions.iter().any(|q| q.question_key == question),
            "an error keyed by {key:?}, which is no question"
        );
    }
    let saved = serde_json::to_string(&answers).expect("answers serialise");
    let read: Answers = serde_json::from_str(&saved).expect("saved answers read back");
    let again = check_answers(questions, &read, submit, choices, lang).expect("checking answers does not fail");
    assert_eq!(again, errors, "a saved draft checks differently");
    // Dates written as ISO 8601 (as a save stores them) check as they did when typed.
    let stored = dates_as_iso(questions, answers.clone(), lang);
    let as_stored = check_answers(questions, &stored, submit, choices, lang).expect("checking answers does not fail");
    assert_eq!(
        as_stored, errors,
        "a date read in {lang:?} checks differently once stored"
    );
    match errors.iter().next() {
        None => Outcome::Accepted,
        Some((key, message)) => refused(format!("{key}: {message}")),
    }
}

/// `upload`: an uploaded document (the input's first file: its name and bytes) through
/// `nmp_collect::attach::check`, the check `/respond/{token}` runs on each file of its multipart
/// form, and the stored name through `content_disposition`.
pub fn upload(data: &[u8]) -> Outcome {
    let files = container::split(data, UPLOAD_DEFAULT);
    let (name, bytes) = files.into_iter().next().expect("split is never empty");
    let up = Upload {
        question_key: "documents".into(),
        file_name: name.clone(),
        bytes,
        truncated: false,
    };
    let cleaned = attach::clean_name(&name);
    assert!(cleaned.chars().count() <= 200 && !cleaned.chars().any(char::is_control));
    let outcome = match attach::check(&up) {
        Ok(checked) => {
            assert_eq!(checked.file_name, cleaned);
            assert!(!checked.file_name.is_empty() && !up.bytes.is_empty());
            assert!(attach::ALLOWED.iter().any(|k| k.media_type == checked.content_type));
            assert_eq!(checked.sha256.len(), 64);
            let header = attach::content_disposition(&checked.file_name);
            assert!(
                header.bytes().all(|b| b.is_ascii_graphic() || b == b' '),
                "a Content-Disposition that is not a plain header value: {header:?}"
            );
            Outcome::Accepted
        }
        Err(message) => refused(message),
    };
    let truncated = Upload { truncated: true, ..up };
    assert!(attach::check(&truncated).is_err(), "a truncated file accepted");
    outcome
}

/// `essay_markdown`: an essay's Markdown (the input as UTF-8) through `nmp_essay::markdown`:
/// `references` (accepted when it finds no problem), and whatever it says, `figures`,
/// `to_html`, `to_html_with` and `to_typst` with a resolver that resolves every citation and
/// draws every figure, `plain_text` and `word_count`. Every problem has a line of the text and a
/// message; figures are numbered 1, 2, … in the order of the text, each key reads back to
/// itself; the HTML holds only the renderer's own elements and attributes, never `<script` nor
/// an address that runs code; the Typst markup holds only the writer's own calls, the author's
/// text escaped; each figure is placed at most once in each output, and exactly once when
/// `references` finds no problem; `word_count` counts the words of `plain_text`.
pub fn essay_markdown(data: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(data) else {
        return Outcome::Refused("not UTF-8".into());
    };
    let lines = text.lines().count();
    let result = essay::references(text);
    match &result {
        Ok(references) => {
            assert!(
                references.iter().all(|r| r.line >= 1 && r.line <= lines + 1),
                "a reference on a line the text does not have: {references:?}"
            );
            assert!(
                references.windows(2).all(|w| w[0].line <= w[1].line),
                "references out of the text's order: {references:?}"
            );
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "references refused without a problem");
            for p in problems {
                assert!(
                    p.line >= 1 && p.line <= lines + 1,
                    "a problem on line {} of a text of {lines} lines: {p}",
                    p.line
                );
                assert!(
                    !p.message.trim().is_empty(),
                    "a problem without a message on line {}",
                    p.line
                );
            }
            assert!(
                problems.windows(2).all(|w| w[0].line <= w[1].line),
                "problems out of order"
            );
        }
    }

    let figures = essay::figures(text);
    for (i, figure) in figures.iter().enumerate() {
        assert_eq!(figure.number, i + 1, "figures numbered out of order: {figures:?}");
        assert!(
            figure.line >= 1 && figure.line <= lines + 1,
            "a figure on line {}",
            figure.line
        );
        let key = figure.key.to_string();
        assert_eq!(
            essay::FigureKey::parse(&key).as_ref(),
            Ok(&figure.key),
            "the figure key nmp:{key} does not read back"
        );
        assert!(
            figure.caption == figure.caption.split_whitespace().collect::<Vec<_>>().join(" "),
            "a caption with spaces not collapsed: {:?}",
            figure.caption
        );
    }
    assert!(
        figures.windows(2).all(|w| w[0].line <= w[1].line),
        "figures out of the text's order"
    );

    let resolver = Everything;
    let html = essay::to_html(text, &resolver);
    if let Err(why) = check_html(&html) {
        panic!("the essay's HTML is unsafe: {why}\n{html}");
    }
    let options = HtmlOptions {
        notes_heading: "Notes <synthetic> & \"more\"".into(),
        figure_label: "Figure's".into(),
    };
    let translated = essay::to_html_with(text, &resolver, &options);
    if let Err(why) = check_html(&translated) {
        panic!("the essay's HTML with options is unsafe: {why}\n{translated}");
    }
    let typst = essay::to_typst(text, &resolver);
    if let Err(why) = check_typst(&typst) {
        panic!("the essay's Typst markup is not only the writer's: {why}\n{typst}");
    }
    for figure in &figures {
        let n = figure.number;
        let (in_html, in_typst) = (html_figure_elements(&html, n), typst_figure_calls(&typst, n));
        if result.is_ok() {
            assert_eq!(
                (in_html, in_typst),
                (1, 1),
                "figure {n} placed other than once (HTML, Typst)"
            );
        } else {
            assert!(
                in_html <= 1 && in_typst <= 1,
                "figure {n} placed twice (HTML {in_html}, Typst {in_typst})"
            );
        }
    }
    assert_eq!(
        html_figure_elements(&html, figures.len() + 1),
        0,
        "a figure that figures does not list"
    );
    assert_eq!(
        typst_figure_calls(&typst, figures.len() + 1),
        0,
        "a figure that figures does not list"
    );

    let plain = essay::plain_text(text);
    for block in plain.split("\n\n").filter(|_| !plain.is_empty()) {
        assert!(
            !block.is_empty() && block == block.split_whitespace().collect::<Vec<_>>().join(" "),
            "a block of the plain text that is empty or has spaces not collapsed: {block:?}"
        );
    }
    let words = plain
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    assert_eq!(
        essay::word_count(text),
        words,
        "word_count differs from the words of plain_text"
    );

    match result {
        Ok(_) => Outcome::Accepted,
        Err(problems) => refused(&problems[0]),
    }
}

/// `essay_docx`: an essay's Word file through `nmp_essay::docx::to_markdown`, what the essay
/// editor runs on an upload. An input with marks (see [`container`]) is the package's parts,
/// stored uncompressed with correct checksums by the target so that a mutation of the XML reaches
/// the XML reader; any other input is the file itself. A file that does not start like a ZIP
/// archive is refused as not a Word document. The Markdown of a converted file ends with one
/// line break (or is empty), holds no raw HTML, no image and no link other than `http(s):` and
/// `mailto:` (Word's text is escaped), reads through `references` and renders as safe HTML.
pub fn essay_docx(data: &[u8]) -> Outcome {
    let bytes = if data.starts_with(container::MARK) {
        container::zip_stored(&container::split(data, DOCX_DEFAULT))
    } else {
        data.to_vec()
    };
    match essay_docx_conversion::to_markdown(&bytes) {
        Ok(converted) => {
            let md = &converted.markdown;
            assert!(
                md.is_empty() || (md.ends_with('\n') && !md.ends_with("\n\n")),
                "converted Markdown that does not end with one line break: {md:?}"
            );
            assert!(
                converted.warnings.iter().all(|w| !w.trim().is_empty()),
                "an empty warning"
            );
            check_converted_markdown(md);
            // Whatever the author typed: its problems are reported, never a panic.
            if let Err(problems) = essay::references(md) {
                assert!(problems.iter().all(|p| p.line >= 1 && !p.message.is_empty()));
            }
            let html = essay::to_html(md, &Everything);
            if let Err(why) = check_html(&html) {
                panic!("the HTML of a converted Word file is unsafe: {why}\n{md}\n{html}");
            }
            let typst = essay::to_typst(md, &Everything);
            if let Err(why) = check_typst(&typst) {
                panic!("the Typst markup of a converted Word file is not only the writer's: {why}\n{typst}");
            }
            Outcome::Accepted
        }
        Err(e) => {
            if !bytes.starts_with(b"PK\x03\x04") {
                assert!(
                    matches!(e, DocxError::NotDocx(_)),
                    "a file that is no ZIP archive refused as {e:?}"
                );
            }
            refused(e)
        }
    }
}

/// What the Markdown of a converted Word file may hold: no raw HTML, no image, only links to
/// `http(s):` and `mailto:` addresses.
fn check_converted_markdown(md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("raw HTML {html:?} in the Markdown of a Word file:\n{md}")
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("an image ({dest_url}) in the Markdown of a Word file:\n{md}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let lower = dest_url.to_ascii_lowercase();
                assert!(
                    ["http://", "https://", "mailto:"].iter().any(|s| lower.starts_with(s)),
                    "a link to {dest_url:?} in the Markdown of a Word file:\n{md}"
                );
            }
            _ => {}
        }
    }
}
