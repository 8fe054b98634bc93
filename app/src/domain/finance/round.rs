//! How a computed figure is reported: money to the cent, rates and ratios
//! to [`RATIO_DECIMALS`], halves away from zero (the rule of every amount in
//! the application, and of a spreadsheet's `ROUND`), each figure once, at
//! its end.

use super::error::{Figure, FinanceError};
use crate::domain::limits::TOTAL_CEILING;
use rust_decimal::{Decimal, RoundingStrategy};

/// The decimals every money figure is rounded to: the cent.
pub const MONEY_DECIMALS: u32 = 2;

/// The decimals a computed rate or ratio (IRR, MIRR, DSCR) is given with,
/// as a fraction: 8, that is a millionth of a percentage point.
pub const RATIO_DECIMALS: u32 = 8;

/// A money figure as reported: to the cent, and within [`TOTAL_CEILING`];
/// `value` is `None` when computing it overflowed.
pub fn money_figure(
    value: Option<Decimal>,
    figure: Figure,
    year: Option<u16>,
) -> Result<Decimal, FinanceError> {
    value
        .map(|value| value.round_dp_with_strategy(MONEY_DECIMALS, RoundingStrategy::MidpointAwayFromZero))
        .filter(|value| value.abs() <= TOTAL_CEILING)
        .ok_or_else(|| FinanceError::out_of_range(figure, year))
}

/// A rate or ratio as reported, to [`RATIO_DECIMALS`].
pub fn round_ratio(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(RATIO_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
}
