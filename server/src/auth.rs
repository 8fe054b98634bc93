//! Facilitator sign-in: passwords, sessions, and throttling of failed
//! attempts per account.
//!
//! Sessions are ours rather than a session crate's because they are tied to
//! the event store's accounts and audited with it; the primitives (argon2id,
//! SHA-256, the OS random generator) are well-kept crates.

use crate::store::{internal, Attempt, AttemptScope, Store};
use app::api::service::{NewColleague, NewPassword, NewSession, PasswordChange, SignedIn};
use app::domain::error::AppError;
use app::domain::error::Problem;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
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
    hashing: &tokio::sync::Semaphore,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<NewSession, AppError> {
    let email = email.trim().to_lowercase();
    if email.len() > 254 || email.contains(char::is_control) || password.len() > 1024 {
        return Err(AppError::invalid("password", Problem::WrongCredentials));
    }
    let attempt = begin_guess(store, &email, now).await?;
    let account = store.account_by_email(&email).await.map_err(internal)?;
    let valid = match check_password(
        hashing,
        password,
        account.as_ref().map(|a| a.password_hash.clone()),
    )
    .await
    {
        Ok(valid) => valid && account.is_some(),
        Err(busy) => {
            store.forget_attempt(&attempt).await.map_err(internal)?;
            return Err(busy);
        }
    };
    let Some(account) = account.filter(|_| valid) else {
        store
            .audit(AUDIT_SIGN_IN_FAILED, &email, "", now)
            .await
            .map_err(internal)?;
        return Err(AppError::invalid("password", Problem::WrongCredentials));
    };
    store.forget_attempt(&attempt).await.map_err(internal)?;
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

/// Writes a password guess for an account down before it is checked: of
/// any number of parallel guesses, at most `MAX_FAILURES` get as far as
/// the hash; the others are refused (429) and taken back.
async fn begin_guess(store: &Store, email: &str, now: DateTime<Utc>) -> Result<Attempt, AppError> {
    let attempt = store
        .begin_attempt(AttemptScope::SignIn, email, FAILURE_WINDOW, now)
        .await
        .map_err(internal)?;
    if attempt.count <= MAX_FAILURES {
        return Ok(attempt);
    }
    store.forget_attempt(&attempt).await.map_err(internal)?;
    let wait = attempt.oldest + FAILURE_WINDOW - now;
    Err(AppError::TooManyAttempts {
        retry_after_seconds: wait.num_seconds().max(1) as u64,
    })
}

/// How long a password check waits for a free hashing slot before the
/// request is turned away (429) rather than queued without end.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Runs argon2 (deliberately slow and memory-hungry) off the async workers,
/// at most `hashing`'s permits at once. An unknown account is checked
/// against a dummy hash, so timing does not tell which emails exist.
async fn check_password(
    hashing: &tokio::sync::Semaphore,
    password: &str,
    hash: Option<String>,
) -> Result<bool, AppError> {
    let busy = AppError::TooManyAttempts {
        retry_after_seconds: 1,
    };
    let _permit = tokio::time::timeout(HASHING_WAIT, hashing.acquire())
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
async fn hash_password(hashing: &tokio::sync::Semaphore, password: String) -> Result<String, AppError> {
    let _permit = tokio::time::timeout(HASHING_WAIT, hashing.acquire())
        .await
        .map_err(|_| AppError::TooManyAttempts {
            retry_after_seconds: 1,
        })?
        .map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .map_err(|_| AppError::Internal)
}

/// How long a one-time password link works.
pub const PASSWORD_LINK_LIFETIME: Duration = Duration::days(7);

pub const AUDIT_PASSWORD_CHANGED: &str = "password_changed";
pub const AUDIT_PASSWORD_LINK_ISSUED: &str = "password_link_issued";

/// A signed-in facilitator changes their own password, giving the current
/// one; every other session of theirs ends.
pub async fn change_password(
    store: &Store,
    hashing: &tokio::sync::Semaphore,
    session_token: &str,
    change: PasswordChange,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(user) = session(store, session_token, now).await? else {
        return Err(AppError::Unauthenticated);
    };
    change.validate()?;
    let account = store
        .account_by_email(&user.email)
        .await
        .map_err(internal)?
        .ok_or(AppError::Unauthenticated)?;
    let attempt = begin_guess(store, &user.email, now).await?;
    if !check_password(hashing, &change.current, Some(account.password_hash)).await? {
        store
            .audit(AUDIT_SIGN_IN_FAILED, &user.email, "password change", now)
            .await
            .map_err(internal)?;
        return Err(AppError::invalid("current", Problem::WrongCredentials));
    }
    store.forget_attempt(&attempt).await.map_err(internal)?;
    set_password(
        store,
        hashing,
        account.id,
        &user.email,
        change.password,
        Some(session_token),
    )
    .await
}

/// Sets an account's password and ends its sessions but `keep`.
pub async fn set_password(
    store: &Store,
    hashing: &tokio::sync::Semaphore,
    account: app::domain::ids::AccountId,
    email: &str,
    password: String,
    keep: Option<&str>,
) -> Result<(), AppError> {
    let hash = hash_password(hashing, password).await?;
    store.set_password_hash(account, &hash).await.map_err(internal)?;
    let keep = keep.map(token_hash);
    store
        .end_sessions_of(account, keep.as_deref())
        .await
        .map_err(internal)?;
    store
        .audit(AUDIT_PASSWORD_CHANGED, email, "", Utc::now())
        .await
        .map_err(internal)
}

/// The email a live one-time password link is for.
pub async fn password_link(store: &Store, token: &str, now: DateTime<Utc>) -> Result<String, AppError> {
    let account = store
        .password_link(&token_hash(token), PASSWORD_LINK_LIFETIME, now)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("link".into()))?;
    store
        .account_email(account)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("link".into()))
}

