//! The participating cities as records: kept by the facilitators, picked
//! by earmarks, attributed components and indicators' values; the funding
//! gap by city and its required amounts; older text earmarks still fold.

use super::*;
use crate::domain::cities::{required_by_city, split_evenly};
use crate::domain::dashboard::Dashboard;
use crate::domain::register::earmark_label;

fn a_city(name: &str, country: &str, locode: Option<&str>) -> City {
    City {
        id: CityId::random(),
        name: name.into(),
        name_zh: None,
        country: country.into(),
        locode: locode.map(String::from),
        organisation: None,
    }
}

fn facilitator_of(state: &mut WorkshopState) -> Actor {
    let account = AccountId::random();
    as_system(state, Command::AddFacilitator { account });
    Actor::Facilitator { account }
}

fn city_named<'a>(state: &'a WorkshopState, name: &str) -> &'a City {
    state.cities.values().find(|c| c.name == name).unwrap()
}

fn bar<'a>(dashboard: &'a Dashboard, name: &str) -> &'a crate::domain::dashboard::Bar<String> {
    dashboard.by_city.iter().find(|b| b.key == name).unwrap()
}

#[test]
fn a_facilitator_adds_and_corrects_a_city_and_nobody_else_may() {
    let (mut state, _) = demo();
    let facilitator = facilitator_of(&mut state);
    let da_nang = a_city(" Da Nang ", "vn", Some("vn dad"));
    let refused = decide(
        &state,
        &delegate_of(&state, 0),
        Command::SaveCity(da_nang.clone()),
        now(),
    );
    assert_eq!(refused, Err(AppError::Forbidden));
    state
        .execute(&facilitator, Command::SaveCity(da_nang.clone()), now())
        .unwrap();
    let saved = &state.cities[&da_nang.id];
    assert_eq!(
        (
            saved.name.as_str(),
            saved.country.as_str(),
            saved.locode.as_deref()
        ),
        ("Da Nang", "VN", Some("VNDAD"))
    );
    // Saved again as it is: no change; corrected: the same record.
    let same = saved.clone();
    assert_eq!(
        decide(&state, &facilitator, Command::SaveCity(same.clone()), now()),
        Ok(vec![])
    );
    let corrected = City {
        name_zh: Some("岘港".into()),
        ..same
    };
    state
        .execute(&facilitator, Command::SaveCity(corrected), now())
        .unwrap();
    assert_eq!(state.cities[&da_nang.id].name_zh.as_deref(), Some("岘港"));
}

