//! Limits: the ceilings on amounts and rates, the lengths of every input, and figures that hold together at the ceilings and beyond them.

use super::*;

use crate::domain::limits::{AMOUNT_CEILING, RATE_CEILING, RATE_FLOOR};

fn usd() -> crate::domain::money::Currency {
    crate::domain::money::Currency::parse("USD").unwrap()
}

fn rate_command(code: &str, per_unit: Decimal) -> Command {
    Command::SetExchangeRate(NewExchangeRate {
        currency: crate::domain::money::Currency::parse(code).unwrap(),
        per_unit,
        as_of: now().date_naive(),
        source: "test".into(),
    })
}

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
    state
        .execute(&Actor::System, Command::RecordCommitment(at.clone()), now())
        .unwrap();
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
    state
        .execute(
            &Actor::System,
            Command::SetFundingTarget(NewFundingTarget {
                amount: AMOUNT_CEILING,
            }),
            now(),
        )
        .unwrap();
    assert_eq!(state.funding_target, Some(AMOUNT_CEILING));
    let fields = refused(
        &state,
        Command::SetFundingTarget(NewFundingTarget {
            amount: AMOUNT_CEILING + dec!(1),
        }),
    );
    assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
    let fields = refused(
        &state,
        Command::SetFundingTarget(NewFundingTarget { amount: dec!(0) }),
    );
    assert_eq!(problem_of(&fields, "amount"), Some("positive"));
}

#[test]
fn exchange_rates_are_accepted_within_floor_and_ceiling_only() {
    let (mut state, _) = demo();
    state
        .execute(&Actor::System, rate_command("EUR", RATE_CEILING), now())
        .unwrap();
    state
        .execute(&Actor::System, rate_command("CNY", RATE_FLOOR), now())
        .unwrap();
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
    state
        .execute(
            &Actor::System,
            Command::SaveItem {
                item: DesignItem::Component(component.clone()),
                based_on: None,
            },
            now(),
        )
        .unwrap();
    assert_eq!(
        crate::domain::required::component_required(&state.design.components[0]),
        AMOUNT_CEILING
    );
    component.yearly_cost[0].amount = Money::new(AMOUNT_CEILING + dec!(1), usd()).unwrap();
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Component(component.clone()),
            based_on: None,
        },
    );
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
        earmark: Earmark::City {
            city: "x".repeat(60_000),
        },
        ..new_commitment(org, "100", "USD")
    };
    let fields = refused(&state, Command::RecordCommitment(new.clone()));
    assert_eq!(problem_of(&fields, "earmark"), Some("length"));
    let fine = NewCommitment {
        earmark: Earmark::City {
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
    };
    output.indicators = vec![indicator.clone()];
    let save = |output: Output| Command::SaveItem {
        item: DesignItem::Output(output),
        based_on: None,
    };
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
    component.tfa = vec!["7.1".into(); 10];
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Component(component.clone()),
            based_on: None,
        },
    );
    assert_eq!(problem_of(&fields, "tfa"), Some("length"));
    component.tfa = Vec::new();
    component.outputs = vec![state.design.outputs[0].id; 201];
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Component(component),
            based_on: None,
        },
    );
    assert_eq!(problem_of(&fields, "outputs"), Some("length"));

    let body = GovernanceBody {
        id: BodyId::random(),
        kind: BodyKind::SteeringCommittee,
        name: "Board".into(),
        members: (0..501).map(|_| OrganisationId::random()).collect(),
        chair: None,
        decision_rule: DecisionRule::Consensus,
        cadence: String::new(),
    };
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Body(body),
            based_on: None,
        },
    );
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

