//! Two-factor sign-in: a TOTP second factor (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps, one
//! step of clock skew either way) with ten single-use recovery codes, the sign-in's second step,
//! and the setting that makes it required for some roles ([`TwoFactorPolicy`]).
//!
//! - Setting up: [`Store::start_two_factor`] makes a secret (160 random bits) kept beside the
//!   account but off until [`Store::confirm_two_factor`] gets a current code from the person's
//!   app; then it is on and ten recovery codes are made and returned, the only time they exist in
//!   the clear (only their SHA-256 is stored: they carry 80 random bits).
//! - Signing in: after a right password, an account with a second factor gets a pending sign-in
//!   ([`Store::begin_second_step`]): a random token for a cookie, stored as its SHA-256, good for
//!   [`PENDING_LIFETIME`] and [`MAX_CODE_ATTEMPTS`] wrong codes. It is not a session and opens
//!   nothing; [`Store::finish_second_step`] trades it and a code for the account, and the caller
//!   starts the session. Wrong codes are failed sign-in attempts (`login_attempt`).
//! - A code is accepted once: the time step it belongs to is kept (`two_factor.last_used_step`)
//!   and a code of that step or an earlier one is refused, with a conditional update so that two
//!   requests racing with one code cannot both pass. A recovery code is marked used the same way.
//! - Switching it on or off, renewing recovery codes, using a recovery code and an administrator's
//!   reset are audit events (through the [`Writer`](crate::Writer)), with the account number and
//!   counts, never a secret or a code.
//!
//! The secret itself is stored as base32 text, not encrypted: checking a code needs it in the
//! clear, so the key would have to live with the server that reads the database, and the
//! database is already the trust boundary (it holds the password hashes). Someone with a copy of
//! the database can make codes, but still needs the password, which is stored only as an argon2id
//! hash.

use nmp_core::ValidationError;
use nmp_core::vocab::AccountRole;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, Set};
use time::{Duration, OffsetDateTime};
use totp_rs::{Builder, Secret, Totp};

use super::throttle::{Attempt, record_attempt};
use super::{AuthError, DUMMY_HASH, now, password_matches, random_token, token_hash};
use crate::entity::{account, pending_sign_in, recovery_code, two_factor};
use crate::{Store, Writer};

/// How long a pending sign-in waits for its code.
pub const PENDING_LIFETIME: Duration = Duration::minutes(5);
/// Wrong codes a pending sign-in takes before it ends.
pub const MAX_CODE_ATTEMPTS: i32 = 5;
/// How many recovery codes an account gets at a time.
pub const RECOVERY_CODE_COUNT: usize = 10;
/// Seconds per TOTP time step.
pub const STEP_SECONDS: u64 = 30;
/// Digits of a TOTP code.
pub const CODE_DIGITS: usize = 6;
/// The name authenticator apps show beside the account.
const ISSUER: &str = "NMP";
/// Bytes of a new secret (160 bits, as RFC 4226 recommends).
const SECRET_BYTES: usize = 20;
/// Bytes of a recovery code (80 bits: 16 base32 characters).
const RECOVERY_BYTES: usize = 10;

/// Which roles must use a second factor (the `require_two_factor` setting).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TwoFactorPolicy {
    roles: Vec<AccountRole>,
}

impl TwoFactorPolicy {
    /// Nobody must (everyone may).
    pub fn off() -> TwoFactorPolicy {
        TwoFactorPolicy::default()
    }

    /// These roles must.
    pub fn for_roles(roles: &[AccountRole]) -> TwoFactorPolicy {
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        TwoFactorPolicy { roles }
    }

