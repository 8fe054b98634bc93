//! Who may change what: the workshop's facilitators everything, delegates
//! their stage's shared work while it is open and their own organisation's
//! records.

use crate::domain::design::{DesignItem, ItemKey};
use crate::domain::error::AppError;
use crate::domain::error::Problem;
use crate::domain::event::Actor;
use crate::domain::ids::OrganisationId;
use crate::domain::model::*;
use crate::domain::state::WorkshopState;

/// Whether `actor` administers the workshop: its facilitators and the
/// command line.
pub fn administers(state: &WorkshopState, actor: &Actor) -> bool {
    require_facilitator(state, actor).is_ok()
}

/// Only the workshop's own facilitators (and the command line) change its
/// setup; a facilitator of another workshop is nobody here.
pub(super) fn require_facilitator(state: &WorkshopState, actor: &Actor) -> Result<(), AppError> {
    match actor {
        Actor::System => Ok(()),
        Actor::Facilitator { account } if state.facilitators.contains(account) => Ok(()),
        Actor::Facilitator { .. } | Actor::Delegate { .. } | Actor::Participant { .. } => {
            Err(AppError::Forbidden)
        }
    }
}

/// Facilitators edit a stage's shared text at any time; the room's
/// delegates while the facilitator has it open.
pub(super) fn require_stage_editor(
    state: &WorkshopState,
    actor: &Actor,
    stage: Stage,
) -> Result<(), AppError> {
    match (actor, state.stage_status(stage)) {
        (Actor::Delegate { organisation, .. }, StageStatus::Open)
            if state.organisations.contains_key(organisation) =>
        {
            Ok(())
        }
        (Actor::Delegate { .. }, StageStatus::Locked) => Err(AppError::StageLocked(stage)),
        _ => require_facilitator(state, actor),
    }
}

/// Shared items of a stage are edited like its texts; an organisation's own
/// items (its roles, its agreement, its column of the responsibility
/// matrix) only by its delegates and the facilitators.
pub(super) fn require_item_editor(
    state: &WorkshopState,
    actor: &Actor,
    key: &ItemKey,
) -> Result<(), AppError> {
    if key.facilitator_only() {
        return require_facilitator(state, actor);
    }
    match (actor, key.owner()) {
        (Actor::Delegate { organisation, .. }, Some(owner)) if *organisation != owner => {
            Err(AppError::Forbidden)
        }
        _ => require_stage_editor(state, actor, key.stage()),
    }
}

/// The room chooses the PPP structure's parts; only a facilitator
/// overrides the structure they amount to.
pub(super) fn require_override_rights(
    state: &WorkshopState,
    actor: &Actor,
    item: &DesignItem,
) -> Result<(), AppError> {
    let DesignItem::Structure(structure) = item else {
        return Ok(());
    };
    let before = state.business.structure.as_ref().and_then(|s| s.chosen);
    if structure.chosen != before && !administers(state, actor) {
        return Err(AppError::invalid("chosen", Problem::FacilitatorOnly));
    }
    Ok(())
}

/// A delegate records and revises only their own organisation's
/// commitments, and not once the stage is locked; facilitators any.
pub(super) fn require_commitment_rights(
    state: &WorkshopState,
    actor: &Actor,
    organisation: OrganisationId,
) -> Result<(), AppError> {
    match actor {
        Actor::Delegate {
            organisation: own, ..
        } if *own != organisation => Err(AppError::Forbidden),
        Actor::Delegate { .. } if state.stage_status(Stage::Commitments) == StageStatus::Locked => {
            Err(AppError::StageLocked(Stage::Commitments))
        }
        Actor::Delegate { .. } => Ok(()),
        _ => require_facilitator(state, actor),
    }
}
