//! The vocabulary of a workshop: stages, organisations, the design, the
//! commitments. Codes follow IATI where IATI has one (see docs/DOMAIN.md).

use super::ids::*;
use super::money::{Currency, Money};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The four working stages of a session, in the order the room walks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    ProjectDesign,
    Partnership,
    BusinessModel,
    Commitments,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::ProjectDesign,
        Stage::Partnership,
        Stage::BusinessModel,
        Stage::Commitments,
    ];

    pub fn number(self) -> u8 {
        match self {
            Stage::ProjectDesign => 1,
            Stage::Partnership => 2,
            Stage::BusinessModel => 3,
            Stage::Commitments => 4,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    #[default]
    NotStarted,
    Open,
    Locked,
}

/// IATI OrganisationType codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationType {
    Government,
    LocalGovernment,
    OtherPublicSector,
    InternationalNgo,
    NationalNgo,
    RegionalNgo,
    PartnerCountryNgo,
    PublicPrivatePartnership,
    Multilateral,
    Foundation,
    PrivateSector,
    PrivateSectorInProviderCountry,
    PrivateSectorInAidRecipientCountry,
    PrivateSectorInThirdCountry,
    AcademicResearch,
    Other,
}

impl OrganisationType {
    pub const ALL: [OrganisationType; 16] = [
        Self::Government,
        Self::LocalGovernment,
        Self::OtherPublicSector,
        Self::InternationalNgo,
        Self::NationalNgo,
        Self::RegionalNgo,
        Self::PartnerCountryNgo,
        Self::PublicPrivatePartnership,
        Self::Multilateral,
        Self::Foundation,
        Self::PrivateSector,
        Self::PrivateSectorInProviderCountry,
        Self::PrivateSectorInAidRecipientCountry,
        Self::PrivateSectorInThirdCountry,
        Self::AcademicResearch,
        Self::Other,
    ];

    pub fn iati_code(self) -> u16 {
        match self {
            Self::Government => 10,
            Self::LocalGovernment => 11,
            Self::OtherPublicSector => 15,
            Self::InternationalNgo => 21,
            Self::NationalNgo => 22,
            Self::RegionalNgo => 23,
            Self::PartnerCountryNgo => 24,
            Self::PublicPrivatePartnership => 30,
            Self::Multilateral => 40,
            Self::Foundation => 60,
            Self::PrivateSector => 70,
            Self::PrivateSectorInProviderCountry => 71,
            Self::PrivateSectorInAidRecipientCountry => 72,
            Self::PrivateSectorInThirdCountry => 73,
            Self::AcademicResearch => 80,
            Self::Other => 90,
        }
    }

