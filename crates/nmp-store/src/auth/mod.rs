//! Accounts and sign-in: creating accounts, one-time set-password links, argon2id passwords,
//! login throttling and sessions (`sign_in.rs`: checking a password, sessions; `throttle.rs`:
//! waits by client and account pair; `keys.rs`: server keys and pre-sign-in CSRF tokens), the
//! second factor (`two_factor.rs`: TOTP, recovery codes, the sign-in's second step) and the
//! administrators' account changes (`admin.rs`).
//!
//! Secrets never reach the database or the audit log in the clear:
//! - session and link tokens are 32 random bytes (hex) from the operating system; only their
//!   SHA-256 is stored, so a copy of the database cannot be used to sign in;
//! - passwords are stored as argon2id PHC strings, and `account::Model` does not serialise its
//!   `password_hash`, so the audit log's row JSON never contains it.
//!
//! `session`, `login_attempt` and `one_time_link` rows are bookkeeping without versions: they are
//! written through the audited writer with [`Writer::insert_many`](crate::Writer::insert_many) /
//! [`Writer::delete_many`](crate::Writer::delete_many), which record one event with a summary
//! (account id, purpose, expiry; never a token or hash). Two small writes are plain statements on
//! the writer's transaction, without an event of their own: marking a link used (it happens in the
//! same transaction as the audited password update) and refreshing a session's `last_seen_at`
//! (at most every few minutes; an event per page view would swamp the log).

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use nmp_core::ValidationError;
use nmp_core::vocab::AccountRole;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use time::{Duration, OffsetDateTime};

use crate::entity::{account, one_time_link, session};
use crate::{Store, StoreError};

mod admin;
mod keys;
mod sign_in;
mod throttle;
mod two_factor;

pub use admin::{AccountRow, NewAccount};
pub use two_factor::{
    CODE_DIGITS, Enrolment, MAX_CODE_ATTEMPTS, NextStep, PENDING_LIFETIME, RECOVERY_CODE_COUNT, STEP_SECONDS,
    TwoFactorPolicy, check_code, code_at,
};

pub use keys::{CSRF_KEY, pre_session_csrf};
pub use throttle::{Failures, SignInEntry, retry_after, wait_after};

/// Failed sign-ins counted: those within this window.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// Failures of one client and account pair before each further attempt waits.
pub const PAIR_FREE_FAILURES: u64 = 3;
/// Failures of one client, across every email it tries, before each further attempt waits.
pub const CLIENT_FREE_FAILURES: u64 = 10;
/// The longest wait the throttle asks for.
pub const MAX_THROTTLE_WAIT: Duration = Duration::minutes(15);
/// How long a session lasts after sign-in.
pub const SESSION_LIFETIME: Duration = Duration::days(7);
/// Shortest accepted password, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest accepted password, in characters (argon2 hashes anything, but a limit bounds work).
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// How often a session's `last_seen_at` is refreshed at most.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// What a one-time link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPurpose {
    /// First password of a new account.
    SetPassword,
    /// A forgotten password.
    ResetPassword,
}

impl LinkPurpose {
    /// The code stored in `one_time_link.purpose`.
    pub fn code(self) -> &'static str {
        match self {
            LinkPurpose::SetPassword => "set_password",
            LinkPurpose::ResetPassword => "reset_password",
        }
    }

    /// How long a link stays valid.
    pub fn lifetime(self) -> Duration {
        match self {
            LinkPurpose::SetPassword => Duration::days(7),
            LinkPurpose::ResetPassword => Duration::hours(24),
        }
    }
}

/// Why a one-time link cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// No such link (or its account is no longer active).
    Unknown,
    /// Already used.
    Used,
    /// Past its expiry.
    Expired,
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LinkProblem::Unknown => "This link is not valid. Check that you copied all of it, or ask an administrator for a new one.",
            LinkProblem::Used => "This link has already been used. Each link works once; ask an administrator for a new one, or use \"Forgot your password?\".",
            LinkProblem::Expired => "This link has expired. Ask an administrator for a new one, or use \"Forgot your password?\".",
        })
    }
}

