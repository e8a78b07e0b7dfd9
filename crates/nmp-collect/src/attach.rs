//! Documents a respondent attaches to a response (the founding instrument, a report): the
//! questionnaire's `file` questions. Each file is checked before anything is stored: its size
//! ([`MAX_FILE_BYTES`]), its type and content ([`nmp_core::upload::check`]: one of
//! [`ALLOWED`] by extension, bytes that are what the extension says, and for DOCX/XLSX/ODT a
//! package that is not a "zip bomb" and carries no archive), the number of files a response may
//! hold ([`MAX_FILES`]) and their size together ([`MAX_RESPONSE_BYTES`]). [`Budget`] is what a
//! response can still take, for the web server to enforce while it reads a request, before any
//! file is held. Accepted files are stored in the database (`attachment`), so every web instance
//! on one database can serve them; staff download them from the response's page and from the
//! proposals it led to.

use nmp_store::entity::attachment;
use nmp_store::{AttachmentSummary, Store};

pub use nmp_core::upload::{ALLOWED, allowed_list};

use crate::CollectError;

/// The largest file accepted, in bytes (10 MB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The most files one response may hold.
pub const MAX_FILES: usize = 10;
/// The most bytes the files of one response may take together (50 MB).
pub const MAX_RESPONSE_BYTES: usize = 50 * 1024 * 1024;
/// The longest file name kept, in characters.
const MAX_NAME_CHARS: usize = 200;

/// The `accept` attribute of the form's file input.
pub fn accept_attribute() -> String {
    ALLOWED
        .iter()
        .flat_map(|k| k.extensions.iter().map(|e| format!(".{e}")))
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

/// The name a message calls a file by.
fn shown(file_name: &str) -> String {
    let name = clean_name(file_name);
    if name.is_empty() { "The file".to_string() } else { name }
}

/// The message of a file over [`MAX_FILE_BYTES`].
pub fn too_large(file_name: &str) -> String {
    format!(
        "{} is larger than {}, the most a file may be; please send a smaller file or a link to it",
        shown(file_name),
        size_text(MAX_FILE_BYTES)
    )
}

/// The message of a file that would make a response hold more than [`MAX_FILES`].
pub fn too_many(file_name: &str) -> String {
    format!(
        "{} was not attached: a response may hold at most {MAX_FILES} files; remove one first",
        shown(file_name)
    )
}

/// The message of a file that would take a response's files over [`MAX_RESPONSE_BYTES`].
pub fn over_total(file_name: &str, held: usize) -> String {
    format!(
        "{} was not attached: the files of a response may take at most {} together, and it holds {}; remove one first, or send a link to it",
        shown(file_name),
        size_text(MAX_RESPONSE_BYTES),
        size_text(held)
    )
}

/// What a response can still take while a request is read: its files (those being removed left
/// out) and the files read so far. Pure, so that the web server asks it before it reads a file's
/// bytes ([`Budget::refuse_file`]), while it reads them ([`Budget::room`]) and once it has
/// ([`Budget::refuse_size`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    /// Files held, counting those taken with this request.
    pub files: usize,
    /// Their bytes.
    pub bytes: usize,
}

impl Budget {
    /// The budget of a response holding `held`, of which `removing` (attachment ids) go.
    pub fn of(held: &[Info], removing: &[i32]) -> Budget {
        held.iter()
            .filter(|a| !removing.contains(&a.attachment_id))
            .fold(Budget::default(), |b, a| Budget {
                files: b.files + 1,
                bytes: b.bytes + a.size_bytes.max(0) as usize,
            })
    }

    /// Whether a file named `file_name` may be read at all: `Err` when the response already
    /// holds [`MAX_FILES`], or [`MAX_RESPONSE_BYTES`].
    pub fn refuse_file(&self, file_name: &str) -> Result<(), String> {
        if self.files >= MAX_FILES {
            return Err(too_many(file_name));
        }
        if self.bytes >= MAX_RESPONSE_BYTES {
            return Err(over_total(file_name, self.bytes));
        }
        Ok(())
    }

    /// The most bytes the next file may have: [`MAX_FILE_BYTES`], or what is left of
    /// [`MAX_RESPONSE_BYTES`].
    pub fn room(&self) -> usize {
        MAX_FILE_BYTES.min(MAX_RESPONSE_BYTES.saturating_sub(self.bytes))
    }

    /// Takes a file of `size` bytes, or says why it cannot be taken.
    pub fn refuse_size(&mut self, file_name: &str, size: usize) -> Result<(), String> {
        if size > MAX_FILE_BYTES {
            return Err(too_large(file_name));
        }
        if self.bytes + size > MAX_RESPONSE_BYTES {
            return Err(over_total(file_name, self.bytes));
        }
        self.files += 1;
        self.bytes += size;
        Ok(())
    }
}

/// Checks one uploaded file; `Err` is the message shown beside its question.
pub fn check(upload: &Upload) -> Result<Checked, String> {
    let name = clean_name(&upload.file_name);
    if upload.truncated || upload.bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(&upload.file_name));
    }
    let kind = nmp_core::upload::check(&shown(&upload.file_name), &upload.bytes).map_err(|p| p.to_string())?;
    Ok(Checked {
        file_name: name,
        content_type: kind.media_type,
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
        let fake = [b"PK\x03\x04".as_slice(), b"....word/document.xml"].concat();
        let e = check(&up("a.docx", &fake)).unwrap_err();
        assert!(
            e.starts_with("a.docx was refused as Word (DOCX): its ZIP structure is damaged"),
            "{e}"
        );
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
    fn a_budget_counts_what_the_response_holds_and_what_the_request_brings() {
        let held: Vec<Info> = (0..9)
            .map(|i| {
                Info(AttachmentSummary {
                    attachment_id: i,
                    invitation_id: 1,
                    question_key: "documents".into(),
                    file_name: format!("f{i}.pdf"),
                    content_type: "application/pdf".into(),
                    size_bytes: 5 * 1024 * 1024,
                    sha256: String::new(),
                })
            })
            .collect();
        let mut budget = Budget::of(&held, &[]);
        assert_eq!(
            budget,
            Budget {
                files: 9,
                bytes: 45 * 1024 * 1024
            }
        );
        assert!(budget.refuse_file("a.pdf").is_ok());
        assert_eq!(budget.room(), 5 * 1024 * 1024, "what is left of 50 MB");
        let e = budget.refuse_size("a.pdf", 6 * 1024 * 1024).unwrap_err();
        assert_eq!(
            e,
            "a.pdf was not attached: the files of a response may take at most 50.0 MB together, and it holds 45.0 MB; remove one first, or send a link to it"
        );
        budget.refuse_size("a.pdf", 1024).unwrap();
        assert_eq!(
            budget.refuse_file("b.pdf").unwrap_err(),
            "b.pdf was not attached: a response may hold at most 10 files; remove one first"
        );
        // Removing two files frees their room.
        let budget = Budget::of(&held, &[0, 1]);
        assert_eq!(budget.files, 7);
        assert_eq!(budget.room(), MAX_FILE_BYTES);
        let full = Budget {
            files: 1,
            bytes: MAX_RESPONSE_BYTES,
        };
        assert!(
            full.refuse_file("c.pdf")
                .unwrap_err()
                .contains("at most 50.0 MB together")
        );
        let mut empty = Budget::default();
        assert!(
            empty
                .refuse_size("big.pdf", MAX_FILE_BYTES + 1)
                .unwrap_err()
                .contains("larger than 10.0 MB")
        );
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
