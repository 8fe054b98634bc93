//! Server functions: thin adapters from typed input to the services the
//! server provides. No SQL and no rules here.

use crate::domain::analytics::{WorkshopOverview, WorkshopSummary};
use crate::domain::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub mod service;

#[server]
pub async fn list_workshops() -> Result<Vec<WorkshopSummary>, AppError> {
    service::respond(async {
        let states = service::services()?.workshops().await?;
        Ok(states
            .iter()
            .filter_map(|s| WorkshopSummary::of(s))
            .collect())
    })
    .await
}

#[server]
pub async fn load_overview(slug: String) -> Result<WorkshopOverview, AppError> {
    service::respond(async {
        let state = service::services()?.workshop(&slug).await?;
        WorkshopOverview::of(&state).ok_or(AppError::NotFound(slug))
    })
    .await
}
