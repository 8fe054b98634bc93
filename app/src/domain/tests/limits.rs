//! Limits at the door: the ceilings on amounts and rates, and the lengths
//! of every input. (What figures do at and beyond the ceilings is in
//! `figures.rs`.)

use super::*;

use crate::domain::limits::{AMOUNT_CEILING, RATE_CEILING, RATE_FLOOR};

/// Decides `command`; if refused, asserts the state is as it was and
/// returns the problems by field.
fn refused(state: &WorkshopState, command: Command) -> crate::domain::error::FieldErrors {
    let before = state.clone();
    match decide(state, &Actor::System, command, now()) {
        Err(AppError::Invalid(fields)) => {
            assert_eq!(*state, before, "a refused command changes nothing");
            fields
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn problem_of<'a>(fields: &'a crate::domain::error::FieldErrors, field: &str) -> Option<&'a str> {
    fields.get(field).map(|p| p.code())
}

#[test]
fn a_commitment_at_the_ceiling_is_accepted_and_one_cent_more_is_refused() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let at = NewCommitment {
        money: Money::new(AMOUNT_CEILING, usd()).unwrap(),
        ..new_commitment(org, "1", "USD")
    };
    as_system(&mut state, Command::RecordCommitment(at.clone()));
    assert_eq!(state.commitments[&at.id].money.amount, AMOUNT_CEILING);

    let above = NewCommitment {
        money: Money::new(AMOUNT_CEILING + dec!(0.01), usd()).unwrap(),
        ..new_commitment(org, "1", "USD")
    };
    let fields = refused(&state, Command::RecordCommitment(above));
    assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
    // The amounts: Decimal's maximum and 9 × 10^26.
    for amount in [Decimal::MAX, dec!(900_000_000_000_000_000_000_000_000)] {
        let absurd = NewCommitment {
            money: Money::new(amount, usd()).unwrap(),
            ..new_commitment(org, "1", "USD")
        };
        let fields = refused(&state, Command::RecordCommitment(absurd));
        assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
    }
    // A revision to above the ceiling is refused the same way.
    let revised = NewCommitment {
        money: Money::new(Decimal::MAX, usd()).unwrap(),
        ..at
    };
    let fields = refused(&state, Command::ReviseCommitment(revised));
    assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
}

#[test]
fn a_funding_target_at_the_ceiling_is_accepted_and_above_it_refused() {
    let (mut state, _) = demo();
    as_system(&mut state, funding_target(AMOUNT_CEILING));
    assert_eq!(state.funding_target, Some(AMOUNT_CEILING));
    let fields = refused(&state, funding_target(AMOUNT_CEILING + dec!(1)));
    assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
    let fields = refused(&state, funding_target(dec!(0)));
    assert_eq!(problem_of(&fields, "amount"), Some("positive"));
}

#[test]
fn exchange_rates_are_accepted_within_floor_and_ceiling_only() {
    let (mut state, _) = demo();
    as_system(&mut state, rate_command("EUR", RATE_CEILING));
    as_system(&mut state, rate_command("CNY", RATE_FLOOR));
    let eur = crate::domain::money::Currency::parse("EUR").unwrap();
    assert_eq!(state.rates[&eur].per_unit, RATE_CEILING);
    let cases = [
        (RATE_CEILING + dec!(0.000001), "rate_out_of_range"),
        (Decimal::MAX, "rate_out_of_range"),
        (dec!(0.00000009), "rate_out_of_range"),
        (dec!(1.0000000000001), "rate_too_precise"),
        (dec!(0), "positive"),
    ];
    for (per_unit, code) in cases {
        let fields = refused(&state, rate_command("EUR", per_unit));
        assert_eq!(problem_of(&fields, "per_unit"), Some(code), "{per_unit}");
    }
}

#[test]
fn a_yearly_cost_at_the_ceiling_is_accepted_and_above_it_refused() {
    let (mut state, _) = demo();
    let mut component = state.design.components[0].clone();
    component.yearly_cost = vec![CostLine {
        year: 2027,
        amount: Money::new(AMOUNT_CEILING, usd()).unwrap(),
    }];
    as_system(
        &mut state,
        save_item(DesignItem::Component(component.clone()), None),
    );
    assert_eq!(
        crate::domain::required::component_required(&state.design.components[0]),
        AMOUNT_CEILING
    );
    component.yearly_cost[0].amount = Money::new(AMOUNT_CEILING + dec!(1), usd()).unwrap();
    let fields = refused(&state, save_item(DesignItem::Component(component.clone()), None));
    assert_eq!(problem_of(&fields, "yearly_cost"), Some("amount_too_large"));
    // The browser's form says the same, under the year's field.
    let mut values = crate::domain::item_form::to_form(&DesignItem::Component(component.clone()));
    values.insert(
        crate::domain::item_form::cost_field(2027),
        "1000000000000001".into(),
    );
    let key = DesignItem::Component(component).key();
    let problems = crate::domain::item_form::from_form(key, &values, usd()).unwrap_err();
    assert_eq!(problem_of(&problems, "cost:2027"), Some("amount_too_large"));
    values.insert(
        crate::domain::item_form::cost_field(2027),
        "1,000,000,000,000,000".into(),
    );
    assert!(crate::domain::item_form::from_form(key, &values, usd()).is_ok());
}

