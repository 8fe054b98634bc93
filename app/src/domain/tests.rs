use super::analytics::{Totals, WorkshopOverview};
use super::command::*;
use super::demo::demo_commands;
use super::design::*;
use super::error::AppError;
use super::event::{Actor, StoredEvent};
use super::ids::*;
use super::model::*;
use super::money::Money;
use super::state::WorkshopState;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap()
}

/// The demo workshop, run command by command as the engine runs them, with
/// its log.
fn demo() -> (WorkshopState, Vec<StoredEvent>) {
    let mut state = WorkshopState::default();
    let mut log = Vec::new();
    for (_, command) in demo_commands() {
        log.extend(
            state
                .execute(&Actor::System, command, now())
                .expect("the demo is accepted"),
        );
    }
    (state, log)
}

/// Revises the commitment in `slot` with these values, or records a new one
/// (for an organisation picked by the slot) when the slot is empty.
fn record_or_revise(
    state: &mut WorkshopState,
    ids: &mut Vec<NewCommitment>,
    slot: usize,
    (money, status, instrument): (Money, CommitmentStatus, Instrument),
    organisations: &[OrganisationId],
) {
    match ids.get(slot).cloned() {
        Some(existing) => {
            let revised = NewCommitment {
                money,
                status,
                instrument,
                ..existing
            };
            state
                .execute(&Actor::System, Command::ReviseCommitment(revised.clone()), now())
                .unwrap();
            ids[slot] = revised;
        }
        None => {
            let new = NewCommitment {
                money,
                status,
                instrument,
                ..new_commitment(organisations[slot % organisations.len()], "1", "USD")
            };
            state
                .execute(&Actor::System, Command::RecordCommitment(new.clone()), now())
                .unwrap();
            ids.push(new);
        }
    }
}

fn commitment_for(organisation: OrganisationId, amount: &str) -> Command {
    Command::RecordCommitment(NewCommitment {
        id: CommitmentId::random(),
        organisation,
        money: Money::parse(amount, "USD").unwrap(),
        instrument: Instrument::Grant,
        status: CommitmentStatus::FirmCommitment,
        earmark: Earmark::Programme,
        years: vec![2027],
        conditions: String::new(),
        note: String::new(),
        public: true,
    })
}

#[test]
fn the_demo_decides_cleanly_and_has_what_the_issue_asks_for() {
    let (state, log) = demo();
    let overview = WorkshopOverview::of(&state).unwrap();
    assert_eq!(overview.slug, "demo");
    assert_eq!(overview.cities.len(), 12);
    assert!(overview
        .partners_by_group
        .iter()
        .any(|(g, n)| *g == PartnerGroup::Financier && *n >= 2));
    // Stage 1 from the template, partly filled in; stage 2 partly agreed.
    assert_eq!(state.design.start, Some(DesignStart::CustomsLogistics));
    assert_eq!(overview.components, 12);
    assert!(
        state
            .design
            .indicators
            .iter()
            .filter(|i| i.baseline.is_some() && i.target.is_some())
            .count()
            >= 4
    );
    assert!(state.design.risks.iter().all(|r| r.score() > 0));
    assert!(state.partnership.roles.len() >= 4);
    assert!(!state.partnership.bodies.is_empty());
    let flags = raci_flags(&state.design, &state.partnership);
    assert!(flags.iter().any(|(_, f)| f.is_empty()), "a complete row");
    assert!(
        flags.iter().any(|(_, f)| f.contains(&RaciFlag::NoAccountable)),
        "a flagged row"
    );
    assert_eq!(state.version as usize, log.len());
    let currencies: std::collections::BTreeSet<_> =
        state.commitments.values().map(|c| c.money.currency).collect();
    assert!(currencies.len() >= 4, "commitments in several currencies");
    assert_eq!(overview.required, dec!(65900000));
    // Secured cash: USD 2.5m grant + EUR 1.2m at 1.08 + CNY 15m at 0.138.
    assert_eq!(
        overview.secured_cash,
        dec!(2500000) + dec!(1296000) + dec!(2070000)
    );
    assert_eq!(overview.gap, overview.required - overview.secured_cash);
}

#[test]
fn a_fold_of_the_log_is_the_state() {
    let (state, log) = demo();
    assert_eq!(WorkshopState::from_log(&log), state);
    let json: Vec<String> = log.iter().map(|e| serde_json::to_string(e).unwrap()).collect();
    let reparsed: Vec<StoredEvent> = json.iter().map(|j| serde_json::from_str(j).unwrap()).collect();
    assert_eq!(reparsed, log);
}

#[test]
fn a_delegate_records_only_for_their_own_organisation() {
    let (state, _) = demo();
    let mine = *state.organisations.keys().next().unwrap();
    let theirs = *state.organisations.keys().nth(1).unwrap();
    let delegate = Actor::Delegate {
        organisation: mine,
        delegate: None,
    };
    assert!(decide(&state, &delegate, commitment_for(mine, "10"), now()).is_ok());
    assert_eq!(
        decide(&state, &delegate, commitment_for(theirs, "10"), now()),
        Err(AppError::Forbidden)
    );
    let setup = Command::SetStageStatus {
        stage: Stage::Commitments,
        status: StageStatus::Locked,
    };
    assert_eq!(decide(&state, &delegate, setup, now()), Err(AppError::Forbidden));
}

#[test]
fn a_locked_commitments_stage_refuses_delegates_but_not_facilitators() {
    let (mut state, _) = demo();
    let lock = Command::SetStageStatus {
        stage: Stage::Commitments,
        status: StageStatus::Locked,
    };
    state.execute(&Actor::System, lock, now()).unwrap();
    let mine = *state.organisations.keys().next().unwrap();
    let delegate = Actor::Delegate {
        organisation: mine,
        delegate: None,
    };
    assert_eq!(
        decide(&state, &delegate, commitment_for(mine, "10"), now()),
        Err(AppError::StageLocked(Stage::Commitments))
    );
    let member = AccountId::random();
    let add = Command::AddFacilitator { account: member };
    state.execute(&Actor::System, add, now()).unwrap();
    let facilitator = Actor::Facilitator { account: member };
    assert!(decide(&state, &facilitator, commitment_for(mine, "10"), now()).is_ok());
    let outsider = Actor::Facilitator {
        account: AccountId::random(),
    };
    assert_eq!(
        decide(&state, &outsider, commitment_for(mine, "10"), now()),
        Err(AppError::Forbidden)
    );
}

#[test]
fn the_creating_facilitator_administers_the_workshop_and_nobody_else_does() {
    let creator = AccountId::random();
    let mut state = WorkshopState::default();
    let create = Command::CreateWorkshop(NewWorkshop {
        id: WorkshopId::random(),
        slug: "mine".into(),
        title: "T".into(),
        programme: "P".into(),
        reporting_currency: super::money::Currency::parse("USD").unwrap(),
    });
    state
        .execute(&Actor::Facilitator { account: creator }, create, now())
        .unwrap();
    assert!(state.facilitators.contains(&creator));
    let lock = || Command::SetStageStatus {
        stage: Stage::ProjectDesign,
        status: StageStatus::Locked,
    };
    assert!(decide(&state, &Actor::Facilitator { account: creator }, lock(), now()).is_ok());
    let other = Actor::Facilitator {
        account: AccountId::random(),
    };
    assert_eq!(decide(&state, &other, lock(), now()), Err(AppError::Forbidden));
    assert_eq!(
        decide(
            &state,
            &other,
            Command::AddFacilitator {
                account: AccountId::random()
            },
            now()
        ),
        Err(AppError::Forbidden)
    );
}

