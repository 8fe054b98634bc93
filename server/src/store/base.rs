//! The store's handle and error, and what every table's code shares: the
//! one body run on whichever pool there is, the write transaction, ids read
//! back from their text.

use crate::db::Db;
use app::domain::ids::WorkshopId;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("event {seq} of workshop {workshop} does not parse: {reason}")]
    Corrupt {
        workshop: WorkshopId,
        seq: u64,
        reason: String,
    },
    #[error("could not encode an event: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The one mapping of a storage failure to what callers see, so that `?`
/// does it: the detail goes to the server log, the user gets
/// `AppError::Internal`.
impl From<StoreError> for app::domain::error::AppError {
    fn from(error: StoreError) -> Self {
        tracing::error!(%error, "store failure");
        app::domain::error::AppError::Internal
    }
}

pub(super) fn parse_id<T: std::str::FromStr<Err = uuid::Error>>(text: &str) -> Result<T, StoreError> {
    text.parse()
        .map_err(|e: uuid::Error| StoreError::Db(sqlx::Error::Decode(Box::new(e))))
}

#[derive(Clone, Debug)]
pub struct Store {
    pub(super) db: Db,
}

/// Runs the same body against whichever pool the store has.
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            Db::Sqlite($pool) => $body,
            Db::Postgres($pool) => $body,
        }
    };
}
pub(super) use on_pool;

/// Runs `$body` inside a write transaction named `$tx`: `BEGIN IMMEDIATE` on
/// SQLite, so it takes the write lock up front instead of failing with
/// SQLITE_BUSY half way; a plain transaction on PostgreSQL. The body
/// commits; returning early rolls back.
macro_rules! in_write_transaction {
    ($db:expr, $tx:ident => $body:expr) => {
        match $db {
            Db::Sqlite(pool) => {
                #[allow(unused_mut)]
                let mut $tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                $body
            }
            Db::Postgres(pool) => {
                #[allow(unused_mut)]
                let mut $tx = pool.begin().await?;
                $body
            }
        }
    };
}
pub(super) use in_write_transaction;

pub(super) fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| e.is_unique_violation())
}

impl Store {
    pub fn new(db: Db) -> Store {
        Store { db }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }
}
