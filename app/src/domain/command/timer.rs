//! What the facilitators set for every screen: the stage timer (only they
//! start and stop it, and a countdown is for the stage the room is in),
//! the languages the projected screens speak, and what the main screen
//! shows.

use super::access::require_facilitator;
use super::inputs::NewStageTimer;
use crate::domain::error::{AppError, Problem};
use crate::domain::event::{Actor, Event};
use crate::domain::model::{ScreenChoice, ScreenLanguages};
use crate::domain::state::WorkshopState;
use validator::Validate;

/// Starts the countdown of the stage opened last; a new start replaces a
/// running one. Its end is the event's time plus the minutes, so no
/// browser's clock ever decides it.
pub(super) fn start(
    state: &WorkshopState,
    actor: &Actor,
    new: NewStageTimer,
) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    new.validate()?;
    let stage = state
        .current_stage()
        .ok_or_else(|| AppError::invalid("minutes", Problem::NoOpenStage))?;
    Ok(vec![Event::StageTimerStarted {
        stage,
        minutes: new.minutes,
    }])
}

/// Stops the countdown; with none running, nothing happens.
pub(super) fn stop(state: &WorkshopState, actor: &Actor) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    Ok(match state.stage_timer {
        Some(_) => vec![Event::StageTimerStopped],
        None => vec![],
    })
}

/// Chooses the projected screens' languages; choosing what is already
/// chosen changes nothing.
pub(super) fn screen_languages(
    state: &WorkshopState,
    actor: &Actor,
    languages: ScreenLanguages,
) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    Ok(match state.screen_languages == languages {
        true => vec![],
        false => vec![Event::ScreenLanguagesSet { languages }],
    })
}

/// Puts a stage's dashboard, the proposal or a question on the main
/// screen, or lets it follow the stage again; a question must be one the
/// room was asked. Choosing what is already chosen changes nothing.
pub(super) fn choose_screen(
    state: &WorkshopState,
    actor: &Actor,
    shows: ScreenChoice,
) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    if let ScreenChoice::Question { item } = shows {
        if !state.discussions.contains_key(&item) {
            return Err(AppError::NotFound("discussion".into()));
        }
    }
    Ok(match state.screen_choice == shows {
        true => vec![],
        false => vec![Event::ScreenChosen { shows }],
    })
}
