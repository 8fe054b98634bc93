//! NPV, IRR, MIRR and payback over yearly cash flows, in `Decimal` with
//! checked arithmetic. Flows are indexed by model year; year 0 is not
//! discounted: NPV = CF0 + CF1 / (1 + r) + … + CFn / (1 + r)^n. (A
//! spreadsheet's `NPV(r; values)` discounts its first value too, so the same
//! figure there is `CF0 + NPV(r; CF1:CFn)`.)
//!
//! Powers of (1 + r) are never raised directly: each discount factor is the
//! previous one divided by (1 + r), checked, so 50 years at any rate the
//! model accepts either fit or give `None`, never a panic.

use super::round::round_ratio;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The low end of the IRR search: -99 %.
pub const IRR_SEARCH_LOW: Decimal = Decimal::from_parts(99, 0, 0, true, 2);

/// The high end of the IRR search: 10,000 %.
pub const IRR_SEARCH_HIGH: Decimal = Decimal::ONE_HUNDRED;

/// The IRR search stops when its bracket is narrower than this: 10^-10.
pub const IRR_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 10);

/// The internal rate of return of a series of flows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Irr {
    /// The flows never change sign (all costs, or all income): no rate
    /// makes their NPV zero.
    NoSignChange,
    /// One sign change: exactly one rate makes the NPV zero. `mirr` is the
    /// MIRR at the discount rate, for comparison.
    Unique { rate: Decimal, mirr: Option<Decimal> },
    /// More than one sign change: there may be several rates (or none) that
    /// make the NPV zero, so none is shown as the IRR; the MIRR is.
    NotUnique { mirr: Option<Decimal> },
    /// One sign change, but the rate is below `bound`, [`IRR_SEARCH_LOW`].
    Below { bound: Decimal },
    /// One sign change, but the rate is above `bound`, [`IRR_SEARCH_HIGH`].
    Above { bound: Decimal },
}

/// The NPV of `flows` at `rate`, year 0 undiscounted, at full precision;
/// `None` when the rate is -100 % or below, or a term or the sum leaves the
/// decimal range.
pub fn npv(rate: Decimal, flows: &[Decimal]) -> Option<Decimal> {
    let growth = Decimal::ONE.checked_add(rate)?;
    if growth <= Decimal::ZERO {
        return None;
    }
    let mut factor = Decimal::ONE;
    let mut total = Decimal::ZERO;
    for flow in flows {
        total = total.checked_add(flow.checked_mul(factor)?)?;
        factor = factor.checked_div(growth)?;
    }
    Some(total)
}

/// How many times the flows change sign, zeros skipped.
pub fn sign_changes(flows: &[Decimal]) -> usize {
    let signs = flows
        .iter()
        .filter(|flow| !flow.is_zero())
        .map(|flow| flow.is_sign_negative());
    let signs: Vec<bool> = signs.collect();
    signs.windows(2).filter(|pair| pair[0] != pair[1]).count()
}

/// The IRR of `flows`, with the MIRR at `mirr_rate` (both the finance and
/// the reinvestment rate).
///
/// Method: bisection on the sign of the NPV over [`IRR_SEARCH_LOW`,
/// `IRR_SEARCH_HIGH`], stopping when the bracket is narrower than
/// [`IRR_TOLERANCE`] (10^-10, so the rate is right to about 10^-10 before it
/// is rounded to [`super::RATIO_DECIMALS`]) or the NPV at the midpoint is exactly
/// zero; at most about 40 halvings. With exactly one sign change the NPV has
/// exactly one root above -100 % (Descartes' rule of signs in 1/(1 + r)),
/// so the bracket holds it or it lies beyond one end ([`Irr::Below`],
/// [`Irr::Above`]). The flows are first divided by the largest of them, and
/// below 0 % the NPV is evaluated as its value at the last year (times
/// (1 + r)^n, which keeps its sign), so no evaluation can overflow.
///
/// `None` only if the arithmetic fails, which the scaling rules out.
pub fn irr(flows: &[Decimal], mirr_rate: Decimal) -> Option<Irr> {
    let changes = sign_changes(flows);
    if changes == 0 {
        return Some(Irr::NoSignChange);
    }
    let mirr = mirr(flows, mirr_rate, mirr_rate);
    if changes > 1 {
        return Some(Irr::NotUnique { mirr });
    }
    let scaled = scaled(flows)?;
    let (mut low, mut high) = (IRR_SEARCH_LOW, IRR_SEARCH_HIGH);
    let at_low = npv_sign_safe(&scaled, low)?;
    let at_high = npv_sign_safe(&scaled, high)?;
    if at_low.is_zero() {
        return Some(Irr::Unique { rate: low, mirr });
    }
    if at_high.is_zero() {
        return Some(Irr::Unique { rate: high, mirr });
    }
    let low_negative = at_low.is_sign_negative();
    if low_negative == at_high.is_sign_negative() {
        // Near -100 % the NPV takes the sign of the last flow, for large
        // rates that of the first: the one root is on the side whose sign
        // the search has not yet reached.
        let last_negative = scaled
            .iter()
            .rev()
            .find(|flow| !flow.is_zero())?
            .is_sign_negative();
        return Some(if low_negative == last_negative {
            Irr::Above {
                bound: IRR_SEARCH_HIGH,
            }
        } else {
            Irr::Below {
                bound: IRR_SEARCH_LOW,
            }
        });
    }
    while high.checked_sub(low)? > IRR_TOLERANCE {
        let mid = low.checked_add(high.checked_sub(low)?.checked_div(Decimal::TWO)?)?;
        let at_mid = npv_sign_safe(&scaled, mid)?;
        if at_mid.is_zero() {
            return Some(Irr::Unique {
                rate: round_ratio(mid),
                mirr,
            });
        }
        if at_mid.is_sign_negative() == low_negative {
            low = mid;
        } else {
            high = mid;
        }
    }
    let rate = low.checked_add(high.checked_sub(low)?.checked_div(Decimal::TWO)?)?;
    Some(Irr::Unique {
        rate: round_ratio(rate),
        mirr,
    })
}

