//! Cases small enough to check by hand; each comment shows the arithmetic.

use super::*;
use crate::domain::limits::AMOUNT_CEILING;

/// A model with only the named parts; everything else empty or zero.
fn bare(years: u16) -> ProjectionInputs {
    ProjectionInputs {
        years,
        ..ProjectionInputs::default()
    }
}

#[test]
fn year_0_is_not_discounted() {
    // -100 + 110 / 1.1 + 121 / 1.21 = -100 + 100 + 100
    assert_eq!(npv(dec!(0.1), &flows(&["-100", "110", "121"])), Some(dec!(100)));
    // One flow is its own NPV at any rate.
    assert_eq!(npv(dec!(0.5), &flows(&["-42.17"])), Some(dec!(-42.17)));
    assert_eq!(
        npv(dec!(-1), &flows(&["1", "1"])),
        None,
        "at -100 % nothing discounts"
    );
}

#[test]
fn irrs_that_can_be_seen_by_eye() {
    // 1000 grows to 1100 in a year: 10 %.
    assert_eq!(
        unique_rate(irr(&flows(&["-1000", "1100"]), dec!(0.1)).unwrap()),
        dec!(0.1)
    );
    // 100 grows to 121 in two years: 10 % a year.
    assert_eq!(
        unique_rate(irr(&flows(&["-100", "0", "121"]), dec!(0.1)).unwrap()),
        dec!(0.1)
    );
    // Half of it back: -50 %.
    assert_eq!(
        unique_rate(irr(&flows(&["-100", "50"]), dec!(0.1)).unwrap()),
        dec!(-0.5)
    );
    // Income first, repayment after: the lender's view, 20 %.
    assert_eq!(
        unique_rate(irr(&flows(&["100", "-120"]), dec!(0.1)).unwrap()),
        dec!(0.2)
    );
}

#[test]
fn irr_says_when_there_is_no_rate_or_no_single_rate() {
    assert_eq!(
        irr(&flows(&["100", "0", "200"]), dec!(0.1)),
        Some(Irr::NoSignChange)
    );
    assert_eq!(irr(&flows(&["-100", "-5"]), dec!(0.1)), Some(Irr::NoSignChange));
    assert_eq!(irr(&flows(&["0", "0"]), dec!(0.1)), Some(Irr::NoSignChange));
    assert_eq!(sign_changes(&flows(&["-1", "0", "2", "0", "-3", "4"])), 3);
    let two = irr(&flows(&["-100", "230", "-132"]), dec!(0.1));
    // MIRR at 10 %: -PV(negatives) = 100 + 132 / 1.21, FV(positives) = 253,
    // ratio 1.21, so sqrt(1.21) - 1 = 10 %.
    assert_eq!(
        two,
        Some(Irr::NotUnique {
            mirr: Some(dec!(0.1))
        })
    );
    // The root exists but lies beyond the search: 0.5 back on 100 is -99.5 %,
    // 1000 back on 1 is 99,900 %.
    assert_eq!(
        irr(&flows(&["-100", "0.5"]), dec!(0.1)),
        Some(Irr::Below {
            bound: IRR_SEARCH_LOW
        })
    );
    assert_eq!(
        irr(&flows(&["-1", "1000"]), dec!(0.1)),
        Some(Irr::Above {
            bound: IRR_SEARCH_HIGH
        })
    );
}

#[test]
fn mirr_needs_both_an_outlay_and_an_income() {
    assert_eq!(mirr(&flows(&["100", "200"]), dec!(0.1), dec!(0.1)), None);
    assert_eq!(mirr(&flows(&["-100"]), dec!(0.1), dec!(0.1)), None);
    // -100 then 121 two years on, no reinvestment needed: sqrt(1.21) - 1.
    assert_eq!(
        mirr(&flows(&["-100", "0", "121"]), dec!(0.05), dec!(0.3)),
        Some(dec!(0.1))
    );
}

#[test]
fn payback_is_the_first_recovery_after_a_negative_cumulative() {
    let cumulative = flows(&["-5", "-2", "0", "3", "-1", "4"]);
    assert_eq!(
        payback_year(&cumulative),
        Some(2),
        "zero counts as paid back; the later dip does not move it"
    );
    assert_eq!(
        payback_year(&flows(&["1", "2"])),
        None,
        "never negative, nothing to pay back"
    );
    assert_eq!(payback_year(&flows(&["-1", "-2"])), None, "never recovers");
}

