//! Stage 1, the project design: texts and items edited together, the template, the logframe and the risk matrix, item forms.

use super::*;

#[test]
fn the_second_of_two_saves_from_the_same_start_is_told_and_shown_the_first() {
    let (mut state, _) = demo();
    let mut orgs = state.organisations.keys().copied();
    let (a, b) = (orgs.next().unwrap(), orgs.next().unwrap());
    let delegate = |organisation| Actor::Delegate {
        organisation,
        delegate: None,
    };
    let start = state
        .design_versions
        .get(&DesignField::Rationale)
        .copied()
        .unwrap_or(0);
    let save = |text: &str, based_on| {
        Command::SetDesignText(DesignText {
            field: DesignField::Rationale,
            text: text.into(),
            based_on: Some(based_on),
        })
    };
    state
        .execute(&delegate(a), save("Ports first.", start), now())
        .unwrap();
    let second = decide(&state, &delegate(b), save("Borders first.", start), now());
    let Err(AppError::EditedMeanwhile { theirs, version }) = second else {
        panic!("expected a conflict, got {second:?}");
    };
    assert_eq!(theirs, "Ports first.");
    // Having seen it, the second person may keep their own text.
    state
        .execute(&delegate(b), save("Borders first.", version), now())
        .unwrap();
    assert_eq!(state.design.rationale, "Borders first.");

    // A locked stage is read-only for delegates, not for facilitators.
    as_system(
        &mut state,
        Command::SetStageStatus {
            stage: Stage::ProjectDesign,
            status: StageStatus::Locked,
        },
    );
    let version = state.design_versions[&DesignField::Rationale];
    let refused = decide(&state, &delegate(a), save("Again.", version), now());
    assert_eq!(refused, Err(AppError::StageLocked(Stage::ProjectDesign)));
}

fn indicator_of(state: &WorkshopState, n: usize) -> Indicator {
    state.design.indicators[n].clone()
}

#[test]
fn the_template_fills_an_empty_design_once() {
    let (state, _) = demo();
    let refused = decide(
        &state,
        &Actor::System,
        Command::StartDesign {
            start: DesignStart::Blank,
        },
        now(),
    );
    assert_eq!(refused, Err(AppError::invalid("start", Problem::AlreadyStarted)));

    let mut fresh = WorkshopState::default();
    fresh
        .execute(&Actor::System, demo_commands().remove(0).1, now())
        .unwrap();
    fresh
        .execute(
            &Actor::System,
            Command::StartDesign {
                start: DesignStart::CustomsLogistics,
            },
            now(),
        )
        .unwrap();
    assert_eq!(fresh.design.components.len(), 12);
    assert_eq!(fresh.design.outputs.len(), 4);
    assert!(fresh
        .design
        .indicators
        .iter()
        .any(|i| i.name.contains("release time")));
    assert!(fresh
        .design
        .components
        .iter()
        .any(|c| c.tfa.contains(&"10.4".to_string())));
    assert_eq!(fresh.design.phases.len(), 3);
    // Every template item is valid as the room would save it.
    for item in crate::domain::template::customs_logistics(WorkshopId::random()) {
        assert!(item.validate().is_ok(), "{item:?}");
    }
    // Started blank, nothing is filled in.
    let mut blank = WorkshopState::default();
    blank
        .execute(&Actor::System, demo_commands().remove(0).1, now())
        .unwrap();
    blank
        .execute(
            &Actor::System,
            Command::StartDesign {
                start: DesignStart::Blank,
            },
            now(),
        )
        .unwrap();
    assert_eq!(blank.design.start, Some(DesignStart::Blank));
    assert!(blank.design.components.is_empty());
}

#[test]
fn two_delegates_editing_different_outputs_both_keep_their_work() {
    let (mut state, _) = demo();
    let (a, b) = (delegate_of(&state, 0), delegate_of(&state, 1));
    let mut first = state.design.outputs[0].clone();
    let mut second = state.design.outputs[1].clone();
    let (v1, v2) = (
        state.item_version(&DesignItem::Output(first.clone()).key()),
        state.item_version(&DesignItem::Output(second.clone()).key()),
    );
    first.title = "Edited by A".into();
    second.title = "Edited by B".into();
    state
        .execute(&a, save_item(DesignItem::Output(first), Some(v1)), now())
        .unwrap();
    state
        .execute(&b, save_item(DesignItem::Output(second), Some(v2)), now())
        .unwrap();
    assert_eq!(state.design.outputs[0].title, "Edited by A");
    assert_eq!(state.design.outputs[1].title, "Edited by B");
}

