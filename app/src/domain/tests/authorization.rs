//! Who may do what: every mutation against every kind of actor.

use super::*;

/// Who may do what: every mutation (a row) by every kind of actor (a
/// column), as the table in `authorization.txt` a reviewer reads. "allowed":
/// `decide` accepts it; "refused": `decide` answers `Forbidden`; any other
/// answer is written out in the cell, so it changes the table too.
/// Anonymous visitors never reach `decide` (the server refuses them first;
/// see server/tests/workshops.rs), so they are not a column here.
#[test]
fn authorization_matrix() {
    let (mut state, _) = demo();
    let member = AccountId::random();
    let add = Command::AddFacilitator { account: member };
    as_system(&mut state, add);
    let org_a = *state.organisations.keys().next().unwrap();
    let org_b = *state.organisations.keys().nth(1).unwrap();
    let component = state.design.components[0].id;
    let output = state.design.outputs[0].id;
    let risk = state.design.risks[0].id;
    // A participant who joined with the room code, another with an open
    // request to act for B, and an existing commitment of A's.
    let participant = ParticipantId::random();
    let asking = ParticipantId::random();
    for id in [participant, asking] {
        as_system(
            &mut state,
            Command::JoinRoom(NewParticipant { id, name: "P".into() }),
        );
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
    as_system(&mut state, Command::RecordCommitment(existing.clone()));
    let question = DiscussionId::random();
    as_system(
        &mut state,
        Command::OpenDiscussion(NewDiscussion {
            id: question,
            question: "Which ports first?".into(),
        }),
    );
    let revised = Command::ReviseCommitment(NewCommitment {
        status: CommitmentStatus::FirmCommitment,
        ..existing.clone()
    });

    // Someone who asked to act for B and was approved, and a delegate of
    // A whom a facilitator removed.
    let approved = ParticipantId::random();
    let approved_as = Actor::Participant {
        participant: approved,
    };
    let join = Command::JoinRoom(NewParticipant {
        id: approved,
        name: "Q".into(),
    });
    state.execute(&approved_as, join, now()).unwrap();
    let ask = Command::RequestDelegation { organisation: org_b };
    state.execute(&approved_as, ask, now()).unwrap();
    let approve = Command::DecideDelegation {
        participant: approved,
        organisation: org_b,
        approve: true,
    };
    as_system(&mut state, approve);
    let removed = DelegateId::random();
    let removed_as = Actor::Delegate {
        organisation: org_a,
        delegate: Some(removed),
    };
    let join = Command::JoinAsDelegate(NewDelegate {
        id: removed,
        organisation: org_a,
        name: "R".into(),
        email: None,
    });
    state.execute(&removed_as, join, now()).unwrap();
    let remove = Command::RemoveDelegate { delegate: removed };
    as_system(&mut state, remove);

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
        ("participant approved for B", state.participant_actor(approved)),
        ("removed delegate of A", removed_as),
        ("command line", Actor::System),
    ];
    let usd = crate::domain::money::Currency::parse("USD").unwrap();
    let mutations: Vec<(&str, Command)> = vec![
        (
            "add facilitator",
            Command::AddFacilitator {
                account: AccountId::random(),
            },
        ),
        (
            "add organisation",
            Command::AddOrganisation(NewOrganisation {
                id: OrganisationId::random(),
                name: "New partner".into(),
                kind: OrganisationType::Foundation,
                country: "FR".into(),
                city: None,
                financier: None,
                iati_ref: None,
                name_zh: None,
            }),
        ),
        (
            "set A's IATI identifier",
            Command::SetOrganisationIatiRef(OrganisationIatiRef {
                organisation: org_a,
                iati_ref: Some("XM-DAC-41114".into()),
            }),
        ),
        (
            "correct A's Chinese name",
            Command::AmendOrganisation({
                let a = &state.organisations[&org_a];
                NewOrganisation {
                    id: org_a,
                    name: a.name.clone(),
                    name_zh: Some("甲方".into()),
                    kind: a.kind,
                    country: a.country.clone(),
                    city: a.city.clone(),
                    financier: a.financier,
                    iati_ref: None,
                }
            }),
        ),
        (
            "add a participating city",
            Command::SaveCity(City {
                id: CityId::random(),
                name: "Da Nang".into(),
                name_zh: None,
                country: "VN".into(),
                locode: Some("VNDAD".into()),
                organisation: None,
            }),
        ),
        (
            "lock a stage",
            Command::SetStageStatus {
                stage: Stage::ProjectDesign,
                status: StageStatus::Locked,
            },
        ),
        (
            "edit design text (stage 1 is open)",
            Command::SetDesignText(DesignText {
                field: DesignField::Problem,
                text: "x".into(),
                based_on: None,
            }),
        ),
        (
            "add output (stage 1 is open)",
            save_item(
                DesignItem::Output(Output {
                    id: OutputId::random(),
                    code: "9".into(),
                    title: "t".into(),
                    assumptions: String::new(),
                    indicators: vec![],
                }),
                Some(0),
            ),
        ),
        (
            "add component (stage 1 is open)",
            save_item(
                DesignItem::Component(Component {
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
                    cities: Vec::new(),
                }),
                None,
            ),
        ),
        (
            "set A's roles (stage 2 is open)",
            save_item(
                DesignItem::Roles(PartnerRoles {
                    organisation: org_a,
                    iati: [IatiRole::Funding].into_iter().collect(),
                    ppp: Default::default(),
                }),
                None,
            ),
        ),
        (
            "set B's cell of the responsibility matrix",
            save_item(
                DesignItem::Responsibility(Responsibility {
                    component,
                    organisation: org_b,
                    role: Some(Raci::Informed),
                }),
                None,
            ),
        ),
        (
            "add to the canvas (stage 3 is open)",
            save_item(
                DesignItem::Canvas(crate::domain::business::CanvasEntry {
                    id: CanvasEntryId::random(),
                    block: crate::domain::business::CanvasBlock::Channels,
                    text: "t".into(),
                }),
                None,
            ),
        ),
        (
            "A's vote on a risk's allocation",
            save_item(
                DesignItem::Vote(crate::domain::business::AllocationVote {
                    risk,
                    organisation: org_a,
                    allocation: crate::domain::business::Allocation::Private,
                }),
                None,
            ),
        ),
        (
            "settle a risk's allocation",
            save_item(
                DesignItem::Allocation(crate::domain::business::RiskAllocation {
                    risk,
                    allocation: crate::domain::business::Allocation::Shared,
                }),
                None,
            ),
        ),
        (
            "override the named PPP structure",
            save_item(
                DesignItem::Structure(crate::domain::business::PppStructure {
                    chosen: Some(crate::domain::business::NamedStructure::Concession),
                    ..state.business.structure.clone().unwrap()
                }),
                None,
            ),
        ),
        (
            "set exchange rate",
            Command::SetExchangeRate(NewExchangeRate {
                currency: crate::domain::money::Currency::parse("GBP").unwrap(),
                per_unit: dec!(1.27),
                as_of: now().date_naive(),
                source: "test".into(),
            }),
        ),
        ("record A's commitment", commitment_for(org_a, "10")),
        ("record B's commitment", commitment_for(org_b, "10")),
        ("record a commitment earmarked to a component", {
            let mut command = commitment_for(org_a, "10");
            if let Command::RecordCommitment(c) = &mut command {
                c.earmark = Earmark::Component { component };
            }
            command
        }),
        ("revise A's commitment", revised),
        (
            "record a disbursement of A's firm commitment",
            Command::RecordDisbursement(NewDisbursement {
                id: DisbursementId::random(),
                commitment: existing.id,
                date: now().date_naive(),
                amount: dec!(1),
            }),
        ),
        ("set the funding target", funding_target(dec!(1000))),
        (
            "re-rate commitments without a rate",
            Command::ReRate(NewReRate {
                currency: crate::domain::money::Currency::parse("EUR").unwrap(),
                rate_as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                scope: ReRateScope::WithoutRate,
            }),
        ),
        (
            "approve a request to act for B",
            Command::DecideDelegation {
                participant: asking,
                organisation: org_b,
                approve: true,
            },
        ),
        (
            "remove a participant from the room",
            Command::RemoveParticipant { participant: asking },
        ),
        (
            "open a discussion",
            Command::OpenDiscussion(NewDiscussion {
                id: DiscussionId::random(),
                question: "q".into(),
            }),
        ),
        (
            "contribute to an open discussion",
            Command::Contribute(NewContribution {
                item: question,
                id: ContributionId::random(),
                text: "Laem Chabang".into(),
            }),
        ),
        (
            "ask to act for A",
            Command::RequestDelegation { organisation: org_a },
        ),
        (
            "issue a version of the proposal",
            Command::IssueProposal(NewProposalVersion { label: "v1".into() }),
        ),
        (
            "write the proposal's sustainability section",
            Command::SetDesignText(DesignText {
                field: DesignField::Sustainability,
                text: "Fees cover the running costs from year 4.".into(),
                based_on: None,
            }),
        ),
        (
            "start the stage timer",
            Command::StartStageTimer(NewStageTimer { minutes: 15 }),
        ),
        ("stop the stage timer", Command::StopStageTimer),
        (
            "show the projector in English and Chinese",
            Command::SetScreenLanguages {
                languages: ScreenLanguages::Both,
            },
        ),
        (
            "put stage 1 on the main screen",
            Command::ChooseScreen {
                shows: ScreenChoice::Stage {
                    stage: Stage::ProjectDesign,
                },
            },
        ),
    ];
    let mut rows = Vec::new();
    for (what, command) in mutations {
        let cells: Vec<String> = actors
            .iter()
            .map(|(_, actor)| answer(&decide(&state, actor, command.clone(), now())))
            .collect();
        rows.push((what, cells));
    }
    let columns: Vec<&str> = actors.iter().map(|(who, _)| *who).collect();
    matches_snapshot(&table(&columns, &rows));
}

