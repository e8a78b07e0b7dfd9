//! Reading a posted response: url-encoded, or multipart with files, within the limits of a
//! response while the body streams in ([`crate::upload`]). The CSRF token is checked as soon as
//! it arrives (the one check of `crate::auth`), and no file is read before it. Before a file's
//! bytes are read, the response's budget ([`Budget`]: what it holds, less the files ticked for
//! removal, plus what this request brought) says whether it may take one more file; while they
//! are read, no more than the file limit or what is left of the response's total is kept. Past a
//! limit, nothing is saved: the rest of the form is read (its files dropped) so that the page can
//! show the answers as typed, with the message beside the file's question.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, StatusCode, header};
use nmp_collect::attach::{Budget, MAX_FILE_BYTES, MAX_RESPONSE_BYTES, Upload, size_text};
use nmp_collect::respond::Opened;

use super::{MAX_BODY_BYTES, MAX_TEXT_BYTES};
use crate::auth::{CurrentUser, Form, check_csrf};
use crate::upload::{Part, Spooled, Unreadable, declared_over, spool, text};

/// What the form carried: its text fields, and the files of `file` questions.
#[derive(Default)]
pub(super) struct Posted {
    pub form: Vec<(String, String)>,
    pub uploads: Vec<Upload>,
}

/// Why a posted form was not taken.
pub(super) enum Unread {
    /// The CSRF field was missing, wrong, or came after a file.
    Csrf,
    /// Over a limit, or unreadable: nothing is saved.
    Refused {
        /// 413 over a limit, 400 for a broken form.
        status: StatusCode,
        /// The `file` question whose file was refused, if it was a file.
        question: Option<String>,
        /// What happened, naming the file and the limit.
        message: String,
        /// The text fields read, to show the answers as typed.
        form: Vec<(String, String)>,
    },
}

fn refused(status: StatusCode, question: Option<String>, message: String) -> Unread {
    Unread::Refused {
        status,
        question,
        message,
        form: Vec::new(),
    }
}

/// Reads the form posted to `opened`'s link: url-encoded, or multipart with files.
pub(super) async fn read_posted(
    headers: &HeaderMap,
    user: &CurrentUser,
    request: Request,
    opened: &Opened,
) -> Result<Posted, Unread> {
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !multipart {
        let body = axum::body::to_bytes(request.into_body(), MAX_TEXT_BYTES)
            .await
            .map_err(|_| {
                refused(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    None,
                    format!(
                        "The answers were longer than {}, the most a form may carry; nothing was saved.",
                        size_text(MAX_TEXT_BYTES)
                    ),
                )
            })?;
        let form = Form::parse(&body);
        check_csrf(headers, user, form.get("csrf")).map_err(|_| Unread::Csrf)?;
        return Ok(Posted {
            form: form.0,
            uploads: Vec::new(),
        });
    }
    if let Some(declared) = declared_over(headers, MAX_BODY_BYTES) {
        return Err(refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            first_file_question(opened),
            format!(
                "The files sent came to {}, more than a response may take ({} together, {} a file), so nothing was saved; attach fewer or smaller files, or send links to them.",
                size_text(declared),
                size_text(MAX_RESPONSE_BYTES),
                size_text(MAX_FILE_BYTES)
            ),
        ));
    }
    let mut multipart = Multipart::from_request(request, &()).await.map_err(|e| {
        refused(
            e.status(),
            None,
            format!("The form could not be read ({}); nothing was saved.", e.body_text()),
        )
    })?;
    let mut reader = Reader {
        opened,
        form: Vec::new(),
        files: Vec::new(),
        removing: Vec::new(),
        taken: Budget::default(),
        text_left: MAX_TEXT_BYTES,
        csrf_checked: false,
        refusal: None,
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                reader.broke(Unreadable::body(&e, MAX_BODY_BYTES));
                break;
            }
        };
        if let Err(e) = reader.field(field, headers, user).await? {
            reader.broke(e);
            break;
        }
    }
    reader.finish().await
}

/// The first `file` question, beside which a message about files goes.
fn first_file_question(opened: &Opened) -> Option<String> {
    opened
        .questions
        .iter()
        .find(|q| q.kind == "file")
        .map(|q| q.question_key.clone())
}

/// The state of a multipart form being read.
struct Reader<'a> {
    opened: &'a Opened,
    form: Vec<(String, String)>,
    /// Files kept: question, file name, spool.
    files: Vec<(String, String, Spooled)>,
    /// Attachments ticked for removal so far.
    removing: Vec<i32>,
    /// What the files kept take.
    taken: Budget,
    /// Bytes of text the form may still carry.
    text_left: usize,
    csrf_checked: bool,
    /// The first limit exceeded: status, question, message.
    refusal: Option<(StatusCode, Option<String>, String)>,
}

