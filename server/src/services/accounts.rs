//! Facilitator sign-in: passwords, sessions, and throttling of failed
//! attempts per account.
//!
//! Sessions are ours rather than a session crate's because they are tied to
//! the event store's accounts and audited with it; the primitives (argon2id,
//! SHA-256, the OS random generator) are well-kept crates.

use crate::engine::Engine;
use crate::services::secrets::{new_token, token_hash};
use crate::store::attempts::{Attempt, AttemptScope};
use crate::store::Store;
use app::api::service::{
    Accounts, NewColleague, NewPassword, NewSession, PasswordChange, SignedIn, Workshops,
};
use app::domain::command::{administers, Command};
use app::domain::error::{AppError, Problem};
use app::domain::event::Actor;
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::AccountId;
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;
use tokio::sync::Semaphore;
use validator::Validate;

/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: Duration = Duration::hours(4);
/// …and in any case this long after sign-in: one working day.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(24);
/// Failed sign-ins for one account within the window before it must wait.
pub const MAX_FAILURES: usize = 5;
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);
/// Writing last-seen on every request would make every page view a write.
const TOUCH_EVERY: Duration = Duration::minutes(1);

pub const AUDIT_SIGN_IN: &str = "sign_in";
pub const AUDIT_SIGN_IN_FAILED: &str = "sign_in_failed";
pub const AUDIT_SIGN_OUT: &str = "sign_out";
pub const AUDIT_ACCOUNT_CREATED: &str = "account_created";
pub const AUDIT_PASSWORD_CHANGED: &str = "password_changed";
pub const AUDIT_PASSWORD_LINK_ISSUED: &str = "password_link_issued";

/// How long a one-time password link works.
pub const PASSWORD_LINK_LIFETIME: Duration = Duration::days(7);

/// How long a password check waits for a free hashing slot before the
/// request is turned away (429) rather than queued without end.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// At most this many password hashes at once: 4 × 19 MiB, whatever the
/// number of sign-ins arriving.
pub const CONCURRENT_PASSWORD_HASHES: usize = 4;

/// Facilitators' accounts over the engine (for adding one to a workshop)
/// and the store (accounts, sessions, guesses, the audit trail).
pub struct AccountService {
    engine: Arc<Engine>,
    /// Password hashes being computed at once (argon2id takes 19 MiB each).
    hashing: Semaphore,
}

impl AccountService {
    pub fn new(engine: Arc<Engine>) -> AccountService {
        AccountService {
            engine,
            hashing: Semaphore::new(CONCURRENT_PASSWORD_HASHES),
        }
    }

    fn store(&self) -> &Store {
        self.engine.store()
    }

    /// Signs in at `now` (tests move the clock).
    pub async fn sign_in_at(
        &self,
        email: &str,
        password: &str,
        now: DateTime<Utc>,
    ) -> Result<NewSession, AppError> {
        let store = self.store();
        let email = email.trim().to_lowercase();
        if email.len() > 254 || email.contains(char::is_control) || password.len() > 1024 {
            return Err(AppError::invalid("password", Problem::WrongCredentials));
        }
        let attempt = self.begin_guess(&email, now).await?;
        let account = store.account_by_email(&email).await?;
        let valid = match self
            .check_password(password, account.as_ref().map(|a| a.password_hash.clone()))
            .await
        {
            Ok(valid) => valid && account.is_some(),
            Err(busy) => {
                store.forget_attempt(&attempt).await?;
                return Err(busy);
            }
        };
        let Some(account) = account.filter(|_| valid) else {
            store.audit(AUDIT_SIGN_IN_FAILED, &email, "", now).await?;
            return Err(AppError::invalid("password", Problem::WrongCredentials));
        };
        store.forget_attempt(&attempt).await?;
        let token = new_token();
        store.create_session(&token_hash(&token), account.id, now).await?;
        store.audit(AUDIT_SIGN_IN, &email, "", now).await?;
        Ok(NewSession {
            token,
            user: SignedIn {
                account: account.id,
                email: account.email,
                name: account.name,
            },
        })
    }

