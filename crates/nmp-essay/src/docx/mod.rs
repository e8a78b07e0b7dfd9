//! A Word document (`.docx`) turned into the essay's Markdown (CommonMark with footnotes), which
//! is then treated exactly as if the author had typed it. Pure: bytes in, text out.
//!
//! The package is checked first by [`nmp_core::upload::package::check`] ("zip bombs", archives
//! inside, damaged ZIP records), each part is read up to [`MAX_PART_BYTES`], and the XML is
//! parsed by `roxmltree` (no DTDs, so no entity expansion). What is converted:
//!
//! - body paragraphs in order; a paragraph style named "Title" is a `#` heading, "heading N"
//!   one of N hashes (at most 6), a style or paragraph with outline level L one of L + 1;
//!   "Quote" and "Intense Quote" are block quotes (styles resolved through `styles.xml`, their
//!   `basedOn` chain, and Word's built-in ids when there is no `styles.xml`);
//! - bold, italic and strikethrough (direct or from a character style) as `**`, `*`, `~~`,
//!   adjacent runs of the same formatting merged and spaces kept outside the markers; tabs
//!   become spaces, line breaks hard breaks (`\` at the line's end), symbols are left out;
//! - hyperlinks to `http`, `https` and `mailto` addresses as `[text](url)`; other links
//!   (bookmarks inside the document, files) as their text;
//! - numbered paragraphs as list items, `- ` or `1. ` as `numbering.xml` says, nested by
//!   level under their parent item's text;
//! - footnotes and endnotes as `[^n]`, numbered from 1 in the order the text refers to them,
//!   their text at the end (`[^n]: ...`, later paragraphs indented by four spaces);
//! - tables as GFM pipe tables (the first row the header, a cell's paragraphs joined); a table
//!   inside a table as its text, with a warning;
//! - images, drawings, text boxes and embedded objects are left out, with one warning.
//!
//! Word's text is escaped so that it never becomes Markdown syntax or raw HTML by accident
//! (`*not bold*`, `<script>`, `# `, `1. ` at a line's start, `&amp;`), with one exception:
//! citations typed in Word, `[@source-slug, p. 4]`, `[@mechanism:slug]`, `[@a; @b]`, are kept
//! as typed, since that is what an author who types them means. Their keys are made of
//! `A-Z a-z 0-9 : . _ / -`, and a locator after `, ` may not hold brackets or the characters
//! that make Markdown or HTML (`<`, `>`, `*`, `_`, a backtick, `\`, `&`, `|`); anything else in brackets is escaped.
//! A citation that Word splits into runs of different formatting is escaped too.

mod blocks;
mod inline;
mod parts;

use std::io::{Cursor, Read};

use nmp_core::upload::package::{self, Package, PackageProblem};

/// The largest size, in bytes, that one part of the package is read to (50 MiB).
pub const MAX_PART_BYTES: u64 = 50 * 1024 * 1024;

/// A converted document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    /// The Markdown: blocks separated by one blank line, footnotes at the end, ending with a
    /// single newline (empty when the document holds no text).
    pub markdown: String,
    /// What was left out or changed, for the author, such as "an image was left out (images
    /// are not taken from Word files; add figures with the editor)".
    pub warnings: Vec<String>,
}

/// Why a file could not be converted; the text says what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocxError {
    /// Not a Word document at all (not a ZIP package, or no `word/document.xml` in it).
    #[error("this file is not a Word document (.docx): {0}; save it from Word as .docx and upload it again")]
    NotDocx(String),
    /// A package refused for safety ("zip bomb", archive inside, encryption).
    #[error("this Word document was refused: {0}")]
    Refused(String),
    /// A part of the document that cannot be read (damaged XML, too large, not UTF-8).
    #[error("this Word document is damaged: its part {part} {why}; open it in Word, save it again and upload it again")]
    Damaged {
        /// The part's name in the package (`word/document.xml`).
        part: String,
        /// What is wrong with it.
        why: String,
    },
}

