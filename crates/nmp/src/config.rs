//! Configuration: defaults, then `nmp.toml` (or the file `--config`/`NMP_CONFIG` names), then
//! `NMP_*` environment variables, then command-line flags, into one typed struct. Unknown keys in
//! the file and unknown `NMP_*` variables are errors that name the key, so a typo never passes
//! silently. Every setting is listed in the README.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

/// The settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Config {
    /// `sqlite://PATH` (default `sqlite://nmp.db`) or `postgres://USER:PASSWORD@HOST:PORT/DB`.
    pub database_url: String,
    /// Address `nmp serve` listens on.
    pub addr: String,
    /// Log filter (`info`, `debug`, `nmp_web=debug,info`, ...).
    pub log: String,
    /// Whether `nmp serve` loads the starter dataset into an empty database.
    pub seed_on_empty: bool,
    /// The site's public address for links in mail (default `http://ADDR`).
    pub public_url: Option<String>,
    /// The sender of invitations and reminders.
    pub mail_from: String,
    /// SMTP server; without it, mail is written to `outbox_dir`.
    pub smtp_host: Option<String>,
    /// SMTP port.
    pub smtp_port: u16,
    /// `starttls`, `tls` or `none`.
    pub smtp_security: String,
    /// SMTP user name, if the server wants one.
    pub smtp_username: Option<String>,
    /// SMTP password (redacted by `config show`).
    pub smtp_password: Option<String>,
    /// Where mail goes when no SMTP server is set.
    pub outbox_dir: String,
    /// Where report builds started from the workspace are kept.
    pub builds_dir: String,
    /// The header a trusted reverse proxy puts the client's address in (`X-Forwarded-For`,
    /// `X-Real-IP`); unset, the connection's peer address is the client's.
    pub trusted_proxy_header: Option<String>,
    /// Which roles must sign in with a second factor: `false` (nobody; the default), `true`
    /// (administrators and editors) or a comma-separated list of roles.
    pub require_two_factor: String,
    /// The search index's directory; unset, `PATH.search` beside a SQLite database file, or
    /// `search-index` in the working directory for PostgreSQL.
    pub search_dir: Option<String>,
    /// Whether `nmp serve` keeps finished public answers in its read cache (default `true`);
    /// `false` answers every request afresh (for measuring the uncached path).
    pub read_cache: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://nmp.db".into(),
            addr: "127.0.0.1:8080".into(),
            log: "info".into(),
            seed_on_empty: true,
            public_url: None,
            mail_from: "NMP <nmp@localhost>".into(),
            smtp_host: None,
            smtp_port: 587,
            smtp_security: "starttls".into(),
            smtp_username: None,
            smtp_password: None,
            outbox_dir: "outbox".into(),
            builds_dir: "builds".into(),
            trusted_proxy_header: None,
            require_two_factor: "false".into(),
            search_dir: None,
            read_cache: true,
        }
    }
}

/// The same settings, each optional, as read from the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    addr: Option<String>,
    log: Option<String>,
    seed_on_empty: Option<bool>,
    public_url: Option<String>,
    mail_from: Option<String>,
    smtp_host: Option<String>,
    smtp_port: Option<u16>,
    smtp_security: Option<String>,
    smtp_username: Option<String>,
    smtp_password: Option<String>,
    outbox_dir: Option<String>,
    builds_dir: Option<String>,
    trusted_proxy_header: Option<String>,
    require_two_factor: Option<TwoFactorSetting>,
    search_dir: Option<String>,
    read_cache: Option<bool>,
}

/// `require_two_factor` in the file: a boolean or a list of roles (as text or a TOML array).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum TwoFactorSetting {
    Bool(bool),
    Text(String),
    Roles(Vec<String>),
}

impl TwoFactorSetting {
    fn text(self) -> String {
        match self {
            TwoFactorSetting::Bool(b) => b.to_string(),
            TwoFactorSetting::Text(t) => t,
            TwoFactorSetting::Roles(r) => r.join(","),
        }
    }
}

