//! The business model as the workshop holds it.

use super::allocation::*;
use super::canvas::CanvasEntry;
use super::lines::*;
use super::structure::PppStructure;
use crate::domain::ids::{ComponentId, RiskId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessModel {
    pub structure: Option<PppStructure>,
    pub assumptions: Option<ModelAssumptions>,
    pub canvas: Vec<CanvasEntry>,
    pub revenues: Vec<RevenueStream>,
    pub capex: Vec<CapexLine>,
    pub opex: Vec<OpexLine>,
    pub allocations: Vec<RiskAllocation>,
    pub votes: Vec<AllocationVote>,
}

/// How many of each list a model holds: enough for any real programme, and
/// a bound on the work every figure takes (each is recomputed, in twelve
/// cases, whenever an input changes).
pub const MOST_CANVAS_ENTRIES: usize = 300;
pub const MOST_REVENUE_STREAMS: usize = 20;
pub const MOST_CAPEX_LINES: usize = 100;
pub const MOST_OPEX_LINES: usize = 50;

impl BusinessModel {
    /// The model's years: the structure's term, none before it is chosen.
    pub fn term(&self) -> Option<u16> {
        self.structure.as_ref().map(|s| s.term_years)
    }

    /// A risk's settled allocation.
    pub fn allocation_of(&self, risk: RiskId) -> Option<Allocation> {
        self.allocations
            .iter()
            .find(|a| a.risk == risk)
            .map(|a| a.allocation)
    }

    /// What hangs from a removed risk goes with it.
    pub fn forget_risk(&mut self, risk: RiskId) {
        self.allocations.retain(|a| a.risk != risk);
        self.votes.retain(|v| v.risk != risk);
    }

    /// Capital costs attributed to a removed component stay, unattributed.
    pub fn forget_component(&mut self, component: ComponentId) {
        for line in &mut self.capex {
            if line.component == Some(component) {
                line.component = None;
            }
        }
    }
}
