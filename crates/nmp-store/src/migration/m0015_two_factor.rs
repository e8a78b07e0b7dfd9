//! Two-factor sign-in (issue 24): `two_factor` (an account's TOTP secret, whether it is on, the
//! last accepted time step), `recovery_code` (single-use codes, stored as SHA-256) and
//! `pending_sign_in` (a right password waiting for its code: a short-lived token, stored as
//! SHA-256, that is not a session).
//!
//! Bookkeeping like `session`: no version columns; the writer audits changes with summaries that
//! never contain a secret, a code or a token.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 15.
#[derive(DeriveMigrationName)]
pub struct Migration;

fn account_fk(table: &mut TableCreateStatement) {
    table.foreign_key(
        ForeignKey::create()
            .from_col("account_id")
            .to("account", "account_id")
            .on_delete(ForeignKeyAction::Cascade),
    );
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut two_factor = Table::create()
            .table("two_factor")
            .col(integer("account_id").primary_key())
            .take();
        two_factor
            .col(string("secret"))
            .col(timestamp_with_time_zone_null("enabled_at"))
            .col(big_integer_null("last_used_step"))
            .col(timestamp_with_time_zone("created_at"));
        account_fk(&mut two_factor);
        manager.create_table(two_factor).await?;

        let mut recovery = Table::create()
            .table("recovery_code")
            .col(pk_auto("recovery_code_id"))
            .take();
        recovery
            .col(integer("account_id"))
            .col(char_len_uniq("code_hash", 64))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("used_at"));
        account_fk(&mut recovery);
        manager.create_table(recovery).await?;

        let mut pending = Table::create()
            .table("pending_sign_in")
            .col(char_len("pending_sign_in_id", 64).primary_key())
            .take();
        pending
            .col(integer("account_id"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(integer("attempts"));
        account_fk(&mut pending);
        manager.create_table(pending).await?;

        for index in [
            Index::create()
                .name("recovery_code_account_idx")
                .table("recovery_code")
                .col("account_id")
                .take(),
            Index::create()
                .name("pending_sign_in_account_idx")
                .table("pending_sign_in")
                .col("account_id")
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
