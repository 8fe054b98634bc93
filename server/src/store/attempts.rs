//! Guesses counted so that parallel ones cannot slip past the count, and
//! the tables that let a leak be undone: one-time password links, ending
//! sessions.

use super::{parse_id, Store, StoreError};
use crate::db::Db;
use app::domain::ids::{AccountId, DelegateId, OrganisationId, ParticipantId, WorkshopId};
use chrono::{DateTime, Duration, Utc};

/// What is being guessed; each has its own count per subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttemptScope {
    /// A facilitator's password; the subject is the account's email.
    SignIn,
    /// A room code; the subject is the client's address.
    RoomCode,
}

impl AttemptScope {
    fn code(self) -> &'static str {
        match self {
            AttemptScope::SignIn => "sign_in",
            AttemptScope::RoomCode => "room_code",
        }
    }
}

/// An attempt written down before it is checked.
#[derive(Debug)]
pub struct Attempt {
    pub id: i64,
    /// Attempts of this scope and subject within the window, this one
    /// included. Each attempt is written before it counts, so of any number
    /// of parallel attempts the k-th written sees at least k.
    pub count: usize,
    /// When the oldest of them was made: the window reopens after it.
    pub oldest: DateTime<Utc>,
}

impl Store {
    /// Writes an attempt down, then counts those within `window`.
    pub async fn begin_attempt(
        &self,
        scope: AttemptScope,
        subject: &str,
        window: Duration,
        now: DateTime<Utc>,
    ) -> Result<Attempt, StoreError> {
        let scope = scope.code();
        let since = now - window;
        let (id, (count, oldest)): (i64, (i64, Option<DateTime<Utc>>)) = on_pool!(&self.db, pool => {
            let id = sqlx::query_scalar("INSERT INTO attempts (scope, subject, at) VALUES ($1, $2, $3) RETURNING id")
                .bind(scope).bind(subject).bind(now).fetch_one(pool).await?;
            let counted = sqlx::query_as("SELECT COUNT(*), MIN(at) FROM attempts WHERE scope = $1 AND subject = $2 AND at > $3")
                .bind(scope).bind(subject).bind(since).fetch_one(pool).await?;
            (id, counted)
        });
        Ok(Attempt {
            id,
            count: count as usize,
            oldest: oldest.unwrap_or(now),
        })
    }

    /// Takes an attempt back: it was right, or it was refused unchecked.
    pub async fn forget_attempt(&self, attempt: &Attempt) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM attempts WHERE id = $1").bind(attempt.id).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn create_password_link(
        &self,
        token_hash: &str,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let account = account.to_string();
        on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO password_links (token_hash, account_id, created_at) VALUES ($1, $2, $3)")
                .bind(token_hash).bind(&account).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    /// The account of an unused password link younger than `lifetime`.
    pub async fn password_link(
        &self,
        token_hash: &str,
        lifetime: Duration,
        now: DateTime<Utc>,
    ) -> Result<Option<AccountId>, StoreError> {
        let since = now - lifetime;
        let account: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT account_id FROM password_links WHERE token_hash = $1 AND used_at IS NULL AND created_at > $2")
                .bind(token_hash).bind(since).fetch_optional(pool).await?
        });
        account.map(|a| parse_id(&a)).transpose()
    }

    /// Uses a password link once: the account it was for, or `None` if it
    /// was used (by a racing request too), expired or never existed.
    pub async fn use_password_link(
        &self,
        token_hash: &str,
        lifetime: Duration,
        now: DateTime<Utc>,
    ) -> Result<Option<AccountId>, StoreError> {
        let since = now - lifetime;
        let account: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar(
                "UPDATE password_links SET used_at = $3 \
                 WHERE token_hash = $1 AND used_at IS NULL AND created_at > $2 RETURNING account_id",
            )
            .bind(token_hash).bind(since).bind(now).fetch_optional(pool).await?
        });
        account.map(|a| parse_id(&a)).transpose()
    }

    pub async fn set_password_hash(&self, account: AccountId, password_hash: &str) -> Result<(), StoreError> {
        let account = account.to_string();
        on_pool!(&self.db, pool => {
            sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
                .bind(&account).bind(password_hash).execute(pool).await?;
        });
        Ok(())
    }

    /// Ends every session of an account, but `keep` (the session that
    /// changed the password).
    pub async fn end_sessions_of(&self, account: AccountId, keep: Option<&str>) -> Result<(), StoreError> {
        let account = account.to_string();
        let keep = keep.unwrap_or("");
        on_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
                .bind(&account).bind(keep).execute(pool).await?;
        });
        Ok(())
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

impl Store {
    pub async fn account_email(&self, account: AccountId) -> Result<Option<String>, StoreError> {
        let account = account.to_string();
        Ok(on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
                .bind(&account).fetch_optional(pool).await?
        }))
    }
}