#[test]
fn a_city_earmark_of_sixty_thousand_characters_is_refused_with_length() {
    let (state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let new = NewCommitment {
        earmark: Earmark::NamedCity {
            city: "x".repeat(60_000),
        },
        ..new_commitment(org, "100", "USD")
    };
    let fields = refused(&state, Command::RecordCommitment(new.clone()));
    assert_eq!(problem_of(&fields, "earmark"), Some("length"));
    let fine = NewCommitment {
        earmark: Earmark::NamedCity {
            city: "Đà Nẵng".repeat(17),
        },
        ..new
    };
    assert!(decide(&state, &Actor::System, Command::RecordCommitment(fine), now()).is_ok());
}

#[test]
fn indicators_nested_in_an_output_are_validated_like_any_indicator() {
    let (state, _) = demo();
    let mut output = state.design.outputs[0].clone();
    let indicator = Indicator {
        id: IndicatorId::default(),
        level: ResultLevel::Outcome,
        name: "Release time".into(),
        unit: "hours".into(),
        baseline: None,
        baseline_year: None,
        target: None,
        target_year: None,
        means_of_verification: String::new(),
        by_city: Vec::new(),
        measure: IndicatorMeasure::Unit,
        ascending: true,
    };
    output.indicators = vec![indicator.clone()];
    let save = |output: Output| save_item(DesignItem::Output(output), None);
    assert!(decide(&state, &Actor::System, save(output.clone()), now()).is_ok());

    output.indicators = vec![
        indicator.clone(),
        Indicator {
            name: "x".repeat(60_000),
            ..indicator.clone()
        },
    ];
    let fields = refused(&state, save(output.clone()));
    assert_eq!(
        problem_of(&fields, "indicators.1.name"),
        Some("length"),
        "{fields:?}"
    );

    output.indicators = vec![indicator; 51];
    let fields = refused(&state, save(output));
    assert_eq!(problem_of(&fields, "indicators"), Some("length"));
}

#[test]
fn lists_in_commands_have_a_length_limit() {
    let (state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let new = NewCommitment {
        years: vec![2027; 102],
        ..new_commitment(org, "100", "USD")
    };
    let fields = refused(&state, Command::RecordCommitment(new));
    assert_eq!(problem_of(&fields, "years"), Some("length"));

    let mut component = state.design.components[0].clone();
    component.tfa = vec!["7.1".into(); TFA_MEASURES.len() + 1];
    let fields = refused(&state, save_item(DesignItem::Component(component.clone()), None));
    assert_eq!(problem_of(&fields, "tfa"), Some("length"));
    component.tfa = Vec::new();
    component.outputs = vec![state.design.outputs[0].id; 201];
    let fields = refused(&state, save_item(DesignItem::Component(component.clone()), None));
    assert_eq!(problem_of(&fields, "outputs"), Some("length"));
    component.outputs = Vec::new();
    component.cities = vec![CityId::random(); 201];
    let fields = refused(&state, save_item(DesignItem::Component(component), None));
    assert_eq!(problem_of(&fields, "cities"), Some("length"));

    let body = GovernanceBody {
        id: BodyId::random(),
        kind: BodyKind::SteeringCommittee,
        name: "Board".into(),
        members: (0..501).map(|_| OrganisationId::random()).collect(),
        chair: None,
        decision_rule: DecisionRule::Consensus,
        cadence: String::new(),
    };
    let fields = refused(&state, save_item(DesignItem::Body(body), None));
    assert_eq!(problem_of(&fields, "members"), Some("length"));

    let delegate = NewDelegate {
        id: DelegateId::random(),
        organisation: org,
        name: "A".into(),
        email: Some(format!("{}@example.org", "a".repeat(300))),
    };
    let fields = refused(&state, Command::JoinAsDelegate(delegate));
    assert!(fields.contains_key("email"), "{fields:?}");
}
