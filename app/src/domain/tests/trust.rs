//! Trust: ids are never reused, removed people act no more, approvals name
//! what they approve.

use super::*;

#[test]
fn an_id_already_in_the_room_is_never_someone_new() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let person = ParticipantId::random();
    as_system(
        &mut state,
        Command::JoinRoom(NewParticipant {
            id: person,
            name: "Lan".into(),
        }),
    );
    let as_delegate = Command::JoinAsDelegate(NewDelegate {
        id: DelegateId(person.0),
        organisation: org,
        name: "Mallory".into(),
        email: None,
    });
    let actor = Actor::Delegate {
        organisation: org,
        delegate: Some(DelegateId(person.0)),
    };
    assert!(matches!(
        decide(&state, &actor, as_delegate, now()),
        Err(AppError::AlreadyExists(_))
    ));
    let again = Command::JoinRoom(NewParticipant {
        id: person,
        name: "Lan".into(),
    });
    assert!(matches!(
        decide(&state, &Actor::Participant { participant: person }, again, now()),
        Err(AppError::AlreadyExists(_))
    ));
}

#[test]
fn a_removed_delegate_acts_no_more_and_their_records_stay() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let delegate = DelegateId::random();
    let actor = Actor::Delegate {
        organisation: org,
        delegate: Some(delegate),
    };
    state
        .execute(
            &actor,
            Command::JoinAsDelegate(NewDelegate {
                id: delegate,
                organisation: org,
                name: "Somchai".into(),
                email: None,
            }),
            now(),
        )
        .unwrap();
    state.execute(&actor, commitment_for(org, "10"), now()).unwrap();
    let recorded = state.commitments.len();
    as_system(&mut state, Command::RemoveDelegate { delegate });
    assert!(state.acts_no_more(&actor));
    assert_eq!(
        state.execute(&actor, commitment_for(org, "20"), now()),
        Err(AppError::Forbidden)
    );
    assert_eq!(state.commitments.len(), recorded, "what they recorded stays");
    assert!(state.delegates.contains_key(&delegate));
    // Removing twice is no change.
    let again = decide(
        &state,
        &Actor::System,
        Command::RemoveDelegate { delegate },
        now(),
    )
    .unwrap();
    assert!(again.is_empty());
}

#[test]
fn an_approval_of_a_request_that_changed_is_refused() {
    let (mut state, _) = demo();
    let mut orgs = state.organisations.keys().copied();
    let (x, y) = (orgs.next().unwrap(), orgs.next().unwrap());
    let participant = ParticipantId::random();
    let as_participant = Actor::Participant { participant };
    as_system(
        &mut state,
        Command::JoinRoom(NewParticipant {
            id: participant,
            name: "Lan".into(),
        }),
    );
    state
        .execute(
            &as_participant,
            Command::RequestDelegation { organisation: x },
            now(),
        )
        .unwrap();
    state
        .execute(
            &as_participant,
            Command::RequestDelegation { organisation: y },
            now(),
        )
        .unwrap();
    let approve_x = Command::DecideDelegation {
        participant,
        organisation: x,
        approve: true,
    };
    assert_eq!(
        decide(&state, &Actor::System, approve_x, now()),
        Err(AppError::RequestChanged)
    );
    let approve_y = Command::DecideDelegation {
        participant,
        organisation: y,
        approve: true,
    };
    as_system(&mut state, approve_y);
    assert_eq!(state.participants[&participant].delegate_of, Some(y));
}
