//! What the commitments page shows a facilitator or a delegate, with what
//! this viewer may do there, decided once here.

use super::command::administers;
use super::commitment_form::earmark_code;
use super::dashboard::Dashboard;
use super::disbursements::takes_disbursements;
use super::error::AppError;
use super::event::Actor;
use super::ids::OrganisationId;
use super::model::{City, Earmark, ExchangeRate, Stage, StageStatus};
use super::money::Currency;
use super::register::{awaiting_confirmation, earmark_label, register_for, RegisterLine};
use super::schedule::{by_year, ByYear};
use super::state::WorkshopState;
use serde::{Deserialize, Serialize};

/// What the commitments page shows to a facilitator or a delegate, with
/// what this viewer may do there, decided once here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentsView {
    pub version: u64,
    pub title: String,
    pub reporting_currency: Currency,
    /// Facilitators see every organisation's commitments and may record
    /// for any, export, set rates and the target; a delegate sees and
    /// records only their own.
    pub facilitator: bool,
    /// Whether this viewer may record a new commitment now: the stage is
    /// open, or they run the workshop.
    pub may_record: bool,
    /// What a commitment's form offers this viewer.
    pub choices: CommitmentChoices,
    pub locked: bool,
    pub lines: Vec<LineView>,
    /// Pledges still to be made firm, for the facilitators (empty for
    /// anyone else).
    pub awaiting: Vec<RegisterLine>,
    pub dashboard: Dashboard,
    pub rates: Vec<ExchangeRate>,
    /// The financing plan by year against the costs by year.
    #[serde(default)]
    pub by_year: ByYear,
}

/// The choices of a commitment's form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentChoices {
    /// The organisations this viewer may record for: (id, name).
    pub organisations: Vec<(OrganisationId, String)>,
    /// Earmark choices: (code, label), components first, then the
    /// participating cities by name.
    pub earmarks: Vec<(String, String)>,
}

/// A line of the register as this viewer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    #[serde(flatten)]
    pub line: RegisterLine,
    /// Whether this viewer may amend or withdraw it.
    pub may_edit: bool,
    /// Whether this viewer may record a disbursement against it: they may
    /// amend it, and it is a firm commitment of cash.
    #[serde(default)]
    pub may_disburse: bool,
}

impl CommitmentsView {
    /// The page as `actor` sees it: a facilitator everything, a delegate
    /// their own organisation's; anyone else is refused.
    pub fn of(state: &WorkshopState, actor: &Actor) -> Result<CommitmentsView, AppError> {
        let setup = state
            .setup
            .as_ref()
            .ok_or(AppError::NotFound("workshop".into()))?;
        let facilitator = administers(state, actor);
        let organisations = state
            .organisations
            .values()
            .filter(|o| {
                facilitator || matches!(actor, Actor::Delegate { organisation, .. } if *organisation == o.id)
            })
            .map(|o| (o.id, o.name.clone()))
            .collect::<Vec<_>>();
        if organisations.is_empty() && !facilitator {
            return Err(AppError::Forbidden);
        }
        let mut cities: Vec<&City> = state.cities.values().collect();
        cities.sort_by_key(|city| city.name.to_lowercase());
        let earmarks = state
            .design
            .components
            .iter()
            .map(|c| Earmark::Component { component: c.id })
            .chain(cities.into_iter().map(|city| Earmark::City { city: city.id }))
            .map(|e| (earmark_code(&e), earmark_label(state, &e)))
            .collect();
        let locked = state.stage_status(Stage::Commitments) == StageStatus::Locked;
        // A locked stage is read-only for everyone but its facilitators.
        let may_change = facilitator || !locked;
        let lines = register_for(state, actor);
        let awaiting = if facilitator {
            awaiting_confirmation(&lines).into_iter().cloned().collect()
        } else {
            Vec::new()
        };
        Ok(CommitmentsView {
            version: state.version,
            title: setup.title.clone(),
            reporting_currency: setup.reporting_currency,
            facilitator,
            may_record: may_change,
            choices: CommitmentChoices {
                organisations,
                earmarks,
            },
            locked,
            lines: lines
                .into_iter()
                .map(|line| LineView {
                    may_disburse: may_change && takes_disbursements(&line.commitment),
                    line,
                    may_edit: may_change,
                })
                .collect(),
            awaiting,
            dashboard: Dashboard::of(state).ok_or(AppError::NotFound("workshop".into()))?,
            rates: state.rates.values().cloned().collect(),
            by_year: by_year(state),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::command::Command;
    use crate::domain::view_models::testing::{demo, run, stranger};

    fn delegate(state: &WorkshopState) -> (OrganisationId, Actor) {
        let organisation = *state.organisations.keys().next().unwrap();
        let actor = Actor::Delegate {
            organisation,
            delegate: None,
        };
        (organisation, actor)
    }

    #[test]
    fn a_facilitator_sees_everything_and_may_record_for_anyone() {
        let state = demo();
        let view = CommitmentsView::of(&state, &Actor::System).unwrap();
        assert!(view.facilitator && view.may_record);
        assert_eq!(view.choices.organisations.len(), state.organisations.len());
        assert_eq!(view.lines.len(), register_for(&state, &Actor::System).len());
        assert!(view.lines.iter().all(|l| l.may_edit));
        assert!(view.choices.earmarks.len() >= state.design.components.len());
    }

    #[test]
    fn a_delegate_sees_and_records_only_their_own_and_nothing_once_locked() {
        let mut state = demo();
        let (organisation, actor) = delegate(&state);
        let view = CommitmentsView::of(&state, &actor).unwrap();
        assert!(!view.facilitator && view.awaiting.is_empty());
        assert_eq!(
            view.choices
                .organisations
                .iter()
                .map(|(id, _)| *id)
                .collect::<Vec<_>>(),
            [organisation]
        );
        assert!(view
            .lines
            .iter()
            .all(|l| l.line.commitment.organisation == organisation));
        let lock = Command::SetStageStatus {
            stage: Stage::Commitments,
            status: StageStatus::Locked,
        };
        run(&mut state, &Actor::System, lock);
        let locked = CommitmentsView::of(&state, &actor).unwrap();
        assert!(locked.locked && !locked.may_record);
        assert!(locked.lines.iter().all(|l| !l.may_edit));
        assert!(CommitmentsView::of(&state, &Actor::System).unwrap().may_record);
    }

    #[test]
    fn a_facilitator_of_another_workshop_is_refused() {
        assert_eq!(
            CommitmentsView::of(&demo(), &stranger()),
            Err(AppError::Forbidden)
        );
    }
}