#[test]
fn a_city_keeps_its_rules_and_no_two_share_a_name_or_a_locode() {
    let (state, _) = demo();
    let refused = |city: City| match decide(&state, &Actor::System, Command::SaveCity(city), now()) {
        Err(AppError::Invalid(fields)) => fields.into_iter().collect::<Vec<_>>(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        refused(a_city("Da Nang", "VN", Some("VND4D-"))),
        [("locode".into(), Problem::LocodeFormat)]
    );
    assert_eq!(
        refused(a_city("Da Nang", "VN", Some("CNDAD"))),
        [("locode".into(), Problem::LocodeCountry)]
    );
    assert_eq!(
        refused(a_city("Da Nang", "Viet Nam", None)),
        [("country".into(), Problem::CountryFormat)]
    );
    assert_eq!(
        refused(a_city("shanghai", "CN", None)),
        [("name".into(), Problem::Duplicate)]
    );
    assert_eq!(
        refused(a_city("Pudong", "CN", Some("CNSHA"))),
        [("locode".into(), Problem::Duplicate)]
    );
    assert_eq!(
        refused(City {
            organisation: Some(OrganisationId::random()),
            ..a_city("Da Nang", "VN", None)
        }),
        [("organisation".into(), Problem::UnknownOrganisation)]
    );
    assert_eq!(
        refused(a_city(&"x".repeat(121), "VN", None)),
        [("name".into(), Problem::Length)]
    );
}

#[test]
fn a_city_earmark_picks_a_city_record() {
    let (mut state, _) = demo();
    let facilitator = facilitator_of(&mut state);
    let org = *state.organisations.keys().next().unwrap();
    let unknown = NewCommitment {
        earmark: Earmark::City {
            city: CityId::random(),
        },
        ..new_commitment(org, "100", "USD")
    };
    assert_eq!(
        decide(&state, &facilitator, Command::RecordCommitment(unknown), now()),
        Err(AppError::invalid("earmark", Problem::UnknownCity))
    );
    let named = NewCommitment {
        earmark: Earmark::NamedCity {
            city: "Da Nang".into(),
        },
        ..new_commitment(org, "100", "USD")
    };
    assert_eq!(
        decide(
            &state,
            &facilitator,
            Command::RecordCommitment(named.clone()),
            now()
        ),
        Err(AppError::invalid("earmark", Problem::CityRecordsOnly))
    );
    let shanghai = city_named(&state, "Shanghai").id;
    let picked = NewCommitment {
        earmark: Earmark::City { city: shanghai },
        ..named
    };
    state
        .execute(&facilitator, Command::RecordCommitment(picked.clone()), now())
        .unwrap();
    assert_eq!(
        earmark_label(&state, &state.commitments[&picked.id].earmark),
        "Shanghai (CNSHA)"
    );
}

#[test]
fn an_older_earmark_naming_a_city_folds_shows_and_may_be_kept_when_amended() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let id = CommitmentId::random();
    // As an older version stored it: the city by its text.
    let json = serde_json::json!({
        "type": "commitment_recorded",
        "commitment": {
            "id": id, "organisation": org,
            "money": {"amount": "1000", "currency": "USD"},
            "instrument": "grant", "status": "firm_commitment",
            "earmark": {"to": "city", "city": "busan"},
            "years": [2027], "conditions": "", "note": "", "public": true,
            "rate": {"currency": "USD", "per_unit": "1", "as_of": "2026-11-02", "source": "reporting currency"},
            "recorded_at": "2026-11-02T10:00:00Z"
        }
    });
    let event: crate::domain::event::Event = serde_json::from_value(json).unwrap();
    let before = Dashboard::of(&state).unwrap();
    let seq = state.version + 1;
    state.apply(&StoredEvent {
        seq,
        recorded_at: now(),
        actor: Actor::System,
        event,
    });
    let commitment = &state.commitments[&id];
    assert_eq!(commitment.earmark, Earmark::NamedCity { city: "busan".into() });
    assert_eq!(earmark_label(&state, &commitment.earmark), "busan");
    // Its text names the Busan record, so it counts for Busan.
    let after = Dashboard::of(&state).unwrap();
    assert_eq!(
        bar(&after, "Busan").tiers.secured - bar(&before, "Busan").tiers.secured,
        dec!(1000)
    );
    // Its organisation's delegate may amend it and keep the city it named.
    let amended = NewCommitment {
        id,
        organisation: org,
        money: Money::parse("1200", "USD").unwrap(),
        instrument: Instrument::Grant,
        status: CommitmentStatus::FirmCommitment,
        earmark: Earmark::NamedCity { city: "busan".into() },
        years: vec![2027],
        conditions: String::new(),
        note: String::new(),
        public: true,
        loan_terms: None,
        schedule: Vec::new(),
    };
    let delegate = Actor::Delegate {
        organisation: org,
        delegate: None,
    };
    state
        .execute(&delegate, Command::ReviseCommitment(amended), now())
        .unwrap();
    // A text no record has stays a bar of its own, with nothing required.
    let elsewhere = NewCommitment {
        earmark: Earmark::NamedCity {
            city: "Hai Phong".into(),
        },
        status: CommitmentStatus::FirmCommitment,
        ..new_commitment(org, "10", "USD")
    };
    as_system(&mut state, Command::RecordCommitment(elsewhere));
    let dashboard = Dashboard::of(&state).unwrap();
    assert_eq!(bar(&dashboard, "Hai Phong").required, None);
    assert_eq!(bar(&dashboard, "Hai Phong").tiers.secured, dec!(10));
}

#[test]
fn components_and_indicators_name_only_listed_cities() {
    let (state, _) = demo();
    let mut component = state.design.components[0].clone();
    component.cities = vec![CityId::random()];
    assert_eq!(
        decide(
            &state,
            &Actor::System,
            save_item(DesignItem::Component(component.clone()), None),
            now()
        ),
        Err(AppError::invalid("cities", Problem::UnknownCity))
    );
    let shanghai = city_named(&state, "Shanghai").id;
    component.cities = vec![shanghai, shanghai];
    assert_eq!(
        decide(
            &state,
            &Actor::System,
            save_item(DesignItem::Component(component), None),
            now()
        ),
        Err(AppError::invalid("cities", Problem::Duplicate))
    );
    let mut indicator = state.design.indicators[0].clone();
    indicator.by_city = vec![CityValues {
        city: CityId::random(),
        baseline: Some(dec!(1)),
        target: None,
    }];
    assert_eq!(
        decide(
            &state,
            &Actor::System,
            save_item(DesignItem::Indicator(indicator), None),
            now()
        ),
        Err(AppError::invalid("by_city", Problem::UnknownCity))
    );
}

