//! The dashboard and its totals: what is required, secured and pledged, and what the screen shows.

use super::*;

proptest! {
    /// Totals equal the sum of the register, whatever order the events came in.
    #[test]
    fn totals_are_the_sum_of_the_register_in_any_order(
        amounts in proptest::collection::vec((1u64..10_000_000_000, 0usize..3), 1..30),
        seed in any::<u64>(),
    ) {
        let (base, _) = demo();
        let organisations: Vec<OrganisationId> = base.organisations.keys().copied().collect();
        let commands: Vec<Command> = amounts
            .iter()
            .enumerate()
            .map(|(i, (cents, status))| {
                let status = [CommitmentStatus::IndicativePledge, CommitmentStatus::FirmCommitment, CommitmentStatus::Disbursed][*status];
                let mut command = commitment_for(organisations[i % organisations.len()], &Decimal::new(*cents as i64, 2).to_string());
                if let Command::RecordCommitment(c) = &mut command { c.status = status; }
                command
            })
            .collect();
        let mut shuffled = commands.clone();
        // A deterministic shuffle from the seed.
        let mut state_rng = seed;
        for i in (1..shuffled.len()).rev() {
            state_rng = state_rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state_rng >> 33) as usize % (i + 1));
        }
        let apply_all = |commands: Vec<Command>| {
            let mut state = base.clone();
            state.commitments.clear();
            for command in commands {
                as_system(&mut state, command);
            }
            Totals::of(&state)
        };
        let in_order = apply_all(commands);
        let any_order = apply_all(shuffled);
        prop_assert_eq!(&in_order.by_tier_and_kind, &any_order.by_tier_and_kind);
        let secured: Decimal = amounts.iter().filter(|(_, s)| *s > 0).map(|(c, _)| Decimal::new(*c as i64, 2)).sum();
        let pledged: Decimal = amounts.iter().filter(|(_, s)| *s == 0).map(|(c, _)| Decimal::new(*c as i64, 2)).sum();
        prop_assert_eq!(in_order.get(Tier::Secured, ContributionKind::Cash), secured);
        prop_assert_eq!(in_order.get(Tier::Pledged, ContributionKind::Cash), pledged);
    }
}

#[test]
fn the_dashboard_masks_confidential_names_and_keeps_tiers_and_kinds_apart() {
    use crate::domain::dashboard::{Dashboard, PublicName};
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let before = Dashboard::of(&state).unwrap();
    let secret = NewCommitment {
        status: CommitmentStatus::FirmCommitment,
        public: false,
        ..new_commitment(org, "1000", "USD")
    };
    let guarantee = NewCommitment {
        instrument: Instrument::Guarantee,
        status: CommitmentStatus::FirmCommitment,
        ..new_commitment(org, "5000", "USD")
    };
    as_system(&mut state, Command::RecordCommitment(secret.clone()));
    as_system(&mut state, Command::RecordCommitment(guarantee.clone()));
    let after = Dashboard::of(&state).unwrap();
    assert_eq!(after.cash.secured - before.cash.secured, dec!(1000));
    assert_eq!(after.guarantees.secured - before.guarantees.secured, dec!(5000));
    assert_eq!(after.gap, before.gap - dec!(1000));
    let line = after
        .newest
        .iter()
        .find(|l| l.id == secret.id)
        .expect("newest lists it");
    assert!(matches!(line.who, PublicName::Anonymous { .. }), "{:?}", line.who);
    assert_eq!(after.newest[0].id, guarantee.id, "newest first");
    let json = serde_json::to_string(&after).unwrap();
    let name = &state.organisations[&org].name;
    let named_elsewhere = after
        .newest
        .iter()
        .any(|l| matches!(&l.who, PublicName::Named { name: n } if n == name));
    assert!(named_elsewhere || !json.contains(name.as_str()));
}

