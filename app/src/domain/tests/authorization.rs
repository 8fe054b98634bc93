//! Who may do what: every mutation against every kind of actor.

use super::*;

/// Every mutation against every kind of actor: who may, who may not.
/// Anonymous visitors never reach `decide` (the server refuses them first;
/// see server/tests/workshops.rs), so they are not rows here.
#[test]
fn authorization_matrix() {
    let (mut state, _) = demo();
    let member = AccountId::random();
    let add = Command::AddFacilitator { account: member };
    state.execute(&Actor::System, add, now()).unwrap();
    let org_a = *state.organisations.keys().next().unwrap();
    let org_b = *state.organisations.keys().nth(1).unwrap();
    let component = state.design.components[0].id;
    let output = state.design.outputs[0].id;
    // A participant who joined with the room code, another with an open
    // request to act for B, and an existing commitment of A's.
    let participant = ParticipantId::random();
    let asking = ParticipantId::random();
    for id in [participant, asking] {
        state
            .execute(
                &Actor::System,
                Command::JoinRoom(NewParticipant { id, name: "P".into() }),
                now(),
            )
            .unwrap();
    }
    state
        .execute(
            &Actor::Participant { participant: asking },
            Command::RequestDelegation { organisation: org_b },
            now(),
        )
        .unwrap();
    let existing = commitment_for(org_a, "10");
    let Command::RecordCommitment(existing) = existing else {
        unreachable!()
    };
    state
        .execute(&Actor::System, Command::RecordCommitment(existing.clone()), now())
        .unwrap();
    let question = DiscussionId::random();
    state
        .execute(
            &Actor::System,
            Command::OpenDiscussion(NewDiscussion {
                id: question,
                question: "Which ports first?".into(),
            }),
            now(),
        )
        .unwrap();
    let revised = Command::ReviseCommitment(NewCommitment {
        status: CommitmentStatus::FirmCommitment,
        ..existing.clone()
    });

    let actors = [
        ("facilitator", Actor::Facilitator { account: member }),
        (
            "facilitator of another workshop",
            Actor::Facilitator {
                account: AccountId::random(),
            },
        ),
        (
            "delegate of A",
            Actor::Delegate {
                organisation: org_a,
                delegate: None,
            },
        ),
        (
            "delegate of B",
            Actor::Delegate {
                organisation: org_b,
                delegate: None,
            },
        ),
        ("participant", Actor::Participant { participant }),
        ("command line", Actor::System),
    ];
    let usd = crate::domain::money::Currency::parse("USD").unwrap();
    let mutations: Vec<(&str, Command, [bool; 6])> = vec![
        (
            "add facilitator",
            Command::AddFacilitator {
                account: AccountId::random(),
            },
            [true, false, false, false, false, true],
        ),
        (
            "add organisation",
            Command::AddOrganisation(NewOrganisation {
                id: OrganisationId::random(),
                name: "New partner".into(),
                kind: OrganisationType::Foundation,
                country: "FR".into(),
                city: None,
            }),
            [true, false, false, false, false, true],
        ),
        (
            "lock a stage",
            Command::SetStageStatus {
                stage: Stage::ProjectDesign,
                status: StageStatus::Locked,
            },
            [true, false, false, false, false, true],
        ),
        (
            "edit design text (stage 1 is open)",
            Command::SetDesignText(DesignText {
                field: DesignField::Problem,
                text: "x".into(),
                based_on: None,
            }),
            [true, false, true, true, false, true],
        ),
        (
            "add output (stage 1 is open)",
            Command::SaveItem {
                item: DesignItem::Output(Output {
                    id: OutputId::random(),
                    code: "9".into(),
                    title: "t".into(),
                    assumptions: String::new(),
                    indicators: vec![],
                }),
                based_on: Some(0),
            },
            [true, false, true, true, false, true],
        ),
        (
            "add component (stage 1 is open)",
            Command::SaveItem {
                item: DesignItem::Component(Component {
                    id: ComponentId::random(),
                    code: "C9".into(),
                    title: "t".into(),
                    description: String::new(),
                    lead: Some(org_a),
                    yearly_cost: vec![CostLine {
                        year: 2027,
                        amount: Money::new(dec!(1), usd).unwrap(),
                    }],
                    outputs: vec![output],
                    tfa: vec!["10.4".into()],
                }),
                based_on: None,
            },
            [true, false, true, true, false, true],
        ),
        (
            "set A's roles (stage 2 is open)",
            Command::SaveItem {
                item: DesignItem::Roles(PartnerRoles {
                    organisation: org_a,
                    iati: [IatiRole::Funding].into_iter().collect(),
                    ppp: Default::default(),
                }),
                based_on: None,
            },
            [true, false, true, false, false, true],
        ),
        (
            "set B's cell of the responsibility matrix",
            Command::SaveItem {
                item: DesignItem::Responsibility(Responsibility {
                    component,
                    organisation: org_b,
                    role: Some(Raci::Informed),
                }),
                based_on: None,
            },
            [true, false, false, true, false, true],
        ),
        (
            "set exchange rate",
            Command::SetExchangeRate(NewExchangeRate {
                currency: crate::domain::money::Currency::parse("GBP").unwrap(),
                per_unit: dec!(1.27),
                as_of: now().date_naive(),
                source: "test".into(),
            }),
            [true, false, false, false, false, true],
        ),
        (
            "record A's commitment",
            commitment_for(org_a, "10"),
            [true, false, true, false, false, true],
        ),
        (
            "record B's commitment",
            commitment_for(org_b, "10"),
            [true, false, false, true, false, true],
        ),
        (
            "record a commitment earmarked to a component",
            {
                let mut command = commitment_for(org_a, "10");
                if let Command::RecordCommitment(c) = &mut command {
                    c.earmark = Earmark::Component { component };
                }
                command
            },
            [true, false, true, false, false, true],
        ),
        (
            "revise A's commitment",
            revised,
            [true, false, true, false, false, true],
        ),
        (
            "set the funding target",
            Command::SetFundingTarget(NewFundingTarget { amount: dec!(1000) }),
            [true, false, false, false, false, true],
        ),
        (
            "approve a request to act for B",
            Command::DecideDelegation {
                participant: asking,
                organisation: org_b,
                approve: true,
            },
            [true, false, false, false, false, true],
        ),
        (
            "remove a participant from the room",
            Command::RemoveParticipant { participant: asking },
            [true, false, false, false, false, true],
        ),
        (
            "open a discussion",
            Command::OpenDiscussion(NewDiscussion {
                id: DiscussionId::random(),
                question: "q".into(),
            }),
            [true, false, false, false, false, true],
        ),
        (
            "contribute to an open discussion",
            Command::Contribute(NewContribution {
                item: question,
                id: ContributionId::random(),
                text: "Laem Chabang".into(),
            }),
            [true, false, true, true, true, true],
        ),
        (
            "ask to act for A",
            Command::RequestDelegation { organisation: org_a },
            [false, false, false, false, true, false],
        ),
    ];
    for (what, command, expected) in mutations {
        for ((who, actor), allowed) in actors.iter().zip(expected) {
            let result = decide(&state, actor, command.clone(), now());
            assert_eq!(result.is_ok(), allowed, "{who} / {what}: {result:?}");
            if !allowed {
                assert_eq!(result, Err(AppError::Forbidden), "{who} / {what}");
            }
        }
    }
}
