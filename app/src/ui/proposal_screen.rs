//! The proposal on the projector, `/w/{slug}/screen/proposal`: each
//! section complete or what it lacks, the versions issued, and the
//! funding still to find. Public and live, in the stage screens' frame.

use super::locale::screen_locale;
use super::screen_room::RoomCorner;
use super::stage_timer::{use_stage_clock, StageClock, StageTimerBadge};
use super::{use_locale, Failure};
use crate::api::{load_proposal_screen, load_room_code, ProposalScreen, RoomCode};
use crate::document::{gap_name, section_name};
use crate::domain::figures::amount_in;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProposalScreenPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let version = super::live::use_live_version(slug);
    let screen = Resource::new(slug, load_proposal_screen);
    super::live::follow(version, screen, |s| s.version);
    let room = Resource::new(slug, load_room_code);
    let clock = use_stage_clock(params.read_untracked().get("slug").unwrap_or_default());
    view! {
        <Title text=tr(Msg::SectionProposal)/>
        <div class="business-screen stage-screen proposal-screen">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let room = room.await.ok();
                    match screen.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(s) => view! { <ProposalBoard s clock room slug=slug()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn ProposalBoard(
    s: ProposalScreen,
    clock: StageClock,
    room: Option<RoomCode>,
    slug: String,
) -> impl IntoView {
    let tr = screen_locale(s.languages);
    let (done, all) = s.complete();
    let currency = s.currency;
    let figure = move |value| match s.overflow {
        true => tr(Msg::OutOfRangeFigure).to_string(),
        false => amount_in(currency, value),
    };
    let sections = s
        .sections
        .into_iter()
        .map(|(id, gaps)| {
            let complete = gaps.is_empty();
            let said = match complete {
                true => tr(Msg::SectionDone).to_string(),
                false => gaps
                    .iter()
                    .map(|g| tr(gap_name(*g)))
                    .collect::<Vec<_>>()
                    .join(" · "),
            };
            view! {
                <tr class:incomplete=!complete data-section=id.anchor()>
                    <th scope="row" class="line">{id.number()}". "{tr(section_name(id))}</th>
                    <td>{complete.then_some("✓ ")}{said}</td>
                </tr>
            }
        })
        .collect_view();
    let issued = match s.issued.is_empty() {
        true => view! { <p class="empty-note">{tr(Msg::NoVersionIssued)}</p> }.into_any(),
        false => view! {
            <ul class="screen-versions">
                {s.issued.into_iter().take(6).map(|v| view! {
                    <li class="line">
                        <strong>{tr(Msg::ProposalVersion)}" "{v.number}</strong>" · "{v.label}
                        " · "{v.at.format("%Y-%m-%d %H:%M").to_string()}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <div class="bm-screen-main">
            <header>
                <div class="bm-title"><h1>{tr(Msg::SectionProposal)}" · "{s.title.clone()}</h1><StageTimerBadge clock tr/></div>
                <p class="walk-progress" data-figure="sections">
                    <strong>{done}" / "{all}</strong>" "{tr(Msg::SectionsComplete)}
                </p>
            </header>
            <table class="screen-sections" data-testid="sections">
                <tbody>{sections}</tbody>
            </table>
        </div>
        <aside class="bm-screen-side">
            <RoomCorner room slug tr/>
            <dl class="bm-screen-figures proposal-figures-screen">
                <div><dt>{tr(Msg::FundingToFind)}</dt><dd data-figure="to-find">{figure(s.gap)}</dd></div>
                <div><dt>{tr(Msg::Required)}</dt><dd data-figure="required">{figure(s.required)}</dd></div>
                <div><dt>{tr(Msg::Secured)}</dt><dd data-figure="secured">{figure(s.secured)}</dd></div>
            </dl>
            <h2>{tr(Msg::VersionsIssued)}</h2>
            {issued}
        </aside>
    }
}
