//! Documents a respondent attaches to a response (the founding instrument, a report): the
//! questionnaire's `file` questions. Each file is checked before anything is stored: its size
//! ([`MAX_FILE_BYTES`]), its type (one of [`ALLOWED`], by extension, and the bytes must be what
//! the extension says: a PDF starts `%PDF-`, a DOCX is a zip holding `word/`, a text file is UTF-8,
//! ...), and the number of files a response may hold ([`MAX_FILES`]). Accepted files are stored in
//! the database (`attachment`), so every web instance on one database can serve them; staff
//! download them from the response's page and from the proposals it led to.

use nmp_store::entity::attachment;
use nmp_store::{AttachmentSummary, Store};

use crate::CollectError;

/// The largest file accepted, in bytes (10 MB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The most files one response may hold.
pub const MAX_FILES: usize = 10;
/// The longest file name kept, in characters.
const MAX_NAME_CHARS: usize = 200;

/// The accepted kinds of file: extensions, media type, and what people call them.
pub const ALLOWED: &[(&[&str], &str, &str)] = &[
    (&["pdf"], "application/pdf", "PDF"),
    (&["doc"], "application/msword", "Word 97-2003 (DOC)"),
    (
        &["docx"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (DOCX)",
    ),
    (
        &["odt"],
        "application/vnd.oasis.opendocument.text",
        "OpenDocument text (ODT)",
    ),
    (
        &["xlsx"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel (XLSX)",
    ),
    (&["csv"], "text/csv", "CSV"),
    (&["txt"], "text/plain", "plain text (TXT)"),
    (&["png"], "image/png", "PNG"),
    (&["jpg", "jpeg"], "image/jpeg", "JPEG"),
];

/// The accepted kinds, for the form's help text: "PDF, DOC, DOCX, ...".
pub fn allowed_list() -> String {
    ALLOWED
        .iter()
        .flat_map(|(exts, _, _)| exts.iter().map(|e| e.to_uppercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `accept` attribute of the form's file input.
pub fn accept_attribute() -> String {
    ALLOWED
        .iter()
        .flat_map(|(exts, _, _)| exts.iter().map(|e| format!(".{e}")))
        .collect::<Vec<_>>()
        .join(",")
}

/// A file as uploaded, not yet checked.
#[derive(Clone, Debug)]
pub struct Upload {
    /// The `file` question it answers.
    pub question_key: String,
    /// The name the browser sent.
    pub file_name: String,
    /// The bytes (at most [`MAX_FILE_BYTES`] + 1 when the reader stopped early).
    pub bytes: Vec<u8>,
    /// Whether the reader stopped reading because the file was larger than [`MAX_FILE_BYTES`].
    pub truncated: bool,
}

/// A checked file, ready to store.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The file name without any folder.
    pub file_name: String,
    /// Its media type.
    pub content_type: &'static str,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
}

/// An attachment without its bytes, for lists: the store's summary, with its size for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Info(pub AttachmentSummary);

impl std::ops::Deref for Info {
    type Target = AttachmentSummary;

    fn deref(&self) -> &AttachmentSummary {
        &self.0
    }
}

impl Info {
    /// The size for people: `512 bytes`, `14 KB`, `2.5 MB`.
    pub fn size_text(&self) -> String {
        size_text(self.size_bytes.max(0) as usize)
    }
}

/// A size for people.
pub fn size_text(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The file name without any folder a browser may send (`C:\fakepath\a.pdf` → `a.pdf`), without
/// control characters, at most 200 characters (the extension kept).
pub fn clean_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let text: String = base.chars().filter(|c| !c.is_control()).collect();
    let text = text.trim().to_string();
    if text.chars().count() <= MAX_NAME_CHARS {
        return text;
    }
    let (stem, ext) = match text.rsplit_once('.') {
        Some((s, e)) if e.chars().count() <= 10 => (s.to_string(), format!(".{e}")),
        _ => (text.clone(), String::new()),
    };
    let keep = MAX_NAME_CHARS - ext.chars().count();
    format!("{}{ext}", stem.chars().take(keep).collect::<String>())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];

/// Whether `bytes` are what a file with extension `ext` should hold (cheap checks of the first
/// bytes, and for the zip-based formats of the names inside).
fn content_matches(ext: &str, bytes: &[u8]) -> bool {
    match ext {
        "pdf" => bytes.starts_with(b"%PDF-"),
        "doc" => bytes.starts_with(OLE),
        "docx" => bytes.starts_with(ZIP) && contains(bytes, b"word/"),
        "xlsx" => bytes.starts_with(ZIP) && contains(bytes, b"xl/"),
        "odt" => bytes.starts_with(ZIP) && contains(bytes, b"application/vnd.oasis.opendocument.text"),
        "png" => bytes.starts_with(PNG),
        "jpg" | "jpeg" => bytes.starts_with(JPEG),
        "csv" | "txt" => {
            let binary = [b"%PDF-".as_slice(), ZIP, OLE, PNG, JPEG]
                .iter()
                .any(|m| bytes.starts_with(m));
            !binary && !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
        }
        _ => false,
    }
}

/// Checks one uploaded file; `Err` is the message shown beside its question.
pub fn check(upload: &Upload) -> Result<Checked, String> {
    let name = clean_name(&upload.file_name);
    let shown = if name.is_empty() {
        "The file".to_string()
    } else {
        name.clone()
    };
    if upload.truncated || upload.bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{shown} is larger than {}, the most a file may be; please send a smaller file or a link to it",
            size_text(MAX_FILE_BYTES)
        ));
    }
    if upload.bytes.is_empty() {
        return Err(format!("{shown} is empty"));
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let Some((_, content_type, label)) = ALLOWED.iter().find(|(exts, _, _)| exts.contains(&ext.as_str())) else {
        return Err(format!(
            "{shown}: this kind of file is not accepted; please send one of {}",
            allowed_list()
        ));
    };
    if !content_matches(&ext, &upload.bytes) {
        return Err(format!(
            "{shown} is named as {label} but its content is not {label}; please check the file, or save it in one of {}",
            allowed_list()
        ));
    }
    Ok(Checked {
        file_name: name,
        content_type,
        sha256: nmp_core::sha256_hex(&upload.bytes),
    })
}

/// The attachments of an invitation's response, oldest first, without their bytes.
pub async fn list(store: &Store, invitation_id: i32) -> Result<Vec<Info>, CollectError> {
    list_where(store, &[invitation_id]).await
}

async fn list_where(store: &Store, invitation_ids: &[i32]) -> Result<Vec<Info>, CollectError> {
    Ok(store
        .attachment_summaries(invitation_ids)
        .await?
        .into_iter()
        .map(Info)
        .collect())
}

/// One attachment with its bytes, for a download.
pub async fn get(store: &Store, attachment_id: i32) -> Result<Option<attachment::Model>, CollectError> {
    Ok(store.get::<attachment::Entity>(attachment_id).await?)
}

/// Every attachment of a questionnaire's responses, by invitation (for the export).
pub async fn by_invitation(
    store: &Store,
    invitation_ids: &[i32],
) -> Result<std::collections::BTreeMap<i32, Vec<Info>>, CollectError> {
    let mut out: std::collections::BTreeMap<i32, Vec<Info>> = std::collections::BTreeMap::new();
    // A questionnaire has at most some hundreds of invitations: one `IN` list.
    let files = list_where(store, invitation_ids).await?;
    for f in files {
        out.entry(f.invitation_id).or_default().push(f);
    }
    Ok(out)
}

/// A `Content-Disposition` value that downloads the file under its name: an ASCII fallback in
/// `filename` and the exact name in `filename*` (RFC 6266 / 5987).
pub fn content_disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in file_name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            question_key: "documents".into(),
            file_name: name.into(),
            bytes: bytes.to_vec(),
            truncated: false,
        }
    }

    #[test]
    fn files_must_be_what_their_extension_says() {
        assert_eq!(
            check(&up("decree.pdf", b"%PDF-1.4\n...")).unwrap().content_type,
            "application/pdf"
        );
        assert_eq!(
            check(&up("C:\\fakepath\\Decree.PDF", b"%PDF-1.7")).unwrap().file_name,
            "Decree.PDF"
        );
        assert_eq!(
            check(&up("photo.JPEG", &[0xFF, 0xD8, 0xFF, 0xE0]))
                .unwrap()
                .content_type,
            "image/jpeg"
        );
        assert!(check(&up("notes.txt", "Synthetic notes, été".as_bytes())).is_ok());
        assert!(check(&up("list.csv", b"a,b\n1,2\n")).is_ok());
        let docx = [ZIP, b"....word/document.xml".as_slice()].concat();
        assert!(check(&up("a.docx", &docx)).is_ok());
        assert!(check(&up("a.xlsx", &docx)).is_err(), "a DOCX renamed XLSX");
        let e = check(&up("decree.pdf", b"MZ\x90\x00 not a pdf")).unwrap_err();
        assert!(e.contains("content is not PDF"), "{e}");
        assert!(check(&up("a.txt", b"%PDF-1.4 binary")).is_err(), "a PDF renamed TXT");
        assert!(check(&up("a.txt", &[0x61, 0x00, 0x62])).is_err());
        let e = check(&up("setup.exe", b"MZ")).unwrap_err();
        assert!(e.contains("not accepted") && e.contains("PDF, DOC, DOCX"), "{e}");
        assert!(check(&up("noextension", b"%PDF-")).is_err());
        assert!(check(&up("empty.pdf", b"")).unwrap_err().contains("empty"));
        let big = Upload {
            truncated: true,
            ..up("big.pdf", b"%PDF-")
        };
        assert!(check(&big).unwrap_err().contains("larger than 10.0 MB"));
    }

    #[test]
    fn names_lose_folders_and_control_characters_and_download_safely() {
        assert_eq!(clean_name("/home/x/a\u{7}b.pdf"), "ab.pdf");
        let long = format!("{}.pdf", "n".repeat(300));
        let cleaned = clean_name(&long);
        assert_eq!(cleaned.chars().count(), 200);
        assert!(cleaned.ends_with(".pdf"));
        assert_eq!(
            content_disposition("Décret \"n°1\".pdf"),
            "attachment; filename=\"D_cret _n_1_.pdf\"; filename*=UTF-8''D%C3%A9cret%20%22n%C2%B01%22.pdf"
        );
        assert_eq!(size_text(10 * 1024 * 1024), "10.0 MB");
        assert_eq!(size_text(1500), "2 KB");
    }
}
