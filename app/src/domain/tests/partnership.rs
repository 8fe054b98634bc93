//! Stage 2, the partnership: an organisation's own records, and the responsibility matrix's flags.

use super::*;

/// An empty partnership agreement of `organisation`, saved as new.
fn agreement_of(organisation: OrganisationId) -> Command {
    let agreement = Agreement {
        organisation,
        ..Agreement::default()
    };
    save_item(DesignItem::Agreement(agreement), None)
}

#[test]
fn a_delegate_changes_only_their_own_organisations_partnership_records() {
    let (mut state, _) = demo();
    let a = delegate_of(&state, 0);
    let org_b = *state.organisations.keys().nth(1).unwrap();
    let refused = state.execute(&a, agreement_of(org_b), now());
    assert_eq!(refused, Err(AppError::Forbidden));
    assert!(!state.partnership.agreements.contains_key(&org_b));
    // And nothing once the facilitator locks the stage.
    as_system(
        &mut state,
        Command::SetStageStatus {
            stage: Stage::Partnership,
            status: StageStatus::Locked,
        },
    );
    let org_a = *state.organisations.keys().next().unwrap();
    let locked = state.execute(&a, agreement_of(org_a), now());
    assert_eq!(locked, Err(AppError::StageLocked(Stage::Partnership)));
}

#[test]
fn the_matrix_flags_a_component_with_two_accountable_partners() {
    let (mut state, _) = demo();
    let component = state.design.components[0].id;
    assert!(raci_flags(&state.design, &state.partnership)[0].1.is_empty());
    let organisation = *state.organisations.keys().nth(5).unwrap();
    let cell = |role| {
        DesignItem::Responsibility(Responsibility {
            component,
            organisation,
            role,
        })
    };
    as_system(&mut state, save_item(cell(Some(Raci::Accountable)), Some(0)));
    assert_eq!(
        raci_flags(&state.design, &state.partnership)[0].1,
        vec![RaciFlag::SeveralAccountable]
    );
    // Clearing the cell clears the flag.
    as_system(&mut state, save_item(cell(None), None));
    assert!(raci_flags(&state.design, &state.partnership)[0].1.is_empty());
}

#[test]
fn a_partner_both_accountable_and_responsible_completes_a_component() {
    let (mut state, _) = demo();
    let component = state.design.components[0].id;
    for (organisation, _) in state
        .partnership
        .responsibilities
        .iter()
        .filter(|r| r.component == component)
        .map(|r| (r.organisation, ()))
        .collect::<Vec<_>>()
    {
        as_system(
            &mut state,
            Command::RemoveItem {
                key: ItemKey::Responsibility {
                    component,
                    organisation,
                },
                based_on: None,
            },
        );
    }
    let lead = *state.organisations.keys().next().unwrap();
    let cell = |organisation, role| {
        save_item(
            DesignItem::Responsibility(Responsibility {
                component,
                organisation,
                role,
            }),
            None,
        )
    };
    as_system(&mut state, cell(lead, Some(Raci::AccountableResponsible)));
    assert!(raci_flags(&state.design, &state.partnership)[0].1.is_empty());
    assert_eq!(Raci::AccountableResponsible.letter(), "A/R");
    // An A/R and another A are two accountable partners.
    let other = *state.organisations.keys().nth(1).unwrap();
    as_system(&mut state, cell(other, Some(Raci::Accountable)));
    assert_eq!(
        raci_flags(&state.design, &state.partnership)[0].1,
        vec![RaciFlag::SeveralAccountable]
    );
    // The cell's choice round-trips through its stored name.
    assert_eq!(
        serde_json::to_string(&Raci::AccountableResponsible).unwrap(),
        "\"accountable_responsible\""
    );
}

proptest! {
    /// Whatever cells the room sets, in whatever order: a component is
    /// flagged for its A's exactly when it has none or several, for its R's
    /// exactly when it has none, and the last choice of each cell counts.
    #[test]
    fn the_matrix_flags_follow_the_cells(
        cells in proptest::collection::vec((0usize..4, 0usize..6, 0usize..6), 0..60),
    ) {
        let (mut state, _) = demo();
        let components: Vec<ComponentId> = state.design.components.iter().take(4).map(|c| c.id).collect();
        let organisations: Vec<OrganisationId> = state.organisations.keys().take(6).copied().collect();
        let mut expected: std::collections::BTreeMap<(usize, usize), Option<Raci>> = Default::default();
        for (component, organisation) in state.partnership.responsibilities.iter().map(|r| (r.component, r.organisation)).collect::<Vec<_>>() {
            as_system(&mut state, Command::RemoveItem { key: ItemKey::Responsibility { component, organisation }, based_on: None });
        }
        for (c, o, role) in cells {
            let role = [None, Some(Raci::Responsible), Some(Raci::Accountable), Some(Raci::Consulted), Some(Raci::Informed), Some(Raci::AccountableResponsible)][role];
            as_system(&mut state, save_item(DesignItem::Responsibility(Responsibility { component: components[c], organisation: organisations[o], role }), None));
            expected.insert((c, o), role);
        }
        let flags = raci_flags(&state.design, &state.partnership);
        for (c, component) in components.iter().enumerate() {
            let roles: Vec<Raci> = expected.iter().filter(|((x, _), _)| *x == c).filter_map(|(_, r)| *r).collect();
            // An A/R cell counts as an A and as an R.
            let a = roles.iter().filter(|r| matches!(r, Raci::Accountable | Raci::AccountableResponsible)).count();
            let r = roles.iter().any(|r| matches!(r, Raci::Responsible | Raci::AccountableResponsible));
            let found = &flags.iter().find(|(id, _)| id == component).unwrap().1;
            prop_assert_eq!(found.contains(&RaciFlag::NoAccountable), a == 0);
            prop_assert_eq!(found.contains(&RaciFlag::SeveralAccountable), a > 1);
            prop_assert_eq!(found.contains(&RaciFlag::NoResponsible), !r);
        }
    }
}
