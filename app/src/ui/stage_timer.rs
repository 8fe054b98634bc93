//! The stage timer on every screen, and the facilitator's controls for it
//! and for the projected screens' languages.
//! The end comes from the server (fixed when the start was recorded); the
//! browser only ticks towards it on the server's clock, corrected by the
//! offset it learns from each answer (`domain::stage_timer`).

use super::forms::{field_problem, Field, FormProblem, HiddenFields, ReadyMark};
use super::live::keep_current;
use super::live_list::LiveList;
use super::{use_locale, Tr};
use crate::api::{
    load_dashboard, load_stage_timer, SetScreenLanguages, StartStageTimer, StopStageTimer, TimerView,
};
use crate::domain::dashboard::Dashboard;
use crate::domain::model::ScreenLanguages;
use crate::domain::stage_timer::{ClockOffset, Countdown};
use crate::i18n::{screen_languages_name, Msg};
use chrono::{DateTime, Utc};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// A page's copy of the timer, made once per page so that parts drawn
/// again when the page refetches keep ticking without asking again.
#[derive(Clone, Copy)]
pub struct StageClock {
    current: RwSignal<TimerView>,
    offset: RwSignal<ClockOffset>,
    clock: RwSignal<DateTime<Utc>>,
}

/// Follows the workshop's timer: fetched when the live stream is ahead,
/// the offset learnt from each answer, and this browser's clock read four
/// times a second.
pub fn use_stage_clock(slug: String) -> StageClock {
    // Nothing until the browser has asked the server (the live stream's
    // first message makes it ask), so a server-rendered page never shows
    // a time that was already old when it arrived.
    let current = RwSignal::new(not_yet_asked());
    keep_current(slug, current, load_stage_timer, |v| v.version);
    ticking(current)
}

/// The projector's clock: the timer comes with each pushed dashboard
/// (`Dashboard::timer`), so the page asks the server once, in the browser,
/// only to learn how far its clock is from the server's.
pub fn pushed_stage_clock(slug: String, pushed: ReadSignal<Option<Dashboard>>) -> StageClock {
    let current = RwSignal::new(not_yet_asked());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let slug = slug.clone();
        leptos::task::spawn_local(async move {
            if let Ok(answer) = load_stage_timer(slug).await {
                // A pushed dashboard may be newer: then only the clock is new.
                current.try_update(|known| {
                    if answer.version >= known.version {
                        *known = answer;
                    } else {
                        known.now = answer.now;
                    }
                });
            }
        });
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = slug;
    Effect::new(move |_| {
        pushed.with(|pushed| {
            if let Some(dashboard) = pushed {
                current.update(|known| {
                    if dashboard.version > known.version {
                        known.version = dashboard.version;
                        known.timer = dashboard.timer.clone();
                    }
                });
            }
        })
    });
    ticking(current)
}

/// Before the server's first answer: no timer, and no clock to tick on.
fn not_yet_asked() -> TimerView {
    TimerView {
        version: 0,
        timer: None,
        now: DateTime::<Utc>::UNIX_EPOCH,
    }
}

/// The clock of a page's copy of the timer: the offset learnt whenever an
/// answer brings the server's time, the browser's clock read four times a
/// second.
fn ticking(current: RwSignal<TimerView>) -> StageClock {
    let server_now = Memo::new(move |_| current.with(|v| v.now));
    let offset = RwSignal::new(ClockOffset::default());
    let clock = RwSignal::new(Utc::now());
    Effect::new(move |_| {
        let server_now = server_now.get();
        let browser_now = Utc::now();
        offset.set(ClockOffset::between(server_now, browser_now));
        clock.set(browser_now);
    });
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        // A quarter of a second, so the shown second never lags by more.
        let tick = move || {
            clock.try_set(Utc::now());
        };
        if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
            on_cleanup(move || handle.clear());
        }
    });
    StageClock {
        current,
        offset,
        clock,
    }
}

