//! Anything saved whole on the stage 1 and 2 walks, what names it across
//! its versions, and how a saved item is found, put in place and removed.

use super::partnership::*;
use crate::domain::business::*;
use crate::domain::ids::*;
use crate::domain::model::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use validator::Validate;

/// The organisations and outputs an item names, each with the field that
/// names it.
pub type References = (Vec<(&'static str, OrganisationId)>, Vec<(&'static str, OutputId)>);

/// Anything saved whole on the stage 1, 2 and 3 walks.
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
    Structure(PppStructure),
    Assumptions(ModelAssumptions),
    Canvas(CanvasEntry),
    Revenue(RevenueStream),
    Capex(CapexLine),
    Opex(OpexLine),
    Allocation(RiskAllocation),
    Vote(AllocationVote),
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
    Structure,
    Assumptions,
    Canvas {
        id: CanvasEntryId,
    },
    Revenue {
        id: RevenueId,
    },
    Capex {
        id: CapexId,
    },
    Opex {
        id: OpexId,
    },
    Allocation {
        risk: RiskId,
    },
    Vote {
        risk: RiskId,
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
            Self::Structure => "structure".into(),
            Self::Assumptions => "assumptions".into(),
            Self::Canvas { id } => format!("canvas:{id}"),
            Self::Revenue { id } => format!("revenue:{id}"),
            Self::Capex { id } => format!("capex:{id}"),
            Self::Opex { id } => format!("opex:{id}"),
            Self::Allocation { risk } => format!("allocation:{risk}"),
            Self::Vote { risk, organisation } => format!("vote:{risk}:{organisation}"),
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
            Self::Roles { .. } | Self::Responsibility { .. } | Self::Body { .. } | Self::Agreement { .. } => {
                Stage::Partnership
            }
            Self::Structure
            | Self::Assumptions
            | Self::Canvas { .. }
            | Self::Revenue { .. }
            | Self::Capex { .. }
            | Self::Opex { .. }
            | Self::Allocation { .. }
            | Self::Vote { .. } => Stage::BusinessModel,
        }
    }

    /// Items only a facilitator settles, after the room has had its say.
    pub fn facilitator_only(&self) -> bool {
        matches!(self, Self::Allocation { .. })
    }

    /// The organisation an item belongs to, if it is one organisation's own
    /// record: only its delegates (and facilitators) may change it.
    pub fn owner(&self) -> Option<OrganisationId> {
        match self {
            Self::Roles { organisation }
            | Self::Agreement { organisation }
            | Self::Responsibility { organisation, .. }
            | Self::Vote { organisation, .. } => Some(*organisation),
            Self::Phase { .. }
            | Self::Output { .. }
            | Self::Activity { .. }
            | Self::Indicator { .. }
            | Self::Component { .. }
            | Self::Risk { .. }
            | Self::Body { .. }
            | Self::Structure
            | Self::Assumptions
            | Self::Canvas { .. }
            | Self::Revenue { .. }
            | Self::Capex { .. }
            | Self::Opex { .. }
            | Self::Allocation { .. } => None,
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
            Self::Structure(_) => ItemKey::Structure,
            Self::Assumptions(_) => ItemKey::Assumptions,
            Self::Canvas(c) => ItemKey::Canvas { id: c.id },
            Self::Revenue(r) => ItemKey::Revenue { id: r.id },
            Self::Capex(c) => ItemKey::Capex { id: c.id },
            Self::Opex(o) => ItemKey::Opex { id: o.id },
            Self::Allocation(a) => ItemKey::Allocation { risk: a.risk },
            Self::Vote(v) => ItemKey::Vote {
                risk: v.risk,
                organisation: v.organisation,
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
            Self::Structure(x) => x.validate(),
            Self::Assumptions(x) => x.validate(),
            Self::Canvas(x) => x.validate(),
            Self::Revenue(x) => x.validate(),
            Self::Capex(x) => x.validate(),
            Self::Opex(x) => x.validate(),
            Self::Allocation(x) => x.validate(),
            Self::Vote(x) => x.validate(),
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
            Self::Vote(v) => (vec![("organisation", v.organisation)], vec![]),
            Self::Phase(_)
            | Self::Output(_)
            | Self::Structure(_)
            | Self::Assumptions(_)
            | Self::Canvas(_)
            | Self::Revenue(_)
            | Self::Capex(_)
            | Self::Opex(_)
            | Self::Allocation(_) => (vec![], vec![]),
        }
    }
}

/// The version an item is at in `versions` (by `ItemKey::code`): the event
/// that last changed it, 0 if none did.
pub fn version_of(versions: &BTreeMap<String, u64>, key: &ItemKey) -> u64 {
    versions.get(&key.code()).copied().unwrap_or(0)
}