/// Converts a Word document to Markdown; see the module's text for what is converted.
pub fn to_markdown(bytes: &[u8]) -> Result<Converted, DocxError> {
    package::check(bytes, Package::Docx).map_err(|p| match p {
        PackageProblem::Damaged(_) | PackageProblem::NotThePackage(_) => DocxError::NotDocx(p.to_string()),
        p => DocxError::Refused(p.to_string()),
    })?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| DocxError::NotDocx(format!("its ZIP structure cannot be read ({e})")))?;

    let document_xml = read_part(&mut archive, "word/document.xml")?
        .ok_or_else(|| DocxError::NotDocx("it has no word/document.xml".to_owned()))?;
    let document = parse("word/document.xml", &document_xml)?;
    let rels = match read_part(&mut archive, "word/_rels/document.xml.rels")? {
        Some(xml) => parts::Rels::read(&parse("word/_rels/document.xml.rels", &xml)?),
        None => parts::Rels::default(),
    };
    let optional = |archive: &mut zip::ZipArchive<Cursor<&[u8]>>, kind: &str| -> Result<_, DocxError> {
        let name = rels.part(kind);
        Ok(read_part(archive, &name)?.map(|xml| (name, xml)))
    };
    let styles_xml = optional(&mut archive, "styles")?;
    let numbering_xml = optional(&mut archive, "numbering")?;
    let footnotes_xml = optional(&mut archive, "footnotes")?;
    let endnotes_xml = optional(&mut archive, "endnotes")?;

    let styles = match &styles_xml {
        Some((name, xml)) => parts::Styles::read(&parse(name, xml)?),
        None => parts::Styles::default(),
    };
    let numbering = match &numbering_xml {
        Some((name, xml)) => parts::Numbering::read(&parse(name, xml)?),
        None => parts::Numbering::default(),
    };
    let footnotes = footnotes_xml.as_ref().map(|(n, x)| parse(n, x)).transpose()?;
    let endnotes = endnotes_xml.as_ref().map(|(n, x)| parse(n, x)).transpose()?;

    let (markdown, warnings) = blocks::convert(&blocks::Parts {
        document: &document,
        rels: &rels,
        styles: &styles,
        numbering: &numbering,
        footnotes: footnotes.as_ref(),
        endnotes: endnotes.as_ref(),
    });
    Ok(Converted { markdown, warnings })
}

/// The text of part `name`, or `None` when the package has no such part; at most
/// [`MAX_PART_BYTES`] are read.
fn read_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, DocxError> {
    let damaged = |why: String| DocxError::Damaged {
        part: name.to_owned(),
        why,
    };
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(format!("cannot be read ({e})"))),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(format!("cannot be read ({e})")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(damaged(format!(
            "is larger than {} MiB",
            MAX_PART_BYTES / (1024 * 1024)
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|e| damaged(format!("is not UTF-8 text (at byte {})", e.utf8_error().valid_up_to())))
}

/// The deepest nesting of elements accepted in a part (Word's documents stay under 40 levels;
/// the conversion walks the tree recursively, so a deeper one could exhaust the stack).
pub const MAX_XML_DEPTH: usize = 256;

/// Parses part `name`'s XML, naming the line and column of what is wrong, and refuses
/// elements nested deeper than [`MAX_XML_DEPTH`] (`roxmltree` parses without recursion but
/// does not limit nesting; DTDs, and so entity expansion, it refuses).
fn parse<'input>(name: &str, xml: &'input str) -> Result<roxmltree::Document<'input>, DocxError> {
    let damaged = |why: String| DocxError::Damaged {
        part: name.to_owned(),
        why,
    };
    let doc = roxmltree::Document::parse(xml).map_err(|e| damaged(format!("is not well-formed XML ({e})")))?;
    // Nodes come in document order, each after its parent: one pass gives every depth.
    let mut depths = vec![0usize; doc.descendants().count()];
    for node in doc.descendants() {
        let depth = node
            .parent()
            .map_or(0, |p| depths.get(p.id().get_usize()).copied().unwrap_or(0) + 1);
        if depth > MAX_XML_DEPTH {
            return Err(damaged(format!("nests elements more than {MAX_XML_DEPTH} levels deep")));
        }
        if let Some(d) = depths.get_mut(node.id().get_usize()) {
            *d = depth;
        }
    }
    Ok(doc)
}
