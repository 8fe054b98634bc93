//! Events: the facts a workshop's log is made of.
//!
//! Stored events are a public contract: never change what a stored event
//! means. Add a new variant, or a new field with `#[serde(default)]`.

use super::ids::*;
use super::model::*;
use super::money::Currency;
use chrono::{DateTime, Utc};
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
}

impl Event {
    /// The variant's name as stored in the log's `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::WorkshopCreated { .. } => "workshop_created",
            Event::FacilitatorAdded { .. } => "facilitator_added",
            Event::OrganisationAdded { .. } => "organisation_added",
            Event::DelegateJoined { .. } => "delegate_joined",
            Event::StageStatusChanged { .. } => "stage_status_changed",
            Event::DesignTextSet { .. } => "design_text_set",
            Event::OutputAdded { .. } => "output_added",
            Event::ComponentAdded { .. } => "component_added",
            Event::ExchangeRateSet { .. } => "exchange_rate_set",
            Event::CommitmentRecorded { .. } => "commitment_recorded",
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
