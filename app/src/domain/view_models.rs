//! What the walk, the room and the setup page show a viewer, built from the
//! workshop's state and who is looking: each view already says what that
//! viewer may do, and refuses those who may see nothing. Pure, so the load
//! server functions only fetch the state and the actor and call these.

use super::business::{BusinessModel, Financing};
use super::command::administers;
use super::design::{version_of, ItemKey, Partnership};
use super::error::AppError;
use super::event::Actor;
use super::ids::{DiscussionId, OrganisationId, ParticipantId};
use super::model::{City, DesignField, ProjectDesign, Stage, StageStatus};
use super::money::Currency;
use super::register::actor_name;
use super::state::WorkshopState;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A stage's walk as the room edits it: its texts with their versions, and
/// the whole design, which the steps draw from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignView {
    pub version: u64,
    pub title: String,
    pub stage: Stage,
    /// The stage's texts with the version each is at.
    pub fields: Vec<(DesignField, String, u64)>,
    pub design: ProjectDesign,
    pub partnership: Partnership,
    pub business: BusinessModel,
    /// Stage 4's money as stage 3's figures use it (public totals only).
    pub financing: Financing,
    /// The version of each item, by `ItemKey::code`.
    pub item_versions: BTreeMap<String, u64>,
    pub organisations: Vec<(OrganisationId, String)>,
    /// The organisation the viewer acts for, if a delegate.
    pub own: Option<OrganisationId>,
    pub facilitator: bool,
    /// Whether the viewer may edit the stage's shared parts now.
    pub may_edit: bool,
    pub locked: bool,
    pub currency: Currency,
    /// The year on the server's clock, for suggesting years to cost.
    pub this_year: u16,
    /// The participating cities by name, for attributing components and
    /// giving indicators' values by city.
    #[serde(default)]
    pub cities: Vec<City>,
}

impl DesignView {
    /// The walk of `stage` as `actor` sees it: facilitators, delegates and
    /// participants of the room may look; delegates edit only while the
    /// stage is open.
    pub fn of(
        state: &WorkshopState,
        actor: &Actor,
        stage: Stage,
        this_year: u16,
    ) -> Result<DesignView, AppError> {
        let facilitator = administers(state, actor);
        let status = state.stage_status(stage);
        let own = match actor {
            Actor::Delegate { organisation, .. } => Some(*organisation),
            _ => None,
        };
        if !facilitator && own.is_none() && !matches!(actor, Actor::Participant { .. }) {
            return Err(AppError::Forbidden);
        }
        let setup = state.setup.as_ref().ok_or(AppError::Internal)?;
        Ok(DesignView {
            version: state.version,
            title: setup.title.clone(),
            stage,
            fields: DesignField::ALL
                .iter()
                .filter(|f| f.stage() == Some(stage))
                .map(|f| {
                    let version = state.design_versions.get(f).copied().unwrap_or(0);
                    (*f, state.design.text(*f).to_string(), version)
                })
                .collect(),
            design: state.design.clone(),
            partnership: state.partnership.clone(),
            business: state.business.clone(),
            // Only stage 3's figures use it; the other walks skip the totals.
            financing: match stage {
                Stage::BusinessModel => super::business_view::financing_of(state),
                Stage::ProjectDesign | Stage::Partnership | Stage::Commitments => Financing::default(),
            },
            item_versions: state.item_versions.clone(),
            organisations: organisation_names(state),
            own,
            facilitator,
            may_edit: facilitator || (own.is_some() && status == StageStatus::Open),
            locked: status == StageStatus::Locked,
            currency: setup.reporting_currency,
            this_year,
            cities: {
                let mut cities: Vec<City> = state.cities.values().cloned().collect();
                cities.sort_by_key(|city| city.name.to_lowercase());
                cities
            },
        })
    }

    pub fn item_version(&self, key: &ItemKey) -> u64 {
        version_of(&self.item_versions, key)
    }

    /// Whether the viewer may change an item: a shared one when the stage
    /// is theirs to edit; an organisation's own one only for its delegates
    /// and the facilitators.
    pub fn may_change(&self, key: &ItemKey) -> bool {
        self.may_edit
            && (self.facilitator
                || (!key.facilitator_only() && (key.owner().is_none() || key.owner() == self.own)))
    }

