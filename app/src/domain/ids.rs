//! Typed identifiers, so that an organisation id can never be passed where a
//! component id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    WorkshopId,
    OrganisationId,
    ComponentId,
    OutputId,
    CommitmentId,
    AccountId,
    DelegateId,
    ParticipantId,
    DiscussionId,
    ContributionId,
    IndicatorId,
    ActivityId,
    RiskId,
    PhaseId,
    BodyId,
    CanvasEntryId,
    RevenueId,
    CapexId,
    OpexId,
    DisbursementId,
    CityId,
);
