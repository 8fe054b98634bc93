//! Server functions of the room: the join code, joining with it, asking to
//! act for an organisation, and the facilitator's decision.

use crate::domain::error::AppError;
use crate::domain::ids::{OrganisationId, ParticipantId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::service;

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
pub async fn join_room(code: String, id: String, name: String) -> Result<(), AppError> {
    service::respond(async {
        let participant: ParticipantId = id
            .parse()
            .map_err(|_| AppError::invalid("id", crate::domain::error::Problem::Invalid))?;
        let client = service::client_address();
        let joined = service::room()?
            .join_room(&code, participant, name, &client)
            .await?;
        service::set_cookie(service::PARTICIPANT_COOKIE, Some(&joined.session_token));
        leptos_axum::redirect(&format!("/w/{}/room", joined.slug));
        Ok(())
    })
    .await
}

/// What a participant sees of the room: who they are, what they asked for,
/// and whom they act for once approved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRoom {
    pub version: u64,
    pub title: String,
    pub name: String,
    pub requested: Option<String>,
    pub delegate_of: Option<String>,
    pub organisations: Vec<(OrganisationId, String)>,
}

#[server]
pub async fn load_my_room(slug: String) -> Result<MyRoom, AppError> {
    use crate::domain::event::Actor;
    service::respond(async {
        let state = service::workshops()?.workshop(&slug).await?;
        let participant = match service::actor_in(&slug).await? {
            Actor::Participant { participant } => participant,
            Actor::Delegate {
                delegate: Some(delegate),
                ..
            } => ParticipantId(delegate.0),
            _ => return Err(AppError::Forbidden),
        };
        let me = state.participants.get(&participant).ok_or(AppError::Forbidden)?;
        let name_of = |id: Option<OrganisationId>| {
            id.and_then(|id| state.organisations.get(&id))
                .map(|o| o.name.clone())
        };
        Ok(MyRoom {
            version: state.version,
            title: state.setup.as_ref().map(|s| s.title.clone()).unwrap_or_default(),
            name: me.name.clone(),
            requested: name_of(me.requested),
            delegate_of: name_of(me.delegate_of),
            organisations: state
                .organisations
                .values()
                .map(|o| (o.id, o.name.clone()))
                .collect(),
        })
    })
    .await
}

#[server]
pub async fn request_delegation(slug: String, organisation: String) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let organisation: OrganisationId = organisation
            .parse()
            .map_err(|_| AppError::invalid("organisation", crate::domain::error::Problem::Required))?;
        let key = crate::domain::idempotency::IdempotencyKey::delegation_request();
        service::workshops()?
            .execute(&slug, actor, &key, Command::RequestDelegation { organisation })
            .await?;
        Ok(())
    })
    .await
}

/// An open request to act for an organisation, as the facilitator's live
/// list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationRequest {
    pub participant: ParticipantId,
    pub name: String,
    /// What the facilitator is shown, and what their decision names.
    pub organisation_id: crate::domain::ids::OrganisationId,
    pub organisation: String,
}

#[server]
pub async fn load_requests(slug: String) -> Result<(u64, Vec<DelegationRequest>), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let state = service::workshops()?.workshop(&slug).await?;
        if !crate::domain::command::administers(&state, &actor) {
            return Err(AppError::Forbidden);
        }
        let requests = state
            .participants
            .values()
            .filter_map(|p| {
                let organisation = state.organisations.get(&p.requested?)?;
                Some(DelegationRequest {
                    participant: p.id,
                    name: p.name.clone(),
                    organisation_id: organisation.id,
                    organisation: organisation.name.clone(),
                })
            })
            .filter(|r| !state.is_removed(r.participant.0))
            .collect();
        Ok((state.version, requests))
    })
    .await
}

/// Approves (`decision` = "approve") or declines a participant's request
/// to act for `organisation`, the one the facilitator was shown.
#[server]
pub async fn decide_delegation(
    slug: String,
    participant: String,
    organisation: String,
    decision: String,
) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let participant = parse_id(&participant, "participant")?;
        let organisation = parse_id(&organisation, "organisation")?;
        service::room()?
            .decide_delegation(&slug, actor, participant, organisation, decision == "approve")
            .await
    })
    .await
}