/// Checks that the pages' figures render and that, where the totals are in
/// range, every breakdown adds up to its total.
fn figures_hold_together(state: &WorkshopState) -> Result<(), TestCaseError> {
    use crate::domain::dashboard::Dashboard;
    use crate::domain::limits::checked_sum;
    use crate::domain::register::register_for;
    let dashboard = Dashboard::of(state).expect("a workshop");
    let overview = WorkshopOverview::of(state).expect("a workshop");
    let lines = register_for(state, &Actor::System);
    prop_assert_eq!(lines.len(), state.commitments.len());
    prop_assert!(dashboard.secured_percent <= 100 && dashboard.pledged_percent <= 100);
    prop_assert_eq!(overview.required, dashboard.required);
    for line in &lines {
        if line.out_of_range {
            prop_assert!(line.converted.is_none());
        }
    }
    if dashboard.overflow {
        return Ok(());
    }
    let sum = |tier: Tier, kind: ContributionKind| {
        checked_sum(
            lines
                .iter()
                .filter(|l| l.commitment.status.tier() == tier && l.commitment.instrument.kind() == kind)
                .filter_map(|l| l.converted),
        )
    };
    prop_assert_eq!(
        Some(dashboard.cash.secured),
        sum(Tier::Secured, ContributionKind::Cash)
    );
    prop_assert_eq!(
        Some(dashboard.cash.pledged),
        sum(Tier::Pledged, ContributionKind::Cash)
    );
    prop_assert_eq!(
        Some(dashboard.guarantees.secured),
        sum(Tier::Secured, ContributionKind::Guarantee)
    );
    prop_assert_eq!(
        Some(dashboard.in_kind.pledged),
        sum(Tier::Pledged, ContributionKind::InKind)
    );
    let by_group = checked_sum(dashboard.by_group.iter().map(|b| b.tiers.secured));
    prop_assert_eq!(by_group, Some(dashboard.cash.secured));
    let by_instrument = checked_sum(dashboard.by_instrument.iter().map(|b| b.tiers.total()));
    let all = checked_sum([
        dashboard.cash.total(),
        dashboard.guarantees.total(),
        dashboard.in_kind.total(),
    ]);
    prop_assert_eq!(by_instrument, all);
    let budget = checked_sum(
        dashboard
            .by_component
            .iter()
            .map(|b| b.required.unwrap_or_default()),
    );
    if dashboard.required_source == crate::domain::required::RequiredSource::Budget {
        prop_assert_eq!(budget, Some(dashboard.required));
    }
    prop_assert_eq!(
        Some(dashboard.gap),
        dashboard.required.checked_sub(dashboard.cash.secured)
    );
    prop_assert_eq!(overview.secured_cash, dashboard.cash.secured);
    prop_assert_eq!(overview.gap, dashboard.gap);
    Ok(())
}