    /// Writes a password guess for an account down before it is checked: of
    /// any number of parallel guesses, at most `MAX_FAILURES` get as far as
    /// the hash; the others are refused (429) and taken back.
    async fn begin_guess(&self, email: &str, now: DateTime<Utc>) -> Result<Attempt, AppError> {
        let store = self.store();
        let attempt = store
            .begin_attempt(AttemptScope::SignIn, email, FAILURE_WINDOW, now)
            .await?;
        if attempt.count <= MAX_FAILURES {
            return Ok(attempt);
        }
        store.forget_attempt(&attempt).await?;
        let wait = attempt.oldest + FAILURE_WINDOW - now;
        Err(AppError::TooManyAttempts {
            retry_after_seconds: wait.num_seconds().max(1) as u64,
        })
    }

    /// Runs argon2 (deliberately slow and memory-hungry) off the async workers,
    /// at most `hashing`'s permits at once. An unknown account is checked
    /// against a dummy hash, so timing does not tell which emails exist.
    async fn check_password(&self, password: &str, hash: Option<String>) -> Result<bool, AppError> {
        let busy = AppError::TooManyAttempts {
            retry_after_seconds: 1,
        };
        let _permit = tokio::time::timeout(HASHING_WAIT, self.hashing.acquire())
            .await
            .map_err(|_| busy.clone())?
            .map_err(|_| busy)?;
        let password = password.to_string();
        tokio::task::spawn_blocking(move || {
            let hash = hash.as_deref().unwrap_or(DUMMY_HASH);
            password_auth::verify_password(&password, hash).is_ok()
        })
        .await
        .map_err(|_| AppError::Internal)
    }

    /// A new argon2id hash, under the same bound as checks.
    async fn hash_password(&self, password: String) -> Result<String, AppError> {
        let _permit = tokio::time::timeout(HASHING_WAIT, self.hashing.acquire())
            .await
            .map_err(|_| AppError::TooManyAttempts {
                retry_after_seconds: 1,
            })?
            .map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
            .await
            .map_err(|_| AppError::Internal)
    }

    /// Sets an account's password and ends its sessions but `keep`.
    pub async fn set_password(
        &self,
        account: AccountId,
        email: &str,
        password: String,
        keep: Option<&str>,
    ) -> Result<(), AppError> {
        let store = self.store();
        let hash = self.hash_password(password).await?;
        store.set_password_hash(account, &hash).await?;
        let keep = keep.map(token_hash);
        store.end_sessions_of(account, keep.as_deref()).await?;
        store.audit(AUDIT_PASSWORD_CHANGED, email, "", Utc::now()).await?;
        Ok(())
    }

    /// The email a live one-time password link is for.
    async fn password_link_at(&self, token: &str, now: DateTime<Utc>) -> Result<String, AppError> {
        let store = self.store();
        let account = store
            .password_link(&token_hash(token), PASSWORD_LINK_LIFETIME, now)
            .await?
            .ok_or_else(|| AppError::NotFound("link".into()))?;
        store
            .account_email(account)
            .await?
            .ok_or_else(|| AppError::NotFound("link".into()))
    }

    /// The signed-in facilitator of a session token, if the session is alive.
    pub async fn session_at(&self, token: &str, now: DateTime<Utc>) -> Result<Option<SignedIn>, AppError> {
        let store = self.store();
        let hash = token_hash(token);
        let Some(row) = store.session(&hash).await? else {
            return Ok(None);
        };
        if now - row.last_seen_at > IDLE_TIMEOUT || now - row.created_at > ABSOLUTE_TIMEOUT {
            store.delete_session(&hash).await?;
            return Ok(None);
        }
        if now - row.last_seen_at > TOUCH_EVERY {
            store.touch_session(&hash, now).await?;
        }
        Ok(Some(SignedIn {
            account: row.account,
            email: row.email,
            name: row.name,
        }))
    }
}

#[async_trait::async_trait]
impl Accounts for AccountService {
    async fn sign_in(&self, email: &str, password: &str) -> Result<NewSession, AppError> {
        self.sign_in_at(email, password, Utc::now()).await
    }

    async fn session(&self, token: &str) -> Result<Option<SignedIn>, AppError> {
        self.session_at(token, Utc::now()).await
    }

