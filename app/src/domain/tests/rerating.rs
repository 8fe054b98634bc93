//! A rate set later converts what was recorded without one, but only
//! through the facilitator's explicit, logged re-rating.

use super::*;
use crate::domain::register::register_for;
use chrono::NaiveDate;

fn re_rate(currency: &str, rate_as_of: NaiveDate, scope: ReRateScope) -> Command {
    Command::ReRate(NewReRate {
        currency: crate::domain::money::Currency::parse(currency).unwrap(),
        rate_as_of,
        scope,
    })
}

#[test]
fn a_commitment_recorded_without_a_rate_is_converted_by_the_re_rating_alone() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let kes = new_commitment(org, "1000000", "KES");
    as_system(&mut state, Command::RecordCommitment(kes.clone()));
    assert_eq!(state.converted(&state.commitments[&kes.id]), None);
    as_system(&mut state, rate_command("KES", dec!(0.0077)));
    assert_eq!(
        state.converted(&state.commitments[&kes.id]),
        None,
        "a rate set later converts nothing by itself"
    );

    let wrong_day = re_rate(
        "KES",
        now().date_naive().pred_opt().unwrap(),
        ReRateScope::WithoutRate,
    );
    assert_eq!(
        decide(&state, &Actor::System, wrong_day, now()),
        Err(AppError::invalid("rate_as_of", Problem::NoSuchRate))
    );
    let delegate = delegate_of(&state, 0);
    let command = re_rate("KES", now().date_naive(), ReRateScope::WithoutRate);
    assert_eq!(
        decide(&state, &delegate, command.clone(), now()),
        Err(AppError::Forbidden)
    );
    as_system(&mut state, command.clone());
    assert_eq!(state.converted(&state.commitments[&kes.id]), Some(dec!(7700.00)));
    let line = register_for(&state, &Actor::System)
        .into_iter()
        .find(|l| l.commitment.id == kes.id)
        .unwrap();
    let converted: Vec<Option<Decimal>> = line.history.iter().map(|h| h.converted).collect();
    assert_eq!(
        converted,
        [None, Some(dec!(7700.00))],
        "old and new in its history"
    );
    // Again: nothing left to convert, nothing logged.
    assert_eq!(decide(&state, &Actor::System, command, now()), Ok(vec![]));
}

#[test]
fn a_mistyped_rate_is_corrected_for_the_commitments_recorded_since() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    as_system(&mut state, rate_command("KES", dec!(0.77)));
    let kes = new_commitment(org, "1000", "KES");
    as_system(&mut state, Command::RecordCommitment(kes.clone()));
    assert_eq!(state.converted(&state.commitments[&kes.id]), Some(dec!(770.00)));
    as_system(&mut state, rate_command("KES", dec!(0.0077)));
    let euro_before = state
        .commitments
        .values()
        .filter(|c| c.money.currency.code() == "EUR")
        .map(|c| (c.id, c.rate.clone()))
        .collect::<Vec<_>>();
    let since = re_rate(
        "KES",
        now().date_naive(),
        ReRateScope::Since {
            day: now().date_naive(),
        },
    );
    as_system(&mut state, since);
    assert_eq!(state.converted(&state.commitments[&kes.id]), Some(dec!(7.70)));
    for (id, rate) in euro_before {
        assert_eq!(
            state.commitments[&id].rate, rate,
            "other currencies are untouched"
        );
    }
}
