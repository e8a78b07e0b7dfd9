//! Peak memory under over-limit uploads (issue 24, item 4): four concurrent requests, each ten
//! 10 MB files, to a respondent's response that already holds all the files it may, and to one
//! that holds none (five files fit its total, the sixth does not); and four concurrent staff
//! imports of a file over the import's limit. Every one is refused, and the
//! process's peak resident memory (`VmHWM`, reset through `/proc/self/clear_refs` before each
//! round) grows by less than [`BOUND_MB`]: limits are enforced while the body streams in, so
//! nothing over them is held. The server is the real one (axum on hyper, on a local port); the
//! bodies go chunked, without `Content-Length` (so the server learns their size only by reading
//! them), cut from one shared buffer, so the test itself holds almost nothing. In its own test
//! binary, so that no other test shares the process. Files and accounts are synthetic test data.

mod common;

use axum::body::Bytes;
use axum::http::StatusCode;
use common::{Session, fetch, get, multipart_body, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::entity::account;
use nmp_store::testing::engines;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The most the peak may grow during a round of four over-limit uploads, in MB.
const BOUND_MB: u64 = 40;
/// One file of the over-limit uploads: exactly the per-file limit (10 MB).
const FILE_BYTES: usize = nmp_collect::attach::MAX_FILE_BYTES;
/// Files in each over-limit upload.
const FILES: usize = 10;
const BOUNDARY: &str = "nmp-memory-boundary-51b7";

/// A value of `/proc/self/status` in kB (`VmHWM`, `VmRSS`).
fn status_kb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{key} in /proc/self/status"))
}

/// Resets the peak (`VmHWM`) to the current resident size; returns the peak just after, in kB.
///
/// The server's threads run on while this reads, so resident memory may shrink between the reset
/// and the reading (a buffer of the last round freed) and leave the fresh peak above it: a reset
/// counts when the peak is within 1 MB of the resident size, and it is tried up to ten times
/// before the test gives up on the kernel's support for it.
fn reset_peak() -> u64 {
    let mut seen = Vec::new();
    for _ in 0..10 {
        // "5" resets the peak resident set size (Linux 4.0 and later).
        std::fs::write("/proc/self/clear_refs", "5").expect("reset VmHWM through /proc/self/clear_refs");
        let peak = status_kb("VmHWM");
        let rss = status_kb("VmRSS");
        if peak <= rss + 1024 {
            return peak;
        }
        seen.push(format!("VmHWM {peak} kB, VmRSS {rss} kB"));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the peak was not reset in ten tries ({})", seen.join("; "));
}

/// The pieces of a multipart body: the text `fields`, then `files` parts named `field`, each
/// `size` bytes of a synthetic PDF, cut in 64 KB pieces from one shared buffer.
fn body_pieces(fields: &[(&str, &str)], field: &str, name: &str, files: usize, size: usize) -> Vec<Bytes> {
    const CHUNK: usize = 64 * 1024;
    let mut filler = b"%PDF-1.4\n% synthetic test data\n".to_vec();
    filler.resize(CHUNK, b'x');
    let filler = Bytes::from(filler);
    let mut parts: Vec<Bytes> = Vec::new();
    for (n, v) in fields {
        parts.push(Bytes::from(format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{n}\"\r\n\r\n{v}\r\n"
        )));
    }
    for i in 0..files {
        parts.push(Bytes::from(format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{i}-{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )));
        let mut left = size;
        while left > 0 {
            let n = left.min(CHUNK);
            parts.push(filler.slice(..n));
            left -= n;
        }
        parts.push(Bytes::from_static(b"\r\n"));
    }
    parts.push(Bytes::from(format!("--{BOUNDARY}--\r\n")));
    parts
}