#[test]
fn required_comes_from_the_budget_else_the_target() {
    use crate::domain::required::{required, RequiredSource};
    let (demo_state, _) = demo();
    assert_eq!(required(&demo_state).1, RequiredSource::Budget);
    let mut empty = WorkshopState::default();
    let create = demo_commands().remove(0).1;
    empty.execute(&Actor::System, create, now()).unwrap();
    assert_eq!(required(&empty), (Decimal::ZERO, RequiredSource::Nothing));
    empty
        .execute(&Actor::System, funding_target(dec!(2500000)), now())
        .unwrap();
    assert_eq!(required(&empty), (dec!(2500000), RequiredSource::Target));
    let too_precise = decide(&empty, &Actor::System, funding_target(dec!(1.005)), now());
    assert_eq!(
        too_precise,
        Err(AppError::invalid("amount", Problem::TooManyDecimals))
    );
}

#[test]
fn gaps_by_component_count_only_secured_cash_earmarked_to_it() {
    use crate::domain::dashboard::Dashboard;
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let component = state.design.components[0].id;
    let before = Dashboard::of(&state).unwrap().by_component[0].clone();
    for (status, instrument) in [
        (CommitmentStatus::FirmCommitment, Instrument::Grant),
        (CommitmentStatus::LetterOfIntent, Instrument::Grant),
        (CommitmentStatus::FirmCommitment, Instrument::InKind),
    ] {
        let new = NewCommitment {
            status,
            instrument,
            earmark: Earmark::Component { component },
            ..new_commitment(org, "100", "USD")
        };
        as_system(&mut state, Command::RecordCommitment(new.clone()));
    }
    let after = Dashboard::of(&state).unwrap().by_component[0].clone();
    assert_eq!(after.tiers.secured - before.tiers.secured, dec!(100));
    assert_eq!(after.tiers.pledged - before.tiers.pledged, dec!(100));
    assert_eq!(after.gap().unwrap(), before.gap().unwrap() - dec!(100));
}

#[test]
fn a_half_costed_design_keeps_the_larger_target_until_every_component_is_costed() {
    use crate::domain::required::{requirement, RequiredSource};
    let (mut state, _) = demo();
    let costing = requirement(&state).costing;
    assert!(
        costing.costed > 0 && !costing.complete(),
        "the demo costs some components, not all"
    );
    let budget = costing.budget;
    // A target above the budget so far is the need while costing goes on.
    as_system(&mut state, funding_target(budget + dec!(1000)));
    let half = requirement(&state);
    assert_eq!(
        (half.amount, half.source),
        (budget + dec!(1000), RequiredSource::Target)
    );
    // A target below what is already costed is out of date: the budget counts.
    as_system(&mut state, funding_target(budget - dec!(1)));
    assert_eq!(requirement(&state).source, RequiredSource::Budget);
    // Once every component is costed, the budget is the need, whatever the target.
    as_system(&mut state, funding_target(budget * dec!(100)));
    for component in state.design.components.clone() {
        if component.yearly_cost.is_empty() {
            let component = Component {
                yearly_cost: vec![CostLine {
                    year: 2027,
                    amount: Money::new(dec!(10), usd()).unwrap(),
                }],
                ..component
            };
            as_system(&mut state, save_item(DesignItem::Component(component), None));
        }
    }
    let full = requirement(&state);
    assert!(full.costing.complete());
    assert_eq!(
        (full.amount, full.source),
        (full.costing.budget, RequiredSource::Budget)
    );
}

