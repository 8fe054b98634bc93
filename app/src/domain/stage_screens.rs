//! Stages 1 and 2 on a fixed projector (`/w/{slug}/screen/design` and
//! `/w/{slug}/screen/partnership`): what the room is building, at a
//! glance. Public like the dashboard: the design and the partnership are
//! the room's shared work, and no commitment's figure is in them.

use super::design::{raci_flags, risk_matrix, step_done, BodyKind, PartneringStage, RaciFlag, Rating, Step};
use super::ids::OrganisationId;
use super::model::{PartnerGroup, ResultLevel, ScreenLanguages, Stage};
use super::money::Currency;
use super::required::{component_required, requirement, Costing};
use super::state::WorkshopState;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How far the room's walk of a stage is: its steps done, of all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkProgress {
    pub done: usize,
    pub steps: usize,
}

impl WalkProgress {
    fn of(state: &WorkshopState, stage: Stage) -> WalkProgress {
        let steps = Step::of(stage);
        let done = steps
            .iter()
            .filter(|step| step_done(&state.design, &state.partnership, &state.business, **step))
            .count();
        WalkProgress {
            done,
            steps: steps.len(),
        }
    }
}

/// An output and its indicators' "baseline → target" lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputLine {
    pub name: String,
    pub indicators: Vec<String>,
}

/// A component with its lead partner and what it costs (`None`: not
/// costed yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentLine {
    pub name: String,
    pub lead: Option<String>,
    pub cost: Option<Decimal>,
}

/// Stage 1 on the projector: the results chain, the components, the risks
/// on the 5×5 matrix, and how far the walk is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignScreen {
    pub version: u64,
    pub title: String,
    pub languages: ScreenLanguages,
    pub currency: Currency,
    pub goal: String,
    pub purpose: String,
    pub outputs: Vec<OutputLine>,
    pub components: Vec<ComponentLine>,
    pub costing: Costing,
    /// How many risks sit in each cell, `risks[likelihood - 1][impact - 1]`.
    pub risks: [[usize; 5]; 5],
    pub walk: WalkProgress,
}

fn name_of(state: &WorkshopState, id: &OrganisationId) -> Option<String> {
    state.organisations.get(id).map(|o| o.name.clone())
}

impl DesignScreen {
    pub fn of(state: &WorkshopState) -> Option<DesignScreen> {
        let setup = state.setup.as_ref()?;
        let design = &state.design;
        let indicators = |level: ResultLevel| {
            design
                .indicators
                .iter()
                .filter(|i| i.level == level)
                .map(super::design::indicator_line)
                .collect()
        };
        let costed =
            |c: &super::model::Component| c.yearly_cost.iter().any(|l| l.amount.amount > Decimal::ZERO);
        Some(DesignScreen {
            version: state.version,
            title: setup.title.clone(),
            languages: state.screen_languages,
            currency: setup.reporting_currency,
            goal: design.goal.clone(),
            purpose: design.purpose.clone(),
            outputs: design
                .outputs
                .iter()
                .map(|o| OutputLine {
                    name: format!("{} {}", o.code, o.title),
                    indicators: indicators(ResultLevel::Output(o.id)),
                })
                .collect(),
            components: design
                .components
                .iter()
                .map(|c| ComponentLine {
                    name: format!("{} {}", c.code, c.title),
                    lead: c.lead.as_ref().and_then(|id| name_of(state, id)),
                    cost: costed(c).then(|| component_required(c)),
                })
                .collect(),
            costing: requirement(state).costing,
            risks: risk_matrix(&design.risks, Rating::Inherent).map(|row| row.map(|cell| cell.len())),
            walk: WalkProgress::of(state, Stage::ProjectDesign),
        })
    }
}

/// A partner and where it stands in agreeing (`None`: not started).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerLine {
    pub name: String,
    pub stage: Option<PartneringStage>,
}

/// A governance body as the projector lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyLine {
    pub name: String,
    pub kind: BodyKind,
    pub members: usize,
    pub chair: Option<String>,
}

/// Stage 2 on the projector: the partners by group with their agreement
/// stage, the responsibility matrix's flags by component, the governance
/// bodies, and how far the walk is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnershipScreen {
    pub version: u64,
    pub title: String,
    pub languages: ScreenLanguages,
    pub groups: Vec<(PartnerGroup, Vec<PartnerLine>)>,
    /// Every component, with what its column of the matrix lacks (none:
    /// exactly one accountable and someone responsible).
    pub matrix: Vec<(String, Vec<RaciFlag>)>,
    pub bodies: Vec<BodyLine>,
    pub walk: WalkProgress,
}

impl PartnershipScreen {
    pub fn of(state: &WorkshopState) -> Option<PartnershipScreen> {
        let setup = state.setup.as_ref()?;
        let groups = [
            PartnerGroup::Public,
            PartnerGroup::Private,
            PartnerGroup::Financier,
            PartnerGroup::Other,
        ]
        .into_iter()
        .map(|group| {
            let mut partners: Vec<PartnerLine> = state
                .organisations
                .values()
                .filter(|o| o.group() == group)
                .map(|o| PartnerLine {
                    name: o.name.clone(),
                    stage: state.partnership.agreements.get(&o.id).map(|a| a.stage),
                })
                .collect();
            // The furthest along first: where the partnership stands.
            partners.sort_by(|a, b| b.stage.cmp(&a.stage).then_with(|| a.name.cmp(&b.name)));
            (group, partners)
        })
        .filter(|(_, partners)| !partners.is_empty())
        .collect();
        let names: std::collections::BTreeMap<_, _> = state
            .design
            .components
            .iter()
            .map(|c| (c.id, format!("{} {}", c.code, c.title)))
            .collect();
        let matrix = raci_flags(&state.design, &state.partnership)
            .into_iter()
            .filter_map(|(id, flags)| names.get(&id).map(|name| (name.clone(), flags)))
            .collect();
        let bodies = state
            .partnership
            .bodies
            .iter()
            .map(|b| BodyLine {
                name: b.name.clone(),
                kind: b.kind,
                members: b.members.len(),
                chair: b.chair.as_ref().and_then(|id| name_of(state, id)),
            })
            .collect();
        Some(PartnershipScreen {
            version: state.version,
            title: setup.title.clone(),
            languages: state.screen_languages,
            groups,
            matrix,
            bodies,
            walk: WalkProgress::of(state, Stage::Partnership),
        })
    }
}
