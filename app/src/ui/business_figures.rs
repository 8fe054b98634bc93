//! Stage 3's figures: what the model's inputs give, computed in the browser
//! from the walk's copy of the state by the domain (so every device shows
//! the same figures the moment an input changes), drawn as tables and SVG.

use super::business_charts::{cash_flow_chart, tornado_chart, Bar, TornadoBar};
use super::use_locale;
use super::walk::page::Walk;
use super::Tr;
use crate::domain::business::{model_figures, Computed, FeeFlag, ModelFigures};
use crate::domain::figures::amount_in;
use crate::domain::finance::{Irr, Scenario, ScenarioResult};
use crate::domain::money::Currency;
use crate::i18n::Msg;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Stage 1's component costs as the model takes them, by calendar year.
#[component]
pub fn CapexFromComponents(walk: Walk) -> impl IntoView {
    let tr = use_locale();
    let rows = move || {
        walk.current.with(|v| {
            let first = v.business.assumptions.as_ref().map(|a| a.first_year);
            v.design
                .components
                .iter()
                .flat_map(|c| c.yearly_cost.iter().map(move |l| (c, l)))
                .map(|(c, line)| {
                    let model_year = first
                        .map(|f| line.year.saturating_sub(f).to_string())
                        .unwrap_or_default();
                    let amount = amount_in(v.currency, line.amount.amount);
                    view! {
                        <tr>
                            <td>{format!("{} {}", c.code, c.title)}</td>
                            <td class="num">{line.year}</td>
                            <td class="num">{model_year}</td>
                            <td class="num">{amount}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h3>{tr(Msg::CapexFromComponents)}</h3>
        <table class="figures-table">
            <thead><tr>
                <th scope="col">{tr(Msg::ComponentField)}</th>
                <th scope="col">{tr(Msg::YearLabel)}</th>
                <th scope="col">{tr(Msg::ModelYear)}</th>
                <th scope="col">{tr(Msg::Amount)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The model's figures as the walk's copy of the state gives them: made
/// once per page, since each is a projection and eleven sensitivity cases.
pub fn model_figures_of(walk: Walk) -> Memo<ModelFigures> {
    Memo::new(move |_| {
        walk.current
            .with(|v| model_figures(&v.business, &v.design, &v.financing))
    })
}

/// A rate (a fraction) as a percentage with two decimals.
pub(super) fn percent(rate: Decimal) -> String {
    format!("{} %", (rate * Decimal::ONE_HUNDRED).round_dp(2))
}

pub(super) fn irr_text(irr: &Irr, tr: Tr) -> String {
    let mirr = |m: &Option<Decimal>| {
        m.map(|m| format!(" {} {}", tr(Msg::Mirr), percent(m)))
            .unwrap_or_default()
    };
    match irr {
        Irr::Unique { rate, .. } => percent(*rate),
        Irr::NoSignChange => tr(Msg::NoIrr).to_string(),
        Irr::NotUnique { mirr: m } => format!("{}{}", tr(Msg::IrrNotUnique), mirr(m)),
        Irr::Below { bound } => format!("< {}", percent(*bound)),
        Irr::Above { bound } => format!("> {}", percent(*bound)),
    }
}

fn scenario_label(scenario: Scenario, tr: Tr) -> String {
    match scenario {
        Scenario::Volume(p) => format!("{} {p:+} %", tr(Msg::ScenarioVolume)),
        Scenario::Price(p) => format!("{} {p:+} %", tr(Msg::ScenarioPrice)),
        Scenario::CapexOverrun(p) => format!("{} +{p} %", tr(Msg::ScenarioCapexOverrun)),
        Scenario::DelayOneYear => tr(Msg::ScenarioDelay).to_string(),
    }
}

/// The trade-rule flags on the revenue streams.
#[component]
pub fn FeeFlags(walk: Walk, figures: Memo<ModelFigures>) -> impl IntoView {
    let tr = use_locale();
    move || {
        let ModelFigures::Computed(c) = figures.get() else {
            return ().into_any();
        };
        let currency = walk.current.with(|v| v.currency);
        let cost = c
            .cost_per_declaration
            .map(|cost| amount_in(currency, cost))
            .unwrap_or_default();
        c.fee_flags
            .iter()
            .map(|(id, flag)| {
                let name = walk.current.with(|v| {
                    v.business
                        .revenues
                        .iter()
                        .find(|r| r.id == *id)
                        .map(|r| r.name.clone())
                        .unwrap_or_default()
                });
                let text = match flag {
                    FeeFlag::AdValorem => tr(Msg::FeeAdValorem).to_string(),
                    FeeFlag::AboveCost => format!(
                        "{} {}: {cost}.",
                        tr(Msg::FeeAboveCost),
                        tr(Msg::CostPerDeclaration)
                    ),
                };
                view! { <p class="warning fee-flag"><strong>{name}</strong>": "{text}</p> }
            })
            .collect_view()
            .into_any()
    }
}

#[component]
pub fn FiguresPanel(walk: Walk, figures: Memo<ModelFigures>) -> impl IntoView {
    let tr = use_locale();
    move || match figures.get() {
        ModelFigures::Incomplete => view! { <p class="note">{tr(Msg::ModelIncomplete)}</p> }.into_any(),
        ModelFigures::OutOfRange => {
            view! { <p role="alert" class="failure">{tr(Msg::ModelOutOfRange)}</p> }.into_any()
        }
        ModelFigures::Computed(c) => {
            let currency = walk.current.with(|v| v.currency);
            let rate = walk
                .current
                .with(|v| v.business.assumptions.as_ref().map(|a| a.discount_rate_percent));
            view! {
                <KeyFigures computed=(*c).clone() currency rate=rate.unwrap_or_default()/>
                <YearTable computed=(*c).clone() currency/>
                <SensitivityTable computed=*c currency/>
            }
            .into_any()
        }
    }
}

#[component]
fn KeyFigures(computed: Computed, currency: Currency, rate: Decimal) -> impl IntoView {
    let tr = use_locale();
    let p = &computed.projection;
    let money = |value: Decimal| amount_in(currency, value);
    let payback = p
        .payback_year
        .map(|y| format!("{} ({})", u32::from(computed.first_year) + u32::from(y), y))
        .unwrap_or_else(|| tr(Msg::NoPayback).to_string());
    let dscr = match &p.dscr {
        Some(d) => format!(
            "{} {} · {} {}",
            tr(Msg::DscrMinimum),
            d.minimum.round_dp(2),
            tr(Msg::DscrAverage),
            d.average.round_dp(2)
        ),
        None => tr(Msg::NoDebt).to_string(),
    };
    let economic = p.economic_npv.map(money).unwrap_or_else(|| "—".into());
    let hours = computed
        .hours_saved
        .map(|(h, from_design)| {
            let source = if from_design {
                format!(" ({})", tr(Msg::FromStage1))
            } else {
                String::new()
            };
            format!("{}: {h}{source}", tr(Msg::HoursSaved))
        })
        .unwrap_or_default();
    view! {
        <dl class="model-figures" data-testid="model-figures">
            <div><dt>{tr(Msg::Npv)}</dt><dd class="figure" data-figure="npv">{money(p.npv)}</dd>
                <dd class="note">{format!("{} {rate} % · {}", tr(Msg::DiscountRate), tr(Msg::NpvNote))}</dd></div>
            <div><dt>{tr(Msg::Irr)}</dt><dd class="figure" data-figure="irr">{irr_text(&p.irr, tr)}</dd></div>
            <div><dt>{tr(Msg::PaybackYear)}</dt><dd class="figure" data-figure="payback">{payback}</dd></div>
            <div><dt>{tr(Msg::DebtService)}</dt><dd>{dscr}</dd></div>
            <div><dt>{tr(Msg::ViabilityGap)}</dt><dd class="figure" data-figure="viability-gap">{money(p.viability_gap)}</dd>
                <dd class="note">{tr(Msg::ViabilityGapHelp)}</dd></div>
            <div><dt>{tr(Msg::TotalCapex)}</dt><dd class="figure">{money(p.total_capex)}</dd></div>
            <div><dt>{tr(Msg::GapAfterSecured)}</dt><dd class="figure" data-figure="gap-secured">{money(computed.gap_after_secured)}</dd></div>
            <div><dt>{tr(Msg::GapAfterPledges)}</dt><dd class="figure">{money(computed.gap_after_pledges)}</dd></div>
            <div><dt>{tr(Msg::EconomicNpv)}</dt><dd class="figure" data-figure="economic-npv">{economic}</dd>
                <dd class="note">{hours}" · "{tr(Msg::EconomicNpvHelp)}</dd></div>
        </dl>
    }
}

#[component]
fn YearTable(computed: Computed, currency: Currency) -> impl IntoView {
    let tr = use_locale();
    let money = move |value: Decimal| amount_in(currency, value);
    let first = u32::from(computed.first_year);
    let bars = Bar::of_rows(&computed.projection.rows, computed.first_year);
    let rows = computed
        .projection
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{format!("{} ({})", first + u32::from(r.year), r.year)}</th>
                    <td class="num">{money(r.revenue)}</td>
                    <td class="num">{money(r.opex)}</td>
                    <td class="num">{money(r.capex)}</td>
                    <td class="num">{money(r.net)}</td>
                    <td class="num">{money(r.cumulative)}</td>
                    <td class="num">{money(r.debt_service)}</td>
                    <td class="num">{r.dscr.map(|d| d.round_dp(2).to_string()).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="bm-chart">
            {cash_flow_chart(&bars, tr(Msg::CashFlowChart))}
            <figcaption>{tr(Msg::CashFlowChart)}" ("{currency.code()}")"</figcaption>
        </figure>
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(Msg::CashFlowChart)>
            <table class="figures-table" data-testid="projection">
                <thead><tr>
                    <th scope="col">{tr(Msg::YearLabel)}</th>
                    <th scope="col">{tr(Msg::RevenueLabel)}</th>
                    <th scope="col">{tr(Msg::OpexLabel)}</th>
                    <th scope="col">{tr(Msg::CapexLabel)}</th>
                    <th scope="col">{tr(Msg::NetCashFlow)}</th>
                    <th scope="col">{tr(Msg::CumulativeCashFlow)}</th>
                    <th scope="col">{tr(Msg::DebtService)}</th>
                    <th scope="col">"DSCR"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn sensitivity_row(result: &ScenarioResult, secured: Decimal, currency: Currency, tr: Tr) -> impl IntoView {
    let label = scenario_label(result.scenario, tr);
    let (npv, irr, gap) = match &result.figures {
        Ok(f) => (
            amount_in(currency, f.npv),
            irr_text(&f.irr, tr),
            amount_in(currency, (f.total_capex - secured).max(Decimal::ZERO)),
        ),
        Err(_) => (tr(Msg::ModelOutOfRange).to_string(), String::new(), String::new()),
    };
    view! { <tr><th scope="row">{label}</th><td class="num">{npv}</td><td class="num">{irr}</td><td class="num">{gap}</td></tr> }
}

#[component]
fn SensitivityTable(computed: Computed, currency: Currency) -> impl IntoView {
    let tr = use_locale();
    let secured = computed.financing.secured;
    let base = computed.projection.npv;
    let bars: Vec<TornadoBar> = computed
        .sensitivity
        .iter()
        .filter_map(|r| {
            r.figures.as_ref().ok().map(|f| TornadoBar {
                label: scenario_label(r.scenario, tr),
                delta: f.npv - base,
            })
        })
        .collect();
    let rows = computed
        .sensitivity
        .iter()
        .map(|r| sensitivity_row(r, secured, currency, tr))
        .collect_view();
    view! {
        <h3>{tr(Msg::Sensitivity)}</h3>
        <table class="figures-table" data-testid="sensitivity">
            <thead><tr>
                <th scope="col">{tr(Msg::Scenario)}</th>
                <th scope="col">{tr(Msg::Npv)}</th>
                <th scope="col">{tr(Msg::Irr)}</th>
                <th scope="col">{tr(Msg::GapAfterSecured)}</th>
            </tr></thead>
            <tbody>
                <tr class="base"><th scope="row">{tr(Msg::BaseCase)}</th>
                    <td class="num">{amount_in(currency, base)}</td>
                    <td class="num">{irr_text(&computed.projection.irr, tr)}</td>
                    <td class="num">{amount_in(currency, computed.gap_after_secured)}</td></tr>
                {rows}
            </tbody>
        </table>
        <figure class="bm-chart">
            {tornado_chart(&bars, tr(Msg::TornadoChart))}
            <figcaption>{tr(Msg::TornadoChart)}" ("{currency.code()}")"</figcaption>
        </figure>
    }
}
