//! Invite links for organisations' delegates, and delegates' device
//! sessions. The link's token is shown once; only its hash is stored.

use crate::engine::Engine;
use crate::services::secrets::{new_token, token_hash};
use app::api::service::{DelegateSession, InviteView, Invites, Joined, Workshops};
use app::domain::command::{administers, Command, NewDelegate};
use app::domain::error::{AppError, Problem};
use app::domain::event::Actor;
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::{DelegateId, OrganisationId, WorkshopId};
use chrono::Utc;
use std::sync::Arc;

pub const AUDIT_INVITE_ISSUED: &str = "invite_issued";
pub const AUDIT_INVITE_REVOKED: &str = "invite_revoked";
pub const AUDIT_DELEGATE_JOINED: &str = "delegate_joined";
pub const AUDIT_INVITE_REFUSED: &str = "invite_refused";

/// How long a device stays a delegate after joining: a workshop of a few
/// days, without asking the delegate to join again each morning.
pub const DELEGATE_SESSION_LIFETIME: chrono::Duration = chrono::Duration::days(3);

/// Invite links and delegates' sessions, over the engine and the store.
pub struct InviteService {
    engine: Arc<Engine>,
}

impl InviteService {
    pub fn new(engine: Arc<Engine>) -> InviteService {
        InviteService { engine }
    }

    async fn slug_of(&self, workshop: WorkshopId) -> Result<String, AppError> {
        self.engine
            .store()
            .workshop_slug(workshop)
            .await?
            .ok_or_else(|| AppError::NotFound("workshop".into()))
    }

    /// Checks that `actor` administers the workshop and that the organisation is
    /// one of its own; returns the workshop's id.
    async fn administered(
        &self,
        slug: &str,
        actor: &Actor,
        organisation: OrganisationId,
    ) -> Result<WorkshopId, AppError> {
        let state = self.engine.workshop(slug).await?;
        if !administers(&state, actor) {
            return Err(AppError::Forbidden);
        }
        if !state.organisations.contains_key(&organisation) {
            return Err(AppError::invalid("organisation", Problem::UnknownOrganisation));
        }
        Ok(state.setup.as_ref().ok_or(AppError::Internal)?.id)
    }

    /// The delegate of a device session, while it is younger than
    /// [`DELEGATE_SESSION_LIFETIME`] at `now`.
    pub async fn session_at(
        &self,
        token: &str,
        now: chrono::DateTime<Utc>,
    ) -> Result<Option<DelegateSession>, AppError> {
        let Some(row) = self.engine.store().delegate_session(&token_hash(token)).await? else {
            return Ok(None);
        };
        if now - row.created_at > DELEGATE_SESSION_LIFETIME {
            return Ok(None);
        }
        Ok(Some(DelegateSession {
            slug: self.slug_of(row.workshop).await?,
            organisation: row.organisation,
            delegate: row.delegate,
        }))
    }
}

#[async_trait::async_trait]
impl Invites for InviteService {
    async fn issue_invite(
        &self,
        slug: &str,
        actor: Actor,
        organisation: OrganisationId,
    ) -> Result<String, AppError> {
        let workshop = self.administered(slug, &actor, organisation).await?;
        let token = new_token();
        let now = Utc::now();
        let store = self.engine.store();
        store
            .replace_invite(&token_hash(&token), workshop, organisation, now)
            .await?;
        store
            .audit(AUDIT_INVITE_ISSUED, slug, &organisation.to_string(), now)
            .await?;
        Ok(token)
    }

    async fn revoke_invites(
        &self,
        slug: &str,
        actor: Actor,
        organisation: OrganisationId,
    ) -> Result<(), AppError> {
        let workshop = self.administered(slug, &actor, organisation).await?;
        let now = Utc::now();
        let store = self.engine.store();
        store.revoke_invites(workshop, organisation, now).await?;
        // A revoked link may have leaked: whoever joined through it is out too.
        // (Issuing a new link does not end sessions: that is for a lost link.)
        store.end_delegate_sessions_of(workshop, organisation).await?;
        store
            .audit(AUDIT_INVITE_REVOKED, slug, &organisation.to_string(), now)
            .await?;
        Ok(())
    }

    /// What an invite link opens: `NotFound` for an unknown or revoked link.
    async fn invite(&self, token: &str) -> Result<InviteView, AppError> {
        let engine = &self.engine;
        let Some(live) = engine.store().live_invite(&token_hash(token)).await? else {
            engine
                .store()
                .audit(AUDIT_INVITE_REFUSED, "-", "", Utc::now())
                .await?;
            return Err(AppError::NotFound("invite".into()));
        };
        let slug = self.slug_of(live.workshop).await?;
        let state = engine.workshop(&slug).await?;
        let setup = state.setup.as_ref().ok_or(AppError::Internal)?;
        let organisation = state
            .organisations
            .get(&live.organisation)
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
    async fn join(
        &self,
        token: &str,
        delegate: DelegateId,
        name: String,
        email: Option<String>,
    ) -> Result<Joined, AppError> {
        let engine = &self.engine;
        let invite = self.invite(token).await?;
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
            .execute_new(
                &invite.slug,
                actor,
                &IdempotencyKey::join_by_invite(delegate),
                command,
            )
            .await?;
        let state = engine.workshop(&invite.slug).await?;
        let joined = state.delegates.get(&delegate).ok_or(AppError::Internal)?;
        let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
        let session = new_token();
        let now = Utc::now();
        engine
            .store()
            .create_delegate_session(&token_hash(&session), workshop, joined, now)
            .await?;
        engine
            .store()
            .audit(
                AUDIT_DELEGATE_JOINED,
                &invite.slug,
                &invite.organisation.to_string(),
                now,
            )
            .await?;
        Ok(Joined {
            session_token: session,
            slug: invite.slug,
        })
    }

    async fn delegate_session(&self, token: &str) -> Result<Option<DelegateSession>, AppError> {
        self.session_at(token, Utc::now()).await
    }
}