/// A cell of the table: what `decide` answered.
fn answer<T>(result: &Result<T, AppError>) -> String {
    match result {
        Ok(_) => "allowed".into(),
        Err(AppError::Forbidden) => "refused".into(),
        Err(other) => format!("{other:?}"),
    }
}

/// The rows under a header of columns, each cell padded to its column.
fn table(columns: &[&str], rows: &[(&str, Vec<String>)]) -> String {
    let first = rows
        .iter()
        .map(|(what, _)| what.chars().count())
        .max()
        .unwrap_or(0);
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(n, who)| {
            rows.iter()
                .map(|(_, cells)| cells[n].chars().count())
                .chain([who.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |head: &str, cells: &[&str], fill: char, joint: &str| {
        let pad = |text: &str, width: usize| {
            let mut text = text.to_string();
            text.extend(std::iter::repeat_n(fill, width - text.chars().count()));
            text
        };
        let mut out = pad(head, first);
        for (cell, width) in cells.iter().zip(&widths) {
            out.push_str(joint);
            out.push_str(&pad(cell, *width));
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line("mutation", columns, ' ', " | ");
    out.push_str(&line("", &vec![""; columns.len()], '-', "-+-"));
    for (what, cells) in rows {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        out.push_str(&line(what, &cells, ' ', " | "));
    }
    out
}

const SNAPSHOT: &str = "src/domain/tests/authorization.txt";

/// Compares the table with the checked-in one, and says which rows changed.
/// A change that is meant: `UPDATE_SNAPSHOTS=1 cargo test -p app --lib
/// authorization` writes the file, and its diff goes in the commit.
fn matches_snapshot(table: &str) {
    let expected = include_str!("authorization.txt");
    if table == expected {
        return;
    }
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
        std::fs::write(path, table).expect("the snapshot is writable");
        return;
    }
    let was: Vec<&str> = expected.lines().collect();
    let now: Vec<&str> = table.lines().collect();
    let changed: String = (0..was.len().max(now.len()))
        .filter(|n| was.get(*n) != now.get(*n))
        .map(|n| {
            format!(
                "\n  was: {}\n  now: {}",
                was.get(n).unwrap_or(&"(no line)"),
                now.get(n).unwrap_or(&"(no line)")
            )
        })
        .collect();
    panic!(
        "the authorization matrix differs from {SNAPSHOT}:{changed}\n\nThe table now:\n{table}\n\
         If the change is meant, run UPDATE_SNAPSHOTS=1 cargo test -p app --lib authorization and commit the file."
    );
}