#[test]
fn invalid_input_names_the_field_and_the_problem() {
    let bad = Command::CreateWorkshop(NewWorkshop {
        id: WorkshopId::random(),
        slug: "Not A Slug".into(),
        title: String::new(),
        programme: "P".into(),
        reporting_currency: super::money::Currency::parse("USD").unwrap(),
    });
    let Err(AppError::Invalid(fields)) = decide(&WorkshopState::default(), &Actor::System, bad, now()) else {
        panic!("expected a validation error");
    };
    assert_eq!(fields.get("slug").map(String::as_str), Some("slug_format"));
    assert_eq!(fields.get("title").map(String::as_str), Some("length"));
}

#[test]
fn commands_other_than_create_need_a_workshop() {
    let command = Command::SetStageStatus {
        stage: Stage::Partnership,
        status: StageStatus::Open,
    };
    assert!(matches!(
        decide(&WorkshopState::default(), &Actor::System, command, now()),
        Err(AppError::NotFound(_))
    ));
}

#[test]
fn a_commitment_keeps_the_rate_in_force_when_recorded() {
    let (state, _) = demo();
    let jpy = state
        .commitments
        .values()
        .find(|c| c.money.currency.code() == "JPY")
        .unwrap();
    assert_eq!(jpy.rate.as_ref().unwrap().per_unit, dec!(0.0067));
    let usd = state
        .commitments
        .values()
        .find(|c| c.money.currency.code() == "USD")
        .unwrap();
    assert_eq!(usd.rate.as_ref().unwrap().per_unit, Decimal::ONE);
}

#[test]
fn a_stored_money_value_that_breaks_the_rules_does_not_parse() {
    assert!(serde_json::from_str::<Money>(r#"{"amount":"-1","currency":"USD"}"#).is_err());
    assert!(serde_json::from_str::<Money>(r#"{"amount":"1.5","currency":"JPY"}"#).is_err());
}

proptest! {
    /// Totals equal the sum of the ledger, whatever order the events came in.
    #[test]
    fn totals_are_the_sum_of_the_ledger_in_any_order(
        amounts in proptest::collection::vec((1u64..10_000_000_000, 0usize..3), 1..30),
        seed in any::<u64>(),
    ) {
        let (base, _) = demo();
        let organisations: Vec<OrganisationId> = base.organisations.keys().copied().collect();
        let commands: Vec<Command> = amounts
            .iter()
            .enumerate()
            .map(|(i, (cents, status))| {
                let status = [CommitmentStatus::IndicativePledge, CommitmentStatus::FirmCommitment, CommitmentStatus::Disbursed][*status];
                let mut command = commitment_for(organisations[i % organisations.len()], &Decimal::new(*cents as i64, 2).to_string());
                if let Command::RecordCommitment(c) = &mut command { c.status = status; }
                command
            })
            .collect();
        let mut shuffled = commands.clone();
        // A deterministic shuffle from the seed.
        let mut state_rng = seed;
        for i in (1..shuffled.len()).rev() {
            state_rng = state_rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state_rng >> 33) as usize % (i + 1));
        }
        let apply_all = |commands: Vec<Command>| {
            let mut state = base.clone();
            state.commitments.clear();
            for command in commands {
                state.execute(&Actor::System, command, now()).unwrap();
            }
            Totals::of(&state)
        };
        let in_order = apply_all(commands);
        let any_order = apply_all(shuffled);
        prop_assert_eq!(&in_order.by_tier_and_kind, &any_order.by_tier_and_kind);
        let secured: Decimal = amounts.iter().filter(|(_, s)| *s > 0).map(|(c, _)| Decimal::new(*c as i64, 2)).sum();
        let pledged: Decimal = amounts.iter().filter(|(_, s)| *s == 0).map(|(c, _)| Decimal::new(*c as i64, 2)).sum();
        prop_assert_eq!(in_order.get(Tier::Secured, ContributionKind::Cash), secured);
        prop_assert_eq!(in_order.get(Tier::Pledged, ContributionKind::Cash), pledged);
    }
}

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
    let usd = super::money::Currency::parse("USD").unwrap();
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
                currency: super::money::Currency::parse("GBP").unwrap(),
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

fn new_commitment(organisation: OrganisationId, amount: &str, currency: &str) -> NewCommitment {
    NewCommitment {
        id: CommitmentId::random(),
        organisation,
        money: Money::parse(amount, currency).unwrap(),
        instrument: Instrument::Grant,
        status: CommitmentStatus::IndicativePledge,
        earmark: Earmark::Programme,
        years: vec![2027],
        conditions: String::new(),
        note: String::new(),
        public: true,
    }
}

#[test]
fn revisions_keep_every_earlier_value_and_who_made_it() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let delegate = Actor::Delegate {
        organisation: org,
        delegate: None,
    };
    let first = new_commitment(org, "100", "USD");
    state
        .execute(&delegate, Command::RecordCommitment(first.clone()), now())
        .unwrap();
    let raised = NewCommitment {
        money: Money::parse("150", "USD").unwrap(),
        ..first.clone()
    };
    state
        .execute(&delegate, Command::ReviseCommitment(raised.clone()), now())
        .unwrap();
    let withdrawn = NewCommitment {
        status: CommitmentStatus::Withdrawn,
        ..raised
    };
    state
        .execute(&Actor::System, Command::ReviseCommitment(withdrawn), now())
        .unwrap();
    let history = &state.commitment_history[&first.id];
    let amounts: Vec<String> = history
        .iter()
        .map(|c| c.commitment.money.amount.to_string())
        .collect();
    assert_eq!(amounts, ["100", "150", "150"]);
    assert_eq!(history[2].commitment.status, CommitmentStatus::Withdrawn);
    assert_eq!(history[0].by, delegate);
    assert_eq!(history[2].by, Actor::System);
    assert_eq!(
        state.commitments[&first.id].status,
        CommitmentStatus::Withdrawn,
        "never deleted"
    );
}

#[test]
fn a_delegate_cannot_move_a_commitment_to_another_organisation() {
    let (mut state, _) = demo();
    let mut orgs = state.organisations.keys().copied();
    let (mine, theirs) = (orgs.next().unwrap(), orgs.next().unwrap());
    let delegate = Actor::Delegate {
        organisation: mine,
        delegate: None,
    };
    let first = new_commitment(mine, "100", "USD");
    state
        .execute(&delegate, Command::RecordCommitment(first.clone()), now())
        .unwrap();
    let moved = NewCommitment {
        organisation: theirs,
        ..first
    };
    let result = decide(&state, &delegate, Command::ReviseCommitment(moved), now());
    assert_eq!(result, Err(AppError::invalid("organisation", "cannot_change")));
}

#[test]
fn an_unchanged_revision_records_nothing_and_a_new_amount_takes_todays_rate() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let first = new_commitment(org, "1000", "EUR");
    state
        .execute(&Actor::System, Command::RecordCommitment(first.clone()), now())
        .unwrap();
    let same = decide(
        &state,
        &Actor::System,
        Command::ReviseCommitment(first.clone()),
        now(),
    );
    assert_eq!(same, Ok(vec![]));
    let old_rate = state.commitments[&first.id].rate.clone().unwrap();
    state
        .execute(
            &Actor::System,
            Command::SetExchangeRate(NewExchangeRate {
                currency: first.money.currency,
                per_unit: old_rate.per_unit + dec!(0.1),
                as_of: now().date_naive(),
                source: "later".into(),
            }),
            now(),
        )
        .unwrap();
    let firm = NewCommitment {
        status: CommitmentStatus::FirmCommitment,
        ..first.clone()
    };
    state
        .execute(&Actor::System, Command::ReviseCommitment(firm.clone()), now())
        .unwrap();
    assert_eq!(
        state.commitments[&first.id].rate.as_ref(),
        Some(&old_rate),
        "a step keeps its rate"
    );
    let more = NewCommitment {
        money: Money::parse("2000", "EUR").unwrap(),
        ..firm
    };
    state
        .execute(&Actor::System, Command::ReviseCommitment(more), now())
        .unwrap();
    assert_eq!(
        state.commitments[&first.id].rate.as_ref().unwrap().source,
        "later"
    );
}

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
    state
        .execute(
            &Actor::System,
            Command::DecideDelegation {
                participant,
                organisation: org,
                approve: true,
            },
            now(),
        )
        .unwrap();
    let actor = state.participant_actor(participant);
    assert!(matches!(actor, Actor::Delegate { organisation, .. } if organisation == org));
    assert!(decide(&state, &actor, commitment_for(org, "5"), now()).is_ok());
    assert!(state.delegates.values().any(|d| d.name == "Mei"));
}

