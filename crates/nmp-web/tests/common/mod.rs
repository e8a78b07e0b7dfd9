//! A small HTTP client for the web tests: requests through the router, answers with status,
//! redirect, cookies and body, and signed-in staff accounts.

#![allow(dead_code)]

pub mod essays;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use tower::ServiceExt;

/// A test password (long enough for the policy).
pub const PASSWORD: &str = "correct horse battery staple";

/// What the server answered.
pub struct Answer {
    pub status: StatusCode,
    pub location: Option<String>,
    pub set_cookies: Vec<String>,
    pub body: String,
}

impl Answer {
    /// The hidden `csrf` field of the page's first form.
    pub fn csrf(&self) -> String {
        let start = self.body.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
        self.body[start..start + 64].to_string()
    }

    /// The value of the hidden input `name`.
    pub fn hidden(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&marker).unwrap_or_else(|| panic!("no hidden {name}")) + marker.len();
        let end = self.body[start..].find('"').unwrap() + start;
        self.body[start..end].to_string()
    }
}

/// A signed-in person: the session cookie and the form token.
#[derive(Clone)]
pub struct Session {
    pub token: String,
    pub csrf: String,
    pub account_id: i32,
    pub email: String,
}

/// The application's state for a request: every request of a test process on one engine keeps
/// report builds in the same folder (requests are served by fresh states, builds outlive them).
pub fn state(store: &Store) -> nmp_web::AppState {
    let dir = std::env::temp_dir().join(format!(
        "nmp-test-builds-{}-{}",
        std::process::id(),
        store.engine().name()
    ));
    nmp_web::AppState::new(store.clone()).with_builds(dir)
}

/// Sends a request; `form` is sent url-encoded for POST.
pub async fn send(store: &Store, method: &str, path: &str, session: Option<&Session>, form: &[(&str, &str)]) -> Answer {
    let app = nmp_web::router(state(store));
    let mut request = Request::builder().method(method).uri(path);
    if let Some(s) = session {
        request = request.header(header::COOKIE, format!("nmp_session={}", s.token));
    }
    let body = if method == "POST" {
        request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        Body::from(serde_urlencoded::to_string(form).unwrap())
    } else {
        Body::empty()
    };
    let response = app.oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string());
    let set_cookies = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location,
        set_cookies,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// GET as `session`.
pub async fn get(store: &Store, path: &str, session: Option<&Session>) -> Answer {
    send(store, "GET", path, session, &[]).await
}

/// POST `form` as `session`, with its CSRF token added.
pub async fn post(store: &Store, path: &str, session: &Session, form: &[(&str, &str)]) -> Answer {
    let mut fields: Vec<(&str, &str)> = vec![("csrf", session.csrf.as_str())];
    fields.extend_from_slice(form);
    send(store, "POST", path, Some(session), &fields).await
}

/// A signed-in account with `role` (a synthetic test person).
pub async fn staff(store: &Store, email: &str, role: AccountRole) -> Session {
    store
        .create_account("system:test", email, &format!("Synthetic {}", role.code()), role)
        .await
        .unwrap();
    let (_, link) = store
        .issue_link("system:test", email, nmp_store::auth::LinkPurpose::SetPassword)
        .await
        .unwrap();
    store.set_password_with_link(&link, PASSWORD).await.unwrap();
    let account = store.verify_login(email, PASSWORD, "test").await.unwrap();
    let session = store.create_session(&account, None, None).await.unwrap();
    let signed_in = store.session(&session.token).await.unwrap().unwrap();
    Session {
        token: session.token,
        csrf: signed_in.csrf_token,
        account_id: account.account_id,
        email: email.to_string(),
    }
}

