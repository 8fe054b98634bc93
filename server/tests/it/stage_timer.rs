//! The stage timer over HTTP, on both backends: a facilitator starts it,
//! its end is the server's recorded time plus the minutes whatever the
//! browser says, every screen reads it, and only facilitators move it.

use crate::support::{call, call_status, demo_delegate, demo_with_facilitator, new_id, Backend};
use app::api::service::Workshops;
use app::domain::stage_timer::TimerView;
use leptos::server_fn::ServerFn;

async fn a_facilitator_starts_and_stops_the_countdown_everyone_reads(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let start = new_id();
    let form = [("slug", "demo"), ("start", start.as_str()), ("minutes", "25")];
    let before = chrono::Utc::now();
    let started = call(&app, app::api::StartStageTimer::PATH, &form, Some(&facilitator)).await;
    assert_eq!(started.status(), 200);
    let after = chrono::Utc::now();
    // A retried submit is the same start: the end does not move.
    let state = app.engine.workshop("demo").await.unwrap();
    let version = state.version;
    let timer = state.stage_timer.clone().expect("a running timer");
    assert_eq!(
        call_status(&app, app::api::StartStageTimer::PATH, &form, Some(&facilitator)).await,
        200
    );
    assert_eq!(app.engine.workshop("demo").await.unwrap().version, version);
    assert_eq!(timer.ends_at - timer.started_at, chrono::Duration::minutes(25));
    assert!(timer.started_at >= before && timer.started_at <= after);

    // Anyone, signed in or not, reads it with the server's clock.
    let read = call(&app, app::api::LoadStageTimer::PATH, &[("slug", "demo")], None).await;
    assert_eq!(read.status(), 200);
    let view: TimerView = read.json().await.unwrap();
    assert_eq!(view.timer, Some(timer));
    assert!(view.now >= after && view.now <= chrono::Utc::now());

    // A delegate moves nothing; the minutes keep their range.
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;
    let stop = [("slug", "demo")];
    assert_eq!(
        call_status(&app, app::api::StopStageTimer::PATH, &stop, Some(&delegate)).await,
        403
    );
    let other = new_id();
    let too_long = [("slug", "demo"), ("start", other.as_str()), ("minutes", "481")];
    let refused = call(
        &app,
        app::api::StartStageTimer::PATH,
        &too_long,
        Some(&facilitator),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["Invalid"]["minutes"], "range", "{problem}");

    assert_eq!(
        call_status(&app, app::api::StopStageTimer::PATH, &stop, Some(&facilitator)).await,
        200
    );
    assert_eq!(app.engine.workshop("demo").await.unwrap().stage_timer, None);
    let anonymous = call_status(&app, app::api::StopStageTimer::PATH, &stop, None).await;
    assert_eq!(anonymous, 401);
}
on_both_backends!(
    start_and_stop,
    a_facilitator_starts_and_stops_the_countdown_everyone_reads
);
