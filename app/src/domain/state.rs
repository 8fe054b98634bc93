//! The folded state of one workshop, and `apply`, the only way it changes.

use super::event::{Event, StoredEvent};
use super::ids::*;
use super::model::*;
use super::money::Currency;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopState {
    /// The sequence number of the last event applied; 0 for a new workshop.
    pub version: u64,
    pub setup: Option<WorkshopSetup>,
    pub facilitators: BTreeSet<AccountId>,
    pub stages: BTreeMap<Stage, StageStatus>,
    pub organisations: BTreeMap<OrganisationId, Organisation>,
    pub delegates: BTreeMap<DelegateId, Delegate>,
    pub design: ProjectDesign,
    pub rates: BTreeMap<Currency, ExchangeRate>,
    pub commitments: BTreeMap<CommitmentId, Commitment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopSetup {
    pub id: WorkshopId,
    pub slug: String,
    pub title: String,
    pub programme: String,
    pub reporting_currency: Currency,
}

impl WorkshopState {
    pub fn from_log<'a>(events: impl IntoIterator<Item = &'a StoredEvent>) -> Self {
        let mut state = WorkshopState::default();
        for event in events {
            state.apply(event);
        }
        state
    }

    pub fn stage_status(&self, stage: Stage) -> StageStatus {
        self.stages.get(&stage).copied().unwrap_or_default()
    }

    pub fn reporting_currency(&self) -> Option<Currency> {
        self.setup.as_ref().map(|s| s.reporting_currency)
    }

    /// Applies one event. Events are facts already decided, so this never
    /// fails; it must stay deterministic because the browser runs it too.
    pub fn apply(&mut self, stored: &StoredEvent) {
        self.version = stored.seq;
        match &stored.event {
            Event::WorkshopCreated {
                id,
                slug,
                title,
                programme,
                reporting_currency,
            } => {
                self.setup = Some(WorkshopSetup {
                    id: *id,
                    slug: slug.clone(),
                    title: title.clone(),
                    programme: programme.clone(),
                    reporting_currency: *reporting_currency,
                });
            }
            Event::FacilitatorAdded { account } => {
                self.facilitators.insert(*account);
            }
            Event::OrganisationAdded { organisation } => {
                self.organisations.insert(organisation.id, organisation.clone());
            }
            Event::DelegateJoined { delegate } => {
                self.delegates.insert(delegate.id, delegate.clone());
            }
            Event::StageStatusChanged { stage, status } => {
                self.stages.insert(*stage, *status);
            }
            Event::DesignTextSet { field, text } => {
                *self.design.text_mut(*field) = text.clone();
            }
            Event::OutputAdded { output } => self.design.outputs.push(output.clone()),
            Event::ComponentAdded { component } => self.design.components.push(component.clone()),
            Event::ExchangeRateSet { rate } => {
                self.rates.insert(rate.currency, rate.clone());
            }
            Event::CommitmentRecorded { commitment } => {
                self.commitments.insert(commitment.id, commitment.clone());
            }
        }
    }
}
