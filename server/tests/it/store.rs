//! The event store's conformance suite: the same cases on SQLite and
//! PostgreSQL, against real databases.

use crate::support::{raw_sql, Backend, FreshDb};
use app::api::service::Workshops;
use app::domain::command::{Command, NewWorkshop};
use app::domain::error::AppError;
use app::domain::event::{Actor, Event, StoredEvent};
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::WorkshopId;
use app::domain::model::{Stage, StageStatus};
use app::domain::money::Currency;
use app::domain::state::WorkshopState;
use chrono::Utc;
use server::cli;
use server::engine::Engine;
use server::store::{Append, AppendOutcome, Store};
use std::sync::Arc;

async fn fresh(backend: Backend) -> Option<(FreshDb, Arc<Engine>)> {
    let db = FreshDb::new(backend)?;
    let engine = cli::open(&db.config()).await.expect("opens");
    Some((db, engine))
}

/// A fresh database with workshop w1 in it.
async fn fresh_with_w1(backend: Backend) -> Option<(FreshDb, Arc<Engine>)> {
    let (db, engine) = fresh(backend).await?;
    on_w1(&engine, &new_key(), create("w1")).await.unwrap();
    Some((db, engine))
}

/// Any fresh key: the engine gives a key no meaning beyond being the same
/// or another.
fn new_key() -> IdempotencyKey {
    IdempotencyKey::edit()
}

/// Runs `command` on workshop w1 as the system, under `key`.
async fn on_w1(engine: &Engine, key: &IdempotencyKey, command: Command) -> Result<u64, AppError> {
    engine.execute("w1", Actor::System, key, command).await
}

fn create(slug: &str) -> Command {
    Command::CreateWorkshop(NewWorkshop {
        id: WorkshopId::random(),
        slug: slug.into(),
        title: "A workshop".into(),
        programme: "A programme".into(),
        reporting_currency: Currency::parse("EUR").unwrap(),
    })
}

fn stage(status: StageStatus) -> Command {
    Command::SetStageStatus {
        stage: Stage::Partnership,
        status,
    }
}

fn stamped(seq: u64, event: Event) -> StoredEvent {
    StoredEvent {
        seq,
        recorded_at: Utc::now(),
        actor: Actor::System,
        event,
    }
}

async fn appends_load_back_in_order(backend: Backend) {
    let Some((_db, engine)) = fresh_with_w1(backend).await else {
        return;
    };
    on_w1(&engine, &new_key(), stage(StageStatus::Open))
        .await
        .unwrap();
    let version = on_w1(&engine, &new_key(), stage(StageStatus::Locked))
        .await
        .unwrap();
    assert_eq!(version, 3);
    let events = engine.events("w1", 0).await.unwrap();
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert!(matches!(
        events[2].event,
        Event::StageStatusChanged {
            status: StageStatus::Locked,
            ..
        }
    ));
    assert_eq!(engine.events("w1", 2).await.unwrap().len(), 1);
}
on_both_backends!(append_and_load, appends_load_back_in_order);

async fn a_retried_command_is_recorded_once(backend: Backend) {
    let Some((_db, engine)) = fresh(backend).await else {
        return;
    };
    let creation = create("w1");
    let (create_key, same) = (new_key(), new_key());
    on_w1(&engine, &create_key, creation.clone()).await.unwrap();
    let first = on_w1(&engine, &same, stage(StageStatus::Open)).await.unwrap();
    // The same key with another command is not a retry: refused, and
    // nothing new is written; the same command again gets the first answer.
    let other = on_w1(&engine, &same, stage(StageStatus::Locked)).await;
    assert_eq!(other, Err(AppError::KeyReused));
    let again = on_w1(&engine, &same, stage(StageStatus::Open)).await.unwrap();
    assert_eq!(first, again);
    assert_eq!(engine.events("w1", 0).await.unwrap().len(), 2);
    assert_eq!(
        engine
            .workshop("w1")
            .await
            .unwrap()
            .stage_status(Stage::Partnership),
        StageStatus::Open
    );
    // Creation is idempotent too: the retry carries the same command.
    assert_eq!(on_w1(&engine, &create_key, creation).await.unwrap(), 1);
}
on_both_backends!(idempotency, a_retried_command_is_recorded_once);

