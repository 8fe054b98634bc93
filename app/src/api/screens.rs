//! The fixed screens of stages 1 and 2, for a second projector: public,
//! like the commitments' dashboard.

use crate::domain::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;

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
