//! The projected screens: the fixed screens of stages 1 and 2 and of the
//! proposal, and the main screen's choice and question (public, like the
//! commitments' dashboard); choosing what the main screen shows and the
//! remote for it (facilitators).

use crate::domain::error::AppError;
use crate::domain::forms::ScreenChoiceForm;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;

pub use crate::domain::main_screen::{MainScreen, QuestionScreen, Remote};
pub use crate::domain::proposal::ProposalScreen;
pub use crate::domain::stage_screens::{DesignScreen, PartnershipScreen};

#[server]
pub async fn load_design_screen(slug: String) -> Result<DesignScreen, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        DesignScreen::of(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}

#[server]
pub async fn load_partnership_screen(slug: String) -> Result<PartnershipScreen, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        PartnershipScreen::of(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}

#[server]
pub async fn load_proposal_screen(slug: String) -> Result<ProposalScreen, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        ProposalScreen::of(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}

/// What the main screen shows now; every open screen follows it.
#[server]
pub async fn load_main_screen(slug: String) -> Result<MainScreen, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        MainScreen::of(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}

/// The question on the main screen, if a facilitator put one there.
#[server]
pub async fn load_question_screen(slug: String) -> Result<QuestionScreen, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        QuestionScreen::of(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}

/// Puts a stage, the proposal or a question on the main screen.
#[server]
pub async fn choose_screen(slug: String, #[server(flatten)] form: ScreenChoiceForm) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let key = crate::domain::idempotency::IdempotencyKey::screen_choice();
        service::execute(&slug, actor, &key, form.parse()?).await
    })
    .await
}

/// The facilitator's remote: what the screen can show and what it shows.
#[server]
pub async fn load_remote(slug: String) -> Result<Remote, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        let actor = service::actor_in(&slug).await?;
        crate::domain::main_screen::remote(&state, &actor)
    })
    .await
}
