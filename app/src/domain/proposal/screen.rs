//! Stage 5 on the projector (`/w/{slug}/screen/proposal`): each section
//! complete or what it lacks, the versions issued, and the funding still
//! to find. Public like the dashboard: it carries no commitment, only the
//! dashboard's public figures.

use super::sections::{Gap, SectionId};
use crate::domain::event::Actor;
use crate::domain::ids::ParticipantId;
use crate::domain::model::ScreenLanguages;
use crate::domain::money::Currency;
use crate::domain::state::WorkshopState;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An issued version as the room sees it: its number, label and time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedLine {
    pub number: u32,
    pub label: String,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalScreen {
    pub version: u64,
    pub title: String,
    pub languages: ScreenLanguages,
    pub currency: Currency,
    /// Every section in order, with what it lacks (empty: complete).
    pub sections: Vec<(SectionId, Vec<Gap>)>,
    /// Newest first.
    pub issued: Vec<IssuedLine>,
    pub required: Decimal,
    pub secured: Decimal,
    /// Required minus secured cash: the funding still to find (negative
    /// when over-funded).
    pub gap: Decimal,
    /// A figure left the range: the screen says so instead of the figures.
    pub overflow: bool,
}

impl ProposalScreen {
    pub fn of(state: &WorkshopState) -> Option<ProposalScreen> {
        // Assembled for nobody in particular: confidential commitments stay
        // masked, though none of them reaches this screen anyway.
        let nobody = Actor::Participant {
            participant: ParticipantId(uuid::Uuid::nil()),
        };
        let proposal = super::parts::Proposal::of(state, &nobody)?;
        let sections = SectionId::ALL
            .into_iter()
            .map(|id| (id, proposal.missing.get(&id).cloned().unwrap_or_default()))
            .collect();
        let financing = &proposal.financing;
        Some(ProposalScreen {
            version: state.version,
            title: proposal.title.clone(),
            languages: state.screen_languages,
            currency: proposal.reporting_currency,
            sections,
            issued: state
                .proposal_versions
                .iter()
                .rev()
                .map(|v| IssuedLine {
                    number: v.number,
                    label: v.label.clone(),
                    at: v.at,
                })
                .collect(),
            required: financing.required,
            secured: financing.cash.secured,
            gap: financing.gap,
            overflow: financing.overflow,
        })
    }

    /// How many sections are complete, of all.
    pub fn complete(&self) -> (usize, usize) {
        let done = self.sections.iter().filter(|(_, gaps)| gaps.is_empty()).count();
        (done, self.sections.len())
    }
}
