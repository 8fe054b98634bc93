//! What the server provides to server functions, as a trait so that the app
//! never depends on the server crate.

pub use crate::domain::account::SignedIn;
use crate::domain::command::Command;
use crate::domain::error::AppError;
use crate::domain::event::Actor;
use crate::domain::state::WorkshopState;
use leptos::prelude::*;
use std::sync::Arc;

#[async_trait::async_trait]
pub trait Roundtable: Send + Sync + 'static {
    /// Every workshop's current state.
    async fn workshops(&self) -> Result<Vec<Arc<WorkshopState>>, AppError>;
    /// One workshop's current state, by slug.
    async fn workshop(&self, slug: &str) -> Result<Arc<WorkshopState>, AppError>;
    /// Decides and durably appends a command; returns the workshop's version
    /// after it. A repeated `idempotency_key` returns the first answer.
    async fn execute(
        &self,
        slug: &str,
        actor: Actor,
        idempotency_key: &str,
        command: Command,
    ) -> Result<u64, AppError>;

    /// Checks a facilitator's password and opens a session.
    async fn sign_in(&self, email: &str, password: &str) -> Result<NewSession, AppError>;
    /// The signed-in facilitator of a session token, if it is alive.
    async fn session(&self, token: &str) -> Result<Option<SignedIn>, AppError>;
    /// Ends a session.
    async fn sign_out(&self, token: &str) -> Result<(), AppError>;
}

pub type Services = Arc<dyn Roundtable>;

pub const SESSION_COOKIE: &str = "rt_session";

/// The cookie value of a fresh session, and whose it is.
pub struct NewSession {
    pub token: String,
    pub user: SignedIn,
}

/// The session token of the current request, if it carries one.
pub fn session_token() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_string())
}

/// The signed-in facilitator of the current request, if any.
pub async fn current_user() -> Result<Option<SignedIn>, AppError> {
    match session_token() {
        Some(token) => services()?.session(&token).await,
        None => Ok(None),
    }
}

/// The actor of the current request: a signed-in facilitator, or an error.
pub async fn current_actor() -> Result<Actor, AppError> {
    match current_user().await? {
        Some(user) => Ok(Actor::Facilitator {
            account: user.account,
        }),
        None => Err(AppError::Unauthenticated),
    }
}

/// Sets (or, with `None`, clears) the session cookie on the response.
/// `Secure` when the request came over HTTPS, directly or via a proxy.
pub fn set_session_cookie(token: Option<&str>) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let https = use_context::<http::request::Parts>().is_some_and(|parts| {
        parts.uri.scheme_str() == Some("https")
            || parts
                .headers
                .get("x-forwarded-proto")
                .is_some_and(|v| v == "https")
    });
    let secure = if https { "; Secure" } else { "" };
    let cookie = match token {
        Some(token) => {
            format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}")
        }
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    };
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

pub fn services() -> Result<Services, AppError> {
    use_context::<Services>().ok_or(AppError::Internal)
}

/// Runs a server function's body and gives a failure its HTTP status, the
/// one mapping in `AppError::status`.
pub async fn respond<T>(body: impl std::future::Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(error) = &result {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(status) = http::StatusCode::from_u16(error.status()) {
                response.set_status(status);
            }
        }
    }
    result
}