#[test]
fn the_dashboard_masks_confidential_names_and_keeps_tiers_and_kinds_apart() {
    use super::dashboard::{Dashboard, PublicName};
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let before = Dashboard::of(&state).unwrap();
    let secret = NewCommitment {
        status: CommitmentStatus::FirmCommitment,
        public: false,
        ..new_commitment(org, "1000", "USD")
    };
    let guarantee = NewCommitment {
        instrument: Instrument::Guarantee,
        status: CommitmentStatus::FirmCommitment,
        ..new_commitment(org, "5000", "USD")
    };
    state
        .execute(&Actor::System, Command::RecordCommitment(secret.clone()), now())
        .unwrap();
    state
        .execute(
            &Actor::System,
            Command::RecordCommitment(guarantee.clone()),
            now(),
        )
        .unwrap();
    let after = Dashboard::of(&state).unwrap();
    assert_eq!(after.cash.secured - before.cash.secured, dec!(1000));
    assert_eq!(after.guarantees.secured - before.guarantees.secured, dec!(5000));
    assert_eq!(after.gap, before.gap - dec!(1000));
    let line = after
        .newest
        .iter()
        .find(|l| l.id == secret.id)
        .expect("newest lists it");
    assert!(matches!(line.who, PublicName::Anonymous { .. }), "{:?}", line.who);
    assert_eq!(after.newest[0].id, guarantee.id, "newest first");
    let json = serde_json::to_string(&after).unwrap();
    let name = &state.organisations[&org].name;
    let named_elsewhere = after
        .newest
        .iter()
        .any(|l| matches!(&l.who, PublicName::Named { name: n } if n == name));
    assert!(named_elsewhere || !json.contains(name.as_str()));
}

#[test]
fn required_comes_from_the_budget_else_the_target() {
    use super::required::{required, RequiredSource};
    let (demo_state, _) = demo();
    assert_eq!(required(&demo_state).1, RequiredSource::Budget);
    let mut empty = WorkshopState::default();
    let create = demo_commands().remove(0).1;
    empty.execute(&Actor::System, create, now()).unwrap();
    assert_eq!(required(&empty), (Decimal::ZERO, RequiredSource::Nothing));
    empty
        .execute(
            &Actor::System,
            Command::SetFundingTarget(NewFundingTarget {
                amount: dec!(2500000),
            }),
            now(),
        )
        .unwrap();
    assert_eq!(required(&empty), (dec!(2500000), RequiredSource::Target));
    let too_precise = decide(
        &empty,
        &Actor::System,
        Command::SetFundingTarget(NewFundingTarget { amount: dec!(1.005) }),
        now(),
    );
    assert_eq!(too_precise, Err(AppError::invalid("amount", "too_many_decimals")));
}

#[test]
fn gaps_by_component_count_only_secured_cash_earmarked_to_it() {
    use super::dashboard::Dashboard;
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let component = state.design.components[0].id;
    let before = Dashboard::of(&state).unwrap().by_component[0].clone();
    for (status, instrument) in [
        (CommitmentStatus::FirmCommitment, Instrument::Grant),
        (CommitmentStatus::LetterOfIntent, Instrument::Grant),
        (CommitmentStatus::FirmCommitment, Instrument::InKind),
    ] {
        let new = NewCommitment {
            status,
            instrument,
            earmark: Earmark::Component { component },
            ..new_commitment(org, "100", "USD")
        };
        state
            .execute(&Actor::System, Command::RecordCommitment(new.clone()), now())
            .unwrap();
    }
    let after = Dashboard::of(&state).unwrap().by_component[0].clone();
    assert_eq!(after.tiers.secured - before.tiers.secured, dec!(100));
    assert_eq!(after.tiers.pledged - before.tiers.pledged, dec!(100));
    assert_eq!(after.gap().unwrap(), before.gap().unwrap() - dec!(100));
}

proptest! {
    /// After any mix of recordings, amendments, steps on the ladder and
    /// withdrawals, in several currencies: the dashboard's totals equal the
    /// register summed line by line, and the breakdowns add up to them.
    #[test]
    fn totals_equal_the_register_after_any_revisions(
        steps in proptest::collection::vec((0usize..6, 1u64..100_000_000, 0usize..7, 0usize..4, 0usize..3), 1..40),
    ) {
        use super::dashboard::{ledger, Dashboard};
        let (mut state, _) = demo();
        let organisations: Vec<OrganisationId> = state.organisations.keys().copied().collect();
        let statuses = [
            CommitmentStatus::ExpressionOfInterest, CommitmentStatus::IndicativePledge,
            CommitmentStatus::LetterOfIntent, CommitmentStatus::MouSigned,
            CommitmentStatus::FirmCommitment, CommitmentStatus::Disbursed, CommitmentStatus::Withdrawn,
        ];
        let instruments = [Instrument::Grant, Instrument::Loan, Instrument::Guarantee, Instrument::InKind];
        let currencies = ["USD", "EUR", "CNY"];
        let mut ids: Vec<NewCommitment> = Vec::new();
        for (slot, cents, status, instrument, currency) in steps {
            let money = Money::parse(&Decimal::new(cents as i64, 2).to_string(), currencies[currency]).unwrap();
            let values = (money, statuses[status], instruments[instrument]);
            record_or_revise(&mut state, &mut ids, slot, values, &organisations);
        }
        let dashboard = Dashboard::of(&state).unwrap();
        let lines = ledger(&state, &Actor::System);
        let sum = |tier: Tier, kind: ContributionKind| -> Decimal {
            lines.iter()
                .filter(|l| l.commitment.status.tier() == tier && l.commitment.instrument.kind() == kind)
                .filter_map(|l| l.converted)
                .sum()
        };
        prop_assert_eq!(dashboard.cash.secured, sum(Tier::Secured, ContributionKind::Cash));
        prop_assert_eq!(dashboard.cash.pledged, sum(Tier::Pledged, ContributionKind::Cash));
        prop_assert_eq!(dashboard.guarantees.secured, sum(Tier::Secured, ContributionKind::Guarantee));
        prop_assert_eq!(dashboard.in_kind.pledged, sum(Tier::Pledged, ContributionKind::InKind));
        let by_group: Decimal = dashboard.by_group.iter().map(|b| b.tiers.secured).sum();
        prop_assert_eq!(by_group, dashboard.cash.secured);
        let by_instrument: Decimal = dashboard.by_instrument.iter().map(|b| b.tiers.secured + b.tiers.pledged).sum();
        let all: Decimal = [Tier::Secured, Tier::Pledged].iter()
            .flat_map(|t| [ContributionKind::Cash, ContributionKind::Guarantee, ContributionKind::InKind].map(|k| sum(*t, k)))
            .sum();
        prop_assert_eq!(by_instrument, all);
        prop_assert_eq!(dashboard.gap, dashboard.required - dashboard.cash.secured);
    }
}