/// The countdown of the stage the room is in, or nothing when none runs:
/// minutes and seconds left, ticking, then "time is up".
/// `tr`: the projected screens' translator, which may speak two languages.
#[component]
pub fn StageTimerBadge(clock: StageClock, #[prop(optional)] tr: Option<Tr>) -> impl IntoView {
    let tr = tr.unwrap_or_else(use_locale);
    let countdown = move || {
        clock.current.with(|v| {
            // Not before the server's clock is known (a pushed timer may come first).
            let known = v.now != DateTime::<Utc>::UNIX_EPOCH;
            v.timer.as_ref().filter(|_| known).map(|timer| {
                let now = clock.offset.get().server_time(clock.clock.get());
                (timer.stage, Countdown::at(timer.ends_at, now))
            })
        })
    };
    move || {
        countdown().map(|(stage, countdown)| {
            let shown = match countdown.clock() {
                Some(clock) => {
                    view! { <span class="timer-clock">{clock}</span>" "{tr(Msg::TimeLeft)} }.into_any()
                }
                None => view! { <span class="timer-up">{tr(Msg::TimeIsUp)}</span> }.into_any(),
            };
            view! {
                <p class="stage-timer" class:time-up={countdown == Countdown::TimeIsUp} role="timer"
                    aria-label=tr(Msg::StageTimer)>
                    <span class="timer-stage">{tr(Msg::StageLabel)}" "{stage.number()}</span>" "{shown}
                </p>
            }
        })
    }
}

/// The badge for a page that draws it once.
#[component]
pub fn StageTimer(slug: String) -> impl IntoView {
    view! { <StageTimerBadge clock=use_stage_clock(slug)/> }
}

/// Start (or restart) and stop the countdown; the setup page's.
#[component]
pub fn StageTimerControls(slug: String) -> impl IntoView {
    let tr = use_locale();
    let start = ServerAction::<StartStageTimer>::new();
    let stop = ServerAction::<StopStageTimer>::new();
    let error = Signal::derive(move || {
        start
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| stop.value().get().and_then(|r| r.err()))
    });
    let problem = move |field: &'static str| Signal::derive(move || field_problem(tr, &error.get(), field));
    // A new start's id after each success: a retried submit is the same start.
    let start_id = move || {
        start.version().get();
        uuid::Uuid::new_v4().to_string()
    };
    let (start_slug, stop_slug) = (slug.clone(), slug.clone());
    view! {
        <section aria-labelledby="timer-heading" class="timer-controls">
            <h2 id="timer-heading">{tr(Msg::StageTimer)}</h2>
            <p class="help">{tr(Msg::TimerHelp)}</p>
            <StageTimer slug/>
            <FormProblem tr error/>
            <ActionForm action=start attr:class="form inline-form" attr:novalidate=true>
                <ReadyMark/>
                <input type="hidden" name="slug" value=start_slug/>
                <input type="hidden" name="start" value=start_id/>
                <Field name="minutes" id="timer-minutes" label=tr(Msg::TimerMinutes) kind="number" value="15"
                    problem=problem("minutes")/>
                <button type="submit" disabled=move || start.pending().get()>{tr(Msg::StartTimer)}</button>
            </ActionForm>
            <ActionForm action=stop attr:class="inline-form">
                <ReadyMark/>
                <input type="hidden" name="slug" value=stop_slug/>
                <button type="submit" class="secondary">{tr(Msg::StopTimer)}</button>
            </ActionForm>
        </section>
    }
}

/// Each browser's language on the projected screens, or English and
/// Chinese together; the setup page's. The choice shown pressed is the
/// workshop's, followed live.
#[component]
pub fn ScreenLanguagesControls(slug: String) -> impl IntoView {
    let tr = use_locale();
    let choose = ServerAction::<SetScreenLanguages>::new();
    let current = super::live::live_resource(slug.clone(), load_dashboard, |d| d.version);
    let choices =
        |d: crate::domain::dashboard::Dashboard| ScreenLanguages::ALL.map(|l| (l, l == d.languages)).to_vec();
    view! {
        <section aria-labelledby="screen-languages-heading">
            <h2 id="screen-languages-heading">{tr(Msg::ScreenLanguagesTitle)}</h2>
            <p class="help">{tr(Msg::ScreenLanguagesHelp)}</p>
            <FormProblem tr error=Signal::derive(move || choose.value().get().and_then(|r| r.err()))/>
            <LiveList resource=current entries=choices class="choices" item=move |(languages, chosen)| {
                let hidden = vec![("slug", slug.clone()), ("languages", languages.code().to_string())];
                view! {
                    <li>
                        <ActionForm action=choose>
                            <ReadyMark/>
                            <HiddenFields fields=hidden/>
                            <button type="submit" class:secondary=!chosen aria-pressed=chosen.to_string()>
                                {tr(screen_languages_name(languages))}
                            </button>
                        </ActionForm>
                    </li>
                }
            }/>
        </section>
    }
}
