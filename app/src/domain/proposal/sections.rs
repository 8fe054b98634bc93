//! The proposal's sections, in the order of UN project documents and World
//! Bank concept notes, and what an empty or partial section lacks.

use crate::domain::model::Stage;
use serde::{Deserialize, Serialize};

/// The version of `proposal.json`'s shape (docs/EXPORTS.md): a consumer
/// checks it before reading; a change that removes or renames a field is a
/// new number.
pub const PROPOSAL_SCHEMA: &str = "roundtable.proposal/1";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    Summary,
    Context,
    Stakeholders,
    Strategy,
    Components,
    Partnership,
    BusinessModel,
    Financing,
    Risks,
    Monitoring,
    Sustainability,
    Annexes,
}

impl SectionId {
    pub const ALL: [SectionId; 12] = [
        Self::Summary,
        Self::Context,
        Self::Stakeholders,
        Self::Strategy,
        Self::Components,
        Self::Partnership,
        Self::BusinessModel,
        Self::Financing,
        Self::Risks,
        Self::Monitoring,
        Self::Sustainability,
        Self::Annexes,
    ];

    /// Its number in the document, from 1.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// A stable anchor for links and the table of contents.
    pub fn anchor(self) -> &'static str {
        match self {
            Self::Summary => "summary",
            Self::Context => "context",
            Self::Stakeholders => "stakeholders",
            Self::Strategy => "strategy",
            Self::Components => "components",
            Self::Partnership => "partnership",
            Self::BusinessModel => "business-model",
            Self::Financing => "financing",
            Self::Risks => "risks",
            Self::Monitoring => "monitoring",
            Self::Sustainability => "sustainability",
            Self::Annexes => "annexes",
        }
    }
}

/// Something a section lacks. Each says where it is filled: a stage's walk,
/// or (`None`) the proposal page's own narrative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    Summary,
    Problem,
    Partners,
    Results,
    Components,
    /// Some components have no cost yet.
    Costing,
    Responsibilities,
    Governance,
    Structure,
    Canvas,
    Revenues,
    Figures,
    Commitments,
    Risks,
    Indicators,
    MonitoringText,
    SustainabilityText,
    Phases,
}

impl Gap {
    pub fn stage(self) -> Option<Stage> {
        match self {
            Self::Summary
            | Self::Problem
            | Self::Results
            | Self::Components
            | Self::Costing
            | Self::Risks
            | Self::Indicators
            | Self::Phases => Some(Stage::ProjectDesign),
            Self::Partners | Self::Responsibilities | Self::Governance => Some(Stage::Partnership),
            Self::Structure | Self::Canvas | Self::Revenues | Self::Figures => Some(Stage::BusinessModel),
            Self::Commitments => Some(Stage::Commitments),
            Self::MonitoringText | Self::SustainabilityText => None,
        }
    }
}
