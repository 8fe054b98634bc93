//! Commands, and `decide`: what a command becomes, given the state and who
//! asks. Every rule of who may do what lives here.

use super::design::{current_item, DesignItem, ItemKey};
use super::error::AppError;
use super::event::{Actor, Event, StoredEvent};
use super::ids::*;
use super::limits;
use super::model::*;
use super::money::{Currency, Money};
use super::state::WorkshopState;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    CreateWorkshop(NewWorkshop),
    /// Makes an existing facilitator account a facilitator of this workshop.
    AddFacilitator {
        account: AccountId,
    },
    AddOrganisation(NewOrganisation),
    /// A person who opened their organisation's invite link joins as its
    /// delegate. The server checks the link; `decide` checks the rest.
    JoinAsDelegate(NewDelegate),
    SetStageStatus {
        stage: Stage,
        status: StageStatus,
    },
    SetDesignText(DesignText),
    /// Starts stage 1 from the template or blank; only an empty design.
    StartDesign {
        start: DesignStart,
    },
    /// Saves a structured item of stage 1 or 2 whole, as edited from
    /// version `based_on` of it (`None`: the command line and the demo,
    /// which overwrite without checking).
    SaveItem {
        item: DesignItem,
        #[serde(default)]
        based_on: Option<u64>,
    },
    RemoveItem {
        key: ItemKey,
        #[serde(default)]
        based_on: Option<u64>,
    },
    SetExchangeRate(NewExchangeRate),
    RecordCommitment(NewCommitment),
    /// New values for an existing commitment (same id and organisation).
    ReviseCommitment(NewCommitment),
    SetFundingTarget(NewFundingTarget),
    /// Someone with the room code joins as a participant. The server checks
    /// the code; `decide` checks the rest.
    JoinRoom(NewParticipant),
    RequestDelegation {
        organisation: OrganisationId,
    },
    /// Names the organisation the facilitator was shown: a request changed
    /// since is not approved.
    DecideDelegation {
        participant: ParticipantId,
        organisation: OrganisationId,
        approve: bool,
    },
    /// Removes a delegate from the workshop (their records stay).
    RemoveDelegate {
        delegate: DelegateId,
    },
    /// Removes a participant from the room (their records stay).
    RemoveParticipant {
        participant: ParticipantId,
    },
    OpenDiscussion(NewDiscussion),
    CloseDiscussion {
        item: DiscussionId,
    },
    Contribute(NewContribution),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewDiscussion {
    pub id: DiscussionId,
    #[validate(length(min = 1, max = 300))]
    pub question: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewContribution {
    pub item: DiscussionId,
    pub id: ContributionId,
    #[validate(length(min = 1, max = 1000))]
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewFundingTarget {
    #[validate(custom(function = "positive_within_ceiling"))]
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewParticipant {
    pub id: ParticipantId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewWorkshop {
    pub id: WorkshopId,
    #[validate(custom(function = "valid_slug"))]
    pub slug: String,
    #[validate(length(min = 1, max = 200))]
    pub title: String,
    #[validate(length(min = 1, max = 200))]
    pub programme: String,
    pub reporting_currency: Currency,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewOrganisation {
    pub id: OrganisationId,
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    pub kind: OrganisationType,
    #[validate(custom(function = "valid_country"))]
    pub country: String,
    #[validate(length(max = 120))]
    pub city: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewDelegate {
    pub id: DelegateId,
    pub organisation: OrganisationId,
    #[validate(length(min = 1, max = 120))]
    pub name: String,
    /// RFC 5321's longest address.
    #[validate(email, length(max = 254))]
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct DesignText {
    pub field: DesignField,
    #[validate(length(max = 20000))]
    pub text: String,
    /// The version of the field the editor started from (0: never set).
    /// `None` (the command line, the demo) overwrites without checking.
    #[serde(default)]
    pub based_on: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NewExchangeRate {
    pub currency: Currency,
    #[validate(custom(function = "crate::domain::limits::valid_rate"))]
    pub per_unit: Decimal,
    pub as_of: NaiveDate,
    #[validate(length(min = 1, max = 200))]
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[validate(schema(function = "amount_within_ceiling", skip_on_field_errors = false))]
pub struct NewCommitment {
    pub id: CommitmentId,
    pub organisation: OrganisationId,
    pub money: Money,
    pub instrument: Instrument,
    pub status: CommitmentStatus,
    #[validate(custom(function = "valid_earmark"))]
    pub earmark: Earmark,
    /// Each allowed year at most once.
    #[validate(length(max = 101), custom(function = "valid_years"))]
    pub years: Vec<u16>,
    #[validate(length(max = 2000))]
    pub conditions: String,
    #[validate(length(max = 2000))]
    pub note: String,
    pub public: bool,
}

fn valid_slug(slug: &str) -> Result<(), ValidationError> {
    let ok = (2..=40).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    ok.then_some(())
        .ok_or_else(|| ValidationError::new("slug_format"))
}

fn valid_country(code: &str) -> Result<(), ValidationError> {
    let ok = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
    ok.then_some(())
        .ok_or_else(|| ValidationError::new("country_format"))
}

fn positive_within_ceiling(value: &Decimal) -> Result<(), ValidationError> {
    if *value <= Decimal::ZERO {
        return Err(ValidationError::new("positive"));
    }
    limits::amount_within_ceiling(value)
}

/// The amount's ceiling, reported under `amount`, the field a person types
/// it in (the command carries it inside `money`).
fn amount_within_ceiling(new: &NewCommitment) -> Result<(), ValidationError> {
    limits::money_within_ceiling(&new.money).map_err(|mut error| {
        error.add_param("field".into(), &"amount");
        error
    })
}

/// The longest city an earmark names, as an organisation's city.
pub const CITY_MAX: usize = 120;

/// An earmark's city is text people type: as long as an organisation's
/// city at most (the screen lists it).
fn valid_earmark(earmark: &Earmark) -> Result<(), ValidationError> {
    match earmark {
        Earmark::City { city } if city.chars().count() > CITY_MAX => Err(ValidationError::new("length")),
        _ => Ok(()),
    }
}

fn valid_year(year: u16) -> bool {
    (2000..=2100).contains(&year)
}

fn valid_years(years: &[u16]) -> Result<(), ValidationError> {
    years
        .iter()
        .all(|y| valid_year(*y))
        .then_some(())
        .ok_or_else(|| ValidationError::new("year_range"))
}

/// Whether `actor` administers the workshop: its facilitators and the
/// command line.
pub fn administers(state: &WorkshopState, actor: &Actor) -> bool {
    require_facilitator(state, actor).is_ok()
}

/// Only the workshop's own facilitators (and the command line) change its
/// setup; a facilitator of another workshop is nobody here.
fn require_facilitator(state: &WorkshopState, actor: &Actor) -> Result<(), AppError> {
    match actor {
        Actor::System => Ok(()),
        Actor::Facilitator { account } if state.facilitators.contains(account) => Ok(()),
        Actor::Facilitator { .. } | Actor::Delegate { .. } | Actor::Participant { .. } => {
            Err(AppError::Forbidden)
        }
    }
}

/// Facilitators edit a stage's shared text at any time; the room's
/// delegates while the facilitator has it open.
fn require_stage_editor(state: &WorkshopState, actor: &Actor, stage: Stage) -> Result<(), AppError> {
    match (actor, state.stage_status(stage)) {
        (Actor::Delegate { organisation, .. }, StageStatus::Open)
            if state.organisations.contains_key(organisation) =>
        {
            Ok(())
        }
        (Actor::Delegate { .. }, StageStatus::Locked) => Err(AppError::StageLocked(stage)),
        _ => require_facilitator(state, actor),
    }
}

/// Shared items of a stage are edited like its texts; an organisation's own
/// items (its roles, its agreement, its column of the responsibility
/// matrix) only by its delegates and the facilitators.
fn require_item_editor(state: &WorkshopState, actor: &Actor, key: &ItemKey) -> Result<(), AppError> {
    match (actor, key.owner()) {
        (Actor::Delegate { organisation, .. }, Some(owner)) if *organisation != owner => {
            Err(AppError::Forbidden)
        }
        _ => require_stage_editor(state, actor, key.stage()),
    }
}

/// Two people saving the same item from the same starting point: the
/// second is told, with the other's version, and chooses.
fn check_version(
    state: &WorkshopState,
    key: &ItemKey,
    based_on: Option<u64>,
    current: Option<DesignItem>,
) -> Result<(), AppError> {
    let version = state.item_version(key);
    match based_on {
        Some(based_on) if based_on != version => Err(AppError::ItemEditedMeanwhile {
            theirs: current.map(Box::new),
            version,
        }),
        _ => Ok(()),
    }
}

/// The checks an item passes against the workshop: its own rules, then
/// that what it refers to exists.
fn check_item(state: &WorkshopState, item: &DesignItem) -> Result<(), AppError> {
    item.validate()?;
    let (organisations, outputs) = item.references();
    if let Some((field, _)) = organisations
        .iter()
        .find(|(_, id)| !state.organisations.contains_key(id))
    {
        return Err(AppError::invalid(field, "unknown_organisation"));
    }
    if let Some((field, _)) = outputs
        .iter()
        .find(|(_, id)| !state.design.outputs.iter().any(|o| o.id == *id))
    {
        return Err(AppError::invalid(field, "unknown_output"));
    }
    match item {
        DesignItem::Component(component) => {
            let reporting = state.reporting_currency();
            if component
                .yearly_cost
                .iter()
                .any(|l| Some(l.amount.currency) != reporting)
            {
                return Err(AppError::invalid("yearly_cost", "reporting_currency_only"));
            }
            Ok(())
        }
        DesignItem::Responsibility(cell)
            if !state.design.components.iter().any(|c| c.id == cell.component) =>
        {
            Err(AppError::invalid("component", "unknown_component"))
        }
        _ => Ok(()),
    }
}

/// A delegate records and revises only their own organisation's
/// commitments, and not once the stage is locked; facilitators any.
fn require_commitment_rights(
    state: &WorkshopState,
    actor: &Actor,
    organisation: OrganisationId,
) -> Result<(), AppError> {
    match actor {
        Actor::Delegate {
            organisation: own, ..
        } if *own != organisation => Err(AppError::Forbidden),
        Actor::Delegate { .. } if state.stage_status(Stage::Commitments) == StageStatus::Locked => {
            Err(AppError::StageLocked(Stage::Commitments))
        }
        Actor::Delegate { .. } => Ok(()),
        _ => require_facilitator(state, actor),
    }
}

/// The checks a new or revised commitment passes against the workshop.
fn check_commitment(state: &WorkshopState, new: &NewCommitment) -> Result<(), AppError> {
    new.validate()?;
    if !state.organisations.contains_key(&new.organisation) {
        return Err(AppError::invalid("organisation", "unknown_organisation"));
    }
    match &new.earmark {
        Earmark::Component { component } if !state.design.components.iter().any(|c| c.id == *component) => {
            Err(AppError::invalid("earmark", "unknown_component"))
        }
        Earmark::City { city } if city.trim().is_empty() => Err(AppError::invalid("earmark", "required")),
        _ => Ok(()),
    }
}

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
        Command::AddOrganisation(new) => {
            require_facilitator(state, actor)?;
            new.validate()?;
            if state.organisations.contains_key(&new.id) {
                return Err(AppError::AlreadyExists(new.id.to_string()));
            }
            let name = new.name.trim().to_string();
            if state
                .organisations
                .values()
                .any(|o| o.name.eq_ignore_ascii_case(&name))
            {
                return Err(AppError::invalid("name", "duplicate"));
            }
            Ok(vec![Event::OrganisationAdded {
                organisation: Organisation {
                    id: new.id,
                    name,
                    kind: new.kind,
                    country: new.country,
                    city: new.city.filter(|c| !c.trim().is_empty()),
                },
            }])
        }
        Command::JoinAsDelegate(new) => {
            match actor {
                Actor::Delegate { organisation, .. } if *organisation == new.organisation => {}
                Actor::System => {}
                _ => return Err(AppError::Forbidden),
            }
            new.validate()?;
            if !state.organisations.contains_key(&new.organisation) {
                return Err(AppError::invalid("organisation", "unknown_organisation"));
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
            require_stage_editor(state, actor, input.field.stage())?;
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
                return Err(AppError::invalid("start", "already_started"));
            }
            let mut events = vec![Event::DesignStarted { start }];
            if start == DesignStart::CustomsLogistics {
                let workshop = setup.map(|s| s.id).unwrap_or_default();
                events.extend(
                    super::template::customs_logistics(workshop)
                        .into_iter()
                        .map(|item| Event::DesignItemSaved { item }),
                );
            }
            Ok(events)
        }
        Command::SaveItem { item, based_on } => {
            let key = item.key();
            require_item_editor(state, actor, &key)?;
            check_item(state, &item)?;
            let current = current_item(&state.design, &state.partnership, &key);
            if current.as_ref() == Some(&item) {
                return Ok(vec![]);
            }
            check_version(state, &key, based_on, current)?;
            Ok(vec![Event::DesignItemSaved { item }])
        }
        Command::RemoveItem { key, based_on } => {
            require_item_editor(state, actor, &key)?;
            let current = current_item(&state.design, &state.partnership, &key);
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
                    return Err(AppError::invalid("component", "has_commitments"));
                }
            }
            Ok(vec![Event::DesignItemRemoved { key }])
        }
        Command::SetExchangeRate(new) => {
            require_facilitator(state, actor)?;
            new.validate()?;
            if Some(new.currency) == setup.map(|s| s.reporting_currency) {
                return Err(AppError::invalid("currency", "is_reporting_currency"));
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
            check_commitment(state, &new)?;
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
                return Err(AppError::invalid("organisation", "cannot_change"));
            }
            check_commitment(state, &new)?;
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
            Ok(vec![Event::CommitmentRevised { commitment: revised }])
        }
        Command::SetFundingTarget(new) => {
            require_facilitator(state, actor)?;
            new.validate()?;
            let decimals = setup.map(|s| s.reporting_currency.minor_units()).unwrap_or(2);
            if new.amount.normalize().scale() > decimals {
                return Err(AppError::invalid("amount", "too_many_decimals"));
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
                return Err(AppError::invalid("organisation", "unknown_organisation"));
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
        Command::Contribute(new) => {
            // Everyone in the room: its participants, its delegates, its
            // facilitators; nobody from outside it.
            match actor {
                Actor::Participant { participant } if state.participants.contains_key(participant) => {}
                Actor::Delegate { organisation, .. } if state.organisations.contains_key(organisation) => {}
                _ => require_facilitator(state, actor)?,
            }
            new.validate()?;
            match state.discussions.get(&new.item) {
                None => return Err(AppError::NotFound("discussion".into())),
                Some(d) if !d.open => return Err(AppError::invalid("text", "discussion_closed")),
                Some(d) if d.contributions.iter().any(|c| c.id == new.id) => {
                    return Err(AppError::AlreadyExists(new.id.to_string()))
                }
                Some(_) => {}
            }
            Ok(vec![Event::ContributionAdded {
                item: new.item,
                contribution: new.id,
                text: new.text.trim().to_string(),
            }])
        }
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
        years: new.years,
        conditions: new.conditions.trim().to_string(),
        note: new.note.trim().to_string(),
        public: new.public,
        rate,
        recorded_at,
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
