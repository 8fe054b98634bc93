//! The stage timer: started and stopped by facilitators, its end fixed by
//! the event's time, and the countdown each browser shows.

use super::*;
use crate::domain::stage_timer::{ClockOffset, Countdown, StageTimer};
use chrono::Duration;

fn start(minutes: u16) -> Command {
    Command::StartStageTimer(NewStageTimer { minutes })
}

#[test]
fn a_start_ends_its_minutes_after_the_events_own_time() {
    let (mut state, _) = demo();
    let later = now() + Duration::minutes(7);
    let events = state.execute(&Actor::System, start(20), later).unwrap();
    let timer = state.stage_timer.clone().unwrap();
    assert_eq!(timer.started_at, events[0].recorded_at);
    assert_eq!(timer.ends_at, later + Duration::minutes(20));
    // The room is in the stage opened last.
    assert_eq!(Some(timer.stage), crate::domain::dashboard::current_stage(&state));
    // Folding the log again gives the same end: the browser's clock never
    // entered it.
    let (_, mut log) = demo();
    log.extend(events);
    assert_eq!(WorkshopState::from_log(&log).stage_timer, Some(timer));
}

#[test]
fn stopping_or_locking_its_stage_ends_the_countdown() {
    let (mut state, _) = demo();
    as_system(&mut state, start(5));
    as_system(&mut state, Command::StopStageTimer);
    assert_eq!(state.stage_timer, None);
    // Stopping again writes nothing.
    assert!(as_system(&mut state, Command::StopStageTimer).is_empty());
    as_system(&mut state, start(5));
    let stage = state.stage_timer.as_ref().unwrap().stage;
    as_system(
        &mut state,
        Command::SetStageStatus {
            stage,
            status: StageStatus::Locked,
        },
    );
    assert_eq!(state.stage_timer, None);
}

#[test]
fn only_facilitators_start_a_timer_of_1_to_480_minutes_for_an_open_stage() {
    let (mut state, _) = demo();
    let delegate = delegate_of(&state, 0);
    assert_eq!(
        decide(&state, &delegate, start(5), now()),
        Err(AppError::Forbidden)
    );
    assert_eq!(
        decide(&state, &delegate, Command::StopStageTimer, now()),
        Err(AppError::Forbidden)
    );
    for minutes in [0, 481] {
        assert_eq!(
            decide(&state, &Actor::System, start(minutes), now()),
            Err(AppError::invalid("minutes", Problem::Range))
        );
    }
    assert!(decide(&state, &Actor::System, start(480), now()).is_ok());
    for stage in Stage::ALL {
        as_system(
            &mut state,
            Command::SetStageStatus {
                stage,
                status: StageStatus::Locked,
            },
        );
    }
    assert_eq!(
        decide(&state, &Actor::System, start(5), now()),
        Err(AppError::invalid("minutes", Problem::NoOpenStage))
    );
}

#[test]
fn the_countdown_reads_minutes_and_seconds_then_time_is_up() {
    let end = now() + Duration::minutes(90);
    assert_eq!(Countdown::at(end, now()).clock().as_deref(), Some("1:30:00"));
    let at = |seconds: i64| Countdown::at(end, end - Duration::milliseconds(seconds));
    assert_eq!(at(245_000).clock().as_deref(), Some("4:05"));
    // A part of a second left still shows a second; none is time up.
    assert_eq!(at(1).clock().as_deref(), Some("0:01"));
    assert_eq!(at(0), Countdown::TimeIsUp);
    assert_eq!(at(-5_000), Countdown::TimeIsUp);
    assert_eq!(Countdown::TimeIsUp.clock(), None);
}

proptest! {
    /// Whatever the browser's clock says, it ticks on the server's: the
    /// offset learnt from one answer gives back the server's time, and
    /// the time left never rises as time passes.
    #[test]
    fn the_browser_counts_down_on_the_servers_clock(
        skew in -86_400_000i64..86_400_000, minutes in 1u16..=480,
        a in 0i64..40_000_000, b in 0i64..40_000_000,
    ) {
        let server_now = now();
        let browser_now = server_now + Duration::milliseconds(skew);
        let offset = ClockOffset::between(server_now, browser_now);
        prop_assert_eq!(offset.server_time(browser_now), server_now);
        let timer = StageTimer::started(Stage::Partnership, minutes, server_now);
        let (early, late) = (a.min(b), a.max(b));
        let left = |ms: i64| Countdown::at(timer.ends_at, offset.server_time(browser_now + Duration::milliseconds(ms)));
        prop_assert!(left(early) >= left(late) || left(late) == Countdown::TimeIsUp);
        let full = Countdown::Left { seconds: u32::from(minutes) * 60 };
        prop_assert_eq!(left(0), full);
    }
}

#[test]
fn facilitators_choose_the_projectors_languages_and_every_screen_carries_the_choice() {
    use crate::domain::business_view::BusinessScreen;
    use crate::domain::dashboard::Dashboard;
    let (mut state, log) = demo();
    // An older log never chose: each browser's own language.
    assert_eq!(state.screen_languages, ScreenLanguages::Browser);
    let both = Command::SetScreenLanguages {
        languages: ScreenLanguages::Both,
    };
    let delegate = Actor::Delegate {
        organisation: *state.organisations.keys().next().unwrap(),
        delegate: None,
    };
    assert_eq!(
        state.execute(&delegate, both.clone(), now()),
        Err(AppError::Forbidden)
    );
    let events = as_system(&mut state, both.clone());
    assert_eq!(Dashboard::of(&state).unwrap().languages, ScreenLanguages::Both);
    assert_eq!(
        BusinessScreen::of(&state).unwrap().languages,
        ScreenLanguages::Both
    );
    // Choosing it again writes nothing; the log folds to the same choice.
    assert!(as_system(&mut state, both).is_empty());
    let mut replay = log;
    replay.extend(events);
    assert_eq!(
        WorkshopState::from_log(&replay).screen_languages,
        ScreenLanguages::Both
    );
    // A state stored before the setting existed reads as never chosen.
    let mut stored = serde_json::to_value(WorkshopState::default()).unwrap();
    stored.as_object_mut().unwrap().remove("screen_languages");
    let read: WorkshopState = serde_json::from_value(stored).unwrap();
    assert_eq!(read.screen_languages, ScreenLanguages::Browser);
}