#[test]
fn a_closed_discussion_takes_no_more_contributions() {
    let (mut state, _) = demo();
    let item = DiscussionId::random();
    state
        .execute(
            &Actor::System,
            Command::OpenDiscussion(NewDiscussion {
                id: item,
                question: "Which KPIs matter most?".into(),
            }),
            now(),
        )
        .unwrap();
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
        Err(AppError::invalid("text", "length"))
    );
    state
        .execute(&actor, contribute("Clearance time"), now())
        .unwrap();
    state
        .execute(&Actor::System, Command::CloseDiscussion { item }, now())
        .unwrap();
    assert_eq!(
        decide(&state, &actor, contribute("Too late"), now()),
        Err(AppError::invalid("text", "discussion_closed"))
    );
    let discussion = &state.discussions[&item];
    assert!(!discussion.open);
    assert_eq!(discussion.contributions.len(), 1);
    assert_eq!(discussion.contributions[0].by, actor);
}

#[test]
fn the_second_of_two_saves_from_the_same_start_is_told_and_shown_the_first() {
    let (mut state, _) = demo();
    let mut orgs = state.organisations.keys().copied();
    let (a, b) = (orgs.next().unwrap(), orgs.next().unwrap());
    let delegate = |organisation| Actor::Delegate {
        organisation,
        delegate: None,
    };
    let start = state
        .design_versions
        .get(&DesignField::Rationale)
        .copied()
        .unwrap_or(0);
    let save = |text: &str, based_on| {
        Command::SetDesignText(DesignText {
            field: DesignField::Rationale,
            text: text.into(),
            based_on: Some(based_on),
        })
    };
    state
        .execute(&delegate(a), save("Ports first.", start), now())
        .unwrap();
    let second = decide(&state, &delegate(b), save("Borders first.", start), now());
    let Err(AppError::EditedMeanwhile { theirs, version }) = second else {
        panic!("expected a conflict, got {second:?}");
    };
    assert_eq!(theirs, "Ports first.");
    // Having seen it, the second person may keep their own text.
    state
        .execute(&delegate(b), save("Borders first.", version), now())
        .unwrap();
    assert_eq!(state.design.rationale, "Borders first.");

    // A locked stage is read-only for delegates, not for facilitators.
    state
        .execute(
            &Actor::System,
            Command::SetStageStatus {
                stage: Stage::ProjectDesign,
                status: StageStatus::Locked,
            },
            now(),
        )
        .unwrap();
    let version = state.design_versions[&DesignField::Rationale];
    let refused = decide(&state, &delegate(a), save("Again.", version), now());
    assert_eq!(refused, Err(AppError::StageLocked(Stage::ProjectDesign)));
}

fn delegate_of(state: &WorkshopState, n: usize) -> Actor {
    Actor::Delegate {
        organisation: *state.organisations.keys().nth(n).unwrap(),
        delegate: None,
    }
}

fn indicator_of(state: &WorkshopState, n: usize) -> Indicator {
    state.design.indicators[n].clone()
}

#[test]
fn the_template_fills_an_empty_design_once() {
    let (state, _) = demo();
    let refused = decide(
        &state,
        &Actor::System,
        Command::StartDesign {
            start: DesignStart::Blank,
        },
        now(),
    );
    assert_eq!(refused, Err(AppError::invalid("start", "already_started")));

    let mut fresh = WorkshopState::default();
    fresh
        .execute(&Actor::System, demo_commands().remove(0).1, now())
        .unwrap();
    fresh
        .execute(
            &Actor::System,
            Command::StartDesign {
                start: DesignStart::CustomsLogistics,
            },
            now(),
        )
        .unwrap();
    assert_eq!(fresh.design.components.len(), 12);
    assert_eq!(fresh.design.outputs.len(), 4);
    assert!(fresh
        .design
        .indicators
        .iter()
        .any(|i| i.name.contains("release time")));
    assert!(fresh
        .design
        .components
        .iter()
        .any(|c| c.tfa.contains(&"10.4".to_string())));
    assert_eq!(fresh.design.phases.len(), 3);
    // Every template item is valid as the room would save it.
    for item in super::template::customs_logistics(WorkshopId::random()) {
        assert!(item.validate().is_ok(), "{item:?}");
    }
    // Started blank, nothing is filled in.
    let mut blank = WorkshopState::default();
    blank
        .execute(&Actor::System, demo_commands().remove(0).1, now())
        .unwrap();
    blank
        .execute(
            &Actor::System,
            Command::StartDesign {
                start: DesignStart::Blank,
            },
            now(),
        )
        .unwrap();
    assert_eq!(blank.design.start, Some(DesignStart::Blank));
    assert!(blank.design.components.is_empty());
}

#[test]
fn two_delegates_editing_different_outputs_both_keep_their_work() {
    let (mut state, _) = demo();
    let (a, b) = (delegate_of(&state, 0), delegate_of(&state, 1));
    let mut first = state.design.outputs[0].clone();
    let mut second = state.design.outputs[1].clone();
    let (v1, v2) = (
        state.item_version(&DesignItem::Output(first.clone()).key()),
        state.item_version(&DesignItem::Output(second.clone()).key()),
    );
    first.title = "Edited by A".into();
    second.title = "Edited by B".into();
    state
        .execute(
            &a,
            Command::SaveItem {
                item: DesignItem::Output(first),
                based_on: Some(v1),
            },
            now(),
        )
        .unwrap();
    state
        .execute(
            &b,
            Command::SaveItem {
                item: DesignItem::Output(second),
                based_on: Some(v2),
            },
            now(),
        )
        .unwrap();
    assert_eq!(state.design.outputs[0].title, "Edited by A");
    assert_eq!(state.design.outputs[1].title, "Edited by B");
}

#[test]
fn the_second_save_of_the_same_indicator_is_told_and_may_keep_its_own() {
    let (mut state, _) = demo();
    let (a, b) = (delegate_of(&state, 0), delegate_of(&state, 1));
    let original = indicator_of(&state, 4);
    let key = DesignItem::Indicator(original.clone()).key();
    let version = state.item_version(&key);
    let mut mine = original.clone();
    mine.target = Some(dec!(20));
    let mut theirs = original.clone();
    theirs.target = Some(dec!(12));
    state
        .execute(
            &a,
            Command::SaveItem {
                item: DesignItem::Indicator(theirs.clone()),
                based_on: Some(version),
            },
            now(),
        )
        .unwrap();
    let refused = state.execute(
        &b,
        Command::SaveItem {
            item: DesignItem::Indicator(mine.clone()),
            based_on: Some(version),
        },
        now(),
    );
    let Err(AppError::ItemEditedMeanwhile {
        theirs: Some(seen),
        version: now_at,
    }) = refused
    else {
        panic!("expected a conflict, got {refused:?}");
    };
    assert_eq!(*seen, DesignItem::Indicator(theirs));
    assert_eq!(
        indicator_of(&state, 4).target,
        Some(dec!(12)),
        "nothing was overwritten"
    );
    // B keeps their own, saving again from the version they were shown.
    state
        .execute(
            &b,
            Command::SaveItem {
                item: DesignItem::Indicator(mine),
                based_on: Some(now_at),
            },
            now(),
        )
        .unwrap();
    assert_eq!(indicator_of(&state, 4).target, Some(dec!(20)));
    // A retried save of what is already there changes nothing and is no conflict.
    let same = indicator_of(&state, 4);
    assert_eq!(
        decide(
            &state,
            &a,
            Command::SaveItem {
                item: DesignItem::Indicator(same),
                based_on: Some(1)
            },
            now()
        ),
        Ok(vec![])
    );
}

