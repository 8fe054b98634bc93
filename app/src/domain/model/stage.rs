//! The working stages of a session and where each stands.

use serde::{Deserialize, Serialize};

/// The four working stages of a session, in the order the room walks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    ProjectDesign,
    Partnership,
    BusinessModel,
    Commitments,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::ProjectDesign,
        Stage::Partnership,
        Stage::BusinessModel,
        Stage::Commitments,
    ];

    pub fn number(self) -> u8 {
        match self {
            Stage::ProjectDesign => 1,
            Stage::Partnership => 2,
            Stage::BusinessModel => 3,
            Stage::Commitments => 4,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    #[default]
    NotStarted,
    Open,
    Locked,
}
