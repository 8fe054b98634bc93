//! The Business Model Canvas: nine blocks, each a list of short items.

use crate::domain::ids::CanvasEntryId;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// The nine blocks, in the canvas's reading order: the partner side on the
/// left, value in the middle, customers on the right, money underneath.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CanvasBlock {
    KeyPartnerships,
    KeyActivities,
    KeyResources,
    ValuePropositions,
    CustomerRelationships,
    Channels,
    CustomerSegments,
    CostStructure,
    RevenueStreams,
}

impl CanvasBlock {
    pub const ALL: [CanvasBlock; 9] = [
        Self::KeyPartnerships,
        Self::KeyActivities,
        Self::KeyResources,
        Self::ValuePropositions,
        Self::CustomerRelationships,
        Self::Channels,
        Self::CustomerSegments,
        Self::CostStructure,
        Self::RevenueStreams,
    ];

    /// The block's area in the canvas's grid (named in style/main.css).
    pub fn area(self) -> &'static str {
        match self {
            Self::KeyPartnerships => "kp",
            Self::KeyActivities => "ka",
            Self::KeyResources => "kr",
            Self::ValuePropositions => "vp",
            Self::CustomerRelationships => "cr",
            Self::Channels => "ch",
            Self::CustomerSegments => "cs",
            Self::CostStructure => "c",
            Self::RevenueStreams => "r",
        }
    }
}

/// One short item on the canvas; several people add to a block at once,
/// each item its own record, so nobody overwrites anybody.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct CanvasEntry {
    pub id: CanvasEntryId,
    pub block: CanvasBlock,
    #[validate(length(min = 1, max = 200))]
    pub text: String,
}
