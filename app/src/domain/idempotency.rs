//! The key under which a write is recorded once.
//!
//! Every write reaches the engine with a key. A retried request (a lost
//! response, a double click, a phone that resent on reconnect) carries the
//! same key and gets the first answer instead of a second write. What makes
//! two requests "the same" differs by command, so each kind of write has a
//! named constructor here and nowhere else builds a key:
//!
//! - **Creating a thing whose id the form drew** (`commitment`, `organisation`,
//!   `join_room`, …): the key is the new id, so a retry creates nothing more.
//! - **A revision whose id the form drew** (`revision`): the same.
//! - **Content** (`exchange_rate`): setting the same rate twice is one write.
//! - **Writes whose retry is harmless by their nature** (`edit`, `stage`,
//!   `funding_target`, …): a save of a value already stored finds nothing to
//!   change, so each request gets a fresh key.
//!
//! The key is bound to its sender and command by the engine (see
//! docs/SECURITY.md, threat 1): it proves nothing about who sends it.
//! The strings keep the shapes stored by earlier versions, so a retry that
//! crosses an upgrade is still recognised.

use super::command::NewExchangeRate;
use super::ids::{
    AccountId, CommitmentId, ContributionId, DelegateId, DisbursementId, DiscussionId, OrganisationId,
    ParticipantId, WorkshopId,
};
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn create_workshop(id: WorkshopId) -> Self {
        Self::of("create", id)
    }

    pub fn organisation(id: OrganisationId) -> Self {
        Self::of("organisation", id)
    }

    pub fn commitment(id: CommitmentId) -> Self {
        Self::of("commitment", id)
    }

    /// A revision of a commitment, by the id the amend form drew.
    pub fn revision(revision: Uuid) -> Self {
        Self::of("revision", revision)
    }

    /// The same rate (currency, value, date and source) set twice is one write.
    pub fn exchange_rate(rate: &NewExchangeRate) -> Self {
        Self(format!(
            "rate:{}:{}:{}:{}",
            rate.currency, rate.per_unit, rate.as_of, rate.source
        ))
    }

    /// A disbursement, by the id its form drew.
    /// Issuing the proposal, by the id the form drew: a retry issues no
    /// second version.
    pub fn proposal_version(id: Uuid) -> Self {
        Self::of("proposal_version", id)
    }

    pub fn disbursement(id: DisbursementId) -> Self {
        Self::of("disbursement", id)
    }

    pub fn discussion(id: DiscussionId) -> Self {
        Self::of("discussion", id)
    }

    /// Closing a discussion: once closed, closing again changes nothing.
    pub fn close_discussion(id: DiscussionId) -> Self {
        Self::of("close", id)
    }

    pub fn contribution(id: ContributionId) -> Self {
        Self::of("contribution", id)
    }

    pub fn facilitator(id: AccountId) -> Self {
        Self::of("facilitator", id)
    }

    pub fn join_by_invite(delegate: DelegateId) -> Self {
        Self::of("join", delegate)
    }

    pub fn join_room(participant: ParticipantId) -> Self {
        Self::of("room", participant)
    }

    /// The demo's commands, numbered, so that running `roundtable demo`
    /// again adds nothing.
    pub fn demo(step: usize) -> Self {
        Self(format!("demo:{step:03}"))
    }

    /// Making the demo's facilitator a facilitator of the demo workshop.
    pub fn demo_facilitator() -> Self {
        Self("demo:facilitator".into())
    }

    /// A participating city added or corrected: a retry saves the same
    /// city again, which changes nothing.
    pub fn city() -> Self {
        Self::fresh("city")
    }

    /// An organisation's IATI identifier set: a retry sets the same one
    /// again, which changes nothing.
    pub fn organisation_iati_ref() -> Self {
        Self::fresh("iati-ref")
    }

    /// A save of a design text or item.
    pub fn edit() -> Self {
        Self::fresh("edit")
    }

    pub fn stage() -> Self {
        Self::fresh("stage")
    }

    /// A start of the stage timer, by the id its form drew: a retried
    /// start does not move the countdown's end.
    pub fn timer_start(start: Uuid) -> Self {
        Self::of("timer", start)
    }

    /// Stopping the timer: once stopped, stopping again changes nothing.
    pub fn timer_stop() -> Self {
        Self::fresh("timer-stop")
    }

    /// A correction of an organisation: sent again, it finds nothing to
    /// change.
    pub fn organisation_amendment() -> Self {
        Self::fresh("organisation-amendment")
    }

    /// Choosing the screens' languages: choosing them again changes nothing.
    pub fn screen_languages() -> Self {
        Self::fresh("screen-languages")
    }

    /// Choosing what the main screen shows: choosing it again changes
    /// nothing.
    pub fn screen_choice() -> Self {
        Self::fresh("screen-choice")
    }

    /// A re-rating: run again, it finds nothing left to convert.
    pub fn re_rate() -> Self {
        Self::fresh("rerate")
    }

    pub fn funding_target() -> Self {
        Self::fresh("target")
    }

    pub fn delegation_request() -> Self {
        Self::fresh("request")
    }

    pub fn delegation_decision(participant: ParticipantId) -> Self {
        Self::of("delegation", format_args!("{participant}:{}", Uuid::new_v4()))
    }

    pub fn removal(person: Uuid) -> Self {
        Self::of("remove", format_args!("{person}:{}", Uuid::new_v4()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn of(kind: &str, id: impl fmt::Display) -> Self {
        Self(format!("{kind}:{id}"))
    }

    fn fresh(kind: &str) -> Self {
        Self::of(kind, Uuid::new_v4())
    }
}

impl fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_drawn_from_an_id_is_the_same_on_every_retry() {
        let id = CommitmentId::random();
        assert_eq!(IdempotencyKey::commitment(id), IdempotencyKey::commitment(id));
        assert_eq!(
            IdempotencyKey::commitment(id).as_str(),
            format!("commitment:{id}")
        );
    }

    #[test]
    fn keys_for_different_kinds_of_write_never_meet() {
        let uuid = Uuid::new_v4();
        assert_ne!(
            IdempotencyKey::join_by_invite(DelegateId(uuid)),
            IdempotencyKey::join_room(ParticipantId(uuid))
        );
    }

    #[test]
    fn a_write_harmless_to_retry_gets_a_new_key_each_time() {
        assert_ne!(IdempotencyKey::edit(), IdempotencyKey::edit());
        assert_ne!(IdempotencyKey::stage(), IdempotencyKey::stage());
    }

    #[test]
    fn the_demo_keys_keep_the_shape_earlier_databases_hold() {
        assert_eq!(IdempotencyKey::demo(7).as_str(), "demo:007");
    }
}
