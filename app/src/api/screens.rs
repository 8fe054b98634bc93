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
    service::public_view(slug, DesignScreen::of).await
}

#[server]
pub async fn load_partnership_screen(slug: String) -> Result<PartnershipScreen, AppError> {
    service::public_view(slug, PartnershipScreen::of).await
}

#[server]
pub async fn load_proposal_screen(slug: String) -> Result<ProposalScreen, AppError> {
    service::public_view(slug, ProposalScreen::of).await
}

/// What the main screen shows now; every open screen follows it.
#[server]
pub async fn load_main_screen(slug: String) -> Result<MainScreen, AppError> {
    service::public_view(slug, MainScreen::of).await
}

/// The question on the main screen, if a facilitator put one there.
#[server]
pub async fn load_question_screen(slug: String) -> Result<QuestionScreen, AppError> {
    service::public_view(slug, QuestionScreen::of).await
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
