//! The projected dashboard, `/w/{slug}/screen`: public, read-only, live.
//! Large type and high contrast, laid out for 1920×1080 without scrolling.

use super::live_dashboard::{newest, use_pushed_dashboard};
use super::locale::screen_locale;
use super::screen_years::YearChart;
use super::stage_timer::{pushed_stage_clock, StageClock, StageTimerBadge};
use super::{use_locale, Failure, Tr};
use crate::api::{load_dashboard, load_room_code, RoomCode};
use crate::domain::dashboard::{Bar, Dashboard, PublicName};
use crate::domain::figures::{amount_in, rates_used_briefly};
use crate::domain::limits::checked_sum;
use crate::domain::money::Currency;
use crate::domain::required::RequiredSource;
use crate::i18n::{
    anonymous_name, commitment_status_name, instrument_name, partner_group_name, stage_name, Msg,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use rust_decimal::Decimal;

#[component]
pub fn ScreenPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    // Served with the page, then each newer one the server pushes: no refetch.
    let dashboard = Resource::new(slug, load_dashboard);
    let pushed = use_pushed_dashboard(slug, dashboard);
    let room = Resource::new(slug, load_room_code);
    let clock = pushed_stage_clock(params.read_untracked().get("slug").unwrap_or_default(), pushed);
    view! {
        <Title text=tr(Msg::ScreenLink)/>
        <div class="screen">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || { let pushed = pushed.get(); Suspend::new(async move {
                    let room = room.await.ok();
                    match dashboard.await.map(|served| newest(served, pushed)) {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(d) => view! { <Board d room clock slug=slug()/> }.into_any(),
                    }
                })}}
            </Transition>
        </div>
    }
}