/// The item's current value in the design, if it exists.
pub fn current_item(
    design: &ProjectDesign,
    partnership: &Partnership,
    business: &BusinessModel,
    key: &ItemKey,
) -> Option<DesignItem> {
    fn find<T: Clone>(list: &[T], same: impl Fn(&T) -> bool) -> Option<T> {
        list.iter().find(|x| same(x)).cloned()
    }
    match key {
        ItemKey::Phase { id } => find(&design.phases, |x| x.id == *id).map(DesignItem::Phase),
        ItemKey::Output { id } => find(&design.outputs, |x| x.id == *id).map(DesignItem::Output),
        ItemKey::Activity { id } => find(&design.activities, |x| x.id == *id).map(DesignItem::Activity),
        ItemKey::Indicator { id } => find(&design.indicators, |x| x.id == *id).map(DesignItem::Indicator),
        ItemKey::Component { id } => find(&design.components, |x| x.id == *id).map(DesignItem::Component),
        ItemKey::Risk { id } => find(&design.risks, |x| x.id == *id).map(DesignItem::Risk),
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
        ItemKey::Body { id } => find(&partnership.bodies, |x| x.id == *id).map(DesignItem::Body),
        ItemKey::Agreement { organisation } => partnership
            .agreements
            .get(organisation)
            .cloned()
            .map(DesignItem::Agreement),
        ItemKey::Structure => business.structure.clone().map(DesignItem::Structure),
        ItemKey::Assumptions => business.assumptions.clone().map(DesignItem::Assumptions),
        ItemKey::Canvas { id } => find(&business.canvas, |x| x.id == *id).map(DesignItem::Canvas),
        ItemKey::Revenue { id } => find(&business.revenues, |x| x.id == *id).map(DesignItem::Revenue),
        ItemKey::Capex { id } => find(&business.capex, |x| x.id == *id).map(DesignItem::Capex),
        ItemKey::Opex { id } => find(&business.opex, |x| x.id == *id).map(DesignItem::Opex),
        ItemKey::Allocation { risk } => {
            find(&business.allocations, |x| x.risk == *risk).map(DesignItem::Allocation)
        }
        ItemKey::Vote { risk, organisation } => find(&business.votes, |x| {
            x.risk == *risk && x.organisation == *organisation
        })
        .map(DesignItem::Vote),
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
pub fn put_item(
    design: &mut ProjectDesign,
    partnership: &mut Partnership,
    business: &mut BusinessModel,
    item: DesignItem,
) {
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
        DesignItem::Structure(x) => business.structure = Some(x),
        DesignItem::Assumptions(x) => business.assumptions = Some(x),
        DesignItem::Canvas(x) => upsert(&mut business.canvas, x.clone(), |c| c.id == x.id),
        DesignItem::Revenue(x) => upsert(&mut business.revenues, x.clone(), |r| r.id == x.id),
        DesignItem::Capex(x) => upsert(&mut business.capex, x.clone(), |c| c.id == x.id),
        DesignItem::Opex(x) => upsert(&mut business.opex, x.clone(), |o| o.id == x.id),
        DesignItem::Allocation(x) => upsert(&mut business.allocations, x.clone(), |a| a.risk == x.risk),
        DesignItem::Vote(x) => upsert(&mut business.votes, x.clone(), |v| {
            v.risk == x.risk && v.organisation == x.organisation
        }),
    }
}

/// Removes an item and what hangs from it: an output's activities and
/// indicators, a component's cells of the responsibility matrix, a risk's
/// allocation and votes.
pub fn remove_item(
    design: &mut ProjectDesign,
    partnership: &mut Partnership,
    business: &mut BusinessModel,
    key: &ItemKey,
) {
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
            business.forget_component(*id);
        }
        ItemKey::Risk { id } => {
            design.risks.retain(|x| x.id != *id);
            business.forget_risk(*id);
        }
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
        ItemKey::Structure => business.structure = None,
        ItemKey::Assumptions => business.assumptions = None,
        ItemKey::Canvas { id } => business.canvas.retain(|x| x.id != *id),
        ItemKey::Revenue { id } => business.revenues.retain(|x| x.id != *id),
        ItemKey::Capex { id } => business.capex.retain(|x| x.id != *id),
        ItemKey::Opex { id } => business.opex.retain(|x| x.id != *id),
        ItemKey::Allocation { risk } => business.allocations.retain(|x| x.risk != *risk),
        ItemKey::Vote { risk, organisation } => business
            .votes
            .retain(|x| !(x.risk == *risk && x.organisation == *organisation)),
    }
}

/// An id for the n-th indicator given inside an output by an older event,
/// the same every time the log is folded.
pub fn nested_indicator_id(output: OutputId, n: usize) -> IndicatorId {
    IndicatorId(uuid::Uuid::from_u128(
        output.0.as_u128() ^ ((n as u128 + 1) << 64),
    ))
}