/// POSTs `pieces` to the server at `addr` as a chunked body with `cookie`, over HTTP/1.1 as a
/// browser would; returns the status and the page. A server that answers before the end of the
/// body may close the connection: the answer is read all the same.
async fn send(addr: std::net::SocketAddr, path: &str, cookie: &str, pieces: Vec<Bytes>) -> (StatusCode, String) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let (mut read, mut write) = stream.split();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    // The connection stays open both ways until the answer is read (hyper takes a client's
    // half-close for its leaving).
    let writing = async {
        write.write_all(head.as_bytes()).await?;
        for p in pieces {
            write.write_all(format!("{:x}\r\n", p.len()).as_bytes()).await?;
            write.write_all(&p).await?;
            write.write_all(b"\r\n").await?;
        }
        write.write_all(b"0\r\n\r\n").await?;
        write.flush().await
    };
    let mut answer = Vec::new();
    let (_, _) = tokio::join!(writing, read.read_to_end(&mut answer));
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok())
        .and_then(|c| StatusCode::from_u16(c).ok())
        .unwrap_or_else(|| panic!("no HTTP answer: {text:?}"));
    (status, text)
}

/// Sends four bodies at once; returns the answers and the peak's growth in MB.
async fn four_at_once(
    addr: std::net::SocketAddr,
    path: &str,
    cookie: &str,
    body: impl Fn() -> Vec<Bytes>,
) -> (Vec<(StatusCode, String)>, u64) {
    let before = reset_peak();
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let (path, cookie, body) = (path.to_string(), cookie.to_string(), body());
            tokio::spawn(async move { send(addr, &path, &cookie, body).await })
        })
        .collect();
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    let peak = status_kb("VmHWM");
    (answers, peak.saturating_sub(before) / 1024)
}

/// Serves the application on a local port, as `nmp serve` does.
async fn serve(store: &Store) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = nmp_web::router(common::state(store));
    tokio::spawn(async move { axum::serve(listener, app.into_make_service()).await.unwrap() });
    addr
}

