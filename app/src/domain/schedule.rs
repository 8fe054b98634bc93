//! A commitment's amount by year, and the financing plan laid out by year
//! against the design's costs by year.
//!
//! A schedule is optional; when given, its years are the commitment's
//! years of disbursement and its amounts (in the commitment's currency)
//! sum exactly to the whole. Converted, each year's share is the
//! commitment's converted amount split by the largest remainder, so the
//! years of every commitment add up to its converted amount to the cent
//! and the by-year table adds up to the totals.

use super::error::{FieldErrors, Problem};
use super::limits::{self, checked_sum};
use super::model::*;
use super::money::{without_grouping, Currency};
use super::state::WorkshopState;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The form field a schedule is typed in, and the key of its problems.
pub const FIELD: &str = "schedule";

/// What is wrong with `schedule` for an amount of `money`, if anything.
pub fn problem(schedule: &[YearAmount], money: &super::money::Money) -> Option<Problem> {
    if schedule.is_empty() {
        return None;
    }
    let decimals = money.currency.minor_units();
    let mut years: Vec<u16> = schedule.iter().map(|line| line.year).collect();
    years.sort_unstable();
    years.dedup();
    if years.len() != schedule.len() {
        return Some(Problem::DuplicateYear);
    }
    if years.iter().any(|y| !(2000..=2100).contains(y)) {
        return Some(Problem::YearRange);
    }
    let amounts_fit = schedule.iter().all(|line| {
        line.amount > Decimal::ZERO
            && limits::amount_in_range(line.amount)
            && line.amount.normalize().scale() <= decimals
    });
    if !amounts_fit || checked_sum(schedule.iter().map(|line| line.amount)) != Some(money.amount) {
        return Some(Problem::ScheduleSum);
    }
    None
}

/// A schedule as typed: one year a line (or separated by `;`), `2027:
/// 1,500,000`; blank for none. Sorted by year.
pub fn parse(text: &str, problems: &mut FieldErrors) -> Vec<YearAmount> {
    let mut lines = Vec::new();
    for part in text.split(['\n', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let parsed = part.split_once([':', '=']).and_then(|(year, amount)| {
            Some(YearAmount {
                year: year.trim().parse().ok()?,
                amount: without_grouping(amount).parse().ok()?,
            })
        });
        match parsed {
            Some(line) => lines.push(line),
            None => {
                problems.insert(FIELD.into(), Problem::ScheduleFormat);
                return Vec::new();
            }
        }
    }
    lines.sort_by_key(|line| line.year);
    lines
}

/// A schedule as its field shows it.
pub fn text(schedule: &[YearAmount]) -> String {
    schedule
        .iter()
        .map(|line| format!("{}: {}", line.year, line.amount))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `converted` split over `schedule`'s years in proportion to their
/// amounts, each share rounded down to the minor unit and the units left
/// over given to the largest remainders: the shares sum to `converted`.
pub fn split(
    schedule: &[YearAmount],
    whole: Decimal,
    converted: Decimal,
    reporting: Currency,
) -> Vec<(u16, Decimal)> {
    let unit = Decimal::new(1, reporting.minor_units());
    let exact: Vec<(u16, Decimal)> = schedule
        .iter()
        .map(|line| {
            let share = converted
                .checked_mul(line.amount)
                .and_then(|product| product.checked_div(whole))
                .unwrap_or_default();
            (line.year, share)
        })
        .collect();
    let mut shares: Vec<(u16, Decimal, Decimal)> = exact
        .iter()
        .map(|(year, share)| {
            let floor =
                share.round_dp_with_strategy(reporting.minor_units(), rust_decimal::RoundingStrategy::ToZero);
            (*year, floor, share - floor)
        })
        .collect();
    let given: Decimal = shares.iter().map(|(_, floor, _)| *floor).sum();
    let mut left = converted - given;
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|a, b| shares[*b].2.cmp(&shares[*a].2).then(a.cmp(b)));
    for index in order.into_iter().cycle().take(shares.len() * 2) {
        if left < unit {
            break;
        }
        shares[index].1 += unit;
        left -= unit;
    }
    shares.into_iter().map(|(year, share, _)| (year, share)).collect()
}

/// One year of the financing plan, in the reporting currency: what the
/// design's components cost that year, and the cash secured and pledged
/// for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearLine {
    pub year: u16,
    pub required: Decimal,
    pub secured: Decimal,
    pub pledged: Decimal,
}

/// The financing plan by year, and the cash that has no schedule yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByYear {
    pub years: Vec<YearLine>,
    pub unscheduled_secured: Decimal,
    pub unscheduled_pledged: Decimal,
}

