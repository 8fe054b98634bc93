//! `make bench`: the release server on SQLite (synchronous=FULL) under a
//! room's load, measured from outside as a browser would see it.
//!
//! - Submit latency: commitments submitted at a steady rate (open loop:
//!   each at its scheduled time, whether or not earlier ones answered) from
//!   many delegate sessions; p50/p99 from send to acknowledgement.
//! - Delivery latency: dashboards connected to the live stream; for each
//!   event and each stream, arrival time minus the event's `recorded_at` in
//!   the log. `recorded_at` is taken just before the append, so this counts
//!   the commit itself too: an upper bound on commit-to-arrival.
//! - Memory: the server's peak resident set (VmHWM) with the streams open.
//!
//! Settings (environment): BENCH_RATE (submits/s, 200), BENCH_SECONDS (15),
//! BENCH_SESSIONS (500), BENCH_STREAMS (1000).

#[path = "../tests/it/support/process.rs"]
mod process;

use futures::StreamExt;
use leptos::server_fn::ServerFn;
use process::{
    commitment_form, cookie_named, demo_facilitator, demo_log, demo_organisations, post, run, ServerProcess,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn now_micros() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_micros() as i64
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn vm_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let rate = setting("BENCH_RATE", 200);
    let seconds = setting("BENCH_SECONDS", 15);
    let sessions = setting("BENCH_SESSIONS", 500);
    let streams = setting("BENCH_STREAMS", 1000);

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/bench.sqlite3", dir.path().display());
    run(&["demo"], &url);
    let server = ServerProcess::start(&url);
    let (base, pid) = (server.base.clone(), server.pid());
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1024)
        .build()
        .unwrap();

    // A facilitator issues invite links; delegates join with them.
    let facilitator = demo_facilitator(&client, &base).await;
    let organisations = demo_organisations();
    let mut links = Vec::new();
    for organisation in &organisations {
        let answer = post(
            &client,
            format!("{base}{}", app::api::IssueInvite::PATH),
            Some(&facilitator),
            &[("slug", "demo"), ("organisation", organisation)],
        )
        .await;
        let (_, link): (String, String) = answer.json().await.expect("invite link");
        links.push((organisation.clone(), link.rsplit('/').next().unwrap().to_string()));
    }
    let mut delegates = Vec::with_capacity(sessions);
    for i in 0..sessions {
        let (organisation, token) = &links[i % links.len()];
        let delegate = uuid::Uuid::new_v4().to_string();
        let joined = post(
            &client,
            format!("{base}{}", app::api::JoinWorkshop::PATH),
            None,
            &[
                ("token", token),
                ("delegate", &delegate),
                ("name", "Bench delegate"),
                ("email", ""),
            ],
        )
        .await;
        let cookie = cookie_named(&joined, "rt_delegate").expect("delegate session");
        delegates.push((organisation.clone(), cookie));
    }
    println!(
        "setup: {sessions} delegate sessions over {} organisations",
        organisations.len()
    );

    // The dashboards: each records, in order, when each version arrived.
    let arrivals: Arc<Mutex<Vec<(usize, u64, i64)>>> =
        Arc::new(Mutex::new(Vec::with_capacity(streams * 1024)));
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel::<()>(streams.max(1));
    for stream in 0..streams {
        let client = reqwest::Client::new();
        let (base, arrivals, ready) = (base.clone(), arrivals.clone(), ready_tx.clone());
        tokio::spawn(async move {
            let response = client
                .get(format!("{base}/w/demo/live"))
                .send()
                .await
                .expect("stream opens");
            let _ = ready.send(()).await;
            let mut body = response.bytes_stream();
            let mut buffer = String::new();
            while let Some(Ok(chunk)) = body.next().await {
                let at = now_micros();
                buffer.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = buffer.find("\n\n") {
                    let message: String = buffer.drain(..end + 2).collect();
                    if let Some(seq) = message
                        .lines()
                        .find_map(|l| l.strip_prefix("data:"))
                        .and_then(|d| d.trim().parse::<u64>().ok())
                    {
                        arrivals.lock().unwrap().push((stream, seq, at));
                    }
                }
            }
        });
    }
    drop(ready_tx);
    for _ in 0..streams {
        ready_rx.recv().await.expect("stream connected");
    }
    let rss_idle_streams = vm_kib(pid, "VmRSS:");
    let first_seq_measured = demo_log(&client, &base, &facilitator).await.len() as u64 + 1;
    println!("setup: {streams} live streams connected");

    // Open-loop submits at a steady rate.
    let total = rate * seconds;
    let interval = Duration::from_secs_f64(1.0 / rate as f64);
    let latencies: Arc<Mutex<Vec<f64>>> = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let failures = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut handles = Vec::with_capacity(total);
    for i in 0..total {
        tokio::time::sleep_until((start + interval * i as u32).into()).await;
        let (organisation, cookie) = delegates[i % delegates.len()].clone();
        let (client, base, latencies, failures) =
            (client.clone(), base.clone(), latencies.clone(), failures.clone());
        handles.push(tokio::spawn(async move {
            let id = uuid::Uuid::new_v4().to_string();
            let sent = Instant::now();
            let form = commitment_form(&id, &organisation, "bench");
            let url = format!("{base}{}", app::api::SaveCommitment::PATH);
            let response = post(&client, url, Some(&cookie), &form).await;
            if response.status().is_success() {
                latencies
                    .lock()
                    .unwrap()
                    .push(sent.elapsed().as_secs_f64() * 1000.0);
            } else {
                failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    let elapsed = start.elapsed().as_secs_f64();
    // Let the last events reach every stream.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let peak_rss = vm_kib(pid, "VmHWM:");
    let rss_now = vm_kib(pid, "VmRSS:");

    // When each event was recorded, from the log.
    let recorded: HashMap<u64, i64> = demo_log(&client, &base, &facilitator)
        .await
        .into_iter()
        .filter_map(|e| {
            let seq = e["seq"].as_u64()?;
            let at = chrono::DateTime::parse_from_rfc3339(e["recorded_at"].as_str()?).ok()?;
            Some((seq, at.timestamp_micros()))
        })
        .collect();
    let last_seq = recorded.keys().copied().max().unwrap_or(0);

    // A message carrying version v delivers to its stream every event after
    // the version that stream last had, up to v: each event is measured, on
    // each stream, from its recorded_at to the message that brought it.
    let mut by_stream = arrivals.lock().unwrap().clone();
    by_stream.sort_by_key(|(stream, ..)| *stream); // stable: arrival order kept
    let mut delivery: Vec<f64> = Vec::with_capacity(by_stream.len() * 4);
    let mut current = (usize::MAX, 0u64);
    for (stream, version, at) in by_stream {
        if stream != current.0 {
            current = (stream, first_seq_measured - 1);
        }
        for seq in (current.1 + 1).max(first_seq_measured)..=version {
            if let Some(recorded_at) = recorded.get(&seq) {
                delivery.push((at - recorded_at) as f64 / 1000.0);
            }
        }
        current.1 = current.1.max(version);
    }
    delivery.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mut submit = latencies.lock().unwrap().clone();
    submit.sort_by(|a, b| a.partial_cmp(b).unwrap());

    println!();
    println!("Roundtable benchmark (release server, SQLite, synchronous=FULL)");
    println!(
        "  submits: {} acknowledged, {} failed, in {:.1} s ({:.0}/s offered, {:.0}/s achieved) from {sessions} sessions",
        submit.len(),
        failures.load(std::sync::atomic::Ordering::Relaxed),
        elapsed,
        rate,
        submit.len() as f64 / elapsed
    );
    println!(
        "  submit latency:   p50 {:.1} ms   p99 {:.1} ms   max {:.1} ms   (target p99 <= 50 ms)",
        percentile(&submit, 50.0),
        percentile(&submit, 99.0),
        submit.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "  commit to {streams} streams: p50 {:.1} ms   p99 {:.1} ms   ({} deliveries; target p99 <= 200 ms)",
        percentile(&delivery, 50.0),
        percentile(&delivery, 99.0),
        delivery.len()
    );
    println!(
        "  server memory: {:.1} MiB with the streams idle, {:.1} MiB after the run, peak {:.1} MiB   (target <= 256 MiB)",
        rss_idle_streams as f64 / 1024.0,
        rss_now as f64 / 1024.0,
        peak_rss as f64 / 1024.0
    );
    println!("  events in the log: {last_seq}");
    drop(server);
}
