//! Server functions of what facilitators set for every screen: the stage
//! timer (they start and stop it; every screen reads it, with the server's
//! clock to tick against), and the projected screens' languages.

use crate::domain::error::AppError;
use crate::domain::forms::{ScreenLanguagesForm, StageTimerForm};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;

pub use crate::domain::stage_timer::TimerView;

/// The countdown, if one runs: public like the projector, and the server's
/// time now, so each browser ticks on the server's clock.
#[server]
pub async fn load_stage_timer(slug: String) -> Result<TimerView, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        Ok(TimerView {
            version: state.version,
            timer: state.stage_timer.clone(),
            now: chrono::Utc::now(),
        })
    })
    .await
}

/// Starts the countdown of the stage the room is in; starting again
/// replaces it.
#[server]
pub async fn start_stage_timer(
    slug: String,
    #[server(flatten)] form: StageTimerForm,
) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let (start, command) = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::timer_start(start);
        service::execute(&slug, actor, &key, command).await
    })
    .await
}

#[server]
pub async fn stop_stage_timer(slug: String) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let key = crate::domain::idempotency::IdempotencyKey::timer_stop();
        service::execute(&slug, actor, &key, Command::StopStageTimer).await
    })
    .await
}

/// The projected screens' languages: each browser's, or both at once.
#[server]
pub async fn set_screen_languages(
    slug: String,
    #[server(flatten)] form: ScreenLanguagesForm,
) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let key = crate::domain::idempotency::IdempotencyKey::screen_languages();
        service::execute(&slug, actor, &key, form.parse()?).await
    })
    .await
}
