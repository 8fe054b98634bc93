//! An acknowledged write is never lost: the real binary is killed with
//! SIGKILL while commitments are being submitted, restarted on the same
//! SQLite file, and every commitment it had acknowledged is there exactly
//! once; retried submissions do not duplicate.

use crate::support::process::{
    commitment_form, demo_facilitator, demo_log, demo_organisations, run, ServerProcess,
};
use leptos::server_fn::ServerFn;

async fn submit(client: &reqwest::Client, base: &str, cookie: &str, id: &str, organisation: &str) -> bool {
    let url = format!("{base}{}", app::api::SaveCommitment::PATH);
    let form = commitment_form(id, organisation, "durability");
    let request = client
        .post(url)
        .header("accept", "application/json")
        .header("cookie", cookie)
        .form(&form);
    match request.send().await {
        Ok(response) => response.status().is_success(),
        // Killed mid-flight: not acknowledged.
        Err(_) => false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_commitments_survive_sigkill_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/roundtable.sqlite3", dir.path().display());
    run(&["demo"], &url);
    let organisation = demo_organisations().remove(0);

    let server = ServerProcess::start(&url);
    let client = reqwest::Client::new();
    let cookie = demo_facilitator(&client, &server.base).await;

    // Many submitters at once; the kill lands while some are in flight.
    let ids: Vec<String> = (0..400).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    let (acked_tx, mut acked_rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    let mut tasks = Vec::new();
    for chunk in ids.chunks(20) {
        let (client, base, cookie, organisation) = (
            client.clone(),
            server.base.clone(),
            cookie.clone(),
            organisation.clone(),
        );
        let chunk = chunk.to_vec();
        let acked = acked_tx.clone();
        tasks.push(tokio::spawn(async move {
            for id in chunk {
                if submit(&client, &base, &cookie, &id, &organisation).await {
                    let _ = acked.send(id);
                }
            }
        }));
    }
    drop(acked_tx);
    // Kill once a good share has been acknowledged, with more in flight.
    let mut acknowledged = Vec::new();
    while acknowledged.len() < 120 {
        acknowledged.push(acked_rx.recv().await.expect("submissions are acknowledged"));
    }
    server.kill();
    for task in tasks {
        task.await.unwrap();
    }
    while let Ok(id) = acked_rx.try_recv() {
        acknowledged.push(id);
    }
    assert!(acknowledged.len() < ids.len(), "the kill should land mid-run");

    let server = ServerProcess::start(&url);
    let cookie = demo_facilitator(&client, &server.base).await;
    // A retry of an acknowledged submission, after the restart, is the same
    // commitment, not a second one.
    assert!(submit(&client, &server.base, &cookie, &acknowledged[0], &organisation).await);
    let mut recorded = std::collections::HashMap::<String, usize>::new();
    for event in demo_log(&client, &server.base, &cookie).await {
        if event["event"]["type"] == "commitment_recorded" {
            let id = event["event"]["commitment"]["id"].as_str().unwrap().to_string();
            *recorded.entry(id).or_default() += 1;
        }
    }
    for id in &acknowledged {
        assert_eq!(recorded.get(id), Some(&1), "acknowledged commitment {id}");
    }
    assert!(
        recorded.values().all(|n| *n == 1),
        "no commitment is recorded twice"
    );
    // The log is whole: no gap, every payload parses.
    run(&["verify"], &url);
}

/// `roundtable backup` while the server serves and takes commitments: the
/// copy holds everything acknowledged before the backup began, its log is
/// whole, and serving the copy is the restore. A second backup to the same
/// file is refused rather than overwriting it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_serving_restores_what_was_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/roundtable.sqlite3", dir.path().display());
    run(&["demo"], &url);
    let organisation = demo_organisations().remove(0);
    let server = ServerProcess::start(&url);
    let client = reqwest::Client::new();
    let cookie = demo_facilitator(&client, &server.base).await;

    let before: Vec<String> = (0..20).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    for id in &before {
        assert!(submit(&client, &server.base, &cookie, id, &organisation).await);
    }
    // Writes go on while the copy is taken.
    let writing = {
        let (client, base, cookie, organisation) = (
            client.clone(),
            server.base.clone(),
            cookie.clone(),
            organisation.clone(),
        );
        tokio::spawn(async move {
            for _ in 0..40 {
                let id = uuid::Uuid::new_v4().to_string();
                assert!(submit(&client, &base, &cookie, &id, &organisation).await);
            }
        })
    };
    let copy = dir.path().join("backup.sqlite3");
    let copy_url = format!("sqlite://{}", copy.display());
    let backup = |out: &std::path::Path| {
        std::process::Command::new(crate::support::process::BIN)
            .args(["backup", "--out"])
            .arg(out)
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "off")
            .output()
            .unwrap()
    };
    let taken = backup(&copy);
    assert!(
        taken.status.success(),
        "{}",
        String::from_utf8_lossy(&taken.stderr)
    );
    writing.await.unwrap();
    let again = backup(&copy);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing file is not overwritten"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    drop(server);

    // Restore: serve the copy.
    run(&["verify"], &copy_url);
    let restored = ServerProcess::start(&copy_url);
    let cookie = demo_facilitator(&client, &restored.base).await;
    let recorded: std::collections::HashSet<String> = demo_log(&client, &restored.base, &cookie)
        .await
        .into_iter()
        .filter(|event| event["event"]["type"] == "commitment_recorded")
        .map(|event| event["event"]["commitment"]["id"].as_str().unwrap().to_string())
        .collect();
    for id in &before {
        assert!(
            recorded.contains(id),
            "commitment {id}, acknowledged before the backup"
        );
    }
}
