//! Cases checked against a real spreadsheet, LibreOffice Calc 7.4: the
//! sheet is `spreadsheet.fods` beside this file (its cell A10 names the
//! command), and every expected value below is what
//!
//! ```text
//! libreoffice --headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false" spreadsheet.fods
//! ```
//!
//! printed. The sheet computes from the inputs alone, with its own
//! formulas: revenue `ROUND(price*(1+g)^(t-first)*volume*(1+h)^(t-first);2)`
//! summed over streams, opex alike, capex `ROUND(base*(1+contingency) +
//! refresh;2)`, net and cumulative by subtraction and addition, debt service
//! `ROUND(interest-only or PMT(rate;tenor-grace;-principal);2)`, DSCR
//! `IF(AND(service>0;revenue>0);ROUND((revenue-opex)/service;8);"")`; NPV as `ROUND(B1+NPV(r;C1:…);2)`
//! (year 0 undiscounted), IRR as `ROUND(IRR(…);10)`, MIRR as
//! `ROUND(MIRR(…;r;r);10)`. Money agrees to the cent, rates to 10^-8.

use super::*;

/// `ROUND(B1+NPV(0.1;C1:E1);2)`, `IRR(B1:E1)`, `MIRR(B1:E1;0.1;0.1)`.
#[test]
fn a_conventional_investment_agrees_with_calc() {
    let flows = flows(&["-1000", "300", "400", "500"]);
    let npv = npv(dec!(0.1), &flows).unwrap();
    assert_eq!(npv.round_dp(2), dec!(-21.04));
    let irr = irr(&flows, dec!(0.1)).unwrap();
    assert!(
        (unique_rate(irr) - dec!(0.0889633947)).abs() < dec!(0.00000001),
        "{irr:?}"
    );
    assert_eq!(mirr(&flows, dec!(0.1), dec!(0.1)), Some(dec!(0.09223177)));
}

/// `ROUND(B5+NPV(0.05;C5:D5);2)` and `MIRR(B5:D5;0.05;0.05)`: two sign
/// changes, so no IRR is given, only the MIRR.
#[test]
fn flows_with_two_sign_changes_give_calcs_mirr_and_no_irr() {
    let flows = flows(&["-100", "230", "-132"]);
    assert_eq!(npv(dec!(0.05), &flows).unwrap().round_dp(2), dec!(-0.68));
    let mirr = Some(dec!(0.04837335));
    assert_eq!(irr(&flows, dec!(0.05)), Some(Irr::NotUnique { mirr }));
}

/// Row 8 and 9: `ROUND(B8+NPV(0.07;C8:G8);2)` and `MIRR(B8:G8;0.07;0.07)`.
#[test]
fn a_mid_life_outlay_agrees_with_calc() {
    let flows = flows(&["-5000", "1200", "1500", "-800", "2000", "2500.55"]);
    assert_eq!(npv(dec!(0.07), &flows).unwrap().round_dp(2), dec!(87.26));
    assert_eq!(mirr(&flows, dec!(0.07), dec!(0.07)), Some(dec!(0.0732832)));
}

type Row = (
    u16,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
    Option<Decimal>,
);

/// Rows 60 to 74 of the sheet: year, revenue, opex, capex, net, cumulative,
/// debt service, DSCR.
#[rustfmt::skip]
fn calc_rows() -> Vec<Row> {
    vec![
        (0, dec!(0), dec!(0), dec!(3520000), dec!(-3520000), dec!(-3520000), dec!(220000), None),
        (1, dec!(0), dec!(900000), dec!(2695000.55), dec!(-3595000.55), dec!(-7115000.55), dec!(387467.76), None),
        (2, dec!(5180000), dec!(1277000.75), dec!(880000), dec!(3022999.25), dec!(-4092001.3), dec!(698138.84), Some(dec!(5.59057744))),
        (3, dec!(5555232), dec!(1313560.77), dec!(0), dec!(4241671.23), dec!(149669.93), dec!(698138.84), Some(dec!(6.07568436))),
        (4, dec!(5957943.08), dec!(1351173.84), dec!(0), dec!(4606769.24), dec!(4756439.17), dec!(698138.84), Some(dec!(6.59864339))),
        (5, dec!(6390178.39), dec!(1389870.46), dec!(1290000.1), dec!(3710307.83), dec!(8466747), dec!(698138.84), Some(dec!(7.16234027))),
        (6, dec!(6854138.89), dec!(1429682.01), dec!(0), dec!(5424456.88), dec!(13891203.88), dec!(698138.84), Some(dec!(7.76988268))),
        (7, dec!(7352193.57), dec!(1470640.79), dec!(0), dec!(5881552.78), dec!(19772756.66), dec!(698138.84), Some(dec!(8.42461763))),
        (8, dec!(7886892.71), dec!(1512780.05), dec!(0), dec!(6374112.66), dec!(26146869.32), dec!(698138.84), Some(dec!(9.13015047))),
        (9, dec!(8460982.22), dec!(1556133.98), dec!(0), dec!(6904848.24), dec!(33051717.56), dec!(530671.07), Some(dec!(13.01154073))),
        (10, dec!(9077419.2), dec!(1600737.79), dec!(1290000.1), dec!(6186681.31), dec!(39238398.87), dec!(530671.07), Some(dec!(14.08910685))),
        (11, dec!(9739388.69), dec!(1646627.72), dec!(0), dec!(8092760.97), dec!(47331159.84), dec!(530671.07), Some(dec!(15.25005117))),
        (12, dec!(10450321.94), dec!(1693841.03), dec!(0), dec!(8756480.91), dec!(56087640.75), dec!(0), None),
        (13, dec!(11213916.14), dec!(1742416.11), dec!(0), dec!(9471500.03), dec!(65559140.78), dec!(0), None),
        (14, dec!(12034155.77), dec!(1792392.44), dec!(0), dec!(10241763.33), dec!(75800904.11), dec!(0), None),
    ]
}

