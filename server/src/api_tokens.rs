//! Read-only API tokens, and the export endpoints they (or a facilitator's
//! session) unlock: `GET /w/{slug}/export/state.json` and `events.jsonl`.

use crate::auth::{new_token, token_hash};
use crate::engine::Engine;
use crate::http::{AppState, HttpError};
use crate::store::internal;
use app::api::service::{Roundtable, SESSION_COOKIE};
use app::domain::command::administers;
use app::domain::error::AppError;
use app::domain::event::Actor;
use app::domain::state::WorkshopState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use std::sync::Arc;

pub const AUDIT_TOKEN_CREATED: &str = "api_token_created";
pub const AUDIT_TOKEN_REVOKED: &str = "api_token_revoked";

/// A new token for a workshop, by one of its facilitators; shown once.
pub async fn create(engine: &Engine, slug: &str, actor: &Actor) -> Result<(uuid::Uuid, String), AppError> {
    let state = engine.workshop(slug).await?;
    let (Actor::Facilitator { account }, true) = (actor, administers(&state, actor)) else {
        return Err(AppError::Forbidden);
    };
    let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
    let (id, token, now) = (uuid::Uuid::new_v4(), new_token(), Utc::now());
    let store = engine.store();
    store
        .create_api_token(id, &token_hash(&token), workshop, *account, now)
        .await
        .map_err(internal)?;
    store
        .audit(AUDIT_TOKEN_CREATED, slug, &id.to_string(), now)
        .await
        .map_err(internal)?;
    Ok((id, token))
}

pub async fn revoke(engine: &Engine, slug: &str, actor: &Actor, id: uuid::Uuid) -> Result<(), AppError> {
    let state = engine.workshop(slug).await?;
    if !administers(&state, actor) {
        return Err(AppError::Forbidden);
    }
    let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
    let now = Utc::now();
    if !engine
        .store()
        .revoke_api_token(workshop, id, now)
        .await
        .map_err(internal)?
    {
        return Err(AppError::NotFound("token".into()));
    }
    engine
        .store()
        .audit(AUDIT_TOKEN_REVOKED, slug, &id.to_string(), now)
        .await
        .map_err(internal)
}

/// A workshop's tokens for its setup page; facilitators only.
pub async fn list(
    engine: &Engine,
    slug: &str,
    actor: &Actor,
) -> Result<Vec<app::api::service::ApiTokenInfo>, AppError> {
    let state = engine.workshop(slug).await?;
    if !administers(&state, actor) {
        return Err(AppError::Forbidden);
    }
    let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
    let rows = engine.store().api_tokens(workshop).await.map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|(id, created_at, revoked)| app::api::service::ApiTokenInfo {
            id,
            created_at,
            revoked,
        })
        .collect())
}

/// Whether the request may read this workshop's exports: a live bearer
/// token for it, or the session of one of its facilitators.
async fn authorize(engine: &Engine, slug: &str, headers: &HeaderMap) -> Result<(), AppError> {
    let state = engine.workshop(slug).await?;
    let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let Some(token) = bearer {
        let reads = engine
            .store()
            .api_token_workshop(&token_hash(token.trim()))
            .await
            .map_err(internal)?;
        return if reads == Some(workshop) {
            Ok(())
        } else {
            Err(AppError::Unauthenticated)
        };
    }
    let session = app::api::service::cookie_in(headers, SESSION_COOKIE);
    let Some(user) = (match session {
        Some(token) => engine.session(&token).await?,
        None => None,
    }) else {
        return Err(AppError::Unauthenticated);
    };
    if administers(
        &state,
        &Actor::Facilitator {
            account: user.account,
        },
    ) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The workshop's state, once the request is allowed to read its exports.
async fn readable(state: &AppState, slug: &str, headers: &HeaderMap) -> Result<Arc<WorkshopState>, AppError> {
    authorize(&state.engine, slug, headers).await?;
    state.engine.workshop(slug).await
}

pub async fn export_state(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let workshop = readable(&state, &slug, &headers).await?;
    let body = crate::export::state_json(&workshop).map_err(|_| AppError::Internal)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

pub async fn export_events(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    authorize(&state.engine, &slug, &headers).await?;
    let events = state.engine.events(&slug, 0).await?;
    let body = crate::export::log_jsonl(&events).map_err(|_| AppError::Internal)?;
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], body).into_response())
}

pub async fn export_commitments_csv(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let workshop = readable(&state, &slug, &headers).await?;
    let body = crate::register::csv(&workshop).map_err(|_| AppError::Internal)?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        &format!("{slug}-commitments.csv"),
        body,
    ))
}

pub async fn export_commitments_xlsx(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let workshop = readable(&state, &slug, &headers).await?;
    let body = crate::register::xlsx(&workshop).map_err(|_| AppError::Internal)?;
    let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(attachment(kind, &format!("{slug}-commitments.xlsx"), body))
}

/// A file to download, named after the workshop (slugs are plain ASCII).
fn attachment(content_type: &'static str, filename: &str, body: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}
