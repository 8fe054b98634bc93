//! The structured parts of stages 1 and 2 as items: phases, the results
//! chain, components, risks (their types are the design's, in `model`),
//! partner roles, the responsibility matrix, governance and agreements. Each
//! is an item saved whole and versioned alone, so that two people editing
//! different items never meet, and two editing the same one are told (see
//! `Command::SaveItem`). Also what is derived from them: the logframe, the
//! risk matrix, the responsibility matrix's flags, the walk's steps.

use super::ids::*;
use super::model::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use validator::Validate;

/// IATI organisation roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IatiRole {
    Funding,
    Accountable,
    Extending,
    Implementing,
}

impl IatiRole {
    pub const ALL: [IatiRole; 4] = [
        Self::Funding,
        Self::Accountable,
        Self::Extending,
        Self::Implementing,
    ];

    pub fn code(self) -> u8 {
        match self {
            Self::Funding => 1,
            Self::Accountable => 2,
            Self::Extending => 3,
            Self::Implementing => 4,
        }
    }
}

/// Roles in a public-private partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PppRole {
    ContractingAuthority,
    Concessionaire,
    Lender,
    Guarantor,
    Operator,
    TechnologyProvider,
    TransactionAdviser,
}

impl PppRole {
    pub const ALL: [PppRole; 7] = [
        Self::ContractingAuthority,
        Self::Concessionaire,
        Self::Lender,
        Self::Guarantor,
        Self::Operator,
        Self::TechnologyProvider,
        Self::TransactionAdviser,
    ];
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct PartnerRoles {
    pub organisation: OrganisationId,
    pub iati: BTreeSet<IatiRole>,
    pub ppp: BTreeSet<PppRole>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Raci {
    Responsible,
    Accountable,
    Consulted,
    Informed,
}

impl Raci {
    pub const ALL: [Raci; 4] = [
        Self::Responsible,
        Self::Accountable,
        Self::Consulted,
        Self::Informed,
    ];

    pub fn letter(self) -> &'static str {
        match self {
            Self::Responsible => "R",
            Self::Accountable => "A",
            Self::Consulted => "C",
            Self::Informed => "I",
        }
    }
}

/// One cell of the responsibility matrix; `None` clears it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Responsibility {
    pub component: ComponentId,
    pub organisation: OrganisationId,
    pub role: Option<Raci>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    SteeringCommittee,
    ProjectManagementUnit,
    TechnicalWorkingGroup,
    TradeFacilitationCommittee,
    Other,
}

impl BodyKind {
    pub const ALL: [BodyKind; 5] = [
        Self::SteeringCommittee,
        Self::ProjectManagementUnit,
        Self::TechnicalWorkingGroup,
        Self::TradeFacilitationCommittee,
        Self::Other,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRule {
    Consensus,
    Majority,
    Weighted,
}

impl DecisionRule {
    pub const ALL: [DecisionRule; 3] = [Self::Consensus, Self::Majority, Self::Weighted];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct GovernanceBody {
    pub id: BodyId,
    pub kind: BodyKind,
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    #[validate(length(max = 500))]
    pub members: BTreeSet<OrganisationId>,
    pub chair: Option<OrganisationId>,
    pub decision_rule: DecisionRule,
    /// How often it meets, in the room's words ("quarterly").
    #[validate(length(max = 120))]
    pub cadence: String,
}

/// The Partnering Toolbook's stages of a partnership, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartneringStage {
    #[default]
    Scoping,
    Identifying,
    Building,
    Planning,
    Managing,
    Resourcing,
    Implementing,
    Reviewing,
    Sustaining,
}

impl PartneringStage {
    pub const ALL: [PartneringStage; 9] = [
        Self::Scoping,
        Self::Identifying,
        Self::Building,
        Self::Planning,
        Self::Managing,
        Self::Resourcing,
        Self::Implementing,
        Self::Reviewing,
        Self::Sustaining,
    ];
}

/// Where a partner stands in agreeing to the programme, with the dates of
/// its documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Agreement {
    pub organisation: OrganisationId,
    pub stage: PartneringStage,
    pub letter_of_intent: Option<NaiveDate>,
    pub mou: Option<NaiveDate>,
    pub agreement: Option<NaiveDate>,
}

/// Stage 2's structured parts; its texts are in `ProjectDesign`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partnership {
    pub roles: BTreeMap<OrganisationId, PartnerRoles>,
    pub responsibilities: Vec<Responsibility>,
    pub bodies: Vec<GovernanceBody>,
    pub agreements: BTreeMap<OrganisationId, Agreement>,
}

