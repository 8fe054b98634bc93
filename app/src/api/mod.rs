//! Server functions: thin adapters from typed input to the services the
//! server provides. No SQL and no rules here.

use crate::domain::account::{Credentials, NewPassword, PasswordChange};
use crate::domain::analytics::{WorkshopOverview, WorkshopSummary};
use crate::domain::error::AppError;
use crate::domain::forms::WorkshopForm;
use leptos::prelude::*;

mod business;
mod cities;
mod commitments;
mod design;
mod proposal;
mod room;
mod screens;
#[cfg(feature = "ssr")]
pub mod service;
mod setup;
mod timer;

pub use business::*;
pub use cities::*;
pub use commitments::*;
pub use design::*;
pub use proposal::*;
pub use room::*;
pub use screens::*;
pub use setup::*;
pub use timer::*;

#[server]
pub async fn list_workshops() -> Result<Vec<WorkshopSummary>, AppError> {
    service::respond(async {
        let states = service::workshops()?.workshops().await?;
        Ok(states.iter().filter_map(|s| WorkshopSummary::of(s)).collect())
    })
    .await
}

/// The workshop's overview now, or replayed to event `moment` (for those
/// who may read the proposal, `proposal::overview_at`).
#[server]
pub async fn load_overview(slug: String, moment: Option<u64>) -> Result<WorkshopOverview, AppError> {
    service::respond(async {
        if let Some(seq) = moment {
            return proposal::overview_at(&slug, seq).await;
        }
        let state = service::workshops()?.workshop(&slug).await?;
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
pub async fn sign_in(#[server(flatten)] credentials: Credentials) -> Result<(), AppError> {
    service::respond(async {
        let Credentials { email, password } = credentials.parse()?;
        let accounts = service::accounts()?;
        if let Some(old) = service::session_token() {
            accounts.sign_out(&old).await?;
        }
        let session = accounts.sign_in(&email, &password).await?;
        service::set_session_cookie(Some(&session.token));
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// A signed-in facilitator changes their own password; their other
/// sessions end.
#[server]
pub async fn change_password(#[server(flatten)] change: PasswordChange) -> Result<(), AppError> {
    service::respond(async {
        let token = service::session_token().ok_or(AppError::Unauthenticated)?;
        service::accounts()?.change_password(&token, change).await
    })
    .await
}

/// The email a one-time password link is for (404 once used or expired).
#[server]
pub async fn load_password_link(token: String) -> Result<String, AppError> {
    service::respond(async { service::accounts()?.password_link(&token).await }).await
}

/// Sets one's password through a one-time link, then goes to sign in.
#[server]
pub async fn set_password_by_link(
    token: String,
    #[server(flatten)] password: NewPassword,
) -> Result<(), AppError> {
    service::respond(async {
        service::accounts()?
            .set_password_by_link(&token, password)
            .await?;
        leptos_axum::redirect("/signin");
        Ok(())
    })
    .await
}

#[server]
pub async fn sign_out() -> Result<(), AppError> {
    service::respond(async {
        if let Some(token) = service::session_token() {
            service::accounts()?.sign_out(&token).await?;
        }
        service::set_session_cookie(None);
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// Creates a workshop; the signed-in facilitator becomes its facilitator.
/// `id` comes from the form, so a retried submit finds the first result.
#[server]
pub async fn create_workshop(#[server(flatten)] form: WorkshopForm) -> Result<(), AppError> {
    use crate::domain::{command::Command, forms::slug_taken, idempotency::IdempotencyKey};
    service::respond(async {
        let actor = service::current_actor().await?;
        let new = form.parse()?;
        let (slug, key) = (new.slug.clone(), IdempotencyKey::create_workshop(new.id));
        service::execute(&slug, actor, &key, Command::CreateWorkshop(new))
            .await
            .map_err(slug_taken)?;
        leptos_axum::redirect(&format!("/w/{slug}"));
        Ok(())
    })
    .await
}
