//! Stage 3 on the projector, `/w/{slug}/screen/business-model`: the
//! structure in plain words, NPV, IRR and payback, the cash flow by year,
//! and the room's votes on each risk as a heat map. Public and live.

use super::business_charts::{cash_flow_chart, Bar};
use super::business_figures::irr_text;
use super::locale::screen_locale;
use super::screen_room::RoomCorner;
use super::stage_timer::{use_stage_clock, StageClock, StageTimerBadge};
use super::{use_locale, Failure, Tr};
use crate::api::{load_business_screen, load_room_code, BusinessScreen, RoomCode};
use crate::domain::business::{Allocation, ModelFigures};
use crate::domain::business_view::RiskConsensus;
use crate::domain::figures::amount_in;
use crate::i18n::{allocation_name, structure_name, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BusinessScreenPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let version = super::live::use_live_version(slug);
    let screen = Resource::new(slug, load_business_screen);
    super::live::follow(version, screen, |s| s.version);
    let room = Resource::new(slug, load_room_code);
    let clock = use_stage_clock(params.read_untracked().get("slug").unwrap_or_default());
    view! {
        <Title text=tr(Msg::StageBusinessModel)/>
        <div class="business-screen">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let room = room.await.ok();
                    match screen.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(s) => view! { <Board s clock room slug=slug()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// Drawn again whenever the workshop moves, in the languages the
/// facilitators chose (`BusinessScreen::languages`).
#[component]
fn Board(s: BusinessScreen, clock: StageClock, room: Option<RoomCode>, slug: String) -> impl IntoView {
    let tr = screen_locale(s.languages);
    let structure = s.structure.map(|(named, term)| {
        let (name, explanation) = structure_name(named);
        view! {
            <p class="structure"><strong>{tr(name)}</strong>" · "{tr(Msg::TermYears)}": "{term}</p>
            <p class="explanation">{tr(explanation)}</p>
        }
    });
    let figures = match s.figures {
        ModelFigures::Computed(c) => {
            let p = &c.projection;
            let first = u32::from(c.first_year);
            let payback = p
                .payback_year
                .map(|y| (first + u32::from(y)).to_string())
                .unwrap_or_else(|| tr(Msg::NoPayback).to_string());
            let bars = Bar::of_rows(&p.rows, c.first_year);
            view! {
                <dl class="bm-screen-figures">
                    <div><dt>{tr(Msg::Npv)}</dt><dd data-figure="npv">{amount_in(s.currency, p.npv)}</dd></div>
                    <div><dt>{tr(Msg::Irr)}</dt><dd data-figure="irr">{irr_text(&p.irr, tr)}</dd></div>
                    <div><dt>{tr(Msg::PaybackYear)}</dt><dd data-figure="payback">{payback}</dd></div>
                    <div><dt>{tr(Msg::ViabilityGap)}</dt><dd>{amount_in(s.currency, p.viability_gap)}</dd></div>
                </dl>
                <figure class="bm-chart">
                    {cash_flow_chart(&bars, tr(Msg::CashFlowChart))}
                    <figcaption>{tr(Msg::CashFlowChart)}" ("{s.currency.code()}")"</figcaption>
                </figure>
            }
            .into_any()
        }
        ModelFigures::Incomplete => view! { <p class="note">{tr(Msg::ModelIncomplete)}</p> }.into_any(),
        ModelFigures::OutOfRange => view! { <p class="failure">{tr(Msg::ModelOutOfRange)}</p> }.into_any(),
    };
    view! {
        <div class="bm-screen-main">
            <header>
                <div class="bm-title"><h1>{tr(Msg::StageBusinessModel)}" · "{s.title.clone()}</h1><StageTimerBadge clock tr/></div>
                {structure}
            </header>
            {figures}
        </div>
        <aside class="bm-screen-side"><RoomCorner room slug tr/><ConsensusMap risks=s.risks tr/></aside>
    }
}

/// The share of votes as a shade: the more votes an allocation has, the
/// darker its cell; the count is always written, so colour is never the
/// only carrier of the figure.
fn shade(share: u8) -> String {
    format!("heat-{}", (share / 25).min(4))
}

#[component]
fn ConsensusMap(risks: Vec<RiskConsensus>, tr: Tr) -> impl IntoView {
    let rows = risks
        .into_iter()
        .map(|risk| {
            let cells = Allocation::ALL
                .iter()
                .map(|a| {
                    let count = risk.consensus.counts.get(a).copied().unwrap_or(0);
                    let class = format!(
                        "{} {}",
                        shade(risk.consensus.share(*a)),
                        if risk.settled == Some(*a) { "settled" } else { "" }
                    );
                    view! { <td class=class>{count}</td> }
                })
                .collect_view();
            view! {
                <tr data-risk=risk.number>
                    <th scope="row">{format!("R{} {}", risk.number, risk.description)}</th>
                    {cells}
                    <td>{risk.consensus.votes}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="consensus-map" data-testid="consensus">
            <caption>{tr(Msg::StepRiskAllocation)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::RiskLabel)}</th>
                {Allocation::ALL.map(|a| view! { <th scope="col">{tr(allocation_name(a))}</th> }).collect_view()}
                <th scope="col">{tr(Msg::VotesCount)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="legend">{tr(Msg::ConsensusLegend)}</p>
    }
}
