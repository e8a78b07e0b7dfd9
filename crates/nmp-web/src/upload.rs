//! Reading `multipart/form-data` uploads within limits, while the body streams in: the two
//! upload routes (`/respond/{token}` and `/staff/import`) read their forms part by part with
//! these, never a whole body or a whole part at once.
//!
//! - A request that says (`Content-Length`) it is larger than its route takes is refused before
//!   any of it is read ([`declared_over`]); the route's `DefaultBodyLimit` stops one that does not
//!   say so once it has sent that much.
//! - A file part goes to an unnamed temporary file in the system's temporary directory, chunk by
//!   chunk, up to the limit its route gives it (the per-file limit, or what the response has
//!   left); past it, nothing more is kept: the rest is read and counted, so that the form's other
//!   fields still arrive and the browser gets the answer instead of a reset connection (hyper
//!   closes a connection whose request body was left unread). Memory stays at a chunk per
//!   request, whatever is sent; a file that fits is read back into memory only once the whole
//!   form has been read and nothing was refused. The temporary file is gone when it is dropped.
//! - A text part is kept up to its limit ([`text`]).
//!
//! The checks of what a file holds are pure and elsewhere (`nmp_core::upload`, a fuzz target);
//! the budget of a response (count and size) is `nmp_collect::attach::Budget`.

use std::io::SeekFrom;

use axum::extract::multipart::{Field, MultipartError};
use axum::http::{HeaderMap, StatusCode, header};
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

/// A file part kept in a temporary file (none for an empty part).
pub(crate) struct Spooled {
    file: Option<tokio::fs::File>,
    /// Its size in bytes.
    pub len: usize,
}

impl Spooled {
    /// Its bytes, read back from the temporary file.
    pub(crate) async fn bytes(self) -> Result<Vec<u8>, Unreadable> {
        let mut bytes = Vec::with_capacity(self.len);
        if let Some(mut file) = self.file {
            file.seek(SeekFrom::Start(0)).await.map_err(Unreadable::disk)?;
            file.read_to_end(&mut bytes).await.map_err(Unreadable::disk)?;
        }
        Ok(bytes)
    }
}

/// A part as read.
pub(crate) enum Part<T> {
    /// Whole, within its limit.
    Kept(T),
    /// Over its limit: its size in bytes (read to its end, nothing kept).
    Over(usize),
}

/// Why a form could not be read: the body broke off or was too large, or the temporary file
/// failed. The status and text say which.
#[derive(Debug)]
pub(crate) struct Unreadable {
    /// 413 for a body over the route's limit, 400 for a broken form, 500 for the disk.
    pub status: StatusCode,
    /// What happened, for the page.
    pub text: String,
}

impl Unreadable {
    /// The body broke off, or went over the route's limit of `limit` bytes.
    pub(crate) fn body(e: &MultipartError, limit: usize) -> Unreadable {
        let status = e.status();
        let text = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!(
                "what was sent is larger than the {} this form takes",
                nmp_collect::attach::size_text(limit)
            )
        } else {
            format!("the form could not be read ({})", e.body_text())
        };
        Unreadable { status, text }
    }

    fn disk(e: std::io::Error) -> Unreadable {
        tracing::error!("upload: the temporary file failed: {e}");
        Unreadable {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            text: "the server could not keep the file while reading it; please try again".into(),
        }
    }
}

/// The request's declared size when it is over `limit` (its `Content-Length`), so that it can
/// be refused before any of it is read.
pub(crate) fn declared_over(headers: &HeaderMap, limit: usize) -> Option<usize> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > limit)
}

