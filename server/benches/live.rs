//! `make bench`: the release server on SQLite (synchronous=FULL) under a
//! room's load, measured from outside as a browser would see it. Projectors
//! (BENCH_STREAMS of them) hold the pushed dashboard stream
//! (`/w/demo/live/dashboard`) throughout.
//!
//! - Data on screen: commitments submitted at BENCH_SCREEN_RATE a second,
//!   each with an amount of its own; for each commitment and each screen,
//!   the time from sending the submit to the moment that screen holds a
//!   dashboard listing that amount. p50/p99 over every (screen, commitment).
//! - Submit latency: commitments submitted at BENCH_RATE a second (open
//!   loop: each at its scheduled time, whether or not earlier ones
//!   answered) from many delegate sessions; p50/p99 from send to
//!   acknowledgement, with the screens still following.
//! - Version on screen during the submits: for each event and each screen,
//!   arrival of a dashboard at or past its version minus the event's
//!   `recorded_at` in the log (taken just before the append, so the commit
//!   is counted too): the earlier benchmark's figure.
//! - Memory: the server's peak resident set (VmHWM) over the whole run.
//!
//! Settings (environment): BENCH_RATE (submits/s, 200), BENCH_SCREEN_RATE
//! (5), BENCH_SECONDS (15, each phase), BENCH_SESSIONS (500),
//! BENCH_STREAMS (1000).

#[path = "../tests/it/support/process.rs"]
mod process;

use futures::StreamExt;
use leptos::server_fn::ServerFn;
use process::{
    commitment_form, cookie_named, demo_facilitator, demo_log, demo_organisations, post, run, ServerProcess,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
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

/// CPU seconds a process has used so far (user and system).
fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
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
    let screen_rate = setting("BENCH_SCREEN_RATE", 5);
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

    // The screens: each records when each version arrived, and when it
    // first held each amount.
    let shared = Arc::new(Mutex::new(Heard::default()));
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel::<()>(streams.max(1));
    for stream in 0..streams {
        let (base, shared, ready) = (base.clone(), shared.clone(), ready_tx.clone());
        tokio::spawn(screen(stream, base, shared, ready));
    }
    drop(ready_tx);
    for _ in 0..streams {
        ready_rx.recv().await.expect("stream connected");
    }
    let rss_idle_streams = vm_kib(pid, "VmRSS:");
    println!("setup: {streams} dashboard streams connected");

    // Phase 1: a room's pace of commitments, each with an amount of its own.
    let cpu = || (cpu_seconds(&pid.to_string()), cpu_seconds("self"));
    let cpu_before = cpu();
    let screens = submit_at(&client, &base, &delegates, screen_rate, seconds, 1).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut on_screen: Vec<f64> = Vec::with_capacity(streams * screens.sent.len());
    let mut missing = 0usize;
    {
        let heard = shared.lock().unwrap();
        for (amount, sent) in &screens.sent {
            for stream in 0..streams {
                match heard.first_held.get(&(stream, amount.clone())) {
                    Some(at) => on_screen.push(at.saturating_duration_since(*sent).as_secs_f64() * 1000.0),
                    None => missing += 1,
                }
            }
        }
    }
    on_screen.sort_by(|a, b| a.partial_cmp(b).unwrap());

    // Phase 2: submits at full rate, the screens still following.
    let first_seq_measured = demo_log(&client, &base, &facilitator).await.len() as u64 + 1;
    shared.lock().unwrap().versions.clear();
    WATCHING.store(false, Ordering::Relaxed);
    let cpu_between = cpu();
    let burst = submit_at(&client, &base, &delegates, rate, seconds, 2).await;
    let cpu_after = cpu();
    // Let the last events reach every stream.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let peak_rss = vm_kib(pid, "VmHWM:");
    let rss_now = vm_kib(pid, "VmRSS:");
    let delivery = version_delivery(&client, &base, &facilitator, &shared, first_seq_measured).await;

    let received = shared.lock().unwrap().messages;
    println!();
    println!("Roundtable benchmark (release server, SQLite, synchronous=FULL)");
    println!(
        "  data on {streams} screens at {screen_rate} commits/s: p50 {:.1} ms   p99 {:.1} ms   max {:.1} ms   ({} of {} (screen, commitment) pairs held; target p99 <= 100 ms)",
        percentile(&on_screen, 50.0),
        percentile(&on_screen, 99.0),
        on_screen.last().copied().unwrap_or(f64::NAN),
        on_screen.len(),
        on_screen.len() + missing,
    );
    println!(
        "  submits: {} acknowledged, {} failed, in {:.1} s ({rate}/s offered, {:.0}/s achieved) from {sessions} sessions",
        burst.latencies.len(),
        burst.failures,
        burst.elapsed,
        burst.latencies.len() as f64 / burst.elapsed
    );
    println!(
        "  submit latency at {rate}/s:   p50 {:.1} ms   p99 {:.1} ms   max {:.1} ms   (target p99 <= 20 ms)",
        percentile(&burst.latencies, 50.0),
        percentile(&burst.latencies, 99.0),
        burst.latencies.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "  version on {streams} screens at {rate}/s (commit to arrival): p50 {:.1} ms   p99 {:.1} ms   ({} deliveries)",
        percentile(&delivery, 50.0),
        percentile(&delivery, 99.0),
        delivery.len()
    );
    println!(
        "  server memory: {:.1} MiB with the streams idle, {:.1} MiB after the run, peak {:.1} MiB   (target <= 128 MiB)",
        rss_idle_streams as f64 / 1024.0,
        rss_now as f64 / 1024.0,
        peak_rss as f64 / 1024.0
    );
    println!(
        "  {received} dashboards received in all; the phase-1 submits: p99 {:.1} ms",
        percentile(&screens.latencies, 99.0)
    );
    println!(
        "  CPU seconds, server / this client: phase 1 {:.1} / {:.1}, phase 2 {:.1} / {:.1} (2 cores shared)",
        cpu_between.0 - cpu_before.0,
        cpu_between.1 - cpu_before.1,
        cpu_after.0 - cpu_between.0,
        cpu_after.1 - cpu_between.1,
    );
    drop(server);
}