/// Invites a synthetic respondent; returns the form's path, the CSRF cookie, the form's token and
/// the invitation.
async fn respondent(s: &Store, editor: &Session, email: &str) -> (String, String, String, i32) {
    let q = match nmp_collect::questionnaire::create_default(s, &editor.email, "2017").await {
        Ok(q) => q,
        Err(_) => s.all::<nmp_store::entity::questionnaire::Entity>().await.unwrap()[0].clone(),
    };
    let mailer = nmp_mail::Mailer::new(nmp_mail::MailSettings {
        from: "nmp@example.org".into(),
        smtp: None,
        outbox: std::env::temp_dir().join("nmp-outbox-memory-test"),
    })
    .unwrap();
    let account = s.get::<account::Entity>(editor.account_id).await.unwrap().unwrap();
    let gha = s
        .mechanism_by_slug("gha-national-peace-council")
        .await
        .unwrap()
        .unwrap();
    let who = nmp_collect::invite::Invitee {
        name: "Synthetic Respondent".into(),
        email: email.into(),
        country_iso3: Some("GHA".into()),
        mechanism_id: Some(gha.mechanism_id),
        due_on: "2099-01-01".into(),
        ..Default::default()
    };
    let invited = nmp_collect::invite::invite(s, &mailer, "http://nmp.test", &account, q.questionnaire_id, &who)
        .await
        .unwrap();
    let token = invited.link.rsplit('/').next().unwrap().to_string();
    let path = format!("/respond/{token}");
    let page = get(s, &path, None).await;
    let cookie = page
        .set_cookies
        .iter()
        .find(|c| c.starts_with("nmp_csrf="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    (path, cookie, page.csrf(), invited.invitation.invitation_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_concurrent_over_limit_uploads_leave_peak_memory_flat() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;

        // A response that holds all the files it may (small ones).
        let (path, cookie, csrf, invitation) = respondent(s, &editor, "full@example.org").await;
        let note = b"Synthetic note (test data)".as_slice();
        let names: Vec<String> = (0..nmp_collect::attach::MAX_FILES)
            .map(|i| format!("note-{i}.txt"))
            .collect();
        let files: Vec<(&str, &str, &[u8])> = names.iter().map(|n| ("f.documents", n.as_str(), note)).collect();
        let (content_type, body) = multipart_body(&[("csrf", &csrf), ("action", "save")], &files);
        let full = fetch(s, "POST", &path, Some(&cookie), Some(&content_type), body).await;
        assert_eq!(full.status, StatusCode::OK, "{}", full.text());
        assert_eq!(
            nmp_collect::attach::list(s, invitation).await.unwrap().len(),
            nmp_collect::attach::MAX_FILES
        );

        // A warm-up request (templates, pools, the allocator's arenas), then the round.
        let addr = serve(s).await;
        let fields = [("csrf", csrf.as_str()), ("action", "save"), ("q.acronym", "NPC-MEM")];
        let warm = send(
            addr,
            &path,
            &cookie,
            body_pieces(&fields, "f.documents", "big.pdf", 1, 1024),
        )
        .await;
        assert_ne!(warm.0, StatusCode::OK, "a full response takes no more files");
        let (answers, grew) = four_at_once(addr, &path, &cookie, || {
            body_pieces(&fields, "f.documents", "big.pdf", FILES, FILE_BYTES)
        })
        .await;
        eprintln!(
            "{}: four concurrent uploads of {FILES} x {} MB to a full response: peak grew {grew} MB",
            db.engine,
            FILE_BYTES / 1024 / 1024
        );
        for (status, page) in &answers {
            assert!(status.is_client_error(), "{}: refused, not {status}", db.engine);
            assert!(
                page.contains("at most 10 files"),
                "{}: the page says why: {}",
                db.engine,
                page.chars().take(800).collect::<String>()
            );
        }
        assert_eq!(
            nmp_collect::attach::list(s, invitation).await.unwrap().len(),
            nmp_collect::attach::MAX_FILES,
            "nothing stored"
        );
        assert!(
            grew < BOUND_MB,
            "{}: peak memory grew {grew} MB under four over-limit uploads (bound {BOUND_MB} MB)",
            db.engine
        );

        // Four uploads of ten 10 MB files to a response holding none: five fit its 50 MB and
        // wait in temporary files, the sixth does not, and nothing is saved.
        let (path, cookie, csrf, empty) = respondent(s, &editor, "empty@example.org").await;
        let fields = [("csrf", csrf.as_str()), ("action", "save")];
        let (answers, grew) = four_at_once(addr, &path, &cookie, || {
            body_pieces(&fields, "f.documents", "big.pdf", FILES, FILE_BYTES)
        })
        .await;
        eprintln!(
            "{}: four concurrent uploads of {FILES} x {} MB to an empty response: peak grew {grew} MB",
            db.engine,
            FILE_BYTES / 1024 / 1024
        );
        for (status, page) in &answers {
            assert_eq!(*status, StatusCode::PAYLOAD_TOO_LARGE, "{}", db.engine);
            assert!(
                page.contains("5-big.pdf was not attached: the files of a response may take at most 50.0 MB together"),
                "{}: {}",
                db.engine,
                page.chars().take(800).collect::<String>()
            );
        }
        assert!(
            nmp_collect::attach::list(s, empty).await.unwrap().is_empty(),
            "nothing stored"
        );
        assert!(
            grew < BOUND_MB,
            "{}: peak memory grew {grew} MB under four uploads over an empty response's total (bound {BOUND_MB} MB)",
            db.engine
        );

        // Four staff imports of a file over the import's limit.
        let import_fields = [
            ("csrf", editor.csrf.as_str()),
            ("kind", "organizations"),
            ("step", "check"),
        ];
        let session = format!("nmp_session={}", editor.token);
        let over = nmp_web::IMPORT_MAX_FILE_BYTES + 1024 * 1024;
        let (answers, grew) = four_at_once(addr, "/staff/import", &session, || {
            body_pieces(&import_fields, "file", "orgs.csv", 1, over)
        })
        .await;
        eprintln!(
            "{}: four concurrent imports of a {} MB file: peak grew {grew} MB",
            db.engine,
            over / 1024 / 1024
        );
        for (status, page) in &answers {
            assert_eq!(*status, StatusCode::PAYLOAD_TOO_LARGE, "{}", db.engine);
            assert!(page.contains("0-orgs.csv is larger than 16 MB"), "{}", page);
        }
        assert!(
            grew < BOUND_MB,
            "{}: peak memory grew {grew} MB under four over-limit imports (bound {BOUND_MB} MB)",
            db.engine
        );
        db.finish().await;
    }
}
