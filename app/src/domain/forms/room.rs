//! The forms of the room: a facilitator's decision on a request, a
//! question, an answer.

use super::fields::{parse_id, Problems};
use crate::domain::command::{NewContribution, NewDiscussion, NewParticipant};
use crate::domain::error::{AppError, Problem};
use crate::domain::ids::{OrganisationId, ParticipantId};
use serde::{Deserialize, Serialize};

/// A facilitator's answer to a request to act for an organisation:
/// `decision` is `approve`, anything else declines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationDecisionForm {
    pub participant: String,
    pub organisation: String,
    pub decision: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DelegationDecision {
    pub participant: ParticipantId,
    pub organisation: OrganisationId,
    pub approve: bool,
}

impl DelegationDecisionForm {
    pub fn parse(self) -> Result<DelegationDecision, AppError> {
        let mut problems = Problems::default();
        let participant = problems.check("participant", Problem::Invalid, self.participant.parse());
        let organisation = problems.check("organisation", Problem::Invalid, self.organisation.parse());
        let decision = participant
            .zip(organisation)
            .map(|(participant, organisation)| DelegationDecision {
                participant,
                organisation,
                approve: self.decision == "approve",
            });
        problems.done(decision)
    }
}

/// Someone joining the room with its code; `id` is made when the form is
/// drawn, so a retried join is one person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantForm {
    pub id: String,
    pub name: String,
}

impl ParticipantForm {
    pub fn parse(self) -> Result<NewParticipant, AppError> {
        Ok(NewParticipant {
            id: parse_id("id", &self.id)?,
            name: self.name,
        })
    }
}

/// A question a facilitator opens to the room; `id` is made when the form
/// is drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscussionForm {
    pub id: String,
    pub question: String,
}

impl DiscussionForm {
    pub fn parse(self) -> Result<NewDiscussion, AppError> {
        Ok(NewDiscussion {
            id: parse_id("id", &self.id)?,
            question: self.question,
        })
    }
}

/// An answer to the question `item`; `id` is made when the form is drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionForm {
    pub item: String,
    pub id: String,
    pub text: String,
}

impl ContributionForm {
    pub fn parse(self) -> Result<NewContribution, AppError> {
        let mut problems = Problems::default();
        let item = problems.check("item", Problem::Invalid, self.item.parse());
        let id = problems.check("id", Problem::Invalid, self.id.parse());
        let new = item.zip(id).map(|(item, id)| NewContribution {
            item,
            id,
            text: self.text,
        });
        problems.done(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::fields::testing::{problems, ID};

    #[test]
    fn only_approve_approves_a_delegation() {
        let form = DelegationDecisionForm {
            participant: ID.into(),
            organisation: ID.into(),
            decision: "approve".into(),
        };
        assert!(form.clone().parse().unwrap().approve);
        let declined = DelegationDecisionForm {
            decision: "decline".into(),
            ..form
        };
        assert!(!declined.parse().unwrap().approve);
        assert_eq!(
            problems(DelegationDecisionForm::default().parse().unwrap_err()),
            [
                ("organisation".to_string(), Problem::Invalid),
                ("participant".to_string(), Problem::Invalid)
            ]
        );
    }

    #[test]
    fn a_participant_needs_the_id_their_form_was_drawn_with() {
        let form = ParticipantForm {
            id: ID.into(),
            name: "Mei".into(),
        };
        assert_eq!(form.parse().unwrap().id.to_string(), ID);
        assert_eq!(
            problems(ParticipantForm::default().parse().unwrap_err()),
            [("id".to_string(), Problem::Invalid)]
        );
    }

    #[test]
    fn discussions_and_contributions_need_their_ids() {
        let question = DiscussionForm {
            id: ID.into(),
            question: "Where?".into(),
        };
        assert_eq!(question.parse().unwrap().question, "Where?");
        assert_eq!(
            problems(DiscussionForm::default().parse().unwrap_err()),
            [("id".to_string(), Problem::Invalid)]
        );
        let answer = ContributionForm {
            item: ID.into(),
            id: ID.into(),
            text: "Here".into(),
        };
        assert_eq!(answer.parse().unwrap().text, "Here");
        assert_eq!(
            problems(ContributionForm::default().parse().unwrap_err()),
            [
                ("id".to_string(), Problem::Invalid),
                ("item".to_string(), Problem::Invalid)
            ]
        );
    }
}

/// Issuing the proposal: `id` is drawn when the form is, so a retried or
/// double-clicked submit issues one version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueProposalForm {
    pub id: String,
    pub label: String,
}

impl IssueProposalForm {
    pub fn parse(
        self,
    ) -> Result<
        (
            crate::domain::idempotency::IdempotencyKey,
            crate::domain::command::NewProposalVersion,
        ),
        AppError,
    > {
        let id: uuid::Uuid = parse_id("id", &self.id)?;
        let new = crate::domain::command::NewProposalVersion { label: self.label };
        validator::Validate::validate(&new)?;
        Ok((
            crate::domain::idempotency::IdempotencyKey::proposal_version(id),
            new,
        ))
    }
}
