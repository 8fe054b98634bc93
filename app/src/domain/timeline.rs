//! The session's moments, for replaying the proposal and the overview as
//! they stood: each event's position in the log, when it was recorded and
//! what kind of thing happened (never who, nor what was typed, so the list
//! shows nothing a page would mask).

use super::event::{Event, StoredEvent};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What kind of thing an event did, as the timeline names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MomentKind {
    Setup,
    People,
    Stage,
    Design,
    Commitment,
    Disbursement,
    Rates,
    Room,
    Proposal,
}

impl MomentKind {
    pub fn of(event: &Event) -> MomentKind {
        use Event::*;
        match event {
            WorkshopCreated { .. }
            | FacilitatorAdded { .. }
            | OrganisationAdded { .. }
            | OrganisationIatiRefSet { .. }
            | OrganisationAmended { .. }
            | ScreenLanguagesSet { .. }
            | CitySaved { .. } => Self::Setup,
            DelegateJoined { .. }
            | ParticipantJoined { .. }
            | DelegationRequested { .. }
            | DelegationApproved { .. }
            | DelegationDeclined { .. }
            | DelegateRemoved { .. }
            | ParticipantRemoved { .. } => Self::People,
            StageStatusChanged { .. }
            | StageTimerStarted { .. }
            | StageTimerStopped
            | ScreenChosen { .. } => Self::Stage,
            DesignTextSet { .. }
            | OutputAdded { .. }
            | ComponentAdded { .. }
            | DesignStarted { .. }
            | DesignItemSaved { .. }
            | DesignItemRemoved { .. } => Self::Design,
            CommitmentRecorded { .. } | CommitmentRevised { .. } | FundingTargetSet { .. } => {
                Self::Commitment
            }
            DisbursementRecorded { .. } => Self::Disbursement,
            ExchangeRateSet { .. } | CommitmentsReRated { .. } => Self::Rates,
            DiscussionOpened { .. } | DiscussionClosed { .. } | ContributionAdded { .. } => Self::Room,
            ProposalIssued { .. } => Self::Proposal,
        }
    }
}

/// One event of the log, as the timeline lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub kind: MomentKind,
}

/// The log's events as moments, in order.
pub fn moments(events: &[StoredEvent]) -> Vec<Moment> {
    events
        .iter()
        .map(|e| Moment {
            seq: e.seq,
            at: e.recorded_at,
            kind: MomentKind::of(&e.event),
        })
        .collect()
}

/// What a replay picker shows: the moments, the one chosen (`None`: now).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub moments: Vec<Moment>,
    pub chosen: Option<u64>,
}

impl Timeline {
    /// The log's end: the last moment's position.
    pub fn end(&self) -> u64 {
        self.moments.last().map(|m| m.seq).unwrap_or(0)
    }

    /// Whether `seq` is a moment of this log (a replay beyond its end is
    /// not found).
    pub fn has(&self, seq: u64) -> bool {
        (1..=self.end()).contains(&seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_commands;
    use crate::domain::event::Actor;
    use crate::domain::state::WorkshopState;
    use chrono::TimeZone;

    #[test]
    fn every_event_of_the_demo_is_a_moment_in_order() {
        let mut state = WorkshopState::default();
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        let mut log = Vec::new();
        for (_, command) in demo_commands() {
            log.extend(state.execute(&Actor::System, command, at).unwrap());
        }
        let timeline = Timeline {
            moments: moments(&log),
            chosen: None,
        };
        assert_eq!(timeline.end(), state.version);
        assert_eq!(timeline.moments.len() as u64, state.version);
        assert_eq!(timeline.moments[0].kind, MomentKind::Setup);
        assert!(timeline.moments.iter().any(|m| m.kind == MomentKind::Commitment));
        assert!(timeline.has(1) && timeline.has(state.version));
        assert!(!timeline.has(0) && !timeline.has(state.version + 1));
    }
}
