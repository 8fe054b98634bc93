//! Stages 1 and 2 on a fixed projector: built from the state, public, and
//! following what the room changes.

use super::*;
use crate::domain::stage_screens::{DesignScreen, PartnershipScreen};

#[test]
fn stage_1s_screen_has_every_component_every_risk_and_the_costing() {
    let (mut state, _) = demo();
    let screen = DesignScreen::of(&state).unwrap();
    assert_eq!(screen.components.len(), state.design.components.len());
    let costed = screen.components.iter().filter(|c| c.cost.is_some()).count();
    assert_eq!(costed, screen.costing.costed);
    assert_eq!(screen.costing.components, screen.components.len());
    let placed: usize = screen.risks.iter().flatten().sum();
    assert_eq!(placed, state.design.risks.len());
    assert_eq!(screen.walk.steps, 4);
    // A risk the room adds is on the heat map at once.
    let mut risk = state.design.risks[0].clone();
    risk.id = RiskId::random();
    (risk.likelihood, risk.impact) = (5, 5);
    as_system(
        &mut state,
        Command::SaveItem {
            item: DesignItem::Risk(risk),
            based_on: None,
        },
    );
    assert_eq!(
        DesignScreen::of(&state).unwrap().risks[4][4],
        screen.risks[4][4] + 1
    );
}

#[test]
fn stage_2s_screen_lists_every_partner_once_and_flags_what_the_matrix_lacks() {
    let (state, _) = demo();
    let screen = PartnershipScreen::of(&state).unwrap();
    let listed: usize = screen.groups.iter().map(|(_, partners)| partners.len()).sum();
    assert_eq!(listed, state.organisations.len());
    assert_eq!(screen.matrix.len(), state.design.components.len());
    let flags = |code: &str| {
        screen
            .matrix
            .iter()
            .find(|(name, _)| name.starts_with(&format!("{code} ")))
            .map(|(_, flags)| flags.clone())
            .unwrap()
    };
    assert!(flags("C6").is_empty(), "customs is A/R for customs automation");
    assert_eq!(
        flags("C3"),
        vec![RaciFlag::NoAccountable, RaciFlag::NoResponsible]
    );
    // The furthest along first within a group.
    for (_, partners) in &screen.groups {
        assert!(partners.windows(2).all(|w| w[0].stage >= w[1].stage));
    }
    assert_eq!(screen.bodies.len(), state.partnership.bodies.len());
}