/// Environment variables of ours that are not settings (read by the test and tool scripts).
const TEST_VARIABLES: &[&str] = &[
    "NMP_TEST_POSTGRES_URL",
    "NMP_REQUIRE_POSTGRES",
    "NMP_CONFIG",
    "NMP_TOOLS_DIR",
    "NMP_ARTIFACTS",
    "NMP_BASE_URL",
    "NMP_TEST_SMTP_PYTHON",
    "NMP_REQUIRE_SMTP",
    "NMP_TEST_AGREEMENT_PYTHON",
    "NMP_REQUIRE_AGREEMENT",
    "NMP_TEST_OUTCOMES_PDF",
    "NMP_TEST_CHIEF_LINK",
    "NMP_TEST_RATER_A_LINK",
    "NMP_TEST_RATER_B_LINK",
    "NMP_TEST_EDITOR_LINK",
    "NMP_TEST_STUDENT_LINK",
    "NMP_TEST_COORDINATOR_LINK",
    "NMP_TEST_ADMIN_LINK",
    "NMP_TEST_SEARCHER_LINK",
    "NMP_BENCH_DIR",
    "NMP_BENCH_SEED",
    "NMP_DATASETTE_VERSION",
    "NMP_SCHEMATHESIS_VERSION",
];

/// Flags that override everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `--database-url`.
    pub database_url: Option<String>,
    /// `--addr`.
    pub addr: Option<String>,
}

impl Config {
    /// Loads the configuration. `file` is the explicit `--config` path; without it `nmp.toml` in
    /// the working directory is read if it exists.
    pub fn load(file: Option<&Path>, env: &BTreeMap<String, String>, flags: &Overrides) -> anyhow::Result<Config> {
        let mut config = Config::default();
        let explicit = file
            .map(Path::to_path_buf)
            .or_else(|| env.get("NMP_CONFIG").map(PathBuf::from));
        let path = explicit.clone().unwrap_or_else(|| PathBuf::from("nmp.toml"));
        if path.exists() {
            let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let parsed: FileConfig = toml::from_str(&text).map_err(|e| {
                let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
                anyhow::anyhow!(
                    "{}{}: {}",
                    path.display(),
                    line.map(|l| format!(":{l}")).unwrap_or_default(),
                    e.message()
                )
            })?;
            config.apply_file(parsed);
        } else if let Some(p) = explicit {
            bail!("config file {} does not exist", p.display());
        }
        config.apply_env(env)?;
        config.two_factor()?;
        if let Some(url) = &flags.database_url {
            config.database_url = url.clone();
        }
        if let Some(addr) = &flags.addr {
            config.addr = addr.clone();
        }
        Ok(config)
    }

    fn apply_file(&mut self, f: FileConfig) {
        if let Some(v) = f.database_url {
            self.database_url = v;
        }
        if let Some(v) = f.addr {
            self.addr = v;
        }
        if let Some(v) = f.log {
            self.log = v;
        }
        if let Some(v) = f.seed_on_empty {
            self.seed_on_empty = v;
        }
        if f.public_url.is_some() {
            self.public_url = f.public_url;
        }
        if let Some(v) = f.mail_from {
            self.mail_from = v;
        }
        if f.smtp_host.is_some() {
            self.smtp_host = f.smtp_host;
        }
        if let Some(v) = f.smtp_port {
            self.smtp_port = v;
        }
        if let Some(v) = f.smtp_security {
            self.smtp_security = v;
        }
        if f.smtp_username.is_some() {
            self.smtp_username = f.smtp_username;
        }
        if f.smtp_password.is_some() {
            self.smtp_password = f.smtp_password;
        }
        if let Some(v) = f.outbox_dir {
            self.outbox_dir = v;
        }
        if let Some(v) = f.builds_dir {
            self.builds_dir = v;
        }
        if f.trusted_proxy_header.is_some() {
            self.trusted_proxy_header = f.trusted_proxy_header;
        }
        if let Some(v) = f.require_two_factor {
            self.require_two_factor = v.text();
        }
        if f.search_dir.is_some() {
            self.search_dir = f.search_dir;
        }
        if let Some(v) = f.read_cache {
            self.read_cache = v;
        }
    }

