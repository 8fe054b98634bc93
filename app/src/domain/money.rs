//! Exact money: an amount in rust_decimal and an ISO 4217 currency.
//!
//! Amounts are never floats. There is one rounding rule
//! ([`round_to_minor_unit`]), applied to each amount converted into the
//! reporting currency and to what is displayed; totals are sums of the
//! rounded lines, so every table adds up to its total to the cent.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An ISO 4217 currency, serialised as its three-letter code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(iso_currency::Currency);

impl Currency {
    pub fn parse(code: &str) -> Result<Self, MoneyError> {
        let code = code.trim().to_ascii_uppercase();
        iso_currency::Currency::from_code(&code)
            .map(Currency)
            .ok_or(MoneyError::UnknownCurrency(code))
    }

    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The currency's own number of decimals (JPY 0, USD 2, KWD 3). Codes
    /// without minor units (gold, SDR) are treated as having none.
    pub fn minor_units(&self) -> u32 {
        self.0.exponent().map(u32::from).unwrap_or(0)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Currency::parse(&value)
    }
}

impl From<Currency> for String {
    fn from(value: Currency) -> Self {
        value.code().to_string()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum MoneyError {
    #[error("unknown currency code {0}")]
    UnknownCurrency(String),
    #[error("not a number: {0}")]
    Malformed(String),
    #[error("amount must not be negative")]
    Negative,
    #[error("{currency} allows at most {allowed} decimals")]
    TooManyDecimals { currency: String, allowed: u32 },
}

/// A non-negative amount in one currency, with no more decimals than the
/// currency has. Deserialising checks the same rules as [`Money::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "UncheckedMoney")]
pub struct Money {
    pub amount: Decimal,
    pub currency: Currency,
}

#[derive(Deserialize)]
struct UncheckedMoney {
    amount: Decimal,
    currency: Currency,
}

impl TryFrom<UncheckedMoney> for Money {
    type Error = MoneyError;
    fn try_from(value: UncheckedMoney) -> Result<Self, Self::Error> {
        Money::new(value.amount, value.currency)
    }
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Result<Self, MoneyError> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(MoneyError::Negative);
        }
        let allowed = currency.minor_units();
        if amount.normalize().scale() > allowed {
            return Err(MoneyError::TooManyDecimals {
                currency: currency.code().to_string(),
                allowed,
            });
        }
        Ok(Money { amount, currency })
    }

    /// Parses what a person typed: digits with an optional decimal point;
    /// spaces, underscores and thousands commas are ignored.
    pub fn parse(amount: &str, currency: &str) -> Result<Self, MoneyError> {
        let currency = Currency::parse(currency)?;
        let cleaned = without_grouping(amount);
        let valid_shape = !cleaned.is_empty()
            && cleaned
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
            && cleaned.matches('.').count() <= 1;
        if !valid_shape {
            return Err(MoneyError::Malformed(amount.trim().to_string()));
        }
        let value =
            Decimal::from_str(&cleaned).map_err(|_| MoneyError::Malformed(amount.trim().to_string()))?;
        Money::new(value, currency)
    }

    pub fn display(&self) -> String {
        format!("{} {}", self.currency, format_amount(self.amount, self.currency))
    }
}

/// An amount as a person typed it, without the spaces, underscores and
/// thousands commas they grouped its digits with.
pub fn without_grouping(typed: &str) -> String {
    typed
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect()
}

/// The one rounding rule: to the currency's minor units, halves away from
/// zero (the rule people expect from a receipt).
pub fn round_to_minor_unit(amount: Decimal, currency: Currency) -> Decimal {
    amount.round_dp_with_strategy(currency.minor_units(), RoundingStrategy::MidpointAwayFromZero)
}

/// Rounded for display, with thousands separators: `1,234,567.50`.
pub fn format_amount(amount: Decimal, currency: Currency) -> String {
    let rounded = round_to_minor_unit(amount, currency);
    let dp = currency.minor_units() as usize;
    let text = format!("{:.*}", dp, rounded.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    #[test]
    fn parses_codes_case_insensitively_and_knows_minor_units() {
        assert_eq!(Currency::parse("jpy").unwrap().minor_units(), 0);
        assert_eq!(Currency::parse("USD").unwrap().minor_units(), 2);
        assert_eq!(Currency::parse("KWD").unwrap().minor_units(), 3);
        assert_eq!(
            Currency::parse("XYZ"),
            Err(MoneyError::UnknownCurrency("XYZ".into()))
        );
    }

    #[test]
    fn refuses_negative_malformed_and_over_precise_amounts() {
        assert_eq!(Money::parse("-5", "USD"), Err(MoneyError::Negative));
        assert!(matches!(
            Money::parse("12abc", "USD"),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(
            Money::parse("1.2.3", "USD"),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(Money::parse("", "USD"), Err(MoneyError::Malformed(_))));
        assert_eq!(
            Money::parse("10.5", "JPY"),
            Err(MoneyError::TooManyDecimals {
                currency: "JPY".into(),
                allowed: 0
            })
        );
        assert_eq!(
            Money::parse("1,250,000.50", "USD").unwrap().amount,
            dec!(1250000.50)
        );
        // Trailing zeros beyond the minor units are not extra precision.
        assert!(Money::parse("10.500", "USD").is_ok());
    }

    #[test]
    fn display_rounds_half_away_from_zero_and_groups_thousands() {
        assert_eq!(format_amount(dec!(1234567.005), usd()), "1,234,567.01");
        assert_eq!(format_amount(dec!(0.004), usd()), "0.00");
        assert_eq!(format_amount(dec!(999), Currency::parse("JPY").unwrap()), "999");
        assert_eq!(
            format_amount(dec!(1000.5), Currency::parse("JPY").unwrap()),
            "1,001"
        );
        assert_eq!(
            Money::parse("2500000", "EUR").unwrap().display(),
            "EUR 2,500,000.00"
        );
    }

    #[test]
    fn serialises_as_code_and_decimal_string() {
        let money = Money::parse("10.25", "usd").unwrap();
        let json = serde_json::to_string(&money).unwrap();
        assert_eq!(json, r#"{"amount":"10.25","currency":"USD"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), money);
        assert!(serde_json::from_str::<Currency>(r#""ABC""#).is_err());
    }

    proptest! {
        #[test]
        fn any_valid_cents_amount_round_trips_through_text(cents in 0u64..10_000_000_000_000) {
            let amount = Decimal::new(cents as i64, 2);
            let parsed = Money::parse(&amount.to_string(), "USD").unwrap();
            prop_assert_eq!(parsed.amount, amount);
            let shown = format_amount(amount, usd()).replace(',', "");
            prop_assert_eq!(Decimal::from_str(&shown).unwrap(), amount);
        }

        #[test]
        fn display_rounding_moves_at_most_half_a_minor_unit(units in 0i64..1_000_000_000, scale in 0u32..8) {
            let amount = Decimal::new(units, scale);
            let rounded = round_to_minor_unit(amount, usd());
            prop_assert!((rounded - amount).abs() <= dec!(0.005));
        }
    }
}