/// Reads a file part into a temporary file, keeping at most `limit` bytes (see the module's
/// text). `limit` 0 keeps nothing (an empty file input).
pub(crate) async fn spool(field: &mut Field<'_>, limit: usize, body_limit: usize) -> Result<Part<Spooled>, Unreadable> {
    let mut len = 0usize;
    let mut file: Option<tokio::fs::File> = None;
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            // Past its limit already: the file is refused for that, whatever broke the body.
            Err(_) if len > limit => break,
            Err(e) => return Err(Unreadable::body(&e, body_limit)),
        };
        len = len.saturating_add(chunk.len());
        if len > limit {
            // Over: whatever was kept goes (the file is removed when dropped).
            file = None;
            continue;
        }
        let f = match file.as_mut() {
            Some(f) => f,
            None => {
                let f = tempfile::tempfile().map_err(Unreadable::disk)?;
                file.insert(tokio::fs::File::from_std(f))
            }
        };
        f.write_all(&chunk).await.map_err(Unreadable::disk)?;
    }
    if len > limit {
        return Ok(Part::Over(len));
    }
    if let Some(f) = file.as_mut() {
        f.flush().await.map_err(Unreadable::disk)?;
    }
    Ok(Part::Kept(Spooled { file, len }))
}

/// Reads a text part, keeping at most `limit` bytes; over it, the rest is read and counted.
/// Text that is not UTF-8 is read as such, with replacement characters.
pub(crate) async fn text(field: &mut Field<'_>, limit: usize, body_limit: usize) -> Result<Part<String>, Unreadable> {
    let mut bytes = Vec::new();
    let mut len = 0usize;
    while let Some(chunk) = field.chunk().await.map_err(|e| Unreadable::body(&e, body_limit))? {
        len = len.saturating_add(chunk.len());
        if len <= limit {
            bytes.extend_from_slice(&chunk);
        } else {
            bytes = Vec::new();
        }
    }
    if len > limit {
        return Ok(Part::Over(len));
    }
    Ok(Part::Kept(String::from_utf8_lossy(&bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::extract::{FromRequest, Multipart, Request};

    use super::*;

    fn form(parts: &[(&str, Option<&str>, &[u8])]) -> Request {
        let mut body = Vec::new();
        for (name, file, bytes) in parts {
            let file = file.map(|f| format!("; filename=\"{f}\"")).unwrap_or_default();
            body.extend_from_slice(
                format!("--b\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(b"--b--\r\n");
        Request::builder()
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=b")
            .body(Body::from(body))
            .unwrap()
    }

    #[tokio::test]
    async fn parts_are_kept_within_their_limits_and_counted_past_them() {
        let big = vec![b'x'; 300 * 1024];
        let request = form(&[
            ("a", None, b"short text"),
            ("b", None, &big),
            ("f", Some("small.pdf"), b"%PDF-1.4 synthetic"),
            ("g", Some("big.pdf"), &big),
            ("h", None, b"after"),
        ]);
        let mut m = Multipart::from_request(request, &()).await.unwrap();
        let mut seen = Vec::new();
        while let Some(mut field) = m.next_field().await.unwrap() {
            let name = field.name().unwrap().to_string();
            let got = if field.file_name().is_some() {
                match spool(&mut field, 100 * 1024, usize::MAX).await.unwrap() {
                    Part::Kept(s) => format!("kept {:?}", String::from_utf8(s.bytes().await.unwrap()).unwrap()),
                    Part::Over(n) => format!("over {n}"),
                }
            } else {
                match text(&mut field, 1024, usize::MAX).await.unwrap() {
                    Part::Kept(t) => format!("kept {t:?}"),
                    Part::Over(n) => format!("over {n}"),
                }
            };
            seen.push(format!("{name} {got}"));
        }
        assert_eq!(
            seen,
            [
                "a kept \"short text\"",
                "b over 307200",
                "f kept \"%PDF-1.4 synthetic\"",
                "g over 307200",
                "h kept \"after\"",
            ]
        );
    }

    #[test]
    fn a_declared_length_over_the_limit_is_seen_before_reading() {
        let mut headers = HeaderMap::new();
        assert_eq!(declared_over(&headers, 10), None);
        headers.insert(header::CONTENT_LENGTH, "11".parse().unwrap());
        assert_eq!(declared_over(&headers, 10), Some(11));
        assert_eq!(declared_over(&headers, 11), None);
    }
}
