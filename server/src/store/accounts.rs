//! Facilitators' accounts, their sessions and one-time password links.

use crate::db::Db;
use crate::store::base::{is_unique_violation, on_pool, parse_id, Store, StoreError};
use app::domain::ids::AccountId;
use chrono::{DateTime, Duration, Utc};

pub struct AccountRow {
    pub id: AccountId,
    pub email: String,
    pub name: String,
    pub password_hash: String,
}

#[derive(sqlx::FromRow)]
struct AccountRecord {
    id: String,
    email: String,
    name: String,
    password_hash: String,
}

#[derive(sqlx::FromRow)]
struct SessionRecord {
    account_id: String,
    email: String,
    name: String,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
}

pub struct SessionRow {
    pub account: AccountId,
    pub email: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

impl Store {
    pub async fn account_by_email(&self, email: &str) -> Result<Option<AccountRow>, StoreError> {
        let email = email.trim().to_lowercase();
        let row: Option<AccountRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as("SELECT id, email, name, password_hash FROM accounts WHERE email = $1")
                .bind(&email)
                .fetch_optional(pool)
                .await?
        });
        row.map(|row| {
            Ok(AccountRow {
                id: parse_id(&row.id)?,
                email: row.email,
                name: row.name,
                password_hash: row.password_hash,
            })
        })
        .transpose()
    }

    pub async fn account_email(&self, account: AccountId) -> Result<Option<String>, StoreError> {
        let account = account.to_string();
        Ok(on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
                .bind(&account).fetch_optional(pool).await?
        }))
    }

    pub async fn account_exists(&self, email: &str) -> Result<bool, StoreError> {
        let email = email.trim().to_lowercase();
        let found: Option<String> = on_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1").bind(&email).fetch_optional(pool).await?
        });
        Ok(found.is_some())
    }

    /// Creates an account; `false` when the email is taken.
    pub async fn create_account(
        &self,
        id: AccountId,
        email: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<bool, StoreError> {
        let email = email.trim().to_lowercase();
        let id = id.to_string();
        let now = Utc::now();
        let result = on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO accounts (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(&id).bind(&email).bind(name).bind(password_hash).bind(now)
                .execute(pool).await.map(|_| ())
        });
        match result {
            Ok(_) => Ok(true),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn set_password_hash(&self, account: AccountId, password_hash: &str) -> Result<(), StoreError> {
        let account = account.to_string();
        on_pool!(&self.db, pool => {
            sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
                .bind(&account).bind(password_hash).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let account = account.to_string();
        on_pool!(&self.db, pool => {
            sqlx::query("INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)")
                .bind(token_hash).bind(&account).bind(now)
                .execute(pool).await?;
        });
        Ok(())
    }

    /// A session and its account, by the hash of its token.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, StoreError> {
        let row: Option<SessionRecord> = on_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT s.account_id, a.email, a.name, s.created_at, s.last_seen_at \
                 FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        row.map(|row| {
            Ok(SessionRow {
                account: parse_id(&row.account_id)?,
                email: row.email,
                name: row.name,
                created_at: row.created_at,
                last_seen_at: row.last_seen_at,
            })
        })
        .transpose()
    }

    pub async fn touch_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
                .bind(token_hash).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
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
}
