//! Invite links (hashed) and the device sessions of delegates who joined
//! through one.

use crate::db::Db;
use crate::store::base::{in_write_transaction, on_pool, parse_id, Store, StoreError};
use app::domain::ids::{DelegateId, OrganisationId, WorkshopId};
use app::domain::model::Delegate;
use chrono::{DateTime, Utc};

/// What a live invite link opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveInvite {
    pub workshop: WorkshopId,
    pub organisation: OrganisationId,
}

#[derive(sqlx::FromRow)]
struct InviteRecord {
    workshop_id: String,
    organisation_id: String,
}

/// A delegate's device session: whose, and since when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelegateSessionRow {
    pub workshop: WorkshopId,
    pub organisation: OrganisationId,
    pub delegate: DelegateId,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct DelegateSessionRecord {
    workshop_id: String,
    organisation_id: String,
    delegate_id: String,
    created_at: DateTime<Utc>,
}

impl Store {
    /// Stores a new invite for an organisation and revokes its earlier ones,
    /// so that re-issuing a link kills the old link.
    pub async fn replace_invite(
        &self,
        token_hash: &str,
        workshop: WorkshopId,
        organisation: OrganisationId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, organisation) = (workshop.to_string(), organisation.to_string());
        // The same statements on either pool's transaction: the body is
        // written once and expanded for each.
        in_write_transaction!(&self.db, tx => {
            sqlx::query(
                "UPDATE invites SET revoked_at = $3 \
                 WHERE workshop_id = $1 AND organisation_id = $2 AND revoked_at IS NULL",
            )
            .bind(&workshop)
            .bind(&organisation)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO invites (token_hash, workshop_id, organisation_id, created_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash)
            .bind(&workshop)
            .bind(&organisation)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn revoke_invites(
        &self,
        workshop: WorkshopId,
        organisation: OrganisationId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, organisation) = (workshop.to_string(), organisation.to_string());
        on_pool!(&self.db, pool => {
            sqlx::query(
                "UPDATE invites SET revoked_at = $3 \
                 WHERE workshop_id = $1 AND organisation_id = $2 AND revoked_at IS NULL",
            )
            .bind(&workshop).bind(&organisation).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    /// The workshop and organisation of a live (not revoked) invite.
    pub async fn live_invite(&self, token_hash: &str) -> Result<Option<LiveInvite>, StoreError> {
        let row: Option<InviteRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT workshop_id, organisation_id FROM invites WHERE token_hash = $1 AND revoked_at IS NULL",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|row| {
            Ok(LiveInvite {
                workshop: parse_id(&row.workshop_id)?,
                organisation: parse_id(&row.organisation_id)?,
            })
        })
        .transpose()
    }

    pub async fn create_delegate_session(
        &self,
        token_hash: &str,
        workshop: WorkshopId,
        delegate: &Delegate,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (workshop, organisation, id) = (
            workshop.to_string(),
            delegate.organisation.to_string(),
            delegate.id.to_string(),
        );
        on_pool!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO delegate_sessions (token_hash, workshop_id, organisation_id, delegate_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash).bind(&workshop).bind(&organisation).bind(&id).bind(now)
            .execute(pool).await?;
        });
        Ok(())
    }

    /// The workshop, organisation and delegate of a delegate session, and
    /// when it began.
    pub async fn delegate_session(&self, token_hash: &str) -> Result<Option<DelegateSessionRow>, StoreError> {
        let row: Option<DelegateSessionRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT workshop_id, organisation_id, delegate_id, created_at FROM delegate_sessions WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|row| {
            Ok(DelegateSessionRow {
                workshop: parse_id(&row.workshop_id)?,
                organisation: parse_id(&row.organisation_id)?,
                delegate: parse_id(&row.delegate_id)?,
                created_at: row.created_at,
            })
        })
        .transpose()
    }

    /// Ends the device sessions of an organisation's delegates who joined
    /// by invite link.
    pub async fn end_delegate_sessions_of(
        &self,
        workshop: WorkshopId,
        organisation: OrganisationId,
    ) -> Result<u64, StoreError> {
        let (workshop, organisation) = (workshop.to_string(), organisation.to_string());
        Ok(on_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM delegate_sessions WHERE workshop_id = $1 AND organisation_id = $2")
                .bind(&workshop).bind(&organisation).execute(pool).await?.rows_affected()
        }))
    }
}
