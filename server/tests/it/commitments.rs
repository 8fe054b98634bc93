//! Stage 4 and the room through the real server: who may record what,
//! retries, bad input, joining by room code, the screen link's framing,
//! the live stream's Last-Event-ID, and other instances' writes.

use crate::support::{call, call_status, cookie_named, demo_with_facilitator, new_id, Backend, TestApp};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

/// The demo with a signed-in facilitator of it, and two organisations' ids.
struct Demo {
    app: TestApp,
    facilitator: String,
    org_a: String,
    org_b: String,
}

async fn demo(backend: Backend) -> Option<Demo> {
    let (app, facilitator, _) = demo_with_facilitator(backend).await?;
    let state = app.engine.workshop("demo").await.unwrap();
    let mut orgs = state.organisations.keys().map(|id| id.to_string());
    let (org_a, org_b) = (orgs.next().unwrap(), orgs.next().unwrap());
    Some(Demo {
        app,
        facilitator,
        org_a,
        org_b,
    })
}

impl Demo {
    /// The status a server function answers the holder of `cookie` with.
    async fn status(&self, path: &str, form: &[(&str, &str)], cookie: &str) -> reqwest::StatusCode {
        call_status(&self.app, path, form, Some(cookie)).await
    }
}

/// A delegate of `organisation`, joined through an invite link.
async fn delegate_of(demo: &Demo, organisation: &str) -> String {
    crate::support::demo_delegate(&demo.app, &demo.facilitator, organisation).await
}

async fn record(
    demo: &Demo,
    cookie: Option<&str>,
    id: &str,
    organisation: &str,
    amount: &str,
) -> reqwest::Response {
    let form = [
        ("slug", "demo"),
        ("id", id),
        ("organisation", organisation),
        ("amount", amount),
        ("currency", "EUR"),
        ("instrument", "loan"),
        ("status", "letter_of_intent"),
        ("earmark", "programme"),
        ("years", "2027, 2028"),
        ("conditions", ""),
        ("note", ""),
        ("public", "on"),
    ];
    call(&demo.app, app::api::SaveCommitment::PATH, &form, cookie).await
}

async fn commitments(demo: &Demo) -> usize {
    demo.app.engine.workshop("demo").await.unwrap().commitments.len()
}

