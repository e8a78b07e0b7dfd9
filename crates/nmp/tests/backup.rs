//! `nmp backup` and `nmp restore` as a user runs them: the starter dataset with an account, a
//! questionnaire and a published edition, backed up while `nmp serve` runs, restored into a new
//! SQLite file (and, when `NMP_TEST_POSTGRES_URL` is set, into PostgreSQL and back), with every
//! row, the counts and the audit chain the same; refusals are one clear line and write nothing.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

fn nmp(dir: &Path, url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nmp"));
    cmd.current_dir(dir)
        .env_remove("NMP_DATABASE_URL")
        .env("NMP_LOG", "warn")
        .args(["--database-url", url]);
    cmd
}

fn run(dir: &Path, url: &str, args: &[&str]) -> Output {
    let out = nmp(dir, url).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "nmp {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `nmp serve` on a free port, once it listens.
fn serve(dir: &Path, url: &str) -> Server {
    let mut child = nmp(dir, url)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    for line in BufReader::new(stdout).lines() {
        if line.unwrap().contains("http://") {
            return server;
        }
    }
    panic!("nmp serve never printed its URL");
}

/// The head line of `nmp audit verify`.
fn chain(dir: &Path, url: &str) -> String {
    let out = stdout(&run(dir, url, &["audit", "verify"]));
    assert!(out.contains("audit chain intact"), "{out}");
    out
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_to_the_same_rows_on_either_engine() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = format!("sqlite://{}", d.join("a.db").display());
    run(d, &a, &["seed"]);
    run(
        d,
        &a,
        &[
            "user",
            "add",
            "--email",
            "editor@example.org",
            "--name",
            "Synthetic Editor",
            "--role",
            "editor",
        ],
    );
    run(d, &a, &["questionnaire", "default", "--edition", "2018"]);
    run(d, &a, &["edition", "publish", "2017"]);

    let file = d.join("a.jsonl.gz");
    let backup = {
        let _server = serve(d, &a);
        run(d, &a, &["backup", "--out", file.to_str().unwrap()])
    };
    assert!(stdout(&backup).contains("read back whole"), "{}", stdout(&backup));
    let progress = String::from_utf8_lossy(&backup.stderr);
    assert!(progress.contains("read country: 195 rows"), "{progress}");

    // Into a new SQLite file.
    let b = format!("sqlite://{}", d.join("b.db").display());
    let restored = stdout(&run(d, &b, &["restore", file.to_str().unwrap()]));
    assert!(
        restored.contains("every table's row count equals the backup's") && restored.contains("audit chain intact"),
        "{restored}"
    );
    assert_eq!(chain(d, &b), chain(d, &a));
    let again = d.join("b.jsonl.gz");
    run(d, &b, &["backup", "--out", again.to_str().unwrap()]);
    let rows = nmp_store::backup::table_rows(&file).unwrap();
    assert_eq!(nmp_store::backup::table_rows(&again).unwrap(), rows);
    for table in [
        "account",
        "questionnaire",
        "question",
        "edition_snapshot",
        "audit_event",
        "mechanism",
    ] {
        assert!(!rows[table].is_empty(), "the backup holds {table} rows");
    }

    // Refusals: one line, nothing written.
    let twice = nmp(d, &b).args(["restore", file.to_str().unwrap()]).output().unwrap();
    assert!(!twice.status.success());
    let err = String::from_utf8_lossy(&twice.stderr);
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("error: ") && last.contains("the database is not empty: table account holds 1 row."),
        "{err}"
    );
    assert_eq!(chain(d, &b), chain(d, &a), "the refused restore changed nothing");
    let bytes = std::fs::read(&file).unwrap();
    let cut = d.join("cut.jsonl.gz");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let c = format!("sqlite://{}", d.join("c.db").display());
    let refused = nmp(d, &c).args(["restore", cut.to_str().unwrap()]).output().unwrap();
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("cut.jsonl.gz") && err.contains("cut short"), "{err}");
    assert!(!d.join("c.db").exists(), "no database file was created");
    let missing = format!("sqlite://{}", d.join("missing.db").display());
    let none = nmp(d, &missing)
        .args(["backup", "--out", d.join("m.jsonl.gz").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("there is no database at"));
    assert!(!d.join("missing.db").exists() && !d.join("m.jsonl.gz").exists());
    let checked = stdout(&run(d, &c, &["restore", "--check", file.to_str().unwrap()]));
    assert!(
        checked.contains("is intact") && checked.contains("from sqlite"),
        "{checked}"
    );
    assert!(!d.join("c.db").exists(), "--check touches no database");

    // Across to PostgreSQL and back to SQLite.
    let Some(pg) = nmp_store::testing::blank_postgres().await else {
        assert_ne!(
            std::env::var("NMP_REQUIRE_POSTGRES").as_deref(),
            Ok("1"),
            "NMP_REQUIRE_POSTGRES=1 but NMP_TEST_POSTGRES_URL is not set"
        );
        eprintln!("note: the PostgreSQL half ran only with NMP_TEST_POSTGRES_URL set");
        return;
    };
    let p = pg.url().to_string();
    assert!(stdout(&run(d, &p, &["restore", file.to_str().unwrap()])).contains("audit chain intact"));
    assert_eq!(chain(d, &p), chain(d, &a));
    let from_pg = d.join("pg.jsonl.gz");
    run(d, &p, &["backup", "--out", from_pg.to_str().unwrap()]);
    assert_eq!(nmp_store::backup::table_rows(&from_pg).unwrap(), rows);
    let e = format!("sqlite://{}", d.join("e.db").display());
    run(d, &e, &["restore", from_pg.to_str().unwrap()]);
    assert_eq!(chain(d, &e), chain(d, &a));
    let back = d.join("e.jsonl.gz");
    run(d, &e, &["backup", "--out", back.to_str().unwrap()]);
    assert_eq!(nmp_store::backup::table_rows(&back).unwrap(), rows);
    pg.finish().await;
}
