//! The append-only audit trail of security events.

use crate::db::Db;
use crate::store::base::{on_pool, Store, StoreError};
use chrono::{DateTime, Utc};

/// One security event of the trail.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub subject: String,
    pub detail: String,
}

impl Store {
    /// Records a security event. Never pass a secret here.
    pub async fn audit(
        &self,
        kind: &str,
        subject: &str,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO audit (at, kind, subject, detail) VALUES ($1, $2, $3, $4)")
                .bind(now).bind(kind).bind(subject).bind(detail).execute(pool).await?;
        });
        Ok(())
    }

    /// When each `kind` event about `subject` since `since` happened, oldest first.
    pub async fn audit_times(
        &self,
        kind: &str,
        subject: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let times: Vec<DateTime<Utc>> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT at FROM audit WHERE kind = $1 AND subject = $2 AND at > $3 ORDER BY at")
                .bind(kind).bind(subject).bind(since).fetch_all(pool).await?
        });
        Ok(times)
    }

    /// The audit trail, newest first.
    pub async fn audit_trail(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT at, kind, subject, detail FROM audit ORDER BY id DESC LIMIT $1")
                .bind(limit).fetch_all(pool).await?
        });
        Ok(rows)
    }
}
