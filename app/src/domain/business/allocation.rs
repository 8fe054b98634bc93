//! Who carries each of stage 1's risks: settled by the facilitator, after
//! an optional vote, one vote per organisation, like a matrix cell.

use crate::domain::ids::{OrganisationId, RiskId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use validator::Validate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Allocation {
    Public,
    Private,
    Shared,
}

impl Allocation {
    pub const ALL: [Allocation; 3] = [Self::Public, Self::Private, Self::Shared];
}

/// The facilitator's settled allocation of a risk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct RiskAllocation {
    pub risk: RiskId,
    pub allocation: Allocation,
}

/// One organisation's vote on a risk's allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct AllocationVote {
    pub risk: RiskId,
    pub organisation: OrganisationId,
    pub allocation: Allocation,
}

/// The votes on one risk, counted by allocation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consensus {
    pub counts: BTreeMap<Allocation, u32>,
    pub votes: u32,
}

impl Consensus {
    /// The allocation with the most votes, when exactly one has the most.
    pub fn leading(&self) -> Option<Allocation> {
        let most = self.counts.values().copied().max()?;
        let mut leaders = self.counts.iter().filter(|(_, n)| **n == most);
        let (first, _) = leaders.next()?;
        leaders.next().is_none().then_some(*first)
    }

    /// The share of the votes an allocation has, in whole percent.
    pub fn share(&self, allocation: Allocation) -> u8 {
        let count = self.counts.get(&allocation).copied().unwrap_or(0);
        if self.votes == 0 {
            return 0;
        }
        u8::try_from(u64::from(count) * 100 / u64::from(self.votes)).unwrap_or(100)
    }
}

/// Each risk's votes, counted.
pub fn consensus(votes: &[AllocationVote]) -> BTreeMap<RiskId, Consensus> {
    let mut by_risk: BTreeMap<RiskId, Consensus> = BTreeMap::new();
    for vote in votes {
        let entry = by_risk.entry(vote.risk).or_default();
        *entry.counts.entry(vote.allocation).or_default() += 1;
        entry.votes += 1;
    }
    by_risk
}