#[test]
fn an_expression_of_interest_is_pipeline_not_money_until_it_is_pledged() {
    use crate::domain::dashboard::Dashboard;
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let before = Dashboard::of(&state).unwrap();
    let interest = NewCommitment {
        status: CommitmentStatus::ExpressionOfInterest,
        ..new_commitment(org, "250", "USD")
    };
    as_system(&mut state, Command::RecordCommitment(interest.clone()));
    let after = Dashboard::of(&state).unwrap();
    assert_eq!(after.pipeline.count, before.pipeline.count + 1);
    assert_eq!(after.pipeline.indicative - before.pipeline.indicative, dec!(250));
    assert_eq!(after.cash, before.cash, "neither pledged nor secured");
    assert_eq!(after.gap, before.gap, "the pipeline never reduces the gap");

    let pledged = NewCommitment {
        status: CommitmentStatus::IndicativePledge,
        ..interest
    };
    as_system(&mut state, Command::ReviseCommitment(pledged));
    let pledged_now = Dashboard::of(&state).unwrap();
    assert_eq!(pledged_now.pipeline, before.pipeline);
    assert_eq!(pledged_now.cash.pledged - before.cash.pledged, dec!(250));
    assert_eq!(pledged_now.gap, before.gap);
}

proptest! {
    /// After any mix of recordings, amendments, steps on the ladder and
    /// withdrawals, in several currencies: the dashboard's totals equal the
    /// register summed line by line, and the breakdowns add up to them.
    #[test]
    fn totals_equal_the_register_after_any_revisions(
        steps in proptest::collection::vec((0usize..6, 1u64..100_000_000, 0usize..7, 0usize..4, 0usize..3), 1..40),
    ) {
        use crate::domain::dashboard::Dashboard;
        use crate::domain::register::register_for;
        let (mut state, _) = demo();
        let organisations: Vec<OrganisationId> = state.organisations.keys().copied().collect();
        let statuses = [
            CommitmentStatus::ExpressionOfInterest, CommitmentStatus::IndicativePledge,
            CommitmentStatus::LetterOfIntent, CommitmentStatus::MouSigned,
            CommitmentStatus::FirmCommitment, CommitmentStatus::Disbursed, CommitmentStatus::Withdrawn,
        ];
        let instruments = [Instrument::Grant, Instrument::Loan, Instrument::Guarantee, Instrument::InKind];
        let currencies = ["USD", "EUR", "CNY"];
        let mut ids: Vec<NewCommitment> = Vec::new();
        for (slot, cents, status, instrument, currency) in steps {
            let money = Money::parse(&Decimal::new(cents as i64, 2).to_string(), currencies[currency]).unwrap();
            let values = (money, statuses[status], instruments[instrument]);
            record_or_revise(&mut state, &mut ids, slot, values, &organisations);
        }
        let dashboard = Dashboard::of(&state).unwrap();
        let lines = register_for(&state, &Actor::System);
        let sum = |tier: Tier, kind: ContributionKind| -> Decimal {
            lines.iter()
                .filter(|l| l.commitment.status.tier() == tier && l.commitment.instrument.kind() == kind)
                .filter_map(|l| l.converted)
                .sum()
        };
        prop_assert_eq!(dashboard.cash.secured, sum(Tier::Secured, ContributionKind::Cash));
        prop_assert_eq!(dashboard.cash.pledged, sum(Tier::Pledged, ContributionKind::Cash));
        prop_assert_eq!(dashboard.guarantees.secured, sum(Tier::Secured, ContributionKind::Guarantee));
        prop_assert_eq!(dashboard.in_kind.pledged, sum(Tier::Pledged, ContributionKind::InKind));
        let by_group: Decimal = dashboard.by_group.iter().map(|b| b.tiers.secured).sum();
        prop_assert_eq!(by_group, dashboard.cash.secured);
        let by_instrument: Decimal = dashboard.by_instrument.iter().map(|b| b.tiers.secured + b.tiers.pledged).sum();
        let all: Decimal = [Tier::Secured, Tier::Pledged].iter()
            .flat_map(|t| [ContributionKind::Cash, ContributionKind::Guarantee, ContributionKind::InKind].map(|k| sum(*t, k)))
            .sum();
        prop_assert_eq!(by_instrument, all);
        prop_assert_eq!(dashboard.gap, dashboard.required - dashboard.cash.secured);
    }
}
