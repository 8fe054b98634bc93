//! The projector's plan by year: what the components cost each year
//! against the cash secured and pledged for it, and the cash laid out by no
//! year, so the bars together are the cash on the screen. Narrow, for the
//! side column: each year's label above its bars.

use super::Tr;
use crate::domain::figures::amount_in;
use crate::domain::money::Currency;
use crate::domain::schedule::ByYear;
use crate::i18n::Msg;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// One row: its label, and what it needs (none for the unscheduled cash)
/// against the cash secured and pledged for it.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    pub label: String,
    pub required: Option<Decimal>,
    pub secured: Decimal,
    pub pledged: Decimal,
}

/// The plan's rows: each year, then the cash with no year when there is
/// any.
pub fn year_rows(plan: &ByYear, no_year: &str) -> Vec<YearRow> {
    let mut rows: Vec<YearRow> = plan
        .years
        .iter()
        .map(|line| YearRow {
            label: line.year.to_string(),
            required: Some(line.required),
            secured: line.secured,
            pledged: line.pledged,
        })
        .collect();
    if plan.unscheduled_secured > Decimal::ZERO || plan.unscheduled_pledged > Decimal::ZERO {
        rows.push(YearRow {
            label: no_year.to_string(),
            required: None,
            secured: plan.unscheduled_secured,
            pledged: plan.unscheduled_pledged,
        });
    }
    rows
}

/// Bar lengths out of `width` on one scale for every row: (required,
/// secured, pledged), the longest filling the width.
pub fn year_bars(rows: &[YearRow], width: f64) -> Vec<(f64, f64, f64)> {
    let rows: Vec<_> = rows.iter().map(|r| (r.required, r.secured, r.pledged)).collect();
    super::bars::scaled(&rows, width)
}

#[component]
pub fn YearChart(plan: ByYear, currency: Currency, tr: Tr) -> impl IntoView {
    // The drawing is 420 units across the 11em column, so its 40-unit text
    // (style/main.css) is a little over 1em: over 24 px at 1920×1080.
    const WIDTH: f64 = 420.0;
    const ROW: usize = 84;
    let rows = year_rows(&plan, tr(Msg::NoYearShort));
    if rows.is_empty() {
        return None;
    }
    let title = tr(Msg::CostsAndCashByYear);
    let summary = rows
        .iter()
        .map(|r| {
            let required = r
                .required
                .map(|v| format!("{} {}, ", tr(Msg::Required), amount_in(currency, v)))
                .unwrap_or_default();
            format!(
                "{}: {required}{} {}, {} {}",
                r.label,
                tr(Msg::SecuredShort),
                amount_in(currency, r.secured),
                tr(Msg::PledgedShort),
                amount_in(currency, r.pledged)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let height = rows.len() * ROW;
    let lengths = year_bars(&rows, WIDTH);
    Some(view! {
        <figure class="chart year-chart">
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height}") preserveAspectRatio="xMinYMin meet" role="img"
                aria-label=format!("{title}: {summary}")>
                {rows.into_iter().zip(lengths).enumerate().map(|(i, (row, (required, secured, pledged)))| view! {
                    <g transform=format!("translate(0 {})", i * ROW)>
                        <text class="label" x="0" y="36">{row.label}</text>
                        <rect class="required" x="0" y="46" width=required height="30"/>
                        <rect class="pledged" x=secured y="50" width=pledged height="22"/>
                        <rect class="secured" x="0" y="50" width=secured height="22"/>
                    </g>
                }).collect_view()}
            </svg>
        </figure>
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::YearLine;
    use rust_decimal_macros::dec;

    #[test]
    fn the_rows_are_the_years_and_the_cash_of_no_year_so_they_add_up_to_the_cash() {
        let plan = ByYear {
            years: vec![
                YearLine {
                    year: 2027,
                    required: dec!(100),
                    secured: dec!(40.25),
                    pledged: dec!(10),
                },
                YearLine {
                    year: 2028,
                    required: dec!(50),
                    secured: dec!(0),
                    pledged: dec!(5.75),
                },
            ],
            unscheduled_secured: dec!(9.75),
            unscheduled_pledged: dec!(0),
        };
        let rows = year_rows(&plan, "No year");
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["2027", "2028", "No year"]);
        assert_eq!(rows.iter().map(|r| r.secured).sum::<Decimal>(), dec!(50));
        assert_eq!(rows.iter().map(|r| r.pledged).sum::<Decimal>(), dec!(15.75));
        assert_eq!(rows[2].required, None);
        let bars = year_bars(&rows, 400.0);
        assert_eq!(bars[0], (400.0, 161.0, 40.0));
        // No cash without a year, no row for it.
        let scheduled = ByYear {
            unscheduled_secured: dec!(0),
            ..plan
        };
        assert_eq!(year_rows(&scheduled, "No year").len(), 2);
    }
}
