//! The main projected screen, `/w/{slug}/screen`: whichever dashboard a
//! facilitator put on it (by default the stage the room is in), switched
//! live without a reload. Each dashboard is the page of its fixed screen,
//! drawn whole; this only chooses which, and draws a question to the room.

use super::locale::screen_locale;
use super::screen_room::RoomCorner;
use super::stage_timer::{use_stage_clock, StageClock, StageTimerBadge};
use super::{use_locale, Failure};
use crate::api::{
    load_main_screen, load_question_screen, load_room_code, MainScreen, QuestionScreen, RoomCode,
};
use crate::domain::model::{ScreenBoard, Stage};
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MainScreenPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    // One stream for the page: the dashboard drawn below shares it.
    let _ = super::live::use_live_version(slug);
    // Fetched once; the switch below keeps it current.
    let first = Resource::new(slug, load_main_screen);
    view! {
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match first.await {
                    Err(error) => view! { <Failure error/> }.into_any(),
                    Ok(main) => view! { <ChosenBoard main slug=slug()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Draws the dashboard the screen shows, and another only when that
/// changes: a commit that leaves the choice alone redraws nothing here.
#[component]
fn ChosenBoard(main: MainScreen, slug: String) -> impl IntoView {
    let current = RwSignal::new(main);
    super::live::keep_current(slug, current, load_main_screen, |m| m.version);
    let shows = Memo::new(move |_| current.with(|m| m.shows));
    move || match shows.get() {
        ScreenBoard::Stage {
            stage: Stage::ProjectDesign,
        } => view! { <super::stage_screens::DesignScreenPage/> }.into_any(),
        ScreenBoard::Stage {
            stage: Stage::Partnership,
        } => view! { <super::stage_screens::PartnershipScreenPage/> }.into_any(),
        ScreenBoard::Stage {
            stage: Stage::BusinessModel,
        } => view! { <super::business_screen::BusinessScreenPage/> }.into_any(),
        ScreenBoard::Stage {
            stage: Stage::Commitments,
        } => view! { <super::screen::ScreenPage/> }.into_any(),
        ScreenBoard::Proposal => view! { <super::proposal_screen::ProposalScreenPage/> }.into_any(),
        ScreenBoard::Question { .. } => view! { <QuestionScreenPage/> }.into_any(),
    }
}

/// The question a facilitator put on the screen: its answers as they are
/// sent, newest first, and how many; closed, it says so.
#[component]
fn QuestionScreenPage() -> impl IntoView {
    let tr = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let version = super::live::use_live_version(slug);
    let screen = Resource::new(slug, load_question_screen);
    super::live::follow(version, screen, |s| s.version);
    let room = Resource::new(slug, load_room_code);
    let clock = use_stage_clock(params.read_untracked().get("slug").unwrap_or_default());
    view! {
        <Title text=tr(Msg::QuestionsToTheRoom)/>
        <div class="business-screen stage-screen question-screen">
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let room = room.await.ok();
                    match screen.await {
                        Err(error) => view! { <Failure error/> }.into_any(),
                        Ok(s) => view! { <QuestionBoard s clock room slug=slug()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn QuestionBoard(
    s: QuestionScreen,
    clock: StageClock,
    room: Option<RoomCode>,
    slug: String,
) -> impl IntoView {
    let tr = screen_locale(s.languages);
    let body = match s.question {
        None => view! { <p class="empty-note">{tr(Msg::NoQuestionOnScreen)}</p> }.into_any(),
        Some(q) => {
            let count = q.answers.len();
            let state = match q.open {
                true => tr(Msg::AnswersArrive),
                false => tr(Msg::Closed),
            };
            view! {
                <p class="screen-question" data-open=q.open.to_string()>{q.question}</p>
                <p class="walk-progress">
                    <strong data-figure="answers">{count}</strong>" "{tr(Msg::AnswersCount)}" · "{state}
                </p>
                <ul class="screen-answers" aria-live="polite">
                    {q.answers.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <div class="bm-screen-main">
            <header>
                <div class="bm-title"><h1>{tr(Msg::QuestionsToTheRoom)}" · "{s.title.clone()}</h1><StageTimerBadge clock tr/></div>
            </header>
            {body}
        </div>
        <aside class="bm-screen-side">
            <RoomCorner room slug tr/>
        </aside>
    }
}