/// What can go wrong in sign-in and account use cases.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Unknown email, wrong password, no password set or inactive account: one message for all,
    /// so the answer does not reveal which accounts exist.
    #[error("The email or password is not correct.")]
    BadCredentials,
    /// Too many failed attempts from this client recently (for this email, or across emails);
    /// the next attempt is possible after `retry_after` seconds.
    #[error(
        "Too many failed sign-in attempts from your connection. Wait {retry_after} seconds and try again, or reset your password."
    )]
    Throttled {
        /// Seconds until the next attempt is checked.
        retry_after: u64,
    },
    /// The current password given to change it was wrong.
    #[error("The current password is not correct.")]
    WrongCurrentPassword,
    /// A one-time link cannot be used.
    #[error("{0}")]
    Link(LinkProblem),
    /// Bad input; names the field.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// Hashing failed (not the user's fault).
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// A second-step code (from the app, or a recovery code) that is not right.
    #[error("The code is not correct. Type the code your authenticator app shows now, or one of your recovery codes.")]
    WrongCode,
    /// A right code that was already accepted once (codes work once).
    #[error(
        "This code has already been used. Wait for the next one (codes change every 30 seconds), or use a recovery code."
    )]
    CodeUsed,
    /// The pending sign-in is unknown, past its 5 minutes or had too many wrong codes (or the
    /// account changed meanwhile).
    #[error(
        "This sign-in has ended: it took longer than 5 minutes or had too many wrong codes. Sign in again with your password."
    )]
    SignInExpired,
    /// Not possible in the account's present state; says why, for people.
    #[error("{0}")]
    Refused(String),
    /// Something that is not the user's fault (an unreadable stored secret).
    #[error("{0}")]
    Internal(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for AuthError {
    fn from(e: sea_orm::DbErr) -> Self {
        AuthError::Store(StoreError::Db(e))
    }
}

/// A signed-in session, as found from its cookie token.
#[derive(Clone, Debug)]
pub struct SignedIn {
    /// The account.
    pub account: account::Model,
    /// The account's role.
    pub role: AccountRole,
    /// The token its POST forms must carry.
    pub csrf_token: String,
    /// Whether the account signs in with a second factor.
    pub two_factor: bool,
}

impl SignedIn {
    /// Whether this person must set up a second factor before anything else: their role needs
    /// one under `policy` and they have none.
    pub fn must_enrol(&self, policy: &TwoFactorPolicy) -> bool {
        policy.requires(self.role) && !self.two_factor
    }
}

/// A new session: the cookie token (shown once, never stored) and its CSRF token.
#[derive(Clone, Debug)]
pub struct NewSession {
    /// Goes into the `nmp_session` cookie.
    pub token: String,
    /// Goes into the session's forms.
    pub csrf_token: String,
}

/// 32 random bytes from the operating system, as 64 hex characters.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    hex::encode(bytes)
}

/// SHA-256 hex of a token: what the database stores in its place.
pub fn token_hash(token: &str) -> String {
    nmp_core::sha256_hex(token.as_bytes())
}

/// Compares two strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Now, truncated to microseconds so that both engines store it exactly.
fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1000 * 1000).unwrap_or(now)
}

/// Normalises an email (trimmed, lower case) and checks its shape.
pub fn normalize_email(email: &str) -> Result<String, ValidationError> {
    let email = email.trim().to_lowercase();
    let ok = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && email
            .split_once('@')
            .is_some_and(|(user, domain)| !user.is_empty() && !domain.is_empty() && !domain.contains('@'));
    if ok {
        Ok(email)
    } else {
        Err(ValidationError::new(
            "email",
            format!("{email:?} is not an email address"),
        ))
    }
}

fn check_password(field: &str, password: &str) -> Result<(), ValidationError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(ValidationError::new(
            field,
            format!("the password must have at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(ValidationError::new(
            field,
            format!("the password must have at most {MAX_PASSWORD_CHARS} characters"),
        ));
    }
    Ok(())
}

/// An argon2id PHC string (default parameters, random salt).
fn hash_password(password: &str) -> Result<String, AuthError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Hash(e.to_string()))
}

fn password_matches(password: &str, hash: &str) -> bool {
    Argon2::default().verify_password(password.as_bytes(), hash).is_ok()
}

/// A hash checked when there is no account or no password, so that every failed sign-in costs
/// the same time.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("no account has this password").unwrap_or_default());

impl Store {
    /// Creates an active account without a password (issue a [`LinkPurpose::SetPassword`] link
    /// next). A duplicate email is an error naming `email`.
    pub async fn create_account(
        &self,
        actor: &str,
        email: &str,
        name: &str,
        role: AccountRole,
    ) -> Result<account::Model, AuthError> {
        let mut w = self.writer(actor).await?;
        let row = w.insert_account(email, name, role, None).await?;
        w.commit().await?;
        Ok(row)
    }

    /// The account with this email, if any.
    pub async fn account_by_email(&self, email: &str) -> Result<Option<account::Model>, AuthError> {
        let Ok(email) = normalize_email(email) else {
            return Ok(None);
        };
        Ok(account::Entity::find()
            .filter(account::Column::Email.eq(email))
            .one(&self.db)
            .await?)
    }

    /// Every account, by email.
    pub async fn accounts(&self) -> Result<Vec<account::Model>, AuthError> {
        Ok(account::Entity::find()
            .order_by_asc(account::Column::Email)
            .all(&self.db)
            .await?)
    }

    /// Issues a one-time link for the account with `email` and returns the account and the raw
    /// token: the only time the token exists outside the link.
    pub async fn issue_link(
        &self,
        actor: &str,
        email: &str,
        purpose: LinkPurpose,
    ) -> Result<(account::Model, String), AuthError> {
        let Some(account) = self.account_by_email(email).await? else {
            return Err(
                ValidationError::new("email", format!("there is no account with email {}", email.trim())).into(),
            );
        };
        let mut w = self.writer(actor).await?;
        let token = w.insert_link(&account, purpose, false).await?;
        w.commit().await?;
        Ok((account, token))
    }

