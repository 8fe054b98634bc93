//! Server functions: thin adapters from typed input to the services the
//! server provides. No SQL and no rules here.

use crate::domain::analytics::{WorkshopOverview, WorkshopSummary};
use crate::domain::error::AppError;
use leptos::prelude::*;

mod commitments;
mod design;
mod room;
#[cfg(feature = "ssr")]
pub mod service;
mod setup;

pub use commitments::*;
pub use design::*;
pub use room::*;
pub use setup::*;

#[server]
pub async fn list_workshops() -> Result<Vec<WorkshopSummary>, AppError> {
    service::respond(async {
        let states = service::workshops()?.workshops().await?;
        Ok(states.iter().filter_map(|s| WorkshopSummary::of(s)).collect())
    })
    .await
}

#[server]
pub async fn load_overview(slug: String) -> Result<WorkshopOverview, AppError> {
    service::respond(async {
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
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use validator::Validate;
    service::respond(async {
        let credentials = crate::domain::account::Credentials {
            email: email.trim().to_string(),
            password,
        };
        credentials.validate()?;
        if let Some(old) = service::session_token() {
            service::accounts()?.sign_out(&old).await?;
        }
        let session = service::accounts()?
            .sign_in(&credentials.email, &credentials.password)
            .await?;
        service::set_session_cookie(Some(&session.token));
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// A signed-in facilitator changes their own password; their other
/// sessions end.
#[server]
pub async fn change_password(current: String, password: String) -> Result<(), AppError> {
    service::respond(async {
        let token = service::session_token().ok_or(AppError::Unauthenticated)?;
        let change = crate::domain::account::PasswordChange { current, password };
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
pub async fn set_password_by_link(token: String, password: String) -> Result<(), AppError> {
    service::respond(async {
        let password = crate::domain::account::NewPassword { password };
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
pub async fn create_workshop(
    id: String,
    slug: String,
    title: String,
    programme: String,
    reporting_currency: String,
) -> Result<(), AppError> {
    use crate::domain::command::{Command, NewWorkshop};
    service::respond(async {
        let actor = service::current_actor().await?;
        let id = id
            .parse()
            .map_err(|_| AppError::invalid("id", crate::domain::error::Problem::Invalid))?;
        let reporting_currency =
            crate::domain::money::Currency::parse(&reporting_currency).map_err(|_| {
                AppError::invalid(
                    "reporting_currency",
                    crate::domain::error::Problem::UnknownCurrency,
                )
            })?;
        let slug = slug.trim().to_lowercase();
        let command = Command::CreateWorkshop(NewWorkshop {
            id,
            slug: slug.clone(),
            title,
            programme,
            reporting_currency,
        });
        let created = service::workshops()?
            .execute(
                &slug,
                actor,
                &crate::domain::idempotency::IdempotencyKey::create_workshop(id),
                command,
            )
            .await;
        if let Err(AppError::AlreadyExists(_)) = created {
            return Err(AppError::invalid("slug", crate::domain::error::Problem::Taken));
        }
        created?;
        leptos_axum::redirect(&format!("/w/{slug}"));
        Ok(())
    })
    .await
}
