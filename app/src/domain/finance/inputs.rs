//! What a projection is made from, and the bounds every input is held to
//! before any figure is computed.

use super::error::{Allowed, Field, FinanceError};
use crate::domain::limits::AMOUNT_CEILING;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The longest term a model may have, in years.
pub const MAX_YEARS: u16 = 50;

/// The lowest rate (growth, discount, interest) the model accepts: -99 %.
/// At -100 % a discount factor divides by zero; below it nothing means
/// anything.
pub const RATE_MIN: Decimal = Decimal::from_parts(99, 0, 0, true, 2);

/// The highest rate the model accepts: 100 % a year. Over 50 years that is
/// a factor of 2^49, about 5.6 × 10^14, so every power of (1 + r) fits.
pub const RATE_MAX: Decimal = Decimal::ONE;

/// Everything a projection needs, in the reporting currency, by model year:
/// year 0 is the first investment year; there are `years` rows (1..=50).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectionInputs {
    pub years: u16,
    pub revenues: Vec<RevenueInput>,
    /// Base capital expenditure by model year (index = year; shorter than
    /// `years` is fine, longer is an error), before contingency.
    pub capex: Vec<Decimal>,
    /// Contingency on capex, a fraction (0.10 = 10 %). It applies to the
    /// base capex, not to the ICT refresh.
    pub contingency: Decimal,
    /// Periodic ICT refresh: in years k × every_years (k >= 1, within the
    /// term) spend share_of_capex × the total base capex.
    pub refresh: Option<RefreshInput>,
    pub opex: Vec<OpexInput>,
    pub loans: Vec<LoanInput>,
    /// Received in year 0. Financing: not in the project's net cash flows.
    pub grants: Decimal,
    /// Financing: not in the project's net cash flows.
    pub equity: Decimal,
    /// The private side's required return and the discount rate of the
    /// financial NPV, a fraction.
    pub discount_rate: Decimal,
    pub economic: Option<EconomicInput>,
}

/// A revenue stream: `price × volume` in `first_year`, each growing by its
/// own rate every year after; nothing before `first_year`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RevenueInput {
    pub price: Decimal,
    /// In `first_year`.
    pub volume: Decimal,
    /// A fraction a year.
    pub price_growth: Decimal,
    /// A fraction a year.
    pub volume_growth: Decimal,
    pub first_year: u16,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshInput {
    pub every_years: u16,
    /// A fraction of the total base capex.
    pub share_of_capex: Decimal,
}

/// An operating cost: `amount` in `first_year`, growing by `growth` every
/// year after; nothing before `first_year`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpexInput {
    pub amount: Decimal,
    /// A fraction a year.
    pub growth: Decimal,
    pub first_year: u16,
}

/// A loan drawn at the start of `drawn_year` and serviced at the end of
/// each year from then on: `grace_years` of interest only, then an annuity
/// over the remaining `tenor_years - grace_years`. Its last payment falls in
/// year `drawn_year + tenor_years - 1`, which must be within the term.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LoanInput {
    pub principal: Decimal,
    /// A fraction a year.
    pub rate: Decimal,
    pub tenor_years: u16,
    pub grace_years: u16,
    pub drawn_year: u16,
}

/// The economic view's assumptions: the benefit of a year is
/// `hours_saved_per_unit × units[year] × value_of_time`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EconomicInput {
    pub hours_saved_per_unit: Decimal,
    /// Per hour, in the reporting currency.
    pub value_of_time: Decimal,
    /// By model year (index = year; shorter than the term is fine), e.g.
    /// declarations.
    pub units: Vec<Decimal>,
    /// A fraction.
    pub discount_rate: Decimal,
}

