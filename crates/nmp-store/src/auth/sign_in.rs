//! Signing in and sessions: checking an email and password (with throttling, and the same argon2
//! work whether or not the account exists), starting, finding and ending sessions.

use nmp_core::vocab::AccountRole;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

use super::throttle::{self, Attempt};
use super::{
    AuthError, DUMMY_HASH, NewSession, SESSION_LIFETIME, SignedIn, TOUCH_EVERY, now, password_matches, random_token,
    token_hash,
};
use crate::Store;
use crate::entity::{account, session};

impl Store {
    /// Checks an email and password typed at `client` (the address the attempt came from).
    /// Unknown email, wrong password, no password and an inactive account are all
    /// [`AuthError::BadCredentials`], after the same argon2 work. While the throttle's wait for
    /// this client and email (or this client alone) is not over, the answer is
    /// [`AuthError::Throttled`] without checking (see `throttle.rs`). Every attempt is recorded.
    pub async fn verify_login(&self, email: &str, password: &str, client: &str) -> Result<account::Model, AuthError> {
        let typed = email.trim().to_lowercase();
        let client: String = client.chars().take(128).collect();
        let retry_after = self.sign_in_wait(&typed, &client).await?;
        if retry_after > 0 {
            self.record_attempt(&typed, &client, None).await?;
            return Err(AuthError::Throttled { retry_after });
        }
        let account = self.account_by_email(&typed).await?.filter(|a| a.active);
        let hash = account
            .as_ref()
            .and_then(|a| a.password_hash.clone())
            .unwrap_or_else(|| DUMMY_HASH.clone());
        let matches = password_matches(password, &hash);
        let account = account.filter(|a| matches && a.password_hash.is_some());
        self.record_attempt(&typed, &client, Some(account.as_ref().map(|a| a.account_id)))
            .await?;
        account.ok_or(AuthError::BadCredentials)
    }

    /// Records an attempt: `checked` is `None` for one refused by the throttle, else the account
    /// it signed in to (`Some(None)`: a failure).
    async fn record_attempt(&self, email: &str, client: &str, checked: Option<Option<i32>>) -> Result<(), AuthError> {
        let attempt = match checked {
            None => Attempt::Throttled,
            Some(None) => Attempt::Failed,
            Some(Some(_)) => Attempt::Succeeded,
        };
        let summary = serde_json::json!({
            "succeeded": attempt == Attempt::Succeeded,
            "throttled": attempt == Attempt::Throttled,
            "account_id": checked.flatten(),
        });
        let mut w = self.writer("system:sign-in").await?;
        throttle::record_attempt(&mut w, email, client, attempt, summary).await?;
        w.commit().await?;
        Ok(())
    }

    /// Starts a session for `account` and ends `replacing` (the browser's previous session, if
    /// any), so every sign-in gets a fresh token.
    pub async fn create_session(
        &self,
        account: &account::Model,
        user_agent: Option<&str>,
        replacing: Option<&str>,
    ) -> Result<NewSession, AuthError> {
        let token = random_token();
        let csrf_token = random_token();
        let created = now();
        let key = format!("account:{}", account.account_id);
        let mut w = self.writer(&account.email).await?;
        if let Some(old) = replacing {
            w.delete_many::<session::Entity, _>(session::Column::SessionId, token_hash(old), &key)
                .await?;
        }
        let row = session::ActiveModel {
            session_id: Set(token_hash(&token)),
            account_id: Set(account.account_id),
            csrf_token: Set(csrf_token.clone()),
            created_at: Set(created),
            expires_at: Set(created + SESSION_LIFETIME),
            last_seen_at: Set(created),
            user_agent: Set(user_agent.map(|ua| ua.chars().take(512).collect())),
        };
        let summary = serde_json::json!({
            "account_id": account.account_id,
            "expires_at": (created + SESSION_LIFETIME).to_string(),
        });
        w.insert_many(vec![row], &key, summary).await?;
        w.end_links(account.account_id, None).await?;
        w.commit().await?;
        Ok(NewSession { token, csrf_token })
    }

    /// The signed-in session for a cookie token, if it exists, has not expired and its account
    /// is active.
    pub async fn session(&self, token: &str) -> Result<Option<SignedIn>, AuthError> {
        let Some(row) = session::Entity::find_by_id(token_hash(token)).one(&self.db).await? else {
            return Ok(None);
        };
        let at = now();
        if row.expires_at <= at {
            return Ok(None);
        }
        let Some(account) = account::Entity::find_by_id(row.account_id)
            .one(&self.db)
            .await?
            .filter(|a| a.active)
        else {
            return Ok(None);
        };
        let Ok(role) = AccountRole::parse("role", &account.role) else {
            return Ok(None);
        };
        if at - row.last_seen_at > TOUCH_EVERY {
            let w = self.writer(&account.email).await?;
            session::Entity::update_many()
                .col_expr(session::Column::LastSeenAt, Expr::value(at))
                .filter(session::Column::SessionId.eq(row.session_id.clone()))
                .exec(w.conn())
                .await?;
            w.commit().await?;
        }
        let two_factor = self.two_factor_enabled(account.account_id).await?;
        Ok(Some(SignedIn {
            account,
            role,
            csrf_token: row.csrf_token,
            two_factor,
        }))
    }

    /// Ends the session with this cookie token (nothing happens for an unknown token).
    pub async fn delete_session(&self, token: &str) -> Result<(), AuthError> {
        let id = token_hash(token);
        let Some(row) = session::Entity::find_by_id(id.clone()).one(&self.db).await? else {
            return Ok(());
        };
        let account = account::Entity::find_by_id(row.account_id).one(&self.db).await?;
        let actor = account.map_or_else(|| "system:sign-out".to_string(), |a| a.email);
        let mut w = self.writer(&actor).await?;
        w.delete_many::<session::Entity, _>(session::Column::SessionId, id, &format!("account:{}", row.account_id))
            .await?;
        w.commit().await?;
        Ok(())
    }
}
