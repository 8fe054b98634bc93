//! The rules a loan's terms keep, and their three fields as a form holds
//! them. Used by the commitment form (every problem at once, in the
//! browser too) and by `decide` (a command sent without the form).

use super::error::{FieldErrors, Problem};
use super::limits::{INTEREST_RATE_CEILING_PERCENT, INTEREST_RATE_DECIMALS, TENOR_YEARS_CEILING};
use super::model::{Instrument, LoanTerms};
use rust_decimal::Decimal;

/// The form fields the terms are typed in, and the keys of their problems.
pub const RATE_FIELD: &str = "interest_rate_percent";
pub const TENOR_FIELD: &str = "tenor_years";
pub const GRACE_FIELD: &str = "grace_years";

/// What is wrong with `terms` on a commitment of `instrument`, keyed by
/// field; empty when nothing is. Terms on an instrument that is not repaid
/// are refused under `instrument`, the field that would have to change.
pub fn problems(instrument: Instrument, terms: Option<&LoanTerms>) -> FieldErrors {
    let mut problems = FieldErrors::new();
    let Some(terms) = terms else {
        return problems;
    };
    if !instrument.takes_loan_terms() {
        problems.insert("instrument".into(), Problem::NotALoan);
    }
    if !rate_in_bounds(terms.interest_rate_percent) {
        problems.insert(RATE_FIELD.into(), Problem::InterestRateRange);
    }
    if !(1..=TENOR_YEARS_CEILING).contains(&terms.tenor_years) {
        problems.insert(TENOR_FIELD.into(), Problem::TenorRange);
    }
    if terms.grace_years >= terms.tenor_years {
        problems.insert(GRACE_FIELD.into(), Problem::GraceRange);
    }
    problems
}

fn rate_in_bounds(rate: Decimal) -> bool {
    rate >= Decimal::ZERO
        && rate <= INTEREST_RATE_CEILING_PERCENT
        && rate.normalize().scale() <= INTEREST_RATE_DECIMALS
}

/// The three fields as typed: all blank is no terms; otherwise the rate and
/// the tenor are needed, and a blank grace period is none (repayment from
/// the first year). A rate may end in `%`. Each field's problem is put in
/// `problems`; the terms are `None` when any field is wrong.
pub fn parse(rate: &str, tenor: &str, grace: &str, problems: &mut FieldErrors) -> Option<LoanTerms> {
    let (rate, tenor, grace) = (rate.trim(), tenor.trim(), grace.trim());
    if rate.is_empty() && tenor.is_empty() && grace.is_empty() {
        return None;
    }
    let mut fail = |field: &str, problem: Problem| {
        problems.insert(field.to_string(), problem);
    };
    let rate = match rate.trim_end_matches('%').trim() {
        "" => {
            fail(RATE_FIELD, Problem::Required);
            None
        }
        text => text.parse::<Decimal>().ok().or_else(|| {
            fail(RATE_FIELD, Problem::InterestRateRange);
            None
        }),
    };
    let tenor = match tenor {
        "" => {
            fail(TENOR_FIELD, Problem::Required);
            None
        }
        text => text.parse::<u16>().ok().or_else(|| {
            fail(TENOR_FIELD, Problem::TenorRange);
            None
        }),
    };
    let grace = match grace {
        "" => Some(0),
        text => text.parse::<u16>().ok().or_else(|| {
            fail(GRACE_FIELD, Problem::GraceRange);
            None
        }),
    };
    Some(LoanTerms {
        interest_rate_percent: rate?,
        tenor_years: tenor?,
        grace_years: grace?,
    })
}

