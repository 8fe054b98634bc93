//! The room: participants, their requests to act for an organisation, questions to the room.

use super::*;

#[test]
fn an_approved_participant_acts_as_the_organisations_delegate() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let participant = ParticipantId::random();
    let as_participant = Actor::Participant { participant };
    state
        .execute(
            &as_participant,
            Command::JoinRoom(NewParticipant {
                id: participant,
                name: "Mei".into(),
            }),
            now(),
        )
        .unwrap();
    assert_eq!(state.participant_actor(participant), as_participant);
    let refused = decide(&state, &as_participant, commitment_for(org, "5"), now());
    assert_eq!(refused, Err(AppError::Forbidden));
    state
        .execute(
            &as_participant,
            Command::RequestDelegation { organisation: org },
            now(),
        )
        .unwrap();
    as_system(
        &mut state,
        Command::DecideDelegation {
            participant,
            organisation: org,
            approve: true,
        },
    );
    let actor = state.participant_actor(participant);
    assert!(matches!(actor, Actor::Delegate { organisation, .. } if organisation == org));
    assert!(decide(&state, &actor, commitment_for(org, "5"), now()).is_ok());
    assert!(state.delegates.values().any(|d| d.name == "Mei"));
}

#[test]
fn a_closed_discussion_takes_no_more_contributions() {
    let (mut state, _) = demo();
    let item = DiscussionId::random();
    as_system(
        &mut state,
        Command::OpenDiscussion(NewDiscussion {
            id: item,
            question: "Which KPIs matter most?".into(),
        }),
    );
    let participant = ParticipantId::random();
    let actor = Actor::Participant { participant };
    state
        .execute(
            &actor,
            Command::JoinRoom(NewParticipant {
                id: participant,
                name: "Lan".into(),
            }),
            now(),
        )
        .unwrap();
    let contribute = |text: &str| {
        Command::Contribute(NewContribution {
            item,
            id: ContributionId::random(),
            text: text.into(),
        })
    };
    assert_eq!(
        decide(&state, &actor, contribute(""), now()),
        Err(AppError::invalid("text", Problem::Length))
    );
    state
        .execute(&actor, contribute("Clearance time"), now())
        .unwrap();
    as_system(&mut state, Command::CloseDiscussion { item });
    assert_eq!(
        decide(&state, &actor, contribute("Too late"), now()),
        Err(AppError::invalid("text", Problem::DiscussionClosed))
    );
    let discussion = &state.discussions[&item];
    assert!(!discussion.open);
    assert_eq!(discussion.contributions.len(), 1);
    assert_eq!(discussion.contributions[0].by, actor);
}
