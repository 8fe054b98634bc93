//! The steps of the stage 1, 2 and 3 walks, and whether each holds what it
//! asks for.

use super::partnership::Partnership;
use super::views::raci_flags;
use crate::domain::business::BusinessModel;
use crate::domain::model::*;
use serde::{Deserialize, Serialize};

/// The steps of a stage's guided walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Project,
    Results,
    Components,
    Risks,
    Roles,
    Responsibilities,
    Governance,
    Agreements,
    Principles,
    Structure,
    Canvas,
    Revenues,
    Costs,
    Figures,
    RiskAllocation,
}

impl Step {
    pub fn of(stage: Stage) -> &'static [Step] {
        match stage {
            Stage::ProjectDesign => &[Step::Project, Step::Results, Step::Components, Step::Risks],
            Stage::Partnership => &[
                Step::Roles,
                Step::Responsibilities,
                Step::Governance,
                Step::Agreements,
                Step::Principles,
            ],
            Stage::BusinessModel => &[
                Step::Structure,
                Step::Canvas,
                Step::Revenues,
                Step::Costs,
                Step::Figures,
                Step::RiskAllocation,
            ],
            Stage::Commitments => &[],
        }
    }
}

/// Whether a step holds what it asks for, so the walk can show progress.
pub fn step_done(
    design: &ProjectDesign,
    partnership: &Partnership,
    business: &BusinessModel,
    step: Step,
) -> bool {
    let filled = |text: &str| !text.trim().is_empty();
    match step {
        Step::Project => filled(&design.title) && filled(&design.summary) && !design.phases.is_empty(),
        Step::Results => {
            filled(&design.goal)
                && filled(&design.purpose)
                && !design.outputs.is_empty()
                && design.outputs.iter().all(|o| {
                    design
                        .indicators
                        .iter()
                        .any(|i| i.level == ResultLevel::Output(o.id))
                })
        }
        Step::Components => {
            !design.components.is_empty()
                && design
                    .components
                    .iter()
                    .all(|c| c.lead.is_some() && !c.yearly_cost.is_empty())
        }
        Step::Risks => !design.risks.is_empty(),
        Step::Roles => !partnership.roles.is_empty(),
        Step::Responsibilities => {
            !design.components.is_empty() && raci_flags(design, partnership).iter().all(|(_, f)| f.is_empty())
        }
        Step::Governance => !partnership.bodies.is_empty(),
        Step::Agreements => !partnership.agreements.is_empty(),
        Step::Principles => [
            &design.data_sharing,
            &design.intellectual_property,
            &design.exit_rules,
            &design.dispute_rules,
        ]
        .iter()
        .all(|t| filled(t)),
        Step::Structure => business.structure.is_some(),
        Step::Canvas => {
            let blocks: std::collections::BTreeSet<_> = business.canvas.iter().map(|e| e.block).collect();
            blocks.len() == crate::domain::business::CanvasBlock::ALL.len()
        }
        Step::Revenues => !business.revenues.is_empty(),
        Step::Costs => {
            !business.opex.is_empty()
                && (!business.capex.is_empty() || design.components.iter().any(|c| !c.yearly_cost.is_empty()))
        }
        Step::Figures => business.assumptions.is_some() && business.structure.is_some(),
        Step::RiskAllocation => {
            !design.risks.is_empty()
                && design
                    .risks
                    .iter()
                    .all(|r| business.allocation_of(r.id).is_some())
        }
    }
}
