//! The fixed screens of stages 1 and 2 for a second projector,
//! `/w/{slug}/screen/design` and `/w/{slug}/screen/partnership`: what the
//! room is building, at a glance, live and public, in the languages the
//! facilitators chose. Laid out like stage 3's screen.

use super::locale::screen_locale;
use super::screen_room::RoomCorner;
use super::stage_timer::{use_stage_clock, StageClock, StageTimerBadge};
use super::{use_locale, Failure, Tr};
use crate::api::{
    load_design_screen, load_partnership_screen, load_room_code, DesignScreen, PartnershipScreen, RoomCode,
};
use crate::domain::design::risk_band;
use crate::domain::figures::amount_in;
use crate::domain::stage_screens::WalkProgress;
use crate::i18n::{
    body_kind_name, partner_group_name, partnering_stage_name, raci_flag_short, risk_band_name, Msg,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DesignScreenPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let version = super::live::use_live_version(slug);
    let screen = Resource::new(slug, load_design_screen);
    super::live::follow(version, screen, |s| s.version);
    let room = Resource::new(slug, load_room_code);
    let clock = use_stage_clock(params.read_untracked().get("slug").unwrap_or_default());
    view! {
        <Title text=tr(Msg::StageProjectDesign)/>
        <div class="business-screen stage-screen design-screen">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let room = room.await.ok();
                    match screen.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(s) => view! { <DesignBoard s clock room slug=slug()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
pub fn PartnershipScreenPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let version = super::live::use_live_version(slug);
    let screen = Resource::new(slug, load_partnership_screen);
    super::live::follow(version, screen, |s| s.version);
    let room = Resource::new(slug, load_room_code);
    let clock = use_stage_clock(params.read_untracked().get("slug").unwrap_or_default());
    view! {
        <Title text=tr(Msg::StagePartnership)/>
        <div class="business-screen stage-screen">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let room = room.await.ok();
                    match screen.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(s) => view! { <PartnershipBoard s clock room slug=slug()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The stage's name and the workshop's, the countdown, and the walk's
/// progress.
#[component]
fn Heading(stage: Msg, title: String, walk: WalkProgress, clock: StageClock, tr: Tr) -> impl IntoView {
    view! {
        <header>
            <div class="bm-title"><h1>{tr(stage)}" · "{title}</h1><StageTimerBadge clock tr/></div>
            <p class="walk-progress" data-figure="walk">
                <strong>{walk.done}" / "{walk.steps}</strong>" "{tr(Msg::StepsDone)}
            </p>
        </header>
    }
}

#[component]
fn DesignBoard(s: DesignScreen, clock: StageClock, room: Option<RoomCode>, slug: String) -> impl IntoView {
    let tr = screen_locale(s.languages);
    let currency = s.currency;
    let costing = format!(
        "{}/{} {}",
        s.costing.costed,
        s.costing.components,
        tr(Msg::ComponentsCosted)
    );
    view! {
        <div class="bm-screen-main">
            <Heading stage=Msg::StageProjectDesign title=s.title.clone() walk=s.walk clock tr/>
            <dl class="results-chain">
                <div><dt>{tr(Msg::FieldGoal)}</dt><dd>{s.goal.clone()}</dd></div>
                <div><dt>{tr(Msg::FieldPurpose)}</dt><dd>{s.purpose.clone()}</dd></div>
            </dl>
            <h2>{tr(Msg::LfOutputs)}</h2>
            <ul class="screen-outputs">
                {s.outputs.into_iter().map(|o| view! {
                    <li>
                        <strong class="line">{o.name}</strong>
                        <ul>{o.indicators.into_iter().map(|i| view! { <li class="line">{i}</li> }).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ul>
        </div>
        <aside class="bm-screen-side">
            <RoomCorner room slug tr/>
            <RiskHeatMap cells=s.risks tr/>
            <table class="screen-components" data-testid="components">
                <caption>{tr(Msg::StepComponents)}" · "{costing}</caption>
                <tbody>
                    {s.components.into_iter().map(|c| view! {
                        <tr class:uncosted=c.cost.is_none()>
                            <th scope="row" class="line">{c.name}</th>
                            <td class="line">{c.lead}</td>
                            <td class="money">{c.cost.map(|v| amount_in(currency, v)).unwrap_or_else(|| tr(Msg::NotCosted).to_string())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </aside>
    }
}

/// How many risks each cell of the 5×5 matrix holds, likelihood up and
/// impact across, banded as the risk register bands them; the count is
/// written, so colour never carries it alone.
#[component]
fn RiskHeatMap(cells: [[usize; 5]; 5], tr: Tr) -> impl IntoView {
    view! {
        <table class="screen-risks" data-testid="risks">
            <caption>{tr(Msg::RiskMatrix)}</caption>
            <thead><tr>
                <td></td>
                {(1..=5u8).map(|impact| view! { <th scope="col">{impact}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {(1..=5u8).rev().map(|likelihood| view! {
                    <tr>
                        <th scope="row">{likelihood}</th>
                        {(1..=5u8).map(|impact| {
                            let count = cells[usize::from(likelihood - 1)][usize::from(impact - 1)];
                            let band = risk_band(likelihood, impact);
                            let label = format!("{}: {count} {}", tr(risk_band_name(band)), tr(Msg::RisksInCell));
                            view! {
                                <td class=format!("band-{}", crate::domain::commitment_form::code_of(band)) aria-label=label
                                    data-likelihood=likelihood data-impact=impact>
                                    {(count > 0).then_some(count)}
                                </td>
                            }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="legend">{tr(Msg::LikelihoodAxis)}" ↑ · "{tr(Msg::ImpactAxis)}" →"</p>
    }
}

#[component]
fn PartnershipBoard(
    s: PartnershipScreen,
    clock: StageClock,
    room: Option<RoomCode>,
    slug: String,
) -> impl IntoView {
    let tr = screen_locale(s.languages);
    view! {
        <div class="bm-screen-main">
            <Heading stage=Msg::StagePartnership title=s.title.clone() walk=s.walk clock tr/>
            <div class="screen-partners">
                {s.groups.into_iter().map(|(group, partners)| view! {
                    <section>
                        <h2>{tr(partner_group_name(group))}" ("{partners.len()}")"</h2>
                        <ul>
                            {partners.into_iter().map(|p| view! {
                                <li>
                                    <span class="line">{p.name}</span>
                                    <span class="agreement">{match p.stage {
                                        Some(stage) => tr(partnering_stage_name(stage)),
                                        None => tr(Msg::NoAgreementYet),
                                    }}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
            </div>
        </div>
        <aside class="bm-screen-side">
            <RoomCorner room slug tr/>
            <table class="screen-matrix" data-testid="matrix">
                <caption>{tr(Msg::ResponsibilityMatrixHeading)}</caption>
                <tbody>
                    {s.matrix.into_iter().map(|(component, flags)| {
                        let flagged = !flags.is_empty();
                        let said = match flagged {
                            true => flags.iter().map(|f| tr(raci_flag_short(*f))).collect::<Vec<_>>().join(" · "),
                            false => tr(Msg::MatrixColumnComplete).to_string(),
                        };
                        view! {
                            <tr class:flagged=flagged>
                                <th scope="row" class="line">{component}</th>
                                <td>{said}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <h2>{tr(Msg::GovernanceHeading)}</h2>
            <ul class="screen-bodies">
                {s.bodies.into_iter().map(|b| view! {
                    <li>
                        <strong>{b.name}</strong>" · "{tr(body_kind_name(b.kind))}
                        <span class="line">{tr(Msg::ColumnMembers)}": "{b.members}{b.chair.map(|c| format!(" · {}: {c}", tr(Msg::ColumnChair)))}</span>
                    </li>
                }).collect_view()}
            </ul>
        </aside>
    }
}
