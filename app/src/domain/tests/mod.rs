//! The domain's tests, one file per feature; the helpers they share are
//! here. Commands run the one way the engine runs them,
//! `WorkshopState::execute`; `decide` alone asks what a command would do
//! without doing it.

mod authorization;
mod breakdowns;
mod business;
mod cities;
mod commitments;
mod design;
mod disbursements;
mod editing;
mod figures;
mod limits;
mod main_screen;
mod organisations;
mod partnership;
mod proposal;
mod rerating;
mod revisions;
mod risks;
mod room;
mod schedules;
mod seed;
mod stage_screens;
mod stage_timer;
mod totals;
mod trust;
mod workshop;

use super::analytics::{Totals, WorkshopOverview};
use super::command::*;
use super::demo::demo_commands;
use super::design::*;
use super::error::{AppError, Problem};
use super::event::{Actor, StoredEvent};
use super::ids::*;
use super::model::*;
use super::money::Money;
use super::state::WorkshopState;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The one time every test runs at.
fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap()
}

/// The demo workshop, run command by command as the engine runs them, with
/// its log.
fn demo() -> (WorkshopState, Vec<StoredEvent>) {
    let mut state = WorkshopState::default();
    let mut log = Vec::new();
    for (_, command) in demo_commands() {
        log.extend(
            state
                .execute(&Actor::System, command, now())
                .expect("the demo is accepted"),
        );
    }
    (state, log)
}

/// Runs `command` as the system (the command line, the demo loader); it
/// must be accepted.
fn as_system(state: &mut WorkshopState, command: Command) -> Vec<StoredEvent> {
    state.execute(&Actor::System, command, now()).unwrap()
}

/// Sets the target the programme must raise while its design has no budget.
fn funding_target(amount: Decimal) -> Command {
    Command::SetFundingTarget(NewFundingTarget { amount })
}

/// Revises the commitment in `slot` with these values, or records a new one
/// (for an organisation picked by the slot) when the slot is empty.
fn record_or_revise(
    state: &mut WorkshopState,
    ids: &mut Vec<NewCommitment>,
    slot: usize,
    (money, status, instrument): (Money, CommitmentStatus, Instrument),
    organisations: &[OrganisationId],
) {
    match ids.get(slot).cloned() {
        Some(existing) => {
            let revised = NewCommitment {
                money,
                status,
                instrument,
                ..existing
            };
            as_system(state, Command::ReviseCommitment(revised.clone()));
            ids[slot] = revised;
        }
        None => {
            let new = NewCommitment {
                money,
                status,
                instrument,
                ..new_commitment(organisations[slot % organisations.len()], "1", "USD")
            };
            as_system(state, Command::RecordCommitment(new.clone()));
            ids.push(new);
        }
    }
}

/// A firm USD grant to the programme, recorded for `organisation`.
fn commitment_for(organisation: OrganisationId, amount: &str) -> Command {
    Command::RecordCommitment(NewCommitment {
        id: CommitmentId::random(),
        organisation,
        money: Money::parse(amount, "USD").unwrap(),
        instrument: Instrument::Grant,
        status: CommitmentStatus::FirmCommitment,
        earmark: Earmark::Programme,
        years: vec![2027],
        conditions: String::new(),
        note: String::new(),
        public: true,
        loan_terms: None,
        schedule: Vec::new(),
    })
}

/// An indicative pledge of a grant to the programme, to adjust with `..`.
fn new_commitment(organisation: OrganisationId, amount: &str, currency: &str) -> NewCommitment {
    NewCommitment {
        id: CommitmentId::random(),
        organisation,
        money: Money::parse(amount, currency).unwrap(),
        instrument: Instrument::Grant,
        status: CommitmentStatus::IndicativePledge,
        earmark: Earmark::Programme,
        years: vec![2027],
        conditions: String::new(),
        note: String::new(),
        public: true,
        loan_terms: None,
        schedule: Vec::new(),
    }
}

/// US dollars, the demo's reporting currency.
fn usd() -> crate::domain::money::Currency {
    crate::domain::money::Currency::parse("USD").unwrap()
}

/// Sets the rate of `code` as the system would.
fn rate_command(code: &str, per_unit: Decimal) -> Command {
    Command::SetExchangeRate(NewExchangeRate {
        currency: crate::domain::money::Currency::parse(code).unwrap(),
        per_unit,
        as_of: now().date_naive(),
        source: "test".into(),
    })
}

/// Saves `item`, from the version it was read at (`None`: a new item, or
/// one saved without a version, as the system does).
fn save_item(item: DesignItem, based_on: Option<u64>) -> Command {
    Command::SaveItem { item, based_on }
}

/// A delegate of the workshop's `n`-th organisation.
fn delegate_of(state: &WorkshopState, n: usize) -> Actor {
    Actor::Delegate {
        organisation: *state.organisations.keys().nth(n).unwrap(),
        delegate: None,
    }
}