#[test]
fn the_single_window_table_agrees_with_calc_to_the_cent() {
    let projection = project(&single_window()).unwrap();
    let ours: Vec<Row> = projection
        .rows
        .iter()
        .map(|row| {
            let YearRow {
                year,
                revenue,
                opex,
                capex,
                net,
                cumulative,
                debt_service,
                dscr,
            } = *row;
            (year, revenue, opex, capex, net, cumulative, debt_service, dscr)
        })
        .collect();
    assert_eq!(ours, calc_rows());
}

/// Rows 76 to 84: `ROUND(E60+NPV(B12;E61:E74);2)`, `IRR(E60:E74)`,
/// `MIRR(E60:E74;B12;B12)`, the first year flagged by
/// `IF(AND(F>=0;COUNTIF(F60:F(t-1);"<0")>0);A;"")`, `MIN` and `AVERAGE`
/// of the DSCRs, the economic NPV `ROUND(K60+NPV(B44;K61:K74);2)` of
/// `ROUND(1.5*units*18.4;2)-capex-opex`, and `SUM(D60:D74)`.
#[test]
fn the_single_window_figures_agree_with_calc() {
    let projection = project(&single_window()).unwrap();
    assert_eq!(projection.npv, dec!(35552895.64));
    let mirr = Some(dec!(0.23020937));
    assert_eq!(projection.mirr, mirr);
    assert_eq!(
        projection.irr,
        Irr::Unique {
            rate: dec!(0.48039846),
            mirr
        }
    );
    assert!((unique_rate(projection.irr) - dec!(0.480398457)).abs() < dec!(0.0001));
    assert_eq!(projection.payback_year, Some(3));
    let dscr = DscrSummary {
        minimum: dec!(5.59057744),
        average: dec!(9.3102595),
    };
    assert_eq!(projection.dscr, Some(dscr));
    assert_eq!(projection.economic_npv, Some(dec!(98950311.28)));
    assert_eq!(projection.total_capex, dec!(9675000.75));
    assert_eq!(projection.rows.last().unwrap().cumulative, dec!(75800904.11));
    assert_eq!(projection.viability_gap, Decimal::ZERO);
}

/// The value the sheet gives the input named `label` (its rows 11 to 44:
/// a label cell, then the value cell).
fn sheet_input(sheet: &str, label: &str) -> Decimal {
    let cell = format!("<text:p>{label}</text:p></table:table-cell>\n<table:table-cell office:value-type=\"float\" office:value=\"");
    let start = sheet
        .find(&cell)
        .map(|at| at + cell.len())
        .unwrap_or_else(|| panic!("no input {label}"));
    let length = sheet[start..].find('"').unwrap();
    sheet[start..start + length].parse().unwrap()
}

/// The figures above are the sheet's only if the sheet models the same
/// thing: every input of [`single_window`] is the sheet's, and the sheet's
/// NPV leaves year 0 undiscounted.
#[test]
fn the_sheet_holds_the_same_model() {
    let sheet = include_str!("spreadsheet.fods");
    let model = single_window();
    let [fee, subscription] = &model.revenues[..] else {
        panic!("two streams")
    };
    let [running, maintenance] = &model.opex[..] else {
        panic!("two opex lines")
    };
    let [senior, second] = &model.loans[..] else {
        panic!("two loans")
    };
    let refresh = model.refresh.clone().unwrap();
    let economic = model.economic.clone().unwrap();
    let year = |year: u16| Decimal::from(year);
    let expected = [
        ("years", year(model.years)),
        ("discount", model.discount_rate),
        ("contingency", model.contingency),
        ("refresh_every", year(refresh.every_years)),
        ("refresh_share", refresh.share_of_capex),
        ("fee_price", fee.price),
        ("fee_volume", fee.volume),
        ("fee_pg", fee.price_growth),
        ("fee_vg", fee.volume_growth),
        ("fee_first", year(fee.first_year)),
        ("sub_price", subscription.price),
        ("sub_volume", subscription.volume),
        ("sub_pg", subscription.price_growth),
        ("sub_vg", subscription.volume_growth),
        ("sub_first", year(subscription.first_year)),
        ("op1_amount", running.amount),
        ("op1_growth", running.growth),
        ("op1_first", year(running.first_year)),
        ("op2_amount", maintenance.amount),
        ("op2_growth", maintenance.growth),
        ("op2_first", year(maintenance.first_year)),
        ("l1_principal", senior.principal),
        ("l1_rate", senior.rate),
        ("l1_tenor", year(senior.tenor_years)),
        ("l1_grace", year(senior.grace_years)),
        ("l1_drawn", year(senior.drawn_year)),
        ("l2_principal", second.principal),
        ("l2_rate", second.rate),
        ("l2_tenor", year(second.tenor_years)),
        ("l2_grace", year(second.grace_years)),
        ("l2_drawn", year(second.drawn_year)),
        ("hours", economic.hours_saved_per_unit),
        ("vot", economic.value_of_time),
        ("eco_rate", economic.discount_rate),
    ];
    for (label, value) in expected {
        assert_eq!(sheet_input(sheet, label), value, "{label}");
    }
    assert!(sheet.contains("of:=ROUND([.E60]+NPV([.$B$12];[.E61:.E74]);2)"));
    assert!(sheet.contains(r#"office:value="2450000.5""#) && sheet.contains(r#"office:value="718342.53""#));
}
