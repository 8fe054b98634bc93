//! Commitments laid out by year, and the plan by year against the costs.

use super::*;
use crate::domain::dashboard::Dashboard;
use crate::domain::schedule::by_year;

#[test]
fn the_plan_by_year_adds_up_to_the_dashboards_cash() {
    let (state, _) = demo();
    let plan = by_year(&state);
    let dashboard = Dashboard::of(&state).unwrap();
    let secured: Decimal = plan.years.iter().map(|y| y.secured).sum::<Decimal>() + plan.unscheduled_secured;
    let pledged: Decimal = plan.years.iter().map(|y| y.pledged).sum::<Decimal>() + plan.unscheduled_pledged;
    assert_eq!(secured, dashboard.cash.secured);
    assert_eq!(pledged, dashboard.cash.pledged);
    let required: Decimal = plan.years.iter().map(|y| y.required).sum();
    let budget: Decimal = state
        .design
        .components
        .iter()
        .map(crate::domain::required::component_required)
        .sum();
    assert_eq!(required, budget);
    let y2027 = plan.years.iter().find(|y| y.year == 2027).unwrap();
    assert!(y2027.secured >= dec!(1500000), "{y2027:?}");
    // The projector shows this very plan, and secured cash split into what
    // is paid and what is not, to the cent.
    assert_eq!(dashboard.by_year, plan);
    assert!(dashboard.disbursed > Decimal::ZERO);
    assert_eq!(
        dashboard.disbursed + dashboard.undisbursed,
        dashboard.cash.secured
    );
}

#[test]
fn a_schedule_sets_the_years_and_must_add_up() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let schedule = vec![
        YearAmount {
            year: 2029,
            amount: dec!(60),
        },
        YearAmount {
            year: 2030,
            amount: dec!(40),
        },
    ];
    let new = NewCommitment {
        schedule: schedule.clone(),
        ..new_commitment(org, "100", "USD")
    };
    as_system(&mut state, Command::RecordCommitment(new.clone()));
    assert_eq!(state.commitments[&new.id].years, vec![2029, 2030]);
    let more = NewCommitment {
        money: Money::parse("120", "USD").unwrap(),
        ..new
    };
    assert_eq!(
        decide(&state, &Actor::System, Command::ReviseCommitment(more), now()),
        Err(AppError::invalid("schedule", Problem::ScheduleSum))
    );
}
