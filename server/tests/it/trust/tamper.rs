//! A database edited behind the app's back is detected by the hash chain,
//! and a log from before the chain is chained once (SECURITY.md 8).

use super::*;

/// Runs statements straight on the test's database, as someone with the
/// database but not the app would; `$W` stands for the demo's id.
async fn tamper(app: &TestApp, statements: &[&str]) {
    let id = app
        .engine
        .workshop("demo")
        .await
        .unwrap()
        .setup
        .as_ref()
        .unwrap()
        .id
        .to_string();
    for statement in statements {
        let statement = statement.replace("$W", &format!("'{id}'"));
        crate::support::raw_sql(app.engine.store().db(), &statement)
            .await
            .unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
}

fn drop_triggers(backend: Backend) -> &'static [&'static str] {
    match backend {
        Backend::Sqlite => &[
            "DROP TRIGGER events_refuse_update",
            "DROP TRIGGER events_refuse_delete",
        ],
        Backend::Postgres => &["DROP TRIGGER events_append_only ON events"],
    }
}

async fn faults_after(backend: Backend, statements: &[&str]) -> Option<Vec<String>> {
    let (app, _, _) = demo_with_facilitator(backend).await?;
    let clean = server::verify::verify(app.engine.store()).await.unwrap();
    assert!(clean.faults.is_empty(), "{:?}", clean.faults);
    tamper(&app, drop_triggers(backend)).await;
    tamper(&app, statements).await;
    Some(server::verify::verify(app.engine.store()).await.unwrap().faults)
}

async fn an_edited_deleted_or_reordered_event_is_detected(backend: Backend) {
    let edited = faults_after(
        backend,
        &["UPDATE events SET payload = replace(payload, '\"amount\":\"', '\"amount\":\"9') \
           WHERE workshop_id = $W AND seq = (SELECT MIN(seq) FROM events WHERE workshop_id = $W AND kind = 'commitment_recorded')"],
    )
    .await;
    let Some(edited) = edited else { return };
    assert!(
        edited.iter().any(|f| f.contains("hash chain breaks at event")),
        "{edited:?}"
    );

    let deleted = faults_after(
        backend,
        &["DELETE FROM events WHERE workshop_id = $W AND seq = (SELECT MAX(seq) FROM events WHERE workshop_id = $W)"],
    )
    .await
    .unwrap();
    assert!(
        deleted.iter().any(|f| f.contains("events were removed")),
        "{deleted:?}"
    );

    let reordered = faults_after(
        backend,
        &[
            "UPDATE events SET seq = 1000000 WHERE workshop_id = $W AND seq = 2",
            "UPDATE events SET seq = 2 WHERE workshop_id = $W AND seq = 3",
            "UPDATE events SET seq = 3 WHERE workshop_id = $W AND seq = 1000000",
        ],
    )
    .await
    .unwrap();
    assert!(
        reordered
            .iter()
            .any(|f| f.contains("hash chain breaks at event 2")),
        "{reordered:?}"
    );
}
on_both_backends!(tamper_evidence, an_edited_deleted_or_reordered_event_is_detected);

async fn a_log_from_before_the_chain_is_chained_once(backend: Backend) {
    let Some((app, _, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    // A log as the previous version left it: events, no links.
    let unlink: &[&str] = match backend {
        Backend::Sqlite => &[
            "DROP TRIGGER event_chain_refuse_delete",
            "DELETE FROM event_chain",
        ],
        Backend::Postgres => &[
            "DROP TRIGGER event_chain_append_only ON event_chain",
            "DELETE FROM event_chain",
        ],
    };
    tamper(&app, unlink).await;
    let unchained = server::verify::verify(app.engine.store()).await.unwrap();
    assert!(!unchained.faults.is_empty(), "a log without links is reported");
    let events = app.engine.events("demo", 0).await.unwrap().len();
    assert_eq!(app.engine.store().link_unchained().await.unwrap(), events);
    assert_eq!(app.engine.store().link_unchained().await.unwrap(), 0, "once");
    let report = server::verify::verify(app.engine.store()).await.unwrap();
    assert!(report.faults.is_empty(), "{:?}", report.faults);
    // And writing goes on from the chained head.
    use app::domain::model::{Stage, StageStatus};
    let before = demo_version(&app).await;
    let now = app
        .engine
        .workshop("demo")
        .await
        .unwrap()
        .stage_status(Stage::Commitments);
    let status = if now == StageStatus::Locked {
        StageStatus::Open
    } else {
        StageStatus::Locked
    };
    app.engine
        .execute(
            "demo",
            app::domain::event::Actor::System,
            &app::domain::idempotency::IdempotencyKey::stage(),
            app::domain::command::Command::SetStageStatus {
                stage: Stage::Commitments,
                status,
            },
        )
        .await
        .unwrap();
    assert_eq!(demo_version(&app).await, before + 1);
    let report = server::verify::verify(app.engine.store()).await.unwrap();
    assert!(report.faults.is_empty(), "{:?}", report.faults);
}
on_both_backends!(chaining_old_logs, a_log_from_before_the_chain_is_chained_once);
