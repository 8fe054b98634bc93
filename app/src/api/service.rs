//! What the server provides to server functions, as a trait so that the app
//! never depends on the server crate.

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
}

pub type Services = Arc<dyn Roundtable>;

pub fn services() -> Result<Services, AppError> {
    use_context::<Services>().ok_or(AppError::Internal)
}

/// Runs a server function's body and gives a failure its HTTP status, the
/// one mapping in `AppError::status`.
pub async fn respond<T>(
    body: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
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
