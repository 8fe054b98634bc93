//! Stage 3's financial arithmetic, pure: from a business model's inputs by
//! model year to the yearly table, NPV, IRR, MIRR, payback, debt service and
//! DSCR, the viability gap, the economic NPV, and the sensitivity cases.
//! Every figure is a `Decimal` computed with checked arithmetic; whatever
//! the inputs, [`project`] gives a projection or a [`FinanceError`], never a
//! panic. Rates are fractions (0.08 for 8 %); percentages are for display.
//!
//! The modules: `inputs.rs` (what a projection is made from, and its
//! bounds), `projection.rs` (the table and its figures), `round.rs` (how a
//! figure is rounded), `rates.rs` (NPV, IRR, MIRR, payback), `debt.rs`
//! (loan schedules, debt service, DSCR), `economic.rs`, `sensitivity.rs`,
//! `error.rs`; `tests/` holds the tests and the spreadsheet they were
//! checked against.

mod debt;
mod economic;
mod error;
mod inputs;
mod projection;
mod rates;
mod round;
mod sensitivity;

#[cfg(test)]
mod tests;

pub use debt::{annuity_payment, schedule, DscrSummary, LoanYear};
pub use economic::{economic_npv, yearly_benefits};
pub use error::{Allowed, Field, Figure, FinanceError};
pub use inputs::{
    EconomicInput, LoanInput, OpexInput, ProjectionInputs, RefreshInput, RevenueInput, MAX_YEARS, RATE_MAX,
    RATE_MIN,
};
pub use projection::{project, Projection, YearRow};
pub use rates::{
    irr, mirr, npv, payback_year, sign_changes, Irr, IRR_SEARCH_HIGH, IRR_SEARCH_LOW, IRR_TOLERANCE,
};
pub use round::{MONEY_DECIMALS, RATIO_DECIMALS};
pub use sensitivity::{sensitivity, Scenario, ScenarioFigures, ScenarioResult};