    /// Reads the setting: `false`/`off`/`no`/`0` or empty (nobody), `true`/`on`/`yes`/`1`
    /// (administrators and editors), or a comma-separated list of role codes
    /// (`admin,editor,researcher`). A wrong role names `field` and the role.
    pub fn parse(field: &str, text: &str) -> Result<TwoFactorPolicy, ValidationError> {
        let text = text.trim().to_lowercase();
        match text.as_str() {
            "" | "false" | "off" | "no" | "0" => Ok(TwoFactorPolicy::off()),
            "true" | "on" | "yes" | "1" => Ok(TwoFactorPolicy::for_roles(&[AccountRole::Admin, AccountRole::Editor])),
            list => {
                let roles = list
                    .split(',')
                    .map(|code| {
                        AccountRole::parse(field, code.trim()).map_err(|_| {
                            ValidationError::new(
                                field,
                                format!(
                                    "{:?} is not a role: give true, false or a list of roles ({})",
                                    code.trim(),
                                    AccountRole::ALL.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ")
                                ),
                            )
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(TwoFactorPolicy::for_roles(&roles))
            }
        }
    }

    /// Whether accounts with `role` must use a second factor.
    pub fn requires(&self, role: AccountRole) -> bool {
        self.roles.contains(&role)
    }

    /// The roles that must, in the vocabulary's order.
    pub fn roles(&self) -> &[AccountRole] {
        &self.roles
    }
}

/// What follows a right password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Start the session.
    Session,
    /// Ask for a code first (the account has a second factor).
    Code,
    /// Start the session, but send the person to set up a second factor before anything else
    /// (their role must have one and they have none yet).
    Enrol,
}

/// A second factor being set up: what the person copies into their authenticator app.
#[derive(Clone)]
pub struct Enrolment {
    /// The secret, base32 (32 characters).
    pub secret: String,
    /// The `otpauth://totp/...` URI that apps read from the QR code.
    pub uri: String,
    /// The QR code of `uri` as a base64 PNG (for a `data:` image), if it could be drawn.
    pub qr_png_base64: Option<String>,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enrolment { .. }")
    }
}

/// The TOTP of a stored secret, for `account_name` (an email; a colon, which the URI format
/// forbids, becomes `_`).
fn totp(secret_base32: &str, account_name: &str) -> Result<Totp, AuthError> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|e| AuthError::Internal(format!("the stored two-factor secret is not base32: {e}")))?;
    Builder::new()
        .with_secret(secret)
        .with_digits(CODE_DIGITS as u8)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_issuer(Some(ISSUER))
        .with_account_name(account_name.replace(':', "_"))
        .build()
        .map_err(|e| AuthError::Internal(format!("two-factor secret: {e}")))
}

/// The code for `secret_base32` at `unix_seconds` (what an authenticator app shows then).
pub fn code_at(secret_base32: &str, unix_seconds: u64) -> Option<String> {
    totp(secret_base32, "")
        .ok()
        .map(|t| t.generate(unix_seconds).to_string())
}

/// The time step `code` belongs to if it is right for `secret_base32` at `unix_seconds`, one step
/// either way allowed for clock skew. Spaces in the code are ignored.
pub fn check_code(secret_base32: &str, code: &str, unix_seconds: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    totp(secret_base32, "").ok()?.check(&code, unix_seconds)
}

/// A new random secret, base32.
fn new_secret() -> String {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    Secret::from(bytes.to_vec()).to_base32()
}

/// A new recovery code, `xxxx-xxxx-xxxx-xxxx` (lower-case base32).
fn new_recovery_code() -> String {
    let mut bytes = [0u8; RECOVERY_BYTES];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    let text = Secret::from(bytes.to_vec()).to_base32().to_lowercase();
    text.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A typed recovery code as stored before hashing: lower case, without dashes and spaces.
fn normalize_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a typed code looks like a TOTP code (six digits, spaces allowed).
fn is_totp_code(code: &str) -> bool {
    let digits: Vec<char> = code.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == CODE_DIGITS && digits.iter().all(char::is_ascii_digit)
}

fn enrolment(secret: &str, email: &str) -> Result<Enrolment, AuthError> {
    let t = totp(secret, email)?;
    let uri = t
        .to_url()
        .map_err(|e| AuthError::Internal(format!("two-factor URI: {e}")))?;
    Ok(Enrolment {
        secret: secret.to_string(),
        uri,
        qr_png_base64: t.to_qr_base64().ok(),
    })
}

/// Which kind of code was accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Accepted {
    Totp,
    Recovery,
}

