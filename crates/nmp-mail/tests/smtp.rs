//! Sending through a real SMTP server: aiosmtpd (from PyPI), started by the test on a free port,
//! storing what it receives in a Maildir that the test then reads.
//!
//! The server's Python comes from `NMP_TEST_SMTP_PYTHON` (`scripts/setup-smtp-test` installs it
//! and prints the path). Without it the test says how to run it and checks nothing; with
//! `NMP_REQUIRE_SMTP=1` (as in `.ci/run`) a missing server is a failure.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nmp_mail::{Delivery, Mail, MailSettings, Mailer, Security, Smtp};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn python() -> Option<String> {
    match std::env::var("NMP_TEST_SMTP_PYTHON") {
        Ok(p) if !p.is_empty() => Some(p),
        _ => {
            assert!(
                std::env::var("NMP_REQUIRE_SMTP").as_deref() != Ok("1"),
                "NMP_REQUIRE_SMTP=1 but NMP_TEST_SMTP_PYTHON is not set (run scripts/setup-smtp-test)"
            );
            eprintln!(
                "note: the SMTP test did not run; run it with NMP_TEST_SMTP_PYTHON=\"$(scripts/setup-smtp-test)\" cargo test -p nmp-mail"
            );
            None
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn a_message_reaches_a_real_smtp_server() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("maildir");
    let port = free_port();
    let _server = Server(
        Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox", maildir.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd"),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "aiosmtpd did not listen on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let mailer = Mailer::new(MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: Some(Smtp {
            host: "127.0.0.1".into(),
            port,
            security: Security::None,
            credentials: None,
        }),
        outbox: dir.path().join("outbox"),
    })
    .unwrap();
    let mail = Mail {
        to: "respondent@example.org".into(),
        subject: "Invitation to the synthetic test questionnaire".into(),
        body: "Your personal link: http://127.0.0.1:8080/respond/0123456789abcdef".into(),
    };
    let delivery = mailer.send(&mail).await.unwrap();
    assert!(
        matches!(&delivery, Delivery::Sent(reply) if reply.starts_with("250")),
        "{delivery:?}"
    );
    assert!(!dir.path().join("outbox").exists(), "nothing went to the outbox");
    // The server stored exactly one message, with our headers and body.
    let new = maildir.join("new");
    let deadline = Instant::now() + Duration::from_secs(10);
    let files = loop {
        let files: Vec<_> = std::fs::read_dir(&new)
            .map(|d| d.flatten().collect())
            .unwrap_or_default();
        if !files.is_empty() || Instant::now() > deadline {
            break files;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(text.contains("To: respondent@example.org"), "{text}");
    assert!(text.contains("Subject: Invitation to the synthetic test questionnaire"));
    assert!(text.contains("/respond/0123456789abcdef"));

    // A server that is not there: a clear error naming host and port.
    let gone = Mailer::new(MailSettings {
        from: "nmp@example.org".into(),
        smtp: Some(Smtp {
            host: "127.0.0.1".into(),
            port: free_port(),
            security: Security::None,
            credentials: None,
        }),
        outbox: dir.path().join("outbox"),
    })
    .unwrap();
    let e = gone.send(&mail).await.unwrap_err();
    assert!(e.to_string().starts_with("SMTP 127.0.0.1:"), "{e}");
}
