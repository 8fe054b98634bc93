//! Facilitator sign-in: passwords, sessions, and throttling of failed
//! attempts per account.
//!
//! Sessions are ours rather than a session crate's because they are tied to
//! the event store's accounts and audited with it; the primitives (argon2id,
//! SHA-256, the OS random generator) are well-kept crates.

use crate::store::{internal, Store};
use app::api::service::{NewSession, SignedIn};
use app::domain::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

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

/// 256 random bits, hex-encoded: the cookie value.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random generator works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Only this reaches the database, so a leaked table signs nobody in.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub async fn sign_in(
    store: &Store,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<NewSession, AppError> {
    let email = email.trim().to_lowercase();
    let failures = store
        .audit_times(AUDIT_SIGN_IN_FAILED, &email, now - FAILURE_WINDOW)
        .await
        .map_err(internal)?;
    if failures.len() >= MAX_FAILURES {
        let wait = failures[failures.len() - MAX_FAILURES] + FAILURE_WINDOW - now;
        return Err(AppError::TooManyAttempts {
            retry_after_seconds: wait.num_seconds().max(1) as u64,
        });
    }
    let account = store.account_by_email(&email).await.map_err(internal)?;
    let password = password.to_string();
    // argon2 is deliberately slow; keep it off the async workers. Unknown
    // emails are checked against a dummy hash so timing does not tell.
    let (account, valid) = tokio::task::spawn_blocking(move || {
        let hash = account
            .as_ref()
            .map(|a| a.password_hash.as_str())
            .unwrap_or(DUMMY_HASH);
        let valid = password_auth::verify_password(&password, hash).is_ok() && account.is_some();
        (account, valid)
    })
    .await
    .map_err(|_| AppError::Internal)?;
    let Some(account) = account.filter(|_| valid) else {
        store
            .audit(AUDIT_SIGN_IN_FAILED, &email, "", now)
            .await
            .map_err(internal)?;
        return Err(AppError::invalid("password", "wrong_credentials"));
    };
    let token = new_token();
    store
        .create_session(&token_hash(&token), account.id, now)
        .await
        .map_err(internal)?;
    store
        .audit(AUDIT_SIGN_IN, &email, "", now)
        .await
        .map_err(internal)?;
    Ok(NewSession {
        token,
        user: SignedIn {
            account: account.id,
            email: account.email,
            name: account.name,
        },
    })
}

/// The signed-in facilitator of a session token, if the session is alive.
pub async fn session(store: &Store, token: &str, now: DateTime<Utc>) -> Result<Option<SignedIn>, AppError> {
    let hash = token_hash(token);
    let Some(row) = store.session(&hash).await.map_err(internal)? else {
        return Ok(None);
    };
    if now - row.last_seen_at > IDLE_TIMEOUT || now - row.created_at > ABSOLUTE_TIMEOUT {
        store.delete_session(&hash).await.map_err(internal)?;
        return Ok(None);
    }
    if now - row.last_seen_at > TOUCH_EVERY {
        store.touch_session(&hash, now).await.map_err(internal)?;
    }
    Ok(Some(SignedIn {
        account: row.account,
        email: row.email,
        name: row.name,
    }))
}

pub async fn sign_out(store: &Store, token: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let hash = token_hash(token);
    if let Some(row) = store.session(&hash).await.map_err(internal)? {
        store.delete_session(&hash).await.map_err(internal)?;
        store
            .audit(AUDIT_SIGN_OUT, &row.email, "", now)
            .await
            .map_err(internal)?;
    }
    Ok(())
}

/// Adds a facilitator to a workshop on behalf of one of its facilitators,
/// creating the account when the email has none. Checks the right first, so
/// a refused request creates no account either.
pub async fn add_facilitator(
    engine: &crate::engine::Engine,
    slug: &str,
    actor: app::domain::event::Actor,
    account: app::domain::account::NewAccount,
) -> Result<(), AppError> {
    use app::api::service::Roundtable;
    use app::domain::command::{administers, Command};
    use validator::Validate;
    let state = engine.workshop(slug).await?;
    if !administers(&state, &actor) {
        return Err(AppError::Forbidden);
    }
    let store = engine.store();
    let id = match store.account_by_email(&account.email).await.map_err(internal)? {
        Some(existing) => existing.id,
        None => {
            account.validate()?;
            let password = account.password.clone();
            let hash = tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
                .await
                .map_err(|_| AppError::Internal)?;
            let id = app::domain::ids::AccountId::random();
            let email = account.email.trim().to_lowercase();
            if !store
                .create_account(id, &email, account.name.trim(), &hash)
                .await
                .map_err(internal)?
            {
                return Err(AppError::Conflict);
            }
            store
                .audit(AUDIT_ACCOUNT_CREATED, &email, slug, Utc::now())
                .await
                .map_err(internal)?;
            id
        }
    };
    let command = Command::AddFacilitator { account: id };
    engine
        .execute(slug, actor, &format!("facilitator:{id}"), command)
        .await
        .map(|_| ())
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

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
