//! The folded state of one workshop, and `apply`, the only way it changes.

use super::business::BusinessModel;
use super::design::{put_item, remove_item, DesignItem, ItemKey, Partnership};
use super::event::{Actor, Event, StoredEvent};
use super::ids::*;
use super::model::*;
use super::money::Currency;
use super::stage_timer::StageTimer;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
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
    /// Every version of every commitment, oldest first, with who and when.
    pub commitment_history: BTreeMap<CommitmentId, Vec<CommitmentChange>>,
    /// The facilitator's funding target in the reporting currency.
    pub funding_target: Option<Decimal>,
    pub participants: BTreeMap<ParticipantId, Participant>,
    pub discussions: BTreeMap<DiscussionId, Discussion>,
    /// The event that last set each narrative field of the design: what an
    /// editor's copy is "based on", to catch two people saving at once.
    #[serde(default)]
    pub design_versions: BTreeMap<DesignField, u64>,
    /// Stage 2's structured parts.
    #[serde(default)]
    pub partnership: Partnership,
    /// Stage 3's business model.
    #[serde(default)]
    pub business: BusinessModel,
    /// The event that last changed each structured item, by `ItemKey::code`.
    #[serde(default)]
    pub item_versions: BTreeMap<String, u64>,
    /// Delegates and participants a facilitator removed, by their id (an
    /// approved participant is a delegate under the same id).
    #[serde(default)]
    pub removed_people: BTreeSet<uuid::Uuid>,
    /// What was paid on each commitment, oldest first, with who and when.
    #[serde(default)]
    pub disbursements: BTreeMap<CommitmentId, Vec<DisbursementRecord>>,
    /// The proposal's issued versions, oldest first.
    #[serde(default)]
    pub proposal_versions: Vec<IssuedVersion>,
    /// The participating cities, by id.
    #[serde(default)]
    pub cities: BTreeMap<CityId, City>,
    /// The countdown a facilitator started, until stopped or its stage closes.
    #[serde(default)]
    pub stage_timer: Option<StageTimer>,
    /// The languages of the projected screens; older logs never chose.
    #[serde(default)]
    pub screen_languages: ScreenLanguages,
    /// What the main projected screen shows; older logs never chose.
    #[serde(default)]
    pub screen_choice: ScreenChoice,
}

/// A numbered version of the proposal: the log up to `seq` is what it
/// says, for ever.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedVersion {
    pub number: u32,
    pub label: String,
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub by: Actor,
}

/// A disbursement as the log recorded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisbursementRecord {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub by: Actor,
    pub disbursement: Disbursement,
}

/// A question the facilitator put to the room, and the room's answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discussion {
    pub id: DiscussionId,
    /// The event that opened it, for ordering.
    pub seq: u64,
    pub question: String,
    pub open: bool,
    pub contributions: Vec<Contribution>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub id: ContributionId,
    pub by: Actor,
    pub at: DateTime<Utc>,
    pub text: String,
}

/// One version of a commitment in its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentChange {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub by: Actor,
    pub commitment: Commitment,
}