    async fn sign_out(&self, token: &str) -> Result<(), AppError> {
        let now = Utc::now();
        let store = self.store();
        let hash = token_hash(token);
        if let Some(row) = store.session(&hash).await? {
            store.delete_session(&hash).await?;
            store.audit(AUDIT_SIGN_OUT, &row.email, "", now).await?;
        }
        Ok(())
    }

    /// Adds a facilitator to a workshop on behalf of one of its facilitators,
    /// creating the account when the email has none. Checks the right first, so
    /// a refused request creates no account either. A new account has no
    /// password anyone knows: the answer is the token of a one-time link with
    /// which its owner sets their own.
    async fn add_facilitator(
        &self,
        slug: &str,
        actor: Actor,
        colleague: NewColleague,
    ) -> Result<Option<String>, AppError> {
        let engine = &self.engine;
        let state = engine.workshop(slug).await?;
        if !administers(&state, &actor) {
            return Err(AppError::Forbidden);
        }
        // Checked before any lookup: an email the database cannot even hold
        // (a NUL byte) is the caller's mistake, not ours.
        colleague.validate()?;
        let store = engine.store();
        let (id, link) = match store.account_by_email(&colleague.email).await? {
            Some(existing) => (existing.id, None),
            None => {
                // Nobody knows this password; the link replaces it.
                let hash = self.hash_password(new_token()).await?;
                let id = AccountId::random();
                let email = colleague.email.trim().to_lowercase();
                if !store
                    .create_account(id, &email, colleague.name.trim(), &hash)
                    .await?
                {
                    return Err(AppError::Conflict);
                }
                let link = new_token();
                let now = Utc::now();
                store.create_password_link(&token_hash(&link), id, now).await?;
                store.audit(AUDIT_ACCOUNT_CREATED, &email, slug, now).await?;
                store.audit(AUDIT_PASSWORD_LINK_ISSUED, &email, slug, now).await?;
                (id, Some(link))
            }
        };
        let command = Command::AddFacilitator { account: id };
        engine
            .execute(slug, actor, &IdempotencyKey::facilitator(id), command)
            .await?;
        Ok(link)
    }

    /// A signed-in facilitator changes their own password, giving the current
    /// one; every other session of theirs ends.
    async fn change_password(&self, session_token: &str, change: PasswordChange) -> Result<(), AppError> {
        let now = Utc::now();
        let store = self.store();
        let Some(user) = self.session_at(session_token, now).await? else {
            return Err(AppError::Unauthenticated);
        };
        change.validate()?;
        let account = store
            .account_by_email(&user.email)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let attempt = self.begin_guess(&user.email, now).await?;
        if !self
            .check_password(&change.current, Some(account.password_hash))
            .await?
        {
            store
                .audit(AUDIT_SIGN_IN_FAILED, &user.email, "password change", now)
                .await?;
            return Err(AppError::invalid("current", Problem::WrongCredentials));
        }
        store.forget_attempt(&attempt).await?;
        self.set_password(account.id, &user.email, change.password, Some(session_token))
            .await
    }

    async fn password_link(&self, token: &str) -> Result<String, AppError> {
        self.password_link_at(token, Utc::now()).await
    }

    /// Sets a password through a one-time link; the link dies with it, even
    /// when two requests race for it.
    async fn set_password_by_link(&self, token: &str, password: NewPassword) -> Result<(), AppError> {
        let now = Utc::now();
        password.validate()?;
        let store = self.store();
        let email = self.password_link_at(token, now).await?;
        let account = store
            .use_password_link(&token_hash(token), PASSWORD_LINK_LIFETIME, now)
            .await?
            .ok_or_else(|| AppError::NotFound("link".into()))?;
        self.set_password(account, &email, password.password, None).await
    }
}

/// An argon2id hash of a random password nobody knows, for timing parity.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$WxTqlCpiq6N2dtuk6ZAbYzJ04PBa0MAQ4QSzpYDs9Rk";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dummy_hash_is_a_real_argon2id_hash() {
        let result = password_auth::verify_password("anything", DUMMY_HASH);
        assert!(
            matches!(result, Err(password_auth::VerifyError::PasswordInvalid)),
            "replace DUMMY_HASH with: {}",
            password_auth::generate_hash("x")
        );
        assert!(DUMMY_HASH.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    }
}