impl ProjectionInputs {
    /// The first input outside its bounds, if any. Every amount is 0 to
    /// [`AMOUNT_CEILING`], every rate [`RATE_MIN`] to [`RATE_MAX`], every
    /// share 0 to 1, every year within the term.
    pub fn validate(&self) -> Result<(), FinanceError> {
        if !(1..=MAX_YEARS).contains(&self.years) {
            return Err(FinanceError::input(Field::Years, None, Allowed::Term));
        }
        for (line, revenue) in self.revenues.iter().enumerate() {
            let line = Some(line);
            amount(revenue.price, Field::RevenuePrice, line)?;
            amount(revenue.volume, Field::RevenueVolume, line)?;
            rate(revenue.price_growth, Field::RevenuePriceGrowth, line)?;
            rate(revenue.volume_growth, Field::RevenueVolumeGrowth, line)?;
            self.year(revenue.first_year, Field::RevenueFirstYear, line)?;
        }
        self.schedule(&self.capex, Field::CapexYears, Field::Capex)?;
        share(self.contingency, Field::Contingency)?;
        if let Some(refresh) = &self.refresh {
            if refresh.every_years == 0 {
                let allowed = Allowed::AtLeastOneYear;
                return Err(FinanceError::input(Field::RefreshEvery, None, allowed));
            }
            share(refresh.share_of_capex, Field::RefreshShare)?;
        }
        for (line, opex) in self.opex.iter().enumerate() {
            amount(opex.amount, Field::OpexAmount, Some(line))?;
            rate(opex.growth, Field::OpexGrowth, Some(line))?;
            self.year(opex.first_year, Field::OpexFirstYear, Some(line))?;
        }
        for (line, loan) in self.loans.iter().enumerate() {
            self.loan(loan, line)?;
        }
        amount(self.grants, Field::Grants, None)?;
        amount(self.equity, Field::Equity, None)?;
        rate(self.discount_rate, Field::DiscountRate, None)?;
        if let Some(economic) = &self.economic {
            amount(economic.hours_saved_per_unit, Field::HoursSavedPerUnit, None)?;
            amount(economic.value_of_time, Field::ValueOfTime, None)?;
            self.schedule(&economic.units, Field::UnitsYears, Field::Units)?;
            rate(economic.discount_rate, Field::EconomicDiscountRate, None)?;
        }
        Ok(())
    }

    fn year(&self, year: u16, field: Field, line: Option<usize>) -> Result<(), FinanceError> {
        if year < self.years {
            Ok(())
        } else {
            Err(FinanceError::input(field, line, Allowed::YearInTerm))
        }
    }

    fn schedule(&self, values: &[Decimal], whole: Field, each: Field) -> Result<(), FinanceError> {
        if values.len() > usize::from(self.years) {
            return Err(FinanceError::input(whole, None, Allowed::NoLongerThanTerm));
        }
        for (year, value) in values.iter().enumerate() {
            amount(*value, each, Some(year))?;
        }
        Ok(())
    }

    fn loan(&self, loan: &LoanInput, line: usize) -> Result<(), FinanceError> {
        let line = Some(line);
        amount(loan.principal, Field::LoanPrincipal, line)?;
        rate(loan.rate, Field::LoanRate, line)?;
        if loan.tenor_years == 0 {
            let allowed = Allowed::AtLeastOneYear;
            return Err(FinanceError::input(Field::LoanTenor, line, allowed));
        }
        if loan.grace_years >= loan.tenor_years {
            let allowed = Allowed::ShorterThanTenor;
            return Err(FinanceError::input(Field::LoanGrace, line, allowed));
        }
        // A loan may run past the term (a 20-year loan in a 15-year
        // concession): its later payments fall outside the model.
        self.year(loan.drawn_year, Field::LoanDrawnYear, line)
    }
}

fn amount(value: Decimal, field: Field, line: Option<usize>) -> Result<(), FinanceError> {
    if value >= Decimal::ZERO && value <= AMOUNT_CEILING {
        Ok(())
    } else {
        Err(FinanceError::input(field, line, Allowed::Amount))
    }
}

fn rate(value: Decimal, field: Field, line: Option<usize>) -> Result<(), FinanceError> {
    if (RATE_MIN..=RATE_MAX).contains(&value) {
        Ok(())
    } else {
        Err(FinanceError::input(field, line, Allowed::Rate))
    }
}

fn share(value: Decimal, field: Field) -> Result<(), FinanceError> {
    if (Decimal::ZERO..=Decimal::ONE).contains(&value) {
        Ok(())
    } else {
        Err(FinanceError::input(field, None, Allowed::Share))
    }
}