impl Accepted {
    fn code(self) -> &'static str {
        match self {
            Accepted::Totp => "code",
            Accepted::Recovery => "recovery_code",
        }
    }
}

fn key(account_id: i32) -> String {
    format!("account:{account_id}")
}

/// Checks `code` (a TOTP code or a recovery code) against `factor` and uses it up, inside `w`.
/// A TOTP code of a step at or before the last accepted one is [`AuthError::CodeUsed`].
async fn use_code(
    w: &mut Writer,
    factor: &two_factor::Model,
    code: &str,
    at: OffsetDateTime,
) -> Result<Accepted, AuthError> {
    let account_id = factor.account_id;
    if is_totp_code(code) {
        let unix = u64::try_from(at.unix_timestamp()).unwrap_or(0);
        let Some(step) = check_code(&factor.secret, code, unix) else {
            return Err(AuthError::WrongCode);
        };
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        let marked = two_factor::Entity::update_many()
            .col_expr(two_factor::Column::LastUsedStep, Expr::value(step))
            .filter(two_factor::Column::AccountId.eq(account_id))
            .filter(
                Condition::any()
                    .add(two_factor::Column::LastUsedStep.is_null())
                    .add(two_factor::Column::LastUsedStep.lt(step)),
            )
            .exec(w.conn())
            .await?;
        return if marked.rows_affected == 1 {
            Ok(Accepted::Totp)
        } else {
            Err(AuthError::CodeUsed)
        };
    }
    let normalized = normalize_recovery_code(code);
    if normalized.len() != RECOVERY_BYTES * 8 / 5 {
        return Err(AuthError::WrongCode);
    }
    let hash = token_hash(&normalized);
    let marked = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(at))
        .filter(recovery_code::Column::AccountId.eq(account_id))
        .filter(recovery_code::Column::CodeHash.eq(hash.clone()))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(w.conn())
        .await?;
    if marked.rows_affected != 1 {
        let known = recovery_code::Entity::find()
            .filter(recovery_code::Column::AccountId.eq(account_id))
            .filter(recovery_code::Column::CodeHash.eq(hash))
            .one(w.conn())
            .await?;
        return Err(if known.is_some() {
            AuthError::CodeUsed
        } else {
            AuthError::WrongCode
        });
    }
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::AccountId.eq(account_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(w.conn())
        .await?;
    w.record(
        "recovery_code",
        &key(account_id),
        "use",
        serde_json::json!({ "account_id": account_id, "recovery_codes_left": left }),
    )
    .await?;
    Ok(Accepted::Recovery)
}

