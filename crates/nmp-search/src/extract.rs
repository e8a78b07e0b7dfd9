//! The text of a document, from its bytes: PDF page by page (pdf-extract, over lopdf), DOCX and
//! ODT from their XML parts (zip + roxmltree), HTML without its tags, plain text as it is. A file
//! whose text cannot be read (a scanned PDF holding only images, an encrypted or damaged file, a
//! kind without text) gives the reason instead, said so that staff can act on it.

use std::io::Read;

/// The longest text kept from one document (characters): beyond it the rest is not indexed.
pub const MAX_TEXT_CHARS: usize = 2_000_000;

/// What was read from a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extracted {
    /// Its text, one entry per page (one entry for kinds without pages).
    Pages(Vec<String>),
    /// Why there is no text.
    Missing(String),
}

impl Extracted {
    /// The reason the text is missing, if it is.
    pub fn missing(&self) -> Option<&str> {
        match self {
            Extracted::Missing(why) => Some(why),
            Extracted::Pages(_) => None,
        }
    }
}

/// Reads the text of a document named `file_name` of media type `content_type`.
pub fn extract(file_name: &str, content_type: &str, bytes: &[u8]) -> Extracted {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let pages = match (content_type, extension.as_str()) {
        ("application/pdf", _) | (_, "pdf") => pdf(bytes),
        (_, "docx") => office(bytes, "word/document.xml", "p"),
        (_, "odt") => office(bytes, "content.xml", "p"),
        ("text/html", _) | (_, "html" | "htm") => text(bytes).map(|t| vec![strip_tags(&t)]),
        ("text/plain", _) | (_, "txt" | "csv" | "md") => text(bytes).map(|t| vec![t]),
        _ => Err(format!("a file of type {content_type} holds no text this index reads")),
    };
    match pages {
        Err(why) => Extracted::Missing(why),
        Ok(pages) if pages.iter().all(|p| p.trim().is_empty()) => {
            Extracted::Missing("no text could be read from it: it may be a scanned document holding only images".into())
        }
        Ok(pages) => Extracted::Pages(limit(pages)),
    }
}

fn limit(pages: Vec<String>) -> Vec<String> {
    let mut left = MAX_TEXT_CHARS;
    pages
        .into_iter()
        .map(|p| {
            let kept: String = p.chars().take(left).collect();
            left -= kept.chars().count();
            kept
        })
        .collect()
}

fn text(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|_| "its text is not UTF-8".to_string())
}

/// PDF text page by page. pdf-extract can panic on malformed files; such a file is refused as
/// damaged rather than taking the indexer down.
fn pdf(bytes: &[u8]) -> Result<Vec<String>, String> {
    let owned = bytes.to_vec();
    let run = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem_by_pages(&owned));
    match run {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(e)) => Err(pdf_reason(&e.to_string())),
        Err(_) => Err("the PDF is damaged: its text could not be read".into()),
    }
}

fn pdf_reason(error: &str) -> String {
    let lower = error.to_ascii_lowercase();
    if lower.contains("decrypt") || lower.contains("encrypt") || lower.contains("password") {
        "the PDF is encrypted: its text cannot be read without the password".into()
    } else {
        format!("the PDF is damaged or not a PDF: {error}")
    }
}

/// The paragraphs (`<w:p>`, `<text:p>`) of an OOXML or OpenDocument file's main XML part.
fn office(bytes: &[u8], part: &str, paragraph: &str) -> Result<Vec<String>, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("the file is damaged: it is not a readable ZIP package ({e})"))?;
    let mut xml = String::new();
    archive
        .by_name(part)
        .map_err(|_| format!("the file is damaged: it has no {part}"))?
        .take(64 * 1024 * 1024)
        .read_to_string(&mut xml)
        .map_err(|e| format!("the file is damaged: {part} cannot be read ({e})"))?;
    let doc = roxmltree::Document::parse(&xml).map_err(|e| format!("the file is damaged: {part}: {e}"))?;
    let mut out = String::new();
    for node in doc.descendants().filter(|n| n.tag_name().name() == paragraph) {
        for t in node.descendants().filter(|n| n.is_text()) {
            out.push_str(t.text().unwrap_or_default());
        }
        out.push('\n');
    }
    Ok(vec![out])
}

/// HTML without its tags, scripts and styles (entities are left as written).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let lower: String = after.chars().take(8).collect::<String>().to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            after.to_ascii_lowercase().find("</script>").map(|i| i + 9)
        } else if lower.starts_with("<style") {
            after.to_ascii_lowercase().find("</style>").map(|i| i + 8)
        } else {
            after.find('>').map(|i| i + 1)
        };
        match skip_to {
            Some(n) => {
                out.push(' ');
                rest = &after[n..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_and_html_are_read() {
        assert_eq!(
            extract("a.txt", "text/plain", b"synthetic words"),
            Extracted::Pages(vec!["synthetic words".into()])
        );
        let Extracted::Pages(p) = extract(
            "a.html",
            "text/html",
            b"<p>synthetic <b>bold</b></p><script>var x = 1;</script>tail",
        ) else {
            panic!("html is read")
        };
        assert!(p[0].contains("synthetic") && p[0].contains("bold") && p[0].contains("tail"));
        assert!(!p[0].contains("var x"), "{p:?}");
    }

    #[test]
    fn damaged_and_textless_files_say_why() {
        let why = extract("a.pdf", "application/pdf", b"%PDF-1.4 not really")
            .missing()
            .map(str::to_string);
        assert!(why.unwrap().contains("damaged"));
        let why = extract("a.docx", "application/octet-stream", b"PK not a zip")
            .missing()
            .map(str::to_string);
        assert!(why.unwrap().contains("not a readable ZIP"));
        assert!(
            extract("a.txt", "text/plain", b"  \n ")
                .missing()
                .unwrap()
                .contains("no text")
        );
        assert!(
            extract("a.png", "image/png", b"\x89PNG")
                .missing()
                .unwrap()
                .contains("image/png")
        );
    }
}

#[cfg(test)]
mod pdf_tests {
    use super::*;
    use crate::testing::pdf_with_pages;

    #[test]
    fn a_pdf_is_read_page_by_page() {
        let pdf = pdf_with_pages(&["First page (synthetic)", "Second page", "The early warning phrase"]);
        let Extracted::Pages(pages) = extract("report.pdf", "application/pdf", &pdf) else {
            panic!("the synthetic PDF is read")
        };
        assert_eq!(pages.len(), 3);
        assert!(pages[2].contains("early warning phrase"), "{pages:?}");
        assert!(!pages[0].contains("early warning"), "{pages:?}");
    }

    #[test]
    fn an_image_only_pdf_says_so() {
        let pdf = pdf_with_pages(&["", ""]);
        assert!(
            extract("scan.pdf", "application/pdf", &pdf)
                .missing()
                .unwrap()
                .contains("scanned")
        );
    }
}
