//! The register: every commitment with its organisation, earmark, value in
//! the reporting currency and history of who changed what and when, as a
//! viewer may see it (facilitators all, a delegate their own
//! organisation's). The commitments page, the server's CSV and XLSX files
//! and the API all read it from here.

use super::command::administers;
use super::disbursements::{paid, Paid};
use super::event::Actor;
use super::model::*;
use super::money::Money;
use super::state::WorkshopState;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Who may see which commitments in full: facilitators all of them, a
/// delegate their own organisation's, anybody else none.
pub fn may_see(state: &WorkshopState, actor: &Actor, commitment: &Commitment) -> bool {
    match actor {
        Actor::Delegate { organisation, .. } => *organisation == commitment.organisation,
        _ => administers(state, actor),
    }
}

/// One version in a commitment's history, as people read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryLine {
    pub at: DateTime<Utc>,
    /// The person or role who made the change.
    pub by: String,
    pub money: Money,
    pub status: CommitmentStatus,
    /// Its value in the reporting currency at the rate this version kept,
    /// so that a re-rating shows the amount before and after.
    #[serde(default)]
    pub converted: Option<Decimal>,
}

/// A commitment in the register, with its organisation and history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterLine {
    pub commitment: Commitment,
    pub organisation: String,
    pub organisation_kind: OrganisationType,
    pub earmark: String,
    /// In the reporting currency; `None` without a rate, or out of range.
    pub converted: Option<Decimal>,
    /// It has a rate, but its amount or rate is beyond the ceilings (an
    /// old log's): listed, never counted.
    pub out_of_range: bool,
    pub history: Vec<HistoryLine>,
    /// What was paid and what is left, in its currency and converted.
    #[serde(default)]
    pub paid: Paid,
    /// Each disbursement, oldest first, with who recorded it.
    #[serde(default)]
    pub disbursements: Vec<DisbursementLine>,
}

/// A disbursement as people read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisbursementLine {
    pub date: NaiveDate,
    pub amount: Money,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// The register as `actor` may see it, oldest first.
pub fn register_for(state: &WorkshopState, actor: &Actor) -> Vec<RegisterLine> {
    let mut lines: Vec<RegisterLine> = state
        .commitments
        .values()
        .filter(|c| may_see(state, actor, c))
        .map(|c| {
            let organisation = state.organisations.get(&c.organisation);
            RegisterLine {
                commitment: c.clone(),
                organisation: organisation.map(|o| o.name.clone()).unwrap_or_default(),
                organisation_kind: organisation.map_or(OrganisationType::Other, |o| o.kind),
                earmark: earmark_label(state, &c.earmark),
                converted: state.converted(c),
                out_of_range: c.rate.is_some() && state.converted(c).is_none(),
                history: state
                    .commitment_history
                    .get(&c.id)
                    .into_iter()
                    .flatten()
                    .map(|change| HistoryLine {
                        at: change.at,
                        by: actor_name(state, &change.by),
                        money: change.commitment.money,
                        status: change.commitment.status,
                        converted: state.converted(&change.commitment),
                    })
                    .collect(),
                paid: paid(state, c),
                disbursements: state
                    .disbursements
                    .get(&c.id)
                    .into_iter()
                    .flatten()
                    .map(|record| DisbursementLine {
                        date: record.disbursement.date,
                        amount: Money {
                            amount: record.disbursement.amount,
                            currency: c.money.currency,
                        },
                        by: actor_name(state, &record.by),
                        at: record.at,
                    })
                    .collect(),
            }
        })
        .collect();
    lines.sort_by_key(|line| line.commitment.recorded_at);
    lines
}

/// An earmark in words: "programme", a component's code and title, or a city.
pub fn earmark_label(state: &WorkshopState, earmark: &Earmark) -> String {
    match earmark {
        Earmark::Programme => String::new(),
        Earmark::Component { component } => state
            .design
            .components
            .iter()
            .find(|c| c.id == *component)
            .map(|c| format!("{} {}", c.code, c.title))
            .unwrap_or_default(),
        Earmark::City { .. } | Earmark::NamedCity { .. } => {
            super::cities::earmark_city_label(state, earmark).unwrap_or_default()
        }
    }
}

/// The name of whoever made a change, as far as the log knows it.
pub fn actor_name(state: &WorkshopState, actor: &Actor) -> String {
    match actor {
        Actor::System => "system".into(),
        Actor::Facilitator { .. } => "facilitator".into(),
        Actor::Delegate {
            delegate: Some(delegate),
            ..
        } if state.delegates.contains_key(delegate) => state.delegates[delegate].name.clone(),
        Actor::Delegate { organisation, .. } => state
            .organisations
            .get(organisation)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        Actor::Participant { participant } => state
            .participants
            .get(participant)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
    }
}

/// Commitments still below a firm commitment, expressions of interest
/// included: what the facilitator chases.
pub fn awaiting_confirmation(lines: &[RegisterLine]) -> Vec<&RegisterLine> {
    lines
        .iter()
        .filter(|l| matches!(l.commitment.status.tier(), Tier::Interest | Tier::Pledged))
        .collect()
}
