//! What the main screen shows, over HTTP, on both backends: a facilitator
//! chooses, anyone reads the choice (every open screen follows it), a
//! delegate or a visitor chooses nothing, and the remote is the
//! facilitators' alone.

use crate::support::{call, call_status, demo_delegate, demo_with_facilitator, Backend};
use app::api::service::Workshops;
use app::domain::main_screen::MainScreen;
use app::domain::model::{ScreenBoard, ScreenChoice, Stage};
use leptos::server_fn::ServerFn;

async fn a_facilitator_chooses_what_every_screen_shows(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let app_ref = &app;
    let read = move || async move {
        let answer = call(app_ref, app::api::LoadMainScreen::PATH, &[("slug", "demo")], None).await;
        assert_eq!(answer.status(), 200);
        answer.json::<MainScreen>().await.unwrap()
    };
    // The demo has every stage open: the room is in stage 4.
    let stage = |stage| ScreenBoard::Stage { stage };
    assert_eq!(read().await.shows, stage(Stage::Commitments));

    let design = [("slug", "demo"), ("shows", "stage-1")];
    let chosen = call_status(&app, app::api::ChooseScreen::PATH, &design, Some(&facilitator)).await;
    assert_eq!(chosen, 200);
    let shown = read().await;
    assert_eq!(shown.shows, stage(Stage::ProjectDesign));
    assert_eq!(
        shown.choice,
        ScreenChoice::Stage {
            stage: Stage::ProjectDesign
        }
    );

    // A delegate chooses nothing, nor does a visitor; nor do they see the remote.
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;
    let proposal = [("slug", "demo"), ("shows", "proposal")];
    let path = app::api::ChooseScreen::PATH;
    assert_eq!(call_status(&app, path, &proposal, Some(&delegate)).await, 403);
    assert_eq!(call_status(&app, path, &proposal, None).await, 401);
    let remote = app::api::LoadRemote::PATH;
    assert_eq!(
        call_status(&app, remote, &[("slug", "demo")], Some(&delegate)).await,
        403
    );
    assert_eq!(
        call_status(&app, remote, &[("slug", "demo")], Some(&facilitator)).await,
        200
    );
    assert_eq!(read().await.shows, stage(Stage::ProjectDesign));

    // A choice that names nothing is refused with its field.
    let wrong = [("slug", "demo"), ("shows", "stage-9")];
    assert_eq!(call_status(&app, path, &wrong, Some(&facilitator)).await, 422);
    let follow = [("slug", "demo"), ("shows", "follow")];
    assert_eq!(call_status(&app, path, &follow, Some(&facilitator)).await, 200);
    assert_eq!(read().await.shows, stage(Stage::Commitments));
}
on_both_backends!(
    choose_the_main_screen,
    a_facilitator_chooses_what_every_screen_shows
);
