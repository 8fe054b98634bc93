//! Server functions of the room: the join code, joining with it, asking to
//! act for an organisation, and the facilitator's decision.

use crate::domain::error::AppError;
use crate::domain::forms::{ContributionForm, DelegationDecisionForm, DiscussionForm, ParticipantForm};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::domain::view_models::{DelegationRequest, DiscussionView, MyRoom};

#[cfg(feature = "ssr")]
use super::service;
#[cfg(feature = "ssr")]
use crate::domain::forms::{parse_as, parse_id};

/// The room's code and the address its QR code opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomCode {
    pub code: String,
    pub join_url: String,
}

/// Public: whoever sees the projector may join the room.
#[server]
pub async fn load_room_code(slug: String) -> Result<RoomCode, AppError> {
    service::respond(async {
        let code = service::room()?.room_code(&slug).await?;
        Ok(RoomCode {
            join_url: format!("{}/room?code={code}", service::origin()),
            code,
        })
    })
    .await
}

/// Joins with a room code on this device, then goes to the room's page.
/// `id` is made when the form is drawn, so a retried join is one person.
#[server]
pub async fn join_room(code: String, #[server(flatten)] form: ParticipantForm) -> Result<(), AppError> {
    service::respond(async {
        let new = form.parse()?;
        let client = service::client_address();
        let joined = service::room()?
            .join_room(&code, new.id, new.name, &client)
            .await?;
        service::set_cookie(service::PARTICIPANT_COOKIE, Some(&joined.session_token));
        leptos_axum::redirect(&format!("/w/{}/room", joined.slug));
        Ok(())
    })
    .await
}

#[server]
pub async fn load_my_room(slug: String) -> Result<MyRoom, AppError> {
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        let actor = service::actor_in(&slug).await?;
        MyRoom::of(&state, &actor)
    })
    .await
}

#[server]
pub async fn request_delegation(slug: String, organisation: String) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let organisation = parse_as(
            "organisation",
            &organisation,
            crate::domain::error::Problem::Required,
        )?;
        let key = crate::domain::idempotency::IdempotencyKey::delegation_request();
        service::execute(&slug, actor, &key, Command::RequestDelegation { organisation }).await
    })
    .await
}

#[server]
pub async fn load_requests(slug: String) -> Result<(u64, Vec<DelegationRequest>), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let state = service::workshops()?.workshop(&slug).await?;
        crate::domain::view_models::delegation_requests(&state, &actor)
    })
    .await
}

/// Approves (`decision` = "approve") or declines a participant's request
/// to act for `organisation`, the one the facilitator was shown.
#[server]
pub async fn decide_delegation(
    slug: String,
    #[server(flatten)] form: DelegationDecisionForm,
) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let decision = form.parse()?;
        let (participant, organisation) = (decision.participant, decision.organisation);
        service::room()?
            .decide_delegation(&slug, actor, participant, organisation, decision.approve)
            .await
    })
    .await
}

/// Removes a delegate or a participant (by id) from the workshop.
#[server]
pub async fn remove_person(slug: String, person: String) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let person: uuid::Uuid = parse_id("person", &person)?;
        service::room()?.remove_person(&slug, actor, person).await
    })
    .await
}

/// The room's questions, for whoever is in the room: its participants,
/// delegates and facilitators. The version, whether the viewer runs the
/// workshop, and the questions, newest first; `None` for anyone else (the
/// public pages that show this must stay public, so that is not an error).
#[server]
pub async fn load_discussions(slug: String) -> Result<Option<(u64, bool, Vec<DiscussionView>)>, AppError> {
    service::respond(async {
        let Ok(actor) = service::actor_in(&slug).await else {
            return Ok(None);
        };
        let state = service::workshops()?.workshop(&slug).await?;
        Ok(crate::domain::view_models::discussions(&state, &actor))
    })
    .await
}

#[server]
pub async fn open_discussion(slug: String, #[server(flatten)] form: DiscussionForm) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let new = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::discussion(new.id);
        service::execute(&slug, actor, &key, Command::OpenDiscussion(new)).await
    })
    .await
}

#[server]
pub async fn close_discussion(slug: String, item: String) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let item = parse_id("item", &item)?;
        let key = crate::domain::idempotency::IdempotencyKey::close_discussion(item);
        service::execute(&slug, actor, &key, Command::CloseDiscussion { item }).await
    })
    .await
}

/// Adds an answer; `id` is made when the form is drawn, so a retry is one.
#[server]
pub async fn contribute(slug: String, #[server(flatten)] form: ContributionForm) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let new = form.parse()?;
        let key = crate::domain::idempotency::IdempotencyKey::contribution(new.id);
        service::execute(&slug, actor, &key, Command::Contribute(new)).await
    })
    .await
}
