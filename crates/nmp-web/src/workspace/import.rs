//! Importing records from a spreadsheet in the workspace, and downloading spreadsheets:
//!
//! - `GET /staff/import`: the upload form;
//! - `POST /staff/import` (multipart): step `check` reads the uploaded file and runs the import as
//!   a dry run, showing every problem in a table or what would be created and changed, with a
//!   confirm form that carries the file back (base64, in the page: nothing is kept on the server
//!   between the two steps, so any instance can take the second); step `import` checks the file
//!   again and writes it (editors) or proposes every row (researchers, students, partners);
//! - `GET /staff/import/template.xlsx`: the import template;
//! - `GET /staff/export/{kind}.{csv|xlsx}`: the current records of a kind in the import layout.
//!
//! The checking and writing are `nmp_ingest::records::import`, the same as `nmp import records`.
//! The form is read part by part as it arrives ([`crate::upload`]): the CSRF field is checked
//! before the file is read, the file waits in a temporary file and is refused (413, naming it
//! and the limit) once it passes [`MAX_FILE_BYTES`], and a request that declares more than the
//! route takes is refused before any of it is read.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use nmp_ingest::records::RecordKind;
use nmp_ingest::records::import::{ImportReport, Importer, RowAction, RowOutcome};
use nmp_ingest::sheet::Format;
use nmp_ingest::{CellProblem, IngestError};
use nmp_store::auth::SignedIn;
use nmp_store::records::workspace::{EditMode, edit_mode};

use super::{Html, Nav, Proposers, render, say_html};
use crate::auth::{CurrentUser, Staff, WorkspaceError, check_csrf};
use crate::lang::{t, ta};
use crate::upload::{Part, Unreadable, declared_over, spool, text};
use crate::{AppState, WebError};

/// The largest file accepted, in bytes (16 MB).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The longest `file_data` of the confirm step: the file, base64-encoded.
const MAX_FILE_DATA_BYTES: usize = MAX_FILE_BYTES.div_ceil(3) * 4;
/// The longest of the other fields.
const MAX_FIELD_BYTES: usize = 1024;
/// The largest request body: the file, base64-encoded on the confirm step, and the form fields.
pub(crate) const MAX_BODY_BYTES: usize = MAX_FILE_DATA_BYTES + 64 * 1024;
/// Rows listed in the summary; the rest are counted.
const LISTED: usize = 200;

pub(crate) struct Summary {
    headline: String,
    file_name: String,
    sheet: String,
    table: &'static str,
    created: usize,
    updated: usize,
    unchanged: usize,
    rows: Vec<RowOutcome>,
    more: usize,
    proposed: bool,
}

pub(crate) struct Confirm {
    kind: String,
    file_name: String,
    file_data: String,
}

#[derive(Template)]
#[template(path = "staff/import.html")]
struct ImportPage {
    nav: Nav,
    kinds: Vec<&'static str>,
    kind: String,
    propose: bool,
    error: Option<String>,
    /// Whether `error` is English whatever the page's language (the import's own message).
    error_english: bool,
    file_name: String,
    problems: Vec<CellProblem>,
    summary: Option<Summary>,
    confirm: Option<Confirm>,
}

impl ImportPage {
    fn new(signed_in: &SignedIn) -> ImportPage {
        ImportPage {
            nav: Nav::of(signed_in),
            kinds: RecordKind::ALL.map(RecordKind::name).to_vec(),
            kind: RecordKind::Mechanisms.name().into(),
            propose: edit_mode(signed_in.role) == Some(EditMode::Propose),
            error: None,
            error_english: false,
            file_name: String::new(),
            problems: Vec::new(),
            summary: None,
            confirm: None,
        }
    }
}

impl ImportPage {
    /// "Start from the XLSX template (...) or from an export of the current records: ...".
    fn start(&self) -> Html {
        let exports = self
            .kinds
            .iter()
            .map(|k| format!("<a href=\"/staff/export/{k}.xlsx\">{k}</a>"))
            .collect::<Vec<_>>()
            .join(", ");
        say_html(
            "st-import-start",
            &[],
            &[
                (
                    "template",
                    &super::link("/staff/import/template.xlsx", "st-import-template"),
                ),
                ("exports", &exports),
                ("csv", &super::link("/staff/export/mechanisms.csv", "st-import-csv")),
            ],
        )
    }
}

pub(super) async fn form(staff: Staff<Proposers>) -> Result<Response, WorkspaceError> {
    Ok(render(StatusCode::OK, &ImportPage::new(&staff)))
}

/// What the multipart form carried.
#[derive(Default)]
struct Upload {
    kind: String,
    step: String,
    file_name: String,
    bytes: Vec<u8>,
    file_data: String,
}

