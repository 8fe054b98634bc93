//! Why a projection could not be made: an input outside what the model
//! accepts, or a figure that would leave the range figures are computed to.
//! Both name what they are about, so a page can put the message next to the
//! field or the figure; nothing in this module ever panics instead.

use serde::{Deserialize, Serialize};

/// The input a [`FinanceError::Input`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Years,
    RevenuePrice,
    RevenueVolume,
    RevenuePriceGrowth,
    RevenueVolumeGrowth,
    RevenueFirstYear,
    /// The capex schedule as a whole (it has more years than the term).
    CapexYears,
    Capex,
    Contingency,
    RefreshEvery,
    RefreshShare,
    OpexAmount,
    OpexGrowth,
    OpexFirstYear,
    LoanPrincipal,
    LoanRate,
    LoanTenor,
    LoanGrace,
    LoanDrawnYear,
    Grants,
    Equity,
    DiscountRate,
    HoursSavedPerUnit,
    ValueOfTime,
    /// The units schedule as a whole (it has more years than the term).
    UnitsYears,
    Units,
    EconomicDiscountRate,
}

/// What an input must be, for the message that refuses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Allowed {
    /// A term of 1 to [`super::MAX_YEARS`] years.
    Term,
    /// An amount from 0 to [`crate::domain::limits::AMOUNT_CEILING`].
    Amount,
    /// A rate from [`super::RATE_MIN`] to [`super::RATE_MAX`] (-99 % to 100 %).
    Rate,
    /// A share from 0 to 1 (0 % to 100 %).
    Share,
    /// At least one year.
    AtLeastOneYear,
    /// A model year within the term: 0 to the term minus one.
    YearInTerm,
    /// No more yearly values than the term has years.
    NoLongerThanTerm,
    /// Fewer grace years than the tenor.
    ShorterThanTenor,
}

/// The computed figure a [`FinanceError::OutOfRange`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    Revenue,
    Opex,
    Capex,
    Net,
    Cumulative,
    DebtService,
    Dscr,
    Npv,
    Irr,
    TotalCapex,
    EconomicBenefit,
    EconomicNpv,
}

/// Why [`super::project`] gave no projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FinanceError {
    /// An input outside what the model accepts. `line` is the index of the
    /// revenue stream, opex line or loan, or the year of a capex or units
    /// value; `None` for a single input.
    #[error("{field:?} (line {line:?}) must be {allowed:?}")]
    Input {
        field: Field,
        line: Option<usize>,
        allowed: Allowed,
    },
    /// A figure would pass [`crate::domain::limits::TOTAL_CEILING`] (or the
    /// decimal type itself); it is refused rather than computed wrong.
    #[error("{figure:?} (year {year:?}) is beyond the range figures are computed to")]
    OutOfRange { figure: Figure, year: Option<u16> },
}

impl FinanceError {
    pub(super) fn input(field: Field, line: Option<usize>, allowed: Allowed) -> Self {
        FinanceError::Input { field, line, allowed }
    }

    pub(super) fn out_of_range(figure: Figure, year: Option<u16>) -> Self {
        FinanceError::OutOfRange { figure, year }
    }
}