    fn apply_env(&mut self, env: &BTreeMap<String, String>) -> anyhow::Result<()> {
        for (key, value) in env.iter().filter(|(k, _)| k.starts_with("NMP_")) {
            match key.as_str() {
                "NMP_DATABASE_URL" => self.database_url = value.clone(),
                "NMP_ADDR" => self.addr = value.clone(),
                "NMP_LOG" => self.log = value.clone(),
                "NMP_SEED_ON_EMPTY" => {
                    self.seed_on_empty = match value.as_str() {
                        "1" | "true" | "yes" => true,
                        "0" | "false" | "no" => false,
                        other => {
                            bail!("NMP_SEED_ON_EMPTY: {other:?} is not a boolean (true or false)")
                        }
                    }
                }
                "NMP_PUBLIC_URL" => self.public_url = Some(value.clone()),
                "NMP_MAIL_FROM" => self.mail_from = value.clone(),
                "NMP_SMTP_HOST" => self.smtp_host = Some(value.clone()),
                "NMP_SMTP_PORT" => {
                    self.smtp_port = value
                        .parse()
                        .map_err(|_| anyhow::anyhow!("NMP_SMTP_PORT: {value:?} is not a port number"))?
                }
                "NMP_SMTP_SECURITY" => self.smtp_security = value.clone(),
                "NMP_SMTP_USERNAME" => self.smtp_username = Some(value.clone()),
                "NMP_SMTP_PASSWORD" => self.smtp_password = Some(value.clone()),
                "NMP_OUTBOX_DIR" => self.outbox_dir = value.clone(),
                "NMP_BUILDS_DIR" => self.builds_dir = value.clone(),
                "NMP_TRUSTED_PROXY_HEADER" => self.trusted_proxy_header = Some(value.clone()),
                "NMP_REQUIRE_TWO_FACTOR" => self.require_two_factor = value.clone(),
                "NMP_SEARCH_DIR" => self.search_dir = Some(value.clone()),
                "NMP_READ_CACHE" => {
                    self.read_cache = match value.as_str() {
                        "1" | "true" | "yes" | "on" => true,
                        "0" | "false" | "no" | "off" => false,
                        other => bail!("NMP_READ_CACHE: {other:?} is not on or off (true or false)"),
                    }
                }
                k if TEST_VARIABLES.contains(&k) => {}
                unknown => bail!(
                    "unknown environment variable {unknown}: the settings are NMP_DATABASE_URL, NMP_ADDR, NMP_LOG, NMP_SEED_ON_EMPTY, NMP_PUBLIC_URL, NMP_MAIL_FROM, NMP_SMTP_HOST, NMP_SMTP_PORT, NMP_SMTP_SECURITY, NMP_SMTP_USERNAME, NMP_SMTP_PASSWORD, NMP_OUTBOX_DIR, NMP_BUILDS_DIR, NMP_TRUSTED_PROXY_HEADER, NMP_REQUIRE_TWO_FACTOR, NMP_SEARCH_DIR, NMP_READ_CACHE (and NMP_CONFIG for the file)"
                ),
            }
        }
        Ok(())
    }