    /// The three groups the room thinks in, used for dashboards.
    pub fn group(self) -> PartnerGroup {
        match self {
            Self::Government | Self::LocalGovernment | Self::OtherPublicSector => PartnerGroup::Public,
            Self::Multilateral | Self::Foundation => PartnerGroup::Financier,
            Self::PrivateSector
            | Self::PrivateSectorInProviderCountry
            | Self::PrivateSectorInAidRecipientCountry
            | Self::PrivateSectorInThirdCountry
            | Self::PublicPrivatePartnership => PartnerGroup::Private,
            _ => PartnerGroup::Other,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerGroup {
    Public,
    Private,
    Financier,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationType,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub city: Option<String>,
}

/// A person acting for an organisation in one workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegate {
    pub id: DelegateId,
    pub organisation: OrganisationId,
    pub name: String,
    pub email: Option<String>,
}

/// Narrative fields of stage 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DesignField {
    Summary,
    Problem,
    Rationale,
    Goal,
    Purpose,
    Scope,
    TargetGroups,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub name: String,
    pub unit: String,
    pub baseline: Decimal,
    pub target: Decimal,
    pub target_year: u16,
    pub means_of_verification: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub id: OutputId,
    pub code: String,
    pub title: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostLine {
    pub year: u16,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Component {
    pub id: ComponentId,
    pub code: String,
    pub title: String,
    pub description: String,
    pub lead: Option<OrganisationId>,
    pub yearly_cost: Vec<CostLine>,
    pub outputs: Vec<OutputId>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDesign {
    pub summary: String,
    pub problem: String,
    pub rationale: String,
    pub goal: String,
    pub purpose: String,
    pub scope: String,
    pub target_groups: String,
    pub outputs: Vec<Output>,
    pub components: Vec<Component>,
}

impl DesignField {
    pub const ALL: [DesignField; 7] = [
        Self::Summary,
        Self::Problem,
        Self::Rationale,
        Self::Goal,
        Self::Purpose,
        Self::Scope,
        Self::TargetGroups,
    ];
}

impl ProjectDesign {
    pub fn text(&self, field: DesignField) -> &str {
        match field {
            DesignField::Summary => &self.summary,
            DesignField::Problem => &self.problem,
            DesignField::Rationale => &self.rationale,
            DesignField::Goal => &self.goal,
            DesignField::Purpose => &self.purpose,
            DesignField::Scope => &self.scope,
            DesignField::TargetGroups => &self.target_groups,
        }
    }

    pub fn text_mut(&mut self, field: DesignField) -> &mut String {
        match field {
            DesignField::Summary => &mut self.summary,
            DesignField::Problem => &mut self.problem,
            DesignField::Rationale => &mut self.rationale,
            DesignField::Goal => &mut self.goal,
            DesignField::Purpose => &mut self.purpose,
            DesignField::Scope => &mut self.scope,
            DesignField::TargetGroups => &mut self.target_groups,
        }
    }
}

/// Finance instruments: IATI finance types where they exist, plus the
/// non-cash contributions the room also puts on the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    Grant,
    Loan,
    ReimbursableGrant,
    Bonds,
    SubordinatedLoan,
    Equity,
    Guarantee,
    InKind,
    TechnicalAssistance,
    StaffTime,
    LandOrFacilities,
}

/// How a contribution counts: cash is never silently added to guarantees or
/// to contributions in kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    Cash,
    Guarantee,
    InKind,
}

impl Instrument {
    pub const ALL: [Instrument; 11] = [
        Self::Grant,
        Self::Loan,
        Self::ReimbursableGrant,
        Self::Bonds,
        Self::SubordinatedLoan,
        Self::Equity,
        Self::Guarantee,
        Self::InKind,
        Self::TechnicalAssistance,
        Self::StaffTime,
        Self::LandOrFacilities,
    ];

    pub fn iati_finance_type(self) -> Option<u16> {
        match self {
            Self::Grant => Some(110),
            Self::Loan => Some(421),
            Self::ReimbursableGrant => Some(422),
            Self::Bonds => Some(423),
            Self::SubordinatedLoan => Some(431),
            Self::Equity => Some(510),
            Self::Guarantee => Some(1100),
            _ => None,
        }
    }

    pub fn kind(self) -> ContributionKind {
        match self {
            Self::Guarantee => ContributionKind::Guarantee,
            Self::InKind | Self::TechnicalAssistance | Self::StaffTime | Self::LandOrFacilities => {
                ContributionKind::InKind
            }
            _ => ContributionKind::Cash,
        }
    }
}

/// The status ladder, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    ExpressionOfInterest,
    IndicativePledge,
    LetterOfIntent,
    MouSigned,
    FirmCommitment,
    Disbursed,
    Withdrawn,
}

/// The counting rule (OCHA FTS practice): only firm commitments and
/// disbursements are secured money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Pledged,
    Secured,
    Withdrawn,
}

impl CommitmentStatus {
    /// The ladder in order, withdrawal last.
    pub const LADDER: [CommitmentStatus; 7] = [
        Self::ExpressionOfInterest,
        Self::IndicativePledge,
        Self::LetterOfIntent,
        Self::MouSigned,
        Self::FirmCommitment,
        Self::Disbursed,
        Self::Withdrawn,
    ];

    pub fn tier(self) -> Tier {
        match self {
            Self::FirmCommitment | Self::Disbursed => Tier::Secured,
            Self::Withdrawn => Tier::Withdrawn,
            _ => Tier::Pledged,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Earmark {
    Programme,
    Component { component: ComponentId },
    City { city: String },
}

/// A rate that converts one unit of `currency` into the reporting currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub per_unit: Decimal,
    pub as_of: NaiveDate,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: CommitmentId,
    pub organisation: OrganisationId,
    pub money: Money,
    pub instrument: Instrument,
    pub status: CommitmentStatus,
    pub earmark: Earmark,
    pub years: Vec<u16>,
    pub conditions: String,
    pub note: String,
    pub public: bool,
    /// The rate in force when it was recorded; `None` when no rate was set,
    /// in which case it cannot be counted in the reporting currency.
    pub rate: Option<ExchangeRate>,
    pub recorded_at: DateTime<Utc>,
}
