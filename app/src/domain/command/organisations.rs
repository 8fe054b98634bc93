//! What a facilitator changes on an organisation once it is at the table:
//! its IATI organisation identifier, which is often looked up only after
//! the organisation was added.

use super::access::require_facilitator;
use super::inputs::OrganisationIatiRef;
use crate::domain::error::{AppError, Problem};
use crate::domain::event::{Actor, Event};
use crate::domain::state::WorkshopState;
use validator::Validate;

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
