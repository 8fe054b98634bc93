//! Driving the main screen: the "show on the screen" button of the
//! facilitators' pages, the setup page's choice of what the main screen
//! shows, and the phone remote, `/w/{slug}/remote` (the same choices and
//! the stage timer's controls, as large touch targets).

use super::forms::{FormProblem, HiddenFields, ReadyMark};
use super::live_list::LiveList;
use super::stage_timer::StageTimerControls;
use super::{use_locale, Failure, Tr};
use crate::api::{load_remote, ChooseScreen, Remote};
use crate::domain::main_screen::RemoteChoice;
use crate::domain::model::ScreenChoice;
use crate::i18n::{stage_name, Msg};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// What a choice puts on the screen, as its button says it.
fn choice_name(tr: Tr, choice: &RemoteChoice) -> String {
    match (choice.choice, &choice.question) {
        (ScreenChoice::FollowStage, _) => tr(Msg::FollowTheStage).to_string(),
        (ScreenChoice::Stage { stage }, _) => {
            format!(
                "{} {} · {}",
                tr(Msg::StageLabel),
                stage.number(),
                tr(stage_name(stage))
            )
        }
        (ScreenChoice::Proposal, _) => tr(Msg::SectionProposal).to_string(),
        (ScreenChoice::Question { .. }, Some(question)) => format!("{}: {question}", tr(Msg::QuestionLabel)),
        (ScreenChoice::Question { .. }, None) => tr(Msg::QuestionLabel).to_string(),
    }
}

/// One button that puts `shows` on the main screen: on a stage's walk and
/// beside each question to the room, for facilitators.
#[component]
pub fn ShowOnScreen(slug: String, shows: ScreenChoice) -> impl IntoView {
    let tr = use_locale();
    let choose = ServerAction::<ChooseScreen>::new();
    let error = Signal::derive(move || choose.value().get().and_then(|r| r.err()));
    let shown = move || matches!(choose.value().get(), Some(Ok(())));
    let hidden = vec![("slug", slug), ("shows", shows.code())];
    view! {
        <div class="show-on-screen">
            <ActionForm action=choose attr:class="inline-form">
                <ReadyMark/>
                <HiddenFields fields=hidden/>
                <button type="submit" class="secondary" disabled=move || choose.pending().get()>
                    {tr(Msg::PutOnScreen)}
                </button>
            </ActionForm>
            <span class="note" role="status">{move || shown().then(|| tr(Msg::OnTheScreenNow))}</span>
            <FormProblem tr error/>
        </div>
    }
}

/// Every choice for the main screen, the one in force pressed, followed
/// live; and the fixed screens' addresses for a second projector.
#[component]
pub fn ScreenControls(slug: String) -> impl IntoView {
    let tr = use_locale();
    let choose = ServerAction::<ChooseScreen>::new();
    let remote = super::live::live_resource(slug.clone(), load_remote, |r| r.version);
    let error = Signal::derive(move || choose.value().get().and_then(|r| r.err()));
    let fixed = [
        ("design", tr(Msg::StageProjectDesign)),
        ("partnership", tr(Msg::StagePartnership)),
        ("business-model", tr(Msg::StageBusinessModel)),
        ("commitments", tr(Msg::StageCommitments)),
        ("proposal", tr(Msg::SectionProposal)),
    ];
    let links = fixed
        .map(|(path, name)| view! { <li><a href=format!("/w/{slug}/screen/{path}")>{name}</a></li> })
        .collect_view();
    let (main, main_text) = (format!("/w/{slug}/screen"), format!("/w/{slug}/screen"));
    view! {
        <section aria-labelledby="screen-choice-heading" class="screen-controls">
            <h2 id="screen-choice-heading">{tr(Msg::MainScreenHeading)}</h2>
            <p class="help">{tr(Msg::ScreenChoiceHelp)}" "<a href=main>{main_text}</a></p>
            <FormProblem tr error/>
            <LiveList resource=remote entries=|r: Remote| r.choices class="choices screen-choices" item=move |choice: RemoteChoice| {
                let name = choice_name(tr, &choice);
                let hidden = vec![("slug", slug.clone()), ("shows", choice.choice.code())];
                view! {
                    <li>
                        <ActionForm action=choose>
                            <ReadyMark/>
                            <HiddenFields fields=hidden/>
                            <button type="submit" class:secondary=!choice.chosen aria-pressed=choice.chosen.to_string()>
                                {name}
                            </button>
                        </ActionForm>
                    </li>
                }
            }/>
            <h3>{tr(Msg::FixedScreens)}</h3>
            <ul class="nav-links fixed-screens">{links}</ul>
        </section>
    }
}

/// The facilitator's phone: what the screen shows, and the stage timer.
#[component]
pub fn RemotePage() -> impl IntoView {
    let tr = use_locale();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let allowed = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        load_remote,
    );
    view! {
        <Title text=tr(Msg::RemoteTitle)/>
        <div class="remote">
            <h1>{tr(Msg::RemoteTitle)}</h1>
            <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {move || {
                    let slug = slug.clone();
                    Suspend::new(async move {
                        match allowed.await {
                            Err(error) => view! { <Failure error/> }.into_any(),
                            Ok(_) => view! {
                                <ScreenControls slug=slug.clone()/>
                                <StageTimerControls slug/>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