proptest! {
    /// Any sequence of accepted commands with amounts and rates at the
    /// ceilings: the screen, the workshop page and the register render, and
    /// their figures add up.
    #[test]
    fn figures_hold_at_the_ceilings(
        steps in proptest::collection::vec((0usize..6, 0usize..4, 0usize..7, 0usize..4, 0usize..4), 1..30),
        rates in (0usize..3, 0usize..3),
        budget_at_ceiling in any::<bool>(),
    ) {
        let (mut state, _) = demo();
        let rate_values = [RATE_CEILING, RATE_FLOOR, Decimal::ONE];
        state.execute(&Actor::System, rate_command("EUR", rate_values[rates.0]), now()).unwrap();
        state.execute(&Actor::System, rate_command("CNY", rate_values[rates.1]), now()).unwrap();
        if budget_at_ceiling {
            for component in state.design.components.clone() {
                let mut component = component;
                component.yearly_cost = (2027..2030)
                    .map(|year| CostLine { year, amount: Money::new(AMOUNT_CEILING, usd()).unwrap() })
                    .collect();
                state.execute(&Actor::System, Command::SaveItem { item: DesignItem::Component(component), based_on: None }, now()).unwrap();
            }
        }
        state.execute(&Actor::System, Command::SetFundingTarget(NewFundingTarget { amount: AMOUNT_CEILING }), now()).unwrap();
        let organisations: Vec<OrganisationId> = state.organisations.keys().copied().collect();
        let statuses = CommitmentStatus::LADDER;
        let instruments = [Instrument::Grant, Instrument::Loan, Instrument::Guarantee, Instrument::InKind];
        let amounts = [AMOUNT_CEILING, AMOUNT_CEILING - dec!(1), dec!(0.01), dec!(123456.78)];
        let currencies = ["USD", "EUR", "CNY", "JPY"];
        let mut ids: Vec<NewCommitment> = Vec::new();
        for (slot, amount, status, instrument, currency) in steps {
            let currency = crate::domain::money::Currency::parse(currencies[currency]).unwrap();
            let amount = amounts[amount].round_dp(currency.minor_units());
            let money = Money::new(amount, currency).unwrap();
            let values = (money, statuses[status], instruments[instrument]);
            record_or_revise(&mut state, &mut ids, slot, values, &organisations);
        }
        let dashboard = crate::domain::dashboard::Dashboard::of(&state).unwrap();
        // Accepted values are all in range, and their sums far from overflow.
        prop_assert_eq!(dashboard.out_of_range, 0);
        prop_assert!(!dashboard.overflow);
        figures_hold_together(&state)?;
    }

    /// A state folded from a log that carries absurd stored values, as an
    /// old log accepted before the ceilings could: nothing panics, the
    /// absurd values are left out and counted, and the rest adds up.
    #[test]
    fn an_old_log_with_absurd_values_still_renders(
        commitments in proptest::collection::vec((0usize..5, 0usize..5, 0usize..7, 0usize..4, any::<bool>()), 0..25),
        target in 0usize..5,
        cost in 0usize..5,
        no_other_budget in any::<bool>(),
    ) {
        let (mut state, _) = demo();
        let absurd = [Decimal::MAX, dec!(900_000_000_000_000_000_000_000_000), AMOUNT_CEILING, dec!(0.01), dec!(1000)];
        let rates = [Some(Decimal::MAX), Some(dec!(0.0000000000000000000000000001)), Some(RATE_CEILING), Some(Decimal::ONE), None];
        let organisations: Vec<OrganisationId> = state.organisations.keys().copied().collect();
        let component = state.design.components[0].clone();
        let mut events = vec![
            crate::domain::event::Event::FundingTargetSet { amount: absurd[target] },
            crate::domain::event::Event::DesignItemSaved {
                item: DesignItem::Component(Component {
                    yearly_cost: vec![
                        CostLine { year: 2027, amount: Money { amount: absurd[cost], currency: usd() } },
                        CostLine { year: 2028, amount: Money { amount: Decimal::MAX, currency: usd() } },
                    ],
                    ..component.clone()
                }),
            },
        ];
        let instruments = [Instrument::Grant, Instrument::Loan, Instrument::Guarantee, Instrument::InKind];
        let mut expected_out_of_range = 1; // the 2028 cost line
        if !crate::domain::limits::amount_in_range(absurd[cost]) {
            expected_out_of_range += 1;
        }
        let other_budget = state.design.components[1..]
            .iter()
            .any(|c| crate::domain::required::component_required(c) > Decimal::ZERO);
        if no_other_budget {
            for other in &state.design.components[1..] {
                events.push(crate::domain::event::Event::DesignItemSaved {
                    item: DesignItem::Component(Component { yearly_cost: Vec::new(), ..other.clone() }),
                });
            }
        }
        let budget = (other_budget && !no_other_budget) || crate::domain::limits::amount_in_range(absurd[cost]);
        // The target is read only while the design has no budget.
        if !budget && !crate::domain::limits::amount_in_range(absurd[target]) {
            expected_out_of_range += 1;
        }
        for (n, (amount, rate, status, instrument, city)) in commitments.iter().enumerate() {
            let rate = rates[*rate].map(|per_unit| ExchangeRate {
                currency: usd(),
                per_unit,
                as_of: now().date_naive(),
                source: "old log".into(),
            });
            let counted = rate.as_ref().map(|r| crate::domain::limits::convert(absurd[*amount], r.per_unit).is_some());
            if counted == Some(false) {
                expected_out_of_range += 1;
            }
            events.push(crate::domain::event::Event::CommitmentRecorded {
                commitment: Commitment {
                    id: CommitmentId::random(),
                    organisation: organisations[n % organisations.len()],
                    money: Money { amount: absurd[*amount], currency: usd() },
                    instrument: instruments[*instrument],
                    status: CommitmentStatus::LADDER[*status],
                    earmark: if *city {
                        Earmark::City { city: "Hai Phong".into() }
                    } else {
                        Earmark::Component { component: component.id }
                    },
                    years: vec![2027],
                    conditions: String::new(),
                    note: String::new(),
                    public: true,
                    rate,
                    recorded_at: now(),
                },
            });
        }
        for event in events {
            let seq = state.version + 1;
            state.apply(&StoredEvent { seq, recorded_at: now(), actor: Actor::System, event });
        }
        let dashboard = crate::domain::dashboard::Dashboard::of(&state).unwrap();
        prop_assert_eq!(dashboard.out_of_range, expected_out_of_range);
        prop_assert_eq!(WorkshopOverview::of(&state).unwrap().out_of_range, expected_out_of_range);
        figures_hold_together(&state)?;
    }
}