#[test]
fn an_annuity_after_grace_years_repays_exactly_the_principal() {
    // 1000 at 10 % over 2 years: 1000 × 0.1 / (1 - 1/1.21) = 576.190476…
    let payment = annuity_payment(dec!(1000), dec!(0.1), 2).unwrap();
    assert_eq!(payment.round_dp(8), dec!(576.19047619));
    assert_eq!(annuity_payment(dec!(1000), Decimal::ZERO, 4), Some(dec!(250)));
    let loan = LoanInput {
        principal: dec!(1000),
        rate: dec!(0.1),
        tenor_years: 3,
        grace_years: 1,
        drawn_year: 2,
    };
    let years = schedule(&loan).unwrap();
    assert_eq!(years.iter().map(|year| year.year).collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!((years[0].interest, years[0].principal), (dec!(100), dec!(0)));
    // Year 3: interest 100, principal 476.19…; year 4: interest 52.38…
    assert_eq!(years[1].principal.round_dp(2), dec!(476.19));
    assert_eq!(years[2].interest.round_dp(2), dec!(52.38));
    let repaid: Decimal = years.iter().map(|year| year.principal).sum();
    assert_eq!(repaid, dec!(1000));
    assert_eq!(years[2].balance, Decimal::ZERO);

    let mut inputs = bare(6);
    inputs.revenues = vec![RevenueInput {
        price: dec!(1),
        volume: dec!(1152.38),
        first_year: 0,
        ..RevenueInput::default()
    }];
    inputs.loans = vec![loan];
    let projection = project(&inputs).unwrap();
    let service: Vec<Decimal> = projection.rows.iter().map(|row| row.debt_service).collect();
    assert_eq!(
        service,
        [dec!(0), dec!(0), dec!(100), dec!(576.19), dec!(576.19), dec!(0)]
    );
    // 1152.38 / 100 = 11.5238; 1152.38 / 576.19 = 2 exactly.
    let dscr: Vec<Option<Decimal>> = projection.rows.iter().map(|row| row.dscr).collect();
    assert_eq!(
        dscr,
        [
            None,
            None,
            Some(dec!(11.5238)),
            Some(dec!(2)),
            Some(dec!(2)),
            None
        ]
    );
    let summary = DscrSummary {
        minimum: dec!(2),
        average: dec!(5.1746),
    };
    assert_eq!(projection.dscr, Some(summary));
}

#[test]
fn capex_carries_contingency_and_the_refresh_its_own_share() {
    let mut inputs = bare(11);
    inputs.capex = vec![dec!(600), dec!(400)];
    inputs.contingency = dec!(0.1);
    inputs.refresh = Some(RefreshInput {
        every_years: 5,
        share_of_capex: dec!(0.25),
    });
    let projection = project(&inputs).unwrap();
    let capex: Vec<Decimal> = projection.rows.iter().map(|row| row.capex).collect();
    // 600 × 1.1, 400 × 1.1, and 25 % of the base 1000 in years 5 and 10.
    let mut expected = vec![Decimal::ZERO; 11];
    expected[0] = dec!(660);
    expected[1] = dec!(440);
    expected[5] = dec!(250);
    expected[10] = dec!(250);
    assert_eq!(capex, expected);
    assert_eq!(projection.total_capex, dec!(1600));
    assert_eq!(projection.irr, Irr::NoSignChange);
    assert_eq!(projection.payback_year, None);
}

#[test]
fn figures_are_rounded_once_at_their_end_halves_away_from_zero() {
    let mut inputs = bare(2);
    // Three streams of 0.005 each: 0.015 rounds to 0.02, not 3 × 0.01.
    let stream = RevenueInput {
        price: dec!(0.001),
        volume: dec!(5),
        ..RevenueInput::default()
    };
    inputs.revenues = vec![stream.clone(), stream.clone(), stream];
    inputs.capex = vec![dec!(0.025)];
    let projection = project(&inputs).unwrap();
    let row = projection.rows[0];
    assert_eq!(
        (row.revenue, row.capex, row.net),
        (dec!(0.02), dec!(0.03), dec!(-0.01))
    );
}

#[test]
fn the_viability_gap_is_the_grant_that_brings_the_npv_to_zero() {
    let mut inputs = bare(3);
    inputs.capex = vec![dec!(1000)];
    inputs.revenues = vec![RevenueInput {
        price: dec!(100),
        volume: dec!(3),
        first_year: 1,
        ..RevenueInput::default()
    }];
    inputs.discount_rate = dec!(0.1);
    let projection = project(&inputs).unwrap();
    // -1000 + 300 / 1.1 + 300 / 1.21 = -479.338842…
    assert_eq!(projection.npv, dec!(-479.34));
    assert_eq!(projection.viability_gap, dec!(479.34));
    let mut with_grant: Vec<Decimal> = projection.rows.iter().map(|row| row.net).collect();
    with_grant[0] += projection.viability_gap;
    assert!(npv(dec!(0.1), &with_grant).unwrap().abs() < dec!(0.005));
    // Grants and equity are financing: they do not move the project's NPV.
    inputs.grants = dec!(479.34);
    inputs.equity = dec!(1000);
    assert_eq!(project(&inputs).unwrap().npv, dec!(-479.34));
}

#[test]
fn the_economic_npv_weighs_time_saved_against_the_costs() {
    let mut inputs = bare(3);
    inputs.capex = vec![dec!(1000)];
    inputs.opex = vec![OpexInput {
        amount: dec!(100),
        growth: dec!(0.1),
        first_year: 1,
    }];
    inputs.economic = Some(EconomicInput {
        hours_saved_per_unit: dec!(0.5),
        value_of_time: dec!(20),
        units: vec![dec!(0), dec!(100)],
        discount_rate: dec!(0.1),
    });
    // Benefits 0, 0.5 × 100 × 20 = 1000, 0 (no units given for year 2).
    // Flows -1000, 1000 - 100 = 900, -110: -1000 + 818.1818… - 90.9090…
    let projection = project(&inputs).unwrap();
    assert_eq!(projection.economic_npv, Some(dec!(-272.73)));
    assert_eq!(project(&bare(3)).unwrap().economic_npv, None);
}

#[test]
fn inputs_out_of_bounds_are_refused_by_name() {
    let refused = |change: fn(&mut ProjectionInputs)| {
        let mut inputs = single_window();
        change(&mut inputs);
        match project(&inputs) {
            Err(FinanceError::Input { field, line, allowed }) => (field, line, allowed),
            other => panic!("expected an input error, got {other:?}"),
        }
    };
    use Allowed::*;
    assert_eq!(refused(|i| i.years = 0), (Field::Years, None, Term));
    assert_eq!(refused(|i| i.years = 51), (Field::Years, None, Term));
    assert_eq!(
        refused(|i| i.discount_rate = dec!(1.01)),
        (Field::DiscountRate, None, Rate)
    );
    assert_eq!(
        refused(|i| i.discount_rate = dec!(-0.991)),
        (Field::DiscountRate, None, Rate)
    );
    assert_eq!(
        refused(|i| i.revenues[1].price = dec!(-1)),
        (Field::RevenuePrice, Some(1), Amount)
    );
    assert_eq!(
        refused(|i| i.capex[2] = AMOUNT_CEILING + dec!(1)),
        (Field::Capex, Some(2), Amount)
    );
    assert_eq!(
        refused(|i| i.capex = vec![dec!(1); 16]),
        (Field::CapexYears, None, NoLongerThanTerm)
    );
    assert_eq!(
        refused(|i| i.revenues[0].first_year = 15),
        (Field::RevenueFirstYear, Some(0), YearInTerm)
    );
    assert_eq!(
        refused(|i| i.opex[1].growth = dec!(2)),
        (Field::OpexGrowth, Some(1), Rate)
    );
    assert_eq!(
        refused(|i| i.contingency = dec!(1.5)),
        (Field::Contingency, None, Share)
    );
    let no_refresh_interval = refused(|i| i.refresh.as_mut().unwrap().every_years = 0);
    assert_eq!(no_refresh_interval, (Field::RefreshEvery, None, AtLeastOneYear));
    assert_eq!(
        refused(|i| i.loans[0].grace_years = 12),
        (Field::LoanGrace, Some(0), ShorterThanTenor)
    );
    assert_eq!(
        refused(|i| i.loans[0].drawn_year = 15),
        (Field::LoanDrawnYear, Some(0), YearInTerm)
    );
    let units = |i: &mut ProjectionInputs| i.economic.as_mut().unwrap().units[3] = dec!(-1);
    assert_eq!(refused(units), (Field::Units, Some(3), Amount));
}

#[test]
fn fifty_years_at_the_rate_bounds_either_fit_or_are_refused() {
    // At 100 % the last factor is 1 / 2^49: it fits.
    let mut inputs = bare(50);
    inputs.capex = vec![dec!(1000)];
    inputs.revenues = vec![RevenueInput {
        price: dec!(10),
        volume: dec!(10),
        first_year: 1,
        ..RevenueInput::default()
    }];
    inputs.discount_rate = RATE_MAX;
    // -1000 + 100 × (1 - 2^-49): 100 a year at 100 % is worth just under 100.
    assert_eq!(project(&inputs).unwrap().npv, dec!(-900));
    // At -99 % year 49 is multiplied by 100^49: beyond any figure.
    inputs.discount_rate = RATE_MIN;
    let refused = FinanceError::OutOfRange {
        figure: Figure::Npv,
        year: None,
    };
    assert_eq!(project(&inputs), Err(refused));
    // Revenue at the ceiling doubling for 50 years leaves the range too.
    inputs.discount_rate = dec!(0.05);
    inputs.revenues[0] = RevenueInput {
        price: AMOUNT_CEILING,
        volume: AMOUNT_CEILING,
        price_growth: RATE_MAX,
        volume_growth: RATE_MAX,
        first_year: 0,
    };
    assert!(matches!(
        project(&inputs),
        Err(FinanceError::OutOfRange {
            figure: Figure::Revenue,
            ..
        })
    ));
}

#[test]
fn a_loan_running_past_the_term_is_serviced_only_within_it() {
    // 1,000 at 0 % over 4 years, no grace, drawn in year 0, in a 2-year
    // model: 250 a year in years 0 and 1; years 2 and 3 are outside.
    let mut inputs = bare(2);
    inputs.loans = vec![LoanInput {
        principal: dec!(1000),
        rate: dec!(0),
        tenor_years: 4,
        grace_years: 0,
        drawn_year: 0,
    }];
    let projection = project(&inputs).expect("a long loan is not an error");
    let service: Vec<Decimal> = projection.rows.iter().map(|r| r.debt_service).collect();
    assert_eq!(service, vec![dec!(250), dec!(250)]);
}