/// The screen's parts, drawn again whenever the workshop moves, in the
/// languages the facilitators chose (`Dashboard::languages`).
#[component]
fn Board(d: Dashboard, room: Option<RoomCode>, clock: StageClock, slug: String) -> impl IntoView {
    let tr = screen_locale(d.languages);
    let c = d.reporting_currency;
    let overflow = d.overflow;
    // A figure that could not be computed within range says so; it never
    // shows a partial sum as a total.
    let big = move |v: Decimal| {
        if overflow {
            tr(Msg::OutOfRangeFigure).to_string()
        } else {
            amount_in(c, v)
        }
    };
    // Large figures: the currency code small, the amount to the cent, so the
    // screen matches the register's totals exactly.
    let figure = move |v: Decimal| {
        if overflow {
            return view! { <span class="out-of-range">{tr(Msg::OutOfRangeFigure)}</span> }.into_any();
        }
        view! { <span class="code">{c.code()}</span>{crate::domain::money::format_amount(v, c)} }.into_any()
    };
    let costing = costing_note(&d, tr);
    let required_note = match d.required_source {
        RequiredSource::Budget => tr(Msg::FromTheBudget),
        RequiredSource::Target => tr(Msg::FromTheTarget),
        RequiredSource::Nothing => tr(Msg::NoBudgetYet),
    };
    let components: Vec<ChartRow> = d
        .by_component
        .iter()
        .map(|b| ChartRow::of(b, b.key.clone()))
        .collect();
    let instruments: Vec<ChartRow> = d
        .by_instrument
        .iter()
        .map(|b| ChartRow::of(b, tr(instrument_name(b.key)).to_string()))
        .collect();
    let groups: Vec<ChartRow> = d
        .by_group
        .iter()
        .map(|b| ChartRow::of(b, tr(partner_group_name(b.key)).to_string()))
        .collect();
    let cities: Vec<ChartRow> = d
        .cities_on_screen()
        .into_iter()
        .map(|b| ChartRow::of(b, b.key.clone()))
        .collect();
    // Read from the back of the hall: a few bars each, the rest as one.
    let others = tr(Msg::OtherRows);
    let [components, instruments, groups, cities] =
        [components, instruments, groups, cities].map(|rows| largest_rows(rows, ROWS_ON_SCREEN, others));
    view! {
        <div class="screen-main">
        <header class="screen-header">
            <h1>{d.title.clone()}</h1>
            {d.current_stage.map(|s| view! {
                <p class="screen-stage">{tr(Msg::StageLabel)}" "{s.number()}" · "{tr(stage_name(s))}</p>
            })}
            <StageTimerBadge clock tr/>
        </header>
        <section class="screen-figures" aria-label=tr(Msg::Financing)>
            <dl>
                <div class="figure required"><dt>{tr(Msg::Required)}</dt><dd>{figure(d.required)}</dd><dd class="small">{required_note}</dd>{costing.map(|text| view! { <dd class="small costing">{text}</dd> })}</div>
                <div class="figure secured">
                    <dt>{tr(Msg::Secured)}</dt><dd data-figure="secured">{figure(d.cash.secured)}</dd>
                    <dd class="small">{tr(Msg::Paid)}" "<span class="amount" data-figure="disbursed">{big(d.disbursed)}</span></dd>
                    <dd class="small">{tr(Msg::NotYetPaid)}" "<span class="amount" data-figure="undisbursed">{big(d.undisbursed)}</span></dd>
                </div>
                <div class="figure pledged"><dt>{tr(Msg::Pledged)}</dt><dd data-figure="pledged">{figure(d.cash.pledged)}</dd></div>
                <div class="figure gap"><dt>{tr(Msg::Gap)}</dt><dd data-figure="gap">{figure(d.gap)}</dd></div>
            </dl>
            <Progress secured=d.secured_percent pledged=d.pledged_percent tr/>
            <p class="screen-note">
                {tr(Msg::CashOnly)}" "{tr(Msg::Guarantees)}": "<span class="money">{big(d.guarantees.secured)}</span>" "{tr(Msg::SecuredShort)}", "<span class="money">{big(d.guarantees.pledged)}</span>" "{tr(Msg::PledgedShort)}
                " · "{tr(Msg::InKind)}": "<span class="money">{big(d.in_kind.secured)}</span>" "{tr(Msg::SecuredShort)}", "<span class="money">{big(d.in_kind.pledged)}</span>" "{tr(Msg::PledgedShort)}
                " · "{tr(Msg::Pipeline)}": "{d.pipeline.count}" "{tr(Msg::PipelineLine)}" "<span class="money">{big(d.pipeline.indicative)}</span>
                {(d.unconverted > 0).then(|| view! { " · "{d.unconverted}" "{tr(Msg::Unconverted)} })}
                {(d.out_of_range > 0).then(|| view! { " · "{d.out_of_range}" "{tr(Msg::OutOfRange)} })}
            </p>
            {overflow.then(|| view! { <p class="screen-note warning" role="status">{tr(Msg::FiguresOutOfRange)}</p> })}
        </section>
        <section class="screen-charts">
            <Chart title=tr(Msg::ByComponent) rows=components currency=c/>
            <Chart title=tr(Msg::ByInstrument) rows=instruments currency=c/>
            <Chart title=tr(Msg::ByPartnerGroup) rows=groups currency=c/>
            <Chart title=tr(Msg::LargestGapsByCity) rows=cities currency=c/>
        </section>
        <section class="screen-feed" aria-labelledby="feed-heading" aria-live="polite">
            <h2 id="feed-heading">{tr(Msg::NewestCommitments)}</h2>
            <ol>
                {d.newest.iter().map(|line| {
                    let who = match &line.who {
                        PublicName::Named { name } => name.clone(),
                        PublicName::Anonymous { group } => tr(anonymous_name(*group)).to_string(),
                    };
                    view! {
                        <li>
                            <span class="who">{who}</span>
                            <span class="amount">{line.money.display()}</span>
                            <span class="status">{tr(commitment_status_name(line.status))}" · "{tr(instrument_name(line.instrument))}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        <p class="screen-rates">
            {rates_used_briefly(&d.rates_used, c).map(|text| format!("{} {text}", tr(Msg::RatesUsed)))}
        </p>
        </div>
        <aside class="screen-side">
            {room.map(|room| view! {
                <section class="screen-join" aria-label=tr(Msg::JoinTheRoom)>
                    <img src=format!("/w/{slug}/room.svg") alt=tr(Msg::QrAlt) width="220" height="220"/>
                    <p>{tr(Msg::JoinTheRoom)}</p>
                    <p class="room-code">{room.code}</p>
                    <p class="room-url">{room.join_url}</p>
                </section>
            })}
            <YearChart plan=d.by_year.clone() currency=c tr/>
        </aside>
    }
}

/// How complete the costing is, while it is not: "6/12 components costed;
/// budget so far USD 1,200,000; funding target USD 5,000,000". `None` once
/// every component is costed, or when the design has no components.
pub(super) fn costing_note(d: &Dashboard, tr: Tr) -> Option<String> {
    let costing = d.costing;
    if costing.components == 0 || costing.complete() {
        return None;
    }
    let c = d.reporting_currency;
    // A sentence may wrap, but never between an amount's currency and its
    // number.
    let amount = |v| amount_in(c, v).replace(' ', "\u{a0}");
    let mut text = format!(
        "{}/{} {}; {} {}",
        costing.costed,
        costing.components,
        tr(Msg::ComponentsCosted),
        tr(Msg::BudgetSoFar),
        amount(costing.budget)
    );
    if let Some(target) = d.target {
        text.push_str(&format!("; {} {}", tr(Msg::FundingTarget), amount(target)));
    }
    Some(text)
}

#[component]
fn Progress(secured: u8, pledged: u8, tr: Tr) -> impl IntoView {
    let label = format!("{}: {secured}%", tr(Msg::Secured));
    view! {
        <svg class="progress" viewBox="0 0 1000 40" preserveAspectRatio="none" role="img" aria-label=label>
            <rect class="track" x="0" y="0" width="1000" height="40"/>
            <rect class="pledged" x="0" y="0" width=u32::from(pledged) * 10 height="40"/>
            <rect class="secured" x="0" y="0" width=u32::from(secured) * 10 height="40"/>
        </svg>
        <p class="progress-label">{secured}"% "{tr(Msg::SecuredShort)}" · "{pledged.saturating_sub(secured)}"% "{tr(Msg::PledgedShort)}</p>
    }
}

/// One bar of a chart, in the reporting currency.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartRow {
    pub label: String,
    pub required: Option<Decimal>,
    pub secured: Decimal,
    pub pledged: Decimal,
}

impl ChartRow {
    fn of<K>(bar: &Bar<K>, label: String) -> ChartRow {
        ChartRow {
            label,
            required: bar.required,
            secured: bar.tiers.secured,
            pledged: bar.tiers.pledged,
        }
    }
}

/// Bar lengths out of `width`: (required, secured, pledged), all on one
/// scale, the longest of them filling the width.
pub fn bar_lengths(rows: &[ChartRow], width: f64) -> Vec<(f64, f64, f64)> {
    let rows: Vec<_> = rows.iter().map(|r| (r.required, r.secured, r.pledged)).collect();
    super::bars::scaled(&rows, width)
}

/// How many bars a chart on the screen shows before the rest are summed.
const ROWS_ON_SCREEN: usize = 4;

/// The `keep` largest rows (by the longest of their bars), in their own
/// order, and the rest summed into one row "`others` (n)", so every chart
/// still adds up to its total. Rows are left as they are when at most one
/// would be summed, or when a sum would leave the range (the figures then
/// say so themselves).
pub fn largest_rows(rows: Vec<ChartRow>, keep: usize, others: &str) -> Vec<ChartRow> {
    if rows.len() <= keep + 1 {
        return rows;
    }
    let size = |r: &ChartRow| {
        r.required
            .unwrap_or_default()
            .max(r.secured.checked_add(r.pledged).unwrap_or(Decimal::MAX))
    };
    let mut by_size: Vec<usize> = (0..rows.len()).collect();
    by_size.sort_by(|a, b| size(&rows[*b]).cmp(&size(&rows[*a])).then(a.cmp(b)));
    let kept: std::collections::BTreeSet<usize> = by_size.into_iter().take(keep).collect();
    let rest: Vec<&ChartRow> = (0..rows.len())
        .filter(|i| !kept.contains(i))
        .map(|i| &rows[i])
        .collect();
    let required = match rest.iter().any(|r| r.required.is_some()) {
        true => checked_sum(rest.iter().filter_map(|r| r.required)).map(Some),
        false => Some(None),
    };
    let secured = checked_sum(rest.iter().map(|r| r.secured));
    let pledged = checked_sum(rest.iter().map(|r| r.pledged));
    let (Some(required), Some(secured), Some(pledged)) = (required, secured, pledged) else {
        return rows;
    };
    let label = format!("{others} ({})", rest.len());
    let mut shown: Vec<ChartRow> = rows
        .into_iter()
        .enumerate()
        .filter(|(i, _)| kept.contains(i))
        .map(|(_, row)| row)
        .collect();
    shown.push(ChartRow {
        label,
        required,
        secured,
        pledged,
    });
    shown
}

#[component]
fn Chart(title: &'static str, rows: Vec<ChartRow>, currency: Currency) -> impl IntoView {
    const WIDTH: f64 = 560.0;
    // Text is 32 units (style/main.css), at least 24 px on a 1920 px screen.
    const ROW: usize = 48;
    let height = (rows.len().max(1) * ROW).to_string();
    let lengths = bar_lengths(&rows, WIDTH);
    let summary = rows
        .iter()
        .map(|r| format!("{}: {}", r.label, amount_in(currency, r.secured)))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 1000 {height}") preserveAspectRatio="xMinYMin meet" role="img" aria-label=format!("{title}: {summary}")>
                {rows.into_iter().zip(lengths).enumerate().map(|(i, (row, (required, secured, pledged)))| {
                    let y = i * ROW;
                    view! {
                        <g transform=format!("translate(0 {y})")>
                            <text class="label" x="0" y="34">{shorten(&row.label, 22)}</text>
                            <rect class="required" x="420" y="8" width=required height="32"/>
                            <rect class="pledged" x=420.0 + secured y="8" width=pledged height="32"/>
                            <rect class="secured" x="420" y="8" width=secured height="32"/>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn row(required: Option<Decimal>, secured: Decimal, pledged: Decimal) -> ChartRow {
        ChartRow {
            label: "x".into(),
            required,
            secured,
            pledged,
        }
    }

    #[test]
    fn bars_share_one_scale_and_the_longest_fills_the_width() {
        let rows = [
            row(Some(dec!(200)), dec!(50), dec!(50)),
            row(None, dec!(100), dec!(0)),
        ];
        let lengths = bar_lengths(&rows, 1000.0);
        assert_eq!(lengths[0], (1000.0, 250.0, 250.0));
        assert_eq!(lengths[1], (0.0, 500.0, 0.0));
    }

    #[test]
    fn the_rest_of_a_long_chart_is_one_row_and_the_chart_still_adds_up() {
        let rows: Vec<ChartRow> = (1..=7)
            .map(|n| ChartRow {
                label: format!("C{n}"),
                ..row(Some(Decimal::from(n * 10)), Decimal::from(n), Decimal::ONE)
            })
            .collect();
        let shown = largest_rows(rows.clone(), 3, "Others");
        let labels: Vec<&str> = shown.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["C5", "C6", "C7", "Others (4)"]);
        let total = |rows: &[ChartRow]| {
            (
                rows.iter().filter_map(|r| r.required).sum::<Decimal>(),
                rows.iter().map(|r| r.secured).sum::<Decimal>(),
                rows.iter().map(|r| r.pledged).sum::<Decimal>(),
            )
        };
        assert_eq!(total(&shown), total(&rows));
        // Four rows and one more are shown whole: "others (1)" says less.
        assert_eq!(largest_rows(rows[..4].to_vec(), 3, "Others"), rows[..4].to_vec());
    }

    #[test]
    fn empty_charts_draw_nothing() {
        assert_eq!(
            bar_lengths(&[row(None, dec!(0), dec!(0))], 1000.0),
            vec![(0.0, 0.0, 0.0)]
        );
        assert_eq!(shorten("Customs single window", 10), "Customs s…");
    }
}