/// The three fields' values for existing terms (blank for none).
pub fn fields(terms: Option<&LoanTerms>) -> [String; 3] {
    match terms {
        None => Default::default(),
        Some(terms) => [
            terms.interest_rate_percent.normalize().to_string(),
            terms.tenor_years.to_string(),
            terms.grace_years.to_string(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn terms(rate: Decimal, tenor: u16, grace: u16) -> LoanTerms {
        LoanTerms {
            interest_rate_percent: rate,
            tenor_years: tenor,
            grace_years: grace,
        }
    }

    fn codes(problems: &FieldErrors) -> Vec<(&str, &str)> {
        problems.iter().map(|(f, p)| (f.as_str(), p.code())).collect()
    }

    #[test]
    fn an_adb_like_loan_passes_and_its_bounds_are_inclusive() {
        for ok in [
            terms(dec!(2.5), 20, 5),
            terms(dec!(0), 1, 0),
            terms(dec!(30), 50, 49),
            terms(dec!(2.1875), 25, 0),
        ] {
            assert!(problems(Instrument::Loan, Some(&ok)).is_empty(), "{ok:?}");
        }
    }

    #[test]
    fn each_bound_is_refused_under_its_own_field() {
        let cases = [
            (terms(dec!(30.01), 20, 5), RATE_FIELD, "interest_rate_range"),
            (terms(dec!(-0.5), 20, 5), RATE_FIELD, "interest_rate_range"),
            (terms(dec!(2.12345), 20, 5), RATE_FIELD, "interest_rate_range"),
            (terms(dec!(2.5), 0, 0), TENOR_FIELD, "tenor_range"),
            (terms(dec!(2.5), 51, 5), TENOR_FIELD, "tenor_range"),
            (terms(dec!(2.5), 20, 20), GRACE_FIELD, "grace_range"),
        ];
        for (bad, field, code) in cases {
            let found = problems(Instrument::Loan, Some(&bad));
            assert_eq!(found.get(field).map(|p| p.code()), Some(code), "{bad:?}");
        }
    }

    #[test]
    fn only_repaid_instruments_carry_terms() {
        let adb = terms(dec!(2.5), 20, 5);
        for instrument in Instrument::ALL {
            let found = problems(instrument, Some(&adb));
            if instrument.takes_loan_terms() {
                assert!(found.is_empty(), "{instrument:?}");
            } else {
                assert_eq!(
                    codes(&found),
                    vec![("instrument", "not_a_loan")],
                    "{instrument:?}"
                );
            }
            assert!(problems(instrument, None).is_empty());
        }
    }

    #[test]
    fn blank_fields_are_no_terms_and_a_blank_grace_is_none() {
        let mut found = FieldErrors::new();
        assert_eq!(parse(" ", "", "", &mut found), None);
        assert_eq!(
            parse("2.5 %", "20", "", &mut found),
            Some(terms(dec!(2.5), 20, 0))
        );
        assert!(found.is_empty());
    }

    #[test]
    fn a_half_filled_or_mistyped_form_names_each_field() {
        let mut found = FieldErrors::new();
        assert_eq!(parse("", "", "5", &mut found), None);
        assert_eq!(
            codes(&found),
            vec![(RATE_FIELD, "required"), (TENOR_FIELD, "required")]
        );
        let mut found = FieldErrors::new();
        assert_eq!(parse("two", "20.5", "-1", &mut found), None);
        assert_eq!(
            codes(&found),
            vec![
                (GRACE_FIELD, "grace_range"),
                (RATE_FIELD, "interest_rate_range"),
                (TENOR_FIELD, "tenor_range")
            ]
        );
    }

    proptest! {
        #[test]
        fn valid_terms_round_trip_through_their_fields(
            hundredths in 0u32..=3000, tenor in 1u16..=50, grace_share in 0u16..100
        ) {
            let grace = grace_share % tenor;
            let original = terms(Decimal::new(hundredths.into(), 2), tenor, grace);
            prop_assert!(problems(Instrument::Loan, Some(&original)).is_empty());
            let [rate, tenor, grace] = fields(Some(&original));
            let mut found = FieldErrors::new();
            prop_assert_eq!(parse(&rate, &tenor, &grace, &mut found), Some(original));
            prop_assert!(found.is_empty());
        }
    }
}
