//! The real `roundtable` binary as a separate process, for the tests and
//! the benchmark that must kill it or measure it from outside.
#![allow(dead_code)]

use leptos::server_fn::ServerFn;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_roundtable");

pub struct ServerProcess {
    pub child: Child,
    pub base: String,
}

impl ServerProcess {
    /// Starts `roundtable serve` on a port the OS picks, and returns once it
    /// printed the address it listens on (it binds before printing).
    pub fn start(database_url: &str) -> ServerProcess {
        let mut child = Command::new(BIN)
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("ROUNDTABLE_ADDR", "127.0.0.1:0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
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
        ServerProcess { child, base }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no shutdown, no flush; what was acknowledged must be on disk.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL is delivered");
        self.child.wait().expect("the server is gone");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a `roundtable` command to completion against a database.
pub fn run(args: &[&str], database_url: &str) {
    let status = Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", database_url)
        .stdout(Stdio::null())
        .status()
        .expect("the command runs");
    assert!(status.success(), "roundtable {args:?} failed");
}

/// A cookie a response sets, as `name=value`.
pub fn cookie_named(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap().to_string())
}

/// Posts a form to a server function as the hydrated page does.
pub async fn post(
    client: &reqwest::Client,
    url: String,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = client.post(url).header("accept", "application/json").form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.expect("the server answers")
}

/// Signs in as the demo facilitator (`roundtable demo` made the account).
pub async fn demo_facilitator(client: &reqwest::Client, base: &str) -> String {
    let form = [
        ("email", server::cli::DEMO_FACILITATOR_EMAIL),
        ("password", server::cli::DEMO_FACILITATOR_PASSWORD),
    ];
    let response = post(client, format!("{base}{}", app::api::SignIn::PATH), None, &form).await;
    cookie_named(&response, "rt_session").expect("a session cookie")
}

/// The form of a commitment of `organisation` in the demo, keyed by `id`.
pub fn commitment_form<'a>(
    id: &'a str,
    organisation: &'a str,
    note: &'a str,
) -> [(&'static str, &'a str); 11] {
    [
        ("slug", "demo"),
        ("id", id),
        ("organisation", organisation),
        ("amount", "12500.50"),
        ("currency", "USD"),
        ("instrument", "grant"),
        ("status", "indicative_pledge"),
        ("earmark", "programme"),
        ("years", "2027"),
        ("conditions", ""),
        ("note", note),
    ]
}

/// The ids of the demo's organisations.
pub fn demo_organisations() -> Vec<String> {
    app::domain::demo::demo_commands()
        .into_iter()
        .filter_map(|(_, command)| match command {
            app::domain::command::Command::AddOrganisation(new) => Some(new.id.to_string()),
            _ => None,
        })
        .collect()
}

/// The demo workshop's event log, as the facilitator export serves it: one
/// JSON value per stored event, in order.
pub async fn demo_log(client: &reqwest::Client, base: &str, cookie: &str) -> Vec<serde_json::Value> {
    let text = client
        .get(format!("{base}/w/demo/export/events.jsonl"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("the server answers")
        .text()
        .await
        .expect("a readable body");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}