/// Replaces the account's recovery codes with new ones, inside `w`, and returns them.
async fn renew_recovery_codes(w: &mut Writer, account_id: i32) -> Result<Vec<String>, AuthError> {
    w.delete_many::<recovery_code::Entity, _>(recovery_code::Column::AccountId, account_id, &key(account_id))
        .await?;
    let created = now();
    let codes: Vec<String> = (0..RECOVERY_CODE_COUNT).map(|_| new_recovery_code()).collect();
    let rows = codes
        .iter()
        .map(|c| recovery_code::ActiveModel {
            account_id: Set(account_id),
            code_hash: Set(token_hash(&normalize_recovery_code(c))),
            created_at: Set(created),
            used_at: Set(None),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    w.insert_many(rows, &key(account_id), serde_json::json!({ "account_id": account_id }))
        .await?;
    Ok(codes)
}

/// Removes the account's second factor, recovery codes and pending sign-ins, inside `w`.
async fn remove_factor(w: &mut Writer, account_id: i32) -> Result<u64, AuthError> {
    let removed = w
        .delete_many::<two_factor::Entity, _>(two_factor::Column::AccountId, account_id, &key(account_id))
        .await?;
    w.delete_many::<recovery_code::Entity, _>(recovery_code::Column::AccountId, account_id, &key(account_id))
        .await?;
    w.delete_many::<pending_sign_in::Entity, _>(pending_sign_in::Column::AccountId, account_id, &key(account_id))
        .await?;
    Ok(removed)
}

impl Store {
    /// The account's second factor (on, or being set up), if any.
    pub async fn two_factor(&self, account_id: i32) -> Result<Option<two_factor::Model>, AuthError> {
        Ok(two_factor::Entity::find_by_id(account_id).one(&self.db).await?)
    }

    /// Whether the account signs in with a second factor.
    pub async fn two_factor_enabled(&self, account_id: i32) -> Result<bool, AuthError> {
        Ok(self
            .two_factor(account_id)
            .await?
            .is_some_and(|f| f.enabled_at.is_some()))
    }

    /// How many of the account's recovery codes are unused.
    pub async fn recovery_codes_left(&self, account_id: i32) -> Result<u64, AuthError> {
        Ok(recovery_code::Entity::find()
            .filter(recovery_code::Column::AccountId.eq(account_id))
            .filter(recovery_code::Column::UsedAt.is_null())
            .count(&self.db)
            .await?)
    }

    /// What follows a right password for `account` under `policy`.
    pub async fn next_step(&self, account: &account::Model, policy: &TwoFactorPolicy) -> Result<NextStep, AuthError> {
        if self.two_factor_enabled(account.account_id).await? {
            return Ok(NextStep::Code);
        }
        let role = AccountRole::parse("role", &account.role)?;
        Ok(if policy.requires(role) {
            NextStep::Enrol
        } else {
            NextStep::Session
        })
    }

    /// Starts setting up a second factor: a new secret, off until confirmed with a code (a set-up
    /// started before is replaced). Refused while a second factor is on.
    pub async fn start_two_factor(&self, account: &account::Model) -> Result<Enrolment, AuthError> {
        let id = account.account_id;
        if self.two_factor_enabled(id).await? {
            return Err(AuthError::Refused(
                "Two-factor sign-in is already on. Switch it off first to move it to another app.".into(),
            ));
        }
        let secret = new_secret();
        let mut w = self.writer(&account.email).await?;
        w.delete_many::<two_factor::Entity, _>(two_factor::Column::AccountId, id, &key(id))
            .await?;
        let row = two_factor::ActiveModel {
            account_id: Set(id),
            secret: Set(secret.clone()),
            enabled_at: Set(None),
            last_used_step: Set(None),
            created_at: Set(now()),
        };
        w.insert_many(
            vec![row],
            &key(id),
            serde_json::json!({ "account_id": id, "state": "set-up started" }),
        )
        .await?;
        w.commit().await?;
        enrolment(&secret, &account.email)
    }

    /// The second factor being set up (started, not yet confirmed), if any.
    pub async fn pending_enrolment(&self, account: &account::Model) -> Result<Option<Enrolment>, AuthError> {
        match self.two_factor(account.account_id).await? {
            Some(f) if f.enabled_at.is_none() => Ok(Some(enrolment(&f.secret, &account.email)?)),
            _ => Ok(None),
        }
    }

    /// Switches the second factor being set up on, once `code` (from the app) is right, and
    /// returns the account's ten new recovery codes: the only time they are shown.
    pub async fn confirm_two_factor(&self, account: &account::Model, code: &str) -> Result<Vec<String>, AuthError> {
        let id = account.account_id;
        let factor = match self.two_factor(id).await? {
            Some(f) if f.enabled_at.is_none() => f,
            Some(_) => return Err(AuthError::Refused("Two-factor sign-in is already on.".into())),
            None => {
                return Err(AuthError::Refused(
                    "Start setting up two-factor sign-in first: the set-up was not found (it may have been reset)."
                        .into(),
                ));
            }
        };
        if !is_totp_code(code) {
            return Err(AuthError::WrongCode);
        }
        let at = now();
        let unix = u64::try_from(at.unix_timestamp()).unwrap_or(0);
        let step = check_code(&factor.secret, code, unix).ok_or(AuthError::WrongCode)?;
        let mut w = self.writer(&account.email).await?;
        let switched = two_factor::Entity::update_many()
            .col_expr(two_factor::Column::EnabledAt, Expr::value(at))
            .col_expr(
                two_factor::Column::LastUsedStep,
                Expr::value(i64::try_from(step).unwrap_or(i64::MAX)),
            )
            .filter(two_factor::Column::AccountId.eq(id))
            .filter(two_factor::Column::Secret.eq(factor.secret.clone()))
            .filter(two_factor::Column::EnabledAt.is_null())
            .exec(w.conn())
            .await?;
        if switched.rows_affected != 1 {
            return Err(AuthError::Refused(
                "The set-up changed meanwhile (in another window?). Reload the page and start again.".into(),
            ));
        }
        let codes = renew_recovery_codes(&mut w, id).await?;
        w.record(
            "two_factor",
            &key(id),
            "enable",
            serde_json::json!({ "account_id": id, "recovery_codes": codes.len() }),
        )
        .await?;
        w.commit().await?;
        Ok(codes)
    }

    /// New recovery codes for an account whose second factor is on, after a right code (from the
    /// app, or one of the old recovery codes); the old ones stop working.
    pub async fn new_recovery_codes(&self, account: &account::Model, code: &str) -> Result<Vec<String>, AuthError> {
        let id = account.account_id;
        let factor = self.enabled_factor(id).await?;
        let mut w = self.writer(&account.email).await?;
        use_code(&mut w, &factor, code, now()).await?;
        let codes = renew_recovery_codes(&mut w, id).await?;
        w.record(
            "recovery_code",
            &key(id),
            "renew",
            serde_json::json!({ "account_id": id, "recovery_codes": codes.len() }),
        )
        .await?;
        w.commit().await?;
        Ok(codes)
    }

    /// Switches the account's second factor off, after its password and a right code (from the
    /// app or a recovery code).
    pub async fn disable_two_factor(&self, account_id: i32, password: &str, code: &str) -> Result<(), AuthError> {
        let account = account::Entity::find_by_id(account_id)
            .one(&self.db)
            .await?
            .ok_or(AuthError::BadCredentials)?;
        let hash = account.password_hash.clone().unwrap_or_else(|| DUMMY_HASH.clone());
        if !password_matches(password, &hash) || account.password_hash.is_none() {
            return Err(AuthError::WrongCurrentPassword);
        }
        let factor = self.enabled_factor(account_id).await?;
        let mut w = self.writer(&account.email).await?;
        use_code(&mut w, &factor, code, now()).await?;
        remove_factor(&mut w, account_id).await?;
        w.record(
            "two_factor",
            &key(account_id),
            "disable",
            serde_json::json!({ "account_id": account_id }),
        )
        .await?;
        w.commit().await?;
        Ok(())
    }

    /// An administrator's reset of a lost second factor: the account's second factor, recovery
    /// codes and pending sign-ins are removed (it signs in with its password alone, or sets up a
    /// new second factor when its role requires one). Returns whether there was one.
    pub async fn reset_two_factor(&self, actor: &str, account_id: i32) -> Result<bool, AuthError> {
        let mut w = self.writer(actor).await?;
        let removed = remove_factor(&mut w, account_id).await?;
        w.record(
            "two_factor",
            &key(account_id),
            "reset",
            serde_json::json!({ "account_id": account_id, "had_second_factor": removed > 0 }),
        )
        .await?;
        w.commit().await?;
        Ok(removed > 0)
    }

    async fn enabled_factor(&self, account_id: i32) -> Result<two_factor::Model, AuthError> {
        match self.two_factor(account_id).await? {
            Some(f) if f.enabled_at.is_some() => Ok(f),
            _ => Err(AuthError::Refused(
                "Two-factor sign-in is not on for this account.".into(),
            )),
        }
    }

    /// After a right password for an account with a second factor: a pending sign-in, whose token
    /// (for the `nmp_pending` cookie; only its SHA-256 is stored) waits [`PENDING_LIFETIME`] for a
    /// code. Refused ([`AuthError::Throttled`]) while `client` must wait for this email (failed
    /// passwords and codes count alike; see `throttle.rs`).
    pub async fn begin_second_step(&self, account: &account::Model, client: &str) -> Result<String, AuthError> {
        let at = now();
        let retry_after = self.sign_in_wait(&account.email, client).await?;
        if retry_after > 0 {
            return Err(AuthError::Throttled { retry_after });
        }
        let token = random_token();
        let id = account.account_id;
        let mut w = self.writer(&account.email).await?;
        // The account's pending sign-ins that ran out are removed as a new one starts.
        let expired = pending_sign_in::Entity::delete_many()
            .filter(pending_sign_in::Column::AccountId.eq(id))
            .filter(pending_sign_in::Column::ExpiresAt.lte(at))
            .exec(w.conn())
            .await?
            .rows_affected;
        let row = pending_sign_in::ActiveModel {
            pending_sign_in_id: Set(token_hash(&token)),
            account_id: Set(id),
            created_at: Set(at),
            expires_at: Set(at + PENDING_LIFETIME),
            attempts: Set(0),
        };
        let summary = serde_json::json!({
            "account_id": id,
            "expires_at": (at + PENDING_LIFETIME).to_string(),
            "expired_removed": expired,
        });
        w.insert_many(vec![row], &key(id), summary).await?;
        w.commit().await?;
        Ok(token)
    }

    /// The account a pending sign-in is for, if it can still take a code.
    pub async fn pending_sign_in(&self, token: &str) -> Result<account::Model, AuthError> {
        let (_, account, _) = self.usable_pending(token).await?;
        Ok(account)
    }

    async fn usable_pending(
        &self,
        token: &str,
    ) -> Result<(pending_sign_in::Model, account::Model, two_factor::Model), AuthError> {
        let pending = pending_sign_in::Entity::find_by_id(token_hash(token))
            .one(&self.db)
            .await?
            .filter(|p| p.expires_at > now() && p.attempts < MAX_CODE_ATTEMPTS)
            .ok_or(AuthError::SignInExpired)?;
        let account = account::Entity::find_by_id(pending.account_id)
            .one(&self.db)
            .await?
            .filter(|a| a.active)
            .ok_or(AuthError::SignInExpired)?;
        let factor = self
            .enabled_factor(account.account_id)
            .await
            .map_err(|_| AuthError::SignInExpired)?;
        Ok((pending, account, factor))
    }

    /// The second step: a code (from the app, or a recovery code) for a pending sign-in. Right,
    /// it ends the pending sign-in and returns the account (the caller starts the session). Wrong
    /// ([`AuthError::WrongCode`], or [`AuthError::CodeUsed`] for a code already accepted), it is a
    /// failed sign-in attempt, and the [`MAX_CODE_ATTEMPTS`]th ends the pending sign-in
    /// ([`AuthError::SignInExpired`], as for one past its time): the person starts again with
    /// their password.
    pub async fn finish_second_step(&self, token: &str, code: &str, client: &str) -> Result<account::Model, AuthError> {
        // No wait is checked here: a pending sign-in takes at most MAX_CODE_ATTEMPTS codes, and
        // each new one waits in `verify_login` and `begin_second_step` for the failures so far.
        let (pending, account, factor) = self.usable_pending(token).await?;
        let id = account.account_id;
        let mut w = self.writer(&account.email).await?;
        match use_code(&mut w, &factor, code, now()).await {
            Ok(accepted) => {
                w.delete_many::<pending_sign_in::Entity, _>(
                    pending_sign_in::Column::PendingSignInId,
                    pending.pending_sign_in_id,
                    &key(id),
                )
                .await?;
                let summary =
                    serde_json::json!({ "succeeded": true, "account_id": id, "second_step": accepted.code() });
                record_attempt(&mut w, &account.email, client, Attempt::Succeeded, summary).await?;
                w.commit().await?;
                Ok(account)
            }
            Err(e @ (AuthError::WrongCode | AuthError::CodeUsed)) => {
                let attempts = pending.attempts + 1;
                let ended = attempts >= MAX_CODE_ATTEMPTS;
                if ended {
                    w.delete_many::<pending_sign_in::Entity, _>(
                        pending_sign_in::Column::PendingSignInId,
                        pending.pending_sign_in_id,
                        &key(id),
                    )
                    .await?;
                } else {
                    pending_sign_in::Entity::update_many()
                        .col_expr(pending_sign_in::Column::Attempts, Expr::value(attempts))
                        .filter(pending_sign_in::Column::PendingSignInId.eq(pending.pending_sign_in_id))
                        .exec(w.conn())
                        .await?;
                }
                let summary = serde_json::json!({ "succeeded": false, "account_id": id, "second_step": "code" });
                record_attempt(&mut w, &account.email, client, Attempt::Failed, summary).await?;
                w.commit().await?;
                Err(if ended { AuthError::SignInExpired } else { e })
            }
            Err(e) => Err(e),
        }
    }

    /// Ends a pending sign-in (the person gave up, or signed in again).
    pub async fn end_pending_sign_in(&self, token: &str) -> Result<(), AuthError> {
        let id = token_hash(token);
        let Some(row) = pending_sign_in::Entity::find_by_id(id.clone()).one(&self.db).await? else {
            return Ok(());
        };
        let mut w = self.writer("system:sign-in").await?;
        w.delete_many::<pending_sign_in::Entity, _>(pending_sign_in::Column::PendingSignInId, id, &key(row.account_id))
            .await?;
        w.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_sixteen_base32_characters_in_four_groups() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.matches('-').count(), 3, "{code}");
        let plain = normalize_recovery_code(&code.to_uppercase());
        assert_eq!(plain.len(), 16);
        assert!(
            plain
                .chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
        );
        assert_ne!(new_recovery_code(), code, "random");
    }

    #[test]
    fn six_digits_are_a_totp_code_and_anything_else_is_not() {
        assert!(is_totp_code("123456"));
        assert!(is_totp_code("123 456"));
        assert!(!is_totp_code("12345"));
        assert!(!is_totp_code("abcd-efgh-ijkl-mnop"));
    }

    #[test]
    fn a_new_secret_is_160_bits_of_base32() {
        let s = new_secret();
        assert_eq!(s.len(), 32, "{s}");
        assert!(code_at(&s, 0).is_some_and(|c| c.len() == 6));
    }

    #[test]
    fn the_policy_reads_booleans_and_role_lists() {
        assert_eq!(TwoFactorPolicy::parse("f", "false").unwrap(), TwoFactorPolicy::off());
        assert_eq!(TwoFactorPolicy::parse("f", "").unwrap(), TwoFactorPolicy::off());
        let on = TwoFactorPolicy::parse("f", "TRUE").unwrap();
        assert_eq!(on.roles(), [AccountRole::Admin, AccountRole::Editor]);
        let list = TwoFactorPolicy::parse("f", "researcher, admin").unwrap();
        assert!(list.requires(AccountRole::Admin) && list.requires(AccountRole::Researcher));
        assert!(!list.requires(AccountRole::Editor));
        let err = TwoFactorPolicy::parse("require_two_factor", "admin,boss").unwrap_err();
        assert_eq!(err.field, "require_two_factor");
        assert!(err.message.contains("\"boss\""), "{}", err.message);
    }
}
