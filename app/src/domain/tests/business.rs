//! Stage 3, the business model: the structure a room's choices amount to,
//! who may settle what, what its items must agree with, and its forms.

use super::*;
use crate::domain::business::*;
use crate::domain::item_form::{from_form, to_form};
use crate::domain::money::Currency;
use std::collections::BTreeSet;

fn structure(private: &[PppFunction], payer: Payer, asset: AssetKind, ownership: Ownership) -> PppStructure {
    PppStructure {
        private: private.iter().copied().collect(),
        payer,
        asset,
        ownership,
        term_years: 15,
        chosen: None,
    }
}

#[test]
fn the_suggested_structure_follows_the_textbook_cases() {
    use AssetKind::*;
    use PppFunction::*;
    let all = [Design, Build, Finance, Maintain, Operate];
    let cases = [
        (
            structure(&[Design, Build], Payer::Government, New, Ownership::Public),
            NamedStructure::PublicProcurement,
        ),
        (
            structure(
                &[Operate, Maintain],
                Payer::Government,
                Existing,
                Ownership::Public,
            ),
            NamedStructure::ManagementContract,
        ),
        (
            structure(&[Operate, Maintain], Payer::Users, Existing, Ownership::Public),
            NamedStructure::Lease,
        ),
        (
            structure(
                &[Design, Build, Operate, Maintain],
                Payer::Government,
                New,
                Ownership::Public,
            ),
            NamedStructure::Dbom,
        ),
        (
            structure(&all, Payer::Users, New, Ownership::Public),
            NamedStructure::Bot,
        ),
        (
            structure(&all, Payer::Users, New, Ownership::PrivateUntilTransfer),
            NamedStructure::Boot,
        ),
        (
            structure(&all, Payer::Users, New, Ownership::Private),
            NamedStructure::Boo,
        ),
        (
            structure(&all, Payer::Mixed, New, Ownership::Public),
            NamedStructure::Dbfom,
        ),
        (
            structure(&all, Payer::Government, New, Ownership::Public),
            NamedStructure::AvailabilityPpp,
        ),
        (
            structure(
                &[Finance, Operate, Maintain],
                Payer::Users,
                Existing,
                Ownership::Public,
            ),
            NamedStructure::Concession,
        ),
    ];
    for (choices, expected) in cases {
        assert_eq!(choices.suggested(), expected, "{choices:?}");
        assert_eq!(choices.named(), expected);
    }
    let overridden = PppStructure {
        chosen: Some(NamedStructure::Concession),
        ..structure(&all, Payer::Users, New, Ownership::Public)
    };
    assert_eq!(overridden.named(), NamedStructure::Concession);
}

#[test]
fn the_demo_carries_a_fee_based_model_over_fifteen_years() {
    let (state, _) = demo();
    let business = &state.business;
    assert_eq!(business.term(), Some(15));
    assert_eq!(
        business.structure.as_ref().map(|s| s.named()),
        Some(NamedStructure::Bot)
    );
    assert!(business
        .revenues
        .iter()
        .any(|r| r.kind == RevenueKind::PerDeclarationFee));
    let blocks: BTreeSet<_> = business.canvas.iter().map(|e| e.block).collect();
    assert_eq!(blocks.len(), 9, "every block of the canvas has an item");
    assert_eq!(state.stage_status(Stage::BusinessModel), StageStatus::Open);
    for step in Step::of(Stage::BusinessModel) {
        assert!(
            step_done(&state.design, &state.partnership, business, *step) || *step == Step::RiskAllocation,
            "{step:?}"
        );
    }
}

#[test]
fn only_a_facilitator_overrides_the_structure_the_room_chose() {
    let (mut state, _) = demo();
    let delegate = delegate_of(&state, 0);
    let mut chosen = state.business.structure.clone().unwrap();
    chosen.chosen = Some(NamedStructure::Concession);
    let refused = state.execute(
        &delegate,
        save_item(DesignItem::Structure(chosen.clone()), None),
        now(),
    );
    assert_eq!(
        refused,
        Err(AppError::invalid("chosen", Problem::FacilitatorOnly))
    );
    assert_eq!(state.business.structure.as_ref().unwrap().chosen, None);
    // The delegate may still change the parts.
    let mut parts = state.business.structure.clone().unwrap();
    parts.term_years = 20;
    state
        .execute(&delegate, save_item(DesignItem::Structure(parts), None), now())
        .unwrap();
    assert_eq!(state.business.term(), Some(20));
    as_system(&mut state, save_item(DesignItem::Structure(chosen), None));
    assert_eq!(
        state.business.structure.as_ref().unwrap().named(),
        NamedStructure::Concession
    );
}

