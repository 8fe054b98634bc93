//! Paid is not committed (OCHA FTS's "paid" column): the disbursements
//! recorded against a firm commitment, what they add up to, what is left,
//! and the rules a new one keeps.
//!
//! How the `Disbursed` status relates: it means disbursed in full. A
//! disbursement that brings the paid amount to the committed amount moves a
//! firm commitment to `Disbursed` (a revision in its history, by whoever
//! recorded the disbursement). A commitment marked `Disbursed` with no
//! disbursement recorded (older logs, or a facilitator who knows it was
//! paid but not when) counts as paid in full. Disbursements are recorded
//! only against firm commitments of cash; once there are some, the
//! commitment keeps its currency, stays firm or disbursed, and its amount
//! never drops below what was paid.

use super::error::{AppError, FieldErrors, Problem};
use super::limits::{self, checked_sum};
use super::model::*;
use super::money::round_to_minor_unit;
use super::state::WorkshopState;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A commitment's money split by what was paid, in its own currency and,
/// where it has a rate, in the reporting currency (each rounded like every
/// converted line, so committed = disbursed + undisbursed to the cent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paid {
    pub disbursed: Decimal,
    pub undisbursed: Decimal,
    pub disbursed_converted: Option<Decimal>,
    pub undisbursed_converted: Option<Decimal>,
}

/// What was paid on `commitment` in its own currency: the sum of its
/// disbursements; in full when it is `Disbursed` with none recorded;
/// `None` when an old log's values cannot be summed within range.
pub fn disbursed(state: &WorkshopState, commitment: &Commitment) -> Option<Decimal> {
    let records = state.disbursements.get(&commitment.id).filter(|r| !r.is_empty());
    match records {
        Some(records) => checked_sum(records.iter().map(|r| r.disbursement.amount)),
        None if commitment.status == CommitmentStatus::Disbursed => Some(commitment.money.amount),
        None => Some(Decimal::ZERO),
    }
}

/// The split of `commitment` into disbursed and undisbursed. The converted
/// figures are `None` without a rate (or out of range), like the
/// commitment's own converted amount.
pub fn paid(state: &WorkshopState, commitment: &Commitment) -> Paid {
    let disbursed = disbursed(state, commitment)
        .filter(|d| *d <= commitment.money.amount)
        .unwrap_or_default();
    let undisbursed = commitment.money.amount.checked_sub(disbursed).unwrap_or_default();
    let converted = state.converted(commitment);
    let disbursed_converted = match (state.reporting_currency(), &commitment.rate, converted) {
        (Some(reporting), Some(rate), Some(_)) => {
            limits::convert(disbursed, rate.per_unit).map(|amount| round_to_minor_unit(amount, reporting))
        }
        _ => None,
    };
    // Rounding keeps order, so the paid part never exceeds the whole.
    let undisbursed_converted = converted
        .zip(disbursed_converted)
        .and_then(|(whole, part)| whole.checked_sub(part));
    Paid {
        disbursed,
        undisbursed,
        disbursed_converted,
        undisbursed_converted,
    }
}

/// Whether disbursements may be recorded against `commitment`: a firm
/// commitment of cash (a guarantee is called, not paid; in kind is
/// delivered).
pub fn takes_disbursements(commitment: &Commitment) -> bool {
    commitment.status == CommitmentStatus::FirmCommitment
        && commitment.instrument.kind() == ContributionKind::Cash
}

/// The checks a new disbursement of `amount` paid on `date` passes
/// against its commitment on `today`.
pub fn check(
    state: &WorkshopState,
    commitment: &Commitment,
    (date, amount): (NaiveDate, Decimal),
    today: NaiveDate,
) -> Result<(), AppError> {
    let mut problems = FieldErrors::new();
    if !takes_disbursements(commitment) {
        problems.insert("amount".into(), Problem::NotDisbursable);
    } else if amount <= Decimal::ZERO {
        problems.insert("amount".into(), Problem::Positive);
    } else if amount.normalize().scale() > commitment.money.currency.minor_units() {
        problems.insert("amount".into(), Problem::TooManyDecimals);
    } else {
        let after = disbursed(state, commitment).and_then(|paid| paid.checked_add(amount));
        if after.is_none_or(|after| after > commitment.money.amount) {
            problems.insert("amount".into(), Problem::BeyondCommitted);
        }
    }
    if date > today {
        problems.insert("date".into(), Problem::FutureDate);
    } else if !(2000..=2100).contains(&chrono::Datelike::year(&date)) {
        problems.insert("date".into(), Problem::YearRange);
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(AppError::Invalid(problems)),
    }
}

/// The checks a revision of a commitment with disbursements passes: same
/// currency, still firm or disbursed, never below what was paid, and
/// `Disbursed` only when paid in full.
pub fn check_revision(
    state: &WorkshopState,
    before: &Commitment,
    revised: &Commitment,
) -> Result<(), AppError> {
    let Some(records) = state.disbursements.get(&before.id).filter(|r| !r.is_empty()) else {
        return Ok(());
    };
    let paid = checked_sum(records.iter().map(|r| r.disbursement.amount)).unwrap_or(Decimal::MAX);
    if revised.money.currency != before.money.currency {
        return Err(AppError::invalid("currency", Problem::CannotChange));
    }
    if revised.money.amount < paid {
        return Err(AppError::invalid("amount", Problem::BelowDisbursed));
    }
    match revised.status {
        CommitmentStatus::FirmCommitment => Ok(()),
        CommitmentStatus::Disbursed if revised.money.amount == paid => Ok(()),
        CommitmentStatus::Disbursed => Err(AppError::invalid("status", Problem::NotFullyDisbursed)),
        _ => Err(AppError::invalid("status", Problem::HasDisbursements)),
    }
}