impl Partnership {
    pub fn role(&self, component: ComponentId, organisation: OrganisationId) -> Option<Raci> {
        self.responsibilities
            .iter()
            .find(|r| r.component == component && r.organisation == organisation)
            .and_then(|r| r.role)
    }
}

/// The organisations and outputs an item names, each with the field that
/// names it.
pub type References = (Vec<(&'static str, OrganisationId)>, Vec<(&'static str, OutputId)>);

/// Anything saved whole on the stage 1 and 2 walks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum DesignItem {
    Phase(Phase),
    Output(Output),
    Activity(Activity),
    Indicator(Indicator),
    Component(Component),
    Risk(Risk),
    Roles(PartnerRoles),
    Responsibility(Responsibility),
    Body(GovernanceBody),
    Agreement(Agreement),
}

/// What names an item across its versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum ItemKey {
    Phase {
        id: PhaseId,
    },
    Output {
        id: OutputId,
    },
    Activity {
        id: ActivityId,
    },
    Indicator {
        id: IndicatorId,
    },
    Component {
        id: ComponentId,
    },
    Risk {
        id: RiskId,
    },
    Roles {
        organisation: OrganisationId,
    },
    Responsibility {
        component: ComponentId,
        organisation: OrganisationId,
    },
    Body {
        id: BodyId,
    },
    Agreement {
        organisation: OrganisationId,
    },
}

impl ItemKey {
    /// A stable text form, used as a map key in JSON and in drafts.
    pub fn code(&self) -> String {
        match self {
            Self::Phase { id } => format!("phase:{id}"),
            Self::Output { id } => format!("output:{id}"),
            Self::Activity { id } => format!("activity:{id}"),
            Self::Indicator { id } => format!("indicator:{id}"),
            Self::Component { id } => format!("component:{id}"),
            Self::Risk { id } => format!("risk:{id}"),
            Self::Roles { organisation } => format!("roles:{organisation}"),
            Self::Responsibility {
                component,
                organisation,
            } => format!("responsibility:{component}:{organisation}"),
            Self::Body { id } => format!("body:{id}"),
            Self::Agreement { organisation } => format!("agreement:{organisation}"),
        }
    }

    pub fn stage(&self) -> Stage {
        match self {
            Self::Phase { .. }
            | Self::Output { .. }
            | Self::Activity { .. }
            | Self::Indicator { .. }
            | Self::Component { .. }
            | Self::Risk { .. } => Stage::ProjectDesign,
            _ => Stage::Partnership,
        }
    }

    /// The organisation an item belongs to, if it is one organisation's own
    /// record: only its delegates (and facilitators) may change it.
    pub fn owner(&self) -> Option<OrganisationId> {
        match self {
            Self::Roles { organisation }
            | Self::Agreement { organisation }
            | Self::Responsibility { organisation, .. } => Some(*organisation),
            _ => None,
        }
    }
}

impl DesignItem {
    pub fn key(&self) -> ItemKey {
        match self {
            Self::Phase(p) => ItemKey::Phase { id: p.id },
            Self::Output(o) => ItemKey::Output { id: o.id },
            Self::Activity(a) => ItemKey::Activity { id: a.id },
            Self::Indicator(i) => ItemKey::Indicator { id: i.id },
            Self::Component(c) => ItemKey::Component { id: c.id },
            Self::Risk(r) => ItemKey::Risk { id: r.id },
            Self::Roles(r) => ItemKey::Roles {
                organisation: r.organisation,
            },
            Self::Responsibility(r) => ItemKey::Responsibility {
                component: r.component,
                organisation: r.organisation,
            },
            Self::Body(b) => ItemKey::Body { id: b.id },
            Self::Agreement(a) => ItemKey::Agreement {
                organisation: a.organisation,
            },
        }
    }

    pub fn validate(&self) -> Result<(), validator::ValidationErrors> {
        match self {
            Self::Phase(x) => x.validate(),
            Self::Output(x) => x.validate(),
            Self::Activity(x) => x.validate(),
            Self::Indicator(x) => x.validate(),
            Self::Component(x) => x.validate(),
            Self::Risk(x) => x.validate(),
            Self::Roles(x) => x.validate(),
            Self::Responsibility(x) => x.validate(),
            Self::Body(x) => x.validate(),
            Self::Agreement(x) => x.validate(),
        }
    }