#[test]
fn delegates_vote_for_their_own_organisation_and_only_a_facilitator_settles() {
    let (mut state, _) = demo();
    let risk = state.design.risks[3].id;
    let delegate = delegate_of(&state, 2);
    let Actor::Delegate {
        organisation: own, ..
    } = delegate
    else {
        unreachable!()
    };
    let other = *state.organisations.keys().nth(3).unwrap();
    let vote = |organisation| {
        save_item(
            DesignItem::Vote(AllocationVote {
                risk,
                organisation,
                allocation: Allocation::Private,
            }),
            None,
        )
    };
    assert_eq!(
        state.execute(&delegate, vote(other), now()),
        Err(AppError::Forbidden)
    );
    state.execute(&delegate, vote(own), now()).unwrap();
    let counted = consensus(&state.business.votes).remove(&risk).unwrap();
    assert_eq!((counted.votes, counted.leading()), (1, Some(Allocation::Private)));
    let settle = save_item(
        DesignItem::Allocation(RiskAllocation {
            risk,
            allocation: Allocation::Shared,
        }),
        None,
    );
    assert_eq!(
        state.execute(&delegate, settle.clone(), now()),
        Err(AppError::Forbidden)
    );
    as_system(&mut state, settle);
    assert_eq!(state.business.allocation_of(risk), Some(Allocation::Shared));
}

#[test]
fn a_removed_risk_takes_its_allocation_and_votes_with_it() {
    let (mut state, _) = demo();
    let risk = state.design.risks[1].id;
    assert!(state.business.votes.iter().any(|v| v.risk == risk));
    as_system(
        &mut state,
        Command::RemoveItem {
            key: ItemKey::Risk { id: risk },
            based_on: None,
        },
    );
    assert!(!state.business.votes.iter().any(|v| v.risk == risk));
    assert_eq!(state.business.allocation_of(risk), None);
}

#[test]
fn items_refer_to_what_exists_and_stay_within_the_term() {
    let (mut state, _) = demo();
    let version = state.version;
    let mut late = state.business.revenues[0].clone();
    late.first_year = 15;
    let refused = decide(
        &state,
        &Actor::System,
        save_item(DesignItem::Revenue(late), None),
        now(),
    );
    assert_eq!(refused, Err(AppError::invalid("first_year", Problem::BeyondTerm)));
    let vote = DesignItem::Allocation(RiskAllocation {
        risk: RiskId::random(),
        allocation: Allocation::Public,
    });
    let refused = state.execute(&Actor::System, save_item(vote, None), now());
    assert_eq!(refused, Err(AppError::invalid("risk", Problem::UnknownRisk)));
    let mut capex = state.business.capex[0].clone();
    capex.component = Some(ComponentId::random());
    let refused = state.execute(&Actor::System, save_item(DesignItem::Capex(capex), None), now());
    assert_eq!(
        refused,
        Err(AppError::invalid("component", Problem::UnknownComponent))
    );
    assert_eq!(state.version, version, "nothing was stored");
}

#[test]
fn every_business_item_reads_back_from_its_form() {
    let (state, _) = demo();
    let usd = Currency::parse("USD").unwrap();
    let items: Vec<DesignItem> = [ItemKey::Structure, ItemKey::Assumptions]
        .into_iter()
        .chain(state.business.canvas.iter().map(|e| ItemKey::Canvas { id: e.id }))
        .chain(
            state
                .business
                .revenues
                .iter()
                .map(|r| ItemKey::Revenue { id: r.id }),
        )
        .chain(state.business.capex.iter().map(|c| ItemKey::Capex { id: c.id }))
        .chain(state.business.opex.iter().map(|o| ItemKey::Opex { id: o.id }))
        .chain(
            state
                .business
                .allocations
                .iter()
                .map(|a| ItemKey::Allocation { risk: a.risk }),
        )
        .chain(state.business.votes.iter().map(|v| ItemKey::Vote {
            risk: v.risk,
            organisation: v.organisation,
        }))
        .map(|key| state.item(&key).expect("saved"))
        .collect();
    assert!(items.len() > 25);
    for item in items {
        assert_eq!(item.key().stage(), Stage::BusinessModel);
        let read = from_form(item.key(), &to_form(&item), usd);
        assert_eq!(read, Ok(item));
    }
}