#[test]
fn the_demo_gap_by_city_has_required_amounts_for_the_cities_with_costs() {
    let (state, _) = demo();
    let dashboard = Dashboard::of(&state).unwrap();
    let required = |name| bar(&dashboard, name).required;
    // C1 (20,000,000) in four pilot cities, C5 (15,000,000) in three, C7
    // (5,500,000) in three: Shanghai takes C7's left-over cent.
    assert_eq!(required("Shanghai"), Some(dec!(6833333.34)));
    assert_eq!(required("Bangkok"), Some(dec!(10000000)));
    assert_eq!(required("Manila"), Some(dec!(10000000)));
    assert_eq!(required("Colombo"), Some(dec!(10000000)));
    assert_eq!(required("Busan"), Some(dec!(1833333.33)));
    assert_eq!(required("Ho Chi Minh City"), Some(dec!(1833333.33)));
    // Shanghai's municipal grant, CNY 15,000,000 at 0.138, is secured for it.
    assert_eq!(bar(&dashboard, "Shanghai").tiers.secured, dec!(2070000));
    assert_eq!(bar(&dashboard, "Shanghai").gap(), Some(dec!(4763333.34)));
    assert_eq!(bar(&dashboard, "Bangkok").tiers.pledged, dec!(560000));
    // The screen shows the largest gaps: Bangkok, Manila and Colombo
    // (10,000,000 each, nothing secured for them yet).
    let on_screen: Vec<&str> = dashboard
        .cities_on_screen()
        .iter()
        .map(|b| b.key.as_str())
        .collect();
    assert_eq!(on_screen, ["Bangkok", "Colombo", "Manila"]);
    // Cities with neither a cost nor cash are left off the screen.
    assert!(dashboard.by_city.iter().all(|b| b.key != "Karachi"));
    // The commitments page carries the same breakdown.
    let view = crate::domain::commitments_view::CommitmentsView::of(&state, &Actor::System).unwrap();
    assert_eq!(view.dashboard.by_city, dashboard.by_city);
    assert!(view
        .choices
        .earmarks
        .iter()
        .any(|(code, label)| code.starts_with("city:") && label == "Shanghai (CNSHA)"));
}

#[test]
fn an_even_split_adds_up_and_differs_by_a_cent_at_most() {
    let shares = split_evenly(dec!(5500000), 3, usd());
    assert_eq!(shares.iter().copied().sum::<Decimal>(), dec!(5500000));
    assert_eq!(shares, [dec!(1833333.34), dec!(1833333.33), dec!(1833333.33)]);
}

proptest! {
    /// However components are costed and attributed, the cities' required
    /// amounts add up to the cost of the attributed components to the
    /// cent, and no two shares of one component differ by more than a cent.
    #[test]
    fn the_cities_required_amounts_add_up_to_the_attributed_costs(
        costs in proptest::collection::vec(proptest::collection::vec(0u64..=10_000_000_000u64, 0..4), 1..8),
        attributions in proptest::collection::vec(proptest::collection::vec(0usize..12, 0..6), 1..8),
    ) {
        let (mut state, _) = demo();
        let cities: Vec<CityId> = state.cities.keys().copied().collect();
        let mut attributed_cost = Decimal::ZERO;
        for (n, (cents, chosen)) in costs.iter().zip(&attributions).enumerate() {
            let mut component = state.design.components[n % state.design.components.len()].clone();
            component.id = ComponentId::random();
            component.code = format!("P{n}");
            component.yearly_cost = cents
                .iter()
                .zip(2027u16..)
                .map(|(cents, year)| CostLine {
                    year,
                    amount: Money::new(Decimal::new(*cents as i64, 2), usd()).unwrap(),
                })
                .collect();
            let mut picked: Vec<CityId> = chosen.iter().map(|i| cities[*i % cities.len()]).collect();
            picked.dedup();
            picked.sort();
            picked.dedup();
            component.cities = picked.clone();
            as_system(&mut state, save_item(DesignItem::Component(component.clone()), None));
            if !picked.is_empty() {
                attributed_cost += component.yearly_cost.iter().map(|l| l.amount.amount).sum::<Decimal>();
                let total: Decimal = component.yearly_cost.iter().map(|l| l.amount.amount).sum();
                let shares = split_evenly(total, picked.len(), usd());
                let most = shares.iter().max().unwrap();
                let least = shares.iter().min().unwrap();
                prop_assert!(*most - *least <= dec!(0.01));
            }
        }
        // The demo's own attributed components count too.
        let demo_attributed: Decimal = state
            .design
            .components
            .iter()
            .filter(|c| !c.cities.is_empty() && !c.code.starts_with('P'))
            .map(|c| c.yearly_cost.iter().map(|l| l.amount.amount).sum::<Decimal>())
            .sum();
        let required = required_by_city(&state).unwrap();
        prop_assert_eq!(required.values().copied().sum::<Decimal>(), attributed_cost + demo_attributed);
        let dashboard = Dashboard::of(&state).unwrap();
        let on_screen: Decimal = dashboard.by_city.iter().filter_map(|b| b.required).sum();
        prop_assert_eq!(on_screen, attributed_cost + demo_attributed);
    }
}
