//! The writer's transaction: sea-orm's own [`DatabaseTransaction`] on SQLite, and on PostgreSQL
//! a sqlx transaction that implements sea-orm's [`ConnectionTrait`] here, so that everything a
//! [`crate::Writer`] does (sea-orm's query builders and entities included) and a bulk load's
//! `COPY ... FROM STDIN` (see `bulk_copy.rs`) run on ONE connection in ONE transaction.
//!
//! Why not sea-orm's transaction on PostgreSQL too: sea-orm 2.0 keeps a transaction's connection
//! private, and `COPY FROM STDIN` needs the connection's copy sub-protocol
//! (`PgConnection::copy_in_raw`), which no statement sent through sea-orm can drive. The
//! PostgreSQL side below does what sea-orm's transaction does for PostgreSQL: the same statement
//! binding (`sea_query_sqlx::SqlxValues`), the same row and result conversions, and the same
//! error variants (so [`DbErr::sql_err`] still recognises constraint violations). Dropping it
//! without [`WriteTxn::commit`] rolls back, as sqlx's transaction does on drop.

use futures_util::lock::{Mutex, MutexGuard};
use sea_orm::sea_query::Values;
use sea_orm::sqlx::{self, Postgres};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr,
    Statement, TransactionTrait,
};
use sea_query_sqlx::SqlxValues;

/// A sqlx transaction on one pooled PostgreSQL connection.
pub(crate) type PgTransaction = sqlx::Transaction<'static, Postgres>;

/// The transaction a writer writes in.
pub(crate) enum WriteTxn {
    /// sea-orm's transaction (SQLite).
    Orm(DatabaseTransaction),
    /// A sqlx transaction whose connection the store can also use for `COPY` (PostgreSQL).
    Pg(Mutex<PgTransaction>),
}

fn exec_err(e: sqlx::Error) -> DbErr {
    DbErr::Exec(RuntimeErr::SqlxError(e.into()))
}

fn query_err(e: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(e.into()))
}

/// The statement as a sqlx query with its values bound, as sea-orm binds them.
fn bound(stmt: &Statement) -> sqlx::query::Query<'_, Postgres, SqlxValues> {
    let values = stmt.values.clone().unwrap_or(Values(Vec::new()));
    sqlx::query_with(sqlx::AssertSqlSafe(stmt.sql.as_str()), SqlxValues(values))
}

impl WriteTxn {
    /// Begins a transaction on `db`: a sqlx one on PostgreSQL, sea-orm's on SQLite.
    pub(crate) async fn begin(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
        if db.get_database_backend() == DbBackend::Postgres {
            let txn = db
                .get_postgres_connection_pool()
                .begin()
                .await
                .map_err(|e| DbErr::Conn(RuntimeErr::SqlxError(e.into())))?;
            Ok(WriteTxn::Pg(Mutex::new(txn)))
        } else {
            Ok(WriteTxn::Orm(db.begin().await?))
        }
    }

    /// The PostgreSQL connection, held for as long as the guard lives (a `COPY` holds it from
    /// start to finish); `None` on SQLite.
    pub(crate) async fn postgres(&self) -> Option<MutexGuard<'_, PgTransaction>> {
        match self {
            WriteTxn::Orm(_) => None,
            WriteTxn::Pg(txn) => Some(txn.lock().await),
        }
    }

    /// Commits.
    pub(crate) async fn commit(self) -> Result<(), DbErr> {
        match self {
            WriteTxn::Orm(txn) => txn.commit().await,
            WriteTxn::Pg(txn) => txn.into_inner().commit().await.map_err(query_err),
        }
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        match self {
            WriteTxn::Orm(txn) => txn.get_database_backend(),
            WriteTxn::Pg(_) => DbBackend::Postgres,
        }
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        match self {
            WriteTxn::Orm(txn) => txn.execute_raw(stmt).await,
            WriteTxn::Pg(txn) => {
                let mut conn = txn.lock().await;
                bound(&stmt)
                    .execute(&mut **conn)
                    .await
                    .map(Into::into)
                    .map_err(exec_err)
            }
        }
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        match self {
            WriteTxn::Orm(txn) => txn.execute_unprepared(sql).await,
            WriteTxn::Pg(txn) => {
                let mut conn = txn.lock().await;
                sqlx::Executor::execute(&mut **conn, sqlx::AssertSqlSafe(sql.to_owned()))
                    .await
                    .map(Into::into)
                    .map_err(exec_err)
            }
        }
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match self {
            WriteTxn::Orm(txn) => txn.query_one_raw(stmt).await,
            WriteTxn::Pg(txn) => {
                let mut conn = txn.lock().await;
                match bound(&stmt).fetch_one(&mut **conn).await {
                    Ok(row) => Ok(Some(row.into())),
                    Err(sqlx::Error::RowNotFound) => Ok(None),
                    Err(e) => Err(query_err(e)),
                }
            }
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match self {
            WriteTxn::Orm(txn) => txn.query_all_raw(stmt).await,
            WriteTxn::Pg(txn) => {
                let mut conn = txn.lock().await;
                bound(&stmt)
                    .fetch_all(&mut **conn)
                    .await
                    .map(|rows| rows.into_iter().map(Into::into).collect())
                    .map_err(query_err)
            }
        }
    }
}