/// The flows divided by the largest of them, so each is within -1..=1.
fn scaled(flows: &[Decimal]) -> Option<Vec<Decimal>> {
    let largest = flows.iter().map(|flow| flow.abs()).max()?;
    if largest.is_zero() {
        return None;
    }
    flows.iter().map(|flow| flow.checked_div(largest)).collect()
}

/// A value with the sign of the NPV at `rate`, for flows within -1..=1:
/// the NPV itself from 0 % up (every factor at most 1), below 0 % the NPV
/// times (1 + r)^n, that is each flow carried forward to the last year
/// (every factor again at most 1). So the sum is at most the number of flows.
fn npv_sign_safe(scaled: &[Decimal], rate: Decimal) -> Option<Decimal> {
    if !rate.is_sign_negative() {
        return npv(rate, scaled);
    }
    let growth = Decimal::ONE.checked_add(rate)?;
    let mut factor = Decimal::ONE;
    let mut total = Decimal::ZERO;
    for flow in scaled.iter().rev() {
        total = total.checked_add(flow.checked_mul(factor)?)?;
        factor = factor.checked_mul(growth)?;
    }
    Some(total)
}

/// The modified IRR, as a spreadsheet's `MIRR(values; finance; reinvest)`:
/// the negative flows discounted to year 0 at `finance_rate`, the positive
/// ones carried to the last year at `reinvest_rate`, and the rate that
/// grows the one into the other over n - 1 years:
/// `(FV(positives) / -PV(negatives))^(1/(n-1)) - 1`.
///
/// `None` without at least one negative and one positive flow, or when the
/// figures leave the decimal range.
pub fn mirr(flows: &[Decimal], finance_rate: Decimal, reinvest_rate: Decimal) -> Option<Decimal> {
    let periods = u32::try_from(flows.len().checked_sub(1)?).ok()?;
    let scaled = scaled(flows)?;
    let negatives: Vec<Decimal> = scaled
        .iter()
        .map(|flow| flow.min(&Decimal::ZERO))
        .copied()
        .collect();
    let present = npv(finance_rate, &negatives)?;
    let growth = Decimal::ONE.checked_add(reinvest_rate)?;
    let mut factor = Decimal::ONE;
    let mut future = Decimal::ZERO;
    for flow in scaled.iter().rev() {
        if flow.is_sign_positive() {
            future = future.checked_add(flow.checked_mul(factor)?)?;
        }
        factor = factor.checked_mul(growth)?;
    }
    if periods == 0 || present >= Decimal::ZERO || future <= Decimal::ZERO {
        return None;
    }
    let ratio = future.checked_div(-present)?;
    Some(round_ratio(nth_root(ratio, periods)?.checked_sub(Decimal::ONE)?))
}

/// The positive `n`-th root of a positive `value`, by bisection between 1
/// and `value` (the root lies between them), to 10^-16 relative, or until
/// the midpoint can no longer move.
fn nth_root(value: Decimal, n: u32) -> Option<Decimal> {
    if n == 1 {
        return Some(value);
    }
    let (mut low, mut high) = (value.min(Decimal::ONE), value.max(Decimal::ONE));
    let relative = Decimal::from_parts(1, 0, 0, false, 16);
    for _ in 0..400 {
        let width = high.checked_sub(low)?;
        if width <= relative.checked_mul(low.max(Decimal::ONE))? {
            break;
        }
        let mid = low.checked_add(width.checked_div(Decimal::TWO)?)?;
        if mid == low || mid == high {
            break;
        }
        // A power too large for the type is certainly above `value`.
        match power(mid, n) {
            Some(raised) if raised <= value => low = mid,
            _ => high = mid,
        }
    }
    low.checked_add(high.checked_sub(low)?.checked_div(Decimal::TWO)?)
}

fn power(base: Decimal, n: u32) -> Option<Decimal> {
    (0..n).try_fold(Decimal::ONE, |raised, _| raised.checked_mul(base))
}

/// The first year whose cumulative net is zero or more after it has been
/// negative; `None` if it never was negative, or never recovers within the
/// term. (A later dip, say for an ICT refresh, does not move it.)
pub fn payback_year(cumulative: &[Decimal]) -> Option<u16> {
    let mut been_negative = false;
    for (year, value) in cumulative.iter().enumerate() {
        if value.is_sign_negative() && !value.is_zero() {
            been_negative = true;
        } else if been_negative {
            return u16::try_from(year).ok();
        }
    }
    None
}
