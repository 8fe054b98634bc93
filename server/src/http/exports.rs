//! The export endpoints a read-only API token (or a facilitator's session)
//! unlocks: `GET /w/{slug}/export/state.json`, `events.jsonl`,
//! `commitments.csv` and `commitments.xlsx`.

use crate::http::error::HttpError;
use crate::http::state::AppState;
use crate::services::Services;
use app::api::service::{Accounts, Workshops, SESSION_COOKIE};
use app::domain::command::administers;
use app::domain::error::AppError;
use app::domain::event::Actor;
use app::domain::state::WorkshopState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/w/{slug}/export/state.json", get(export_state))
        .route("/w/{slug}/export/events.jsonl", get(export_events))
        .route("/w/{slug}/export/commitments.csv", get(export_commitments_csv))
        .route("/w/{slug}/export/commitments.xlsx", get(export_commitments_xlsx))
}

/// Whether the request may read this workshop's exports: a live bearer
/// token for it, or the session of one of its facilitators.
async fn authorize(services: &Services, slug: &str, headers: &HeaderMap) -> Result<(), AppError> {
    let state = services.engine.workshop(slug).await?;
    let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let Some(token) = bearer {
        let reads = services.api_tokens.workshop_of(token.trim()).await?;
        return if reads == Some(workshop) {
            Ok(())
        } else {
            Err(AppError::Unauthenticated)
        };
    }
    let session = app::api::service::cookie_in(headers, SESSION_COOKIE);
    let Some(user) = (match session {
        Some(token) => services.accounts.session(&token).await?,
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
    authorize(&state.services, slug, headers).await?;
    state.services.engine.workshop(slug).await
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
    authorize(&state.services, &slug, &headers).await?;
    let events = state.services.engine.events(&slug, 0).await?;
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
