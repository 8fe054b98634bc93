//! Read-only API tokens for a workshop's exports (the endpoints are in
//! `http::exports`). The secret is shown once; only its hash is stored.

use crate::engine::Engine;
use crate::services::secrets::{new_token, token_hash};
use app::api::service::{ApiTokenInfo, ApiTokens, Workshops};
use app::domain::command::administers;
use app::domain::error::{AppError, Problem};
use app::domain::event::Actor;
use app::domain::ids::WorkshopId;
use chrono::Utc;
use std::sync::Arc;

pub const AUDIT_TOKEN_CREATED: &str = "api_token_created";
pub const AUDIT_TOKEN_REVOKED: &str = "api_token_revoked";

/// API tokens over the engine and the store.
pub struct ApiTokenService {
    engine: Arc<Engine>,
}

impl ApiTokenService {
    pub fn new(engine: Arc<Engine>) -> ApiTokenService {
        ApiTokenService { engine }
    }

    /// A new token for a workshop, by one of its facilitators; shown once.
    pub async fn create(&self, slug: &str, actor: &Actor) -> Result<(uuid::Uuid, String), AppError> {
        let engine = &self.engine;
        let state = engine.workshop(slug).await?;
        let (Actor::Facilitator { account }, true) = (actor, administers(&state, actor)) else {
            return Err(AppError::Forbidden);
        };
        let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
        let (id, token, now) = (uuid::Uuid::new_v4(), new_token(), Utc::now());
        let store = engine.store();
        store
            .create_api_token(id, &token_hash(&token), workshop, *account, now)
            .await?;
        store
            .audit(AUDIT_TOKEN_CREATED, slug, &id.to_string(), now)
            .await?;
        Ok((id, token))
    }

    pub async fn revoke(&self, slug: &str, actor: &Actor, id: uuid::Uuid) -> Result<(), AppError> {
        let engine = &self.engine;
        let state = engine.workshop(slug).await?;
        if !administers(&state, actor) {
            return Err(AppError::Forbidden);
        }
        let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
        let now = Utc::now();
        if !engine.store().revoke_api_token(workshop, id, now).await? {
            return Err(AppError::NotFound("token".into()));
        }
        engine
            .store()
            .audit(AUDIT_TOKEN_REVOKED, slug, &id.to_string(), now)
            .await?;
        Ok(())
    }

    /// The workshop a live token reads, if any.
    pub async fn workshop_of(&self, token: &str) -> Result<Option<WorkshopId>, AppError> {
        Ok(self.engine.store().api_token_workshop(&token_hash(token)).await?)
    }
}

#[async_trait::async_trait]
impl ApiTokens for ApiTokenService {
    async fn create_api_token(&self, slug: &str, actor: Actor) -> Result<(String, String), AppError> {
        let (id, token) = self.create(slug, &actor).await?;
        Ok((id.to_string(), token))
    }

    async fn revoke_api_token(&self, slug: &str, actor: Actor, id: &str) -> Result<(), AppError> {
        let id = id
            .parse()
            .map_err(|_| AppError::invalid("id", Problem::Invalid))?;
        self.revoke(slug, &actor, id).await
    }

    /// A workshop's tokens for its setup page; facilitators only.
    async fn api_tokens(&self, slug: &str, actor: Actor) -> Result<Vec<ApiTokenInfo>, AppError> {
        let engine = &self.engine;
        let state = engine.workshop(slug).await?;
        if !administers(&state, &actor) {
            return Err(AppError::Forbidden);
        }
        let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
        let rows = engine.store().api_tokens(workshop).await?;
        Ok(rows
            .into_iter()
            .map(|row| ApiTokenInfo {
                id: row.id,
                created_at: row.created_at,
                revoked: row.revoked_at.is_some(),
            })
            .collect())
    }
}
