//! Uploading a source's archived file from the sources page (`POST /staff/sources/{source}/file`,
//! multipart, editors and administrators): a PDF, HTML or plain-text snapshot of the source, at
//! most [`MAX_FILE_BYTES`], kept with its SHA-256 and replacing any file the source had. The form
//! is read part by part as it arrives ([`crate::upload`]): the CSRF field before the file, the
//! file into a temporary file up to its limit. What the file is, is checked from its bytes
//! ([`kind_of`]; PDF and plain text by `nmp_core::upload::check`); a refused file is named on the
//! page under the field `file`, and nothing is written.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_collect::attach::{clean_name, size_text};
use nmp_store::StoreError;

use super::sources::page;
use super::{Deciders, Problem, render};
use crate::AppState;
use crate::auth::{CurrentUser, Staff, WorkspaceError, check_csrf};
use crate::upload::{Part, Unreadable, declared_over, spool, text};

/// The largest archived file accepted, in bytes (10 MB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The largest request body: the file and the CSRF field.
pub(crate) const MAX_BODY_BYTES: usize = MAX_FILE_BYTES + 64 * 1024;
/// The longest text field.
const MAX_FIELD_BYTES: usize = 1024;

/// What an archived copy may be, for messages and the form.
pub(crate) const KINDS_TEXT: &str = "a PDF (.pdf), an HTML page (.html, .htm) or plain text (.txt)";

/// The media type of an archived file named `file_name` holding `bytes`, or why it is refused.
pub(crate) fn kind_of(file_name: &str, bytes: &[u8]) -> Result<&'static str, String> {
    let shown = if file_name.is_empty() { "The file" } else { file_name };
    if bytes.is_empty() {
        return Err(format!("{shown} is empty: choose a file that holds the archived copy"));
    }
    match nmp_core::upload::extension(file_name).as_str() {
        "pdf" | "txt" => nmp_core::upload::check(file_name, bytes)
            .map(|k| k.media_type)
            .map_err(|p| p.to_string()),
        "html" | "htm" => match std::str::from_utf8(bytes) {
            Ok(t) if !t.contains('\0') => Ok("text/html"),
            _ => Err(format!("{shown} is not an HTML page: it is not UTF-8 text")),
        },
        _ => Err(format!("{shown} is not accepted: an archived copy is {KINDS_TEXT}")),
    }
}

/// Why an upload was not taken.
enum Refusal {
    Csrf,
    /// The status and the problem under the field `file`.
    File(StatusCode, Problem),
}

impl From<Unreadable> for Refusal {
    fn from(e: Unreadable) -> Refusal {
        let text = crate::lang::ta("st-upload-not-read", &[("why", &e.text)]);
        Refusal::File(e.status, Problem::said("file", text))
    }
}

/// The file's name as a message names it ("The file" when it has none).
fn shown_name(file_name: &str) -> String {
    if file_name.is_empty() {
        crate::lang::t("st-the-file")
    } else {
        file_name.to_string()
    }
}

fn too_large(file_name: &str) -> Refusal {
    let text = crate::lang::ta(
        "st-archive-too-large",
        &[("file", &shown_name(file_name)), ("size", &size_text(MAX_FILE_BYTES))],
    );
    Refusal::File(StatusCode::PAYLOAD_TOO_LARGE, Problem::said("file", text))
}

/// [`kind_of`]'s refusal in the request's language, when it is one of its own (a PDF or text
/// file's check is `nmp_core`'s, in English).
fn refusal(file_name: &str, bytes: &[u8], english: String) -> Problem {
    let file = shown_name(file_name);
    let key = if bytes.is_empty() {
        "st-archive-empty"
    } else {
        match nmp_core::upload::extension(file_name).as_str() {
            "html" | "htm" => "st-archive-not-html",
            "pdf" | "txt" => return Problem::store("file", &english),
            _ => "st-archive-not-accepted",
        }
    };
    Problem::said("file", crate::lang::ta(key, &[("file", &file)]))
}