    /// The organisations and results the item refers to, for checking that
    /// they exist.
    pub fn references(&self) -> References {
        match self {
            Self::Activity(a) => (vec![], vec![("output", a.output)]),
            Self::Indicator(i) => match i.level {
                ResultLevel::Output(output) => (vec![], vec![("level", output)]),
                _ => (vec![], vec![]),
            },
            Self::Component(c) => (
                c.lead.iter().map(|o| ("lead", *o)).collect(),
                c.outputs.iter().map(|o| ("outputs", *o)).collect(),
            ),
            Self::Risk(r) => (r.owner.iter().map(|o| ("owner", *o)).collect(), vec![]),
            Self::Roles(r) => (vec![("organisation", r.organisation)], vec![]),
            Self::Responsibility(r) => (vec![("organisation", r.organisation)], vec![]),
            Self::Body(b) => (
                b.members
                    .iter()
                    .map(|o| ("members", *o))
                    .chain(b.chair.iter().map(|o| ("chair", *o)))
                    .collect(),
                vec![],
            ),
            Self::Agreement(a) => (vec![("organisation", a.organisation)], vec![]),
            Self::Phase(_) | Self::Output(_) => (vec![], vec![]),
        }
    }
}

/// The version an item is at in `versions` (by `ItemKey::code`): the event
/// that last changed it, 0 if none did.
pub fn version_of(versions: &BTreeMap<String, u64>, key: &ItemKey) -> u64 {
    versions.get(&key.code()).copied().unwrap_or(0)
}

/// The item's current value in the design, if it exists.
pub fn current_item(design: &ProjectDesign, partnership: &Partnership, key: &ItemKey) -> Option<DesignItem> {
    match key {
        ItemKey::Phase { id } => design
            .phases
            .iter()
            .find(|x| x.id == *id)
            .cloned()
            .map(DesignItem::Phase),
        ItemKey::Output { id } => design
            .outputs
            .iter()
            .find(|x| x.id == *id)
            .cloned()
            .map(DesignItem::Output),
        ItemKey::Activity { id } => design
            .activities
            .iter()
            .find(|x| x.id == *id)
            .cloned()
            .map(DesignItem::Activity),
        ItemKey::Indicator { id } => design
            .indicators
            .iter()
            .find(|x| x.id == *id)
            .cloned()
            .map(DesignItem::Indicator),
        ItemKey::Component { id } => design
            .components
            .iter()
            .find(|x| x.id == *id)
            .cloned()
            .map(DesignItem::Component),
        ItemKey::Risk { id } => design
            .risks
            .iter()
            .find(|x| x.id == *id)
            .cloned()
            .map(DesignItem::Risk),
        ItemKey::Roles { organisation } => partnership
            .roles
            .get(organisation)
            .cloned()
            .map(DesignItem::Roles),
        ItemKey::Responsibility {
            component,
            organisation,
        } => partnership
            .responsibilities
            .iter()
            .find(|r| r.component == *component && r.organisation == *organisation)
            .cloned()
            .map(DesignItem::Responsibility),
        ItemKey::Body { id } => partnership
            .bodies
            .iter()
            .find(|x| x.id == *id)
            .cloned()
            .map(DesignItem::Body),
        ItemKey::Agreement { organisation } => partnership
            .agreements
            .get(organisation)
            .cloned()
            .map(DesignItem::Agreement),
    }
}

fn upsert<T>(list: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) {
    match list.iter_mut().find(|x| same(x)) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}