#[test]
fn the_second_save_of_the_same_indicator_is_told_and_may_keep_its_own() {
    let (mut state, _) = demo();
    let (a, b) = (delegate_of(&state, 0), delegate_of(&state, 1));
    let original = indicator_of(&state, 4);
    let key = DesignItem::Indicator(original.clone()).key();
    let version = state.item_version(&key);
    let mut mine = original.clone();
    mine.target = Some(dec!(20));
    let mut theirs = original.clone();
    theirs.target = Some(dec!(12));
    state
        .execute(
            &a,
            save_item(DesignItem::Indicator(theirs.clone()), Some(version)),
            now(),
        )
        .unwrap();
    let refused = state.execute(
        &b,
        save_item(DesignItem::Indicator(mine.clone()), Some(version)),
        now(),
    );
    let Err(AppError::ItemEditedMeanwhile {
        theirs: Some(seen),
        version: now_at,
    }) = refused
    else {
        panic!("expected a conflict, got {refused:?}");
    };
    assert_eq!(*seen, DesignItem::Indicator(theirs));
    assert_eq!(
        indicator_of(&state, 4).target,
        Some(dec!(12)),
        "nothing was overwritten"
    );
    // B keeps their own, saving again from the version they were shown.
    state
        .execute(&b, save_item(DesignItem::Indicator(mine), Some(now_at)), now())
        .unwrap();
    assert_eq!(indicator_of(&state, 4).target, Some(dec!(20)));
    // A retried save of what is already there changes nothing and is no conflict.
    let same = indicator_of(&state, 4);
    assert_eq!(
        decide(&state, &a, save_item(DesignItem::Indicator(same), Some(1)), now()),
        Ok(vec![])
    );
}

#[test]
fn removing_an_output_takes_its_activities_and_indicators_along() {
    let (mut state, _) = demo();
    let output = state.design.outputs[0].id;
    assert!(state.design.activities.iter().any(|a| a.output == output));
    as_system(
        &mut state,
        Command::RemoveItem {
            key: ItemKey::Output { id: output },
            based_on: None,
        },
    );
    assert!(!state.design.activities.iter().any(|a| a.output == output));
    assert!(!state
        .design
        .indicators
        .iter()
        .any(|i| i.level == ResultLevel::Output(output)));
    assert!(!state
        .design
        .components
        .iter()
        .any(|c| c.outputs.contains(&output)));
    // A component with commitments earmarked to it stays.
    let earmarked = state
        .commitments
        .values()
        .find_map(|c| match c.earmark {
            Earmark::Component { component } => Some(component),
            _ => None,
        })
        .unwrap();
    let refused = decide(
        &state,
        &Actor::System,
        Command::RemoveItem {
            key: ItemKey::Component { id: earmarked },
            based_on: None,
        },
        now(),
    );
    assert_eq!(
        refused,
        Err(AppError::invalid("component", Problem::HasCommitments))
    );
}

#[test]
fn the_logframe_and_the_risk_matrix_show_the_design() {
    let (state, _) = demo();
    let [goal, purpose, outputs, activities] = logframe(&state.design);
    assert_eq!(goal.narrative, vec![state.design.goal.clone()]);
    assert!(goal
        .indicators
        .iter()
        .any(|l| l.contains("Logistics Performance Index")));
    assert!(
        purpose
            .indicators
            .iter()
            .any(|l| l.contains("48 → 24 hours (2029)")),
        "{:?}",
        purpose.indicators
    );
    assert_eq!(outputs.narrative.len(), state.design.outputs.len());
    assert!(!activities.narrative.is_empty());
    let matrix = risk_matrix(&state.design.risks, Rating::Inherent);
    let placed: usize = matrix.iter().flatten().map(Vec::len).sum();
    assert_eq!(placed, state.design.risks.len());
    let first = &state.design.risks[0];
    assert!(matrix[usize::from(first.likelihood - 1)][usize::from(first.impact - 1)].contains(&0));
    assert_eq!(risk_band(5, 5), RiskBand::High);
    assert_eq!(risk_band(1, 2), RiskBand::Low);
    assert_eq!(duration(&state.design.phases), Some((2027, 2029)));
}

