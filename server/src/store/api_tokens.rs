//! Read-only API tokens (hashed) for a workshop's exports.

use crate::db::Db;
use crate::store::base::{on_pool, parse_id, Store, StoreError};
use app::domain::ids::{AccountId, WorkshopId};
use chrono::{DateTime, Utc};

/// A token as its workshop's setup page lists it (never its secret).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApiTokenRow {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Store {
    pub async fn create_api_token(
        &self,
        id: uuid::Uuid,
        token_hash: &str,
        workshop: WorkshopId,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (id, workshop, account) = (id.to_string(), workshop.to_string(), account.to_string());
        on_pool!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO api_tokens (id, token_hash, workshop_id, account_id, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&id).bind(token_hash).bind(&workshop).bind(&account).bind(now)
            .execute(pool).await?;
        });
        Ok(())
    }

    /// Revokes a token of a workshop by its id; `false` if there was none live.
    pub async fn revoke_api_token(
        &self,
        workshop: WorkshopId,
        id: uuid::Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (workshop, id) = (workshop.to_string(), id.to_string());
        let done = on_pool!(&self.db, pool => {
            sqlx::query("UPDATE api_tokens SET revoked_at = $3 WHERE workshop_id = $1 AND id = $2 AND revoked_at IS NULL")
                .bind(&workshop).bind(&id).bind(now).execute(pool).await?.rows_affected()
        });
        Ok(done > 0)
    }

    /// A workshop's API tokens, newest first.
    pub async fn api_tokens(&self, workshop: WorkshopId) -> Result<Vec<ApiTokenRow>, StoreError> {
        let workshop = workshop.to_string();
        let rows: Vec<ApiTokenRow> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT id, created_at, revoked_at FROM api_tokens WHERE workshop_id = $1 ORDER BY created_at DESC")
                .bind(&workshop).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// The workshop a live API token reads.
    pub async fn api_token_workshop(&self, token_hash: &str) -> Result<Option<WorkshopId>, StoreError> {
        let id: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT workshop_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
                .bind(token_hash).fetch_optional(pool).await?
        });
        id.map(|id| parse_id(&id)).transpose()
    }
}
