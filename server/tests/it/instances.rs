//! Several instances serve one workshop from one PostgreSQL database: the
//! real binary, twice, on the same fresh database. What a room relies on
//! when a proxy spreads it over instances, or one of them dies:
//!
//! - a retried submit is one commitment, whichever instance each try reaches;
//! - an instance killed with SIGKILL mid-submission loses nothing it
//!   acknowledged, and the other goes on;
//! - a live stream resumes from its last event id on another instance, and
//!   a restarted instance hears the others again;
//! - an instance whose connection for other instances' writes dropped
//!   catches up from the log instead of missing what was written meanwhile.

use crate::support::process::{
    commitment_form, demo_facilitator, demo_log, demo_organisations, run, ServerProcess,
};
use crate::support::{Backend, FreshDb};
use futures::{Stream, StreamExt};
use leptos::server_fn::ServerFn;
use std::collections::HashMap;
use std::time::Duration;

/// Two instances on a fresh PostgreSQL database holding the demo, or `None`
/// when `make test` found no PostgreSQL (and said so).
struct TwoInstances {
    db: FreshDb,
    a: ServerProcess,
    b: ServerProcess,
    the: Facilitator,
}

/// The demo facilitator's session, good on every instance (sessions live in
/// the database), and the organisation it records commitments for.
#[derive(Clone)]
struct Facilitator {
    client: reqwest::Client,
    cookie: String,
    organisation: String,
}

async fn two_instances() -> Option<TwoInstances> {
    let db = FreshDb::new(Backend::Postgres)?;
    run(&["demo"], &db.url);
    let (a, b) = (ServerProcess::start(&db.url), ServerProcess::start(&db.url));
    let client = reqwest::Client::new();
    let cookie = demo_facilitator(&client, &a.base).await;
    let the = Facilitator {
        client,
        cookie,
        organisation: demo_organisations().remove(0),
    };
    Some(TwoInstances { db, a, b, the })
}

/// Submits the demo commitment `id` to the instance at `base`; whether it
/// was acknowledged (a connection cut by a kill is not).
async fn submit(the: &Facilitator, base: &str, id: &str) -> bool {
    let form = commitment_form(id, &the.organisation, "instances");
    let request = the
        .client
        .post(format!("{base}{}", app::api::SaveCommitment::PATH))
        .header("accept", "application/json")
        .header("cookie", &the.cookie)
        .form(&form);
    matches!(request.send().await, Ok(response) if response.status().is_success())
}

/// How many times each commitment id is in the log, read through `base`.
async fn recorded(the: &Facilitator, base: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for event in demo_log(&the.client, base, &the.cookie).await {
        if event["event"]["type"] == "commitment_recorded" {
            let id = event["event"]["commitment"]["id"].as_str().unwrap().to_string();
            *counts.entry(id).or_default() += 1;
        }
    }
    counts
}

/// The demo's live stream on `base`, resuming after `last_heard` if given.
async fn live(
    the: &Facilitator,
    base: &str,
    last_heard: Option<u64>,
) -> impl Stream<Item = reqwest::Result<impl AsRef<[u8]>>> + Unpin {
    let mut request = the.client.get(format!("{base}/w/demo/live"));
    if let Some(seq) = last_heard {
        request = request.header("last-event-id", seq.to_string());
    }
    request.send().await.expect("the stream opens").bytes_stream()
}

