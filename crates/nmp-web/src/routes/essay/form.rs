//! Reading the author's form (`multipart/form-data`, because it can carry a Word file) within
//! limits as it streams in, over [`crate::upload`]: the CSRF field first, checked before any
//! file is read; text fields up to [`MAX_TEXT_BYTES`]; the Word file up to [`MAX_DOCX_BYTES`]
//! in a temporary file. What is over a limit is refused with a message naming the field, and
//! nothing is written.

use axum::extract::Multipart;
use axum::http::HeaderMap;

use crate::auth::{CurrentUser, check_csrf};
use crate::upload::{Part, declared_over, spool, text};

/// The most a text field may hold (the essay's text included), in bytes.
pub(crate) const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// The largest Word file, in bytes.
pub(crate) const MAX_DOCX_BYTES: usize = 10 * 1024 * 1024;
/// The largest request: the Word file and the text fields.
pub(crate) const MAX_BODY_BYTES: usize = MAX_DOCX_BYTES + 4 * MAX_TEXT_BYTES;

/// The form as read.
#[derive(Default)]
pub(crate) struct Posted {
    /// The text fields, in order.
    pub fields: Vec<(String, String)>,
    /// The Word file's name and bytes, when one was chosen.
    pub docx: Option<(String, Vec<u8>)>,
}

impl Posted {
    /// A field's value (the first), or "".
    pub(crate) fn text(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Why the form was not read.
pub(crate) enum Refused {
    /// The CSRF check failed or came after the file.
    Csrf,
    /// Too large or broken: the message.
    Page(String),
}

/// Reads the form; see the module's text.
pub(crate) async fn read(headers: &HeaderMap, user: &CurrentUser, mut multipart: Multipart) -> Result<Posted, Refused> {
    if let Some(n) = declared_over(headers, MAX_BODY_BYTES) {
        return Err(Refused::Page(format!(
            "what was sent ({} MB) is larger than this form takes ({} MB)",
            n.div_ceil(1024 * 1024),
            MAX_BODY_BYTES / 1024 / 1024
        )));
    }
    let mut posted = Posted::default();
    let mut csrf_checked = false;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(Refused::Page(format!("the form could not be read ({})", e.body_text()))),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "docx" {
            if !csrf_checked {
                return Err(Refused::Csrf);
            }
            let file_name = field.file_name().unwrap_or_default().to_string();
            match spool(&mut field, MAX_DOCX_BYTES, MAX_BODY_BYTES).await {
                Ok(Part::Kept(spooled)) if spooled.len > 0 => {
                    let bytes = spooled.bytes().await.map_err(|e| Refused::Page(e.text))?;
                    posted.docx = Some((file_name, bytes));
                }
                Ok(Part::Kept(_)) => {}
                Ok(Part::Over(n)) => {
                    return Err(Refused::Page(format!(
                        "{file_name}: the Word file is {} MB; at most {} MB",
                        n.div_ceil(1024 * 1024),
                        MAX_DOCX_BYTES / 1024 / 1024
                    )));
                }
                Err(e) => return Err(Refused::Page(e.text)),
            }
            continue;
        }
        match text(&mut field, MAX_TEXT_BYTES, MAX_BODY_BYTES).await {
            Ok(Part::Kept(value)) => {
                if name == "csrf" {
                    check_csrf(headers, user, Some(&value)).map_err(|_| Refused::Csrf)?;
                    csrf_checked = true;
                } else {
                    posted.fields.push((name, value));
                }
            }
            Ok(Part::Over(n)) => {
                return Err(Refused::Page(format!(
                    "{name}: {} KB of text; at most {} KB",
                    n.div_ceil(1024),
                    MAX_TEXT_BYTES / 1024
                )));
            }
            Err(e) => return Err(Refused::Page(e.text)),
        }
    }
    if !csrf_checked {
        return Err(Refused::Csrf);
    }
    Ok(posted)
}