    pub fn organisation_name(&self, id: OrganisationId) -> String {
        self.organisations
            .iter()
            .find(|(o, _)| *o == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    }
}

/// Every organisation as (id, name), for a form's choices.
fn organisation_names(state: &WorkshopState) -> Vec<(OrganisationId, String)> {
    state
        .organisations
        .values()
        .map(|o| (o.id, o.name.clone()))
        .collect()
}

/// Only the workshop's facilitators see its setup page's lists.
pub fn require_administers(state: &WorkshopState, actor: &Actor) -> Result<(), AppError> {
    if administers(state, actor) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// What a participant sees of the room: who they are, what they asked for,
/// and whom they act for once approved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRoom {
    pub version: u64,
    pub title: String,
    pub name: String,
    pub requested: Option<String>,
    pub delegate_of: Option<String>,
    pub organisations: Vec<(OrganisationId, String)>,
}

impl MyRoom {
    /// The room of a participant, or of the delegate a participant was made;
    /// anyone else is refused.
    pub fn of(state: &WorkshopState, actor: &Actor) -> Result<MyRoom, AppError> {
        let participant = match actor {
            Actor::Participant { participant } => *participant,
            Actor::Delegate {
                delegate: Some(delegate),
                ..
            } => ParticipantId(delegate.0),
            _ => return Err(AppError::Forbidden),
        };
        let me = state.participants.get(&participant).ok_or(AppError::Forbidden)?;
        let name_of = |id: Option<OrganisationId>| {
            id.and_then(|id| state.organisations.get(&id))
                .map(|o| o.name.clone())
        };
        Ok(MyRoom {
            version: state.version,
            title: state.setup.as_ref().map(|s| s.title.clone()).unwrap_or_default(),
            name: me.name.clone(),
            requested: name_of(me.requested),
            delegate_of: name_of(me.delegate_of),
            organisations: organisation_names(state),
        })
    }
}

/// An open request to act for an organisation, as the facilitator's live
/// list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationRequest {
    pub participant: ParticipantId,
    pub name: String,
    /// What the facilitator is shown, and what their decision names.
    pub organisation_id: OrganisationId,
    pub organisation: String,
}

/// The open requests of people still in the workshop, with the version,
/// for its facilitators.
pub fn delegation_requests(
    state: &WorkshopState,
    actor: &Actor,
) -> Result<(u64, Vec<DelegationRequest>), AppError> {
    require_administers(state, actor)?;
    let requests = state
        .participants
        .values()
        .filter_map(|p| {
            let organisation = state.organisations.get(&p.requested?)?;
            Some(DelegationRequest {
                participant: p.id,
                name: p.name.clone(),
                organisation_id: organisation.id,
                organisation: organisation.name.clone(),
            })
        })
        .filter(|r| !state.is_removed(r.participant.0))
        .collect();
    Ok((state.version, requests))
}

/// An open or closed question with its answers, as the room sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscussionView {
    pub id: DiscussionId,
    pub question: String,
    pub open: bool,
    /// (who, what), oldest first.
    pub contributions: Vec<(String, String)>,
}

/// The room's questions for someone in it: the version, whether they run
/// the workshop, and the questions, newest first. `None` for a facilitator
/// of another workshop, who is not in this room.
pub fn discussions(state: &WorkshopState, actor: &Actor) -> Option<(u64, bool, Vec<DiscussionView>)> {
    let facilitator = administers(state, actor);
    if matches!(actor, Actor::Facilitator { .. }) && !facilitator {
        return None;
    }
    let mut items: Vec<_> = state.discussions.values().collect();
    items.sort_by_key(|d| std::cmp::Reverse(d.seq));
    let items = items
        .into_iter()
        .map(|d| DiscussionView {
            id: d.id,
            question: d.question.clone(),
            open: d.open,
            contributions: d
                .contributions
                .iter()
                .map(|c| (actor_name(state, &c.by), c.text.clone()))
                .collect(),
        })
        .collect();
    Some((state.version, facilitator, items))
}

/// The stages and their status with the version, for the facilitators'
/// controls.
pub fn stages(state: &WorkshopState, actor: &Actor) -> Result<(u64, Vec<(Stage, StageStatus)>), AppError> {
    require_administers(state, actor)?;
    let stages = Stage::ALL.iter().map(|s| (*s, state.stage_status(*s))).collect();
    Ok((state.version, stages))
}

/// The workshop and the people the view models' tests look at it as.
#[cfg(test)]
pub(crate) mod testing {
    use crate::domain::command::Command;
    use crate::domain::event::Actor;
    use crate::domain::ids::AccountId;
    use crate::domain::state::WorkshopState;
    use chrono::{TimeZone, Utc};

    /// The demo workshop, as the command line loads it.
    pub fn demo() -> WorkshopState {
        crate::domain::demo::demo_state(Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap())
    }

    pub fn run(state: &mut WorkshopState, actor: &Actor, command: Command) {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap();
        state.execute(actor, command, now).unwrap();
    }