    /// The trusted proxy's client-address header, checked to be a header name.
    pub fn trusted_proxy_header(&self) -> anyhow::Result<Option<axum::http::HeaderName>> {
        match self.trusted_proxy_header.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(name) => axum::http::HeaderName::from_bytes(name.as_bytes())
                .map(Some)
                .map_err(|_| {
                    anyhow::anyhow!("trusted_proxy_header: {name:?} is not a header name (for example X-Forwarded-For)")
                }),
        }
    }

    /// The mail settings, checked (`smtp_security` and `mail_from` must make sense).
    pub fn mail(&self, local_addr: &str) -> anyhow::Result<nmp_web::MailSetup> {
        let smtp = match &self.smtp_host {
            None => None,
            Some(host) => Some(nmp_mail::Smtp {
                host: host.clone(),
                port: self.smtp_port,
                security: nmp_mail::Security::parse(&self.smtp_security)?,
                credentials: match (&self.smtp_username, &self.smtp_password) {
                    (Some(u), Some(p)) => Some((u.clone(), p.clone())),
                    (None, None) => None,
                    _ => bail!("smtp_username and smtp_password go together: set both or neither"),
                },
            }),
        };
        let mailer = nmp_mail::Mailer::new(nmp_mail::MailSettings {
            from: self.mail_from.clone(),
            smtp,
            outbox: PathBuf::from(&self.outbox_dir),
        })?;
        let public_url = self
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{local_addr}"));
        Ok(nmp_web::MailSetup { mailer, public_url })
    }

    /// The search index's directory: `search_dir`, or the default for the database.
    pub fn search_dir(&self) -> PathBuf {
        match self.search_dir.as_deref().map(str::trim) {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => nmp_search::default_dir(&self.database_url),
        }
    }

    /// The `require_two_factor` setting, checked (a wrong role is named).
    pub fn two_factor(&self) -> anyhow::Result<nmp_store::auth::TwoFactorPolicy> {
        nmp_store::auth::TwoFactorPolicy::parse("require_two_factor", &self.require_two_factor)
            .map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// The settings as TOML, with secrets redacted.
    pub fn show(&self) -> String {
        let redacted = Config {
            database_url: nmp_store::redact_url(&self.database_url),
            smtp_password: self.smtp_password.as_ref().map(|_| "********".to_string()),
            ..self.clone()
        };
        toml::to_string(&redacted).expect("config serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn layers_apply_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nmp.toml");
        std::fs::write(&file, "addr = \"0.0.0.0:9000\"\nlog = \"debug\"\n").unwrap();
        let flags = Overrides {
            database_url: Some("sqlite://flag.db".into()),
            addr: None,
        };
        let c = Config::load(
            Some(&file),
            &env(&[("NMP_LOG", "warn"), ("NMP_TEST_POSTGRES_URL", "x")]),
            &flags,
        )
        .unwrap();
        assert_eq!(c.addr, "0.0.0.0:9000", "file over default");
        assert_eq!(c.log, "warn", "env over file");
        assert_eq!(c.database_url, "sqlite://flag.db", "flag over all");
        assert!(c.seed_on_empty);
    }

    #[test]
    fn unknown_keys_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nmp.toml");
        std::fs::write(&file, "addr = \"x\"\ndatabse_url = \"y\"\n").unwrap();
        let err = Config::load(Some(&file), &env(&[]), &Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("databse_url") && err.contains("nmp.toml:2"), "{err}");
        let err = Config::load(None, &env(&[("NMP_DATABSE_URL", "x")]), &Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("NMP_DATABSE_URL"), "{err}");
        let missing = dir.path().join("nope.toml");
        assert!(Config::load(Some(&missing), &env(&[]), &Overrides::default()).is_err());
    }

    #[test]
    fn require_two_factor_takes_a_boolean_or_roles_and_names_a_wrong_role() {
        use nmp_core::vocab::AccountRole;
        let c = Config::load(None, &env(&[]), &Overrides::default()).unwrap();
        assert!(c.two_factor().unwrap().roles().is_empty(), "off by default");
        let c = Config::load(None, &env(&[("NMP_REQUIRE_TWO_FACTOR", "true")]), &Overrides::default()).unwrap();
        assert_eq!(
            c.two_factor().unwrap().roles(),
            [AccountRole::Admin, AccountRole::Editor]
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nmp.toml");
        std::fs::write(&file, "require_two_factor = [\"admin\", \"researcher\"]\n").unwrap();
        let c = Config::load(Some(&file), &env(&[]), &Overrides::default()).unwrap();
        assert_eq!(
            c.two_factor().unwrap().roles(),
            [AccountRole::Admin, AccountRole::Researcher]
        );
        std::fs::write(&file, "require_two_factor = true\n").unwrap();
        let c = Config::load(Some(&file), &env(&[]), &Overrides::default()).unwrap();
        assert!(c.two_factor().unwrap().requires(AccountRole::Editor));
        let err = Config::load(
            None,
            &env(&[("NMP_REQUIRE_TWO_FACTOR", "admin,chief")]),
            &Overrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("require_two_factor") && err.contains("chief"), "{err}");
    }

    #[test]
    fn the_read_cache_is_on_unless_turned_off() {
        let c = Config::load(None, &env(&[]), &Overrides::default()).unwrap();
        assert!(c.read_cache, "on by default");
        let c = Config::load(None, &env(&[("NMP_READ_CACHE", "off")]), &Overrides::default()).unwrap();
        assert!(!c.read_cache);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nmp.toml");
        std::fs::write(&file, "read_cache = false\n").unwrap();
        let c = Config::load(Some(&file), &env(&[]), &Overrides::default()).unwrap();
        assert!(!c.read_cache, "from the file");
        let c = Config::load(Some(&file), &env(&[("NMP_READ_CACHE", "on")]), &Overrides::default()).unwrap();
        assert!(c.read_cache, "env over file");
        let err = Config::load(None, &env(&[("NMP_READ_CACHE", "sometimes")]), &Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("NMP_READ_CACHE") && err.contains("sometimes"), "{err}");
    }

    #[test]
    fn show_redacts_the_password() {
        let c = Config {
            database_url: "postgres://nmp:hunter2@db/nmp".into(),
            ..Config::default()
        };
        let shown = c.show();
        assert!(!shown.contains("hunter2") && shown.contains("***"), "{shown}");
    }
}
