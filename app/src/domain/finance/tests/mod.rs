//! The finance module's tests: hand-checked cases (`hand.rs`), the cases
//! checked against LibreOffice Calc (`spreadsheet.rs`, with the sheet
//! `spreadsheet.fods`), the sensitivity cases (`scenarios.rs`) and the
//! properties (`properties.rs`). The model they share is here.

mod hand;
mod properties;
mod scenarios;
mod spreadsheet;

use super::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A fee-based single window over 15 years, the model of the spreadsheet
/// (`spreadsheet.fods`, rows 11 to 44): a per-declaration fee and a
/// subscription from year 2, two opex lines, capex over years 0 to 2 with
/// 10 % contingency, an ICT refresh of 20 % every 5 years, two loans.
fn single_window() -> ProjectionInputs {
    ProjectionInputs {
        years: 15,
        revenues: vec![
            RevenueInput {
                price: dec!(12.5),
                volume: dec!(400000),
                price_growth: dec!(0.02),
                volume_growth: dec!(0.05),
                first_year: 2,
            },
            RevenueInput {
                price: dec!(1200),
                volume: dec!(150),
                price_growth: dec!(0.03),
                volume_growth: dec!(0.08),
                first_year: 2,
            },
        ],
        capex: vec![dec!(3200000), dec!(2450000.5), dec!(800000)],
        contingency: dec!(0.10),
        refresh: Some(RefreshInput {
            every_years: 5,
            share_of_capex: dec!(0.20),
        }),
        opex: vec![
            OpexInput {
                amount: dec!(900000),
                growth: dec!(0.03),
                first_year: 1,
            },
            OpexInput {
                amount: dec!(350000.75),
                growth: dec!(0.025),
                first_year: 2,
            },
        ],
        loans: vec![
            LoanInput {
                principal: dec!(4000000),
                rate: dec!(0.055),
                tenor_years: 12,
                grace_years: 2,
                drawn_year: 0,
            },
            LoanInput {
                principal: dec!(1000000),
                rate: dec!(0.07),
                tenor_years: 8,
                grace_years: 0,
                drawn_year: 1,
            },
        ],
        grants: dec!(1500000),
        equity: dec!(1000000),
        discount_rate: dec!(0.08),
        economic: Some(EconomicInput {
            hours_saved_per_unit: dec!(1.5),
            value_of_time: dec!(18.4),
            units: [
                "0",
                "0",
                "400000",
                "420000",
                "441000",
                "463050",
                "486202.5",
                "510512.63",
                "536038.26",
                "562840.17",
                "590982.18",
                "620531.29",
                "651557.85",
                "684135.74",
                "718342.53",
            ]
            .iter()
            .map(|units| units.parse().unwrap())
            .collect(),
            discount_rate: dec!(0.06),
        }),
    }
}

/// Flows from a list of whole or decimal numbers.
fn flows(values: &[&str]) -> Vec<Decimal> {
    values.iter().map(|value| value.parse().unwrap()).collect()
}

/// The IRR's rate, or a failure naming what it was instead.
fn unique_rate(irr: Irr) -> Decimal {
    match irr {
        Irr::Unique { rate, .. } => rate,
        other => panic!("expected a unique IRR, got {other:?}"),
    }
}
