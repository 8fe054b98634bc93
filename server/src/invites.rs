//! Invite links for organisations' delegates, and delegates' device
//! sessions. The link's token is shown once; only its hash is stored.

use crate::auth::{new_token, token_hash};
use crate::engine::Engine;
use crate::store::internal;
use app::api::service::{DelegateSession, InviteView, Joined, Roundtable};
use app::domain::command::{administers, Command, NewDelegate};
use app::domain::error::AppError;
use app::domain::error::Problem;
use app::domain::event::Actor;
use app::domain::ids::{DelegateId, OrganisationId, WorkshopId};
use chrono::Utc;

pub const AUDIT_INVITE_ISSUED: &str = "invite_issued";
pub const AUDIT_INVITE_REVOKED: &str = "invite_revoked";
pub const AUDIT_DELEGATE_JOINED: &str = "delegate_joined";
pub const AUDIT_INVITE_REFUSED: &str = "invite_refused";

async fn slug_of(engine: &Engine, workshop: WorkshopId) -> Result<String, AppError> {
    engine
        .store()
        .workshop_slug(workshop)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("workshop".into()))
}

/// Checks that `actor` administers the workshop and that the organisation is
/// one of its own; returns the workshop's id.
async fn administered(
    engine: &Engine,
    slug: &str,
    actor: &Actor,
    organisation: OrganisationId,
) -> Result<WorkshopId, AppError> {
    let state = engine.workshop(slug).await?;
    if !administers(&state, actor) {
        return Err(AppError::Forbidden);
    }
    if !state.organisations.contains_key(&organisation) {
        return Err(AppError::invalid("organisation", Problem::UnknownOrganisation));
    }
    Ok(state.setup.as_ref().ok_or(AppError::Internal)?.id)
}

pub async fn issue(
    engine: &Engine,
    slug: &str,
    actor: Actor,
    organisation: OrganisationId,
) -> Result<String, AppError> {
    let workshop = administered(engine, slug, &actor, organisation).await?;
    let token = new_token();
    let now = Utc::now();
    let store = engine.store();
    store
        .replace_invite(&token_hash(&token), workshop, organisation, now)
        .await
        .map_err(internal)?;
    store
        .audit(AUDIT_INVITE_ISSUED, slug, &organisation.to_string(), now)
        .await
        .map_err(internal)?;
    Ok(token)
}

pub async fn revoke(
    engine: &Engine,
    slug: &str,
    actor: Actor,
    organisation: OrganisationId,
) -> Result<(), AppError> {
    let workshop = administered(engine, slug, &actor, organisation).await?;
    let now = Utc::now();
    let store = engine.store();
    store
        .revoke_invites(workshop, organisation, now)
        .await
        .map_err(internal)?;
    // A revoked link may have leaked: whoever joined through it is out too.
    // (Issuing a new link does not end sessions: that is for a lost link.)
    store
        .end_delegate_sessions_of(workshop, organisation)
        .await
        .map_err(internal)?;
    store
        .audit(AUDIT_INVITE_REVOKED, slug, &organisation.to_string(), now)
        .await
        .map_err(internal)
}

/// What an invite link opens: `NotFound` for an unknown or revoked link.
pub async fn view(engine: &Engine, token: &str) -> Result<InviteView, AppError> {
    let Some((workshop, organisation)) = engine
        .store()
        .live_invite(&token_hash(token))
        .await
        .map_err(internal)?
    else {
        engine
            .store()
            .audit(AUDIT_INVITE_REFUSED, "-", "", Utc::now())
            .await
            .map_err(internal)?;
        return Err(AppError::NotFound("invite".into()));
    };
    let slug = slug_of(engine, workshop).await?;
    let state = engine.workshop(&slug).await?;
    let setup = state.setup.as_ref().ok_or(AppError::Internal)?;
    let organisation = state
        .organisations
        .get(&organisation)
        .ok_or(AppError::NotFound("organisation".into()))?;
    Ok(InviteView {
        slug: slug.clone(),
        workshop_title: setup.title.clone(),
        organisation: organisation.id,
        organisation_name: organisation.name.clone(),
    })
}

/// Makes the holder of a live invite a delegate of its organisation, on this
/// device. `delegate` comes from the form; only the request that made the
/// delegate gets a session for them, so an id read elsewhere opens nothing.
pub async fn join(
    engine: &Engine,
    token: &str,
    delegate: DelegateId,
    name: String,
    email: Option<String>,
) -> Result<Joined, AppError> {
    let invite = view(engine, token).await?;
    let command = Command::JoinAsDelegate(NewDelegate {
        id: delegate,
        organisation: invite.organisation,
        name,
        email,
    });
    let actor = Actor::Delegate {
        organisation: invite.organisation,
        delegate: Some(delegate),
    };
    engine
        .execute_new(&invite.slug, actor, &format!("join:{delegate}"), command)
        .await?;
    let state = engine.workshop(&invite.slug).await?;
    let joined = state.delegates.get(&delegate).ok_or(AppError::Internal)?;
    let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
    let session = new_token();
    let now = Utc::now();
    engine
        .store()
        .create_delegate_session(&token_hash(&session), workshop, joined, now)
        .await
        .map_err(internal)?;
    engine
        .store()
        .audit(
            AUDIT_DELEGATE_JOINED,
            &invite.slug,
            &invite.organisation.to_string(),
            now,
        )
        .await
        .map_err(internal)?;
    Ok(Joined {
        session_token: session,
        slug: invite.slug,
    })
}

/// How long a device stays a delegate after joining: a workshop of a few
/// days, without asking the delegate to join again each morning.
pub const DELEGATE_SESSION_LIFETIME: chrono::Duration = chrono::Duration::days(3);

/// The delegate of a device session, while it is younger than
/// [`DELEGATE_SESSION_LIFETIME`] at `now`.
pub async fn session(
    engine: &Engine,
    token: &str,
    now: chrono::DateTime<Utc>,
) -> Result<Option<DelegateSession>, AppError> {
    let Some((workshop, organisation, delegate, started)) = engine
        .store()
        .delegate_session(&token_hash(token))
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    if now - started > DELEGATE_SESSION_LIFETIME {
        return Ok(None);
    }
    Ok(Some(DelegateSession {
        slug: slug_of(engine, workshop).await?,
        organisation,
        delegate,
    }))
}