#[test]
fn a_form_says_what_is_wrong_with_each_field() {
    let usd = Currency::parse("USD").unwrap();
    let values = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let revenue = ItemKey::Revenue {
        id: RevenueId::random(),
    };
    let problems = from_form(
        revenue,
        &values(&[
            ("name", ""),
            ("kind", "free_tier"),
            ("price", "2"),
            ("volume", "1.234"),
            ("price_growth_percent", "250"),
            ("first_year", "x"),
        ]),
        usd,
    )
    .unwrap_err();
    assert_eq!(problems.get("price"), Some(&Problem::FreeTierHasNoPrice));
    assert_eq!(problems.get("volume"), Some(&Problem::TooManyDecimals));
    assert_eq!(problems.get("first_year"), Some(&Problem::WholeNumber));
    assert_eq!(
        problems.get("price_growth_percent"),
        Some(&Problem::RateOutOfRange)
    );
    assert_eq!(problems.get("name"), Some(&Problem::Length));
    let problems = from_form(
        ItemKey::Assumptions,
        &values(&[
            ("first_year", "2027"),
            ("discount_rate_percent", "45"),
            ("contingency_percent", "10.123"),
        ]),
        usd,
    )
    .unwrap_err();
    assert_eq!(
        problems.get("discount_rate_percent"),
        Some(&Problem::RateOutOfRange)
    );
    assert_eq!(
        problems.get("contingency_percent"),
        Some(&Problem::RateTooPrecise)
    );
    let problems = from_form(
        ItemKey::Structure,
        &values(&[("payer", "nobody"), ("term_years", "80")]),
        usd,
    )
    .unwrap_err();
    assert_eq!(problems.get("payer"), Some(&Problem::Required));
    assert_eq!(problems.get("term_years"), Some(&Problem::Range));
}

#[test]
fn every_stage_three_key_belongs_to_stage_three_and_no_other_key_does() {
    let risk = RiskId::random();
    let organisation = OrganisationId::random();
    let keys = [
        ItemKey::Structure,
        ItemKey::Assumptions,
        ItemKey::Canvas {
            id: CanvasEntryId::random(),
        },
        ItemKey::Revenue {
            id: RevenueId::random(),
        },
        ItemKey::Capex {
            id: CapexId::random(),
        },
        ItemKey::Opex { id: OpexId::random() },
        ItemKey::Allocation { risk },
        ItemKey::Vote { risk, organisation },
    ];
    for key in keys {
        assert_eq!(key.stage(), Stage::BusinessModel, "{key:?}");
    }
    assert_eq!(ItemKey::Vote { risk, organisation }.owner(), Some(organisation));
    assert!(ItemKey::Allocation { risk }.facilitator_only());
    assert_eq!(ItemKey::Body { id: BodyId::random() }.stage(), Stage::Partnership);
}

proptest! {
    #[test]
    fn consensus_counts_every_vote_once(votes in proptest::collection::vec((0usize..3, 0usize..3), 0..30)) {
        let risks = [RiskId::random(), RiskId::random(), RiskId::random()];
        let ballots: Vec<AllocationVote> = votes
            .iter()
            .map(|(r, a)| AllocationVote { risk: risks[*r], organisation: OrganisationId::random(), allocation: Allocation::ALL[*a] })
            .collect();
        let counted = consensus(&ballots);
        let total: u32 = counted.values().map(|c| c.votes).sum();
        prop_assert_eq!(total as usize, ballots.len());
        for c in counted.values() {
            prop_assert_eq!(c.counts.values().sum::<u32>(), c.votes);
            let shares: u32 = Allocation::ALL.iter().map(|a| u32::from(c.share(*a))).sum();
            prop_assert!(shares <= 100);
        }
    }
}

