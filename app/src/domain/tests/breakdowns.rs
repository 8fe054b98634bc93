//! Every breakdown on the screen adds up to its total to the cent, for any
//! commitments, earmarks and rates: each line is rounded once, and totals
//! are sums of the rounded lines.

use super::*;
use crate::domain::dashboard::Dashboard;
use crate::domain::register::register_for;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Commitments in several currencies at arbitrary rates, of every kind
    /// and status, earmarked to the programme, a component or a city: the
    /// breakdowns by partner group, by instrument, and by earmark
    /// (components, cities and the programme) add up exactly to the totals
    /// they break down, secured and pledged alike.
    #[test]
    fn every_breakdown_adds_up_to_its_total_to_the_cent(
        rates in proptest::collection::vec(1i64..2_000_000_000, 3),
        commitments in proptest::collection::vec(
            (1u64..100_000_000_000, 0usize..4, 0usize..7, 0usize..6, 0usize..40),
            1..40,
        ),
    ) {
        let (mut state, _) = demo();
        // Rates with up to six decimals, up to 2,000 reporting units a unit.
        let currencies = ["EUR", "CNY", "THB", "USD"];
        for (code, rate) in currencies.iter().zip(&rates) {
            as_system(&mut state, rate_command(code, Decimal::new(*rate, 6)));
        }
        let organisations: Vec<OrganisationId> = state.organisations.keys().copied().collect();
        let components: Vec<ComponentId> = state.design.components.iter().map(|c| c.id).collect();
        let cities: Vec<CityId> = state.cities.keys().copied().collect();
        let statuses = CommitmentStatus::LADDER;
        let instruments = [
            Instrument::Grant, Instrument::Loan, Instrument::Equity,
            Instrument::Guarantee, Instrument::InKind, Instrument::StaffTime,
        ];
        for (n, (cents, currency, status, instrument, earmark)) in commitments.into_iter().enumerate() {
            let earmark = match earmark % 3 {
                0 => Earmark::Programme,
                1 => Earmark::Component { component: components[earmark % components.len()] },
                _ => Earmark::City { city: cities[earmark % cities.len()] },
            };
            let amount = Decimal::new(cents as i64, 2);
            let code = currencies[currency];
            // THB has two decimals, like the others here.
            let new = NewCommitment {
                money: Money::parse(&amount.to_string(), code).unwrap(),
                status: statuses[status],
                instrument: instruments[instrument],
                earmark,
                ..new_commitment(organisations[n % organisations.len()], "1", "USD")
            };
            as_system(&mut state, Command::RecordCommitment(new));
        }
        let dashboard = Dashboard::of(&state).unwrap();
        prop_assert!(!dashboard.overflow);
        let lines = register_for(&state, &Actor::System);
        let counted = |tier: Tier, keep: &dyn Fn(&Commitment) -> bool| -> Decimal {
            lines
                .iter()
                .filter(|l| l.commitment.status.tier() == tier && keep(&l.commitment))
                .filter_map(|l| l.converted)
                .sum()
        };
        let cash = |c: &Commitment| c.instrument.kind() == ContributionKind::Cash;
        for tier in [Tier::Secured, Tier::Pledged] {
            let of = |tiers: &crate::domain::dashboard::Tiers| match tier {
                Tier::Secured => tiers.secured,
                _ => tiers.pledged,
            };
            let cash_total = of(&dashboard.cash);
            prop_assert_eq!(cash_total, counted(tier, &cash));
            // By partner group: all cash.
            let by_group: Decimal = dashboard.by_group.iter().map(|b| of(&b.tiers)).sum();
            prop_assert_eq!(by_group, cash_total);
            // By instrument: cash, guarantees and in kind.
            let by_instrument: Decimal = dashboard.by_instrument.iter().map(|b| of(&b.tiers)).sum();
            prop_assert_eq!(
                by_instrument,
                cash_total + of(&dashboard.guarantees) + of(&dashboard.in_kind)
            );
            // By earmark: the components', the cities' and the programme's
            // cash make up all of it.
            let by_component: Decimal = dashboard.by_component.iter().map(|b| of(&b.tiers)).sum();
            let by_city: Decimal = dashboard.by_city.iter().map(|b| of(&b.tiers)).sum();
            let programme = counted(tier, &|c| cash(c) && c.earmark == Earmark::Programme);
            prop_assert_eq!(by_component + by_city + programme, cash_total);
        }
        // What is required by component adds up to the budget.
        let by_component: Decimal = dashboard.by_component.iter().filter_map(|b| b.required).sum();
        prop_assert_eq!(by_component, dashboard.costing.budget);
    }
}
