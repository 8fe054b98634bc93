//! The consolidated proposal: assembled from the state, issued in numbered
//! versions that never change, compared, and masked as the screen masks.

use super::*;
use crate::domain::dashboard::{Dashboard, PublicName};
use crate::domain::proposal::*;

fn issue(label: &str) -> Command {
    Command::IssueProposal(NewProposalVersion { label: label.into() })
}

#[test]
fn the_demo_proposal_has_every_part_and_the_dashboards_figures() {
    let (state, _) = demo();
    let proposal = Proposal::of(&state, &Actor::System).unwrap();
    assert_eq!(proposal.schema, PROPOSAL_SCHEMA);
    assert_eq!(Some(proposal.financing.clone()), Dashboard::of(&state));
    assert_eq!(proposal.partners.len(), state.organisations.len());
    assert_eq!(proposal.components.len(), state.design.components.len());
    assert_eq!(proposal.risks.len(), state.design.risks.len());
    assert!(proposal.business.structure.is_some() && proposal.business.figures.is_some());
    // The demo costs only part of its components, and says so.
    assert!(proposal.missing[&SectionId::Components].contains(&Gap::Costing));
    assert!(!proposal.missing.contains_key(&SectionId::Financing));
    // The demo's narrative of the proposal itself is for the facilitator.
    assert_eq!(
        proposal.missing[&SectionId::Sustainability],
        [Gap::SustainabilityText]
    );
}

#[test]
fn a_blank_workshop_proposal_says_what_each_section_lacks() {
    let mut state = WorkshopState::default();
    let (_, first) = demo_commands().into_iter().next().unwrap();
    as_system(&mut state, first);
    let proposal = Proposal::of(&state, &Actor::System).unwrap();
    for section in [
        SectionId::Summary,
        SectionId::Strategy,
        SectionId::BusinessModel,
        SectionId::Financing,
    ] {
        let gaps = &proposal.missing[&section];
        assert!(!gaps.is_empty(), "{section:?} says what it lacks");
    }
    assert_eq!(Gap::Commitments.stage(), Some(Stage::Commitments));
    assert_eq!(Gap::SustainabilityText.stage(), None);
}

#[test]
fn only_facilitators_issue_and_versions_are_numbered_in_order() {
    let (mut state, _) = demo();
    let delegate = delegate_of(&state, 0);
    assert_eq!(
        decide(&state, &delegate, issue("v1"), now()),
        Err(AppError::Forbidden)
    );
    assert_eq!(
        decide(&state, &Actor::System, issue("   "), now()),
        Err(AppError::invalid("label", Problem::Required))
    );
    assert!(matches!(
        decide(&state, &Actor::System, issue(&"x".repeat(121)), now()),
        Err(AppError::Invalid(_))
    ));
    as_system(&mut state, issue("v1, for the summit"));
    as_system(&mut state, issue("v2"));
    let numbers: Vec<u32> = state.proposal_versions.iter().map(|v| v.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(state.proposal_versions[0].label, "v1, for the summit");
}

#[test]
fn an_issued_version_is_the_log_up_to_it_and_never_changes() {
    let (mut state, mut log) = demo();
    log.extend(as_system(&mut state, issue("v1")));
    let v1 = state.proposal_versions[0].clone();
    let before = Proposal::of(&state, &Actor::System).unwrap();
    assert_eq!(before.issued.as_ref().map(|v| v.number), Some(1));
    let organisation = *state.organisations.keys().next().unwrap();
    log.extend(as_system(&mut state, commitment_for(organisation, "1000000")));
    let pinned = WorkshopState::from_log(log.iter().take_while(|e| e.seq <= v1.seq));
    let at_v1 = Proposal::of(&pinned, &Actor::System).unwrap();
    assert_eq!(at_v1, before, "the version renders as it was issued");
    let now = Proposal::of(&state, &Actor::System).unwrap();
    assert_eq!(now.issued, None);
    assert_eq!(
        now.financing.cash.secured - at_v1.financing.cash.secured,
        dec!(1000000)
    );
    let changes = compare_financing(&at_v1, &now);
    let programme = changes.iter().find(|c| c.key == FinancingKey::Programme).unwrap();
    assert!(programme.changed());
    assert_eq!(programme.difference().unwrap().secured, dec!(1000000));
    let unchanged = changes.iter().filter(|c| !c.changed()).count();
    assert!(unchanged > 0, "lines the commitment did not touch are unchanged");
}

#[test]
fn a_confidential_commitment_is_named_only_for_who_may_see_it() {
    let (mut state, _) = demo();
    let organisation = *state.organisations.keys().nth(1).unwrap();
    let mut secret = new_commitment(organisation, "2500", "USD");
    secret.public = false;
    as_system(&mut state, Command::RecordCommitment(secret));
    let name = state.organisations[&organisation].name.clone();
    let named = |viewer: &Actor| {
        Proposal::of(&state, viewer)
            .unwrap()
            .commitments
            .iter()
            .any(|c| c.who == PublicName::Named { name: name.clone() } && c.money.amount == dec!(2500))
    };
    assert!(named(&Actor::System));
    assert!(named(&Actor::Delegate {
        organisation,
        delegate: None
    }));
    assert!(
        !named(&delegate_of(&state, 0)),
        "another organisation's delegate sees it masked"
    );
}

#[test]
fn a_component_line_counts_its_cost_only_once_costed() {
    let (state, _) = demo();
    let proposal = Proposal::of(&state, &Actor::System).unwrap();
    for (line, component) in proposal.components.iter().zip(&state.design.components) {
        assert_eq!(
            line.cost.is_some(),
            !component.yearly_cost.is_empty(),
            "{}",
            line.code
        );
    }
    let costed: Decimal = proposal.components.iter().filter_map(|c| c.cost).sum();
    assert_eq!(costed, proposal.financing.costing.budget);
}