fn computed(state: &WorkshopState) -> Computed {
    match crate::domain::business_view::figures_of(state) {
        ModelFigures::Computed(computed) => *computed,
        other => panic!("the demo's model computes: {other:?}"),
    }
}

#[test]
fn the_demo_models_figures_follow_from_its_inputs() {
    let (mut state, _) = demo();
    let figures = computed(&state);
    let projection = &figures.projection;
    assert_eq!(projection.rows.len(), 15);
    // Year 1: 2,400,000 declarations at USD 4.50 and 1,500 subscriptions
    // at USD 1,200; the free tier pays nothing.
    assert_eq!(projection.rows[1].revenue, dec!(12600000.00));
    assert!(
        matches!(projection.irr, crate::domain::finance::Irr::Unique { .. }),
        "{:?}",
        projection.irr
    );
    assert_eq!(
        projection.rows.last().unwrap().cumulative,
        projection.rows.iter().map(|r| r.net).sum::<Decimal>()
    );
    // Stage 4's two loans carry their terms into the debt service.
    assert_eq!(figures.financing.loans.len(), 2);
    assert!(projection.rows.iter().all(|r| r.debt_service > Decimal::ZERO));
    // The hours saved come from stage 1's release time, 48 to 24 hours.
    assert_eq!(figures.hours_saved, Some((dec!(24), true)));
    // USD 4.50 is above the service's cost per declaration: flagged.
    let fee = state.business.revenues[0].id;
    assert_eq!(figures.fee_flags, vec![(fee, FeeFlag::AboveCost)]);
    assert!(figures.cost_per_declaration.unwrap() < dec!(4.50));

    // A new price changes every figure that depends on it, at once.
    let mut cheaper = state.business.revenues[0].clone();
    cheaper.price = dec!(2.00);
    as_system(&mut state, save_item(DesignItem::Revenue(cheaper), None));
    let after = computed(&state);
    assert_eq!(after.projection.rows[1].revenue, dec!(6600000.00));
    assert!(after.projection.npv < projection.npv);
    assert!(
        after.fee_flags.is_empty(),
        "USD 2 is below the cost of the service"
    );
}

#[test]
fn a_fee_set_on_the_goods_value_is_flagged_whatever_its_level() {
    let (mut state, _) = demo();
    let mut fee = state.business.revenues[0].clone();
    fee.basis = FeeBasis::PercentOfValue;
    fee.price = dec!(0.10);
    as_system(&mut state, save_item(DesignItem::Revenue(fee.clone()), None));
    assert_eq!(computed(&state).fee_flags, vec![(fee.id, FeeFlag::AdValorem)]);
}

#[test]
fn a_model_without_its_term_or_assumptions_says_so() {
    let (mut state, _) = demo();
    as_system(
        &mut state,
        Command::RemoveItem {
            key: ItemKey::Assumptions,
            based_on: None,
        },
    );
    assert_eq!(
        crate::domain::business_view::figures_of(&state),
        ModelFigures::Incomplete
    );
}

#[test]
fn a_full_list_refuses_one_more_item_and_still_takes_edits() {
    let (mut state, _) = demo();
    let template = state.business.revenues[0].clone();
    while state.business.revenues.len() < MOST_REVENUE_STREAMS {
        let more = RevenueStream {
            id: RevenueId::random(),
            ..template.clone()
        };
        as_system(&mut state, save_item(DesignItem::Revenue(more), None));
    }
    let one_more = RevenueStream {
        id: RevenueId::random(),
        ..template.clone()
    };
    let refused = state.execute(
        &Actor::System,
        save_item(DesignItem::Revenue(one_more), None),
        now(),
    );
    assert_eq!(refused, Err(AppError::invalid("item", Problem::TooManyItems)));
    assert_eq!(state.business.revenues.len(), MOST_REVENUE_STREAMS);
    // An item already in the list is still edited.
    let edited = RevenueStream {
        price: dec!(3),
        ..template
    };
    as_system(&mut state, save_item(DesignItem::Revenue(edited), None));
    assert_eq!(state.business.revenues[0].price, dec!(3));
}
