//! `decide`: the events a command becomes, or why not; and
//! `WorkshopState::execute`, the one way to run a command.

use super::access::{
    require_commitment_rights, require_facilitator, require_item_editor, require_override_rights,
    require_stage_editor,
};
use super::checks::{check_commitment, check_item, check_version};
use super::inputs::*;
use crate::domain::design::ItemKey;
use crate::domain::error::AppError;
use crate::domain::error::Problem;
use crate::domain::event::{Actor, Event, StoredEvent};
use crate::domain::ids::*;
use crate::domain::model::*;
use crate::domain::money::Currency;
use crate::domain::state::WorkshopState;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use validator::Validate;

/// Decides what `command` by `actor` means for a workshop in `state`: the
/// events to append, or why not. Pure: the clock comes in as `now`.
pub fn decide(
    state: &WorkshopState,
    actor: &Actor,
    command: Command,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, AppError> {
    let setup = match (&state.setup, &command) {
        (None, Command::CreateWorkshop(_)) => None,
        (Some(_), Command::CreateWorkshop(new)) => return Err(AppError::AlreadyExists(new.slug.clone())),
        (None, _) => return Err(AppError::NotFound("workshop".into())),
        (Some(setup), _) => Some(setup),
    };
    if state.acts_no_more(actor) {
        return Err(AppError::Forbidden);
    }
    match command {
        Command::CreateWorkshop(new) => {
            let creator = match actor {
                Actor::System => None,
                Actor::Facilitator { account } => Some(*account),
                Actor::Delegate { .. } | Actor::Participant { .. } => return Err(AppError::Forbidden),
            };
            new.validate()?;
            let mut events = vec![Event::WorkshopCreated {
                id: new.id,
                slug: new.slug,
                title: new.title.trim().to_string(),
                programme: new.programme.trim().to_string(),
                reporting_currency: new.reporting_currency,
            }];
            events.extend(creator.map(|account| Event::FacilitatorAdded { account }));
            Ok(events)
        }
        Command::AddFacilitator { account } => {
            require_facilitator(state, actor)?;
            if state.facilitators.contains(&account) {
                return Ok(vec![]);
            }
            Ok(vec![Event::FacilitatorAdded { account }])
        }
        Command::AddOrganisation(new) => super::organisations::add(state, actor, new),
        Command::AmendOrganisation(new) => super::organisations::amend(state, actor, new),
        Command::SaveCity(city) => super::cities::save_city(state, actor, city),
        Command::SetOrganisationIatiRef(set) => super::organisations::set_iati_ref(state, actor, set),
        Command::JoinAsDelegate(new) => {
            match actor {
                Actor::Delegate { organisation, .. } if *organisation == new.organisation => {}
                Actor::System => {}
                _ => return Err(AppError::Forbidden),
            }
            new.validate()?;
            if !state.organisations.contains_key(&new.organisation) {
                return Err(AppError::invalid("organisation", Problem::UnknownOrganisation));
            }
            // Delegates and participants share one space of ids (an approved
            // participant becomes a delegate under its own id): an id already
            // used by anyone is never someone new.
            if state.delegates.contains_key(&new.id)
                || state.participants.contains_key(&ParticipantId(new.id.0))
                || state.is_removed(new.id.0)
            {
                return Err(AppError::AlreadyExists(new.id.to_string()));
            }
            Ok(vec![Event::DelegateJoined {
                delegate: Delegate {
                    id: new.id,
                    organisation: new.organisation,
                    name: new.name.trim().to_string(),
                    email: new.email.filter(|e| !e.trim().is_empty()),
                },
            }])
        }
        Command::SetStageStatus { stage, status } => {
            require_facilitator(state, actor)?;
            if state.stage_status(stage) == status {
                return Ok(vec![]);
            }
            Ok(vec![Event::StageStatusChanged { stage, status }])
        }
        Command::SetDesignText(input) => {
            match input.field.stage() {
                Some(stage) => require_stage_editor(state, actor, stage)?,
                None => require_facilitator(state, actor)?,
            }
            input.validate()?;
            let current = state.design.text(input.field);
            let version = state.design_versions.get(&input.field).copied().unwrap_or(0);
            if current == input.text {
                return Ok(vec![]);
            }
            // Two people saving the same field from the same starting point:
            // the second is told, with the other's text, and chooses.
            if input.based_on.is_some_and(|based_on| based_on != version) {
                return Err(AppError::EditedMeanwhile {
                    theirs: current.to_string(),
                    version,
                });
            }
            Ok(vec![Event::DesignTextSet {
                field: input.field,
                text: input.text,
            }])
        }
        Command::StartDesign { start } => {
            require_stage_editor(state, actor, Stage::ProjectDesign)?;
            let design = &state.design;
            if design.start.is_some() || !design.outputs.is_empty() || !design.components.is_empty() {
                return Err(AppError::invalid("start", Problem::AlreadyStarted));
            }
            let mut events = vec![Event::DesignStarted { start }];
            if start == DesignStart::CustomsLogistics {
                let workshop = setup.map(|s| s.id).unwrap_or_default();
                events.extend(
                    crate::domain::template::customs_logistics(workshop)
                        .into_iter()
                        .map(|item| Event::DesignItemSaved { item }),
                );
            }
            Ok(events)
        }
        Command::SaveItem { item, based_on } => {
            let key = item.key();
            require_item_editor(state, actor, &key)?;
            require_override_rights(state, actor, &item)?;
            check_item(state, &item)?;
            let current = state.item(&key);
            if current.as_ref() == Some(&item) {
                return Ok(vec![]);
            }
            check_version(state, &key, based_on, current)?;
            Ok(vec![Event::DesignItemSaved { item }])
        }
        Command::RemoveItem { key, based_on } => {
            require_item_editor(state, actor, &key)?;
            let current = state.item(&key);
            if current.is_none() {
                return Ok(vec![]);
            }
            check_version(state, &key, based_on, current)?;
            if let ItemKey::Component { id } = key {
                let earmarked = state
                    .commitments
                    .values()
                    .any(|c| matches!(c.earmark, Earmark::Component { component } if component == id));
                if earmarked {
                    return Err(AppError::invalid("component", Problem::HasCommitments));
                }
            }
            Ok(vec![Event::DesignItemRemoved { key }])
        }
        Command::SetExchangeRate(new) => {
            require_facilitator(state, actor)?;
            new.validate()?;
            if Some(new.currency) == setup.map(|s| s.reporting_currency) {
                return Err(AppError::invalid("currency", Problem::IsReportingCurrency));
            }
            Ok(vec![Event::ExchangeRateSet {
                rate: ExchangeRate {
                    currency: new.currency,
                    per_unit: new.per_unit,
                    as_of: new.as_of,
                    source: new.source,
                },
            }])
        }
        Command::RecordCommitment(new) => {
            require_commitment_rights(state, actor, new.organisation)?;
            check_commitment(state, actor, &new, None)?;
            if state.commitments.contains_key(&new.id) {
                return Err(AppError::AlreadyExists(new.id.to_string()));
            }
            let rate = rate_in_force(state, new.money.currency, now);
            Ok(vec![Event::CommitmentRecorded {
                commitment: commitment_from(new, rate, now),
            }])
        }
        Command::ReviseCommitment(new) => {
            let Some(before) = state.commitments.get(&new.id) else {
                return Err(AppError::NotFound("commitment".into()));
            };
            require_commitment_rights(state, actor, before.organisation)?;
            if new.organisation != before.organisation {
                return Err(AppError::invalid("organisation", Problem::CannotChange));
            }
            check_commitment(state, actor, &new, Some(before))?;
            // A new amount is a new statement, converted at today's rate; a
            // step on the ladder keeps the rate the amount was recorded at.
            let rate = if new.money == before.money {
                before.rate.clone()
            } else {
                rate_in_force(state, new.money.currency, now)
            };
            let recorded_at = before.recorded_at;
            let revised = commitment_from(new, rate, recorded_at);
            if revised == *before {
                return Ok(vec![]);
            }
            crate::domain::disbursements::check_revision(state, before, &revised)?;
            Ok(vec![Event::CommitmentRevised { commitment: revised }])
        }
        Command::ReRate(new) => {
            require_facilitator(state, actor)?;
            let rate = match state.rates.get(&new.currency) {
                Some(rate) if rate.as_of == new.rate_as_of => rate.clone(),
                _ => return Err(AppError::invalid("rate_as_of", Problem::NoSuchRate)),
            };
            let commitments: Vec<CommitmentId> = state
                .commitments
                .values()
                .filter(|c| c.money.currency == new.currency && c.rate.as_ref() != Some(&rate))
                .filter(|c| match new.scope {
                    ReRateScope::WithoutRate => c.rate.is_none(),
                    ReRateScope::Since { day } => c.recorded_at.date_naive() >= day,
                })
                .map(|c| c.id)
                .collect();
            if commitments.is_empty() {
                return Ok(vec![]);
            }
            Ok(vec![Event::CommitmentsReRated { rate, commitments }])
        }
        Command::RecordDisbursement(new) => {
            let Some(commitment) = state.commitments.get(&new.commitment) else {
                return Err(AppError::NotFound("commitment".into()));
            };
            require_commitment_rights(state, actor, commitment.organisation)?;
            new.validate()?;
            crate::domain::disbursements::check(state, commitment, (new.date, new.amount), now.date_naive())?;
            let known = state.disbursements.values().flatten();
            if known.into_iter().any(|r| r.disbursement.id == new.id) {
                return Err(AppError::AlreadyExists(new.id.to_string()));
            }
            let paid_in_full = crate::domain::disbursements::disbursed(state, commitment)
                .and_then(|paid| paid.checked_add(new.amount))
                == Some(commitment.money.amount);
            let mut events = vec![Event::DisbursementRecorded {
                commitment: commitment.id,
                disbursement: Disbursement {
                    id: new.id,
                    date: new.date,
                    amount: new.amount,
                },
            }];
            if paid_in_full {
                let status = CommitmentStatus::Disbursed;
                let commitment = Commitment {
                    status,
                    ..commitment.clone()
                };
                events.push(Event::CommitmentRevised { commitment });
            }
            Ok(events)
        }
        Command::SetFundingTarget(new) => {
            require_facilitator(state, actor)?;
            new.validate()?;
            let decimals = setup.map(|s| s.reporting_currency.minor_units()).unwrap_or(2);
            if new.amount.normalize().scale() > decimals {
                return Err(AppError::invalid("amount", Problem::TooManyDecimals));
            }
            Ok(vec![Event::FundingTargetSet { amount: new.amount }])
        }
        Command::JoinRoom(new) => {
            match actor {
                Actor::Participant { participant } if *participant == new.id => {}
                Actor::System => {}
                _ => return Err(AppError::Forbidden),
            }
            new.validate()?;
            if state.participants.contains_key(&new.id)
                || state.delegates.contains_key(&DelegateId(new.id.0))
                || state.is_removed(new.id.0)
            {
                return Err(AppError::AlreadyExists(new.id.to_string()));
            }
            Ok(vec![Event::ParticipantJoined {
                participant: new.id,
                name: new.name.trim().to_string(),
            }])
        }
        Command::RequestDelegation { organisation } => {
            let Actor::Participant { participant } = actor else {
                return Err(AppError::Forbidden);
            };
            if !state.participants.contains_key(participant) {
                return Err(AppError::Forbidden);
            }
            if !state.organisations.contains_key(&organisation) {
                return Err(AppError::invalid("organisation", Problem::UnknownOrganisation));
            }
            Ok(vec![Event::DelegationRequested {
                participant: *participant,
                organisation,
            }])
        }
        Command::DecideDelegation {
            participant,
            organisation: shown,
            approve,
        } => {
            require_facilitator(state, actor)?;
            let Some(organisation) = state
                .participants
                .get(&participant)
                .filter(|p| !state.is_removed(p.id.0))
                .and_then(|p| p.requested)
            else {
                return Err(AppError::NotFound("request".into()));
            };
            if organisation != shown {
                return Err(AppError::RequestChanged);
            }
            Ok(vec![if approve {
                Event::DelegationApproved {
                    participant,
                    organisation,
                }
            } else {
                Event::DelegationDeclined {
                    participant,
                    organisation,
                }
            }])
        }
        Command::RemoveDelegate { delegate } => {
            require_facilitator(state, actor)?;
            if !state.delegates.contains_key(&delegate) {
                return Err(AppError::NotFound("delegate".into()));
            }
            if state.is_removed(delegate.0) {
                return Ok(vec![]);
            }
            Ok(vec![Event::DelegateRemoved { delegate }])
        }
        Command::RemoveParticipant { participant } => {
            require_facilitator(state, actor)?;
            if !state.participants.contains_key(&participant) {
                return Err(AppError::NotFound("participant".into()));
            }
            if state.is_removed(participant.0) {
                return Ok(vec![]);
            }
            Ok(vec![Event::ParticipantRemoved { participant }])
        }
        Command::OpenDiscussion(new) => {
            require_facilitator(state, actor)?;
            new.validate()?;
            if state.discussions.contains_key(&new.id) {
                return Err(AppError::AlreadyExists(new.id.to_string()));
            }
            Ok(vec![Event::DiscussionOpened {
                item: new.id,
                question: new.question.trim().to_string(),
            }])
        }
        Command::CloseDiscussion { item } => {
            require_facilitator(state, actor)?;
            match state.discussions.get(&item) {
                None => Err(AppError::NotFound("discussion".into())),
                Some(d) if !d.open => Ok(vec![]),
                Some(_) => Ok(vec![Event::DiscussionClosed { item }]),
            }
        }
        Command::StartStageTimer(new) => super::timer::start(state, actor, new),
        Command::StopStageTimer => super::timer::stop(state, actor),
        Command::SetScreenLanguages { languages } => super::timer::screen_languages(state, actor, languages),
        Command::ChooseScreen { shows } => super::timer::choose_screen(state, actor, shows),
        Command::Contribute(new) => super::room::contribute(state, actor, new),
        Command::IssueProposal(new) => super::issue::issue_proposal(state, actor, new),
    }
}

impl WorkshopState {
    /// Runs a command the one way the engine and the tests both do: decides
    /// it, numbers and stamps its events after this state's version, and
    /// applies them. A refused command leaves the state as it was.
    pub fn execute(
        &mut self,
        actor: &Actor,
        command: Command,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredEvent>, AppError> {
        let events = decide(self, actor, command, now)?;
        let stored: Vec<StoredEvent> = events
            .into_iter()
            .zip(self.version + 1..)
            .map(|(event, seq)| StoredEvent {
                seq,
                recorded_at: now,
                actor: actor.clone(),
                event,
            })
            .collect();
        for event in &stored {
            self.apply(event);
        }
        Ok(stored)
    }
}

fn commitment_from(new: NewCommitment, rate: Option<ExchangeRate>, recorded_at: DateTime<Utc>) -> Commitment {
    Commitment {
        id: new.id,
        organisation: new.organisation,
        money: new.money,
        instrument: new.instrument,
        status: new.status,
        earmark: new.earmark,
        // A schedule's years are the years of disbursement.
        years: match new.schedule.is_empty() {
            true => new.years,
            false => new.schedule.iter().map(|line| line.year).collect(),
        },
        conditions: new.conditions.trim().to_string(),
        note: new.note.trim().to_string(),
        public: new.public,
        rate,
        recorded_at,
        loan_terms: new.loan_terms,
        schedule: new.schedule,
    }
}

/// The rate a new commitment keeps: identity for the reporting currency,
/// otherwise the facilitator's current rate, if any.
fn rate_in_force(state: &WorkshopState, currency: Currency, now: DateTime<Utc>) -> Option<ExchangeRate> {
    if Some(currency) == state.reporting_currency() {
        return Some(ExchangeRate {
            currency,
            per_unit: Decimal::ONE,
            as_of: now.date_naive(),
            source: "reporting currency".into(),
        });
    }
    state.rates.get(&currency).cloned()
}
