//! The export endpoints a read-only API token (or a facilitator's session)
//! unlocks: `GET /w/{slug}/export/state.json`, `events.jsonl`,
//! `commitments.csv` and `commitments.xlsx`; and the proposal,
//! `proposal.{md,html,json,pdf,docx}?version=N&moment=SEQ&lang=en|zh-CN`, which the
//! workshop's delegates may read too, as they may the programme's IATI
//! activity file, `iati.xml?version=N&moment=SEQ`.

use crate::export::ProposalFormat;
use crate::http::error::HttpError;
use crate::http::state::AppState;
use crate::services::Services;
use app::api::service::{Accounts, Invites, Workshops, SESSION_COOKIE};
use app::document::Showing;
use app::domain::command::administers;
use app::domain::error::AppError;
use app::domain::error::Problem;
use app::domain::event::Actor;
use app::domain::state::WorkshopState;
use app::i18n::Locale;
use axum::extract::{Path, Query, State};
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
        .route("/w/{slug}/export/proposal.md", get(export_proposal_md))
        .route("/w/{slug}/export/proposal.html", get(export_proposal_html))
        .route("/w/{slug}/export/proposal.json", get(export_proposal_json))
        .route("/w/{slug}/export/proposal.pdf", get(export_proposal_pdf))
        .route("/w/{slug}/export/proposal.docx", get(export_proposal_docx))
        .route("/w/{slug}/export/iati.xml", get(export_iati))
}

/// Whether the request may read this workshop's exports: a live bearer
/// token for it, or the session of one of its facilitators.
async fn authorize(services: &Services, slug: &str, headers: &HeaderMap) -> Result<(), AppError> {
    reader(services, slug, headers).await.map(|_| ())
}

/// Who reads a proposal: the exports' readers (a token reads as the command
/// line does, everything), or one of the workshop's delegates, who sees
/// other organisations' confidential commitments masked.
async fn proposal_reader(services: &Services, slug: &str, headers: &HeaderMap) -> Result<Actor, AppError> {
    match reader(services, slug, headers).await {
        Err(AppError::Unauthenticated) => {}
        other => return other,
    }
    let Some(token) = app::api::service::cookie_in(headers, app::api::service::DELEGATE_COOKIE) else {
        return Err(AppError::Unauthenticated);
    };
    let session = services.invites.delegate_session(&token).await?;
    let state = services.engine.workshop(slug).await?;
    match session {
        Some(s) if s.slug == slug => {
            let actor = Actor::Delegate {
                organisation: s.organisation,
                delegate: Some(s.delegate),
            };
            if state.acts_no_more(&actor) {
                Err(AppError::Unauthenticated)
            } else {
                Ok(actor)
            }
        }
        _ => Err(AppError::Unauthenticated),
    }
}

/// The actor an export is read as: the command line's for a token, the
/// facilitator's for their session.
async fn reader(services: &Services, slug: &str, headers: &HeaderMap) -> Result<Actor, AppError> {
    let state = services.engine.workshop(slug).await?;
    let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let Some(token) = bearer {
        let reads = services.api_tokens.workshop_of(token.trim()).await?;
        return if reads == Some(workshop) {
            Ok(Actor::System)
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
    let facilitator = Actor::Facilitator {
        account: user.account,
    };
    if administers(&state, &facilitator) {
        Ok(facilitator)
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

/// Which proposal, in which language.
#[derive(serde::Deserialize)]
pub struct ProposalQuery {
    version: Option<u32>,
    moment: Option<u64>,
    lang: Option<String>,
}

async fn export_proposal(
    state: &AppState,
    slug: &str,
    headers: &HeaderMap,
    query: &ProposalQuery,
    format: ProposalFormat,
) -> Result<Response, HttpError> {
    let viewer = proposal_reader(&state.services, slug, headers).await?;
    let locale = match &query.lang {
        Some(tag) => Locale::from_tag(tag).ok_or_else(|| AppError::invalid("lang", Problem::Invalid))?,
        None => Locale::default(),
    };
    let showing = Showing::from_query(query.version, query.moment);
    let proposal = crate::export::proposal_at(&state.services.engine, slug, &viewer, showing).await?;
    let body = crate::export::proposal_file(&proposal, locale, format, &state.documents).await?;
    let version = query.version.map(|n| format!("-v{n}")).unwrap_or_default();
    let name = format!("{slug}-proposal{version}-{}.{}", locale.tag(), format.extension());
    Ok(attachment(format.content_type(), &name, body))
}

pub async fn export_proposal_md(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ProposalQuery>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    export_proposal(&state, &slug, &headers, &query, ProposalFormat::Markdown).await
}

pub async fn export_proposal_html(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ProposalQuery>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    export_proposal(&state, &slug, &headers, &query, ProposalFormat::Html).await
}

pub async fn export_proposal_json(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ProposalQuery>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    export_proposal(&state, &slug, &headers, &query, ProposalFormat::Json).await
}

pub async fn export_proposal_pdf(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ProposalQuery>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    export_proposal(&state, &slug, &headers, &query, ProposalFormat::Pdf).await
}

pub async fn export_proposal_docx(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ProposalQuery>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    export_proposal(&state, &slug, &headers, &query, ProposalFormat::Docx).await
}

/// The programme as an IATI activity, read like the proposal (`lang` is
/// not asked: the file carries English and, where typed, Chinese).
pub async fn export_iati(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ProposalQuery>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let viewer = proposal_reader(&state.services, &slug, &headers).await?;
    let showing = Showing::from_query(query.version, query.moment);
    let body = crate::export::iati_at(&state.services.engine, &slug, &viewer, showing).await?;
    let version = query.version.map(|n| format!("-v{n}")).unwrap_or_default();
    Ok(attachment(
        "application/xml; charset=utf-8",
        &format!("{slug}-iati{version}.xml"),
        body,
    ))
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
