//! `roundtable export`: a workshop's exports written to a file, read as the
//! command line reads (everything shown). The formats are docs/EXPORTS.md's.

use crate::documents::Documents;
use crate::engine::Engine;
use crate::export::ProposalFormat;
use app::api::service::Workshops;
use clap::ValueEnum;
use std::sync::Arc;

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ExportFormat {
    /// The folded state of the workshop.
    Json,
    /// The event log, one event per line.
    Jsonl,
    /// The commitments register.
    Csv,
    Xlsx,
    /// The consolidated proposal as Markdown.
    Md,
    /// The consolidated proposal as print-ready HTML.
    Html,
    /// The consolidated proposal as data (schema roundtable.proposal/1).
    ProposalJson,
    /// The consolidated proposal as PDF (a build with the `documents` feature).
    Pdf,
    /// The consolidated proposal as DOCX (a build with the `documents` feature).
    Docx,
    /// The programme as an IATI 2.03 activity file.
    Iati,
}

/// What to export, as the command line names it.
pub struct ExportRequest<'a> {
    pub slug: &'a str,
    pub format: ExportFormat,
    pub version: Option<u32>,
    pub lang: &'a str,
}

/// Writes the export to `out`; why not, in words.
pub async fn write(
    engine: &Engine,
    documents: &Arc<Documents>,
    request: ExportRequest<'_>,
    out: &std::path::Path,
) -> Result<(), String> {
    let slug = request.slug;
    let proposal = |format| {
        crate::export::proposal_export(engine, documents, slug, (request.version, request.lang), format)
    };
    let text: Vec<u8> = match request.format {
        ExportFormat::Json => {
            let state = engine.workshop(slug).await.map_err(|e| e.to_string())?;
            crate::export::state_json(&state)
                .map_err(|e| e.to_string())?
                .into_bytes()
        }
        ExportFormat::Jsonl => {
            let events = engine.events(slug, 0).await.map_err(|e| e.to_string())?;
            crate::export::log_jsonl(&events)
                .map_err(|e| e.to_string())?
                .into_bytes()
        }
        ExportFormat::Csv => {
            let state = engine.workshop(slug).await.map_err(|e| e.to_string())?;
            crate::register::csv(&state).map_err(|e| e.to_string())?
        }
        ExportFormat::Xlsx => {
            let state = engine.workshop(slug).await.map_err(|e| e.to_string())?;
            crate::register::xlsx(&state).map_err(|e| e.to_string())?
        }
        ExportFormat::Md => proposal(ProposalFormat::Markdown).await?,
        ExportFormat::Html => proposal(ProposalFormat::Html).await?,
        ExportFormat::ProposalJson => proposal(ProposalFormat::Json).await?,
        ExportFormat::Pdf => proposal(ProposalFormat::Pdf).await?,
        ExportFormat::Docx => proposal(ProposalFormat::Docx).await?,
        ExportFormat::Iati => {
            let showing = app::document::Showing::from_query(request.version, None);
            crate::export::iati_at(engine, slug, &app::domain::event::Actor::System, showing)
                .await
                .map_err(|e| e.to_string())?
        }
    };
    std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))
}
