//! Stage 2's records: each partner's roles, the cells of the responsibility
//! matrix, governance bodies, and where each partner stands in agreeing.

use crate::domain::ids::*;
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
    /// Answers for the component and does the work: a lead partner
    /// delivering alone ("A/R"), so one cell holds both.
    AccountableResponsible,
}

impl Raci {
    pub const ALL: [Raci; 5] = [
        Self::Responsible,
        Self::Accountable,
        Self::AccountableResponsible,
        Self::Consulted,
        Self::Informed,
    ];

    pub fn letter(self) -> &'static str {
        match self {
            Self::Responsible => "R",
            Self::Accountable => "A",
            Self::AccountableResponsible => "A/R",
            Self::Consulted => "C",
            Self::Informed => "I",
        }
    }

    pub fn is_accountable(self) -> bool {
        matches!(self, Self::Accountable | Self::AccountableResponsible)
    }

    pub fn is_responsible(self) -> bool {
        matches!(self, Self::Responsible | Self::AccountableResponsible)
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
