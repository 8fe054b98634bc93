//! Paid is not committed: disbursements against firm commitments.

use super::*;
use crate::domain::dashboard::Dashboard;
use crate::domain::disbursements::{disbursed, paid};
use crate::domain::register::register_for;

/// The demo's bank's technical-assistance grant, firm and partly paid.
fn partly_paid(state: &WorkshopState) -> Commitment {
    state
        .commitments
        .values()
        .find(|c| state.disbursements.contains_key(&c.id))
        .expect("the demo has a partly disbursed commitment")
        .clone()
}

fn disbursement(commitment: CommitmentId, amount: Decimal) -> Command {
    Command::RecordDisbursement(NewDisbursement {
        id: DisbursementId::random(),
        commitment,
        date: now().date_naive(),
        amount,
    })
}

fn refusal(state: &WorkshopState, command: Command) -> Vec<(String, &'static str)> {
    match decide(state, &Actor::System, command, now()) {
        Err(AppError::Invalid(fields)) => fields.into_iter().map(|(f, p)| (f, p.code())).collect(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_demo_shows_paid_apart_from_committed_and_inside_secured() {
    let (state, _) = demo();
    let grant = partly_paid(&state);
    let split = paid(&state, &grant);
    assert_eq!(split.disbursed, dec!(800000));
    assert_eq!(split.undisbursed, dec!(1700000.00));
    let dashboard = Dashboard::of(&state).unwrap();
    assert!(dashboard.disbursed >= dec!(800000));
    assert_eq!(
        dashboard.disbursed + dashboard.undisbursed,
        dashboard.cash.secured
    );
    let line = register_for(&state, &Actor::System)
        .into_iter()
        .find(|l| l.commitment.id == grant.id)
        .unwrap();
    assert_eq!(line.disbursements.len(), 1);
    assert_eq!(line.paid, split);
}

#[test]
fn disbursements_never_exceed_the_commitment_and_the_last_one_makes_it_disbursed() {
    let (mut state, _) = demo();
    let grant = partly_paid(&state);
    let history = state.commitment_history[&grant.id].len();
    assert_eq!(
        refusal(&state, disbursement(grant.id, dec!(1700000.01))),
        [("amount".to_string(), "beyond_committed")]
    );
    assert_eq!(
        refusal(&state, disbursement(grant.id, dec!(0.001))),
        [("amount".to_string(), "too_many_decimals")]
    );
    as_system(&mut state, disbursement(grant.id, dec!(1000000)));
    assert_eq!(
        state.commitments[&grant.id].status,
        CommitmentStatus::FirmCommitment
    );
    as_system(&mut state, disbursement(grant.id, dec!(700000)));
    assert_eq!(state.commitments[&grant.id].status, CommitmentStatus::Disbursed);
    assert_eq!(state.commitment_history[&grant.id].len(), history + 1);
    assert_eq!(
        disbursed(&state, &state.commitments[&grant.id]),
        Some(grant.money.amount)
    );
    assert_eq!(
        refusal(&state, disbursement(grant.id, dec!(1))),
        [("amount".to_string(), "not_disbursable")]
    );
}

#[test]
fn only_firm_cash_is_paid_and_never_in_the_future() {
    let (state, _) = demo();
    for c in state.commitments.values() {
        let firm_cash =
            c.status == CommitmentStatus::FirmCommitment && c.instrument.kind() == ContributionKind::Cash;
        if !firm_cash {
            assert_eq!(
                refusal(&state, disbursement(c.id, dec!(1))),
                [("amount".to_string(), "not_disbursable")],
                "{c:?}"
            );
        }
    }
    let grant = partly_paid(&state);
    let tomorrow = Command::RecordDisbursement(NewDisbursement {
        id: DisbursementId::random(),
        commitment: grant.id,
        date: now().date_naive().succ_opt().unwrap(),
        amount: dec!(1),
    });
    assert_eq!(refusal(&state, tomorrow), [("date".to_string(), "future_date")]);
}

#[test]
fn a_paid_commitment_keeps_its_currency_its_firmness_and_what_was_paid() {
    let (state, _) = demo();
    let grant = partly_paid(&state);
    let as_form = |commitment: &Commitment| {
        crate::domain::commitment_form::CommitmentForm::of(commitment)
            .parse()
            .unwrap()
    };
    let revise = |change: &dyn Fn(&mut Commitment)| {
        let mut revised = grant.clone();
        // Without its schedule, so that only the rules of payment speak.
        revised.schedule.clear();
        change(&mut revised);
        refusal(&state, Command::ReviseCommitment(as_form(&revised)))
    };
    assert_eq!(
        revise(&|c| c.money.amount = dec!(799999)),
        [("amount".to_string(), "below_disbursed")]
    );
    assert_eq!(
        revise(&|c| c.money.currency = crate::domain::money::Currency::parse("EUR").unwrap()),
        [("currency".to_string(), "cannot_change")]
    );
    assert_eq!(
        revise(&|c| c.status = CommitmentStatus::Withdrawn),
        [("status".to_string(), "has_disbursements")]
    );
    assert_eq!(
        revise(&|c| c.status = CommitmentStatus::Disbursed),
        [("status".to_string(), "not_fully_disbursed")]
    );
    // Cut to what was paid, it may be called disbursed.
    let mut cut = grant.clone();
    cut.schedule.clear();
    cut.money.amount = dec!(800000);
    cut.status = CommitmentStatus::Disbursed;
    assert!(decide(
        &state,
        &Actor::System,
        Command::ReviseCommitment(as_form(&cut)),
        now()
    )
    .is_ok());
}

#[test]
fn a_disbursement_is_recorded_once_under_its_id() {
    let (mut state, _) = demo();
    let grant = partly_paid(&state);
    let command = disbursement(grant.id, dec!(10));
    as_system(&mut state, command.clone());
    assert!(matches!(
        decide(&state, &Actor::System, command, now()),
        Err(AppError::AlreadyExists(_))
    ));
}

proptest! {
    /// Whatever is tried, what is paid stays within what is committed, and
    /// disbursed and undisbursed add up to the converted amount to the cent.
    #[test]
    fn paid_never_exceeds_committed_and_the_split_adds_up(
        amounts in proptest::collection::vec(1u64..2_000_000_000, 1..8),
        rate_in_ten_thousandths in 1u64..200_000,
    ) {
        let (mut state, _) = demo();
        let org = *state.organisations.keys().next().unwrap();
        as_system(&mut state, rate_command("EUR", Decimal::new(rate_in_ten_thousandths as i64, 4)));
        let firm = NewCommitment {
            status: CommitmentStatus::FirmCommitment,
            ..new_commitment(org, "1234567.89", "EUR")
        };
        as_system(&mut state, Command::RecordCommitment(firm.clone()));
        for cents in amounts {
            let _ = state.execute(&Actor::System, disbursement(firm.id, Decimal::new(cents as i64, 2)), now());
            let commitment = &state.commitments[&firm.id];
            let split = paid(&state, commitment);
            prop_assert!(disbursed(&state, commitment).unwrap() <= commitment.money.amount);
            prop_assert_eq!(split.disbursed + split.undisbursed, commitment.money.amount);
            prop_assert_eq!(
                split.disbursed_converted.unwrap() + split.undisbursed_converted.unwrap(),
                state.converted(commitment).unwrap()
            );
        }
    }
}
