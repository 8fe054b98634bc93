//! An acknowledged write is never lost: the real binary is killed with
//! SIGKILL while commitments are being submitted, restarted on the same
//! SQLite file, and every commitment it had acknowledged is there exactly
//! once; retried submissions do not duplicate.

use leptos::server_fn::ServerFn;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_roundtable");

struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// Starts `roundtable serve` on a port the OS picks, and returns once it
    /// printed the address it listens on (it binds before printing).
    fn start(database_url: &str) -> Server {
        let mut child = Command::new(BIN)
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("ROUNDTABLE_ADDR", "127.0.0.1:0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            let line = lines
                .next()
                .expect("the server prints its address")
                .expect("readable");
            if let Some(address) = line.strip_prefix("Roundtable is serving ") {
                break address.trim().to_string();
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, base }
    }

    fn kill(mut self) {
        self.child.kill().expect("SIGKILL is delivered");
        self.child.wait().expect("the server is gone");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run(args: &[&str], database_url: &str) {
    let status = Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", database_url)
        .stdout(Stdio::null())
        .status()
        .expect("the command runs");
    assert!(status.success(), "roundtable {args:?} failed");
}

async fn sign_in(client: &reqwest::Client, base: &str) -> String {
    let response = client
        .post(format!("{base}{}", app::api::SignIn::PATH))
        .header("accept", "application/json")
        .form(&[
            ("email", server::cli::DEMO_FACILITATOR_EMAIL),
            ("password", server::cli::DEMO_FACILITATOR_PASSWORD),
        ])
        .send()
        .await
        .expect("sign-in answers");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("rt_session="))
        .expect("a session cookie");
    cookie.split(';').next().unwrap().to_string()
}

async fn submit(client: &reqwest::Client, base: &str, cookie: &str, id: &str, organisation: &str) -> bool {
    let form = [
        ("slug", "demo"),
        ("id", id),
        ("organisation", organisation),
        ("amount", "1000.25"),
        ("currency", "USD"),
        ("instrument", "grant"),
        ("status", "indicative_pledge"),
        ("earmark", "programme"),
        ("years", "2027"),
        ("conditions", ""),
        ("note", "durability"),
    ];
    match client
        .post(format!("{base}{}", app::api::RecordCommitment::PATH))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .form(&form)
        .send()
        .await
    {
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
    let organisation = app::domain::demo::demo_commands()
        .into_iter()
        .find_map(|(_, command)| match command {
            app::domain::command::Command::AddOrganisation(new) => Some(new.id.to_string()),
            _ => None,
        })
        .unwrap();

    let server = Server::start(&url);
    let client = reqwest::Client::new();
    let cookie = sign_in(&client, &server.base).await;

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

    let server = Server::start(&url);
    let cookie = sign_in(&client, &server.base).await;
    // A retry of an acknowledged submission, after the restart, is the same
    // commitment, not a second one.
    assert!(submit(&client, &server.base, &cookie, &acknowledged[0], &organisation).await);
    let log = client
        .get(format!("{}/w/demo/export/events.jsonl", server.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut recorded = std::collections::HashMap::<String, usize>::new();
    for line in log.lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
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
    run(&["verify"], &url);
}