/// Whether the screens still note the amounts they hold (phase 1 only).
static WATCHING: AtomicBool = AtomicBool::new(true);

/// What the screens heard.
#[derive(Default)]
struct Heard {
    /// (screen, version, arrival in µs since the epoch), in arrival order per screen.
    versions: Vec<(usize, u64, i64)>,
    /// When each screen first held each amount.
    first_held: HashMap<(usize, String), Instant>,
    messages: usize,
}

/// One projector on the dashboard stream: splits it into messages and notes
/// each message's version and the amounts its newest commitments show.
async fn screen(
    stream: usize,
    base: String,
    shared: Arc<Mutex<Heard>>,
    ready: tokio::sync::mpsc::Sender<()>,
) {
    let response = reqwest::Client::new()
        .get(format!("{base}/w/demo/live/dashboard"))
        .send()
        .await
        .expect("stream opens");
    let _ = ready.send(()).await;
    let mut body = response.bytes_stream();
    let mut buffer: Vec<u8> = Vec::new();
    let mut held: std::collections::HashSet<String> = std::collections::HashSet::new();
    while let Some(Ok(chunk)) = body.next().await {
        let (at, micros) = (Instant::now(), now_micros());
        buffer.extend_from_slice(&chunk);
        while let Some(end) = buffer.windows(2).position(|w| w == b"\n\n") {
            let message: Vec<u8> = buffer.drain(..end + 2).collect();
            let text = String::from_utf8_lossy(&message);
            let Some(version) = text
                .lines()
                .find_map(|l| l.strip_prefix("id:"))
                .and_then(|id| id.trim().parse::<u64>().ok())
            else {
                continue;
            };
            let new: Vec<String> = if WATCHING.load(Ordering::Relaxed) {
                amounts(&text).filter(|a| held.insert(a.clone())).collect()
            } else {
                Vec::new()
            };
            let mut shared = shared.lock().unwrap();
            shared.messages += 1;
            shared.versions.push((stream, version, micros));
            for amount in new {
                shared.first_held.insert((stream, amount), at);
            }
        }
    }
}

/// The amounts of the dashboard's newest commitments, as the JSON has them.
fn amounts(text: &str) -> impl Iterator<Item = String> + '_ {
    let newest = text.find("\"newest\":[").map(|i| &text[i..]).unwrap_or("");
    newest
        .split("\"amount\":\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
}

struct Submitted {
    /// Each acknowledged commitment's amount and when its submit was sent.
    sent: Vec<(String, Instant)>,
    latencies: Vec<f64>,
    failures: usize,
    elapsed: f64,
}

/// Open-loop submits at a steady rate, each with an amount of its own
/// (`phase` keeps the phases' amounts apart).
async fn submit_at(
    client: &reqwest::Client,
    base: &str,
    delegates: &[(String, String)],
    rate: usize,
    seconds: usize,
    phase: usize,
) -> Submitted {
    let total = rate * seconds;
    let interval = Duration::from_secs_f64(1.0 / rate.max(1) as f64);
    let start = Instant::now();
    let mut handles = Vec::with_capacity(total);
    for i in 0..total {
        tokio::time::sleep_until((start + interval * i as u32).into()).await;
        let (organisation, cookie) = delegates[i % delegates.len()].clone();
        let (client, base) = (client.clone(), base.to_string());
        handles.push(tokio::spawn(async move {
            let id = uuid::Uuid::new_v4().to_string();
            // Ends in 1: no trailing zero for a parser to drop.
            let amount = format!("{phase}{i:07}.01");
            let mut form = commitment_form(&id, &organisation, "bench");
            form[3].1 = &amount;
            let sent = Instant::now();
            let url = format!("{base}{}", app::api::SaveCommitment::PATH);
            let response = post(&client, url, Some(&cookie), &form).await;
            let latency = sent.elapsed().as_secs_f64() * 1000.0;
            response.status().is_success().then_some((amount, sent, latency))
        }));
    }
    let mut submitted = Submitted {
        sent: Vec::with_capacity(total),
        latencies: Vec::with_capacity(total),
        failures: 0,
        elapsed: 0.0,
    };
    for handle in handles {
        match handle.await.unwrap() {
            Some((amount, sent, latency)) => {
                submitted.sent.push((amount, sent));
                submitted.latencies.push(latency);
            }
            None => submitted.failures += 1,
        }
    }
    submitted.elapsed = start.elapsed().as_secs_f64();
    submitted.latencies.sort_by(|a, b| a.partial_cmp(b).unwrap());
    submitted
}

/// A message carrying version v delivers to its screen every event after
/// the version that screen last had, up to v: each event is measured, on
/// each screen, from its recorded_at to the message that brought it.
async fn version_delivery(
    client: &reqwest::Client,
    base: &str,
    facilitator: &str,
    shared: &Mutex<Heard>,
    first_seq_measured: u64,
) -> Vec<f64> {
    let recorded: HashMap<u64, i64> = demo_log(client, base, facilitator)
        .await
        .into_iter()
        .filter_map(|e| {
            let seq = e["seq"].as_u64()?;
            let at = chrono::DateTime::parse_from_rfc3339(e["recorded_at"].as_str()?).ok()?;
            Some((seq, at.timestamp_micros()))
        })
        .collect();
    let mut by_stream = shared.lock().unwrap().versions.clone();
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
    delivery
}
