//! Idempotency records: what each key was first used for, so that a retried
//! request gets the first answer and a reused key is refused.

use crate::db::Db;
use crate::store::base::{on_pool, Store, StoreError};
use app::domain::ids::WorkshopId;

/// What an idempotency key was first used for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The workshop's version after that first command.
    pub version: u64,
    /// The SHA-256 of who sent it and what it said (`None` on records
    /// older than this field, which keep answering as before).
    pub request_hash: Option<String>,
}

impl Recorded {
    /// Whether a request with this hash is the one recorded: the same
    /// sender sending the same command again.
    pub fn is_same_request(&self, request_hash: &str) -> bool {
        self.request_hash
            .as_deref()
            .is_none_or(|recorded| recorded == request_hash)
    }
}

#[derive(sqlx::FromRow)]
struct IdempotencyRecord {
    version: i64,
    request_hash: Option<String>,
}

impl Store {
    /// What an idempotency key was first used for, if it was used before.
    pub async fn recorded(&self, workshop: WorkshopId, key: &str) -> Result<Option<Recorded>, StoreError> {
        let id = workshop.to_string();
        let row: Option<IdempotencyRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT version, request_hash FROM idempotency WHERE workshop_id = $1 AND idempotency_key = $2")
                .bind(&id)
                .bind(key)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|row| Recorded {
            version: row.version as u64,
            request_hash: row.request_hash,
        }))
    }

    /// The highest version any idempotency record promises: the log must
    /// reach at least this far.
    pub async fn promised_version(&self, workshop: WorkshopId) -> Result<u64, StoreError> {
        let id = workshop.to_string();
        let version: Option<i64> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT MAX(version) FROM idempotency WHERE workshop_id = $1")
                .bind(&id)
                .fetch_one(pool)
                .await?
        });
        Ok(version.unwrap_or(0) as u64)
    }
}
