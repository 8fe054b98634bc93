//! The room's questions: who may answer, and what an answer must agree with.

use super::access::require_facilitator;
use super::inputs::NewContribution;
use crate::domain::error::{AppError, Problem};
use crate::domain::event::{Actor, Event};
use crate::domain::state::WorkshopState;
use validator::Validate;

pub(super) fn contribute(
    state: &WorkshopState,
    actor: &Actor,
    new: NewContribution,
) -> Result<Vec<Event>, AppError> {
    // Everyone in the room: its participants, its delegates, its
    // facilitators; nobody from outside it.
    match actor {
        Actor::Participant { participant } if state.participants.contains_key(participant) => {}
        Actor::Delegate { organisation, .. } if state.organisations.contains_key(organisation) => {}
        _ => require_facilitator(state, actor)?,
    }
    new.validate()?;
    match state.discussions.get(&new.item) {
        None => return Err(AppError::NotFound("discussion".into())),
        Some(d) if !d.open => return Err(AppError::invalid("text", Problem::DiscussionClosed)),
        Some(d) if d.contributions.iter().any(|c| c.id == new.id) => {
            return Err(AppError::AlreadyExists(new.id.to_string()))
        }
        Some(_) => {}
    }
    Ok(vec![Event::ContributionAdded {
        item: new.item,
        contribution: new.id,
        text: new.text.trim().to_string(),
    }])
}
