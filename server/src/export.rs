//! Machine-readable exports of a workshop (documented in docs/EXPORTS.md).

use app::domain::business::ModelFigures;
use app::domain::business_view::figures_of;
use app::domain::event::StoredEvent;
use app::domain::state::WorkshopState;
use chrono::Utc;
use serde::Serialize;

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
