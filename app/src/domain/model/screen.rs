//! How the projected screens speak: in each browser's own language, or in
//! English and Chinese at once for a room that reads both; and what the
//! main screen shows.

use super::stage::Stage;
use crate::domain::ids::DiscussionId;
use serde::{Deserialize, Serialize};

/// The languages of the projected screens' labels, a workshop setting the
/// facilitators choose. Names, amounts and typed text are shown as they
/// are; only the app's own words are doubled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreenLanguages {
    /// Each screen in the language of the browser showing it.
    #[default]
    Browser,
    /// English and Chinese together: "Pledged · 已认捐".
    Both,
}

impl ScreenLanguages {
    pub const ALL: [ScreenLanguages; 2] = [ScreenLanguages::Browser, ScreenLanguages::Both];

    /// The value a form posts for it.
    pub fn code(self) -> &'static str {
        match self {
            ScreenLanguages::Browser => "browser",
            ScreenLanguages::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<ScreenLanguages> {
        ScreenLanguages::ALL.into_iter().find(|l| l.code() == code.trim())
    }
}

/// What a facilitator put on the main projected screen,
/// `/w/{slug}/screen`: the stage the room is in (the default), one
/// stage's dashboard, the proposal, or a question to the room.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScreenChoice {
    /// The dashboard of the stage the room is in (`current_stage`); the
    /// commitments' before any stage is open.
    #[default]
    FollowStage,
    Stage {
        stage: Stage,
    },
    Proposal,
    Question {
        item: DiscussionId,
    },
}

impl ScreenChoice {
    /// The value a form posts for it: "follow", "stage-1" to "stage-4",
    /// "proposal", "question-{id}".
    pub fn code(self) -> String {
        match self {
            ScreenChoice::FollowStage => "follow".into(),
            ScreenChoice::Stage { stage } => format!("stage-{}", stage.number()),
            ScreenChoice::Proposal => "proposal".into(),
            ScreenChoice::Question { item } => format!("question-{item}"),
        }
    }

    pub fn from_code(code: &str) -> Option<ScreenChoice> {
        let code = code.trim();
        if let Some(number) = code.strip_prefix("stage-") {
            return Stage::ALL
                .into_iter()
                .find(|s| s.number().to_string() == number)
                .map(|stage| ScreenChoice::Stage { stage });
        }
        if let Some(id) = code.strip_prefix("question-") {
            return id.parse().ok().map(|item| ScreenChoice::Question { item });
        }
        match code {
            "follow" => Some(ScreenChoice::FollowStage),
            "proposal" => Some(ScreenChoice::Proposal),
            _ => None,
        }
    }
}

/// The dashboard the main screen draws now: a choice resolved against the
/// state (`WorkshopState::screen_shows`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScreenBoard {
    Stage { stage: Stage },
    Proposal,
    Question { item: DiscussionId },
}
