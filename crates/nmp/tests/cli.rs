//! The `nmp` binary as a user runs it: serve answers /healthz, errors are one clear line.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

fn nmp(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nmp"));
    cmd.current_dir(dir)
        .env_remove("NMP_DATABASE_URL")
        .env("NMP_LOG", "warn");
    cmd
}

fn http_get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `nmp serve` on a free port and returns it with the address it printed.
fn serve(dir: &std::path::Path) -> (Server, String) {
    let mut child = nmp(dir)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            let addr = rest.split('/').next().unwrap().to_string();
            return (server, addr);
        }
    }
    panic!("nmp serve never printed its URL");
}

#[test]
fn serve_seeds_an_empty_database_and_answers_healthz() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, addr) = serve(dir.path());
    let response = http_get(&addr, "/healthz");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let body = response.split("\r\n\r\n").nth(1).unwrap();
    let json: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(json["engine"], "sqlite");
    assert!(json["counts"]["countries"].as_u64().unwrap() >= 195);
    assert!(json["counts"]["mechanisms"].as_u64().unwrap() >= 12);
    assert!(
        dir.path().join("nmp.db").exists(),
        "the default database is nmp.db in the working directory"
    );

    // A second server on the same port fails with one line and a non-zero exit.
    let out = nmp(dir.path()).args(["serve", "--addr", &addr]).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot listen on") && stderr.trim().lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn bad_database_urls_and_settings_are_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (
            vec!["--database-url", "mysql://x/y", "migrate"],
            "expected sqlite://PATH or postgres://",
        ),
        (
            vec!["--database-url", "postgres://nmp:secret@127.0.0.1:1/nmp", "migrate"],
            "cannot connect to the database",
        ),
    ] {
        let out = nmp(dir.path()).args(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("secret"), "passwords never show: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
    let out = nmp(dir.path())
        .env("NMP_DATABSE_URL", "x")
        .args(["config", "show"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("NMP_DATABSE_URL"));
}

#[test]
fn seed_twice_then_verify_the_audit_chain() {
    let dir = tempfile::tempdir().unwrap();
    let first = nmp(dir.path()).arg("seed").output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stdout).contains("loaded the starter dataset"));
    let second = nmp(dir.path()).arg("seed").output().unwrap();
    assert!(String::from_utf8_lossy(&second.stdout).starts_with("nothing to add"));
    let verify = nmp(dir.path()).args(["audit", "verify"]).output().unwrap();
    assert!(verify.status.success());
    assert!(String::from_utf8_lossy(&verify.stdout).contains("audit chain intact"));
    let show = nmp(dir.path()).args(["config", "show"]).output().unwrap();
    assert!(String::from_utf8_lossy(&show.stdout).contains("database_url = \"sqlite://nmp.db\""));
}

#[test]
fn a_malformed_starter_file_fails_with_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("starter");
    copy_dir(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/starter")),
        &data,
    );
    let sources = data.join("sources.toml");
    let text = std::fs::read_to_string(&sources).unwrap();
    std::fs::write(&sources, text.replacen("kind = \"", "kind = \"rumour", 1)).unwrap();
    let out = nmp(dir.path())
        .args(["seed", "--dir", data.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("sources.toml:") && stderr.contains("rumour"),
        "{stderr}"
    );
    let health = nmp(dir.path()).args(["audit", "verify"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&health.stdout).contains("0 events"),
        "nothing was written"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn user_add_prints_a_link_and_a_partner_needs_a_known_organisation() {
    let dir = tempfile::tempdir().unwrap();
    assert!(nmp(dir.path()).arg("seed").output().unwrap().status.success());
    let add = |args: &[&str]| nmp(dir.path()).args(["user", "add"]).args(args).output().unwrap();
    let ok = add(&[
        "--email",
        "ed@example.org",
        "--name",
        "Synthetic Editor",
        "--role",
        "editor",
    ]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("/set-password/"));
    let partner = [
        "--email",
        "p@example.org",
        "--name",
        "Synthetic Partner",
        "--role",
        "partner",
    ];
    let missing = add(&partner);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--organization"));
    let unknown = add(&[&partner[..], &["--organization", "no-such-organisation"]].concat());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no organisation has the slug"));
    let known = add(&[&partner[..], &["--organization", "binghamton-university"]].concat());
    assert!(known.status.success(), "{}", String::from_utf8_lossy(&known.stderr));
    let editor_with_org = add(&[
        "--email",
        "e2@example.org",
        "--name",
        "X",
        "--role",
        "editor",
        "--organization",
        "binghamton-university",
    ]);
    assert!(String::from_utf8_lossy(&editor_with_org.stderr).contains("only partner accounts"));
    let list = nmp(dir.path()).args(["user", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.contains("ed@example.org") && text.contains("p@example.org") && !text.contains("e2@example.org"));
    assert!(text.contains("two-factor off"), "{text}");
    let reset = nmp(dir.path())
        .args(["user", "reset-two-factor", "--email", "ed@example.org"])
        .output()
        .unwrap();
    assert!(reset.status.success(), "{}", String::from_utf8_lossy(&reset.stderr));
    assert!(String::from_utf8_lossy(&reset.stdout).contains("had no second factor"));
    let nobody = nmp(dir.path())
        .args(["user", "reset-two-factor", "--email", "nobody@example.org"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("no account with email nobody@example.org"));
}

#[test]
fn questionnaire_default_remind_and_export_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    assert!(nmp(dir.path()).arg("seed").output().unwrap().status.success());
    let made = nmp(dir.path())
        .args(["questionnaire", "default", "--edition", "2017"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert!(String::from_utf8_lossy(&made.stdout).contains("2017-default-r1"));
    let again = nmp(dir.path())
        .args(["questionnaire", "default", "--edition", "2017"])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has the default questionnaire"));
    let unknown = nmp(dir.path())
        .args(["questionnaire", "default", "--edition", "1999"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no edition has the slug \"1999\""));
    let remind = nmp(dir.path())
        .args(["questionnaire", "remind", "--dry-run"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&remind.stdout).contains("no reminders are due"));
    let out = dir.path().join("responses.csv");
    let export = nmp(dir.path())
        .args(["questionnaire", "export", "--id", "1", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("invitation_id,respondent_name"));
    // A bad mail setting is named.
    let bad = nmp(dir.path())
        .env("NMP_SMTP_HOST", "127.0.0.1")
        .env("NMP_SMTP_SECURITY", "ssl")
        .args(["questionnaire", "remind"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("smtp_security"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}