/// Why an upload was not taken.
enum Refusal {
    /// The CSRF field was missing, wrong, or came after the file.
    Csrf,
    /// Over a limit (413) or unreadable (400): the page's message.
    Page(StatusCode, String),
}

impl From<Unreadable> for Refusal {
    fn from(e: Unreadable) -> Refusal {
        Refusal::Page(e.status, ta("st-import-not-read", &[("why", &e.text)]))
    }
}

fn too_large(file_name: &str) -> Refusal {
    Refusal::Page(
        StatusCode::PAYLOAD_TOO_LARGE,
        ta(
            "st-import-too-large",
            &[
                ("file", &plain_name(file_name)),
                ("size", &(MAX_FILE_BYTES / 1024 / 1024).to_string()),
            ],
        ),
    )
}

/// Reads the form part by part: the CSRF token before the file, the file (or its confirmed
/// `file_data`) into a temporary file up to its limit, the other fields up to theirs.
async fn read_upload(
    headers: &HeaderMap,
    user: &CurrentUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Upload, Refusal> {
    let declared = declared_over(headers, MAX_BODY_BYTES);
    let mut multipart = multipart.map_err(|e| {
        Refusal::Page(
            StatusCode::BAD_REQUEST,
            ta("st-import-unreadable", &[("why", &e.body_text())]),
        )
    })?;
    let mut up = Upload::default();
    let mut csrf_checked = false;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| Unreadable::body(&e, MAX_BODY_BYTES))?
    {
        let name = field.name().unwrap_or_default().to_string();
        match name.as_str() {
            "file" | "file_data" => {
                if !csrf_checked {
                    return Err(Refusal::Csrf);
                }
                if name == "file" {
                    up.file_name = field.file_name().unwrap_or_default().to_string();
                }
                if declared.is_some() {
                    // Larger than the route takes: refused before its bytes are read.
                    return Err(too_large(&up.file_name));
                }
                let limit = if name == "file" {
                    MAX_FILE_BYTES
                } else {
                    MAX_FILE_DATA_BYTES
                };
                let bytes = match spool(&mut field, limit, MAX_BODY_BYTES).await? {
                    Part::Kept(spooled) => spooled.bytes().await?,
                    Part::Over(_) => return Err(too_large(&up.file_name)),
                };
                if name == "file" {
                    up.bytes = bytes;
                } else {
                    up.file_data = String::from_utf8_lossy(&bytes).into_owned();
                }
            }
            "csrf" | "kind" | "step" | "file_name" => {
                let value = match text(&mut field, MAX_FIELD_BYTES, MAX_BODY_BYTES).await? {
                    Part::Kept(value) => value,
                    Part::Over(_) if name == "csrf" => return Err(Refusal::Csrf),
                    Part::Over(_) => {
                        return Err(Refusal::Page(
                            StatusCode::BAD_REQUEST,
                            ta(
                                "st-import-field-too-long",
                                &[("field", &name), ("max", &MAX_FIELD_BYTES.to_string())],
                            ),
                        ));
                    }
                };
                match name.as_str() {
                    "csrf" => {
                        check_csrf(headers, user, Some(&value)).map_err(|_| Refusal::Csrf)?;
                        csrf_checked = true;
                    }
                    "kind" => up.kind = value,
                    "step" => up.step = value,
                    _ => up.file_name = value,
                }
            }
            // Anything else is read through and dropped.
            _ => {
                text(&mut field, 0, MAX_BODY_BYTES).await?;
            }
        }
    }
    if !csrf_checked {
        return Err(Refusal::Csrf);
    }
    if let Some(n) = declared {
        return Err(Refusal::Page(
            StatusCode::PAYLOAD_TOO_LARGE,
            ta(
                "st-import-upload-too-large",
                &[
                    ("size", &n.div_ceil(1024 * 1024).to_string()),
                    ("max", &(MAX_FILE_BYTES / 1024 / 1024).to_string()),
                ],
            ),
        ));
    }
    Ok(up)
}

pub(super) async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    staff: Staff<Proposers>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WorkspaceError> {
    let mut page = ImportPage::new(&staff);
    let mut up = match read_upload(&headers, &user, multipart).await {
        Ok(up) => up,
        Err(Refusal::Csrf) => return Err(WorkspaceError::Csrf),
        Err(Refusal::Page(status, text)) => {
            page.error = Some(text);
            return Ok(render(status, &page));
        }
    };
    checked(&state, &staff, page, &mut up).await
}

