//! Outgoing mail. With SMTP settings, messages are sent with `lettre` (plain, STARTTLS or TLS);
//! without, each is written as an `.eml` file to the outbox folder, where the workspace shows it.
//! Either way the caller learns what happened ([`Delivery`]) and records it.

#![forbid(unsafe_code)]

use std::path::PathBuf;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// No encryption (a local relay, or a test server).
    None,
    /// Plain connection upgraded with STARTTLS (usually port 587).
    StartTls,
    /// TLS from the start (usually port 465).
    Tls,
}

impl Security {
    /// Parses `none`, `starttls` or `tls`.
    pub fn parse(text: &str) -> Result<Security, MailError> {
        match text {
            "none" => Ok(Security::None),
            "starttls" => Ok(Security::StartTls),
            "tls" => Ok(Security::Tls),
            other => Err(MailError::Settings(format!(
                "smtp_security {other:?} is not one of: none, starttls, tls"
            ))),
        }
    }
}

/// An SMTP server.
#[derive(Clone, Debug)]
pub struct Smtp {
    /// Host name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// How the connection is secured.
    pub security: Security,
    /// User name and password, if the server wants them.
    pub credentials: Option<(String, String)>,
}

/// Where mail goes.
#[derive(Clone, Debug)]
pub struct MailSettings {
    /// The sender (`NMP <nmp@example.org>`).
    pub from: String,
    /// The SMTP server; `None` writes to `outbox`.
    pub smtp: Option<Smtp>,
    /// The outbox folder.
    pub outbox: PathBuf,
}

/// One plain-text message.
#[derive(Clone, Debug)]
pub struct Mail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Body (plain text).
    pub body: String,
}

/// What happened to a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Accepted by the SMTP server, with its reply.
    Sent(String),
    /// Written to this file in the outbox.
    Outbox(PathBuf),
}

/// Why a message could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The settings are unusable.
    #[error("mail settings: {0}")]
    Settings(String),
    /// An address or header is malformed.
    #[error("message to {to}: {reason}")]
    Message {
        /// The recipient.
        to: String,
        /// What is wrong.
        reason: String,
    },
    /// The SMTP server refused or could not be reached.
    #[error("SMTP {host}:{port}: {reason}")]
    Smtp {
        /// Server.
        host: String,
        /// Port.
        port: u16,
        /// The error.
        reason: String,
    },
    /// The outbox could not be written.
    #[error("outbox {path}: {reason}")]
    Outbox {
        /// The file.
        path: String,
        /// The error.
        reason: String,
    },
}

/// Sends or files messages with one set of settings.
#[derive(Clone, Debug)]
pub struct Mailer {
    settings: MailSettings,
}

impl Mailer {
    /// A mailer; checks that the sender is an address.
    pub fn new(settings: MailSettings) -> Result<Mailer, MailError> {
        settings
            .from
            .parse::<Mailbox>()
            .map_err(|e| MailError::Settings(format!("mail_from {:?}: {e}", settings.from)))?;
        Ok(Mailer { settings })
    }

    /// The sender's address alone (`nmp@example.org` of `NMP <nmp@example.org>`): where
    /// replies to invitations and reminders go.
    pub fn sender_address(&self) -> String {
        self.settings
            .from
            .parse::<Mailbox>()
            .map(|m| m.email.to_string())
            .unwrap_or_else(|_| self.settings.from.clone())
    }

    /// Whether messages go to an SMTP server (else to the outbox).
    pub fn uses_smtp(&self) -> bool {
        self.settings.smtp.is_some()
    }

    /// The outbox folder.
    pub fn outbox(&self) -> &std::path::Path {
        &self.settings.outbox
    }

