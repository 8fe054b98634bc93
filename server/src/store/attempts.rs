//! Guesses counted before they are checked, so that parallel ones cannot
//! slip past the count.

use crate::db::Db;
use crate::store::base::{on_pool, Store, StoreError};
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

#[derive(sqlx::FromRow)]
struct Counted {
    count: i64,
    oldest: Option<DateTime<Utc>>,
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
        let (id, counted): (i64, Counted) = on_pool!(&self.db, pool => {
            let id = sqlx::query_scalar("INSERT INTO attempts (scope, subject, at) VALUES ($1, $2, $3) RETURNING id")
                .bind(scope).bind(subject).bind(now).fetch_one(pool).await?;
            let counted = sqlx::query_as("SELECT COUNT(*) AS count, MIN(at) AS oldest FROM attempts WHERE scope = $1 AND subject = $2 AND at > $3")
                .bind(scope).bind(subject).bind(since).fetch_one(pool).await?;
            (id, counted)
        });
        Ok(Attempt {
            id,
            count: counted.count as usize,
            oldest: counted.oldest.unwrap_or(now),
        })
    }

    /// Takes an attempt back: it was right, or it was refused unchecked.
    pub async fn forget_attempt(&self, attempt: &Attempt) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM attempts WHERE id = $1").bind(attempt.id).execute(pool).await?;
        });
        Ok(())
    }
}
