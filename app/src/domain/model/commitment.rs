//! Commitments: finance instruments, the status ladder and how it counts,
//! earmarks, and the rate a commitment keeps.

use crate::domain::ids::*;
use crate::domain::money::{round_to_minor_unit, Currency, Money};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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

    /// The instruments that are repaid, and so carry loan terms: loans,
    /// subordinated loans, bonds (the coupon, the maturity, the years
    /// before the first repayment) and reimbursable grants (repaid, often
    /// at no interest). A grant, equity, a guarantee or a contribution in
    /// kind is never repaid on a schedule, so has none.
    pub fn takes_loan_terms(self) -> bool {
        matches!(
            self,
            Self::Loan | Self::SubordinatedLoan | Self::Bonds | Self::ReimbursableGrant
        )
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
/// disbursements are secured money; an expression of interest is not money
/// at all but the pipeline, counted apart and never against the gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Interest,
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
            Self::ExpressionOfInterest => Tier::Interest,
            _ => Tier::Pledged,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Earmark {
    Programme,
    Component {
        component: ComponentId,
    },
    /// One of the workshop's participating cities (`model::City`).
    #[serde(rename = "participating_city")]
    City {
        city: CityId,
    },
    /// A city named by its text, as earmarks were before cities were
    /// records: it folds and shows from older logs, and a revision may keep
    /// it, but a new earmark picks a city record.
    #[serde(rename = "city")]
    NamedCity {
        city: String,
    },
}

/// A rate that converts one unit of `currency` into the reporting currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub per_unit: Decimal,
    pub as_of: NaiveDate,
    pub source: String,
}

/// A repaid instrument's terms, in the commitment's own currency: what the
/// business model's debt service and IATI's `loan-terms` need. Bounds are
/// in `domain::loan_terms` (rate 0 to 30 % a year, tenor 1 to 50 years,
/// grace shorter than the tenor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanTerms {
    /// Nominal interest a year, in percent (2.5 is 2.5 %).
    pub interest_rate_percent: Decimal,
    /// Years from signing to the last repayment.
    pub tenor_years: u16,
    /// Years before the first repayment of principal.
    pub grace_years: u16,
}

/// One year of a commitment's schedule, in the commitment's currency
/// (`domain::schedule`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearAmount {
    pub year: u16,
    pub amount: Decimal,
}

/// Money paid out on a firm commitment, in the commitment's currency
/// (`domain::disbursements`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disbursement {
    pub id: DisbursementId,
    /// The day it was paid.
    pub date: NaiveDate,
    pub amount: Decimal,
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
    /// Only for instruments that [`Instrument::takes_loan_terms`]; older
    /// logs have none.
    #[serde(default)]
    pub loan_terms: Option<LoanTerms>,
    /// Its amount by year, summing exactly to it; empty when not laid out
    /// by year (then `years` alone says when).
    #[serde(default)]
    pub schedule: Vec<YearAmount>,
}

impl Commitment {
    /// Its amount in the reporting currency at the rate it keeps, rounded
    /// to the reporting currency's minor unit; `None` when no rate was in
    /// force, or when its amount or rate is beyond the ceilings (an old
    /// log's): such a commitment is listed, not counted.
    ///
    /// Rounded here, once, because every table is the sum of its lines: a
    /// printed financing table adds up to its total to the cent, and sums
    /// of amounts with two or three decimals are exact, so their order
    /// cannot change them.
    pub fn converted(&self, reporting: Currency) -> Option<Decimal> {
        self.rate
            .as_ref()
            .and_then(|rate| crate::domain::limits::convert(self.money.amount, rate.per_unit))
            .map(|amount| round_to_minor_unit(amount, reporting))
    }
}
