//! Organisations corrected after they were added: the same id, so what was
//! recorded for them stays theirs; only facilitators, and never onto
//! another's name.

use super::*;

fn amended(state: &WorkshopState, id: OrganisationId, change: impl Fn(&mut NewOrganisation)) -> Command {
    let o = &state.organisations[&id];
    let mut new = NewOrganisation {
        id,
        name: o.name.clone(),
        name_zh: o.name_zh.clone(),
        kind: o.kind,
        country: o.country.clone(),
        city: o.city.clone(),
        financier: o.financier,
        iati_ref: o.iati_ref.clone(),
    };
    change(&mut new);
    Command::AmendOrganisation(new)
}

#[test]
fn a_facilitator_corrects_an_organisation_under_its_id() {
    let (mut state, _) = demo();
    let (id, commitments_before) = {
        let id = state.commitments.values().next().unwrap().organisation;
        (
            id,
            state
                .commitments
                .values()
                .filter(|c| c.organisation == id)
                .count(),
        )
    };
    let command = amended(&state, id, |o| o.name_zh = Some("  新名称 ".into()));
    let events = as_system(&mut state, command.clone());
    assert_eq!(events.len(), 1);
    assert_eq!(state.organisations[&id].name_zh.as_deref(), Some("新名称"));
    assert_eq!(
        state
            .commitments
            .values()
            .filter(|c| c.organisation == id)
            .count(),
        commitments_before
    );
    // The same values again change nothing.
    assert!(as_system(&mut state, command).is_empty());
}

#[test]
fn an_amendment_names_an_organisation_at_the_table_and_takes_no_others_name() {
    let (state, _) = demo();
    let mut ids = state.organisations.keys().copied();
    let (a, b) = (ids.next().unwrap(), ids.next().unwrap());
    let taken = state.organisations[&b].name.to_uppercase();
    assert_eq!(
        decide(
            &state,
            &Actor::System,
            amended(&state, a, |o| o.name = taken.clone()),
            now()
        ),
        Err(AppError::invalid("name", Problem::Duplicate))
    );
    let stranger = amended(&state, a, |o| o.id = OrganisationId::random());
    assert_eq!(
        decide(&state, &Actor::System, stranger, now()),
        Err(AppError::invalid("id", Problem::UnknownOrganisation))
    );
    let delegate = Actor::Delegate {
        organisation: a,
        delegate: None,
    };
    assert_eq!(
        decide(&state, &delegate, amended(&state, a, |o| o.city = None), now()),
        Err(AppError::Forbidden)
    );
}