/// Sends a JSON body with `method` as `session`, with its CSRF token in `X-CSRF-Token`.
pub async fn send_json(
    store: &Store,
    method: &str,
    path: &str,
    session: Option<&Session>,
    body: &serde_json::Value,
) -> Answer {
    let app = nmp_web::router(state(store));
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(s) = session {
        request = request
            .header(header::COOKIE, format!("nmp_session={}", s.token))
            .header("x-csrf-token", s.csrf.clone());
    }
    let response = app
        .oneshot(request.body(Body::from(body.to_string())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location,
        set_cookies: Vec::new(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// POSTs a `multipart/form-data` body as `session` (its CSRF token added as the first field):
/// `fields` are text fields, `file` an optional `(field name, file name, bytes)`.
pub async fn post_multipart(
    store: &Store,
    path: &str,
    session: Option<&Session>,
    fields: &[(&str, &str)],
    file: Option<(&str, &str, &[u8])>,
) -> Answer {
    const BOUNDARY: &str = "nmp-test-boundary-7d1f";
    let mut body: Vec<u8> = Vec::new();
    let mut all: Vec<(&str, &str)> = Vec::new();
    if let Some(s) = session {
        all.push(("csrf", s.csrf.as_str()));
    }
    all.extend_from_slice(fields);
    for (name, value) in all {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    if let Some((name, file_name, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let app = nmp_web::router(state(store));
    let mut request = Request::builder().method("POST").uri(path).header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={BOUNDARY}"),
    );
    if let Some(s) = session {
        request = request.header(header::COOKIE, format!("nmp_session={}", s.token));
    }
    let response = app.oneshot(request.body(Body::from(body)).unwrap()).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location,
        set_cookies: Vec::new(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// An answer with its headers and raw body (for downloads).
pub struct RawAnswer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub bytes: Vec<u8>,
}

impl RawAnswer {
    /// The body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// A header's value, or "".
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }
}

/// A `multipart/form-data` body: text `fields`, then `files` as `(field name, file name, bytes)`.
/// Returns the content type and the body.
pub fn multipart_body(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "nmp-test-boundary-9c2e";
    let mut body: Vec<u8> = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    for (name, file_name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

/// A body sent in 64 KB chunks, as it arrives over a network (a route's body limit then stops
/// it where it would stop a client's, not before its first byte).
pub fn chunked(body: Vec<u8>) -> Body {
    let body = axum::body::Bytes::from(body);
    let pieces: Vec<axum::body::Bytes> = (0..body.len())
        .step_by(64 * 1024)
        .map(|i| body.slice(i..body.len().min(i + 64 * 1024)))
        .collect();
    // Each chunk after a yield, as a network's arrive: a reader gets them one at a time.
    Body::from_stream(futures_util::stream::unfold(
        pieces.into_iter(),
        |mut rest| async move {
            tokio::task::yield_now().await;
            rest.next().map(|p| (Ok::<_, std::convert::Infallible>(p), rest))
        },
    ))
}

/// Sends any request with an optional `Cookie` header, content type and body (in chunks), and
/// returns the raw answer.
pub async fn fetch(
    store: &Store,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> RawAnswer {
    let app = nmp_web::router(nmp_web::AppState::new(store.clone()));
    let mut request = Request::builder().method(method).uri(path);
    if let Some(c) = cookie {
        request = request.header(header::COOKIE, c);
    }
    if let Some(t) = content_type {
        request = request.header(header::CONTENT_TYPE, t);
    }
    let response = app.oneshot(request.body(chunked(body)).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    RawAnswer { status, headers, bytes }
}

/// A ZIP archive of `parts`, deflated (synthetic test packages).
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &[u8] =
    br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

/// A small Word document (synthetic test data) with `extra` parts.
pub fn synthetic_docx(extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES),
        (
            "word/document.xml",
            b"<w:document><w:body><w:p><w:r><w:t>Synthetic test document</w:t></w:r></w:p></w:body></w:document>",
        ),
    ];
    parts.extend_from_slice(extra);
    zip_of(&parts)
}

/// A small Excel workbook's package (synthetic test data).
pub fn synthetic_xlsx() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/worksheets/sheet1.xml", b"<worksheet/>"),
    ])
}

/// A "zip bomb" of the package `folder` says (`word` for DOCX, `xl` for XLSX): about 2 MB that
/// would expand to 2 GiB, 256 parts of 8 MiB of zeros, one part deflated once and copied raw
/// under new names (quick to build).
pub fn zip_bomb(folder: &str) -> Vec<u8> {
    use std::io::Write;
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut seed = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    seed.start_file("zeros.xml", options).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..8 {
        seed.write_all(&zeros).unwrap();
    }
    let seed = seed.finish().unwrap().into_inner();
    let mut seed = zip::ZipArchive::new(std::io::Cursor::new(seed)).unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("[Content_Types].xml", options).unwrap();
    w.write_all(CONTENT_TYPES).unwrap();
    for i in 0..256 {
        let part = seed.by_index_raw(0).unwrap();
        w.raw_copy_file_rename(part, format!("{folder}/media/part{i}.xml"))
            .unwrap();
    }
    w.finish().unwrap().into_inner()
}