/// Puts a saved item in place; new items go last, so lists keep the order
/// in which the room added them.
pub fn put_item(design: &mut ProjectDesign, partnership: &mut Partnership, item: DesignItem) {
    match item {
        DesignItem::Phase(x) => upsert(&mut design.phases, x.clone(), |p| p.id == x.id),
        DesignItem::Output(mut x) => {
            let nested = std::mem::take(&mut x.indicators);
            upsert(&mut design.outputs, x.clone(), |o| o.id == x.id);
            for (n, mut indicator) in nested.into_iter().enumerate() {
                indicator.id = nested_indicator_id(x.id, n);
                indicator.level = ResultLevel::Output(x.id);
                upsert(&mut design.indicators, indicator.clone(), |i| {
                    i.id == indicator.id
                });
            }
        }
        DesignItem::Activity(x) => upsert(&mut design.activities, x.clone(), |a| a.id == x.id),
        DesignItem::Indicator(x) => upsert(&mut design.indicators, x.clone(), |i| i.id == x.id),
        DesignItem::Component(x) => upsert(&mut design.components, x.clone(), |c| c.id == x.id),
        DesignItem::Risk(x) => upsert(&mut design.risks, x.clone(), |r| r.id == x.id),
        DesignItem::Roles(x) => {
            partnership.roles.insert(x.organisation, x);
        }
        DesignItem::Responsibility(x) => upsert(&mut partnership.responsibilities, x.clone(), |r| {
            r.component == x.component && r.organisation == x.organisation
        }),
        DesignItem::Body(x) => upsert(&mut partnership.bodies, x.clone(), |b| b.id == x.id),
        DesignItem::Agreement(x) => {
            partnership.agreements.insert(x.organisation, x);
        }
    }
}

/// Removes an item and what hangs from it: an output's activities and
/// indicators, a component's cells of the responsibility matrix.
pub fn remove_item(design: &mut ProjectDesign, partnership: &mut Partnership, key: &ItemKey) {
    match key {
        ItemKey::Phase { id } => design.phases.retain(|x| x.id != *id),
        ItemKey::Output { id } => {
            design.outputs.retain(|x| x.id != *id);
            design.activities.retain(|a| a.output != *id);
            design.indicators.retain(|i| i.level != ResultLevel::Output(*id));
            for component in &mut design.components {
                component.outputs.retain(|o| o != id);
            }
        }
        ItemKey::Activity { id } => design.activities.retain(|x| x.id != *id),
        ItemKey::Indicator { id } => design.indicators.retain(|x| x.id != *id),
        ItemKey::Component { id } => {
            design.components.retain(|x| x.id != *id);
            partnership.responsibilities.retain(|r| r.component != *id);
        }
        ItemKey::Risk { id } => design.risks.retain(|x| x.id != *id),
        ItemKey::Roles { organisation } => {
            partnership.roles.remove(organisation);
        }
        ItemKey::Responsibility {
            component,
            organisation,
        } => partnership
            .responsibilities
            .retain(|r| !(r.component == *component && r.organisation == *organisation)),
        ItemKey::Body { id } => partnership.bodies.retain(|x| x.id != *id),
        ItemKey::Agreement { organisation } => {
            partnership.agreements.remove(organisation);
        }
    }
}

/// An id for the n-th indicator given inside an output by an older event,
/// the same every time the log is folded.
pub fn nested_indicator_id(output: OutputId, n: usize) -> IndicatorId {
    IndicatorId(uuid::Uuid::from_u128(
        output.0.as_u128() ^ ((n as u128 + 1) << 64),
    ))
}

/// What a component's row of the responsibility matrix lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RaciFlag {
    NoAccountable,
    SeveralAccountable,
    NoResponsible,
}

/// The flags of each component, in the design's order: exactly one A and at
/// least one R per component.
pub fn raci_flags(design: &ProjectDesign, partnership: &Partnership) -> Vec<(ComponentId, Vec<RaciFlag>)> {
    design
        .components
        .iter()
        .map(|component| {
            let roles: Vec<Raci> = partnership
                .responsibilities
                .iter()
                .filter(|r| r.component == component.id)
                .filter_map(|r| r.role)
                .collect();
            let accountable = roles.iter().filter(|r| **r == Raci::Accountable).count();
            let mut flags = Vec::new();
            match accountable {
                0 => flags.push(RaciFlag::NoAccountable),
                1 => {}
                _ => flags.push(RaciFlag::SeveralAccountable),
            }
            if !roles.contains(&Raci::Responsible) {
                flags.push(RaciFlag::NoResponsible);
            }
            (component.id, flags)
        })
        .collect()
}

/// The 5×5 matrix: `cells[likelihood - 1][impact - 1]` holds the positions
/// (in the design's list, from 0) of the risks scored there.
pub fn risk_matrix(risks: &[Risk]) -> [[Vec<usize>; 5]; 5] {
    let mut cells: [[Vec<usize>; 5]; 5] = Default::default();
    for (n, risk) in risks.iter().enumerate() {
        if (1..=5).contains(&risk.likelihood) && (1..=5).contains(&risk.impact) {
            cells[usize::from(risk.likelihood - 1)][usize::from(risk.impact - 1)].push(n);
        }
    }
    cells
}

