//! Instant propagation between servers on one PostgreSQL (issue 27, part 5): a trigger on the
//! audit head sends `NOTIFY nmp_writes, '<last_event_id>'` whenever a write moves it. PostgreSQL
//! delivers it when the writing transaction commits, to every server listening (see
//! `Store::listen_for_writes`), which then knows its cached answers are stale without polling.
//! SQLite has no such channel: nothing changes there, and its readers keep polling the head.

use sea_orm_migration::prelude::*;

/// Migration 25.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE FUNCTION nmp_notify_write() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               PERFORM pg_notify('nmp_writes', NEW.last_event_id::text);
               RETURN NEW;
             END $$",
        )
        .await?;
        // A writer first takes the head's row lock with an update that changes nothing: that
        // update is not news.
        db.execute_unprepared(
            "CREATE TRIGGER audit_head_notify AFTER UPDATE ON audit_head FOR EACH ROW
             WHEN (NEW.last_event_id IS DISTINCT FROM OLD.last_event_id)
             EXECUTE FUNCTION nmp_notify_write()",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        db.execute_unprepared("DROP TRIGGER IF EXISTS audit_head_notify ON audit_head")
            .await?;
        db.execute_unprepared("DROP FUNCTION IF EXISTS nmp_notify_write()")
            .await?;
        Ok(())
    }
}