async fn delegates_record_only_for_their_own_organisation(backend: Backend) {
    let Some(demo) = demo(backend).await else { return };
    let before = commitments(&demo).await;
    let delegate = delegate_of(&demo, &demo.org_a).await;

    assert_eq!(
        record(&demo, None, &new_id(), &demo.org_a, "10").await.status(),
        401
    );
    assert_eq!(
        record(&demo, Some(&delegate), &new_id(), &demo.org_b, "10")
            .await
            .status(),
        403
    );
    assert_eq!(commitments(&demo).await, before);

    // Bad input names each field and stores nothing.
    let bad = record(&demo, Some(&delegate), &new_id(), &demo.org_a, "1.234").await;
    assert_eq!(bad.status(), 422);
    let problem: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(problem["Invalid"]["amount"], "too_many_decimals", "{problem}");
    assert_eq!(commitments(&demo).await, before);

    // A retried submit (same id) is one commitment.
    let id = new_id();
    for _ in 0..3 {
        let response = record(&demo, Some(&delegate), &id, &demo.org_a, "1,500,000.25").await;
        assert_eq!(response.status(), 200);
    }
    assert_eq!(commitments(&demo).await, before + 1);
    let state = demo.app.engine.workshop("demo").await.unwrap();
    let recorded = &state.commitments[&id.parse().unwrap()];
    assert_eq!(recorded.money.amount.to_string(), "1500000.25");
    assert_eq!(recorded.years, vec![2027, 2028]);
    assert_eq!(
        recorded.rate.as_ref().unwrap().currency.code(),
        "EUR",
        "keeps the rate in force"
    );

    // The delegate sees their own organisation's commitments, not others'.
    let view: serde_json::Value = call(
        &demo.app,
        app::api::LoadCommitments::PATH,
        &[("slug", "demo")],
        Some(&delegate),
    )
    .await
    .json()
    .await
    .unwrap();
    let lines = view["lines"].as_array().unwrap();
    assert!(!lines.is_empty());
    assert!(lines
        .iter()
        .all(|l| l["commitment"]["organisation"] == demo.org_a.as_str()));
    let all: serde_json::Value = call(
        &demo.app,
        app::api::LoadCommitments::PATH,
        &[("slug", "demo")],
        Some(&demo.facilitator),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(all["lines"].as_array().unwrap().len(), before + 1);
}
on_both_backends!(record_rights, delegates_record_only_for_their_own_organisation);

async fn a_participant_joins_by_code_and_acts_once_approved(backend: Backend) {
    let Some(demo) = demo(backend).await else { return };
    let code: serde_json::Value = call(&demo.app, app::api::LoadRoomCode::PATH, &[("slug", "demo")], None)
        .await
        .json()
        .await
        .unwrap();
    let code = code["code"].as_str().unwrap().to_string();
    let again: serde_json::Value = call(&demo.app, app::api::LoadRoomCode::PATH, &[("slug", "demo")], None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["code"], code.as_str(), "one code per workshop");

    let wrong = call_status(
        &demo.app,
        app::api::JoinRoom::PATH,
        &[("code", "ZZZZZZ"), ("id", &new_id()), ("name", "Lan")],
        None,
    )
    .await;
    assert_eq!(wrong, 422);
    let joined = call(
        &demo.app,
        app::api::JoinRoom::PATH,
        &[("code", &code.to_lowercase()), ("id", &new_id()), ("name", "Lan")],
        None,
    )
    .await;
    let participant = cookie_named(&joined, "rt_participant").expect("a participant session");

    // A participant answers the room's open questions; a visitor does not.
    let question = new_id();
    let ask = [
        ("slug", "demo"),
        ("id", question.as_str()),
        ("question", "Which port first?"),
    ];
    let asked = demo
        .status(app::api::OpenDiscussion::PATH, &ask, &participant)
        .await;
    assert_eq!(asked, 403, "only facilitators ask");
    let asked = demo
        .status(app::api::OpenDiscussion::PATH, &ask, &demo.facilitator)
        .await;
    assert_eq!(asked, 200);
    let answer = [
        ("slug", "demo"),
        ("item", question.as_str()),
        ("id", &new_id()),
        ("text", "Laem Chabang"),
    ];
    assert_eq!(
        call_status(&demo.app, app::api::Contribute::PATH, &answer, None).await,
        401
    );
    assert_eq!(
        demo.status(app::api::Contribute::PATH, &answer, &participant)
            .await,
        200
    );
    let state = demo.app.engine.workshop("demo").await.unwrap();
    assert_eq!(
        state.discussions[&question.parse().unwrap()].contributions.len(),
        1
    );

    // A participant views but does not record, approve, or change setup.
    assert_eq!(
        record(&demo, Some(&participant), &new_id(), &demo.org_a, "5")
            .await
            .status(),
        403
    );
    let requested = demo
        .status(
            app::api::RequestDelegation::PATH,
            &[("slug", "demo"), ("organisation", &demo.org_a)],
            &participant,
        )
        .await;
    assert_eq!(requested, 200);
    let (_, requests): (u64, Vec<serde_json::Value>) = call(
        &demo.app,
        app::api::LoadRequests::PATH,
        &[("slug", "demo")],
        Some(&demo.facilitator),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(requests.len(), 1);
    let who = requests[0]["participant"].as_str().unwrap().to_string();
    let shown = requests[0]["organisation_id"].as_str().unwrap().to_string();
    let approve = [
        ("slug", "demo"),
        ("participant", who.as_str()),
        ("organisation", shown.as_str()),
        ("decision", "approve"),
    ];
    let by_participant = demo
        .status(app::api::DecideDelegation::PATH, &approve, &participant)
        .await;
    assert_eq!(by_participant, 401, "only facilitators decide");
    let approved = demo
        .status(app::api::DecideDelegation::PATH, &approve, &demo.facilitator)
        .await;
    assert_eq!(approved, 200);

    // The same device now acts for the organisation, and only for it.
    assert_eq!(
        record(&demo, Some(&participant), &new_id(), &demo.org_a, "5")
            .await
            .status(),
        200
    );
    assert_eq!(
        record(&demo, Some(&participant), &new_id(), &demo.org_b, "5")
            .await
            .status(),
        403
    );
    let audit = demo.app.engine.store().audit_trail(100).await.unwrap();
    assert!(
        audit.iter().any(|entry| entry.kind == "delegation_approved"),
        "{audit:?}"
    );
    assert!(audit.iter().any(|entry| entry.kind == "room_code_refused"));
    assert!(audit.iter().any(|entry| entry.kind == "participant_joined"));
}
on_both_backends!(room_code, a_participant_joins_by_code_and_acts_once_approved);

#[tokio::test]
async fn only_the_screen_link_may_be_framed() {
    let app = TestApp::with_demo(Backend::Sqlite).await.unwrap();
    let screen = app.client.get(app.url("/w/demo/screen")).send().await.unwrap();
    assert_eq!(screen.status(), 200);
    assert!(screen.headers().get("x-frame-options").is_none());
    let policy = screen.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(policy.contains("frame-ancestors *"), "{policy}");
    let html = screen.text().await.unwrap();
    assert!(html.contains("room.svg"), "the screen shows the join QR code");

    let overview = app.client.get(app.url("/w/demo")).send().await.unwrap();
    assert_eq!(overview.headers()["x-frame-options"], "DENY");
    let qr = app.client.get(app.url("/w/demo/room.svg")).send().await.unwrap();
    assert_eq!(qr.headers()["content-type"], "image/svg+xml");
    assert!(qr.text().await.unwrap().contains("<svg"));
}

/// Reads the next `data:` line of a server-sent-event stream.
async fn next_version<B: AsRef<[u8]>>(
    body: &mut (impl futures::Stream<Item = reqwest::Result<B>> + Unpin),
) -> u64 {
    use futures::StreamExt;
    let mut buffer = String::new();
    loop {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(10), body.next())
            .await
            .expect("the stream speaks within 10 s")
            .expect("the stream is open")
            .unwrap();
        buffer.push_str(&String::from_utf8_lossy(chunk.as_ref()));
        if let Some(data) = buffer.lines().find_map(|l| l.strip_prefix("data:")) {
            return data.trim().parse().unwrap();
        }
    }
}

#[tokio::test]
async fn a_reconnecting_stream_starts_from_what_it_missed() {
    let demo = demo(Backend::Sqlite).await.unwrap();
    let current = demo.app.engine.workshop("demo").await.unwrap().version;
    let fresh = demo
        .app
        .client
        .get(demo.app.url("/w/demo/live"))
        .send()
        .await
        .unwrap();
    let mut fresh = fresh.bytes_stream();
    assert_eq!(
        next_version(&mut fresh).await,
        current,
        "a new stream starts with the version"
    );

    // A browser that already has `current` hears nothing until the next commit.
    let resumed = demo
        .app
        .client
        .get(demo.app.url("/w/demo/live"))
        .header("last-event-id", current.to_string())
        .send()
        .await
        .unwrap();
    let mut resumed = resumed.bytes_stream();
    assert_eq!(
        record(&demo, Some(&demo.facilitator), &new_id(), &demo.org_a, "1")
            .await
            .status(),
        200
    );
    assert_eq!(next_version(&mut resumed).await, current + 1);
}

/// Two instances on one PostgreSQL database: a dashboard following one of
/// them hears a commit made through the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_instances_commit_reaches_this_instances_streams() {
    let Some(demo) = demo(Backend::Postgres).await else {
        return;
    };
    let other = server::cli::open(&demo.app.db.config()).await.unwrap();
    server::engine::follow_other_instances(&other);
    let mut heard = other.subscribe("demo").await.unwrap();
    let before = other.workshop("demo").await.unwrap().version;
    assert_eq!(
        record(&demo, Some(&demo.facilitator), &new_id(), &demo.org_a, "1")
            .await
            .status(),
        200
    );
    let event = tokio::time::timeout(std::time::Duration::from_secs(10), heard.recv())
        .await
        .expect("the other instance hears within 10 s")
        .unwrap();
    assert_eq!(event.seq, before + 1);
    assert_eq!(other.workshop("demo").await.unwrap().version, before + 1);
}

