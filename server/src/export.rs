//! Machine-readable exports of a workshop (documented in docs/EXPORTS.md).

use crate::documents::{Documents, FileKind};
use app::domain::business::ModelFigures;
use app::domain::business_view::figures_of;
use app::domain::error::AppError;
use app::domain::event::StoredEvent;
use app::domain::state::WorkshopState;
use chrono::Utc;
use serde::Serialize;
use std::sync::Arc;

/// The schema identifier of the JSON state export; bump it on any change a
/// reader could notice.
pub const STATE_SCHEMA: &str = "roundtable.workshop-state/3";

#[derive(Serialize)]
struct StateExport<'a> {
    schema: &'static str,
    exported_at: String,
    version: u64,
    workshop: &'a WorkshopState,
    /// Stage 3's figures as the state gives them: never stored, so a reader
    /// gets them computed exactly as the pages show them.
    business_model_figures: ModelFigures,
}

/// The folded state as pretty JSON.
pub fn state_json(state: &WorkshopState) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&StateExport {
        schema: STATE_SCHEMA,
        exported_at: Utc::now().to_rfc3339(),
        version: state.version,
        workshop: state,
        business_model_figures: figures_of(state),
    })
}

/// The event log as JSON Lines: one stored event per line, in order.
pub fn log_jsonl(events: &[StoredEvent]) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for event in events {
        out.push_str(&serde_json::to_string(event)?);
        out.push('\n');
    }
    Ok(out)
}

/// The proposal's formats (docs/EXPORTS.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposalFormat {
    Markdown,
    Html,
    Json,
    Pdf,
    Docx,
}

impl ProposalFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Markdown => "text/markdown; charset=utf-8",
            Self::Html => "text/html; charset=utf-8",
            Self::Json => "application/json",
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Json => "json",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }
}

/// The proposal as `viewer` may read it, at `showing` (now, an issued
/// version, a moment of the log).
pub async fn proposal_at(
    engine: &crate::engine::Engine,
    slug: &str,
    viewer: &app::domain::event::Actor,
    showing: app::document::Showing,
) -> Result<app::domain::proposal::Proposal, app::domain::error::AppError> {
    let (_, then) = app::api::state_at(engine, slug, showing).await?;
    app::domain::proposal::Proposal::of(&then, viewer).ok_or(app::domain::error::AppError::Internal)
}

/// The proposal's file in a format and a language. PDF and DOCX are laid
/// out by `documents`, off the async threads.
pub async fn proposal_file(
    proposal: &app::domain::proposal::Proposal,
    locale: app::i18n::Locale,
    format: ProposalFormat,
    documents: &Arc<Documents>,
) -> Result<Vec<u8>, AppError> {
    let document = || app::document::document(proposal, locale);
    Ok(match format {
        ProposalFormat::Markdown => app::document::markdown(&document()).into_bytes(),
        ProposalFormat::Html => app::document::html(&document()).into_bytes(),
        ProposalFormat::Json => {
            let mut text = serde_json::to_string_pretty(proposal).map_err(|_| AppError::Internal)?;
            text.push('\n');
            text.into_bytes()
        }
        ProposalFormat::Pdf => documents.file(document(), FileKind::Pdf).await?.to_vec(),
        ProposalFormat::Docx => documents.file(document(), FileKind::Docx).await?.to_vec(),
    })
}

/// The command line's proposal export: as the command line reads it (all
/// names shown), an issued version or now, in `lang`; why not, in words.
pub async fn proposal_export(
    engine: &crate::engine::Engine,
    documents: &Arc<Documents>,
    slug: &str,
    (version, lang): (Option<u32>, &str),
    format: ProposalFormat,
) -> Result<Vec<u8>, String> {
    let locale = app::i18n::Locale::from_tag(lang)
        .ok_or_else(|| format!("unknown language {lang}: use en or zh-CN"))?;
    let showing = app::document::Showing::from_query(version, None);
    let proposal = proposal_at(engine, slug, &app::domain::event::Actor::System, showing)
        .await
        .map_err(|e| e.to_string())?;
    proposal_file(&proposal, locale, format, documents)
        .await
        .map_err(|e| e.to_string())
}

/// The programme as an IATI 2.03 activity file, as `viewer` may read it
/// (confidential providers masked as in the proposal), at `showing`.
pub async fn iati_at(
    engine: &crate::engine::Engine,
    slug: &str,
    viewer: &app::domain::event::Actor,
    showing: app::document::Showing,
) -> Result<Vec<u8>, app::domain::error::AppError> {
    use app::document::iati::{iati_xml, IatiActivity};
    let (_, then) = app::api::state_at(engine, slug, showing).await?;
    let now = Utc::now();
    let activity =
        IatiActivity::of(&then, viewer, now.date_naive()).ok_or(app::domain::error::AppError::Internal)?;
    Ok(iati_xml(&activity, now).into_bytes())
}
