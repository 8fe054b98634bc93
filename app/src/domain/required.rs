//! What the programme needs: the design's budget (the components' yearly
//! costs) once every component is costed; before that, the facilitator's
//! target if it is larger than the budget so far, because a half-costed
//! design understates the need. Both the
//! workshop's overview (`analytics`) and the projected screen (`dashboard`)
//! show it, so it lives apart from either.

use super::limits::{self, checked_sum, Sum};
use super::model::*;
use super::state::WorkshopState;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Where the required amount comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequiredSource {
    /// The sum of the components' yearly costs (stage 1).
    Budget,
    /// The facilitator's target, used until every component is costed
    /// (while it is larger than the budget so far).
    Target,
    Nothing,
}

/// What the programme needs, with what was left out of it: stored values
/// beyond the amount ceiling (an old log's), and whether the budget's sum
/// left the range (see `domain::limits`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub amount: Decimal,
    pub source: RequiredSource,
    pub costing: Costing,
    pub out_of_range: usize,
    pub overflow: bool,
}

/// How complete the design's costing is: how many components have a cost,
/// of how many, and what they add up to so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Costing {
    pub costed: usize,
    pub components: usize,
    pub budget: Decimal,
}

impl Costing {
    pub fn complete(&self) -> bool {
        self.costed == self.components
    }
}

/// The amount the programme needs: the design's budget once every
/// component is costed (or when there is no target); until then the
/// larger of the budget so far and the facilitator's target.
pub fn requirement(state: &WorkshopState) -> Requirement {
    let components = state.design.components.len();
    let costed = state
        .design
        .components
        .iter()
        .filter(|c| {
            c.yearly_cost
                .iter()
                .any(|line| line.amount.amount > Decimal::ZERO)
        })
        .count();
    let mut out_of_range = 0;
    let mut component_sums = Vec::with_capacity(state.design.components.len());
    for component in &state.design.components {
        let (sum, left_out) = component_budget(component);
        out_of_range += left_out;
        component_sums.push(sum.value());
    }
    let budget = component_sums
        .into_iter()
        .collect::<Option<Vec<Decimal>>>()
        .and_then(checked_sum);
    let Some(budget) = budget else {
        return Requirement {
            amount: Decimal::ZERO,
            source: RequiredSource::Budget,
            costing: Costing {
                costed,
                components,
                budget: Decimal::ZERO,
            },
            out_of_range,
            overflow: true,
        };
    };
    let costing = Costing {
        costed,
        components,
        budget,
    };
    let (amount, source) = match state.funding_target {
        Some(target)
            if budget > Decimal::ZERO
                && !costing.complete()
                && limits::amount_in_range(target)
                && target > budget =>
        {
            (target, RequiredSource::Target)
        }
        _ if budget > Decimal::ZERO => (budget, RequiredSource::Budget),
        Some(target) if limits::amount_in_range(target) => (target, RequiredSource::Target),
        Some(_) => {
            out_of_range += 1;
            (Decimal::ZERO, RequiredSource::Nothing)
        }
        None => (Decimal::ZERO, RequiredSource::Nothing),
    };
    Requirement {
        amount,
        source,
        costing,
        out_of_range,
        overflow: false,
    }
}

/// The amount the programme needs and where it comes from.
pub fn required(state: &WorkshopState) -> (Decimal, RequiredSource) {
    let requirement = requirement(state);
    (requirement.amount, requirement.source)
}

/// A component's yearly costs summed, and how many lines were left out
/// because they are beyond the amount ceiling.
pub fn component_budget(component: &Component) -> (Sum, usize) {
    let (in_range, beyond): (Vec<&CostLine>, Vec<&CostLine>) = component
        .yearly_cost
        .iter()
        .partition(|line| limits::amount_in_range(line.amount.amount));
    (
        in_range.iter().map(|line| line.amount.amount).collect(),
        beyond.len(),
    )
}

/// A component's budget; 0 if it cannot be computed within range (which
/// the dashboard reports as `overflow`).
pub fn component_required(component: &Component) -> Decimal {
    component_budget(component).0.value().unwrap_or_default()
}
