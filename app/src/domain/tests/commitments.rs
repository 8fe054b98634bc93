//! Recording commitments: whose, when the stage is locked, at which rate.

use super::*;

#[test]
fn a_delegate_records_only_for_their_own_organisation() {
    let (state, _) = demo();
    let mine = *state.organisations.keys().next().unwrap();
    let theirs = *state.organisations.keys().nth(1).unwrap();
    let delegate = Actor::Delegate {
        organisation: mine,
        delegate: None,
    };
    assert!(decide(&state, &delegate, commitment_for(mine, "10"), now()).is_ok());
    assert_eq!(
        decide(&state, &delegate, commitment_for(theirs, "10"), now()),
        Err(AppError::Forbidden)
    );
    let setup = Command::SetStageStatus {
        stage: Stage::Commitments,
        status: StageStatus::Locked,
    };
    assert_eq!(decide(&state, &delegate, setup, now()), Err(AppError::Forbidden));
}

#[test]
fn a_locked_commitments_stage_refuses_delegates_but_not_facilitators() {
    let (mut state, _) = demo();
    let lock = Command::SetStageStatus {
        stage: Stage::Commitments,
        status: StageStatus::Locked,
    };
    as_system(&mut state, lock);
    let mine = *state.organisations.keys().next().unwrap();
    let delegate = Actor::Delegate {
        organisation: mine,
        delegate: None,
    };
    assert_eq!(
        decide(&state, &delegate, commitment_for(mine, "10"), now()),
        Err(AppError::StageLocked(Stage::Commitments))
    );
    let member = AccountId::random();
    let add = Command::AddFacilitator { account: member };
    as_system(&mut state, add);
    let facilitator = Actor::Facilitator { account: member };
    assert!(decide(&state, &facilitator, commitment_for(mine, "10"), now()).is_ok());
    let outsider = Actor::Facilitator {
        account: AccountId::random(),
    };
    assert_eq!(
        decide(&state, &outsider, commitment_for(mine, "10"), now()),
        Err(AppError::Forbidden)
    );
}

#[test]
fn a_commitment_keeps_the_rate_in_force_when_recorded() {
    let (state, _) = demo();
    let jpy = state
        .commitments
        .values()
        .find(|c| c.money.currency.code() == "JPY")
        .unwrap();
    assert_eq!(jpy.rate.as_ref().unwrap().per_unit, dec!(0.0067));
    let usd = state
        .commitments
        .values()
        .find(|c| c.money.currency.code() == "USD")
        .unwrap();
    assert_eq!(usd.rate.as_ref().unwrap().per_unit, Decimal::ONE);
}

#[test]
fn decide_refuses_loan_terms_on_a_grant_and_keeps_them_on_a_loan() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let terms = LoanTerms {
        interest_rate_percent: dec!(2.5),
        tenor_years: 20,
        grace_years: 5,
    };
    let grant = NewCommitment {
        loan_terms: Some(terms),
        ..new_commitment(org, "100", "USD")
    };
    assert_eq!(
        decide(
            &state,
            &Actor::System,
            Command::RecordCommitment(grant.clone()),
            now()
        ),
        Err(AppError::invalid("instrument", Problem::NotALoan))
    );
    let loan = NewCommitment {
        instrument: Instrument::Loan,
        ..grant
    };
    as_system(&mut state, Command::RecordCommitment(loan.clone()));
    assert_eq!(state.commitments[&loan.id].loan_terms, Some(terms));
    let longer_grace = NewCommitment {
        loan_terms: Some(LoanTerms {
            grace_years: 20,
            ..terms
        }),
        ..loan
    };
    assert_eq!(
        decide(
            &state,
            &Actor::System,
            Command::ReviseCommitment(longer_grace),
            now()
        ),
        Err(AppError::invalid("grace_years", Problem::GraceRange))
    );
}

#[test]
fn the_demos_loans_carry_terms_and_nothing_else_does() {
    let (state, _) = demo();
    let loans: Vec<&Commitment> = state
        .commitments
        .values()
        .filter(|c| c.instrument == Instrument::Loan)
        .collect();
    assert!(!loans.is_empty());
    assert!(loans.iter().all(|c| c.loan_terms.is_some()), "{loans:?}");
    assert!(state
        .commitments
        .values()
        .filter(|c| !c.instrument.takes_loan_terms())
        .all(|c| c.loan_terms.is_none()));
}
