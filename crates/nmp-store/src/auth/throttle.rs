//! Sign-in throttling by client address and by client and account *pair*, with growing waits.
//!
//! The earlier rule (five failures for an email lock that email out for 15 minutes, from
//! anywhere) let an attacker lock a real person out, and let one client try forty accounts
//! unslowed. Now two counts are kept over [`THROTTLE_WINDOW`]:
//! - the **pair** (this client, this email): after [`PAIR_FREE_FAILURES`] failures (of passwords
//!   or second-step codes), each attempt waits 1 s, 2 s, 4 s ... (doubling, at most
//!   [`MAX_THROTTLE_WAIT`]) after the pair's last failure. The same person signing in from their
//!   own connection is a different pair, and is not slowed by an attacker elsewhere;
//! - the **client** (this address, any email): after [`CLIENT_FREE_FAILURES`] failures, the same
//!   doubling waits apply to everything it tries, so spraying one password over many accounts
//!   slows down as fast as guessing one account's.
//!
//! A refused (throttled) attempt is recorded for the admins' log ([`Store::sign_in_log`]) but
//! does not count as a failure: the password was not checked.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use time::{Duration, OffsetDateTime};

use super::{AuthError, CLIENT_FREE_FAILURES, MAX_THROTTLE_WAIT, PAIR_FREE_FAILURES, THROTTLE_WINDOW, now};
use crate::entity::login_attempt;
use crate::{Store, Writer};

/// How an attempt ended, for [`record_attempt`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attempt {
    /// Refused by the throttle: nothing was checked, and it does not count as a failure.
    Throttled,
    /// Checked and refused (a wrong password or code).
    Failed,
    /// Checked and accepted.
    Succeeded,
}

/// Records one attempt (of a password or a second-step code) typed at `client` in the log the
/// throttle counts, inside `w`: the one place a `login_attempt` row is written. `summary` is the
/// audit event's summary (it names the account on success only: a failed attempt may carry a
/// typo'd address that belongs to nobody, or to someone else).
pub(crate) async fn record_attempt(
    w: &mut Writer,
    email: &str,
    client: &str,
    attempt: Attempt,
    summary: serde_json::Value,
) -> Result<(), AuthError> {
    let row = login_attempt::ActiveModel {
        email: Set(email.to_string()),
        attempted_at: Set(now()),
        succeeded: Set(attempt == Attempt::Succeeded),
        client: Set(Some(client.chars().take(128).collect())),
        throttled: Set(attempt == Attempt::Throttled),
        ..Default::default()
    };
    w.insert_many(vec![row], "sign-in", summary).await?;
    Ok(())
}

/// Failures counted for one key, and when the latest happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    /// Failed (checked) attempts in the window.
    pub count: u64,
    /// The latest of them.
    pub last: Option<OffsetDateTime>,
}

/// How long after the last failure the next attempt must wait: none up to `free` failures, then
/// 1 s, doubling with each further failure, at most [`MAX_THROTTLE_WAIT`].
pub fn wait_after(failures: u64, free: u64) -> Duration {
    if failures < free {
        return Duration::ZERO;
    }
    let doublings = (failures - free).min(20) as u32;
    Duration::seconds(1i64 << doublings).min(MAX_THROTTLE_WAIT)
}

/// Seconds still to wait at `at`, for a pair's and a client's failures (0: go ahead).
pub fn retry_after(pair: Failures, client: Failures, at: OffsetDateTime) -> u64 {
    let remaining = |f: Failures, free: u64| match f.last {
        Some(last) => (last + wait_after(f.count, free) - at).max(Duration::ZERO),
        None => Duration::ZERO,
    };
    let wait = remaining(pair, PAIR_FREE_FAILURES).max(remaining(client, CLIENT_FREE_FAILURES));
    // Round up: "wait 0 seconds" would be a lie while any wait remains.
    let whole = wait.whole_seconds() as u64;
    if wait > Duration::seconds(whole as i64) {
        whole + 1
    } else {
        whole
    }
}

/// One row of the failed-sign-in log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInEntry {
    /// When (UTC).
    pub at: OffsetDateTime,
    /// The email typed.
    pub email: String,
    /// The client address, as the server saw it.
    pub client: String,
    /// Refused without checking the password (the throttle's wait was not over).
    pub throttled: bool,
}