    /// A reset request from the sign-in pages: issues a reset link if an active account has this
    /// email, and does nothing otherwise. The caller answers the same either way.
    ///
    /// There is no mail yet (it arrives with the data-collection issue): the link is stored and
    /// its token dropped; an administrator issues a usable link with `nmp user reset --email E`.
    pub async fn request_reset(&self, email: &str) -> Result<(), AuthError> {
        match self.account_by_email(email).await? {
            Some(account) if account.active => {
                self.issue_link("system:reset-request", &account.email, LinkPurpose::ResetPassword)
                    .await?;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The account a one-time link is for, if the link can still be used.
    pub async fn link_account(&self, token: &str) -> Result<account::Model, AuthError> {
        let (_, account) = self.usable_link(token).await?;
        Ok(account)
    }

    async fn usable_link(&self, token: &str) -> Result<(one_time_link::Model, account::Model), AuthError> {
        let link = one_time_link::Entity::find()
            .filter(one_time_link::Column::TokenHash.eq(token_hash(token)))
            .one(&self.db)
            .await?
            .ok_or(AuthError::Link(LinkProblem::Unknown))?;
        if link.used_at.is_some() {
            return Err(AuthError::Link(LinkProblem::Used));
        }
        if link.expires_at <= now() {
            return Err(AuthError::Link(LinkProblem::Expired));
        }
        let account = account::Entity::find_by_id(link.account_id)
            .one(&self.db)
            .await?
            .filter(|a| a.active)
            .ok_or(AuthError::Link(LinkProblem::Unknown))?;
        Ok((link, account))
    }

    /// Uses a one-time link: sets the account's password, marks the link used and ends the
    /// account's sessions, in one transaction.
    pub async fn set_password_with_link(&self, token: &str, password: &str) -> Result<account::Model, AuthError> {
        check_password("password", password)?;
        let (link, account) = self.usable_link(token).await?;
        let hash = hash_password(password)?;
        let mut w = self.writer(&account.email).await?;
        let marked = one_time_link::Entity::update_many()
            .col_expr(one_time_link::Column::UsedAt, Expr::value(now()))
            .filter(one_time_link::Column::OneTimeLinkId.eq(link.one_time_link_id))
            .filter(one_time_link::Column::UsedAt.is_null())
            .exec(w.conn())
            .await?;
        if marked.rows_affected != 1 {
            return Err(AuthError::Link(LinkProblem::Used));
        }
        let updated = w
            .update::<account::Entity>(account.account_id, account.version, |row| {
                row.password_hash = Set(Some(hash));
            })
            .await?;
        w.delete_many::<session::Entity, _>(
            session::Column::AccountId,
            account.account_id,
            &format!("account:{}", account.account_id),
        )
        .await?;
        w.end_links(account.account_id, None).await?;
        w.commit().await?;
        Ok(updated)
    }

    /// Changes a signed-in account's password after checking the current one.
    pub async fn change_password(&self, account_id: i32, current: &str, new: &str) -> Result<(), AuthError> {
        let account = account::Entity::find_by_id(account_id)
            .one(&self.db)
            .await?
            .ok_or(AuthError::BadCredentials)?;
        let hash = account.password_hash.clone().unwrap_or_else(|| DUMMY_HASH.clone());
        if !password_matches(current, &hash) || account.password_hash.is_none() {
            return Err(AuthError::WrongCurrentPassword);
        }
        check_password("new_password", new)?;
        let hash = hash_password(new)?;
        let mut w = self.writer(&account.email).await?;
        w.update::<account::Entity>(account.account_id, account.version, |row| {
            row.password_hash = Set(Some(hash));
        })
        .await?;
        w.end_links(account.account_id, None).await?;
        w.commit().await?;
        Ok(())
    }
}

impl crate::Writer {
    /// Ends the account's one-time links that are still usable (of one purpose, or all): they
    /// expire now. Issuing a new link ends the older ones of its purpose; setting or changing the
    /// password and signing in end them all, so a link found later in an old mail does nothing.
    pub(crate) async fn end_links(&mut self, account_id: i32, purpose: Option<LinkPurpose>) -> Result<u64, AuthError> {
        let at = now();
        let mut query = one_time_link::Entity::update_many()
            .col_expr(one_time_link::Column::ExpiresAt, Expr::value(at))
            .filter(one_time_link::Column::AccountId.eq(account_id))
            .filter(one_time_link::Column::UsedAt.is_null())
            .filter(one_time_link::Column::ExpiresAt.gt(at));
        if let Some(p) = purpose {
            query = query.filter(one_time_link::Column::Purpose.eq(p.code()));
        }
        let ended = query.exec(self.conn()).await?.rows_affected;
        if ended > 0 {
            let summary = serde_json::json!({
                "account_id": account_id,
                "purpose": purpose.map(LinkPurpose::code),
                "links_ended": ended,
            });
            self.record("one_time_link", &format!("account:{account_id}"), "expire", summary)
                .await?;
        }
        Ok(ended)
    }
}
