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