/// Someone who joined with the room code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: ParticipantId,
    pub name: String,
    /// The organisation they asked to act for, while the request is open.
    pub requested: Option<OrganisationId>,
    /// The organisation they act for, once a facilitator approved.
    pub delegate_of: Option<OrganisationId>,
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

    fn store_item(&mut self, seq: u64, item: DesignItem) {
        self.item_versions.insert(item.key().code(), seq);
        put_item(&mut self.design, &mut self.partnership, &mut self.business, item);
    }

    /// The version an item is at: the event that last changed it, 0 if never.
    pub fn item_version(&self, key: &ItemKey) -> u64 {
        super::design::version_of(&self.item_versions, key)
    }

    /// An item's current value, whatever stage it belongs to.
    pub fn item(&self, key: &ItemKey) -> Option<DesignItem> {
        super::design::current_item(&self.design, &self.partnership, &self.business, key)
    }

    pub fn stage_status(&self, stage: Stage) -> StageStatus {
        self.stages.get(&stage).copied().unwrap_or_default()
    }

    /// The room is in the stage opened last; before any is opened, none.
    pub fn current_stage(&self) -> Option<Stage> {
        Stage::ALL
            .iter()
            .rev()
            .find(|stage| self.stage_status(**stage) == StageStatus::Open)
            .copied()
    }

    /// The dashboard the main screen draws: the facilitator's choice, or
    /// the stage the room is in (the commitments' before any is open); a
    /// question no longer in the state falls back to the stage.
    pub fn screen_shows(&self) -> ScreenBoard {
        let stage = || ScreenBoard::Stage {
            stage: self.current_stage().unwrap_or(Stage::Commitments),
        };
        match self.screen_choice {
            ScreenChoice::FollowStage => stage(),
            ScreenChoice::Stage { stage } => ScreenBoard::Stage { stage },
            ScreenChoice::Proposal => ScreenBoard::Proposal,
            ScreenChoice::Question { item } if self.discussions.contains_key(&item) => {
                ScreenBoard::Question { item }
            }
            ScreenChoice::Question { .. } => stage(),
        }
    }

    /// Whether a delegate or participant (by their id) was removed.
    pub fn is_removed(&self, person: uuid::Uuid) -> bool {
        self.removed_people.contains(&person)
    }

    /// Whether an actor was removed from the workshop and may act no more.
    pub fn acts_no_more(&self, actor: &Actor) -> bool {
        match actor {
            Actor::Delegate {
                delegate: Some(delegate),
                ..
            } => self.is_removed(delegate.0),
            Actor::Participant { participant } => self.is_removed(participant.0),
            _ => false,
        }
    }

    /// Who a participant acts as: the delegate of the organisation a
    /// facilitator approved, else a participant.
    pub fn participant_actor(&self, participant: ParticipantId) -> Actor {
        match self.participants.get(&participant).and_then(|p| p.delegate_of) {
            Some(organisation) => Actor::Delegate {
                organisation,
                delegate: Some(DelegateId(participant.0)),
            },
            None => Actor::Participant { participant },
        }
    }

    pub fn reporting_currency(&self) -> Option<Currency> {
        self.setup.as_ref().map(|s| s.reporting_currency)
    }

    /// A commitment's amount in the reporting currency, rounded to its
    /// minor unit (see `Commitment::converted`): the one figure every
    /// table, total and export counts.
    pub fn converted(&self, commitment: &Commitment) -> Option<Decimal> {
        commitment.converted(self.reporting_currency()?)
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
            Event::OrganisationAdded { organisation } | Event::OrganisationAmended { organisation } => {
                self.organisations.insert(organisation.id, organisation.clone());
            }
            Event::OrganisationIatiRefSet {
                organisation,
                iati_ref,
            } => {
                if let Some(organisation) = self.organisations.get_mut(organisation) {
                    organisation.iati_ref = iati_ref.clone();
                }
            }
            Event::CitySaved { city } => {
                self.cities.insert(city.id, city.clone());
            }
            Event::DelegateJoined { delegate } => {
                self.delegates.insert(delegate.id, delegate.clone());
            }
            Event::StageStatusChanged { stage, status } => {
                self.stages.insert(*stage, *status);
                // A locked stage's countdown is over: no screen keeps it.
                if *status != StageStatus::Open {
                    self.stage_timer.take_if(|timer| timer.stage == *stage);
                }
            }
            Event::DesignTextSet { field, text } => {
                *self.design.text_mut(*field) = text.clone();
                self.design_versions.insert(*field, stored.seq);
            }
            Event::OutputAdded { output } => self.store_item(stored.seq, DesignItem::Output(output.clone())),
            Event::ComponentAdded { component } => {
                self.store_item(stored.seq, DesignItem::Component(component.clone()))
            }
            Event::DesignStarted { start } => self.design.start = Some(*start),
            Event::DesignItemSaved { item } => self.store_item(stored.seq, item.clone()),
            Event::DesignItemRemoved { key } => {
                remove_item(&mut self.design, &mut self.partnership, &mut self.business, key);
                self.item_versions.insert(key.code(), stored.seq);
            }
            Event::ExchangeRateSet { rate } => {
                self.rates.insert(rate.currency, rate.clone());
            }
            Event::ProposalIssued { number, label } => self.proposal_versions.push(IssuedVersion {
                number: *number,
                label: label.clone(),
                seq: stored.seq,
                at: stored.recorded_at,
                by: stored.actor.clone(),
            }),
            Event::CommitmentRecorded { commitment } | Event::CommitmentRevised { commitment } => {
                self.commitments.insert(commitment.id, commitment.clone());
                self.commitment_history
                    .entry(commitment.id)
                    .or_default()
                    .push(CommitmentChange {
                        seq: stored.seq,
                        at: stored.recorded_at,
                        by: stored.actor.clone(),
                        commitment: commitment.clone(),
                    });
            }
            Event::CommitmentsReRated { rate, commitments } => {
                for id in commitments {
                    let Some(commitment) = self.commitments.get_mut(id) else {
                        continue;
                    };
                    commitment.rate = Some(rate.clone());
                    let change = CommitmentChange {
                        seq: stored.seq,
                        at: stored.recorded_at,
                        by: stored.actor.clone(),
                        commitment: commitment.clone(),
                    };
                    self.commitment_history.entry(*id).or_default().push(change);
                }
            }
            Event::DisbursementRecorded {
                commitment,
                disbursement,
            } => self
                .disbursements
                .entry(*commitment)
                .or_default()
                .push(DisbursementRecord {
                    seq: stored.seq,
                    at: stored.recorded_at,
                    by: stored.actor.clone(),
                    disbursement: disbursement.clone(),
                }),
            Event::FundingTargetSet { amount } => self.funding_target = Some(*amount),
            Event::ParticipantJoined { participant, name } => {
                self.participants.insert(
                    *participant,
                    Participant {
                        id: *participant,
                        name: name.clone(),
                        requested: None,
                        delegate_of: None,
                    },
                );
            }
            Event::DelegationRequested {
                participant,
                organisation,
            } => {
                if let Some(p) = self.participants.get_mut(participant) {
                    p.requested = Some(*organisation);
                }
            }
            Event::DelegationApproved {
                participant,
                organisation,
            } => {
                if let Some(p) = self.participants.get_mut(participant) {
                    p.requested = None;
                    p.delegate_of = Some(*organisation);
                    // An approved participant is a delegate like any other,
                    // under the same id.
                    self.delegates.insert(
                        DelegateId(participant.0),
                        Delegate {
                            id: DelegateId(participant.0),
                            organisation: *organisation,
                            name: p.name.clone(),
                            email: None,
                        },
                    );
                }
            }
            Event::DiscussionOpened { item, question } => {
                self.discussions.insert(
                    *item,
                    Discussion {
                        id: *item,
                        seq: stored.seq,
                        question: question.clone(),
                        open: true,
                        contributions: Vec::new(),
                    },
                );
            }
            Event::DiscussionClosed { item } => {
                if let Some(discussion) = self.discussions.get_mut(item) {
                    discussion.open = false;
                }
            }
            Event::ContributionAdded {
                item,
                contribution,
                text,
            } => {
                if let Some(discussion) = self.discussions.get_mut(item) {
                    discussion.contributions.push(Contribution {
                        id: *contribution,
                        by: stored.actor.clone(),
                        at: stored.recorded_at,
                        text: text.clone(),
                    });
                }
            }
            Event::DelegationDeclined { participant, .. } => {
                if let Some(p) = self.participants.get_mut(participant) {
                    p.requested = None;
                }
            }
            Event::DelegateRemoved { delegate } => {
                self.removed_people.insert(delegate.0);
            }
            Event::ParticipantRemoved { participant } => {
                self.removed_people.insert(participant.0);
            }
            Event::StageTimerStarted { stage, minutes } => {
                self.stage_timer = Some(StageTimer::started(*stage, *minutes, stored.recorded_at));
            }
            Event::StageTimerStopped => self.stage_timer = None,
            Event::ScreenLanguagesSet { languages } => self.screen_languages = *languages,
            Event::ScreenChosen { shows } => self.screen_choice = *shows,
        }
    }
}