    fn message(&self, mail: &Mail) -> Result<Message, MailError> {
        let bad = |reason: String| MailError::Message {
            to: mail.to.clone(),
            reason,
        };
        let to: Mailbox = mail.to.parse().map_err(|e| bad(format!("address: {e}")))?;
        let from: Mailbox = self.settings.from.parse().map_err(|e| bad(format!("sender: {e}")))?;
        Message::builder()
            .from(from)
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| bad(e.to_string()))
    }

    /// Sends `mail` over SMTP, or writes it to the outbox.
    pub async fn send(&self, mail: &Mail) -> Result<Delivery, MailError> {
        let message = self.message(mail)?;
        match &self.settings.smtp {
            Some(smtp) => {
                let err = |reason: String| MailError::Smtp {
                    host: smtp.host.clone(),
                    port: smtp.port,
                    reason,
                };
                let builder = match smtp.security {
                    Security::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
                    Security::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)
                        .map_err(|e| err(e.to_string()))?,
                    Security::Tls => {
                        AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host).map_err(|e| err(e.to_string()))?
                    }
                };
                let mut builder = builder
                    .port(smtp.port)
                    .timeout(Some(std::time::Duration::from_secs(30)));
                if let Some((user, password)) = &smtp.credentials {
                    builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
                }
                let response = builder.build().send(message).await.map_err(|e| err(e.to_string()))?;
                let reply: Vec<&str> = response.message().collect();
                Ok(Delivery::Sent(format!("{} {}", response.code(), reply.join(" "))))
            }
            None => {
                let dir = &self.settings.outbox;
                let outbox_err = |path: &std::path::Path, e: std::io::Error| MailError::Outbox {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                };
                std::fs::create_dir_all(dir).map_err(|e| outbox_err(dir, e))?;
                let now = time::OffsetDateTime::now_utc();
                let safe: String = mail
                    .to
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let name = format!(
                    "{:04}{:02}{:02}T{:02}{:02}{:02}.{:09}-{safe}.eml",
                    now.year(),
                    u8::from(now.month()),
                    now.day(),
                    now.hour(),
                    now.minute(),
                    now.second(),
                    now.nanosecond()
                );
                let path = dir.join(name);
                // Write beside, then rename: the outbox never holds half a message.
                let partial = path.with_extension("eml.part");
                std::fs::write(&partial, message.formatted()).map_err(|e| outbox_err(&partial, e))?;
                std::fs::rename(&partial, &path).map_err(|e| outbox_err(&path, e))?;
                Ok(Delivery::Outbox(path))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outbox_mailer(dir: &std::path::Path) -> Mailer {
        Mailer::new(MailSettings {
            from: "NMP <nmp@example.org>".into(),
            smtp: None,
            outbox: dir.join("outbox"),
        })
        .unwrap()
    }

    #[tokio::test]
    async fn without_smtp_messages_are_written_to_the_outbox() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = outbox_mailer(dir.path());
        let mail = Mail {
            to: "respondent@example.org".into(),
            subject: "Invitation".into(),
            body: "Please answer: http://127.0.0.1/respond/abc".into(),
        };
        let Delivery::Outbox(path) = mailer.send(&mail).await.unwrap() else {
            panic!("expected the outbox")
        };
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("To: respondent@example.org"));
        assert!(text.contains("Subject: Invitation"));
        assert!(text.contains("/respond/abc"));
        assert_eq!(std::fs::read_dir(dir.path().join("outbox")).unwrap().count(), 1);
    }

    #[tokio::test]
    async fn bad_addresses_and_settings_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = outbox_mailer(dir.path());
        let bad = Mail {
            to: "not an address".into(),
            subject: "x".into(),
            body: "y".into(),
        };
        let e = mailer.send(&bad).await.unwrap_err();
        assert!(e.to_string().contains("not an address"), "{e}");
        assert!(
            Mailer::new(MailSettings {
                from: "nobody".into(),
                smtp: None,
                outbox: dir.path().into()
            })
            .is_err()
        );
        assert!(
            Security::parse("ssl")
                .unwrap_err()
                .to_string()
                .contains("none, starttls, tls")
        );
    }
}
