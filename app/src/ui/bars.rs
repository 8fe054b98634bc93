//! Bar lengths for the projector's charts: required, secured and pledged on
//! one scale, so bars of different charts' rows compare by eye.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Each row's (required, secured, pledged) as lengths out of `width`, the
/// longest of (required, secured + pledged) over all rows filling it. An
/// amount past the arithmetic's range reads as the longest, never a panic.
pub fn scaled(rows: &[(Option<Decimal>, Decimal, Decimal)], width: f64) -> Vec<(f64, f64, f64)> {
    let longest = rows
        .iter()
        .map(|(required, secured, pledged)| {
            required
                .unwrap_or_default()
                .max(secured.checked_add(*pledged).unwrap_or(Decimal::MAX))
        })
        .max()
        .unwrap_or_default();
    let scale = |v: Decimal| match longest > Decimal::ZERO {
        true => {
            v.checked_div(longest)
                .and_then(|share| share.to_f64())
                .unwrap_or(0.0)
                .clamp(0.0, 1.0)
                * width
        }
        false => 0.0,
    };
    rows.iter()
        .map(|(required, secured, pledged)| {
            (
                scale(required.unwrap_or_default()),
                scale(*secured),
                scale(*pledged),
            )
        })
        .collect()
}
