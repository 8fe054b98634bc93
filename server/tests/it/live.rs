//! The projector's live dashboard (`GET /w/{slug}/live/dashboard`) through
//! the real server: the figures themselves arrive after a commit, a
//! reconnect with `Last-Event-ID` resumes without loss, and a confidential
//! commitment's name and words never travel on the public stream.

use crate::support::{call, demo_with_facilitator, new_id, Backend, TestApp};
use app::api::service::Workshops;
use app::domain::dashboard::{Dashboard, PublicName};
use futures::StreamExt;
use leptos::server_fn::ServerFn;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::time::Duration;

type Body = std::pin::Pin<Box<dyn futures::Stream<Item = reqwest::Result<axum::body::Bytes>> + Send>>;

/// One server-sent event: its type, id and data.
#[derive(Debug)]
struct Message {
    event: String,
    id: String,
    data: String,
}

/// A stream as a browser reads it: messages, and everything heard so far.
struct Stream {
    body: Body,
    buffer: String,
    heard: String,
}

impl Stream {
    async fn open(app: &TestApp, last_event_id: Option<u64>) -> Stream {
        let mut request = app.client.get(app.url("/w/demo/live/dashboard"));
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id.to_string());
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        Stream {
            body: Box::pin(response.bytes_stream()),
            buffer: String::new(),
            heard: String::new(),
        }
    }

    /// The next message that is not a keep-alive comment.
    async fn next(&mut self) -> Message {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let raw: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| {
                    raw.lines()
                        .find_map(|l| l.strip_prefix(name))
                        .map(|v| v.trim_start().to_string())
                };
                if let Some(data) = field("data:") {
                    return Message {
                        event: field("event:").unwrap_or_default(),
                        id: field("id:").unwrap_or_default(),
                        data,
                    };
                }
                continue;
            }
            let chunk = tokio::time::timeout(Duration::from_secs(10), self.body.next())
                .await
                .expect("the stream speaks within 10 s")
                .expect("the stream is open")
                .unwrap();
            let text = String::from_utf8_lossy(&chunk);
            self.heard.push_str(&text);
            self.buffer.push_str(&text);
        }
    }

    /// The next dashboard, checked to be one message of its own version.
    async fn dashboard(&mut self) -> Dashboard {
        let message = self.next().await;
        assert_eq!(message.event, "dashboard", "{message:?}");
        let dashboard: Dashboard = serde_json::from_str(&message.data).expect("a dashboard as JSON");
        assert_eq!(message.id, dashboard.version.to_string(), "id: is the version");
        dashboard
    }

    /// Reads dashboards until one satisfies `wanted`.
    async fn until(&mut self, wanted: impl Fn(&Dashboard) -> bool) -> Dashboard {
        loop {
            let dashboard = self.dashboard().await;
            if wanted(&dashboard) {
                return dashboard;
            }
        }
    }
}

/// Records a commitment through the server function, as a browser does.
async fn record(app: &TestApp, cookie: &str, organisation: &str, amount: &str, public: bool) -> String {
    let id = new_id();
    let mut form = vec![
        ("slug", "demo"),
        ("id", id.as_str()),
        ("organisation", organisation),
        ("amount", amount),
        ("currency", "USD"),
        ("instrument", "grant"),
        ("status", "firm_commitment"),
        ("earmark", "programme"),
        ("years", "2027"),
        ("conditions", "Only if the quiet board agrees"),
        ("note", "Whispered over coffee"),
    ];
    if public {
        form.push(("public", "on"));
    }
    let response = call(app, app::api::SaveCommitment::PATH, &form, Some(cookie)).await;
    assert!(
        response.status().is_success(),
        "{}",
        response.text().await.unwrap()
    );
    id
}

fn lists(dashboard: &Dashboard, id: &str, amount: &str) -> bool {
    dashboard
        .newest
        .iter()
        .any(|line| line.id.to_string() == id && line.money.amount == Decimal::from_str(amount).unwrap())
}