#[test]
fn a_delegate_changes_only_their_own_organisations_partnership_records() {
    let (mut state, _) = demo();
    let a = delegate_of(&state, 0);
    let org_b = *state.organisations.keys().nth(1).unwrap();
    let refused = state.execute(
        &a,
        Command::SaveItem {
            item: DesignItem::Agreement(Agreement {
                organisation: org_b,
                ..Agreement::default()
            }),
            based_on: None,
        },
        now(),
    );
    assert_eq!(refused, Err(AppError::Forbidden));
    assert!(!state.partnership.agreements.contains_key(&org_b));
    // And nothing once the facilitator locks the stage.
    state
        .execute(
            &Actor::System,
            Command::SetStageStatus {
                stage: Stage::Partnership,
                status: StageStatus::Locked,
            },
            now(),
        )
        .unwrap();
    let org_a = *state.organisations.keys().next().unwrap();
    let locked = state.execute(
        &a,
        Command::SaveItem {
            item: DesignItem::Agreement(Agreement {
                organisation: org_a,
                ..Agreement::default()
            }),
            based_on: None,
        },
        now(),
    );
    assert_eq!(locked, Err(AppError::StageLocked(Stage::Partnership)));
}

#[test]
fn the_matrix_flags_a_component_with_two_accountable_partners() {
    let (mut state, _) = demo();
    let component = state.design.components[0].id;
    assert!(raci_flags(&state.design, &state.partnership)[0].1.is_empty());
    let organisation = *state.organisations.keys().nth(5).unwrap();
    state
        .execute(
            &Actor::System,
            Command::SaveItem {
                item: DesignItem::Responsibility(Responsibility {
                    component,
                    organisation,
                    role: Some(Raci::Accountable),
                }),
                based_on: Some(0),
            },
            now(),
        )
        .unwrap();
    assert_eq!(
        raci_flags(&state.design, &state.partnership)[0].1,
        vec![RaciFlag::SeveralAccountable]
    );
    // Clearing the cell clears the flag.
    state
        .execute(
            &Actor::System,
            Command::SaveItem {
                item: DesignItem::Responsibility(Responsibility {
                    component,
                    organisation,
                    role: None,
                }),
                based_on: None,
            },
            now(),
        )
        .unwrap();
    assert!(raci_flags(&state.design, &state.partnership)[0].1.is_empty());
}

#[test]
fn removing_an_output_takes_its_activities_and_indicators_along() {
    let (mut state, _) = demo();
    let output = state.design.outputs[0].id;
    assert!(state.design.activities.iter().any(|a| a.output == output));
    state
        .execute(
            &Actor::System,
            Command::RemoveItem {
                key: ItemKey::Output { id: output },
                based_on: None,
            },
            now(),
        )
        .unwrap();
    assert!(!state.design.activities.iter().any(|a| a.output == output));
    assert!(!state
        .design
        .indicators
        .iter()
        .any(|i| i.level == ResultLevel::Output(output)));
    assert!(!state
        .design
        .components
        .iter()
        .any(|c| c.outputs.contains(&output)));
    // A component with commitments earmarked to it stays.
    let earmarked = state
        .commitments
        .values()
        .find_map(|c| match c.earmark {
            Earmark::Component { component } => Some(component),
            _ => None,
        })
        .unwrap();
    let refused = decide(
        &state,
        &Actor::System,
        Command::RemoveItem {
            key: ItemKey::Component { id: earmarked },
            based_on: None,
        },
        now(),
    );
    assert_eq!(refused, Err(AppError::invalid("component", "has_commitments")));
}

#[test]
fn the_logframe_and_the_risk_matrix_show_the_design() {
    let (state, _) = demo();
    let [goal, purpose, outputs, activities] = logframe(&state.design);
    assert_eq!(goal.narrative, vec![state.design.goal.clone()]);
    assert!(goal
        .indicators
        .iter()
        .any(|l| l.contains("Logistics Performance Index")));
    assert!(
        purpose
            .indicators
            .iter()
            .any(|l| l.contains("48 → 24 hours (2029)")),
        "{:?}",
        purpose.indicators
    );
    assert_eq!(outputs.narrative.len(), state.design.outputs.len());
    assert!(!activities.narrative.is_empty());
    let matrix = risk_matrix(&state.design.risks);
    let placed: usize = matrix.iter().flatten().map(Vec::len).sum();
    assert_eq!(placed, state.design.risks.len());
    let first = &state.design.risks[0];
    assert!(matrix[usize::from(first.likelihood - 1)][usize::from(first.impact - 1)].contains(&0));
    assert_eq!(risk_band(5, 5), RiskBand::High);
    assert_eq!(risk_band(1, 2), RiskBand::Low);
    assert_eq!(duration(&state.design.phases), Some((2027, 2029)));
}

