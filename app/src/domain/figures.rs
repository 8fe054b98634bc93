//! How a figure reads on every page: an amount with its currency, and the
//! exchange rates a total was converted with, written one way everywhere.

use crate::domain::model::ExchangeRate;
use crate::domain::money::{format_amount, Currency};
use rust_decimal::Decimal;

/// An amount with its currency's code before it: `EUR 1,234.50`.
pub fn amount_in(currency: Currency, value: Decimal) -> String {
    format!("{currency} {}", format_amount(value, currency))
}

/// The rates a total into `reporting` used, for a note under it:
/// `USD 0.92 (2025-03-01, ECB) · GBP 1.17 (2025-03-01, ECB)`. A rate of the
/// reporting currency itself converts nothing and is left out; `None` when
/// no rate is left.
pub fn rates_used(rates: &[ExchangeRate], reporting: Currency) -> Option<String> {
    let used: Vec<String> = rates
        .iter()
        .filter(|r| r.currency != reporting)
        .map(|r| format!("{} {} ({}, {})", r.currency, r.per_unit, r.as_of, r.source))
        .collect();
    (!used.is_empty()).then(|| used.join(" · "))
}

/// The same rates, for a projector with one line to spare: the rates of
/// one day and source together, named once: `USD 0.92 · GBP 1.17
/// (2025-03-01, ECB); JPY 0.0061 (2025-02-01, BoJ)`.
pub fn rates_used_briefly(rates: &[ExchangeRate], reporting: Currency) -> Option<String> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for rate in rates.iter().filter(|r| r.currency != reporting) {
        let whence = format!("({}, {})", rate.as_of, rate.source);
        let shown = format!("{} {}", rate.currency, rate.per_unit);
        match groups.iter_mut().find(|(w, _)| *w == whence) {
            Some((_, same)) => same.push(shown),
            None => groups.push((whence, vec![shown])),
        }
    }
    let groups: Vec<String> = groups
        .into_iter()
        .map(|(whence, same)| format!("{} {whence}", same.join(" · ")))
        .collect();
    (!groups.is_empty()).then(|| groups.join("; "))
}

/// One rate as the facilitator set it: `1 USD = 0.92 EUR · 2025-03-01 · ECB`.
pub fn rate_set(rate: &ExchangeRate, reporting: Currency) -> String {
    format!(
        "1 {} = {} {} · {} · {}",
        rate.currency.code(),
        rate.per_unit,
        reporting.code(),
        rate.as_of,
        rate.source
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn currency(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    fn rate(code: &str, per_unit: Decimal) -> ExchangeRate {
        ExchangeRate {
            currency: currency(code),
            per_unit,
            as_of: chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            source: "ECB".into(),
        }
    }

    #[test]
    fn an_amount_reads_with_its_currency_rounded_to_its_minor_units() {
        assert_eq!(amount_in(currency("EUR"), dec!(1234567.5)), "EUR 1,234,567.50");
        assert_eq!(amount_in(currency("JPY"), dec!(1234.4)), "JPY 1,234");
    }

    #[test]
    fn the_rates_used_leave_out_the_reporting_currency() {
        let rates = [
            rate("USD", dec!(0.92)),
            rate("EUR", dec!(1)),
            rate("GBP", dec!(1.17)),
        ];
        assert_eq!(
            rates_used(&rates, currency("EUR")).as_deref(),
            Some("USD 0.92 (2025-03-01, ECB) · GBP 1.17 (2025-03-01, ECB)")
        );
        assert_eq!(rates_used(&rates[1..2], currency("EUR")), None);
        assert_eq!(rates_used(&[], currency("EUR")), None);
        let mut other = rate("JPY", dec!(0.0061));
        other.as_of = chrono::NaiveDate::from_ymd_opt(2025, 2, 1).unwrap();
        let rates = [rates[0].clone(), other, rates[1].clone(), rates[2].clone()];
        assert_eq!(
            rates_used_briefly(&rates, currency("EUR")).as_deref(),
            Some("USD 0.92 · GBP 1.17 (2025-03-01, ECB); JPY 0.0061 (2025-02-01, ECB)")
        );
        assert_eq!(rates_used_briefly(&rates[2..3], currency("EUR")), None);
    }

    #[test]
    fn a_rate_set_reads_as_a_conversion() {
        assert_eq!(
            rate_set(&rate("USD", dec!(0.92)), currency("EUR")),
            "1 USD = 0.92 EUR · 2025-03-01 · ECB"
        );
    }
}
