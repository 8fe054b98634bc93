//! What the proposal page shows a viewer: the document in their language,
//! as it stands now, as an issued version, or at a moment of the log.

use super::blocks::Document;
#[cfg(feature = "ssr")]
use super::compare::compare;
use super::compare::SectionComparison;
use super::proposal::document;
use crate::domain::command::administers;
use crate::domain::error::AppError;
use crate::domain::event::Actor;
use crate::domain::model::DesignField;
#[cfg(feature = "ssr")]
use crate::domain::proposal::compare_financing;
use crate::domain::proposal::{FinancingChange, Proposal};
use crate::domain::state::{IssuedVersion, WorkshopState};
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// Which state of the proposal to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "of", rename_all = "snake_case")]
pub enum Showing {
    #[default]
    Now,
    /// An issued version, by number.
    Version { number: u32 },
    /// The log as it stood after this event (replay).
    Moment { seq: u64 },
}

impl Showing {
    /// From a page's or a URL's query: a version number wins over a moment.
    pub fn from_query(version: Option<u32>, moment: Option<u64>) -> Showing {
        match (version, moment) {
            (Some(number), _) => Showing::Version { number },
            (None, Some(seq)) => Showing::Moment { seq },
            (None, None) => Showing::Now,
        }
    }

    /// The log position to fold up to; `None` for now. An unknown version
    /// or a moment beyond the log is not found.
    pub fn position(self, now: &WorkshopState) -> Result<Option<u64>, AppError> {
        match self {
            Showing::Now => Ok(None),
            Showing::Version { number } => now
                .proposal_versions
                .iter()
                .find(|v| v.number == number)
                .map(|v| Some(v.seq))
                .ok_or_else(|| AppError::NotFound(format!("version {number}"))),
            Showing::Moment { seq } if seq <= now.version => Ok(Some(seq)),
            Showing::Moment { .. } => Err(AppError::NotFound("moment".into())),
        }
    }
}

/// Who may read the proposal: the workshop's facilitators, delegates and
/// participants (each sees confidential commitments as the screen does,
/// unless they may see them).
pub fn may_read(state: &WorkshopState, actor: &Actor) -> bool {
    match actor {
        Actor::Delegate { organisation, .. } => state.organisations.contains_key(organisation),
        Actor::Participant { participant } => state.participants.contains_key(participant),
        _ => administers(state, actor),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub document: Document,
    pub showing: Showing,
    /// The log's current position, for the replay timeline's end.
    pub now: u64,
    pub versions: Vec<IssuedVersion>,
    pub may_issue: bool,
    /// For facilitators looking at the proposal now: its narrative texts,
    /// each with the version it is at, to edit.
    pub texts: Vec<(DesignField, String, u64)>,
}

/// The narrative a facilitator writes on the proposal page: the summary and
/// context (also stage 1's), and the proposal's own sections.
pub const PROPOSAL_TEXTS: [DesignField; 5] = [
    DesignField::Summary,
    DesignField::Problem,
    DesignField::Rationale,
    DesignField::MonitoringEvaluation,
    DesignField::Sustainability,
];

impl ProposalView {
    /// `then` is the state at `showing`'s position (the same as `now` for
    /// `Showing::Now`).
    pub fn of(
        now: &WorkshopState,
        then: &WorkshopState,
        actor: &Actor,
        showing: Showing,
        locale: Locale,
    ) -> Result<ProposalView, AppError> {
        if !may_read(now, actor) {
            return Err(AppError::Forbidden);
        }
        let proposal = Proposal::of(then, actor).ok_or(AppError::NotFound("workshop".into()))?;
        Ok(ProposalView {
            document: document(&proposal, locale),
            showing,
            now: now.version,
            versions: now.proposal_versions.clone(),
            may_issue: administers(now, actor),
            texts: if administers(now, actor) && showing == Showing::Now {
                PROPOSAL_TEXTS
                    .iter()
                    .map(|f| {
                        (
                            *f,
                            now.design.text(*f).to_string(),
                            now.design_versions.get(f).copied().unwrap_or(0),
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
    }
}

/// Two versions compared: every section's lines, and the financing plan's
/// lines side by side with their differences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalComparison {
    pub before: String,
    pub after: String,
    pub sections: Vec<SectionComparison>,
    pub financing: Vec<FinancingChange>,
}

#[cfg(feature = "ssr")]
impl ProposalComparison {
    pub fn of(
        (before, before_label): (&WorkshopState, String),
        (after, after_label): (&WorkshopState, String),
        actor: &Actor,
        locale: Locale,
    ) -> Result<ProposalComparison, AppError> {
        if !may_read(after, actor) {
            return Err(AppError::Forbidden);
        }
        let missing = || AppError::NotFound("workshop".into());
        let old = Proposal::of(before, actor).ok_or_else(missing)?;
        let new = Proposal::of(after, actor).ok_or_else(missing)?;
        Ok(ProposalComparison {
            before: before_label,
            after: after_label,
            sections: compare(&document(&old, locale), &document(&new, locale)),
            financing: compare_financing(&old, &new),
        })
    }
}
