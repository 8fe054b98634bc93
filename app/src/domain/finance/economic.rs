//! The economic view: what the service saves its users, against what it
//! costs, at the economic discount rate.

use super::error::{Figure, FinanceError};
use super::inputs::EconomicInput;
use super::rates::npv;
use super::round::money_figure;
use rust_decimal::Decimal;

/// The economic benefit of each model year: hours saved per unit × units
/// × value of time, each year's rounded to the cent.
pub fn yearly_benefits(economic: &EconomicInput, years: usize) -> Result<Vec<Decimal>, FinanceError> {
    (0..years)
        .map(|index| {
            let units = economic.units.get(index).copied().unwrap_or_default();
            let benefit = economic
                .hours_saved_per_unit
                .checked_mul(units)
                .and_then(|hours| hours.checked_mul(economic.value_of_time));
            money_figure(benefit, Figure::EconomicBenefit, u16::try_from(index).ok())
        })
        .collect()
}

/// The economic NPV: each year's benefit minus its capex and opex (the
/// projection's rounded figures), discounted at the economic rate, year 0
/// undiscounted, rounded to the cent.
pub fn economic_npv(
    economic: &EconomicInput,
    capex: &[Decimal],
    opex: &[Decimal],
) -> Result<Decimal, FinanceError> {
    let benefits = yearly_benefits(economic, capex.len())?;
    let flows: Option<Vec<Decimal>> = benefits
        .iter()
        .zip(capex.iter().zip(opex))
        .map(|(benefit, (capex, opex))| benefit.checked_sub(*capex)?.checked_sub(*opex))
        .collect();
    let value = flows.and_then(|flows| npv(economic.discount_rate, &flows));
    money_figure(value, Figure::EconomicNpv, None)
}