/// The next `version` message of a live stream.
async fn next_version<B: AsRef<[u8]>>(stream: &mut (impl Stream<Item = reqwest::Result<B>> + Unpin)) -> u64 {
    let mut buffer = String::new();
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let message: String = buffer.drain(..end + 2).collect();
            if message
                .lines()
                .any(|l| l == "event: version" || l == "event:version")
            {
                let data = message
                    .lines()
                    .find_map(|l| l.strip_prefix("data:"))
                    .expect("data");
                return data.trim().parse().expect("a version number");
            }
            continue;
        }
        let chunk = tokio::time::timeout(Duration::from_secs(10), stream.next())
            .await
            .expect("the stream speaks within 10 s")
            .expect("the stream is open")
            .expect("readable");
        buffer.push_str(&String::from_utf8_lossy(chunk.as_ref()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_reaching_the_other_instance_is_recorded_once() {
    let Some(room) = two_instances().await else { return };
    // Acknowledged by A, then retried through B (the proxy moved the phone).
    let retried = uuid::Uuid::new_v4().to_string();
    assert!(submit(&room.the, &room.a.base, &retried).await);
    assert!(
        submit(&room.the, &room.b.base, &retried).await,
        "the retry is answered, not refused"
    );
    // The same submit reaching both at once (a double tap over two connections).
    let raced = uuid::Uuid::new_v4().to_string();
    let (on_a, on_b) = tokio::join!(
        submit(&room.the, &room.a.base, &raced),
        submit(&room.the, &room.b.base, &raced)
    );
    assert!(on_a && on_b, "both tries are answered");

    for base in [&room.a.base, &room.b.base] {
        let counts = recorded(&room.the, base).await;
        assert_eq!(
            counts.get(&retried),
            Some(&1),
            "the retried commitment, read on {base}"
        );
        assert_eq!(
            counts.get(&raced),
            Some(&1),
            "the raced commitment, read on {base}"
        );
    }
    run(&["verify"], &room.db.url);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_killed_mid_submission_loses_nothing_it_acknowledged() {
    let Some(mut room) = two_instances().await else {
        return;
    };
    let ids: Vec<String> = (0..300).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    let (acked_tx, mut acked_rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    let mut tasks = Vec::new();
    for (n, chunk) in ids.chunks(15).enumerate() {
        // Half the submitters on each instance.
        let base = if n % 2 == 0 {
            room.a.base.clone()
        } else {
            room.b.base.clone()
        };
        let (the, chunk, acked) = (room.the.clone(), chunk.to_vec(), acked_tx.clone());
        tasks.push(tokio::spawn(async move {
            for id in chunk {
                if submit(&the, &base, &id).await {
                    let _ = acked.send(id);
                }
            }
        }));
    }
    drop(acked_tx);
    let mut acknowledged = Vec::new();
    while acknowledged.len() < 90 {
        acknowledged.push(acked_rx.recv().await.expect("submissions are acknowledged"));
    }
    // SIGKILL A with submissions in flight on both.
    room.a.child.kill().expect("SIGKILL is delivered");
    room.a.child.wait().expect("A is gone");
    for task in tasks {
        task.await.unwrap();
    }
    while let Ok(id) = acked_rx.try_recv() {
        acknowledged.push(id);
    }
    assert!(acknowledged.len() < ids.len(), "the kill should land mid-run");

    // What A acknowledged is on B; a retry on B of something A acknowledged
    // stays one commitment.
    assert!(submit(&room.the, &room.b.base, &acknowledged[0]).await);
    let counts = recorded(&room.the, &room.b.base).await;
    for id in &acknowledged {
        assert_eq!(counts.get(id), Some(&1), "acknowledged commitment {id}");
    }
    assert!(
        counts.values().all(|n| *n == 1),
        "no commitment is recorded twice"
    );
    run(&["verify"], &room.db.url);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_resumes_on_the_other_instance_and_a_restarted_one_hears_again() {
    let Some(mut room) = two_instances().await else {
        return;
    };
    let mut on_b = live(&room.the, &room.b.base, None).await;
    let heard = next_version(&mut on_b).await;

    // B goes away; meanwhile a commitment lands on A.
    room.b.child.kill().expect("SIGKILL is delivered");
    room.b.child.wait().expect("B is gone");
    assert!(submit(&room.the, &room.a.base, &uuid::Uuid::new_v4().to_string()).await);

    // The browser reconnects, through the proxy, to A, saying what it heard:
    // A answers at once with what it missed.
    let mut on_a = live(&room.the, &room.a.base, Some(heard)).await;
    assert_eq!(next_version(&mut on_a).await, heard + 1);

    // The restarted B hears A's next commit on its own streams.
    room.b = ServerProcess::start(&room.db.url);
    let mut on_new_b = live(&room.the, &room.b.base, Some(heard + 1)).await;
    assert!(submit(&room.the, &room.a.base, &uuid::Uuid::new_v4().to_string()).await);
    assert_eq!(next_version(&mut on_new_b).await, heard + 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_whose_listener_dropped_catches_up_from_the_log() {
    use sqlx::Connection;
    let Some(room) = two_instances().await else { return };
    let mut on_b = live(&room.the, &room.b.base, None).await;
    let heard = next_version(&mut on_b).await;

    // Cut every instance's connection for other instances' writes, as a
    // proxy's idle timeout or a database failover would, and write at once.
    let mut admin = sqlx::PgConnection::connect(&room.db.url).await.unwrap();
    let cut: Vec<(bool,)> = sqlx::query_as(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND query ILIKE 'LISTEN%roundtable_events%'",
    )
    .fetch_all(&mut admin)
    .await
    .unwrap();
    assert_eq!(cut.len(), 2, "both instances were listening");
    assert!(submit(&room.the, &room.a.base, &uuid::Uuid::new_v4().to_string()).await);

    // Whether B listened again before or after that write, its stream
    // moves: it catches up from the log when it listens again.
    assert_eq!(next_version(&mut on_b).await, heard + 1);
    assert!(submit(&room.the, &room.a.base, &uuid::Uuid::new_v4().to_string()).await);
    assert_eq!(next_version(&mut on_b).await, heard + 2, "and it listens again");
}