async fn a_commitment_reaches_the_dashboard_stream_with_its_figures(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let mut stream = Stream::open(&app, None).await;
    let first = stream.dashboard().await;
    assert_eq!(
        first.version, state.version,
        "a new stream starts with the current dashboard"
    );
    assert_eq!(
        first,
        Dashboard::of(&state).unwrap(),
        "the public dashboard, as load_dashboard"
    );

    let id = record(&app, &facilitator, &organisation, "4321.09", true).await;
    let after = stream.until(|d| lists(d, &id, "4321.09")).await;
    assert_eq!(
        after.cash.secured - first.cash.secured,
        Decimal::from_str("4321.09").unwrap(),
        "the figures count it"
    );
    assert_eq!(after.version, app.engine.workshop("demo").await.unwrap().version);
    // The page's server function answers with the very same dashboard.
    let served = call(&app, app::api::LoadDashboard::PATH, &[("slug", "demo")], None).await;
    let served: Dashboard = served.json().await.unwrap();
    assert_eq!(served, after);

    let missing = app
        .client
        .get(app.url("/w/nope/live/dashboard"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}
on_both_backends!(
    a_commitment_reaches_the_dashboard_stream,
    a_commitment_reaches_the_dashboard_stream_with_its_figures
);

async fn a_reconnect_resumes_from_its_last_event_id(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let organisation = app
        .engine
        .workshop("demo")
        .await
        .unwrap()
        .organisations
        .keys()
        .next()
        .unwrap()
        .to_string();
    let mut first = Stream::open(&app, None).await;
    let heard = first.dashboard().await;
    drop(first);

    // Missed a commit while away: the current dashboard at once, with it.
    let missed = record(&app, &facilitator, &organisation, "1111.11", true).await;
    let mut behind = Stream::open(&app, Some(heard.version)).await;
    let caught_up = behind.dashboard().await;
    assert!(caught_up.version > heard.version);
    assert!(lists(&caught_up, &missed, "1111.11"), "{:?}", caught_up.newest);

    // Already current: nothing until the next commit, which then arrives.
    let mut current = Stream::open(&app, Some(caught_up.version)).await;
    let next = record(&app, &facilitator, &organisation, "2222.22", true).await;
    let arrived = current.dashboard().await;
    assert!(
        lists(&arrived, &next, "2222.22"),
        "the first message is the new commit's"
    );
    assert!(arrived.version > caught_up.version);
}
on_both_backends!(a_reconnect_resumes, a_reconnect_resumes_from_its_last_event_id);

async fn a_confidential_commitment_travels_only_masked(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let quiet = new_id();
    let form = [
        ("slug", "demo"),
        ("id", quiet.as_str()),
        ("name", "Very Quiet Family Foundation"),
        ("kind", "foundation"),
        ("country", "ch"),
        ("city", "Zug"),
    ];
    let added = call(&app, app::api::AddOrganisation::PATH, &form, Some(&facilitator)).await;
    assert!(added.status().is_success(), "{}", added.text().await.unwrap());

    let mut stream = Stream::open(&app, None).await;
    let id = record(&app, &facilitator, &quiet, "7777.77", false).await;
    let after = stream.until(|d| lists(d, &id, "7777.77")).await;
    let line = after.newest.iter().find(|l| l.id.to_string() == id).unwrap();
    assert!(matches!(line.who, PublicName::Anonymous { .. }), "{:?}", line.who);
    for secret in ["Very Quiet Family Foundation", "quiet board", "Whispered", &quiet] {
        assert!(
            !stream.heard.contains(secret),
            "{secret} went out on the public stream"
        );
    }
    // The same commitment made public is named: the test would see a leak.
    let named = record(&app, &facilitator, &quiet, "8888.88", true).await;
    stream.until(|d| lists(d, &named, "8888.88")).await;
    assert!(stream.heard.contains("Very Quiet Family Foundation"));
}
on_both_backends!(
    a_confidential_commitment_is_masked_on_the_stream,
    a_confidential_commitment_travels_only_masked
);
