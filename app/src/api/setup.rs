//! Server functions of the facilitator's setup page and of joining.

use crate::domain::account::NewColleague;
use crate::domain::analytics::RosterLine;
use crate::domain::error::AppError;
use crate::domain::forms::{DelegateForm, OrganisationForm, OrganisationIatiRefForm, StageStatusForm};
use crate::domain::model::{Stage, StageStatus};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::domain::{forms::parse_id, ids::OrganisationId};

/// The setup page's data; only the workshop's facilitators may see it.
#[server]
/// The workshop's title, the event it is as of, and its organisations.
pub async fn load_roster(slug: String) -> Result<(String, u64, Vec<RosterLine>), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let state = service::workshops()?.workshop(&slug).await?;
        crate::domain::view_models::require_administers(&state, &actor)?;
        let title = state.setup.as_ref().map(|s| s.title.clone()).unwrap_or_default();
        Ok((title, state.version, crate::domain::analytics::roster(&state)))
    })
    .await
}

#[server]
pub async fn add_organisation(
    slug: String,
    #[server(flatten)] form: OrganisationForm,
) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let new = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::organisation(new.id);
        service::execute(&slug, actor, &key, Command::AddOrganisation(new)).await
    })
    .await
}

/// Gives an organisation its IATI identifier, or takes it away (blank).
#[server]
pub async fn set_organisation_iati_ref(
    slug: String,
    #[server(flatten)] form: OrganisationIatiRefForm,
) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let set = Command::SetOrganisationIatiRef(form.parse()?);
        let key = crate::domain::idempotency::IdempotencyKey::organisation_iati_ref();
        service::execute(&slug, actor, &key, set).await
    })
    .await
}

/// Corrects an organisation already at the table, under its id.
#[server]
pub async fn amend_organisation(
    slug: String,
    #[server(flatten)] form: OrganisationForm,
) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let key = crate::domain::idempotency::IdempotencyKey::organisation_amendment();
        service::execute(&slug, actor, &key, Command::AmendOrganisation(form.parse()?)).await
    })
    .await
}

/// A new invite link for an organisation (earlier ones die): the
/// organisation's id and the full URL to hand to its delegates.
#[server]
pub async fn issue_invite(slug: String, organisation: String) -> Result<(String, String), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let organisation: OrganisationId = parse_id("organisation", &organisation)?;
        let token = service::invites()?
            .issue_invite(&slug, actor, organisation)
            .await?;
        let url = format!("{}/join/{token}", service::origin());
        Ok((organisation.to_string(), url))
    })
    .await
}

/// Revokes an organisation's links; answers the organisation's id.
#[server]
pub async fn revoke_invites(slug: String, organisation: String) -> Result<String, AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let organisation: OrganisationId = parse_id("organisation", &organisation)?;
        service::invites()?
            .revoke_invites(&slug, actor, organisation)
            .await?;
        Ok(organisation.to_string())
    })
    .await
}

#[server]
pub async fn load_invite(token: String) -> Result<crate::domain::account::InviteView, AppError> {
    service::respond(async { service::invites()?.invite(&token).await }).await
}

/// Joins as a delegate of the invite's organisation on this device.
#[server]
pub async fn join_workshop(token: String, #[server(flatten)] form: DelegateForm) -> Result<(), AppError> {
    service::respond(async {
        let new = form.parse()?;
        let invites = service::invites()?;
        let joined = invites.join(&token, new.delegate, new.name, new.email).await?;
        service::set_cookie(service::DELEGATE_COOKIE, Some(&joined.session_token));
        leptos_axum::redirect(&format!("/w/{}", joined.slug));
        Ok(())
    })
    .await
}

/// Makes someone a facilitator of this workshop; a new account needs a
/// name, and the answer is then the one-time link with which they set
/// their own password (nobody else ever knows it).
#[server]
pub async fn add_facilitator(
    slug: String,
    #[server(flatten)] colleague: NewColleague,
) -> Result<Option<String>, AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let colleague = colleague.trimmed();
        let link = service::accounts()?
            .add_facilitator(&slug, actor, colleague)
            .await?;
        Ok(link.map(|token| format!("{}/password/{token}", service::origin())))
    })
    .await
}

/// The people of a workshop a facilitator may remove: delegates and
/// participants, with their organisation if any.
#[server]
pub async fn load_people(slug: String) -> Result<(u64, Vec<crate::domain::analytics::PersonLine>), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let state = service::workshops()?.workshop(&slug).await?;
        crate::domain::view_models::require_administers(&state, &actor)?;
        Ok((state.version, crate::domain::analytics::people(&state)))
    })
    .await
}

#[server]
pub async fn list_api_tokens(slug: String) -> Result<Vec<crate::domain::account::ApiTokenInfo>, AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        service::api_tokens()?.api_tokens(&slug, actor).await
    })
    .await
}

/// A new read-only API token; the secret is shown this once.
#[server]
pub async fn create_api_token(slug: String) -> Result<(String, String), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        service::api_tokens()?.create_api_token(&slug, actor).await
    })
    .await
}

#[server]
pub async fn revoke_api_token(slug: String, id: String) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        service::api_tokens()?.revoke_api_token(&slug, actor, &id).await
    })
    .await
}

/// Opens, locks or reopens a stage (`status` is `open` or `locked`).
#[server]
pub async fn set_stage_status(
    slug: String,
    #[server(flatten)] form: StageStatusForm,
) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let command = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::stage();
        service::execute(&slug, actor, &key, command).await
    })
    .await
}

/// The stages and their status, for the facilitator's controls.
#[server]
pub async fn load_stages(slug: String) -> Result<(u64, Vec<(Stage, StageStatus)>), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let state = service::workshops()?.workshop(&slug).await?;
        crate::domain::view_models::stages(&state, &actor)
    })
    .await
}