#[test]
fn a_form_reports_every_problem_next_to_its_field_and_round_trips() {
    use crate::domain::item_form::{from_form, to_form, FormValues};
    let usd = crate::domain::money::Currency::parse("USD").unwrap();
    let key = ItemKey::Indicator {
        id: IndicatorId::random(),
    };
    let values: FormValues = [
        ("level", "outcome"),
        ("name", ""),
        ("unit", "hours"),
        ("baseline", "4x"),
        ("target_year", "1800"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let problems = from_form(key, &values, usd).unwrap_err();
    assert_eq!(problems.get("name").map(|p| p.code()), Some("length"));
    assert_eq!(problems.get("baseline").map(|p| p.code()), Some("number"));
    assert_eq!(problems.get("target_year").map(|p| p.code()), Some("range"));

    let phase = ItemKey::Phase {
        id: PhaseId::random(),
    };
    let values: FormValues = [("name", "Pilot"), ("start_year", "2029"), ("end_year", "2027")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(
        from_form(phase, &values, usd)
            .unwrap_err()
            .get("end_year")
            .map(|p| p.code()),
        Some("end_before_start")
    );
    let component_key = ItemKey::Component {
        id: ComponentId::random(),
    };
    let values: FormValues = [
        ("code", "C1"),
        ("title", "T"),
        ("cost:2027", "-5"),
        ("tfa", "99.9"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let problems = from_form(component_key, &values, usd).unwrap_err();
    assert_eq!(problems.get("cost:2027").map(|p| p.code()), Some("negative"));
    assert_eq!(problems.get("tfa").map(|p| p.code()), Some("unknown_tfa_measure"));

    let (state, _) = demo();
    for item in state
        .design
        .components
        .iter()
        .cloned()
        .map(DesignItem::Component)
        .chain(state.design.indicators.iter().cloned().map(DesignItem::Indicator))
        .chain(state.design.risks.iter().cloned().map(DesignItem::Risk))
        .chain(state.partnership.bodies.iter().cloned().map(DesignItem::Body))
        .chain(
            state
                .partnership
                .agreements
                .values()
                .cloned()
                .map(DesignItem::Agreement),
        )
        .chain(state.partnership.roles.values().cloned().map(DesignItem::Roles))
    {
        assert_eq!(from_form(item.key(), &to_form(&item), usd), Ok(item.clone()));
    }
}

#[test]
fn older_outputs_with_nested_indicators_fold_into_the_flat_list() {
    let (mut state, _) = demo();
    let output = OutputId::random();
    let indicator = Indicator {
        id: IndicatorId::default(),
        level: ResultLevel::Outcome,
        name: "Old".into(),
        unit: "%".into(),
        baseline: Some(dec!(1)),
        baseline_year: None,
        target: Some(dec!(2)),
        target_year: Some(2029),
        means_of_verification: String::new(),
        by_city: Vec::new(),
        measure: IndicatorMeasure::Unit,
        ascending: true,
    };
    let json = serde_json::json!({
        "type": "output_added",
        "output": {"id": output, "code": "9", "title": "Old output",
                   "indicators": [{"name": "Old", "unit": "%", "baseline": "1", "target": "2",
                                   "target_year": 2029, "means_of_verification": ""}]}
    });
    let event: crate::domain::event::Event = serde_json::from_value(json).unwrap();
    let seq = state.version + 1;
    state.apply(&StoredEvent {
        seq,
        recorded_at: now(),
        actor: Actor::System,
        event,
    });
    let folded = state.design.indicators.last().unwrap();
    assert_eq!(folded.level, ResultLevel::Output(output));
    assert_eq!(folded.name, indicator.name);
    assert_ne!(folded.id, IndicatorId::default());
    assert!(state.design.outputs.iter().all(|o| o.indicators.is_empty()));
}

proptest! {
    /// Every risk lands in exactly one cell of the 5×5 matrix, the one of
    /// its likelihood and impact, and a form round-trips its values.
    #[test]
    fn each_risk_sits_in_its_own_cell_and_its_form_round_trips(
        scores in proptest::collection::vec((1u8..=5, 1u8..=5), 0..30),
    ) {
        use crate::domain::item_form::{from_form, to_form};
        let usd = crate::domain::money::Currency::parse("USD").unwrap();
        let risks: Vec<Risk> = scores
            .iter()
            .map(|(likelihood, impact)| Risk {
                id: RiskId::random(),
                description: format!("L{likelihood} I{impact}"),
                category: RiskCategory::Technical,
                likelihood: *likelihood,
                impact: *impact,
                mitigation: String::new(),
                owner: None,
                residual_likelihood: None,
                residual_impact: None,
            })
            .collect();
        let matrix = risk_matrix(&risks, Rating::Inherent);
        for (n, risk) in risks.iter().enumerate() {
            let holding: Vec<(usize, usize)> = (0..5)
                .flat_map(|l| (0..5).map(move |i| (l, i)))
                .filter(|(l, i)| matrix[*l][*i].contains(&n))
                .collect();
            prop_assert_eq!(holding, vec![(usize::from(risk.likelihood - 1), usize::from(risk.impact - 1))]);
            let item = DesignItem::Risk(risk.clone());
            prop_assert_eq!(from_form(item.key(), &to_form(&item), usd), Ok(item));
        }
    }
}

/// IATI's measure and ascending: kept through a form, and indicators saved
/// before they were asked read as units where higher is better.
#[test]
fn an_indicator_carries_its_iati_measure_and_direction() {
    use crate::domain::item_form::{from_form, to_form};
    let (state, _) = demo();
    let usd = crate::domain::money::Currency::parse("USD").unwrap();
    let release_time = Indicator {
        measure: IndicatorMeasure::Unit,
        ascending: false,
        ..indicator_of(&state, 0)
    };
    let share = Indicator {
        measure: IndicatorMeasure::Percentage,
        ascending: true,
        ..indicator_of(&state, 1)
    };
    for indicator in [release_time, share] {
        let item = DesignItem::Indicator(indicator);
        assert_eq!(from_form(item.key(), &to_form(&item), usd), Ok(item));
    }
    let codes: Vec<u8> = IndicatorMeasure::ALL.iter().map(|m| m.iati_code()).collect();
    assert_eq!(codes, vec![1, 2, 3, 4, 5]);
    let mut old = serde_json::to_value(indicator_of(&state, 0)).unwrap();
    old.as_object_mut()
        .unwrap()
        .retain(|k, _| k != "measure" && k != "ascending");
    let old: Indicator = serde_json::from_value(old).unwrap();
    assert_eq!((old.measure, old.ascending), (IndicatorMeasure::Unit, true));
}
