//! Which IATI role each organisation plays in the programme, from what the
//! state holds (docs/EXPORTS.md, "Organisation roles"):
//!
//! - the roles stage 2 gave each partner (`PartnerRoles::iati`), as given;
//! - funding (1): a financier, or an organisation with a pledge, a firm
//!   commitment or a guarantee the viewer may see;
//! - accountable (2): the chair of a steering committee (the host);
//! - implementing (4): a component's lead, and whoever the responsibility
//!   matrix makes accountable or responsible for a component.
//!
//! Extending (3) comes only from stage 2: nothing else in the state says
//! an organisation manages money for a funder.

use super::parts::{OrgRef, ParticipatingOrg};
use crate::domain::design::{BodyKind, IatiRole};
use crate::domain::event::Actor;
use crate::domain::ids::OrganisationId;
use crate::domain::model::{Commitment, Tier};
use crate::domain::register::may_see;
use crate::domain::state::WorkshopState;
use std::collections::{BTreeMap, BTreeSet};

/// Each organisation with each role it plays, roles in code order, then
/// organisations in the state's order. An organisation with no role is
/// not a participant.
pub fn participating(state: &WorkshopState, viewer: &Actor) -> Vec<ParticipatingOrg> {
    let roles = roles(state, viewer);
    let mut out = Vec::new();
    for role in IatiRole::ALL {
        for (id, organisation) in &state.organisations {
            if roles.get(id).is_some_and(|r| r.contains(&role)) {
                out.push(ParticipatingOrg {
                    organisation: Some(*id),
                    org: OrgRef::named(organisation),
                    role,
                });
            }
        }
    }
    out
}

/// Whether the viewer may know who gave `commitment`: the proposal names
/// it then, and masks it otherwise.
pub fn named_for(state: &WorkshopState, viewer: &Actor, commitment: &Commitment) -> bool {
    commitment.public || may_see(state, viewer, commitment)
}

fn roles(state: &WorkshopState, viewer: &Actor) -> BTreeMap<OrganisationId, BTreeSet<IatiRole>> {
    let mut roles: BTreeMap<OrganisationId, BTreeSet<IatiRole>> = BTreeMap::new();
    let mut give = |id: OrganisationId, role: IatiRole| {
        if state.organisations.contains_key(&id) {
            roles.entry(id).or_default().insert(role);
        }
    };
    for (id, partner) in &state.partnership.roles {
        for role in &partner.iati {
            give(*id, *role);
        }
    }
    for organisation in state.organisations.values().filter(|o| o.is_financier()) {
        give(organisation.id, IatiRole::Funding);
    }
    // A confidential commitment the viewer may not see makes nobody a
    // funder: the role would name whom the proposal masks.
    for commitment in state.commitments.values() {
        let counts = matches!(commitment.status.tier(), Tier::Pledged | Tier::Secured);
        if counts && named_for(state, viewer, commitment) {
            give(commitment.organisation, IatiRole::Funding);
        }
    }
    for body in &state.partnership.bodies {
        if let (BodyKind::SteeringCommittee, Some(chair)) = (body.kind, body.chair) {
            give(chair, IatiRole::Accountable);
        }
    }
    for component in &state.design.components {
        if let Some(lead) = component.lead {
            give(lead, IatiRole::Implementing);
        }
    }
    for cell in &state.partnership.responsibilities {
        if cell
            .role
            .is_some_and(|r| r.is_accountable() || r.is_responsible())
        {
            give(cell.organisation, IatiRole::Implementing);
        }
    }
    roles
}