/// Removes a delegate or a participant (by id) from the workshop.
#[server]
pub async fn remove_person(slug: String, person: String) -> Result<(), AppError> {
    service::respond(async {
        let actor = service::current_actor().await?;
        let person: uuid::Uuid = parse_id(&person, "person")?;
        service::room()?.remove_person(&slug, actor, person).await
    })
    .await
}

/// An id from a form, or the field's problem.
#[cfg(feature = "ssr")]
fn parse_id<T: std::str::FromStr>(text: &str, field: &str) -> Result<T, AppError> {
    text.parse()
        .map_err(|_| AppError::invalid(field, crate::domain::error::Problem::Invalid))
}

/// An open or closed question with its answers, as the room sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscussionView {
    pub id: crate::domain::ids::DiscussionId,
    pub question: String,
    pub open: bool,
    /// (who, what), oldest first.
    pub contributions: Vec<(String, String)>,
}

/// The room's questions, for whoever is in the room: its participants,
/// delegates and facilitators. The version, whether the viewer runs the
/// workshop, and the questions, newest first; `None` for anyone else (the
/// public pages that show this must stay public, so that is not an error).
#[server]
pub async fn load_discussions(slug: String) -> Result<Option<(u64, bool, Vec<DiscussionView>)>, AppError> {
    use crate::domain::register::actor_name;
    service::respond(async {
        let Ok(actor) = service::actor_in(&slug).await else {
            return Ok(None);
        };
        let state = service::workshops()?.workshop(&slug).await?;
        let facilitator = crate::domain::command::administers(&state, &actor);
        if matches!(actor, crate::domain::event::Actor::Facilitator { .. }) && !facilitator {
            return Ok(None);
        }
        let mut items: Vec<_> = state.discussions.values().collect();
        items.sort_by_key(|d| std::cmp::Reverse(d.seq));
        let items = items
            .into_iter()
            .map(|d| DiscussionView {
                id: d.id,
                question: d.question.clone(),
                open: d.open,
                contributions: d
                    .contributions
                    .iter()
                    .map(|c| (actor_name(&state, &c.by), c.text.clone()))
                    .collect(),
            })
            .collect();
        Ok(Some((state.version, facilitator, items)))
    })
    .await
}

#[server]
pub async fn open_discussion(slug: String, id: String, question: String) -> Result<(), AppError> {
    use crate::domain::command::{Command, NewDiscussion};
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let id = id
            .parse()
            .map_err(|_| AppError::invalid("id", crate::domain::error::Problem::Invalid))?;
        let command = Command::OpenDiscussion(NewDiscussion { id, question });
        service::workshops()?
            .execute(
                &slug,
                actor,
                &crate::domain::idempotency::IdempotencyKey::discussion(id),
                command,
            )
            .await?;
        Ok(())
    })
    .await
}

#[server]
pub async fn close_discussion(slug: String, item: String) -> Result<(), AppError> {
    use crate::domain::command::Command;
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let item = item
            .parse()
            .map_err(|_| AppError::invalid("item", crate::domain::error::Problem::Invalid))?;
        service::workshops()?
            .execute(
                &slug,
                actor,
                &crate::domain::idempotency::IdempotencyKey::close_discussion(item),
                Command::CloseDiscussion { item },
            )
            .await?;
        Ok(())
    })
    .await
}

/// Adds an answer; `id` is made when the form is drawn, so a retry is one.
#[server]
pub async fn contribute(slug: String, item: String, id: String, text: String) -> Result<(), AppError> {
    use crate::domain::command::{Command, NewContribution};
    service::respond(async {
        let actor = service::actor_in(&slug).await?;
        let item = item
            .parse()
            .map_err(|_| AppError::invalid("item", crate::domain::error::Problem::Invalid))?;
        let id = id
            .parse()
            .map_err(|_| AppError::invalid("id", crate::domain::error::Problem::Invalid))?;
        let command = Command::Contribute(NewContribution { item, id, text });
        service::workshops()?
            .execute(
                &slug,
                actor,
                &crate::domain::idempotency::IdempotencyKey::contribution(id),
                command,
            )
            .await?;
        Ok(())
    })
    .await
}
