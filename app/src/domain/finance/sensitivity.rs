//! Sensitivity: the projection again with one assumption changed at a time.
//!
//! Each case changes only what it names:
//! - `Volume(p)`: the first-year volume of every revenue stream × (1 + p %);
//!   growth rates unchanged.
//! - `Price(p)`: the first-year price of every revenue stream × (1 + p %).
//! - `CapexOverrun(p)`: the base capex of every year × (1 + p %); the ICT
//!   refresh, a share of the base capex, grows with it; contingency, opex
//!   and financing unchanged.
//! - `DelayOneYear`: the service goes live a year late. Every revenue
//!   stream and opex line (and the economic view's units) starts one year
//!   later, with the same first-year price, volume and amount, and the term
//!   does not move, so the last year of operation is lost; a line that would
//!   start after the term drops out. Capex, the refresh and the loans keep
//!   their years: the money is spent as planned, the return comes later.
//!   (Moving capex too would postpone costs and flatter the delay.)

use super::error::FinanceError;
use super::inputs::ProjectionInputs;
use super::projection::project;
use super::rates::Irr;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One sensitivity case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "percent")]
pub enum Scenario {
    /// Percent, e.g. -20, -10, 10, 20.
    Volume(i8),
    Price(i8),
    /// Percent, e.g. 10, 25.
    CapexOverrun(u8),
    DelayOneYear,
}

impl Scenario {
    /// The eleven cases, in the order a table shows them.
    pub const ALL: [Scenario; 11] = [
        Scenario::Volume(-20),
        Scenario::Volume(-10),
        Scenario::Volume(10),
        Scenario::Volume(20),
        Scenario::Price(-20),
        Scenario::Price(-10),
        Scenario::Price(10),
        Scenario::Price(20),
        Scenario::CapexOverrun(10),
        Scenario::CapexOverrun(25),
        Scenario::DelayOneYear,
    ];

    /// The inputs with this case's change, and nothing else changed.
    pub fn apply(self, inputs: &ProjectionInputs) -> ProjectionInputs {
        let mut changed = inputs.clone();
        match self {
            Scenario::Volume(percent) => {
                let factor = factor(i16::from(percent));
                changed
                    .revenues
                    .iter_mut()
                    .for_each(|stream| stream.volume = scaled(stream.volume, factor));
            }
            Scenario::Price(percent) => {
                let factor = factor(i16::from(percent));
                changed
                    .revenues
                    .iter_mut()
                    .for_each(|stream| stream.price = scaled(stream.price, factor));
            }
            Scenario::CapexOverrun(percent) => {
                let factor = factor(i16::from(percent));
                changed
                    .capex
                    .iter_mut()
                    .for_each(|base| *base = scaled(*base, factor));
            }
            Scenario::DelayOneYear => delay(&mut changed),
        }
        changed
    }
}

/// What the sensitivity table shows for one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioFigures {
    pub npv: Decimal,
    pub irr: Irr,
    pub total_capex: Decimal,
}

/// One case and its figures, or why this case has none (a change can push
/// an input past its ceiling, or a figure past the range).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioResult {
    pub scenario: Scenario,
    pub figures: Result<ScenarioFigures, FinanceError>,
}

/// The eleven cases of [`Scenario::ALL`], each projected on its own.
pub fn sensitivity(inputs: &ProjectionInputs) -> Vec<ScenarioResult> {
    Scenario::ALL
        .into_iter()
        .map(|scenario| ScenarioResult {
            scenario,
            figures: project(&scenario.apply(inputs)).map(|projection| ScenarioFigures {
                npv: projection.npv,
                irr: projection.irr,
                total_capex: projection.total_capex,
            }),
        })
        .collect()
}

/// 1 + percent / 100, exactly.
fn factor(percent: i16) -> Decimal {
    Decimal::new(i64::from(percent) + 100, 2)
}

/// `value × factor`; a product beyond the type is left at the type's
/// maximum, which validation then refuses as above the ceiling.
fn scaled(value: Decimal, factor: Decimal) -> Decimal {
    value.checked_mul(factor).unwrap_or(Decimal::MAX)
}

fn delay(inputs: &mut ProjectionInputs) {
    let years = inputs.years;
    let later = |first_year: u16| first_year.checked_add(1).filter(|year| *year < years);
    inputs
        .revenues
        .retain_mut(|stream| match later(stream.first_year) {
            Some(year) => {
                stream.first_year = year;
                true
            }
            None => false,
        });
    inputs.opex.retain_mut(|line| match later(line.first_year) {
        Some(year) => {
            line.first_year = year;
            true
        }
        None => false,
    });
    if let Some(economic) = &mut inputs.economic {
        economic.units.insert(0, Decimal::ZERO);
        economic.units.truncate(usize::from(years));
    }
}