async fn a_locked_stage_refuses_delegates_until_reopened(backend: Backend) {
    let Some(demo) = demo(backend).await else { return };
    let delegate = delegate_of(&demo, &demo.org_a).await;
    let lock = [("slug", "demo"), ("stage", "commitments"), ("status", "locked")];
    let by_delegate = demo
        .status(app::api::SetStageStatus::PATH, &lock, &delegate)
        .await;
    assert_eq!(by_delegate, 403, "only facilitators lock stages");
    assert_eq!(
        demo.status(app::api::SetStageStatus::PATH, &lock, &demo.facilitator)
            .await,
        200
    );

    let before = commitments(&demo).await;
    let refused = record(&demo, Some(&delegate), &new_id(), &demo.org_a, "10").await;
    assert_eq!(refused.status(), 409);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["StageLocked"], "commitments", "{problem}");
    assert_eq!(commitments(&demo).await, before);
    assert_eq!(
        record(&demo, Some(&demo.facilitator), &new_id(), &demo.org_a, "10")
            .await
            .status(),
        200
    );

    let reopen = [("slug", "demo"), ("stage", "commitments"), ("status", "open")];
    assert_eq!(
        demo.status(app::api::SetStageStatus::PATH, &reopen, &demo.facilitator)
            .await,
        200
    );
    assert_eq!(
        record(&demo, Some(&delegate), &new_id(), &demo.org_a, "10")
            .await
            .status(),
        200
    );
}
on_both_backends!(stage_lock, a_locked_stage_refuses_delegates_until_reopened);
