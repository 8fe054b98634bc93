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

/// Who is signed in on this device, if anyone.
#[server]
pub async fn who_am_i() -> Result<Option<crate::domain::account::SignedIn>, AppError> {
    service::respond(service::current_user()).await
}

/// Signs a facilitator in: a new session (and so a new session id) every
/// time, then back to the home page.
#[server]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use validator::Validate;
    service::respond(async {
        let credentials = crate::domain::account::Credentials {
            email: email.trim().to_string(),
            password,
        };
        credentials.validate()?;
        if let Some(old) = service::session_token() {
            service::services()?.sign_out(&old).await?;
        }
        let session = service::services()?
            .sign_in(&credentials.email, &credentials.password)
            .await?;
        service::set_session_cookie(Some(&session.token));
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

#[server]
pub async fn sign_out() -> Result<(), AppError> {
    service::respond(async {
        if let Some(token) = service::session_token() {
            service::services()?.sign_out(&token).await?;
        }
        service::set_session_cookie(None);
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}
