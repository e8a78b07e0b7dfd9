//! Throttling by client and account pair (issue 24): `login_attempt` gains `client` (the address
//! the attempt came from: the connection's peer, or the configured trusted proxy header's value)
//! and `throttled` (an attempt refused without checking the password, kept for the admins'
//! failed-sign-in log but not counted as a failure), with an index by client; `server_key` holds
//! random keys the servers of one database share (the key that signs pre-sign-in CSRF tokens), so
//! a form served by one server can be posted to another.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 14.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table("login_attempt")
                    .add_column(string_null("client"))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("login_attempt")
                    .add_column(boolean("throttled").default(false))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("login_attempt_client_idx")
                    .table("login_attempt")
                    .col("client")
                    .col("attempted_at")
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("server_key")
                    .col(string("name").primary_key())
                    .col(string("secret"))
                    .col(timestamp_with_time_zone("created_at"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("server_key").take()).await?;
        let mut drop = Index::drop();
        drop.name("login_attempt_client_idx").table("login_attempt");
        manager.drop_index(drop).await?;
        for column in ["throttled", "client"] {
            manager
                .alter_table(Table::alter().table("login_attempt").drop_column(column).take())
                .await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
