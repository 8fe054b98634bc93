use super::analytics::{Totals, WorkshopOverview};
use super::command::*;
use super::demo::demo_commands;
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

/// Decides one command as the command line and applies its events.
fn commit(state: &mut WorkshopState, command: Command) {
    for event in decide(state, &Actor::System, command, now()).expect("command is accepted") {
        let seq = state.version + 1;
        state.apply(&StoredEvent {
            seq,
            recorded_at: now(),
            actor: Actor::System,
            event,
        });
    }
}

/// Runs commands through decide and apply, as the engine does.
fn run(commands: impl IntoIterator<Item = Command>, actor: &Actor) -> (WorkshopState, Vec<StoredEvent>) {
    let mut state = WorkshopState::default();
    let mut log = Vec::new();
    for command in commands {
        for event in decide(&state, actor, command, now()).expect("command is accepted") {
            let stored = StoredEvent {
                seq: state.version + 1,
                recorded_at: now(),
                actor: actor.clone(),
                event,
            };
            state.apply(&stored);
            log.push(stored);
        }
    }
    (state, log)
}

fn demo() -> (WorkshopState, Vec<StoredEvent>) {
    run(demo_commands().into_iter().map(|(_, c)| c), &Actor::System)
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
    assert_eq!(overview.components, 6);
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
    let delegate = Actor::Delegate { organisation: mine };
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
    commit(&mut state, lock);
    let mine = *state.organisations.keys().next().unwrap();
    let delegate = Actor::Delegate { organisation: mine };
    assert_eq!(
        decide(&state, &delegate, commitment_for(mine, "10"), now()),
        Err(AppError::StageLocked(Stage::Commitments))
    );
    let member = AccountId::random();
    let add = Command::AddFacilitator { account: member };
    commit(&mut state, add);
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
    let (state, _) = run(
        [Command::CreateWorkshop(NewWorkshop {
            id: WorkshopId::random(),
            slug: "mine".into(),
            title: "T".into(),
            programme: "P".into(),
            reporting_currency: super::money::Currency::parse("USD").unwrap(),
        })],
        &Actor::Facilitator { account: creator },
    );
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
                commit(&mut state, command);
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
    commit(&mut state, add);
    let org_a = *state.organisations.keys().next().unwrap();
    let org_b = *state.organisations.keys().nth(1).unwrap();
    let component = state.design.components[0].id;
    let output = state.design.outputs[0].id;

    let actors = [
        ("facilitator", Actor::Facilitator { account: member }),
        (
            "facilitator of another workshop",
            Actor::Facilitator {
                account: AccountId::random(),
            },
        ),
        ("delegate of A", Actor::Delegate { organisation: org_a }),
        ("delegate of B", Actor::Delegate { organisation: org_b }),
        ("command line", Actor::System),
    ];
    let usd = super::money::Currency::parse("USD").unwrap();
    let mutations: Vec<(&str, Command, [bool; 5])> = vec![
        (
            "add facilitator",
            Command::AddFacilitator {
                account: AccountId::random(),
            },
            [true, false, false, false, true],
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
            [true, false, false, false, true],
        ),
        (
            "lock a stage",
            Command::SetStageStatus {
                stage: Stage::ProjectDesign,
                status: StageStatus::Locked,
            },
            [true, false, false, false, true],
        ),
        (
            "edit design text",
            Command::SetDesignText(DesignText {
                field: DesignField::Problem,
                text: "x".into(),
            }),
            [true, false, false, false, true],
        ),
        (
            "add output",
            Command::AddOutput(NewOutput {
                id: OutputId::random(),
                code: "9".into(),
                title: "t".into(),
                indicators: vec![],
            }),
            [true, false, false, false, true],
        ),
        (
            "add component",
            Command::AddComponent(NewComponent {
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
            }),
            [true, false, false, false, true],
        ),
        (
            "set exchange rate",
            Command::SetExchangeRate(NewExchangeRate {
                currency: super::money::Currency::parse("GBP").unwrap(),
                per_unit: dec!(1.27),
                as_of: now().date_naive(),
                source: "test".into(),
            }),
            [true, false, false, false, true],
        ),
        (
            "record A's commitment",
            commitment_for(org_a, "10"),
            [true, false, true, false, true],
        ),
        (
            "record B's commitment",
            commitment_for(org_b, "10"),
            [true, false, false, true, true],
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
            [true, false, true, false, true],
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
