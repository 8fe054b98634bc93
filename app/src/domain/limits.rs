//! Ceilings on the amounts and rates a workshop accepts, and the checked
//! arithmetic every figure is computed with (see docs/LIMITS.md).
//!
//! `rust_decimal` holds at most 79,228,162,514,264,337,593,543,950,335
//! (about 7.9 × 10^28), and its operators panic beyond it. One amount near
//! that, accepted once, made every page that sums money panic, and the log
//! is append-only. So new input is refused above the ceilings below, and
//! every sum, product and share is computed checked, so that a value an old
//! log still carries can never make a page fail.
//!
//! Why the ceilings are where they are: an amount is at most 10^15 units of
//! its currency (a thousand trillion: far above any real programme, even in
//! a currency of small units, and far below overflow) and a rate at most
//! 10^7 reporting units per unit (above any real pair, such as Kuwaiti dinar
//! to Iranian rial, about 3.4 × 10^6), so one converted amount is at most
//! 10^22. Sums are carried up to [`TOTAL_CEILING`] = 10^28: a million
//! converted amounts, each at the ceiling, still sum exactly (10^6 × 10^22 =
//! 10^28; the type itself would hold nearly eight million), and two totals
//! at the ceiling still add up (2 × 10^28 < 7.9 × 10^28), as the screen does
//! for guarantees and in-kind.
//!
//! The policy for a value beyond a ceiling that an old log carries (it was
//! accepted before the ceilings existed): it is left out of every figure
//! and counted as out of range, the way a commitment without a rate is
//! counted as unconverted; the register still lists it, without a converted
//! amount. A sum that would pass [`TOTAL_CEILING`] stops there and is
//! reported as out of range (`Sum::out_of_range`), never computed further.

use super::money::Money;
use rust_decimal::Decimal;
use validator::ValidationError;

/// The largest single amount: a commitment, a component's yearly cost, the
/// funding target. 10^15 units of any currency.
pub const AMOUNT_CEILING: Decimal = Decimal::from_parts(0xa4c6_8000, 0x0003_8d7e, 0, false, 0);

/// The largest exchange rate: 10^7 reporting units for one unit.
pub const RATE_CEILING: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);

/// The smallest exchange rate: 10^-7 reporting units for one unit (below
/// any real pair, such as Iranian rial to Kuwaiti dinar, about 3 × 10^-7).
/// A smaller rate cannot overflow anything; it is refused as a typing slip.
pub const RATE_FLOOR: Decimal = Decimal::from_parts(1, 0, 0, false, 7);

/// The most decimals a rate may be given with: enough to state a rate at
/// the floor with five significant digits.
pub const RATE_DECIMALS: u32 = 12;

/// The highest interest rate a loan may state, in percent a year: above
/// any concessional or market rate in the field (a typing slip otherwise).
pub const INTEREST_RATE_CEILING_PERCENT: Decimal = Decimal::from_parts(30, 0, 0, false, 0);

/// The most decimals an interest rate may be given with (2.1875 %).
pub const INTEREST_RATE_DECIMALS: u32 = 4;

/// The longest tenor a loan may state, in years (IDA's longest credits run
/// 50 years).
pub const TENOR_YEARS_CEILING: u16 = 50;

/// The largest value a sum is carried to: 10^28, under the type's maximum
/// of about 7.9 × 10^28, so that two such totals still add up.
pub const TOTAL_CEILING: Decimal = Decimal::from_parts(0x1000_0000, 0x3e25_0261, 0x204f_ce5e, false, 0);

/// Whether a stored amount is within the amount ceiling (and not negative).
pub fn amount_in_range(amount: Decimal) -> bool {
    amount >= Decimal::ZERO && amount <= AMOUNT_CEILING
}

/// Whether a stored rate is within the rate ceilings.
pub fn rate_in_range(rate: Decimal) -> bool {
    rate >= RATE_FLOOR && rate <= RATE_CEILING
}

/// An amount in the reporting currency at `per_unit`, or `None` when the
/// amount or the rate is beyond its ceiling (a value from an old log). The
/// result is then at most 10^22, so sums of millions of them cannot
/// overflow.
pub fn convert(amount: Decimal, per_unit: Decimal) -> Option<Decimal> {
    if !amount_in_range(amount) || per_unit > RATE_CEILING || per_unit < Decimal::ZERO {
        return None;
    }
    amount.checked_mul(per_unit)
}

/// A running total that stops at [`TOTAL_CEILING`] instead of panicking.
/// Once a term would carry it past the ceiling it is out of range: its
/// value is no longer a total and is not reported as one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sum {
    value: Decimal,
    out_of_range: bool,
}

impl Sum {
    pub fn add(&mut self, term: Decimal) {
        if self.out_of_range {
            return;
        }
        match self.value.checked_add(term) {
            Some(value) if value.abs() <= TOTAL_CEILING => self.value = value,
            _ => self.out_of_range = true,
        }
    }

    /// The total, or `None` once it has left the range.
    pub fn value(&self) -> Option<Decimal> {
        (!self.out_of_range).then_some(self.value)
    }

    pub fn out_of_range(&self) -> bool {
        self.out_of_range
    }
}

impl FromIterator<Decimal> for Sum {
    fn from_iter<I: IntoIterator<Item = Decimal>>(terms: I) -> Self {
        let mut sum = Sum::default();
        terms.into_iter().for_each(|term| sum.add(term));
        sum
    }
}

/// The sum of `terms`, or `None` if it would pass [`TOTAL_CEILING`].
pub fn checked_sum(terms: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    terms.into_iter().collect::<Sum>().value()
}

