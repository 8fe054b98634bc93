//! Room codes and the device sessions of participants who joined with one.

use crate::db::Db;
use crate::store::base::{on_pool, parse_id, Store, StoreError};
use app::domain::ids::{DelegateId, ParticipantId, WorkshopId};
use chrono::{DateTime, Utc};

/// A participant's device session: whose, and since when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParticipantSessionRow {
    pub workshop: WorkshopId,
    pub participant: ParticipantId,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct ParticipantSessionRecord {
    workshop_id: String,
    participant_id: String,
    created_at: DateTime<Utc>,
}

impl Store {
    pub async fn room_code(&self, workshop: WorkshopId) -> Result<Option<String>, StoreError> {
        let id = workshop.to_string();
        Ok(on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT code FROM room_codes WHERE workshop_id = $1")
                .bind(&id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Gives the workshop `code` unless it has one or the code is taken;
    /// whether it was given.
    pub async fn claim_room_code(
        &self,
        workshop: WorkshopId,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let id = workshop.to_string();
        let inserted = on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO room_codes (workshop_id, code, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(&id)
                .bind(code)
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(inserted == 1)
    }

    pub async fn room_workshop(&self, code: &str) -> Result<Option<WorkshopId>, StoreError> {
        let id: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT workshop_id FROM room_codes WHERE code = $1")
                .bind(code)
                .fetch_optional(pool)
                .await?
        });
        id.map(|id| parse_id(&id)).transpose()
    }

    pub async fn create_participant_session(
        &self,
        token_hash: &str,
        workshop: WorkshopId,
        participant: ParticipantId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, participant) = (workshop.to_string(), participant.to_string());
        on_pool!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO participant_sessions (token_hash, workshop_id, participant_id, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash).bind(&workshop).bind(&participant).bind(now)
            .execute(pool).await?;
        });
        Ok(())
    }

    pub async fn participant_session(
        &self,
        token_hash: &str,
    ) -> Result<Option<ParticipantSessionRow>, StoreError> {
        let row: Option<ParticipantSessionRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT workshop_id, participant_id, created_at FROM participant_sessions WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|row| {
            Ok(ParticipantSessionRow {
                workshop: parse_id(&row.workshop_id)?,
                participant: parse_id(&row.participant_id)?,
                created_at: row.created_at,
            })
        })
        .transpose()
    }

    /// Ends one person's device sessions in a workshop, as a delegate by
    /// invite link and as a participant by room code.
    pub async fn end_sessions_of_person(
        &self,
        workshop: WorkshopId,
        delegate: DelegateId,
        participant: ParticipantId,
    ) -> Result<(), StoreError> {
        let (workshop, delegate, participant) = (
            workshop.to_string(),
            delegate.to_string(),
            participant.to_string(),
        );
        on_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM delegate_sessions WHERE workshop_id = $1 AND delegate_id = $2")
                .bind(&workshop).bind(&delegate).execute(pool).await?;
            sqlx::query("DELETE FROM participant_sessions WHERE workshop_id = $1 AND participant_id = $2")
                .bind(&workshop).bind(&participant).execute(pool).await?;
        });
        Ok(())
    }
}
