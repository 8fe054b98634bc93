//! The room: a short join code per workshop (shown on the projector, with
//! a QR code), participants' device sessions, and facilitators' decisions
//! on participants' requests to act for an organisation.

use crate::engine::Engine;
use crate::services::secrets::{new_token, token_hash};
use crate::store::attempts::AttemptScope;
use app::api::service::{Joined, ParticipantSession, Room, Workshops};
use app::domain::command::{Command, NewParticipant};
use app::domain::error::{AppError, Problem};
use app::domain::event::Actor;
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::{DelegateId, OrganisationId, ParticipantId};
use chrono::Utc;
use std::sync::Arc;

pub const AUDIT_PARTICIPANT_JOINED: &str = "participant_joined";
pub const AUDIT_ROOM_CODE_REFUSED: &str = "room_code_refused";
pub const AUDIT_ROOM_CODE_THROTTLED: &str = "room_code_throttled";
pub const AUDIT_PERSON_REMOVED: &str = "person_removed";
pub const AUDIT_DELEGATION_APPROVED: &str = "delegation_approved";
pub const AUDIT_DELEGATION_DECLINED: &str = "delegation_declined";
pub const AUDIT_DELEGATION_REFUSED: &str = "delegation_refused";

/// Letters and digits nobody misreads from the back of a hall (no 0/O,
/// 1/I/L); six of them give about a billion codes.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH: usize = 6;

/// A participant's device stays in the room as long as a delegate's.
pub const PARTICIPANT_SESSION_LIFETIME: chrono::Duration =
    crate::services::invites::DELEGATE_SESSION_LIFETIME;

fn random_code() -> String {
    let mut bytes = [0u8; CODE_LENGTH];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect()
}

/// What people type: case and spaces do not matter.
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Wrong room codes one client address may try within [`WRONG_CODE_WINDOW`]
/// before it must wait: enough for typos, far too few to find a code among
/// about a billion.
pub const MAX_WRONG_CODES: usize = 10;
pub const WRONG_CODE_WINDOW: chrono::Duration = chrono::Duration::minutes(1);

/// The room over the engine and the store.
pub struct RoomService {
    engine: Arc<Engine>,
}

impl RoomService {
    pub fn new(engine: Arc<Engine>) -> RoomService {
        RoomService { engine }
    }
}

#[async_trait::async_trait]
impl Room for RoomService {
    /// The workshop's join code, made the first time anyone asks.
    async fn room_code(&self, slug: &str) -> Result<String, AppError> {
        let engine = &self.engine;
        let state = engine.workshop(slug).await?;
        let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
        let store = engine.store();
        loop {
            if let Some(code) = store.room_code(workshop).await? {
                return Ok(code);
            }
            // Taken by another workshop (or raced by another request): the loop
            // reads again, then tries a new code.
            store
                .claim_room_code(workshop, &random_code(), Utc::now())
                .await?;
        }
    }

    /// Joins the room of the workshop whose code this is, as a participant on
    /// this device. `participant` comes from the form; only the request that
    /// made the participant gets a session for them, so an id read elsewhere
    /// opens nothing. `client` is the address wrong codes are counted for.
    async fn join_room(
        &self,
        code: &str,
        participant: ParticipantId,
        name: String,
        client: &str,
    ) -> Result<Joined, AppError> {
        let engine = &self.engine;
        let store = engine.store();
        let now = Utc::now();
        let attempt = store
            .begin_attempt(AttemptScope::RoomCode, client, WRONG_CODE_WINDOW, now)
            .await?;
        if attempt.count > MAX_WRONG_CODES {
            store.forget_attempt(&attempt).await?;
            store.audit(AUDIT_ROOM_CODE_THROTTLED, client, "", now).await?;
            let wait = attempt.oldest + WRONG_CODE_WINDOW - now;
            return Err(AppError::TooManyAttempts {
                retry_after_seconds: wait.num_seconds().max(1) as u64,
            });
        }
        let Some(workshop) = store.room_workshop(&normalise_code(code)).await? else {
            store.audit(AUDIT_ROOM_CODE_REFUSED, client, "", now).await?;
            return Err(AppError::invalid("code", Problem::UnknownCode));
        };
        store.forget_attempt(&attempt).await?;
        let slug = store.workshop_slug(workshop).await?.ok_or(AppError::Internal)?;
        let command = Command::JoinRoom(NewParticipant {
            id: participant,
            name,
        });
        engine
            .execute_new(
                &slug,
                Actor::Participant { participant },
                &IdempotencyKey::join_room(participant),
                command,
            )
            .await?;
        let session = new_token();
        store
            .create_participant_session(&token_hash(&session), workshop, participant, now)
            .await?;
        store
            .audit(AUDIT_PARTICIPANT_JOINED, &slug, &participant.to_string(), now)
            .await?;
        Ok(Joined {
            session_token: session,
            slug,
        })
    }