/// `part` as a whole percentage of `whole`, clamped to 0..=100; 0 when there
/// is no whole yet. Divides before multiplying, checked, so that no share
/// of in-range totals can overflow; a share too large to compute is 100.
pub fn percent(part: Decimal, whole: Decimal) -> u8 {
    if whole <= Decimal::ZERO || part <= Decimal::ZERO {
        return 0;
    }
    let share = part
        .checked_div(whole)
        .and_then(|ratio| ratio.checked_mul(Decimal::ONE_HUNDRED))
        .map_or(Decimal::ONE_HUNDRED, |share| share.round());
    share
        .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED)
        .try_into()
        .unwrap_or(0)
}

/// Validator rule: not above the amount ceiling.
pub fn amount_within_ceiling(amount: &Decimal) -> Result<(), ValidationError> {
    (*amount <= AMOUNT_CEILING)
        .then_some(())
        .ok_or_else(|| ValidationError::new("amount_too_large"))
}

/// Validator rule for money: its amount not above the ceiling.
pub fn money_within_ceiling(money: &Money) -> Result<(), ValidationError> {
    amount_within_ceiling(&money.amount)
}

/// Validator rule for an exchange rate: more than zero, within the floor
/// and the ceiling, with at most [`RATE_DECIMALS`] decimals.
pub fn valid_rate(rate: &Decimal) -> Result<(), ValidationError> {
    if *rate <= Decimal::ZERO {
        return Err(ValidationError::new("positive"));
    }
    if !rate_in_range(*rate) {
        return Err(ValidationError::new("rate_out_of_range"));
    }
    if rate.normalize().scale() > RATE_DECIMALS {
        return Err(ValidationError::new("rate_too_precise"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_ceilings_are_the_documented_numbers() {
        assert_eq!(AMOUNT_CEILING, dec!(1_000_000_000_000_000));
        assert_eq!(RATE_CEILING, dec!(10_000_000));
        assert_eq!(RATE_FLOOR, dec!(0.0000001));
        assert_eq!(TOTAL_CEILING, dec!(10_000_000_000_000_000_000_000_000_000));
        // The largest converted amount, and why sums of millions of them fit.
        let largest = AMOUNT_CEILING * RATE_CEILING;
        assert_eq!(largest, dec!(10_000_000_000_000_000_000_000));
        assert_eq!(
            checked_sum(std::iter::repeat_n(largest, 1_000_000)),
            Some(TOTAL_CEILING)
        );
        assert!(TOTAL_CEILING.checked_add(TOTAL_CEILING).is_some());
    }

    #[test]
    fn amounts_at_the_ceiling_pass_and_one_unit_more_does_not() {
        assert!(amount_within_ceiling(&AMOUNT_CEILING).is_ok());
        let above = AMOUNT_CEILING + dec!(0.01);
        assert_eq!(
            amount_within_ceiling(&above).unwrap_err().code,
            "amount_too_large"
        );
    }

    #[test]
    fn rates_are_refused_outside_floor_ceiling_and_decimals() {
        assert!(valid_rate(&RATE_CEILING).is_ok());
        assert!(valid_rate(&RATE_FLOOR).is_ok());
        assert!(valid_rate(&dec!(0.000012345678)).is_ok());
        let code = |rate: Decimal| valid_rate(&rate).unwrap_err().code.to_string();
        assert_eq!(code(dec!(0)), "positive");
        assert_eq!(code(dec!(-1)), "positive");
        assert_eq!(code(RATE_CEILING + dec!(0.000001)), "rate_out_of_range");
        assert_eq!(code(dec!(0.00000009)), "rate_out_of_range");
        assert_eq!(code(dec!(1.0000000000001)), "rate_too_precise");
        // Trailing zeros are not precision.
        assert!(valid_rate(&dec!(1.50000000000000)).is_ok());
    }

    #[test]
    fn stored_values_beyond_the_ceilings_do_not_convert() {
        assert_eq!(convert(dec!(100), dec!(1.5)), Some(dec!(150)));
        assert_eq!(convert(Decimal::MAX, Decimal::ONE), None);
        assert_eq!(convert(dec!(1), Decimal::MAX), None);
        assert_eq!(
            convert(AMOUNT_CEILING, RATE_CEILING),
            Some(AMOUNT_CEILING * RATE_CEILING)
        );
    }

    #[test]
    fn a_sum_that_would_pass_the_ceiling_is_out_of_range_not_a_panic() {
        let mut sum = Sum::default();
        sum.add(TOTAL_CEILING);
        assert_eq!(sum.value(), Some(TOTAL_CEILING));
        sum.add(dec!(1));
        assert!(sum.out_of_range());
        assert_eq!(sum.value(), None);
        sum.add(dec!(-5));
        assert_eq!(sum.value(), None, "once out of range, it stays so");
        assert_eq!(checked_sum([Decimal::MAX, Decimal::MAX]), None);
        assert_eq!(checked_sum([dec!(1), dec!(2)]), Some(dec!(3)));
    }

    #[test]
    fn percent_is_clamped_and_never_overflows() {
        assert_eq!(percent(dec!(1), dec!(0)), 0);
        assert_eq!(percent(dec!(1), dec!(3)), 33);
        assert_eq!(percent(dec!(2), dec!(3)), 67);
        assert_eq!(percent(dec!(5), dec!(3)), 100);
        assert_eq!(percent(Decimal::MAX, dec!(0.0001)), 100);
        assert_eq!(percent(Decimal::MAX, Decimal::MAX), 100);
        assert_eq!(percent(dec!(1), Decimal::MAX), 0);
    }
}
