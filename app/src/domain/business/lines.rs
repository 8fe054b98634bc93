//! What the projection runs on: revenue streams, capital and operating
//! costs by model year, and the model's assumptions. Amounts are in the
//! reporting currency; rates and shares are percentages as typed.

use crate::domain::ids::{CapexId, ComponentId, OpexId, RevenueId};
use crate::domain::limits::amount_within_ceiling;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevenueKind {
    PerDeclarationFee,
    Subscription,
    AvailabilityPayment,
    CostRecovery,
    /// Small traders use the service free: volume without revenue, which
    /// still counts in the economic benefits.
    FreeTier,
}

impl RevenueKind {
    pub const ALL: [RevenueKind; 5] = [
        Self::PerDeclarationFee,
        Self::Subscription,
        Self::AvailabilityPayment,
        Self::CostRecovery,
        Self::FreeTier,
    ];

    /// Whether each unit is a declaration, so it counts in the cost of the
    /// service per declaration and in the time saved.
    pub fn per_declaration(self) -> bool {
        matches!(
            self,
            Self::PerDeclarationFee | Self::CostRecovery | Self::FreeTier
        )
    }
}

/// How a fee is set. A fee in proportion to the goods' value is not a fee
/// for a service under GATT Article VIII, so it is flagged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeBasis {
    #[default]
    PerUnit,
    PercentOfValue,
}

impl FeeBasis {
    pub const ALL: [FeeBasis; 2] = [Self::PerUnit, Self::PercentOfValue];
}

/// A growth or interest rate, in percent a year: within ±100 %.
pub fn valid_growth(percent: &Decimal) -> Result<(), ValidationError> {
    (-Decimal::ONE_HUNDRED..=Decimal::ONE_HUNDRED)
        .contains(percent)
        .then_some(())
        .ok_or_else(|| ValidationError::new("rate_out_of_range"))
}

/// A share or rate, in percent: 0 to 100.
pub fn valid_share(percent: &Decimal) -> Result<(), ValidationError> {
    (Decimal::ZERO..=Decimal::ONE_HUNDRED)
        .contains(percent)
        .then_some(())
        .ok_or_else(|| ValidationError::new("rate_out_of_range"))
}

/// A discount rate, in percent: 0 to 30, the range any appraisal uses.
pub fn valid_discount_rate(percent: &Decimal) -> Result<(), ValidationError> {
    (Decimal::ZERO..=Decimal::from(30))
        .contains(percent)
        .then_some(())
        .ok_or_else(|| ValidationError::new("rate_out_of_range"))
}

fn not_negative_within_ceiling(amount: &Decimal) -> Result<(), ValidationError> {
    if amount.is_sign_negative() {
        return Err(ValidationError::new("negative"));
    }
    amount_within_ceiling(amount)
}

/// A model year: 0 (the first investment year) to the longest term.
fn valid_model_year(year: u16) -> Result<(), ValidationError> {
    (year < super::structure::LONGEST_TERM)
        .then_some(())
        .ok_or_else(|| ValidationError::new("year_range"))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct RevenueStream {
    pub id: RevenueId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
    pub kind: RevenueKind,
    pub basis: FeeBasis,
    /// What one unit pays on average (for a fee set as a percentage of
    /// value, the fee that results), in the reporting currency.
    #[validate(custom(function = "not_negative_within_ceiling"))]
    pub price: Decimal,
    /// Units (declarations, subscribers, …) in the stream's first year.
    #[validate(custom(function = "not_negative_within_ceiling"))]
    pub volume: Decimal,
    #[validate(custom(function = "valid_growth"))]
    pub price_growth_percent: Decimal,
    #[validate(custom(function = "valid_growth"))]
    pub volume_growth_percent: Decimal,
    #[validate(custom(function = "valid_model_year"))]
    pub first_year: u16,
}

/// Capital expenditure beyond stage 1's component estimates (which the
/// model takes as they are), optionally for a component.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct CapexLine {
    pub id: CapexId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
    pub component: Option<ComponentId>,
    #[validate(custom(function = "valid_model_year"))]
    pub year: u16,
    #[validate(custom(function = "not_negative_within_ceiling"))]
    pub amount: Decimal,
}

/// A running cost, from its first year to the end of the term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct OpexLine {
    pub id: OpexId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
    /// A year's cost in its first year.
    #[validate(custom(function = "not_negative_within_ceiling"))]
    pub amount: Decimal,
    #[validate(custom(function = "valid_growth"))]
    pub growth_percent: Decimal,
    #[validate(custom(function = "valid_model_year"))]
    pub first_year: u16,
}

/// The model's assumptions, one record for the workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct ModelAssumptions {
    /// The calendar year of model year 0, which places stage 1's yearly
    /// component costs in the model.
    #[validate(range(min = 2000, max = 2100))]
    pub first_year: u16,
    /// The private side's required return, at which the financial NPV is
    /// discounted and the viability gap computed.
    #[validate(custom(function = "valid_discount_rate"))]
    pub discount_rate_percent: Decimal,
    #[validate(custom(function = "valid_share"))]
    pub contingency_percent: Decimal,
    /// ICT is replaced every so many years, at a share of the base capital
    /// cost; none when empty.
    #[validate(range(min = 1, max = 50))]
    pub refresh_every_years: Option<u16>,
    #[validate(custom(function = "valid_share"))]
    pub refresh_percent: Decimal,
    /// The economic view: hours each declaration saves, what an hour of a
    /// trader's time is worth, and the social discount rate.
    #[validate(custom(function = "not_negative_within_ceiling"))]
    pub hours_saved_per_declaration: Option<Decimal>,
    #[validate(custom(function = "not_negative_within_ceiling"))]
    pub value_of_time: Option<Decimal>,
    #[validate(custom(function = "valid_discount_rate"))]
    pub economic_discount_rate_percent: Option<Decimal>,
}
