//! The commitments as IATI transactions: a pledge is an incoming pledge
//! (13), a firm commitment an incoming commitment (11), each disbursement
//! incoming funds (1), a guarantee a credit guarantee (10). Expressions of
//! interest are not money and withdrawn commitments are no more, so
//! neither is a transaction. Every value is in its commitment's currency
//! as recorded, to the minor unit.

use super::parts::{CrsLoanTerms, Narrative, OrgRef, Transaction, TransactionType, Value};
use super::roles::named_for;
use crate::domain::event::Actor;
use crate::domain::limits;
use crate::domain::model::{Commitment, CommitmentStatus, Instrument, PartnerGroup, Tier};
use crate::domain::money::round_to_minor_unit;
use crate::domain::register::earmark_label;
use crate::domain::state::WorkshopState;
use crate::i18n::{instrument_name, Locale};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

/// Every live commitment's transactions, oldest commitment first, each
/// followed by its disbursements.
pub fn transactions(state: &WorkshopState, viewer: &Actor) -> Vec<Transaction> {
    state
        .commitments
        .values()
        .filter(|c| counts(c))
        .flat_map(|c| of_commitment(state, viewer, c))
        .collect()
}

fn counts(commitment: &Commitment) -> bool {
    matches!(commitment.status.tier(), Tier::Pledged | Tier::Secured)
        && limits::amount_in_range(commitment.money.amount)
}

/// What a commitment is as an IATI transaction, before its disbursements.
pub fn kind_of(commitment: &Commitment) -> TransactionType {
    if commitment.instrument == Instrument::Guarantee {
        TransactionType::CreditGuarantee
    } else if commitment.status.tier() == Tier::Secured {
        TransactionType::IncomingCommitment
    } else {
        TransactionType::IncomingPledge
    }
}

fn of_commitment(state: &WorkshopState, viewer: &Actor, commitment: &Commitment) -> Vec<Transaction> {
    let provider = match (
        named_for(state, viewer, commitment),
        state.organisations.get(&commitment.organisation),
    ) {
        (true, Some(organisation)) => OrgRef::named(organisation),
        (_, Some(organisation)) => OrgRef::masked(organisation.group()),
        (_, None) => OrgRef::masked(PartnerGroup::Other),
    };
    let currency = commitment.money.currency;
    let date = commitment.recorded_at.date_naive();
    let value = |amount: Decimal, date: NaiveDate| Value {
        amount: round_to_minor_unit(amount, currency),
        currency,
        date,
    };
    let mut description = Locale::En.t(instrument_name(commitment.instrument)).to_string();
    let earmark = earmark_label(state, &commitment.earmark);
    if !earmark.is_empty() {
        description = format!("{description}: {earmark}");
    }
    let first = Transaction {
        reference: commitment.id.to_string(),
        kind: kind_of(commitment),
        date,
        value: value(commitment.money.amount, date),
        converted: state.converted(commitment),
        description: vec![Narrative::typed(&description)],
        provider: provider.clone(),
        finance_type: commitment.instrument.iati_finance_type(),
        loan_terms: commitment
            .loan_terms
            .filter(|_| commitment.instrument.takes_loan_terms()),
    };
    let mut out = vec![first];
    if commitment.status.tier() != Tier::Secured || commitment.instrument == Instrument::Guarantee {
        return out;
    }
    let paid: Vec<(NaiveDate, Decimal)> = match state.disbursements.get(&commitment.id) {
        Some(records) if !records.is_empty() => records
            .iter()
            .map(|r| (r.disbursement.date, r.disbursement.amount))
            .filter(|(_, amount)| limits::amount_in_range(*amount))
            .collect(),
        _ if commitment.status == CommitmentStatus::Disbursed => vec![(date, commitment.money.amount)],
        _ => vec![],
    };
    out.extend(paid.into_iter().map(|(day, amount)| Transaction {
        reference: format!("{}-paid-{day}", commitment.id),
        kind: TransactionType::IncomingFunds,
        date: day,
        value: value(amount, day),
        converted: None,
        description: vec![Narrative::english(
            Locale::En.t(crate::i18n::Msg::IatiDisbursementDescription),
        )],
        provider: provider.clone(),
        finance_type: commitment.instrument.iati_finance_type(),
        loan_terms: None,
    }));
    out
}

/// The one loan IATI's `crs-add` can carry: the largest loan with terms
/// (by its value in the reporting currency at its own rate, then its own
/// amount), among the transactions the viewer reads. Each loan's terms
/// also travel on its own transaction (docs/EXPORTS.md).
pub fn crs_loan_terms(transactions: &[Transaction]) -> Option<CrsLoanTerms> {
    let loan = transactions
        .iter()
        .filter(|t| t.loan_terms.is_some())
        .max_by_key(|t| (t.converted.unwrap_or_default(), t.value.amount))?;
    let terms = loan.loan_terms?;
    let after = |years: u16| loan.date.checked_add_months(Months::new(u32::from(years) * 12));
    Some(CrsLoanTerms {
        rate_percent: terms.interest_rate_percent,
        repayment_type: 2,
        repayment_plan: 1,
        commitment_date: loan.date,
        first_repayment: after(terms.grace_years.saturating_add(1))?,
        final_repayment: after(terms.tenor_years)?,
    })
}