    async fn participant_session(&self, token: &str) -> Result<Option<ParticipantSession>, AppError> {
        let now = Utc::now();
        let store = self.engine.store();
        let Some(row) = store.participant_session(&token_hash(token)).await? else {
            return Ok(None);
        };
        if now - row.created_at > PARTICIPANT_SESSION_LIFETIME {
            return Ok(None);
        }
        let slug = store
            .workshop_slug(row.workshop)
            .await?
            .ok_or(AppError::Internal)?;
        Ok(Some(ParticipantSession {
            slug,
            participant: row.participant,
        }))
    }

    /// A facilitator approves or declines a participant's request for the
    /// organisation they were shown; recorded in the log and in the audit
    /// trail, refusals included.
    async fn decide_delegation(
        &self,
        slug: &str,
        actor: Actor,
        participant: ParticipantId,
        organisation: OrganisationId,
        approve: bool,
    ) -> Result<(), AppError> {
        let engine = &self.engine;
        let result = engine
            .execute(
                slug,
                actor,
                &IdempotencyKey::delegation_decision(participant),
                Command::DecideDelegation {
                    participant,
                    organisation,
                    approve,
                },
            )
            .await;
        let kind = match (&result, approve) {
            (Ok(_), true) => AUDIT_DELEGATION_APPROVED,
            (Ok(_), false) => AUDIT_DELEGATION_DECLINED,
            (Err(_), _) => AUDIT_DELEGATION_REFUSED,
        };
        engine
            .store()
            .audit(kind, slug, &participant.to_string(), Utc::now())
            .await?;
        result.map(|_| ())
    }

    /// A facilitator removes a delegate or a participant (by their id) from the
    /// workshop: the log records it, their device sessions end at once, and
    /// what they recorded stays.
    async fn remove_person(&self, slug: &str, actor: Actor, person: uuid::Uuid) -> Result<(), AppError> {
        let engine = &self.engine;
        let state = engine.workshop(slug).await?;
        let workshop = state.setup.as_ref().ok_or(AppError::Internal)?.id;
        let (delegate, participant) = (DelegateId(person), ParticipantId(person));
        let mut commands = Vec::new();
        if state.participants.contains_key(&participant) {
            commands.push(Command::RemoveParticipant { participant });
        }
        if state.delegates.contains_key(&delegate) {
            commands.push(Command::RemoveDelegate { delegate });
        }
        if commands.is_empty() {
            return Err(AppError::NotFound("person".into()));
        }
        for command in commands {
            engine
                .execute(slug, actor.clone(), &IdempotencyKey::removal(person), command)
                .await?;
        }
        let store = engine.store();
        store
            .end_sessions_of_person(workshop, delegate, participant)
            .await?;
        store
            .audit(AUDIT_PERSON_REMOVED, slug, &person.to_string(), Utc::now())
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_and_unambiguous() {
        for _ in 0..200 {
            let code = random_code();
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{code}");
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        }
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalise_code(" ab3 d-ef "), "AB3DEF");
    }
}
