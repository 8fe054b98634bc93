//! The main projected screen, `/w/{slug}/screen`, and the facilitator's
//! remote for it: what it shows now (public, like every screen), the
//! question it shows (only while a facilitator put it there: the room's
//! questions are otherwise the room's alone, and the screen never names who
//! answered), and the choices the remote offers (facilitators only).

use super::command::administers;
use super::error::AppError;
use super::event::Actor;
use super::model::{ScreenBoard, ScreenChoice, ScreenLanguages, Stage};
use super::state::WorkshopState;
use serde::{Deserialize, Serialize};

/// What the main screen draws now, and what the facilitator chose: public,
/// so every open screen follows it on the live stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MainScreen {
    pub version: u64,
    pub shows: ScreenBoard,
    pub choice: ScreenChoice,
}

impl MainScreen {
    pub fn of(state: &WorkshopState) -> Option<MainScreen> {
        state.setup.as_ref()?;
        Some(MainScreen {
            version: state.version,
            shows: state.screen_shows(),
            choice: state.screen_choice,
        })
    }
}

/// A question to the room on the projector: the answers' texts as they
/// arrive, never who wrote them, and how many there are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionScreen {
    pub version: u64,
    pub title: String,
    pub languages: ScreenLanguages,
    /// `None` while the main screen shows no question.
    pub question: Option<ProjectedQuestion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectedQuestion {
    pub question: String,
    pub open: bool,
    /// The answers' texts, newest first.
    pub answers: Vec<String>,
}

impl QuestionScreen {
    pub fn of(state: &WorkshopState) -> Option<QuestionScreen> {
        let setup = state.setup.as_ref()?;
        let question = match state.screen_shows() {
            ScreenBoard::Question { item } => state.discussions.get(&item).map(|d| ProjectedQuestion {
                question: d.question.clone(),
                open: d.open,
                answers: d.contributions.iter().rev().map(|c| c.text.clone()).collect(),
            }),
            ScreenBoard::Stage { .. } | ScreenBoard::Proposal => None,
        };
        Some(QuestionScreen {
            version: state.version,
            title: setup.title.clone(),
            languages: state.screen_languages,
            question,
        })
    }
}

/// One thing the remote can put on the screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteChoice {
    pub choice: ScreenChoice,
    /// A question's text; `None` for the stages and the proposal, which
    /// the page names itself.
    pub question: Option<String>,
    /// Whether the screen shows this now (following the stage is chosen
    /// only when chosen, never because it lands on the same board).
    pub chosen: bool,
}

/// The facilitator's remote: every choice, the one in force, the stage the
/// room is in and whether a countdown runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remote {
    pub version: u64,
    pub shows: ScreenBoard,
    pub current_stage: Option<Stage>,
    pub timer_running: bool,
    pub choices: Vec<RemoteChoice>,
}

/// What a facilitator's remote offers; others are refused.
pub fn remote(state: &WorkshopState, actor: &Actor) -> Result<Remote, AppError> {
    if state.setup.is_none() {
        return Err(AppError::NotFound("workshop".into()));
    }
    if !administers(state, actor) {
        return Err(AppError::Forbidden);
    }
    let mut questions: Vec<_> = state.discussions.values().collect();
    questions.sort_by_key(|d| std::cmp::Reverse(d.seq));
    let fixed = [ScreenChoice::FollowStage]
        .into_iter()
        .chain(Stage::ALL.map(|stage| ScreenChoice::Stage { stage }))
        .chain([ScreenChoice::Proposal])
        .map(|choice| (choice, None));
    let asked = questions
        .into_iter()
        .map(|d| (ScreenChoice::Question { item: d.id }, Some(d.question.clone())));
    let choices = fixed
        .chain(asked)
        .map(|(choice, question)| RemoteChoice {
            choice,
            question,
            chosen: state.screen_choice == choice,
        })
        .collect();
    Ok(Remote {
        version: state.version,
        shows: state.screen_shows(),
        current_stage: state.current_stage(),
        timer_running: state.stage_timer.is_some(),
        choices,
    })
}
