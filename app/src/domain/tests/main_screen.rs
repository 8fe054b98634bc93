//! The main projected screen: by default it follows the stage the room is
//! in; a facilitator puts a stage, the proposal or a question on it; the
//! choice is an event, so a replay shows what the room saw.

use super::*;
use crate::domain::main_screen::{remote, MainScreen, QuestionScreen};

fn choose(shows: ScreenChoice) -> Command {
    Command::ChooseScreen { shows }
}

fn design() -> ScreenChoice {
    ScreenChoice::Stage {
        stage: Stage::ProjectDesign,
    }
}

fn board(stage: Stage) -> ScreenBoard {
    ScreenBoard::Stage { stage }
}

fn ask(state: &mut WorkshopState, question: &str) -> DiscussionId {
    let id = DiscussionId::random();
    let question = question.into();
    as_system(state, Command::OpenDiscussion(NewDiscussion { id, question }));
    id
}

#[test]
fn by_default_the_screen_follows_the_stage_the_room_is_in() {
    let (mut state, _) = demo();
    // The demo has every stage open: the room is in the last, stage 4.
    assert_eq!(state.screen_choice, ScreenChoice::FollowStage);
    assert_eq!(state.screen_shows(), board(Stage::Commitments));
    let lock = |stage| Command::SetStageStatus {
        stage,
        status: StageStatus::Locked,
    };
    as_system(&mut state, lock(Stage::Commitments));
    as_system(&mut state, lock(Stage::BusinessModel));
    assert_eq!(state.screen_shows(), board(Stage::Partnership));
    // Before any stage is open, the commitments' dashboard.
    let fresh = WorkshopState::from_log(&demo().1[..1]);
    assert_eq!(fresh.screen_shows(), board(Stage::Commitments));
}

#[test]
fn a_facilitator_puts_a_stage_the_proposal_or_a_question_on_the_screen() {
    let (mut state, _) = demo();
    as_system(&mut state, choose(design()));
    assert_eq!(state.screen_shows(), board(Stage::ProjectDesign));
    // Opening another stage does not move a screen a facilitator chose.
    let lock = Command::SetStageStatus {
        stage: Stage::Commitments,
        status: StageStatus::Locked,
    };
    as_system(&mut state, lock);
    assert_eq!(state.screen_shows(), board(Stage::ProjectDesign));
    // Choosing the same again writes nothing.
    assert!(as_system(&mut state, choose(design())).is_empty());
    as_system(&mut state, choose(ScreenChoice::Proposal));
    assert_eq!(state.screen_shows(), ScreenBoard::Proposal);
    as_system(&mut state, choose(ScreenChoice::FollowStage));
    assert_eq!(state.screen_shows(), board(Stage::BusinessModel));
    let item = ask(&mut state, "Which ports first?");
    as_system(&mut state, choose(ScreenChoice::Question { item }));
    assert_eq!(state.screen_shows(), ScreenBoard::Question { item });
    assert_eq!(
        MainScreen::of(&state).unwrap().shows,
        ScreenBoard::Question { item }
    );
    // A question nobody asked is not a choice.
    let unknown = ScreenChoice::Question {
        item: DiscussionId::random(),
    };
    assert_eq!(
        decide(&state, &Actor::System, choose(unknown), now()),
        Err(AppError::NotFound("discussion".into()))
    );
}