/// The plan by year: component costs by year against scheduled cash
/// (withdrawn commitments and expressions of interest left out, like the
/// gap). Figures that cannot be computed within range are left at 0; the
/// dashboard reports that as out of range.
pub fn by_year(state: &WorkshopState) -> ByYear {
    let add = |to: &mut Decimal, amount: Decimal| *to = checked_sum([*to, amount]).unwrap_or(*to);
    let mut plan = ByYear::default();
    for component in &state.design.components {
        for cost in component
            .yearly_cost
            .iter()
            .filter(|c| limits::amount_in_range(c.amount.amount))
        {
            let entry = years_entry(&mut plan, cost.year);
            add(&mut entry.required, cost.amount.amount);
        }
    }
    let Some(reporting) = state.reporting_currency() else {
        return plan;
    };
    for commitment in state.commitments.values() {
        if commitment.instrument.kind() != ContributionKind::Cash {
            continue;
        }
        let Some(converted) = state.converted(commitment) else {
            continue;
        };
        let tier = commitment.status.tier();
        if !matches!(tier, Tier::Secured | Tier::Pledged) {
            continue;
        }
        if commitment.schedule.is_empty() {
            match tier {
                Tier::Secured => add(&mut plan.unscheduled_secured, converted),
                _ => add(&mut plan.unscheduled_pledged, converted),
            }
            continue;
        }
        for (year, share) in split(
            &commitment.schedule,
            commitment.money.amount,
            converted,
            reporting,
        ) {
            let entry = years_entry(&mut plan, year);
            match tier {
                Tier::Secured => add(&mut entry.secured, share),
                _ => add(&mut entry.pledged, share),
            }
        }
    }
    plan
}

fn years_entry(plan: &mut ByYear, year: u16) -> &mut YearLine {
    let index = match plan.years.binary_search_by_key(&year, |line| line.year) {
        Ok(index) => index,
        Err(index) => {
            plan.years.insert(
                index,
                YearLine {
                    year,
                    ..YearLine::default()
                },
            );
            index
        }
    };
    &mut plan.years[index]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn usd(amount: Decimal) -> Money {
        Money {
            amount,
            currency: Currency::parse("USD").unwrap(),
        }
    }

    fn years(lines: &[(u16, Decimal)]) -> Vec<YearAmount> {
        lines
            .iter()
            .map(|(year, amount)| YearAmount {
                year: *year,
                amount: *amount,
            })
            .collect()
    }

    #[test]
    fn a_schedule_sums_exactly_to_the_amount_once_a_year() {
        let whole = usd(dec!(2500000));
        assert_eq!(problem(&[], &whole), None);
        assert_eq!(
            problem(&years(&[(2027, dec!(1500000)), (2028, dec!(1000000))]), &whole),
            None
        );
        let cases = [
            (
                years(&[(2027, dec!(1500000)), (2028, dec!(999999.99))]),
                Problem::ScheduleSum,
            ),
            (
                years(&[(2027, dec!(2500000)), (2028, dec!(0))]),
                Problem::ScheduleSum,
            ),
            (
                years(&[(2027, dec!(2499999.999)), (2028, dec!(0.001))]),
                Problem::ScheduleSum,
            ),
            (
                years(&[(2027, dec!(1500000)), (2027, dec!(1000000))]),
                Problem::DuplicateYear,
            ),
            (
                years(&[(1999, dec!(1500000)), (2028, dec!(1000000))]),
                Problem::YearRange,
            ),
        ];
        for (schedule, expected) in cases {
            assert_eq!(problem(&schedule, &whole), Some(expected), "{schedule:?}");
        }
    }

    #[test]
    fn a_schedule_is_typed_one_year_a_line_and_shown_the_same_way() {
        let mut problems = FieldErrors::new();
        let parsed = parse("2028: 1,000,000\n 2027 = 1 500 000 ", &mut problems);
        assert_eq!(parsed, years(&[(2027, dec!(1500000)), (2028, dec!(1000000))]));
        assert_eq!(parse(&text(&parsed), &mut problems), parsed);
        assert!(problems.is_empty());
        assert!(parse("", &mut problems).is_empty());
        parse("2027 a lot", &mut problems);
        assert_eq!(problems.get(FIELD), Some(&Problem::ScheduleFormat));
    }

    proptest! {
        /// The years of a converted commitment add up to it to the cent,
        /// none below zero.
        #[test]
        fn a_split_adds_up_to_the_converted_amount(
            cents in proptest::collection::vec(1i64..100_000_000_000, 1..6),
            rate_millionths in 1i64..10_000_000,
        ) {
            let schedule: Vec<YearAmount> = cents
                .iter()
                .enumerate()
                .map(|(n, c)| YearAmount { year: 2027 + n as u16, amount: Decimal::new(*c, 2) })
                .collect();
            let whole: Decimal = schedule.iter().map(|l| l.amount).sum();
            let reporting = Currency::parse("USD").unwrap();
            let converted = crate::domain::money::round_to_minor_unit(whole * Decimal::new(rate_millionths, 6), reporting);
            let shares = split(&schedule, whole, converted, reporting);
            prop_assert_eq!(shares.len(), schedule.len());
            prop_assert!(shares.iter().all(|(_, s)| *s >= Decimal::ZERO));
            prop_assert_eq!(shares.iter().map(|(_, s)| *s).sum::<Decimal>(), converted);
        }
    }
}
