//! Sign-in bookkeeping for staff accounts: `session` (one row per signed-in browser, keyed by the
//! SHA-256 of its random token, never the token itself), `login_attempt` (for throttling) and
//! `one_time_link` (set-password and reset links, stored as the SHA-256 of their token).
//!
//! These rows are bookkeeping, not records: they carry no version columns, and the writer audits
//! them per batch without their secrets (see `nmp_store::auth`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 4.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut session = Table::create()
            .table("session")
            .col(char_len("session_id", 64).primary_key())
            .take();
        session
            .col(integer("account_id"))
            .col(char_len("csrf_token", 64))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(timestamp_with_time_zone("last_seen_at"))
            .col(text_null("user_agent"))
            .foreign_key(ForeignKey::create().from_col("account_id").to("account", "account_id"));
        manager.create_table(session).await?;

        let mut attempt = Table::create()
            .table("login_attempt")
            .col(big_pk_auto("login_attempt_id"))
            .take();
        attempt
            .col(string("email"))
            .col(timestamp_with_time_zone("attempted_at"))
            .col(boolean("succeeded"));
        manager.create_table(attempt).await?;

        let mut link = Table::create()
            .table("one_time_link")
            .col(pk_auto("one_time_link_id"))
            .take();
        link.col(char_len_uniq("token_hash", 64))
            .col(integer("account_id"))
            .col(string("purpose"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(timestamp_with_time_zone_null("used_at"))
            .foreign_key(ForeignKey::create().from_col("account_id").to("account", "account_id"));
        manager.create_table(link).await?;

        for index in [
            Index::create()
                .name("session_account_idx")
                .table("session")
                .col("account_id")
                .take(),
            Index::create()
                .name("login_attempt_email_idx")
                .table("login_attempt")
                .col("email")
                .col("attempted_at")
                .take(),
        ] {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