/// Checks an upload and imports it on the confirm step; the page says how it went.
async fn checked(
    state: &AppState,
    signed_in: &SignedIn,
    mut page: ImportPage,
    up: &mut Upload,
) -> Result<Response, WorkspaceError> {
    page.kind = up.kind.clone();
    let Some(kind) = RecordKind::parse(&up.kind) else {
        page.error = Some(ta("st-import-choose-kind", &[("kinds", &RecordKind::names())]));
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let confirming = up.step == "import";
    if confirming {
        match BASE64.decode(up.file_data.as_bytes()) {
            Ok(bytes) => up.bytes = bytes,
            Err(_) => {
                page.error = Some(t("st-import-damaged"));
                return Ok(render(StatusCode::BAD_REQUEST, &page));
            }
        }
    }
    let file_name = plain_name(&up.file_name);
    if up.bytes.is_empty() {
        page.error = Some(t("st-import-no-file"));
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    if up.bytes.len() > MAX_FILE_BYTES {
        page.error = Some(ta(
            "st-import-too-large",
            &[
                ("file", &file_name),
                ("size", &(MAX_FILE_BYTES / 1024 / 1024).to_string()),
            ],
        ));
        return Ok(render(StatusCode::PAYLOAD_TOO_LARGE, &page));
    }
    let importer = match Importer::for_account(signed_in.account.clone()) {
        Ok(i) => i,
        Err(e) => {
            page.error = Some(e);
            page.error_english = true;
            return Ok(render(StatusCode::FORBIDDEN, &page));
        }
    };
    let dry_run = !confirming;
    let result = nmp_ingest::records::import::import(
        &state.store,
        &file_name,
        &up.bytes,
        kind,
        &importer,
        dry_run,
        &mut |_| {},
    )
    .await;
    page.file_name = file_name.clone();
    match result {
        Ok(report) => {
            if dry_run && report.rows.iter().any(|r| r.action != RowAction::Unchanged) {
                page.confirm = Some(Confirm {
                    kind: kind.name().into(),
                    file_name,
                    file_data: BASE64.encode(&up.bytes),
                });
            }
            page.summary = Some(summary(&report, kind));
            Ok(render(StatusCode::OK, &page))
        }
        Err(IngestError::Cells { problems, .. }) => {
            page.problems = problems;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(IngestError::Store(e)) => Err(e.into()),
        Err(e) => {
            page.error = Some(e.to_string());
            page.error_english = true;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

/// The uploaded file's name without any directory part, for messages.
fn plain_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    if base.is_empty() {
        "upload".into()
    } else {
        base.chars().take(200).collect()
    }
}

fn summary(r: &ImportReport, kind: RecordKind) -> Summary {
    let created = r.count(RowAction::Create);
    let updated = r.count(RowAction::Update);
    let unchanged = r.count(RowAction::Unchanged);
    let counts = [("created", created.to_string()), ("updated", updated.to_string())];
    let args: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let headline = match (r.dry_run, r.proposed, created + updated) {
        (_, _, 0) => t("st-import-no-changes"),
        (true, false, _) => ta("st-import-would-create", &args),
        (true, true, _) => ta("st-import-would-propose", &args),
        (false, false, _) => ta("st-import-imported", &args),
        (false, true, _) => crate::lang::tn("st-import-proposed", "count", created + updated),
    };
    Summary {
        headline,
        file_name: r.file.clone(),
        sheet: r.sheet.clone(),
        table: kind.table(),
        created,
        updated,
        unchanged,
        rows: r.rows.iter().take(LISTED).cloned().collect(),
        more: r.rows.len().saturating_sub(LISTED),
        proposed: r.proposed,
    }
}

fn download(format: Format, name: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static(format.content_type()),
    );
    headers.insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    if let Ok(v) = header::HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

pub(super) async fn template(State(state): State<AppState>, _: Staff) -> Result<Response, WorkspaceError> {
    let bytes = nmp_ingest::records::export::template(&state.store)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(download(Format::Xlsx, "nmp-import-template.xlsx", bytes))
}

pub(super) async fn export(
    State(state): State<AppState>,
    Path(file): Path<String>,
    _: Staff,
) -> Result<Response, WorkspaceError> {
    let parsed = file
        .rsplit_once('.')
        .and_then(|(k, ext)| Some((RecordKind::parse(k)?, Format::parse(ext)?)));
    let (kind, format) = parsed.ok_or_else(|| {
        WorkspaceError::not_found(format!(
            "{file:?}: exports are KIND.csv or KIND.xlsx, KIND one of {}",
            RecordKind::names()
        ))
    })?;
    match nmp_ingest::records::export::export(&state.store, kind, format).await {
        Ok(bytes) => Ok(download(
            format,
            &format!("{}.{}", kind.name(), format.extension()),
            bytes,
        )),
        Err(IngestError::Store(e)) => Err(e.into()),
        Err(e) => Err(WebError::Internal(e.to_string()).into()),
    }
}