/// Reads the form: the CSRF token, then the file. Returns the file's name and bytes.
async fn read(
    headers: &HeaderMap,
    user: &CurrentUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(String, Vec<u8>), Refusal> {
    let declared = declared_over(headers, MAX_BODY_BYTES);
    let mut multipart = multipart.map_err(|e| {
        let text = crate::lang::ta("st-upload-unreadable", &[("why", &e.body_text())]);
        Refusal::File(StatusCode::BAD_REQUEST, Problem::said("file", text))
    })?;
    let mut csrf_checked = false;
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| Unreadable::body(&e, MAX_BODY_BYTES))?
    {
        match field.name().unwrap_or_default() {
            "csrf" => {
                let Part::Kept(value) = text(&mut field, MAX_FIELD_BYTES, MAX_BODY_BYTES).await? else {
                    return Err(Refusal::Csrf);
                };
                check_csrf(headers, user, Some(&value)).map_err(|_| Refusal::Csrf)?;
                csrf_checked = true;
            }
            "file" => {
                if !csrf_checked {
                    return Err(Refusal::Csrf);
                }
                let name = clean_name(field.file_name().unwrap_or_default());
                if declared.is_some() {
                    return Err(too_large(&name));
                }
                let bytes = match spool(&mut field, MAX_FILE_BYTES, MAX_BODY_BYTES).await? {
                    Part::Kept(spooled) => spooled.bytes().await?,
                    Part::Over(_) => return Err(too_large(&name)),
                };
                file = Some((name, bytes));
            }
            _ => {
                text(&mut field, 0, MAX_BODY_BYTES).await?;
            }
        }
    }
    if !csrf_checked {
        return Err(Refusal::Csrf);
    }
    file.ok_or_else(|| {
        Refusal::File(
            StatusCode::UNPROCESSABLE_ENTITY,
            Problem::said("file", crate::lang::t("st-archive-none-chosen")),
        )
    })
}

pub(super) async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    staff: Staff<Deciders>,
    Path(slug): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WorkspaceError> {
    let refused = |status: StatusCode, problem: Problem| (status, vec![(slug.clone(), problem)]);
    let outcome = match read(&headers, &user, multipart).await {
        Err(Refusal::Csrf) => return Err(WorkspaceError::Csrf),
        Err(Refusal::File(status, problem)) => Err(refused(status, problem)),
        Ok((name, bytes)) => match kind_of(&name, &bytes) {
            Err(message) => Err(refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                refusal(&name, &bytes, message),
            )),
            Ok(kind) => match state
                .store
                .put_source_archive_file(&staff.account.email, &slug, &name, kind, bytes)
                .await
            {
                Ok(_) => Ok(()),
                Err(StoreError::Invalid(e)) => Err((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    vec![(slug.clone(), Problem::store(&e.field, &e.message))],
                )),
                Err(e) => return Err(e.into()),
            },
        },
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/staff/sources#source-{slug}")).into_response()),
        Err((status, errors)) => {
            let view = page(&state, &staff, errors, None).await?;
            Ok(render(status, &view))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pdf_html_and_plain_text_are_archived_copies() {
        assert_eq!(kind_of("a.pdf", b"%PDF-1.4 synthetic"), Ok("application/pdf"));
        assert_eq!(kind_of("a.HTML", b"<html>synthetic</html>"), Ok("text/html"));
        assert_eq!(kind_of("a.txt", b"synthetic"), Ok("text/plain"));
        assert!(kind_of("a.pdf", b"not a pdf").is_err());
        assert!(
            kind_of("a.html", b"\xff\xfe\0")
                .unwrap_err()
                .contains("not an HTML page")
        );
        assert!(kind_of("a.exe", b"MZ").unwrap_err().contains("a.exe is not accepted"));
        assert!(
            kind_of("a.zip", b"PK\x03\x04")
                .unwrap_err()
                .contains("a.zip is not accepted")
        );
        assert!(kind_of("a.pdf", b"").unwrap_err().contains("is empty"));
    }
}