    /// A facilitator of some other workshop: nobody here.
    pub fn stranger() -> Actor {
        Actor::Facilitator {
            account: AccountId::random(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{demo, run, stranger};
    use super::*;
    use crate::domain::command::{Command, NewContribution, NewDiscussion, NewParticipant};
    use crate::domain::ids::ContributionId;

    fn delegate(state: &WorkshopState) -> Actor {
        Actor::Delegate {
            organisation: *state.organisations.keys().next().unwrap(),
            delegate: None,
        }
    }

    /// A participant who joined the room and asked to act for the first
    /// organisation.
    fn asking(state: &mut WorkshopState) -> Actor {
        let participant = ParticipantId::random();
        let actor = Actor::Participant { participant };
        let new = NewParticipant {
            id: participant,
            name: "Mei".into(),
        };
        run(state, &actor, Command::JoinRoom(new));
        let organisation = *state.organisations.keys().next().unwrap();
        run(state, &actor, Command::RequestDelegation { organisation });
        actor
    }

    #[test]
    fn the_design_view_says_who_may_edit_a_stage() {
        let state = demo();
        let admin = DesignView::of(&state, &Actor::System, Stage::ProjectDesign, 2026).unwrap();
        assert!(admin.facilitator && admin.may_edit && admin.own.is_none());
        assert!(admin
            .fields
            .iter()
            .all(|(f, _, _)| f.stage() == Some(Stage::ProjectDesign)));
        assert_eq!(admin.this_year, 2026);
        let own = DesignView::of(&state, &delegate(&state), Stage::ProjectDesign, 2026).unwrap();
        assert!(!own.facilitator && own.own.is_some());
        assert_eq!(
            own.may_edit,
            state.stage_status(Stage::ProjectDesign) == StageStatus::Open
        );
        let participant = Actor::Participant {
            participant: ParticipantId::random(),
        };
        assert!(
            !DesignView::of(&state, &participant, Stage::ProjectDesign, 2026)
                .unwrap()
                .may_edit
        );
        assert_eq!(
            DesignView::of(&state, &stranger(), Stage::ProjectDesign, 2026),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn a_participant_sees_their_request_in_their_room() {
        let mut state = demo();
        let actor = asking(&mut state);
        let room = MyRoom::of(&state, &actor).unwrap();
        assert_eq!(room.name, "Mei");
        assert_eq!(
            room.requested,
            state.organisations.values().next().map(|o| o.name.clone())
        );
        assert_eq!(room.delegate_of, None);
        assert_eq!(MyRoom::of(&state, &Actor::System), Err(AppError::Forbidden));
        let unknown = Actor::Participant {
            participant: ParticipantId::random(),
        };
        assert_eq!(MyRoom::of(&state, &unknown), Err(AppError::Forbidden));
    }

    #[test]
    fn only_facilitators_see_requests_and_stages() {
        let mut state = demo();
        asking(&mut state);
        let (version, requests) = delegation_requests(&state, &Actor::System).unwrap();
        assert_eq!(version, state.version);
        assert_eq!(
            requests.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ["Mei"]
        );
        assert_eq!(
            delegation_requests(&state, &delegate(&state)),
            Err(AppError::Forbidden)
        );
        let (_, all) = stages(&state, &Actor::System).unwrap();
        assert_eq!(all.len(), Stage::ALL.len());
        assert_eq!(stages(&state, &stranger()), Err(AppError::Forbidden));
    }

    #[test]
    fn questions_come_newest_first_with_their_answers_for_the_room_only() {
        let mut state = demo();
        let (first, second) = (DiscussionId::random(), DiscussionId::random());
        for (id, question) in [(first, "One?"), (second, "Two?")] {
            let new = NewDiscussion {
                id,
                question: question.into(),
            };
            run(&mut state, &Actor::System, Command::OpenDiscussion(new));
        }
        let answer = NewContribution {
            item: first,
            id: ContributionId::random(),
            text: "Yes".into(),
        };
        let answering = delegate(&state);
        run(&mut state, &answering, Command::Contribute(answer));
        let (_, facilitator, items) = discussions(&state, &delegate(&state)).unwrap();
        assert!(!facilitator);
        assert_eq!(items.iter().map(|d| d.id).collect::<Vec<_>>(), [second, first]);
        assert_eq!(items[1].contributions.len(), 1);
        assert_eq!(items[1].contributions[0].1, "Yes");
        assert!(discussions(&state, &Actor::System).unwrap().1);
        assert_eq!(discussions(&state, &stranger()), None);
    }
}
