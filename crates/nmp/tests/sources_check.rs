//! `nmp sources check` against a local HTTP server started by the test: a page that answers 200,
//! a 301 to it, a 404, a page slower than the timeout, and a page whose content changes between
//! two checks. The sources are synthetic test rows pointing at the local server.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use nmp_store::Set;
use nmp_store::entity::{link_check, source};

#[derive(Clone, Default)]
struct Seen {
    changing: Arc<AtomicUsize>,
    agents: Arc<std::sync::Mutex<Vec<String>>>,
}

fn note_agent(seen: &Seen, headers: &HeaderMap) {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    seen.agents.lock().unwrap().push(agent.to_string());
}

async fn server(seen: Seen) -> String {
    let app = Router::new()
        .route(
            "/ok",
            get(
                |axum::extract::State(s): axum::extract::State<Seen>, h: HeaderMap| async move {
                    note_agent(&s, &h);
                    "A page that stays the same."
                },
            ),
        )
        .route(
            "/moved",
            get(|| async { (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, "/ok")]).into_response() }),
        )
        .route("/gone", get(|| async { (StatusCode::NOT_FOUND, "no such page") }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "too late"
            }),
        )
        .route(
            "/changing",
            get(|axum::extract::State(s): axum::extract::State<Seen>| async move {
                let n = s.changing.fetch_add(1, Ordering::SeqCst);
                format!("Visit number {n}.")
            }),
        )
        .with_state(seen);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

async fn run_nmp(dir: &std::path::Path, db: &str, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_nmp"));
    cmd.current_dir(dir)
        .env_remove("NMP_DATABASE_URL")
        .env("NMP_LOG", "warn")
        .args(["--database-url", db])
        .args(args);
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sources_check_reports_dead_redirected_changed_and_timed_out_links() {
    let seen = Seen::default();
    let base = server(seen.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("nmp.db").display());
    let store = nmp_store::Store::connect(&db).await.unwrap();
    store.migrate().await.unwrap();
    let mut w = store.writer("system:test").await.unwrap();
    for slug in ["ok", "moved", "gone", "slow", "changing"] {
        w.insert(source::ActiveModel {
            slug: Set(format!("test-{slug}")),
            title: Set(format!("Synthetic test source {slug}")),
            kind: Set("web_page".into()),
            url: Set(Some(format!("{base}/{slug}"))),
            note: Set(Some("synthetic test row".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    w.commit().await.unwrap();

    let first = run_nmp(
        dir.path(),
        &db,
        &["sources", "check", "--timeout", "1", "--concurrency", "4"],
    )
    .await;
    let stdout = String::from_utf8_lossy(&first.stdout);
    let stderr = String::from_utf8_lossy(&first.stderr);
    println!("{stdout}\n{stderr}");
    assert_eq!(
        first.status.code(),
        Some(1),
        "a dead link fails the command: {stdout}\n{stderr}"
    );
    let line = |slug: &str| {
        stdout
            .lines()
            .find(|l| l.contains(&format!(" test-{slug} ")))
            .unwrap_or_else(|| panic!("no line for {slug}: {stdout}"))
            .to_string()
    };
    assert!(
        line("gone").starts_with("dead") && line("gone").contains("404"),
        "{stdout}"
    );
    assert!(
        line("slow").starts_with("error") && line("slow").contains("timed out after 1 s"),
        "{stdout}"
    );
    assert!(
        line("moved").starts_with("redirected") && line("moved").contains(&format!("via {base}/ok")),
        "{stdout}"
    );
    assert!(line("ok").starts_with("ok"), "{stdout}");
    assert!(
        line("changing").starts_with("ok"),
        "a first check has nothing to compare: {stdout}"
    );
    // Worst first: the dead link heads the list.
    assert!(stdout.lines().next().unwrap().starts_with("dead"), "{stdout}");
    assert!(
        stdout.contains("checked 5 URLs: 2 ok, 1 redirected, 0 changed, 1 error, 1 dead"),
        "{stdout}"
    );
    assert!(stderr.contains("[5/5]"), "progress is shown: {stderr}");
    assert!(stderr.contains("1 dead link(s)"), "{stderr}");
    assert!(
        seen.agents
            .lock()
            .unwrap()
            .iter()
            .all(|a| a.starts_with("NMP-link-check/")),
        "every request names NMP: {:?}",
        seen.agents.lock().unwrap()
    );

    // The changing page again: its content hash differs, and nothing is dead.
    let second = run_nmp(dir.path(), &db, &["sources", "check", "--only", "test-changing"]).await;
    let stdout = String::from_utf8_lossy(&second.stdout);
    println!("{stdout}");
    assert!(
        second.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(stdout.starts_with("changed"), "{stdout}");
    assert!(
        stdout.contains("checked 1 URLs: 0 ok, 0 redirected, 1 changed, 0 error, 0 dead"),
        "{stdout}"
    );

    // Everything is stored: six rows, two runs, the changed row marked.
    let rows = store.all::<link_check::Entity>().await.unwrap();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows.iter().filter(|r| r.changed).count(), 1);
    let slow = rows.iter().find(|r| r.url.ends_with("/slow")).unwrap();
    assert_eq!(slow.status_code, None);
    assert!(slow.content_sha256.is_none() && slow.error.is_some());
    let moved = rows.iter().find(|r| r.url.ends_with("/moved")).unwrap();
    assert_eq!(moved.status_code, Some(200));
    assert_eq!(moved.final_url.as_deref(), Some(format!("{base}/ok").as_str()));
    assert_eq!(
        moved.content_sha256.as_deref(),
        Some(nmp_core::hash::sha256_hex(b"A page that stays the same.").as_str())
    );

    // An unknown key is refused with its name.
    let unknown = run_nmp(dir.path(), &db, &["sources", "check", "--only", "no-such-source"]).await;
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no-such-source"));
}
