//! Events: the facts a workshop's log is made of.
//!
//! Stored events are a public contract: never change what a stored event
//! means. Add a new variant, or a new field with `#[serde(default)]`.

use super::design::{DesignItem, ItemKey};
use super::ids::*;
use super::model::*;
use super::money::Currency;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    WorkshopCreated {
        id: WorkshopId,
        slug: String,
        title: String,
        programme: String,
        reporting_currency: Currency,
    },
    FacilitatorAdded {
        account: AccountId,
    },
    OrganisationAdded {
        organisation: Organisation,
    },
    /// An organisation corrected by a facilitator: the same id, new values.
    OrganisationAmended {
        organisation: Organisation,
    },
    /// A participating city, new or corrected (the same id).
    CitySaved {
        city: City,
    },
    DelegateJoined {
        delegate: Delegate,
    },
    StageStatusChanged {
        stage: Stage,
        status: StageStatus,
    },
    DesignTextSet {
        field: DesignField,
        text: String,
    },
    OutputAdded {
        output: Output,
    },
    ComponentAdded {
        component: Component,
    },
    ExchangeRateSet {
        rate: ExchangeRate,
    },
    CommitmentRecorded {
        commitment: Commitment,
    },
    /// New values for a commitment: an amendment, a step on the ladder, or a
    /// withdrawal. The earlier values stay in the log and in the history.
    CommitmentRevised {
        commitment: Commitment,
    },
    /// A facilitator applied `rate` to these commitments (a re-rating):
    /// each keeps it from now on, and its history shows the change.
    CommitmentsReRated {
        rate: ExchangeRate,
        commitments: Vec<CommitmentId>,
    },
    /// Money paid out on a commitment, in its currency.
    DisbursementRecorded {
        commitment: CommitmentId,
        disbursement: Disbursement,
    },
    /// What the room aims to raise, in the reporting currency, until the
    /// design's budget exists.
    FundingTargetSet {
        amount: Decimal,
    },
    /// Someone in the room joined with the room code.
    ParticipantJoined {
        participant: ParticipantId,
        name: String,
    },
    /// A participant asks to act for an organisation.
    DelegationRequested {
        participant: ParticipantId,
        organisation: OrganisationId,
    },
    /// A facilitator made a participant a delegate of the organisation they
    /// asked for.
    DelegationApproved {
        participant: ParticipantId,
        organisation: OrganisationId,
    },
    DelegationDeclined {
        participant: ParticipantId,
        organisation: OrganisationId,
    },
    /// A facilitator removed a delegate from the workshop: their device
    /// sessions end and they act no more; what they recorded stays.
    DelegateRemoved {
        delegate: DelegateId,
    },
    /// The same for someone who joined with the room code.
    ParticipantRemoved {
        participant: ParticipantId,
    },
    /// A facilitator puts a question to the room.
    DiscussionOpened {
        item: DiscussionId,
        question: String,
    },
    DiscussionClosed {
        item: DiscussionId,
    },
    /// Someone in the room answers an open question.
    ContributionAdded {
        item: DiscussionId,
        contribution: ContributionId,
        text: String,
    },
    /// The room started stage 1, from the template or blank. A template's
    /// items follow as `DesignItemSaved` events in the same batch.
    DesignStarted {
        start: DesignStart,
    },
    /// A structured item of stage 1 or 2, whole, as saved.
    DesignItemSaved {
        item: DesignItem,
    },
    DesignItemRemoved {
        key: ItemKey,
    },
    /// A facilitator issued the proposal as it stands: version `number`,
    /// which renders from the log up to this event and so never changes.
    ProposalIssued {
        number: u32,
        label: String,
    },
    /// A facilitator started a countdown for the stage: it ends `minutes`
    /// after this event's own time (`StageTimer::started`).
    StageTimerStarted {
        stage: Stage,
        minutes: u16,
    },
    StageTimerStopped,
    /// An organisation's IATI identifier, given or taken away later.
    OrganisationIatiRefSet {
        organisation: OrganisationId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        iati_ref: Option<String>,
    },
    /// A facilitator chose the languages of the projected screens.
    ScreenLanguagesSet {
        languages: ScreenLanguages,
    },
    /// A facilitator chose what the main projected screen shows.
    ScreenChosen {
        shows: ScreenChoice,
    },
}

impl Event {
    /// The variant's name as stored in the log's `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::WorkshopCreated { .. } => "workshop_created",
            Event::FacilitatorAdded { .. } => "facilitator_added",
            Event::OrganisationAdded { .. } => "organisation_added",
            Event::OrganisationAmended { .. } => "organisation_amended",
            Event::CitySaved { .. } => "city_saved",
            Event::DelegateJoined { .. } => "delegate_joined",
            Event::StageStatusChanged { .. } => "stage_status_changed",
            Event::DesignTextSet { .. } => "design_text_set",
            Event::OutputAdded { .. } => "output_added",
            Event::ComponentAdded { .. } => "component_added",
            Event::ExchangeRateSet { .. } => "exchange_rate_set",
            Event::CommitmentRecorded { .. } => "commitment_recorded",
            Event::CommitmentRevised { .. } => "commitment_revised",
            Event::DisbursementRecorded { .. } => "disbursement_recorded",
            Event::CommitmentsReRated { .. } => "commitments_re_rated",
            Event::FundingTargetSet { .. } => "funding_target_set",
            Event::ParticipantJoined { .. } => "participant_joined",
            Event::DelegationRequested { .. } => "delegation_requested",
            Event::DelegationApproved { .. } => "delegation_approved",
            Event::DelegationDeclined { .. } => "delegation_declined",
            Event::DelegateRemoved { .. } => "delegate_removed",
            Event::ParticipantRemoved { .. } => "participant_removed",
            Event::DiscussionOpened { .. } => "discussion_opened",
            Event::DiscussionClosed { .. } => "discussion_closed",
            Event::ContributionAdded { .. } => "contribution_added",
            Event::DesignStarted { .. } => "design_started",
            Event::DesignItemSaved { .. } => "design_item_saved",
            Event::DesignItemRemoved { .. } => "design_item_removed",
            Event::ProposalIssued { .. } => "proposal_issued",
            Event::StageTimerStarted { .. } => "stage_timer_started",
            Event::StageTimerStopped => "stage_timer_stopped",
            Event::OrganisationIatiRefSet { .. } => "organisation_iati_ref_set",
            Event::ScreenLanguagesSet { .. } => "screen_languages_set",
            Event::ScreenChosen { .. } => "screen_chosen",
        }
    }
}

/// Who did something. Authorisation decisions are made on this.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Actor {
    /// The command line and the demo loader, run by whoever runs the server.
    System,
    Facilitator {
        account: AccountId,
    },
    Delegate {
        organisation: OrganisationId,
        /// Which person; absent in events written before it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        delegate: Option<DelegateId>,
    },
    /// Joined with the room code; may view, and ask to act for an
    /// organisation.
    Participant {
        participant: ParticipantId,
    },
}

/// An event as it sits in the log: numbered from 1 per workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub seq: u64,
    pub recorded_at: DateTime<Utc>,
    pub actor: Actor,
    pub event: Event,
}