/// Sets a password through a one-time link; the link dies with it, even
/// when two requests race for it.
pub async fn set_password_by_link(
    store: &Store,
    hashing: &tokio::sync::Semaphore,
    token: &str,
    password: NewPassword,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    password.validate()?;
    let email = password_link(store, token, now).await?;
    let account = store
        .use_password_link(&token_hash(token), PASSWORD_LINK_LIFETIME, now)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("link".into()))?;
    set_password(store, hashing, account, &email, password.password, None).await
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
/// a refused request creates no account either. A new account has no
/// password anyone knows: the answer is the token of a one-time link with
/// which its owner sets their own.
pub async fn add_facilitator(
    engine: &crate::engine::Engine,
    slug: &str,
    actor: app::domain::event::Actor,
    colleague: NewColleague,
) -> Result<Option<String>, AppError> {
    use app::api::service::Roundtable;
    use app::domain::command::{administers, Command};
    let state = engine.workshop(slug).await?;
    if !administers(&state, &actor) {
        return Err(AppError::Forbidden);
    }
    // Checked before any lookup: an email the database cannot even hold
    // (a NUL byte) is the caller's mistake, not ours.
    colleague.validate()?;
    let store = engine.store();
    let (id, link) = match store.account_by_email(&colleague.email).await.map_err(internal)? {
        Some(existing) => (existing.id, None),
        None => {
            // Nobody knows this password; the link replaces it.
            let hash = hash_password(engine.hashing(), new_token()).await?;
            let id = app::domain::ids::AccountId::random();
            let email = colleague.email.trim().to_lowercase();
            if !store
                .create_account(id, &email, colleague.name.trim(), &hash)
                .await
                .map_err(internal)?
            {
                return Err(AppError::Conflict);
            }
            let link = new_token();
            let now = Utc::now();
            store
                .create_password_link(&token_hash(&link), id, now)
                .await
                .map_err(internal)?;
            store
                .audit(AUDIT_ACCOUNT_CREATED, &email, slug, now)
                .await
                .map_err(internal)?;
            store
                .audit(AUDIT_PASSWORD_LINK_ISSUED, &email, slug, now)
                .await
                .map_err(internal)?;
            (id, Some(link))
        }
    };
    let command = Command::AddFacilitator { account: id };
    engine
        .execute(slug, actor, &format!("facilitator:{id}"), command)
        .await?;
    Ok(link)
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