async fn a_taken_sequence_number_is_a_conflict_and_writes_nothing(backend: Backend) {
    let Some((db, engine)) = fresh_with_w1(backend).await else {
        return;
    };
    let id = engine.workshop("w1").await.unwrap().setup.as_ref().unwrap().id;
    let store = Store::new(cli::open(&db.config()).await.unwrap().store().db().clone());
    let events = [stamped(
        1,
        Event::StageStatusChanged {
            stage: Stage::Partnership,
            status: StageStatus::Open,
        },
    )];
    let outcome = store
        .append(Append {
            workshop: id,
            register_slug: None,
            idempotency_key: "k2",
            request_hash: "test",
            version_after: 1,
            events: &events,
        })
        .await
        .unwrap();
    assert_eq!(outcome, AppendOutcome::Conflict);
    // The conflicting append also left no idempotency record behind.
    assert_eq!(store.recorded(id, "k2").await.unwrap(), None);
    assert_eq!(store.load(id, 0).await.unwrap().len(), 1);
}
on_both_backends!(
    sequence_conflict,
    a_taken_sequence_number_is_a_conflict_and_writes_nothing
);

async fn the_database_refuses_to_change_the_log(backend: Backend) {
    let Some((_db, engine)) = fresh_with_w1(backend).await else {
        return;
    };
    let statements = [
        "UPDATE events SET payload = '{}'",
        "DELETE FROM events",
        "UPDATE idempotency SET version = 99",
        "DELETE FROM idempotency",
    ];
    for statement in statements {
        let result = raw_sql(engine.store().db(), statement).await;
        let error = result.expect_err(statement).to_string();
        assert!(error.contains("append-only"), "{statement}: {error}");
    }
    assert_eq!(engine.events("w1", 0).await.unwrap().len(), 1);
}
on_both_backends!(append_only, the_database_refuses_to_change_the_log);

async fn a_new_engine_rebuilds_the_same_state_from_the_log(backend: Backend) {
    let Some((db, engine)) = fresh(backend).await else {
        return;
    };
    crate::support::load_demo(&engine).await;
    let before = engine.workshop("demo").await.unwrap();
    let reopened = cli::open(&db.config()).await.unwrap();
    let after = reopened.workshop("demo").await.unwrap();
    assert_eq!(before, after);
    assert_eq!(
        *after,
        WorkshopState::from_log(&reopened.events("demo", 0).await.unwrap())
    );
    // Loading the demo again changes nothing.
    crate::support::load_demo(&reopened).await;
    assert_eq!(
        reopened.events("demo", 0).await.unwrap().len() as u64,
        before.version
    );
}
on_both_backends!(rebuild, a_new_engine_rebuilds_the_same_state_from_the_log);

/// Two engines on one database stand for two server instances: their
/// writes interleave without gaps, duplicates or lost commands.
async fn two_instances_share_one_log(backend: Backend) {
    let Some((db, first)) = fresh_with_w1(backend).await else {
        return;
    };
    let second = cli::open(&db.config()).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..20 {
        let engine = if i % 2 == 0 { first.clone() } else { second.clone() };
        let status = if i % 3 == 0 {
            StageStatus::Locked
        } else {
            StageStatus::Open
        };
        tasks.push(tokio::spawn(async move {
            let command = Command::SetStageStatus {
                stage: Stage::ALL[i % 4],
                status,
            };
            on_w1(&engine, &new_key(), command).await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    let log = first.events("w1", 0).await.unwrap();
    let seqs: Vec<u64> = log.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=log.len() as u64).collect::<Vec<_>>(), "no gaps");
    let report = server::verify::verify(first.store()).await.unwrap();
    assert!(report.faults.is_empty(), "{:?}", report.faults);
}
on_both_backends!(two_instances, two_instances_share_one_log);

async fn a_slug_is_taken_once(backend: Backend) {
    let Some((_db, engine)) = fresh_with_w1(backend).await else {
        return;
    };
    let again = on_w1(&engine, &new_key(), create("w1")).await;
    assert_eq!(again, Err(AppError::AlreadyExists("w1".into())));
}
on_both_backends!(slug_unique, a_slug_is_taken_once);