/// How a score reads on the matrix: the usual three bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    Low,
    Medium,
    High,
}

pub fn risk_band(likelihood: u8, impact: u8) -> RiskBand {
    match likelihood * impact {
        0..=4 => RiskBand::Low,
        5..=12 => RiskBand::Medium,
        _ => RiskBand::High,
    }
}

/// The programme's first and last year, from its phases.
pub fn duration(phases: &[Phase]) -> Option<(u16, u16)> {
    let start = phases.iter().map(|p| p.start_year).min()?;
    let end = phases.iter().map(|p| p.end_year).max()?;
    Some((start, end))
}

/// The years a component's costs are asked for: the programme's duration,
/// or the next three years while it has no phases, plus any year already
/// costed.
pub fn cost_years(phases: &[Phase], components: &[Component], this_year: u16) -> Vec<u16> {
    let (start, end) = duration(phases).unwrap_or((this_year + 1, this_year + 3));
    let mut years: BTreeSet<u16> = (start..=end.min(start + 14)).collect();
    years.extend(
        components
            .iter()
            .flat_map(|c| c.yearly_cost.iter().map(|l| l.year)),
    );
    years.into_iter().collect()
}

/// One row of the logframe: the narrative, its indicators, how they are
/// verified, and what must hold outside the programme's control.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogframeRow {
    pub narrative: Vec<String>,
    pub indicators: Vec<String>,
    pub verification: Vec<String>,
    pub assumptions: Vec<String>,
}

/// The familiar four-by-four table: goal, purpose, outputs, activities.
pub fn logframe(design: &ProjectDesign) -> [LogframeRow; 4] {
    let indicators_at = |level: ResultLevel| -> (Vec<String>, Vec<String>) {
        design
            .indicators
            .iter()
            .filter(|i| i.level == level)
            .map(|i| (indicator_line(i), i.means_of_verification.clone()))
            .unzip()
    };
    let non_empty = |texts: Vec<String>| {
        texts
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
    };
    let (goal_indicators, goal_verification) = indicators_at(ResultLevel::Impact);
    let (purpose_indicators, purpose_verification) = indicators_at(ResultLevel::Outcome);
    let mut outputs = LogframeRow::default();
    let mut activities = LogframeRow::default();
    for output in &design.outputs {
        outputs
            .narrative
            .push(format!("{} {}", output.code, output.title));
        let (lines, verification) = indicators_at(ResultLevel::Output(output.id));
        outputs
            .indicators
            .extend(lines.into_iter().map(|l| format!("{}: {l}", output.code)));
        outputs.verification.extend(non_empty(verification));
        outputs
            .assumptions
            .extend(non_empty(vec![output.assumptions.clone()]));
        for activity in design.activities.iter().filter(|a| a.output == output.id) {
            activities
                .narrative
                .push(format!("{} {}", activity.code, activity.title));
            activities
                .indicators
                .extend(non_empty(vec![activity.inputs.clone()]));
            activities
                .assumptions
                .extend(non_empty(vec![activity.assumptions.clone()]));
        }
    }
    [
        LogframeRow {
            narrative: non_empty(vec![design.goal.clone()]),
            indicators: goal_indicators,
            verification: non_empty(goal_verification),
            assumptions: non_empty(vec![design.goal_assumptions.clone()]),
        },
        LogframeRow {
            narrative: non_empty(vec![design.purpose.clone()]),
            indicators: purpose_indicators,
            verification: non_empty(purpose_verification),
            assumptions: non_empty(vec![design.purpose_assumptions.clone()]),
        },
        outputs,
        activities,
    ]
}

/// "Average release time: 48 → 24 hours (2029)", with what is known.
pub fn indicator_line(indicator: &Indicator) -> String {
    let value = |v: Option<rust_decimal::Decimal>| v.map_or("…".to_string(), |d| d.normalize().to_string());
    let mut line = format!(
        "{}: {} → {} {}",
        indicator.name,
        value(indicator.baseline),
        value(indicator.target),
        indicator.unit
    );
    if let Some(year) = indicator.target_year {
        line.push_str(&format!(" ({year})"));
    }
    line
}

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
            _ => &[],
        }
    }
}

/// Whether a step holds what it asks for, so the walk can show progress.
pub fn step_done(design: &ProjectDesign, partnership: &Partnership, step: Step) -> bool {
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
    }
}
