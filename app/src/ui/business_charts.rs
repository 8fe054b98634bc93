//! The business model's SVG charts, sized for the projector: net cash flow
//! by year as bars with the cumulative as a line, and the tornado of the
//! sensitivity cases. Geometry only; the figures come from the domain.

use super::use_locale;
use crate::domain::finance::YearRow;
use crate::i18n::Msg;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

pub struct Bar {
    pub label: String,
    pub net: Decimal,
    pub cumulative: Decimal,
}

impl Bar {
    /// One bar a model year, labelled with its calendar year.
    pub fn of_rows(rows: &[YearRow], first_year: u16) -> Vec<Bar> {
        rows.iter()
            .map(|r| Bar {
                label: (u32::from(first_year) + u32::from(r.year)).to_string(),
                net: r.net,
                cumulative: r.cumulative,
            })
            .collect()
    }
}

pub struct TornadoBar {
    pub label: String,
    pub delta: Decimal,
}

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 420.0;
const PLOT_TOP: f64 = 20.0;
const PLOT_BOTTOM: f64 = 370.0;

/// A figure as a drawing coordinate. Only pixels pass through a float:
/// every amount written on a chart or beside it is the exact decimal.
fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The vertical scale: the zero line's height and pixels per unit, so that
/// every bar and the whole cumulative line fit.
fn scale(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = (high - low).max(1.0);
    let per_unit = (PLOT_BOTTOM - PLOT_TOP) / span;
    (PLOT_TOP + high * per_unit, per_unit)
}

pub fn cash_flow_chart(bars: &[Bar], label: &'static str) -> impl IntoView {
    let tr = use_locale();
    let (zero, per_unit) = scale(bars.iter().flat_map(|b| [number(b.net), number(b.cumulative)]));
    let slot = WIDTH / bars.len().max(1) as f64;
    let y = |value: f64| zero - value * per_unit;
    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let net = number(b.net);
            let (top, height) = if net >= 0.0 { (y(net), net * per_unit) } else { (zero, -net * per_unit) };
            let class = if net >= 0.0 { "bar positive" } else { "bar negative" };
            let x = i as f64 * slot + slot * 0.15;
            let shown = i % 2 == 0 || bars.len() <= 10;
            view! {
                <rect class=class x=format!("{x:.1}") y=format!("{top:.1}") width=format!("{:.1}", slot * 0.7) height=format!("{:.1}", height.max(1.0))/>
                {shown.then(|| view! {
                    <text class="axis-label" x=format!("{:.1}", x + slot * 0.35) y="405" text-anchor="middle">{b.label.clone()}</text>
                })}
            }
        })
        .collect_view();
    let line = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            format!(
                "{:.1},{:.1}",
                i as f64 * slot + slot * 0.5,
                y(number(b.cumulative))
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <svg class="cash-flow-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            <line class="zero" x1="0" x2=WIDTH y1=format!("{zero:.1}") y2=format!("{zero:.1}")/>
            {rects}
            <polyline class="cumulative" points=line/>
        </svg>
        <p class="legend">
            <span class="key positive"></span>{tr(Msg::NetCashFlow)}" "
            <span class="key negative"></span>{tr(Msg::NetCashFlow)}" < 0 "
            <span class="key cumulative"></span>{tr(Msg::CumulativeCashFlow)}
        </p>
    }
}

pub fn tornado_chart(bars: &[TornadoBar], label: &'static str) -> impl IntoView {
    let mut sorted: Vec<&TornadoBar> = bars.iter().collect();
    sorted.sort_by_key(|b| std::cmp::Reverse(b.delta.abs()));
    let widest = sorted
        .iter()
        .map(|b| number(b.delta).abs())
        .fold(1.0_f64, f64::max);
    let row = 36.0;
    let height = row * sorted.len().max(1) as f64 + 10.0;
    let centre = 660.0;
    let half = 320.0;
    let rects = sorted
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let delta = number(b.delta);
            let length = delta.abs() / widest * half;
            let x = if delta >= 0.0 { centre } else { centre - length };
            let class = if delta >= 0.0 { "bar positive" } else { "bar negative" };
            let top = i as f64 * row + 5.0;
            view! {
                <text class="axis-label" x="320" y=format!("{:.1}", top + 24.0) text-anchor="end">{b.label.clone()}</text>
                <rect class=class x=format!("{x:.1}") y=format!("{top:.1}") width=format!("{:.1}", length.max(1.0)) height="28"/>
            }
        })
        .collect_view();
    view! {
        <svg class="tornado-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
            <line class="zero" x1=centre x2=centre y1="0" y2=height/>
            {rects}
        </svg>
    }
}