impl Store {
    /// Failed checked attempts of `email` from `client` in the window. A success does not wipe
    /// them: with a second factor, a right password is a success, and wiping would let someone
    /// who has the password try codes five at a time without ever waiting.
    pub async fn pair_failures(&self, email: &str, client: &str) -> Result<Failures, AuthError> {
        let failed = login_attempt::Entity::find()
            .filter(login_attempt::Column::Email.eq(email.trim().to_lowercase()))
            .filter(login_attempt::Column::Client.eq(client))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::Throttled.eq(false))
            .filter(login_attempt::Column::AttemptedAt.gt(now() - THROTTLE_WINDOW));
        self.failures(failed).await
    }

    /// Failed checked attempts from `client`, whatever the email, in the window.
    pub async fn client_failures(&self, client: &str) -> Result<Failures, AuthError> {
        let failed = login_attempt::Entity::find()
            .filter(login_attempt::Column::Client.eq(client))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::Throttled.eq(false))
            .filter(login_attempt::Column::AttemptedAt.gt(now() - THROTTLE_WINDOW));
        self.failures(failed).await
    }

    async fn failures(&self, query: sea_orm::Select<login_attempt::Entity>) -> Result<Failures, AuthError> {
        let count = query.clone().count(&self.db).await?;
        let last = query
            .order_by_desc(login_attempt::Column::AttemptedAt)
            .limit(1)
            .one(&self.db)
            .await?
            .map(|a| a.attempted_at);
        Ok(Failures { count, last })
    }

    /// Seconds `client` must still wait before an attempt for `email` is checked (0: none).
    pub async fn sign_in_wait(&self, email: &str, client: &str) -> Result<u64, AuthError> {
        let pair = self.pair_failures(email, client).await?;
        let by_client = self.client_failures(client).await?;
        Ok(retry_after(pair, by_client, now()))
    }

    /// The latest failed and throttled sign-in attempts, newest first, at most `limit`.
    pub async fn sign_in_log(&self, limit: u64) -> Result<Vec<SignInEntry>, AuthError> {
        let rows = login_attempt::Entity::find()
            .filter(login_attempt::Column::Succeeded.eq(false))
            .order_by_desc(login_attempt::Column::AttemptedAt)
            .order_by_desc(login_attempt::Column::LoginAttemptId)
            .limit(limit)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|a| SignInEntry {
                at: a.attempted_at,
                email: a.email,
                client: a.client.unwrap_or_else(|| "(not recorded)".into()),
                throttled: a.throttled,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_failures_and_stop_growing_at_the_cap() {
        assert_eq!(wait_after(0, 3), Duration::ZERO);
        assert_eq!(wait_after(2, 3), Duration::ZERO);
        assert_eq!(wait_after(3, 3), Duration::seconds(1));
        assert_eq!(wait_after(4, 3), Duration::seconds(2));
        assert_eq!(wait_after(8, 3), Duration::seconds(32));
        assert_eq!(wait_after(13, 3), MAX_THROTTLE_WAIT);
        assert_eq!(wait_after(u64::MAX, 3), MAX_THROTTLE_WAIT);
    }

    #[test]
    fn the_longer_of_the_pair_and_client_waits_counts_and_rounds_up() {
        let at = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
        let none = Failures::default();
        assert_eq!(retry_after(none, none, at), 0);
        let pair = Failures {
            count: 5,
            last: Some(at - Duration::milliseconds(500)),
        };
        // Five pair failures: 4 s after the last, half a second ago.
        assert_eq!(retry_after(pair, none, at), 4);
        let client = Failures {
            count: 12,
            last: Some(at - Duration::seconds(1)),
        };
        // Twelve client failures: 4 s after the last, one second ago, so 3 s remain.
        assert_eq!(retry_after(none, client, at), 3);
        assert_eq!(retry_after(pair, client, at), 4);
        let long_ago = Failures {
            count: 5,
            last: Some(at - Duration::minutes(10)),
        };
        assert_eq!(retry_after(long_ago, none, at), 0);
    }
}
