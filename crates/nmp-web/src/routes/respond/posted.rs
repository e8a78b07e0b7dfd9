//! Reading a posted response: url-encoded, or multipart with files. The CSRF token is checked
//! as soon as it arrives (the one check of `crate::auth`), and no file is read before it.

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, StatusCode, header};
use nmp_collect::attach::{MAX_FILE_BYTES, Upload};

use super::MAX_BODY_BYTES;
use crate::auth::{CurrentUser, Form, check_csrf};

/// What the form carried: its text fields, and the files of `file` questions.
#[derive(Default)]
pub(super) struct Posted {
    pub form: Vec<(String, String)>,
    pub uploads: Vec<Upload>,
}

/// Why a posted form was not read.
pub(super) enum Unread {
    /// The CSRF field was missing, wrong, or came after a file.
    Csrf,
    /// The body could not be read (too large, or broken); the message says which.
    Body(StatusCode, String),
}

/// Reads the form: url-encoded, or multipart with files. The CSRF token is checked as soon as it
/// arrives, and no file is read before it.
pub(super) async fn read_posted(headers: &HeaderMap, user: &CurrentUser, request: Request) -> Result<Posted, Unread> {
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !multipart {
        let body = Bytes::from_request(request, &())
            .await
            .map_err(|e| Unread::Body(e.status(), e.body_text()))?;
        let form = Form::parse(&body);
        check_csrf(headers, user, form.get("csrf")).map_err(|_| Unread::Csrf)?;
        return Ok(Posted {
            form: form.0,
            uploads: Vec::new(),
        });
    }
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| Unread::Body(e.status(), e.body_text()))?;
    let too_large = |e: axum::extract::multipart::MultipartError| {
        let status = e.status();
        let text = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!(
                "The files sent together were larger than {} MB, so nothing was saved; attach fewer files at a time.",
                MAX_BODY_BYTES / 1024 / 1024
            )
        } else {
            format!("The form could not be read ({}); nothing was saved.", e.body_text())
        };
        Unread::Body(status, text)
    };
    let mut posted = Posted::default();
    let mut csrf_checked = false;
    while let Some(mut field) = multipart.next_field().await.map_err(too_large)? {
        let name = field.name().unwrap_or_default().to_string();
        if let Some(key) = name.strip_prefix("f.") {
            if !csrf_checked {
                return Err(Unread::Csrf);
            }
            let file_name = field.file_name().unwrap_or_default().to_string();
            let mut bytes = Vec::new();
            let mut truncated = false;
            while let Some(chunk) = field.chunk().await.map_err(too_large)? {
                if truncated {
                    continue;
                }
                if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                    // Keep reading (the rest of the form follows) but not keeping.
                    truncated = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(&chunk);
                }
            }
            // A file input left empty still sends a part, without a name or bytes.
            if file_name.is_empty() && bytes.is_empty() && !truncated {
                continue;
            }
            posted.uploads.push(Upload {
                question_key: key.to_string(),
                file_name,
                bytes,
                truncated,
            });
            continue;
        }
        let text = field.text().await.map_err(too_large)?;
        if name == "csrf" {
            check_csrf(headers, user, Some(&text)).map_err(|_| Unread::Csrf)?;
            csrf_checked = true;
        }
        posted.form.push((name, text));
    }
    if !csrf_checked {
        return Err(Unread::Csrf);
    }
    Ok(posted)
}
