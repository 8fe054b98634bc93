//! Issuing the consolidated proposal as a numbered version.

use super::access::require_facilitator;
use super::inputs::{NewProposalVersion, MOST_PROPOSAL_VERSIONS};
use crate::domain::error::{AppError, Problem};
use crate::domain::event::{Actor, Event};
use crate::domain::state::WorkshopState;
use validator::Validate;

/// Only facilitators issue; versions are numbered 1, 2, … in the log's
/// order, so two facilitators issuing at once get two numbers, never one.
pub(super) fn issue_proposal(
    state: &WorkshopState,
    actor: &Actor,
    new: NewProposalVersion,
) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    new.validate()?;
    let label = new.label.trim().to_string();
    if label.is_empty() {
        return Err(AppError::invalid("label", Problem::Required));
    }
    if state.proposal_versions.len() >= MOST_PROPOSAL_VERSIONS {
        return Err(AppError::invalid("label", Problem::TooManyItems));
    }
    let number = state
        .proposal_versions
        .last()
        .map_or(1, |v| v.number.saturating_add(1));
    Ok(vec![Event::ProposalIssued { number, label }])
}