#[test]
fn a_form_reports_every_problem_next_to_its_field_and_round_trips() {
    use super::item_form::{from_form, to_form, FormValues};
    let usd = super::money::Currency::parse("USD").unwrap();
    let key = ItemKey::Indicator {
        id: IndicatorId::random(),
    };
    let values: FormValues = [
        ("level", "outcome"),
        ("name", ""),
        ("unit", "hours"),
        ("baseline", "4x"),
        ("target_year", "1800"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let problems = from_form(key, &values, usd).unwrap_err();
    assert_eq!(problems.get("name").map(String::as_str), Some("length"));
    assert_eq!(problems.get("baseline").map(String::as_str), Some("number"));
    assert_eq!(problems.get("target_year").map(String::as_str), Some("range"));

    let phase = ItemKey::Phase {
        id: PhaseId::random(),
    };
    let values: FormValues = [("name", "Pilot"), ("start_year", "2029"), ("end_year", "2027")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(
        from_form(phase, &values, usd)
            .unwrap_err()
            .get("end_year")
            .map(String::as_str),
        Some("end_before_start")
    );
    let component_key = ItemKey::Component {
        id: ComponentId::random(),
    };
    let values: FormValues = [
        ("code", "C1"),
        ("title", "T"),
        ("cost:2027", "-5"),
        ("tfa", "99.9"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let problems = from_form(component_key, &values, usd).unwrap_err();
    assert_eq!(problems.get("cost:2027").map(String::as_str), Some("negative"));
    assert_eq!(
        problems.get("tfa").map(String::as_str),
        Some("unknown_tfa_measure")
    );

    let (state, _) = demo();
    for item in state
        .design
        .components
        .iter()
        .cloned()
        .map(DesignItem::Component)
        .chain(state.design.indicators.iter().cloned().map(DesignItem::Indicator))
        .chain(state.design.risks.iter().cloned().map(DesignItem::Risk))
        .chain(state.partnership.bodies.iter().cloned().map(DesignItem::Body))
        .chain(
            state
                .partnership
                .agreements
                .values()
                .cloned()
                .map(DesignItem::Agreement),
        )
        .chain(state.partnership.roles.values().cloned().map(DesignItem::Roles))
    {
        assert_eq!(from_form(item.key(), &to_form(&item), usd), Ok(item.clone()));
    }
}

#[test]
fn older_outputs_with_nested_indicators_fold_into_the_flat_list() {
    let (mut state, _) = demo();
    let output = OutputId::random();
    let indicator = Indicator {
        id: IndicatorId::default(),
        level: ResultLevel::Outcome,
        name: "Old".into(),
        unit: "%".into(),
        baseline: Some(dec!(1)),
        baseline_year: None,
        target: Some(dec!(2)),
        target_year: Some(2029),
        means_of_verification: String::new(),
    };
    let json = serde_json::json!({
        "type": "output_added",
        "output": {"id": output, "code": "9", "title": "Old output",
                   "indicators": [{"name": "Old", "unit": "%", "baseline": "1", "target": "2",
                                   "target_year": 2029, "means_of_verification": ""}]}
    });
    let event: super::event::Event = serde_json::from_value(json).unwrap();
    let seq = state.version + 1;
    state.apply(&StoredEvent {
        seq,
        recorded_at: now(),
        actor: Actor::System,
        event,
    });
    let folded = state.design.indicators.last().unwrap();
    assert_eq!(folded.level, ResultLevel::Output(output));
    assert_eq!(folded.name, indicator.name);
    assert_ne!(folded.id, IndicatorId::default());
    assert!(state.design.outputs.iter().all(|o| o.indicators.is_empty()));
}

proptest! {
    /// Whatever cells the room sets, in whatever order: a component is
    /// flagged for its A's exactly when it has none or several, for its R's
    /// exactly when it has none, and the last choice of each cell counts.
    #[test]
    fn the_matrix_flags_follow_the_cells(
        cells in proptest::collection::vec((0usize..4, 0usize..6, 0usize..5), 0..60),
    ) {
        let (mut state, _) = demo();
        let components: Vec<ComponentId> = state.design.components.iter().take(4).map(|c| c.id).collect();
        let organisations: Vec<OrganisationId> = state.organisations.keys().take(6).copied().collect();
        let mut expected: std::collections::BTreeMap<(usize, usize), Option<Raci>> = Default::default();
        for (component, organisation) in state.partnership.responsibilities.iter().map(|r| (r.component, r.organisation)).collect::<Vec<_>>() {
            state.execute(&Actor::System, Command::RemoveItem { key: ItemKey::Responsibility { component, organisation }, based_on: None }, now()).unwrap();
        }
        for (c, o, role) in cells {
            let role = [None, Some(Raci::Responsible), Some(Raci::Accountable), Some(Raci::Consulted), Some(Raci::Informed)][role];
            state.execute(&Actor::System, Command::SaveItem {
                item: DesignItem::Responsibility(Responsibility { component: components[c], organisation: organisations[o], role }),
                based_on: None,
            }, now()).unwrap();
            expected.insert((c, o), role);
        }
        let flags = raci_flags(&state.design, &state.partnership);
        for (c, component) in components.iter().enumerate() {
            let roles: Vec<Raci> = expected.iter().filter(|((x, _), _)| *x == c).filter_map(|(_, r)| *r).collect();
            let a = roles.iter().filter(|r| **r == Raci::Accountable).count();
            let found = &flags.iter().find(|(id, _)| id == component).unwrap().1;
            prop_assert_eq!(found.contains(&RaciFlag::NoAccountable), a == 0);
            prop_assert_eq!(found.contains(&RaciFlag::SeveralAccountable), a > 1);
            prop_assert_eq!(found.contains(&RaciFlag::NoResponsible), !roles.contains(&Raci::Responsible));
        }
    }

    /// Every risk lands in exactly one cell of the 5×5 matrix, the one of
    /// its likelihood and impact, and a form round-trips its values.
    #[test]
    fn each_risk_sits_in_its_own_cell_and_its_form_round_trips(
        scores in proptest::collection::vec((1u8..=5, 1u8..=5), 0..30),
    ) {
        use super::item_form::{from_form, to_form};
        let usd = super::money::Currency::parse("USD").unwrap();
        let risks: Vec<Risk> = scores
            .iter()
            .map(|(likelihood, impact)| Risk {
                id: RiskId::random(),
                description: format!("L{likelihood} I{impact}"),
                category: RiskCategory::Technical,
                likelihood: *likelihood,
                impact: *impact,
                mitigation: String::new(),
                owner: None,
            })
            .collect();
        let matrix = risk_matrix(&risks);
        for (n, risk) in risks.iter().enumerate() {
            let holding: Vec<(usize, usize)> = (0..5)
                .flat_map(|l| (0..5).map(move |i| (l, i)))
                .filter(|(l, i)| matrix[*l][*i].contains(&n))
                .collect();
            prop_assert_eq!(holding, vec![(usize::from(risk.likelihood - 1), usize::from(risk.impact - 1))]);
            let item = DesignItem::Risk(risk.clone());
            prop_assert_eq!(from_form(item.key(), &to_form(&item), usd), Ok(item));
        }
    }
}

/// Trust: ids are never reused, removed people act no more, approvals name
/// what they approve.
mod trust {
    use super::*;

    #[test]
    fn an_id_already_in_the_room_is_never_someone_new() {
        let (mut state, _) = demo();
        let org = *state.organisations.keys().next().unwrap();
        let person = ParticipantId::random();
        state
            .execute(
                &Actor::System,
                Command::JoinRoom(NewParticipant {
                    id: person,
                    name: "Lan".into(),
                }),
                now(),
            )
            .unwrap();
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
        state
            .execute(&Actor::System, Command::RemoveDelegate { delegate }, now())
            .unwrap();
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
        state
            .execute(
                &Actor::System,
                Command::JoinRoom(NewParticipant {
                    id: participant,
                    name: "Lan".into(),
                }),
                now(),
            )
            .unwrap();
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
        state.execute(&Actor::System, approve_y, now()).unwrap();
        assert_eq!(state.participants[&participant].delegate_of, Some(y));
    }
}

// ---- Limits: the ceilings on amounts and rates, and lengths of every input.

use super::limits::{AMOUNT_CEILING, RATE_CEILING, RATE_FLOOR};

fn usd() -> super::money::Currency {
    super::money::Currency::parse("USD").unwrap()
}

fn rate_command(code: &str, per_unit: Decimal) -> Command {
    Command::SetExchangeRate(NewExchangeRate {
        currency: super::money::Currency::parse(code).unwrap(),
        per_unit,
        as_of: now().date_naive(),
        source: "test".into(),
    })
}

/// Decides `command`; if refused, asserts the state is as it was and
/// returns the problems by field.
fn refused(state: &WorkshopState, command: Command) -> super::error::FieldErrors {
    let before = state.clone();
    match decide(state, &Actor::System, command, now()) {
        Err(AppError::Invalid(fields)) => {
            assert_eq!(*state, before, "a refused command changes nothing");
            fields
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn problem_of<'a>(fields: &'a super::error::FieldErrors, field: &str) -> Option<&'a str> {
    fields.get(field).map(String::as_str)
}

#[test]
fn a_commitment_at_the_ceiling_is_accepted_and_one_cent_more_is_refused() {
    let (mut state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let at = NewCommitment {
        money: Money::new(AMOUNT_CEILING, usd()).unwrap(),
        ..new_commitment(org, "1", "USD")
    };
    state
        .execute(&Actor::System, Command::RecordCommitment(at.clone()), now())
        .unwrap();
    assert_eq!(state.commitments[&at.id].money.amount, AMOUNT_CEILING);

    let above = NewCommitment {
        money: Money::new(AMOUNT_CEILING + dec!(0.01), usd()).unwrap(),
        ..new_commitment(org, "1", "USD")
    };
    let fields = refused(&state, Command::RecordCommitment(above));
    assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
    // The issue's amounts: Decimal's maximum and 9 × 10^26.
    for amount in [Decimal::MAX, dec!(900_000_000_000_000_000_000_000_000)] {
        let absurd = NewCommitment {
            money: Money::new(amount, usd()).unwrap(),
            ..new_commitment(org, "1", "USD")
        };
        let fields = refused(&state, Command::RecordCommitment(absurd));
        assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
    }
    // A revision to above the ceiling is refused the same way.
    let revised = NewCommitment {
        money: Money::new(Decimal::MAX, usd()).unwrap(),
        ..at
    };
    let fields = refused(&state, Command::ReviseCommitment(revised));
    assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
}

#[test]
fn a_funding_target_at_the_ceiling_is_accepted_and_above_it_refused() {
    let (mut state, _) = demo();
    state
        .execute(
            &Actor::System,
            Command::SetFundingTarget(NewFundingTarget {
                amount: AMOUNT_CEILING,
            }),
            now(),
        )
        .unwrap();
    assert_eq!(state.funding_target, Some(AMOUNT_CEILING));
    let fields = refused(
        &state,
        Command::SetFundingTarget(NewFundingTarget {
            amount: AMOUNT_CEILING + dec!(1),
        }),
    );
    assert_eq!(problem_of(&fields, "amount"), Some("amount_too_large"));
    let fields = refused(
        &state,
        Command::SetFundingTarget(NewFundingTarget { amount: dec!(0) }),
    );
    assert_eq!(problem_of(&fields, "amount"), Some("positive"));
}

#[test]
fn exchange_rates_are_accepted_within_floor_and_ceiling_only() {
    let (mut state, _) = demo();
    state
        .execute(&Actor::System, rate_command("EUR", RATE_CEILING), now())
        .unwrap();
    state
        .execute(&Actor::System, rate_command("CNY", RATE_FLOOR), now())
        .unwrap();
    let eur = super::money::Currency::parse("EUR").unwrap();
    assert_eq!(state.rates[&eur].per_unit, RATE_CEILING);
    let cases = [
        (RATE_CEILING + dec!(0.000001), "rate_out_of_range"),
        (Decimal::MAX, "rate_out_of_range"),
        (dec!(0.00000009), "rate_out_of_range"),
        (dec!(1.0000000000001), "rate_too_precise"),
        (dec!(0), "positive"),
    ];
    for (per_unit, code) in cases {
        let fields = refused(&state, rate_command("EUR", per_unit));
        assert_eq!(problem_of(&fields, "per_unit"), Some(code), "{per_unit}");
    }
}

#[test]
fn a_yearly_cost_at_the_ceiling_is_accepted_and_above_it_refused() {
    let (mut state, _) = demo();
    let mut component = state.design.components[0].clone();
    component.yearly_cost = vec![CostLine {
        year: 2027,
        amount: Money::new(AMOUNT_CEILING, usd()).unwrap(),
    }];
    state
        .execute(
            &Actor::System,
            Command::SaveItem {
                item: DesignItem::Component(component.clone()),
                based_on: None,
            },
            now(),
        )
        .unwrap();
    assert_eq!(
        super::required::component_required(&state.design.components[0]),
        AMOUNT_CEILING
    );
    component.yearly_cost[0].amount = Money::new(AMOUNT_CEILING + dec!(1), usd()).unwrap();
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Component(component.clone()),
            based_on: None,
        },
    );
    assert_eq!(problem_of(&fields, "yearly_cost"), Some("amount_too_large"));
    // The browser's form says the same, under the year's field.
    let mut values = super::item_form::to_form(&DesignItem::Component(component.clone()));
    values.insert(super::item_form::cost_field(2027), "1000000000000001".into());
    let key = DesignItem::Component(component).key();
    let problems = super::item_form::from_form(key, &values, usd()).unwrap_err();
    assert_eq!(problem_of(&problems, "cost:2027"), Some("amount_too_large"));
    values.insert(super::item_form::cost_field(2027), "1,000,000,000,000,000".into());
    assert!(super::item_form::from_form(key, &values, usd()).is_ok());
}

#[test]
fn a_city_earmark_of_sixty_thousand_characters_is_refused_with_length() {
    let (state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let new = NewCommitment {
        earmark: Earmark::City {
            city: "x".repeat(60_000),
        },
        ..new_commitment(org, "100", "USD")
    };
    let fields = refused(&state, Command::RecordCommitment(new.clone()));
    assert_eq!(problem_of(&fields, "earmark"), Some("length"));
    let fine = NewCommitment {
        earmark: Earmark::City {
            city: "Đà Nẵng".repeat(17),
        },
        ..new
    };
    assert!(decide(&state, &Actor::System, Command::RecordCommitment(fine), now()).is_ok());
}

#[test]
fn indicators_nested_in_an_output_are_validated_like_any_indicator() {
    let (state, _) = demo();
    let mut output = state.design.outputs[0].clone();
    let indicator = Indicator {
        id: IndicatorId::default(),
        level: ResultLevel::Outcome,
        name: "Release time".into(),
        unit: "hours".into(),
        baseline: None,
        baseline_year: None,
        target: None,
        target_year: None,
        means_of_verification: String::new(),
    };
    output.indicators = vec![indicator.clone()];
    let save = |output: Output| Command::SaveItem {
        item: DesignItem::Output(output),
        based_on: None,
    };
    assert!(decide(&state, &Actor::System, save(output.clone()), now()).is_ok());

    output.indicators = vec![
        indicator.clone(),
        Indicator {
            name: "x".repeat(60_000),
            ..indicator.clone()
        },
    ];
    let fields = refused(&state, save(output.clone()));
    assert_eq!(
        problem_of(&fields, "indicators.1.name"),
        Some("length"),
        "{fields:?}"
    );

    output.indicators = vec![indicator; 51];
    let fields = refused(&state, save(output));
    assert_eq!(problem_of(&fields, "indicators"), Some("length"));
}

#[test]
fn lists_in_commands_have_a_length_limit() {
    let (state, _) = demo();
    let org = *state.organisations.keys().next().unwrap();
    let new = NewCommitment {
        years: vec![2027; 102],
        ..new_commitment(org, "100", "USD")
    };
    let fields = refused(&state, Command::RecordCommitment(new));
    assert_eq!(problem_of(&fields, "years"), Some("length"));

    let mut component = state.design.components[0].clone();
    component.tfa = vec!["7.1".into(); 10];
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Component(component.clone()),
            based_on: None,
        },
    );
    assert_eq!(problem_of(&fields, "tfa"), Some("length"));
    component.tfa = Vec::new();
    component.outputs = vec![state.design.outputs[0].id; 201];
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Component(component),
            based_on: None,
        },
    );
    assert_eq!(problem_of(&fields, "outputs"), Some("length"));

    let body = GovernanceBody {
        id: BodyId::random(),
        kind: BodyKind::SteeringCommittee,
        name: "Board".into(),
        members: (0..501).map(|_| OrganisationId::random()).collect(),
        chair: None,
        decision_rule: DecisionRule::Consensus,
        cadence: String::new(),
    };
    let fields = refused(
        &state,
        Command::SaveItem {
            item: DesignItem::Body(body),
            based_on: None,
        },
    );
    assert_eq!(problem_of(&fields, "members"), Some("length"));

    let delegate = NewDelegate {
        id: DelegateId::random(),
        organisation: org,
        name: "A".into(),
        email: Some(format!("{}@example.org", "a".repeat(300))),
    };
    let fields = refused(&state, Command::JoinAsDelegate(delegate));
    assert!(fields.contains_key("email"), "{fields:?}");
}

/// Checks that the pages' figures render and that, where the totals are in
/// range, every breakdown adds up to its total.
fn figures_hold_together(state: &WorkshopState) -> Result<(), TestCaseError> {
    use super::dashboard::{ledger, Dashboard};
    use super::limits::checked_sum;
    let dashboard = Dashboard::of(state).expect("a workshop");
    let overview = WorkshopOverview::of(state).expect("a workshop");
    let lines = ledger(state, &Actor::System);
    prop_assert_eq!(lines.len(), state.commitments.len());
    prop_assert!(dashboard.secured_percent <= 100 && dashboard.pledged_percent <= 100);
    prop_assert_eq!(overview.required, dashboard.required);
    for line in &lines {
        if line.out_of_range {
            prop_assert!(line.converted.is_none());
        }
    }
    if dashboard.overflow {
        return Ok(());
    }
    let sum = |tier: Tier, kind: ContributionKind| {
        checked_sum(
            lines
                .iter()
                .filter(|l| l.commitment.status.tier() == tier && l.commitment.instrument.kind() == kind)
                .filter_map(|l| l.converted),
        )
    };
    prop_assert_eq!(
        Some(dashboard.cash.secured),
        sum(Tier::Secured, ContributionKind::Cash)
    );
    prop_assert_eq!(
        Some(dashboard.cash.pledged),
        sum(Tier::Pledged, ContributionKind::Cash)
    );
    prop_assert_eq!(
        Some(dashboard.guarantees.secured),
        sum(Tier::Secured, ContributionKind::Guarantee)
    );
    prop_assert_eq!(
        Some(dashboard.in_kind.pledged),
        sum(Tier::Pledged, ContributionKind::InKind)
    );
    let by_group = checked_sum(dashboard.by_group.iter().map(|b| b.tiers.secured));
    prop_assert_eq!(by_group, Some(dashboard.cash.secured));
    let by_instrument = checked_sum(dashboard.by_instrument.iter().map(|b| b.tiers.total()));
    let all = checked_sum([
        dashboard.cash.total(),
        dashboard.guarantees.total(),
        dashboard.in_kind.total(),
    ]);
    prop_assert_eq!(by_instrument, all);
    let budget = checked_sum(
        dashboard
            .by_component
            .iter()
            .map(|b| b.required.unwrap_or_default()),
    );
    if dashboard.required_source == super::required::RequiredSource::Budget {
        prop_assert_eq!(budget, Some(dashboard.required));
    }
    prop_assert_eq!(
        Some(dashboard.gap),
        dashboard.required.checked_sub(dashboard.cash.secured)
    );
    prop_assert_eq!(overview.secured_cash, dashboard.cash.secured);
    prop_assert_eq!(overview.gap, dashboard.gap);
    Ok(())
}

proptest! {
    /// Any sequence of accepted commands with amounts and rates at the
    /// ceilings: the screen, the workshop page and the register render, and
    /// their figures add up.
    #[test]
    fn figures_hold_at_the_ceilings(
        steps in proptest::collection::vec((0usize..6, 0usize..4, 0usize..7, 0usize..4, 0usize..4), 1..30),
        rates in (0usize..3, 0usize..3),
        budget_at_ceiling in any::<bool>(),
    ) {
        let (mut state, _) = demo();
        let rate_values = [RATE_CEILING, RATE_FLOOR, Decimal::ONE];
        state.execute(&Actor::System, rate_command("EUR", rate_values[rates.0]), now()).unwrap();
        state.execute(&Actor::System, rate_command("CNY", rate_values[rates.1]), now()).unwrap();
        if budget_at_ceiling {
            for component in state.design.components.clone() {
                let mut component = component;
                component.yearly_cost = (2027..2030)
                    .map(|year| CostLine { year, amount: Money::new(AMOUNT_CEILING, usd()).unwrap() })
                    .collect();
                state.execute(&Actor::System, Command::SaveItem { item: DesignItem::Component(component), based_on: None }, now()).unwrap();
            }
        }
        state.execute(&Actor::System, Command::SetFundingTarget(NewFundingTarget { amount: AMOUNT_CEILING }), now()).unwrap();
        let organisations: Vec<OrganisationId> = state.organisations.keys().copied().collect();
        let statuses = CommitmentStatus::LADDER;
        let instruments = [Instrument::Grant, Instrument::Loan, Instrument::Guarantee, Instrument::InKind];
        let amounts = [AMOUNT_CEILING, AMOUNT_CEILING - dec!(1), dec!(0.01), dec!(123456.78)];
        let currencies = ["USD", "EUR", "CNY", "JPY"];
        let mut ids: Vec<NewCommitment> = Vec::new();
        for (slot, amount, status, instrument, currency) in steps {
            let currency = super::money::Currency::parse(currencies[currency]).unwrap();
            let amount = amounts[amount].round_dp(currency.minor_units());
            let money = Money::new(amount, currency).unwrap();
            let values = (money, statuses[status], instruments[instrument]);
            record_or_revise(&mut state, &mut ids, slot, values, &organisations);
        }
        let dashboard = super::dashboard::Dashboard::of(&state).unwrap();
        // Accepted values are all in range, and their sums far from overflow.
        prop_assert_eq!(dashboard.out_of_range, 0);
        prop_assert!(!dashboard.overflow);
        figures_hold_together(&state)?;
    }

    /// A state folded from a log that carries absurd stored values, as an
    /// old log accepted before the ceilings could: nothing panics, the
    /// absurd values are left out and counted, and the rest adds up.
    #[test]
    fn an_old_log_with_absurd_values_still_renders(
        commitments in proptest::collection::vec((0usize..5, 0usize..5, 0usize..7, 0usize..4, any::<bool>()), 0..25),
        target in 0usize..5,
        cost in 0usize..5,
        no_other_budget in any::<bool>(),
    ) {
        let (mut state, _) = demo();
        let absurd = [Decimal::MAX, dec!(900_000_000_000_000_000_000_000_000), AMOUNT_CEILING, dec!(0.01), dec!(1000)];
        let rates = [Some(Decimal::MAX), Some(dec!(0.0000000000000000000000000001)), Some(RATE_CEILING), Some(Decimal::ONE), None];
        let organisations: Vec<OrganisationId> = state.organisations.keys().copied().collect();
        let component = state.design.components[0].clone();
        let mut events = vec![
            super::event::Event::FundingTargetSet { amount: absurd[target] },
            super::event::Event::DesignItemSaved {
                item: DesignItem::Component(Component {
                    yearly_cost: vec![
                        CostLine { year: 2027, amount: Money { amount: absurd[cost], currency: usd() } },
                        CostLine { year: 2028, amount: Money { amount: Decimal::MAX, currency: usd() } },
                    ],
                    ..component.clone()
                }),
            },
        ];
        let instruments = [Instrument::Grant, Instrument::Loan, Instrument::Guarantee, Instrument::InKind];
        let mut expected_out_of_range = 1; // the 2028 cost line
        if !super::limits::amount_in_range(absurd[cost]) {
            expected_out_of_range += 1;
        }
        let other_budget = state.design.components[1..]
            .iter()
            .any(|c| super::required::component_required(c) > Decimal::ZERO);
        if no_other_budget {
            for other in &state.design.components[1..] {
                events.push(super::event::Event::DesignItemSaved {
                    item: DesignItem::Component(Component { yearly_cost: Vec::new(), ..other.clone() }),
                });
            }
        }
        let budget = (other_budget && !no_other_budget) || super::limits::amount_in_range(absurd[cost]);
        // The target is read only while the design has no budget.
        if !budget && !super::limits::amount_in_range(absurd[target]) {
            expected_out_of_range += 1;
        }
        for (n, (amount, rate, status, instrument, city)) in commitments.iter().enumerate() {
            let rate = rates[*rate].map(|per_unit| ExchangeRate {
                currency: usd(),
                per_unit,
                as_of: now().date_naive(),
                source: "old log".into(),
            });
            let counted = rate.as_ref().map(|r| super::limits::convert(absurd[*amount], r.per_unit).is_some());
            if counted == Some(false) {
                expected_out_of_range += 1;
            }
            events.push(super::event::Event::CommitmentRecorded {
                commitment: Commitment {
                    id: CommitmentId::random(),
                    organisation: organisations[n % organisations.len()],
                    money: Money { amount: absurd[*amount], currency: usd() },
                    instrument: instruments[*instrument],
                    status: CommitmentStatus::LADDER[*status],
                    earmark: if *city {
                        Earmark::City { city: "Hai Phong".into() }
                    } else {
                        Earmark::Component { component: component.id }
                    },
                    years: vec![2027],
                    conditions: String::new(),
                    note: String::new(),
                    public: true,
                    rate,
                    recorded_at: now(),
                },
            });
        }
        for event in events {
            let seq = state.version + 1;
            state.apply(&StoredEvent { seq, recorded_at: now(), actor: Actor::System, event });
        }
        let dashboard = super::dashboard::Dashboard::of(&state).unwrap();
        prop_assert_eq!(dashboard.out_of_range, expected_out_of_range);
        prop_assert_eq!(WorkshopOverview::of(&state).unwrap().out_of_range, expected_out_of_range);
        figures_hold_together(&state)?;
    }
}
