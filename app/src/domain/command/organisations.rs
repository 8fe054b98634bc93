//! The organisations at the table: only facilitators add them, and correct
//! them later (a name's spelling, its Chinese name, its type), under the
//! same id, so everything recorded for it stays its own. The IATI
//! organisation identifier, often looked up only after the organisation was
//! added, has its own command: a correction keeps it as it is.

use super::access::require_facilitator;
use super::inputs::{NewOrganisation, OrganisationIatiRef};
use crate::domain::error::{AppError, Problem};
use crate::domain::event::{Actor, Event};
use crate::domain::ids::OrganisationId;
use crate::domain::model::Organisation;
use crate::domain::state::WorkshopState;
use validator::Validate;

pub(super) fn add(
    state: &WorkshopState,
    actor: &Actor,
    new: NewOrganisation,
) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    new.validate()?;
    if state.organisations.contains_key(&new.id) {
        return Err(AppError::AlreadyExists(new.id.to_string()));
    }
    let organisation = cleaned(new);
    refuse_a_taken_name(state, &organisation)?;
    Ok(vec![Event::OrganisationAdded { organisation }])
}

/// A correction of an organisation already at the table; the same values
/// again change nothing.
pub(super) fn amend(
    state: &WorkshopState,
    actor: &Actor,
    new: NewOrganisation,
) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    new.validate()?;
    let Some(before) = state.organisations.get(&new.id) else {
        return Err(AppError::invalid("id", Problem::UnknownOrganisation));
    };
    let organisation = Organisation {
        iati_ref: before.iati_ref.clone(),
        ..cleaned(new)
    };
    if *before == organisation {
        return Ok(vec![]);
    }
    refuse_a_taken_name(state, &organisation)?;
    Ok(vec![Event::OrganisationAmended { organisation }])
}

/// Two organisations never share a name, whatever its case.
fn refuse_a_taken_name(state: &WorkshopState, organisation: &Organisation) -> Result<(), AppError> {
    let taken = |(id, other): (&OrganisationId, &Organisation)| {
        *id != organisation.id && other.name.eq_ignore_ascii_case(&organisation.name)
    };
    match state.organisations.iter().any(taken) {
        true => Err(AppError::invalid("name", Problem::Duplicate)),
        false => Ok(()),
    }
}

fn cleaned(new: NewOrganisation) -> Organisation {
    Organisation {
        id: new.id,
        name: new.name.trim().to_string(),
        name_zh: new
            .name_zh
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty()),
        kind: new.kind,
        country: new.country,
        city: new.city.filter(|c| !c.trim().is_empty()),
        financier: Some(new.financier.unwrap_or(new.kind.finances_by_default())),
        iati_ref: new.iati_ref,
    }
}

/// Gives an organisation its identifier, or takes it away; setting the one
/// it has is no change.
pub(super) fn set_iati_ref(
    state: &WorkshopState,
    actor: &Actor,
    set: OrganisationIatiRef,
) -> Result<Vec<Event>, AppError> {
    require_facilitator(state, actor)?;
    let set = OrganisationIatiRef {
        iati_ref: set
            .iati_ref
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty()),
        ..set
    };
    set.validate()?;
    let organisation = state
        .organisations
        .get(&set.organisation)
        .ok_or_else(|| AppError::invalid("organisation", Problem::UnknownOrganisation))?;
    if organisation.iati_ref == set.iati_ref {
        return Ok(vec![]);
    }
    Ok(vec![Event::OrganisationIatiRefSet {
        organisation: set.organisation,
        iati_ref: set.iati_ref,
    }])
}
