//! Server keys (table `server_key`) and the pre-sign-in CSRF token they sign.
//!
//! Before sign-in a form's CSRF token cannot be the session's, so it was the `nmp_csrf` cookie's
//! value submitted again (double submit), and a cookie planted by someone else with the same value
//! in their form passed. Now the cookie holds a random nonce and the form carries the
//! HMAC-SHA-256 of that nonce under a key only the servers know; a planted cookie with a value of
//! the attacker's choosing has no valid form token. The key lives in the database so every server
//! on one PostgreSQL accepts the others' forms; it is made on first use, and its creation is an
//! audit event that never carries the secret.

use sea_orm::sea_query::OnConflict;
use sea_orm::{EntityTrait, Set};

use super::{AuthError, now, random_token};
use crate::Store;
use crate::entity::server_key;

/// The name of the key that signs pre-sign-in CSRF tokens.
pub const CSRF_KEY: &str = "csrf";

/// The form token for a pre-sign-in CSRF cookie holding `nonce`, under the server key `key`.
pub fn pre_session_csrf(key: &str, nonce: &str) -> String {
    nmp_core::hmac_sha256_hex(key.as_bytes(), format!("nmp-csrf:{nonce}").as_bytes())
}

impl Store {
    /// The server key named `name`, made (32 random bytes) if there is none yet. Two servers
    /// making it at once agree: the first insert wins and both read it back.
    pub async fn server_key(&self, name: &str) -> Result<String, AuthError> {
        if let Some(key) = server_key::Entity::find_by_id(name).one(&self.db).await? {
            return Ok(key.secret);
        }
        let w = self.writer("system:server-key").await?;
        let row = server_key::ActiveModel {
            name: Set(name.to_string()),
            secret: Set(random_token()),
            created_at: Set(now()),
        };
        server_key::Entity::insert(row)
            .on_conflict(OnConflict::column(server_key::Column::Name).do_nothing().to_owned())
            .exec_without_returning(w.conn())
            .await?;
        w.commit().await?;
        let key = server_key::Entity::find_by_id(name).one(&self.db).await?;
        Ok(key
            .map(|k| k.secret)
            .ok_or(sea_orm::DbErr::RecordNotFound(format!("server_key {name}")))?)
    }
}
