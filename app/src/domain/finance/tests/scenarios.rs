//! The sensitivity cases: each changes only what it names.

use super::*;

fn rows(inputs: &ProjectionInputs) -> Vec<YearRow> {
    project(inputs).unwrap().rows
}

fn column(rows: &[YearRow], pick: fn(&YearRow) -> Decimal) -> Vec<Decimal> {
    rows.iter().map(pick).collect()
}

#[test]
fn the_eleven_cases_come_in_the_issues_order_each_with_figures() {
    let results = sensitivity(&single_window());
    let scenarios: Vec<Scenario> = results.iter().map(|result| result.scenario).collect();
    assert_eq!(scenarios, Scenario::ALL);
    let base = project(&single_window()).unwrap();
    for result in &results {
        let figures = result.figures.as_ref().unwrap();
        let changed = project(&result.scenario.apply(&single_window())).unwrap();
        assert_eq!(figures.npv, changed.npv);
        assert_eq!(figures.irr, changed.irr);
        assert_eq!(figures.total_capex, changed.total_capex);
        // Every case in the list is bad news or good news, never no news.
        assert_ne!(figures.npv, base.npv, "{:?}", result.scenario);
    }
    let npv = |scenario| results.iter().find(|result| result.scenario == scenario).unwrap();
    let npv = |scenario| npv(scenario).figures.as_ref().unwrap().npv;
    assert!(npv(Scenario::Volume(-20)) < npv(Scenario::Volume(-10)));
    assert!(npv(Scenario::Volume(-10)) < base.npv && base.npv < npv(Scenario::Volume(10)));
    assert!(npv(Scenario::Price(10)) < npv(Scenario::Price(20)));
    assert!(npv(Scenario::CapexOverrun(25)) < npv(Scenario::CapexOverrun(10)));
    assert!(npv(Scenario::DelayOneYear) < base.npv);
}

#[test]
fn volume_and_price_move_revenue_alone() {
    let base = rows(&single_window());
    for scenario in [Scenario::Volume(-20), Scenario::Price(10)] {
        let changed = rows(&scenario.apply(&single_window()));
        let factor = match scenario {
            Scenario::Volume(percent) | Scenario::Price(percent) => {
                Decimal::from(100 + i32::from(percent)) / dec!(100)
            }
            _ => unreachable!(),
        };
        for (before, after) in base.iter().zip(&changed) {
            // Revenue scales (to within the cent each figure is rounded to).
            assert!(
                (after.revenue - before.revenue * factor).abs() <= dec!(0.01),
                "{scenario:?}"
            );
            assert_eq!(
                (after.opex, after.capex, after.debt_service),
                (before.opex, before.capex, before.debt_service)
            );
        }
    }
}

#[test]
fn an_overrun_scales_the_base_capex_and_the_refresh_with_it() {
    let changed = Scenario::CapexOverrun(25).apply(&single_window());
    assert_eq!(changed.capex, [dec!(4000000), dec!(3062500.625), dec!(1000000)]);
    assert_eq!(changed.contingency, dec!(0.10));
    let changed = rows(&changed);
    // (4,000,000 + 3,062,500.625 + 1,000,000) × 1.1 + two refreshes of
    // 20 % × 8,062,500.625 = 8,868,750.6875 + 2 × 1,612,500.125.
    assert_eq!(changed[5].capex, dec!(1612500.13));
    let total: Decimal = changed.iter().map(|row| row.capex).sum();
    assert_eq!(total, dec!(12093750.95));
    let base = rows(&single_window());
    assert_eq!(
        column(&changed, |row| row.revenue),
        column(&base, |row| row.revenue)
    );
    assert_eq!(column(&changed, |row| row.opex), column(&base, |row| row.opex));
}

#[test]
fn a_delay_starts_revenue_and_opex_a_year_later_and_keeps_capex() {
    let base = rows(&single_window());
    let delayed = rows(&Scenario::DelayOneYear.apply(&single_window()));
    assert_eq!(column(&delayed, |row| row.capex), column(&base, |row| row.capex));
    assert_eq!(
        column(&delayed, |row| row.debt_service),
        column(&base, |row| row.debt_service)
    );
    // The same path, one year on: year 3 earns what year 2 did.
    for year in 1..15 {
        assert_eq!(delayed[year].revenue, base[year - 1].revenue);
        assert_eq!(delayed[year].opex, base[year - 1].opex);
    }
    assert_eq!((delayed[0].revenue, delayed[0].opex), (dec!(0), dec!(0)));
    // A line that would start after the term drops out.
    let mut late = single_window();
    late.revenues[1].first_year = 14;
    let late = Scenario::DelayOneYear.apply(&late);
    assert_eq!(late.revenues.len(), 1);
    assert_eq!(late.revenues[0].first_year, 3);
    let units = &late.economic.unwrap().units;
    assert_eq!((units.len(), units[3]), (15, dec!(400000)));
}

#[test]
fn a_case_pushed_past_a_ceiling_reports_its_own_error() {
    let mut inputs = single_window();
    inputs.revenues[0].volume = crate::domain::limits::AMOUNT_CEILING;
    let results = sensitivity(&inputs);
    let volume_up = &results[3];
    assert_eq!(volume_up.scenario, Scenario::Volume(20));
    let refused = FinanceError::Input {
        field: Field::RevenueVolume,
        line: Some(0),
        allowed: Allowed::Amount,
    };
    assert_eq!(volume_up.figures, Err(refused));
    assert!(results[0].figures.is_ok(), "the other cases still have figures");
}

/// The JSON export carries the model and its figures: every shape of
/// every result must survive the trip (an internally tagged enum cannot
/// hold a bare number, so each variant is a struct or a unit).
#[test]
fn projections_and_cases_round_trip_through_json() {
    let projection = project(&single_window()).unwrap();
    let text = serde_json::to_string(&projection).unwrap();
    assert_eq!(serde_json::from_str::<Projection>(&text).unwrap(), projection);
    let inputs = single_window();
    let text = serde_json::to_string(&inputs).unwrap();
    assert_eq!(serde_json::from_str::<ProjectionInputs>(&text).unwrap(), inputs);
    let mut results = sensitivity(&single_window());
    results.push(ScenarioResult {
        scenario: Scenario::DelayOneYear,
        figures: Err(FinanceError::Input {
            field: Field::Years,
            line: None,
            allowed: Allowed::Term,
        }),
    });
    let text = serde_json::to_string(&results).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<ScenarioResult>>(&text).unwrap(),
        results
    );
    let shapes = [
        Irr::NoSignChange,
        Irr::Unique {
            rate: dec!(0.1),
            mirr: None,
        },
        Irr::NotUnique {
            mirr: Some(dec!(0.05)),
        },
        Irr::Below {
            bound: IRR_SEARCH_LOW,
        },
        Irr::Above {
            bound: IRR_SEARCH_HIGH,
        },
    ];
    for irr in shapes {
        let text = serde_json::to_string(&irr).unwrap();
        assert_eq!(serde_json::from_str::<Irr>(&text).unwrap(), irr, "{text}");
    }
    let out_of_range = FinanceError::OutOfRange {
        figure: Figure::Npv,
        year: Some(3),
    };
    let text = serde_json::to_string(&out_of_range).unwrap();
    assert_eq!(serde_json::from_str::<FinanceError>(&text).unwrap(), out_of_range);
}