impl Reader<'_> {
    /// Reads one part. The outer `Err` ends reading at once (CSRF); the inner one is a body that
    /// broke off.
    async fn field(
        &mut self,
        mut field: axum::extract::multipart::Field<'_>,
        headers: &HeaderMap,
        user: &CurrentUser,
    ) -> Result<Result<(), Unreadable>, Unread> {
        let name = field.name().unwrap_or_default().to_string();
        if let Some(key) = name.strip_prefix("f.") {
            if !self.csrf_checked {
                return Err(Unread::Csrf);
            }
            let key = key.to_string();
            let file_name = field.file_name().unwrap_or_default().to_string();
            // The response's budget now: its files less those ticked for removal, plus the files
            // of this request.
            let mut budget = Budget::of(&self.opened.attachments, &self.removing);
            budget.files += self.taken.files;
            budget.bytes += self.taken.bytes;
            if self.refusal.is_none()
                && !file_name.is_empty()
                && let Err(message) = budget.refuse_file(&file_name)
            {
                self.refuse(StatusCode::PAYLOAD_TOO_LARGE, Some(key.clone()), message);
            }
            // Once refused, files are read through and dropped.
            let limit = if self.refusal.is_some() { 0 } else { budget.room() };
            let part = match spool(&mut field, limit, MAX_BODY_BYTES).await {
                Ok(part) => part,
                Err(e) => return Ok(Err(e)),
            };
            if self.refusal.is_some() {
                return Ok(Ok(()));
            }
            match part {
                // A file input left empty still sends a part, without a name or bytes.
                Part::Kept(spooled) if spooled.len == 0 && file_name.is_empty() => {}
                Part::Kept(spooled) => {
                    self.taken.files += 1;
                    self.taken.bytes += spooled.len;
                    self.files.push((key, file_name, spooled));
                }
                Part::Over(len) => {
                    let message = budget
                        .refuse_size(&file_name, len)
                        .err()
                        .unwrap_or_else(|| nmp_collect::attach::too_large(&file_name));
                    self.refuse(StatusCode::PAYLOAD_TOO_LARGE, Some(key), message);
                }
            }
            return Ok(Ok(()));
        }
        if name == "csrf" {
            let token = match text(&mut field, 256, MAX_BODY_BYTES).await {
                Ok(Part::Kept(token)) => token,
                Ok(Part::Over(_)) => return Err(Unread::Csrf),
                Err(e) => return Ok(Err(e)),
            };
            check_csrf(headers, user, Some(&token)).map_err(|_| Unread::Csrf)?;
            self.csrf_checked = true;
            self.form.push((name, token));
            return Ok(Ok(()));
        }
        let value = match text(&mut field, self.text_left, MAX_BODY_BYTES).await {
            Ok(Part::Kept(value)) => value,
            Ok(Part::Over(_)) => {
                self.text_left = 0;
                self.refuse(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    None,
                    format!(
                        "The answers were longer than {} together, the most a form may carry; nothing was saved.",
                        size_text(MAX_TEXT_BYTES)
                    ),
                );
                return Ok(Ok(()));
            }
            Err(e) => return Ok(Err(e)),
        };
        self.text_left = self.text_left.saturating_sub(value.len());
        if name == "remove"
            && let Ok(id) = value.trim().parse::<i32>()
        {
            self.removing.push(id);
        }
        self.form.push((name, value));
        Ok(Ok(()))
    }

    fn refuse(&mut self, status: StatusCode, question: Option<String>, message: String) {
        if self.refusal.is_none() {
            self.refusal = Some((status, question, message));
        }
    }

    /// The body broke off (or went over the route's limit): refused, unless already.
    fn broke(&mut self, e: Unreadable) {
        let question = first_file_question(self.opened);
        let message = format!("Nothing was saved: {}.", e.text);
        self.refuse(e.status, question, message);
    }

    /// The form read, or why it is not taken.
    /// A refused form is refused for its limit even when its token was never reached (a body
    /// over the route's limit): nothing is saved either way.
    async fn finish(self) -> Result<Posted, Unread> {
        if let Some((status, question, message)) = self.refusal {
            return Err(Unread::Refused {
                status,
                question,
                message,
                form: self.form,
            });
        }
        if !self.csrf_checked {
            return Err(Unread::Csrf);
        }
        let mut uploads = Vec::with_capacity(self.files.len());
        for (question_key, file_name, spooled) in self.files {
            let bytes = spooled.bytes().await.map_err(|e| {
                refused(
                    e.status,
                    Some(question_key.clone()),
                    format!("Nothing was saved: {}.", e.text),
                )
            })?;
            uploads.push(Upload {
                question_key,
                file_name,
                bytes,
                truncated: false,
            });
        }
        Ok(Posted {
            form: self.form,
            uploads,
        })
    }
}
