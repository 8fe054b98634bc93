//! Properties over many generated inputs.

use super::*;
use crate::domain::limits::AMOUNT_CEILING;
use proptest::prelude::*;

fn cents(range: std::ops::Range<i64>) -> impl Strategy<Value = Decimal> {
    range.prop_map(|cents| Decimal::new(cents, 2))
}

/// One outlay in year 0, then incomes (some zero): the NPV falls as the
/// rate rises, and exactly one rate makes it zero.
fn conventional() -> impl Strategy<Value = Vec<Decimal>> {
    (
        cents(-100_000_000..-1),
        prop::collection::vec(cents(0..10_000_000), 1..50),
    )
        .prop_map(|(outlay, incomes)| {
            let mut flows = vec![outlay];
            flows.extend(incomes);
            flows
        })
}

/// A rate in -0.99..=1 with up to four decimals, the bounds included.
fn rate() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(RATE_MIN),
        Just(RATE_MAX),
        Just(Decimal::ZERO),
        (-9_900i64..=10_000).prop_map(|bp| Decimal::new(bp, 4))
    ]
}

/// An amount from 0 to the ceiling, the ceiling itself often.
fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(AMOUNT_CEILING),
        Just(Decimal::ZERO),
        cents(0..i64::MAX).prop_map(|value| value.min(AMOUNT_CEILING))
    ]
}

/// Inputs of ordinary size: every projection of them has figures.
fn ordinary() -> impl Strategy<Value = ProjectionInputs> {
    let revenue = (cents(0..10_000), 0u32..1_000_000, 0i64..15, 0i64..15, 0u16..30).prop_map(
        |(price, volume, price_growth, volume_growth, first_year)| RevenueInput {
            price,
            volume: Decimal::from(volume),
            price_growth: Decimal::new(price_growth, 2),
            volume_growth: Decimal::new(volume_growth, 2),
            first_year,
        },
    );
    let opex =
        (cents(0..100_000_000), 0i64..10, 0u16..30).prop_map(|(amount, growth, first_year)| OpexInput {
            amount,
            growth: Decimal::new(growth, 2),
            first_year,
        });
    (
        prop::collection::vec(revenue, 0..4),
        prop::collection::vec(cents(0..1_000_000_000), 0..5),
        0i64..30,
        prop::collection::vec(opex, 0..3),
        1u16..8,
        -5i64..30,
    )
        .prop_map(
            |(revenues, capex, contingency, opex, every_years, discount)| ProjectionInputs {
                years: 30,
                revenues,
                capex,
                contingency: Decimal::new(contingency, 2),
                refresh: Some(RefreshInput {
                    every_years,
                    share_of_capex: dec!(0.15),
                }),
                opex,
                discount_rate: Decimal::new(discount, 2),
                ..ProjectionInputs::default()
            },
        )
}

/// Anything within the limits, extremes included, for 30 or 50 years.
fn extreme() -> impl Strategy<Value = ProjectionInputs> {
    let revenue = (amount(), amount(), rate(), rate(), 0u16..30).prop_map(
        |(price, volume, price_growth, volume_growth, first_year)| RevenueInput {
            price,
            volume,
            price_growth,
            volume_growth,
            first_year,
        },
    );
    let loan =
        (amount(), rate(), 1u16..=30, 0u16..30).prop_map(|(principal, rate, tenor_years, grace)| LoanInput {
            principal,
            rate,
            tenor_years,
            grace_years: grace % tenor_years,
            drawn_year: 0,
        });
    let economic = (amount(), amount(), prop::collection::vec(amount(), 0..30), rate()).prop_map(
        |(hours_saved_per_unit, value_of_time, units, discount_rate)| EconomicInput {
            hours_saved_per_unit,
            value_of_time,
            units,
            discount_rate,
        },
    );
    (
        prop_oneof![Just(30u16), Just(50u16)],
        prop::collection::vec(revenue, 0..3),
        prop::collection::vec(amount(), 0..30),
        (
            prop::collection::vec((amount(), rate(), 0u16..30), 0..3),
            prop::collection::vec(loan, 0..2),
        ),
        rate(),
        prop::option::of(economic),
    )
        .prop_map(
            |(years, revenues, capex, (opex, loans), discount_rate, economic)| ProjectionInputs {
                years,
                revenues,
                capex,
                contingency: Decimal::ONE,
                refresh: Some(RefreshInput {
                    every_years: 1,
                    share_of_capex: Decimal::ONE,
                }),
                opex: opex
                    .into_iter()
                    .map(|(amount, growth, first_year)| OpexInput {
                        amount,
                        growth,
                        first_year,
                    })
                    .collect(),
                loans,
                grants: AMOUNT_CEILING,
                equity: AMOUNT_CEILING,
                discount_rate,
                economic,
            },
        )
}

proptest! {
    #[test]
    fn the_npv_at_the_irr_is_zero(flows in conventional()) {
        let total: Decimal = flows.iter().map(|flow| flow.abs()).sum();
        match irr(&flows, dec!(0.08)).unwrap() {
            Irr::Unique { rate, .. } => {
                // The sign of the NPV changes across the rate…
                let step = dec!(0.0000001);
                // (Far below 0 % the NPV itself can leave the decimal range.)
                if let (Some(below), Some(above)) = (npv(rate - step, &flows), npv(rate + step, &flows)) {
                    prop_assert!(below >= Decimal::ZERO && above <= Decimal::ZERO, "{below} {above}");
                }
                // …and where discounting cannot magnify it, it is about zero.
                if rate >= Decimal::ZERO {
                    prop_assert!(npv(rate, &flows).unwrap().abs() <= total * dec!(0.000001));
                }
            }
            Irr::Below { .. } | Irr::Above { .. } | Irr::NoSignChange => {}
            Irr::NotUnique { .. } => prop_assert!(false, "one sign change at most"),
        }
    }

    #[test]
    fn the_npv_falls_as_the_rate_rises(flows in conventional(), low in 0i64..100, more in 1i64..100) {
        let (low, high) = (Decimal::new(low, 2), Decimal::new(low + more, 2));
        prop_assert!(npv(low, &flows).unwrap() >= npv(high, &flows).unwrap());
    }

    #[test]
    fn the_table_adds_up_exactly(inputs in ordinary()) {
        let projection = project(&inputs).unwrap();
        let sum = |pick: fn(&YearRow) -> Decimal| projection.rows.iter().map(pick).sum::<Decimal>();
        let nets = sum(|row| row.net);
        prop_assert_eq!(nets, sum(|row| row.revenue) - sum(|row| row.opex) - sum(|row| row.capex));
        prop_assert_eq!(projection.rows.last().unwrap().cumulative, nets);
        prop_assert_eq!(projection.total_capex, sum(|row| row.capex));
        for row in &projection.rows {
            prop_assert_eq!(row.net, row.revenue - row.opex - row.capex);
            prop_assert!(row.revenue.scale() <= MONEY_DECIMALS && row.capex.scale() <= MONEY_DECIMALS);
        }
        prop_assert_eq!(projection.viability_gap, (-projection.npv).max(Decimal::ZERO));
    }

    #[test]
    fn nothing_within_the_limits_panics(inputs in extreme()) {
        // Figures or a named error; a panic fails the case.
        match project(&inputs) {
            Ok(projection) => prop_assert_eq!(projection.rows.len(), usize::from(inputs.years)),
            Err(FinanceError::Input { field, .. }) => prop_assert!(false, "refused {field:?}"),
            Err(FinanceError::OutOfRange { .. }) => {}
        }
        prop_assert_eq!(sensitivity(&inputs).len(), 11);
    }
}
