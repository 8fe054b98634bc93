//! Revising commitments: the history keeps every version, and what a revision may change.

use super::*;

#[test]
fn revisions_keep_every_earlier_value_and_who_made_it() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let delegate = Actor::Delegate {
        organisation: org,
        delegate: None,
    };
    let first = new_commitment(org, "100", "USD");
    state
        .execute(&delegate, Command::RecordCommitment(first.clone()), now())
        .unwrap();
    let raised = NewCommitment {
        money: Money::parse("150", "USD").unwrap(),
        ..first.clone()
    };
    state
        .execute(&delegate, Command::ReviseCommitment(raised.clone()), now())
        .unwrap();
    let withdrawn = NewCommitment {
        status: CommitmentStatus::Withdrawn,
        ..raised
    };
    as_system(&mut state, Command::ReviseCommitment(withdrawn));
    let history = &state.commitment_history[&first.id];
    let amounts: Vec<String> = history
        .iter()
        .map(|c| c.commitment.money.amount.to_string())
        .collect();
    assert_eq!(amounts, ["100", "150", "150"]);
    assert_eq!(history[2].commitment.status, CommitmentStatus::Withdrawn);
    assert_eq!(history[0].by, delegate);
    assert_eq!(history[2].by, Actor::System);
    assert_eq!(
        state.commitments[&first.id].status,
        CommitmentStatus::Withdrawn,
        "never deleted"
    );
}

#[test]
fn a_delegate_cannot_move_a_commitment_to_another_organisation() {
    let (mut state, _) = demo();
    let mut orgs = state.organisations.keys().copied();
    let (mine, theirs) = (orgs.next().unwrap(), orgs.next().unwrap());
    let delegate = Actor::Delegate {
        organisation: mine,
        delegate: None,
    };
    let first = new_commitment(mine, "100", "USD");
    state
        .execute(&delegate, Command::RecordCommitment(first.clone()), now())
        .unwrap();
    let moved = NewCommitment {
        organisation: theirs,
        ..first
    };
    let result = decide(&state, &delegate, Command::ReviseCommitment(moved), now());
    assert_eq!(
        result,
        Err(AppError::invalid("organisation", Problem::CannotChange))
    );
}

#[test]
fn an_unchanged_revision_records_nothing_and_a_new_amount_takes_todays_rate() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let first = new_commitment(org, "1000", "EUR");
    as_system(&mut state, Command::RecordCommitment(first.clone()));
    let same = decide(
        &state,
        &Actor::System,
        Command::ReviseCommitment(first.clone()),
        now(),
    );
    assert_eq!(same, Ok(vec![]));
    let old_rate = state.commitments[&first.id].rate.clone().unwrap();
    as_system(
        &mut state,
        Command::SetExchangeRate(NewExchangeRate {
            currency: first.money.currency,
            per_unit: old_rate.per_unit + dec!(0.1),
            as_of: now().date_naive(),
            source: "later".into(),
        }),
    );
    let firm = NewCommitment {
        status: CommitmentStatus::FirmCommitment,
        ..first.clone()
    };
    as_system(&mut state, Command::ReviseCommitment(firm.clone()));
    assert_eq!(
        state.commitments[&first.id].rate.as_ref(),
        Some(&old_rate),
        "a step keeps its rate"
    );
    let more = NewCommitment {
        money: Money::parse("2000", "EUR").unwrap(),
        ..firm
    };
    as_system(&mut state, Command::ReviseCommitment(more));
    assert_eq!(
        state.commitments[&first.id].rate.as_ref().unwrap().source,
        "later"
    );
}