#[test]
fn only_facilitators_choose_what_the_screen_shows() {
    let (mut state, _) = demo();
    let participant = ParticipantId::random();
    let join = Command::JoinRoom(NewParticipant {
        id: participant,
        name: "P".into(),
    });
    as_system(&mut state, join);
    let stranger = Actor::Facilitator {
        account: AccountId::random(),
    };
    for actor in [
        delegate_of(&state, 0),
        Actor::Participant { participant },
        stranger.clone(),
    ] {
        assert_eq!(
            decide(&state, &actor, choose(design()), now()),
            Err(AppError::Forbidden)
        );
        assert_eq!(remote(&state, &actor), Err(AppError::Forbidden));
    }
    let member = AccountId::random();
    as_system(&mut state, Command::AddFacilitator { account: member });
    let facilitator = Actor::Facilitator { account: member };
    assert!(state.execute(&facilitator, choose(design()), now()).is_ok());
    let offered = remote(&state, &facilitator).unwrap();
    let chosen: Vec<_> = offered
        .choices
        .iter()
        .filter(|c| c.chosen)
        .map(|c| c.choice)
        .collect();
    assert_eq!(chosen, [design()]);
    // Follow, four stages and the proposal; no question asked yet.
    assert_eq!(offered.choices.len(), 6);
}

#[test]
fn the_choice_replays_with_the_log() {
    let (mut state, mut log) = demo();
    let item = DiscussionId::random();
    let asked = Command::OpenDiscussion(NewDiscussion {
        id: item,
        question: "Which ports first?".into(),
    });
    log.extend(as_system(&mut state, asked));
    log.extend(as_system(&mut state, choose(ScreenChoice::Question { item })));
    let before = log.len();
    log.extend(as_system(&mut state, choose(ScreenChoice::Proposal)));
    assert_eq!(log.last().unwrap().event.kind(), "screen_chosen");
    // The log up to a moment shows what the screen showed then.
    assert_eq!(
        WorkshopState::from_log(&log[..before]).screen_shows(),
        ScreenBoard::Question { item }
    );
    assert_eq!(WorkshopState::from_log(&log), state);
    assert_eq!(state.screen_shows(), ScreenBoard::Proposal);
}

#[test]
fn the_screen_shows_a_questions_answers_without_names_only_while_chosen() {
    let (mut state, _) = demo();
    let item = ask(&mut state, "Which ports first?");
    let answer = |text: &str| {
        Command::Contribute(NewContribution {
            item,
            id: ContributionId::random(),
            text: text.into(),
        })
    };
    state
        .execute(&delegate_of(&state, 0), answer("Colombo"), now())
        .unwrap();
    as_system(&mut state, answer("Chittagong"));
    // Not on the screen: the public screen says nothing of it.
    assert_eq!(QuestionScreen::of(&state).unwrap().question, None);
    as_system(&mut state, choose(ScreenChoice::Question { item }));
    let shown = QuestionScreen::of(&state).unwrap().question.unwrap();
    assert_eq!(shown.question, "Which ports first?");
    assert!(shown.open);
    assert_eq!(shown.answers, ["Chittagong", "Colombo"]);
    as_system(&mut state, Command::CloseDiscussion { item });
    let closed = QuestionScreen::of(&state).unwrap().question.unwrap();
    assert!(!closed.open);
    assert_eq!(closed.answers.len(), 2);
}

#[test]
fn the_proposal_screen_lists_every_section_the_versions_and_the_funding_to_find() {
    use crate::domain::proposal::{Gap, ProposalScreen, SectionId};
    let (mut state, _) = demo();
    let issue = |label: &str| Command::IssueProposal(NewProposalVersion { label: label.into() });
    as_system(&mut state, issue("v1"));
    as_system(&mut state, issue("v2, for the summit"));
    let screen = ProposalScreen::of(&state).unwrap();
    assert_eq!(screen.sections.len(), 12);
    let labels: Vec<&str> = screen.issued.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(labels, ["v2, for the summit", "v1"]);
    let dashboard = crate::domain::dashboard::Dashboard::of(&state).unwrap();
    assert_eq!((screen.required, screen.gap), (dashboard.required, dashboard.gap));
    // The demo's monitoring text is not written: the section says so.
    let (_, monitoring) = &screen.sections[SectionId::Monitoring.number() - 1];
    assert!(monitoring.contains(&Gap::MonitoringText));
    let (done, all) = screen.complete();
    assert!(done < all, "the demo's proposal lacks something");
}
