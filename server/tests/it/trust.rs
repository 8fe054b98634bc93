//! The attacks of docs/SECURITY.md, each tried over HTTP against the real
//! app on both backends: each is refused with its documented status and
//! leaves the log as it was.

use crate::support::{call, cookie_named, demo_with_facilitator, Backend, TestApp};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

async fn version(app: &TestApp) -> u64 {
    app.engine.workshop("demo").await.unwrap().version
}

async fn room_code(app: &TestApp) -> String {
    let code: serde_json::Value = call(app, app::api::LoadRoomCode::PATH, &[("slug", "demo")], None)
        .await
        .json()
        .await
        .unwrap();
    code["code"].as_str().unwrap().to_string()
}

async fn join_room(app: &TestApp, code: &str, id: &str, name: &str) -> reqwest::Response {
    let form = [("code", code), ("id", id), ("name", name)];
    call(app, app::api::JoinRoom::PATH, &form, None).await
}

async fn join_by_link(app: &TestApp, token: &str, delegate: &str) -> reqwest::Response {
    let form = [
        ("token", token),
        ("delegate", delegate),
        ("name", "Somchai"),
        ("email", ""),
    ];
    call(app, app::api::JoinWorkshop::PATH, &form, None).await
}

async fn audited(app: &TestApp, kind: &str) -> usize {
    let trail = app.engine.store().audit_trail(10_000).await.unwrap();
    trail.iter().filter(|entry| entry.kind == kind).count()
}

fn organisations(app_state: &app::domain::state::WorkshopState) -> (String, String) {
    let mut ids = app_state.organisations.keys().map(|id| id.to_string());
    (ids.next().unwrap(), ids.next().unwrap())
}

async fn a_replayed_participant_id_opens_no_session(backend: Backend) {
    let Some((app, _, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let code = room_code(&app).await;
    let id = new_id();
    let first = join_room(&app, &code, &id, "Lan").await;
    assert!(cookie_named(&first, "rt_participant").is_some());
    let before = version(&app).await;

    let replay = join_room(&app, &code, &id, "Lan").await;
    assert_eq!(replay.status(), 409);
    assert!(cookie_named(&replay, "rt_participant").is_none());
    let renamed = join_room(&app, &code, &id, "Mallory").await;
    assert_eq!(renamed.status(), 409, "the same key for another command");
    assert!(cookie_named(&renamed, "rt_participant").is_none());
    assert_eq!(version(&app).await, before, "nothing written");
    assert_eq!(audited(&app, "idempotency_key_reused").await, 1);
}
on_both_backends!(participant_replay, a_replayed_participant_id_opens_no_session);

async fn two_racing_joins_with_one_id_get_one_session(backend: Backend) {
    let Some((app, _, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let code = room_code(&app).await;
    let id = new_id();
    let (a, b) = tokio::join!(
        join_room(&app, &code, &id, "Lan"),
        join_room(&app, &code, &id, "Lan")
    );
    let sessions = [&a, &b]
        .iter()
        .filter(|r| cookie_named(r, "rt_participant").is_some())
        .count();
    assert_eq!(sessions, 1, "{} and {}", a.status(), b.status());
    assert!(a.status() == 409 || b.status() == 409);
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(
        state
            .participants
            .values()
            .filter(|p| p.id.to_string() == id)
            .count(),
        1
    );
}
on_both_backends!(racing_joins, two_racing_joins_with_one_id_get_one_session);

async fn another_organisations_link_does_not_open_a_delegate(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (org_a, org_b) = organisations(&app.engine.workshop("demo").await.unwrap());
    let delegate = new_id();
    let link_a = crate::support::demo_invite_token(&app, &facilitator, &org_a).await;
    let joined = join_by_link(&app, &link_a, &delegate).await;
    assert!(cookie_named(&joined, "rt_delegate").is_some());
    let before = version(&app).await;

    let link_b = crate::support::demo_invite_token(&app, &facilitator, &org_b).await;
    let hijack = join_by_link(&app, &link_b, &delegate).await;
    assert_eq!(hijack.status(), 409);
    assert!(cookie_named(&hijack, "rt_delegate").is_none());
    let again = join_by_link(&app, &link_a, &delegate).await;
    assert_eq!(again.status(), 409, "A's own link does not replay a join either");
    assert!(cookie_named(&again, "rt_delegate").is_none());
    assert_eq!(version(&app).await, before);
}
on_both_backends!(
    delegate_replay,
    another_organisations_link_does_not_open_a_delegate
);

async fn a_key_is_bound_to_its_sender_and_command(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let id = new_id();
    let organisation = |name: &'static str| {
        let id = id.clone();
        move || {
            vec![
                ("slug", "demo".to_string()),
                ("id", id.clone()),
                ("name", name.to_string()),
                ("kind", "local_government".to_string()),
                ("country", "TH".to_string()),
                ("city", "Bangkok".to_string()),
            ]
        }
    };
    let send = |form: Vec<(&'static str, String)>| {
        let facilitator = facilitator.clone();
        let app = &app;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(app, app::api::AddOrganisation::PATH, &form, Some(&facilitator)).await
        }
    };
    assert_eq!(send(organisation("Port of Testing")()).await.status(), 200);
    let after_first = version(&app).await;
    assert_eq!(
        send(organisation("Port of Testing")()).await.status(),
        200,
        "a retry is answered"
    );
    let other = send(organisation("Port of Elsewhere")()).await;
    assert_eq!(other.status(), 409);
    assert_eq!(version(&app).await, after_first);
    let state = app.engine.workshop("demo").await.unwrap();
    assert!(state.organisations.values().any(|o| o.name == "Port of Testing"));
    assert!(!state
        .organisations
        .values()
        .any(|o| o.name == "Port of Elsewhere"));
    assert_eq!(audited(&app, "idempotency_key_reused").await, 1);
}
on_both_backends!(bound_keys, a_key_is_bound_to_its_sender_and_command);

async fn parallel_password_guesses_stop_at_five(backend: Backend) {
    let Some(app) = TestApp::start(backend).await else {
        return;
    };
    let hash = password_auth::generate_hash("a long enough passphrase");
    let account = app::domain::ids::AccountId::random();
    app.engine
        .store()
        .create_account(account, "ana@example.org", "Ana", &hash)
        .await
        .unwrap();
    let guesses = (0..30).map(|i| {
        let app = &app;
        async move {
            let password = format!("guess number {i}");
            call(
                app,
                app::api::SignIn::PATH,
                &[("email", "ana@example.org"), ("password", &password)],
                None,
            )
            .await
            .status()
            .as_u16()
        }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert!(checked <= 5, "{statuses:?}");
    assert_eq!(checked + throttled, 30, "{statuses:?}");
    assert!(audited(&app, "sign_in_failed").await <= 5);
    // Guessing on, one at a time, is checked until five have failed in all.
    for i in 0..10 {
        let password = format!("later guess {i}");
        let form = [("email", "ana@example.org"), ("password", password.as_str())];
        let status = call(&app, app::api::SignIn::PATH, &form, None).await.status();
        assert!(status == 422 || status == 429, "{status}");
    }
    assert_eq!(audited(&app, "sign_in_failed").await, 5);
    // The right password waits too, until the window moves on.
    let right = call(
        &app,
        app::api::SignIn::PATH,
        &[
            ("email", "ana@example.org"),
            ("password", "a long enough passphrase"),
        ],
        None,
    )
    .await;
    assert_eq!(right.status(), 429);
}
on_both_backends!(password_guessing, parallel_password_guesses_stop_at_five);

async fn wrong_room_codes_are_throttled_per_client(backend: Backend) {
    let Some((app, _, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let code = room_code(&app).await;
    let guesses = (0..20).map(|_| {
        let app = &app;
        async move { join_room(app, "ZZZZZ9", &new_id(), "Eve").await.status().as_u16() }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    assert!(checked <= 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 20 - checked);
    for _ in 0..12 {
        let status = join_room(&app, "ZZZZZ9", &new_id(), "Eve").await.status();
        assert!(status == 422 || status == 429, "{status}");
    }
    assert_eq!(audited(&app, "room_code_refused").await, 10);
    let before = version(&app).await;
    let right = join_room(&app, &code, &new_id(), "Eve").await;
    assert_eq!(right.status(), 429, "this client waits, whatever it types");
    assert_eq!(version(&app).await, before);
}
on_both_backends!(room_code_guessing, wrong_room_codes_are_throttled_per_client);

async fn an_approval_names_what_it_approves(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (org_x, org_y) = organisations(&app.engine.workshop("demo").await.unwrap());
    let code = room_code(&app).await;
    let id = new_id();
    let joined = join_room(&app, &code, &id, "Lan").await;
    let participant = cookie_named(&joined, "rt_participant").unwrap();
    let ask = |organisation: String| {
        let (app, participant) = (&app, participant.clone());
        async move {
            let form = [("slug", "demo"), ("organisation", organisation.as_str())];
            call(app, app::api::RequestDelegation::PATH, &form, Some(&participant)).await
        }
    };
    assert_eq!(ask(org_x.clone()).await.status(), 200);
    // The facilitator is shown X; meanwhile the request becomes Y.
    assert_eq!(ask(org_y.clone()).await.status(), 200);
    let before = version(&app).await;
    let approve_x = [
        ("slug", "demo"),
        ("participant", id.as_str()),
        ("organisation", org_x.as_str()),
        ("decision", "approve"),
    ];
    let refused = call(
        &app,
        app::api::DecideDelegation::PATH,
        &approve_x,
        Some(&facilitator),
    )
    .await;
    assert_eq!(refused.status(), 409);
    assert_eq!(version(&app).await, before);
    let state = app.engine.workshop("demo").await.unwrap();
    let person: app::domain::ids::ParticipantId = id.parse().unwrap();
    assert_eq!(state.participants[&person].delegate_of, None);
}
on_both_backends!(named_approvals, an_approval_names_what_it_approves);

async fn revoking_and_removing_end_sessions_at_once(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (org_a, _) = organisations(&app.engine.workshop("demo").await.unwrap());
    let register = |cookie: String| {
        let app = &app;
        async move {
            call(
                app,
                app::api::LoadCommitments::PATH,
                &[("slug", "demo")],
                Some(&cookie),
            )
            .await
            .status()
            .as_u16()
        }
    };
    // Revoking the link ends the sessions it opened.
    let link = crate::support::demo_invite_token(&app, &facilitator, &org_a).await;
    let delegate = cookie_named(&join_by_link(&app, &link, &new_id()).await, "rt_delegate").unwrap();
    assert_eq!(register(delegate.clone()).await, 200);
    let revoke = [("slug", "demo"), ("organisation", org_a.as_str())];
    assert_eq!(
        call(&app, app::api::RevokeInvites::PATH, &revoke, Some(&facilitator))
            .await
            .status(),
        200
    );
    assert_eq!(register(delegate).await, 401);

    // Removing a delegate ends their session; what they recorded stays.
    let link = crate::support::demo_invite_token(&app, &facilitator, &org_a).await;
    let person = new_id();
    let delegate = cookie_named(&join_by_link(&app, &link, &person).await, "rt_delegate").unwrap();
    assert_eq!(register(delegate.clone()).await, 200);
    let remove = [("slug", "demo"), ("person", person.as_str())];
    let by_delegate = call(&app, app::api::RemovePerson::PATH, &remove, Some(&delegate)).await;
    assert_eq!(by_delegate.status(), 401, "only facilitators remove people");
    assert_eq!(
        call(&app, app::api::RemovePerson::PATH, &remove, Some(&facilitator))
            .await
            .status(),
        200
    );
    assert_eq!(register(delegate).await, 401);
    let state = app.engine.workshop("demo").await.unwrap();
    assert!(
        state.delegates.keys().any(|d| d.to_string() == person),
        "the record stays"
    );

    // The same for someone who joined with the room code.
    let code = room_code(&app).await;
    let id = new_id();
    let participant = cookie_named(&join_room(&app, &code, &id, "Lan").await, "rt_participant").unwrap();
    let mine = |cookie: String| {
        let app = &app;
        async move {
            call(
                app,
                app::api::LoadMyRoom::PATH,
                &[("slug", "demo")],
                Some(&cookie),
            )
            .await
            .status()
            .as_u16()
        }
    };
    assert_eq!(mine(participant.clone()).await, 200);
    let remove = [("slug", "demo"), ("person", id.as_str())];
    call(&app, app::api::RemovePerson::PATH, &remove, Some(&facilitator)).await;
    assert_eq!(mine(participant).await, 401);
}
on_both_backends!(revocation, revoking_and_removing_end_sessions_at_once);

async fn a_colleague_sets_their_own_password_once(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let add = [("slug", "demo"), ("email", "ben@example.org"), ("name", "Ben")];
    let link: Option<String> = call(&app, app::api::AddFacilitator::PATH, &add, Some(&facilitator))
        .await
        .json()
        .await
        .unwrap();
    let link = link.expect("a new account gets a one-time link");
    let token = link.rsplit('/').next().unwrap().to_string();
    let email: String = call(&app, app::api::LoadPasswordLink::PATH, &[("token", &token)], None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(email, "ben@example.org");
    let short = [("token", token.as_str()), ("password", "short")];
    let refused = call(&app, app::api::SetPasswordByLink::PATH, &short, None).await;
    assert_eq!(refused.status(), 422);
    let set = [("token", token.as_str()), ("password", "ben's own passphrase")];
    let done = call(&app, app::api::SetPasswordByLink::PATH, &set, None).await;
    assert!(
        done.status().is_success() || done.status().is_redirection(),
        "{}",
        done.status()
    );
    let twice = call(&app, app::api::SetPasswordByLink::PATH, &set, None).await;
    assert_eq!(twice.status(), 404, "the link dies with its use");
    let sign_in = [("email", "ben@example.org"), ("password", "ben's own passphrase")];
    let signed = call(&app, app::api::SignIn::PATH, &sign_in, None).await;
    let ben = crate::support::session_cookie(&signed).expect("Ben signs in with his own password");
    let ben = ben.split(';').next().unwrap().to_string();

    // Ben changes it; a wrong current password changes nothing.
    let wrong = [("current", "not it at all"), ("password", "a newer passphrase")];
    let refused = call(&app, app::api::ChangePassword::PATH, &wrong, Some(&ben)).await;
    assert_eq!(refused.status(), 422);
    let right = [
        ("current", "ben's own passphrase"),
        ("password", "a newer passphrase"),
    ];
    let changed = call(&app, app::api::ChangePassword::PATH, &right, Some(&ben)).await;
    assert_eq!(changed.status(), 200);
    let old = call(&app, app::api::SignIn::PATH, &sign_in, None).await;
    assert_eq!(old.status(), 422);
}
on_both_backends!(passwords, a_colleague_sets_their_own_password_once);

#[tokio::test]
async fn the_language_switch_redirects_only_to_this_site() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    for (target, expected) in [
        ("/\\evil.example", "/"),
        ("//evil.example", "/"),
        ("https://evil.example", "/"),
        ("/w/demo", "/w/demo"),
    ] {
        let response = app
            .client
            .post(app.url("/lang"))
            .form(&[("lang", "en"), ("return_to", target)])
            .send()
            .await
            .unwrap();
        assert!(response.status().is_redirection());
        assert_eq!(response.headers()["location"], expected, "{target}");
    }
}

#[tokio::test]
async fn over_https_cookies_are_host_bound_and_hsts_is_sent() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    let hash = password_auth::generate_hash("a long enough passphrase");
    app.engine
        .store()
        .create_account(
            app::domain::ids::AccountId::random(),
            "ana@example.org",
            "Ana",
            &hash,
        )
        .await
        .unwrap();
    let response = app
        .client
        .post(app.url(app::api::SignIn::PATH))
        .header("accept", "application/json")
        .header("x-forwarded-proto", "https")
        .form(&[
            ("email", "ana@example.org"),
            ("password", "a long enough passphrase"),
        ])
        .send()
        .await
        .unwrap();
    let cookie = cookie_named(&response, "__Host-rt_session").expect("a __Host- cookie");
    assert!(response.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
    let set = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        set.contains("Secure") && set.contains("Path=/") && !set.contains("Domain"),
        "{set}"
    );
    // Over plain HTTP, neither.
    let plain = app.client.get(app.url("/")).send().await.unwrap();
    assert!(plain.headers().get("strict-transport-security").is_none());
    let who = app
        .client
        .post(app.url(app::api::WhoAmI::PATH))
        .header("accept", "application/json")
        .header("x-forwarded-proto", "https")
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    let who: serde_json::Value = who.json().await.unwrap();
    assert_eq!(who["email"], "ana@example.org");
}

/// Runs statements straight on the test's database, as someone with the
/// database but not the app would.
async fn tamper(app: &TestApp, statements: &[&str]) {
    use server::db::Db;
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
        match app.engine.store().db() {
            Db::Sqlite(pool) => sqlx::query(&statement).execute(pool).await.map(|_| ()),
            Db::Postgres(pool) => sqlx::query(&statement).execute(pool).await.map(|_| ()),
        }
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

async fn save_commitment(
    app: &TestApp,
    facilitator: &str,
    organisation: &str,
    amount: &str,
    earmark: &str,
) -> reqwest::Response {
    let id = new_id();
    let form = [
        ("slug", "demo"),
        ("id", id.as_str()),
        ("organisation", organisation),
        ("amount", amount),
        ("currency", "USD"),
        ("instrument", "grant"),
        ("status", "firm_commitment"),
        ("earmark", earmark),
        ("years", "2027"),
        ("conditions", ""),
        ("note", ""),
        ("public", "on"),
    ];
    call(app, app::api::SaveCommitment::PATH, &form, Some(facilitator)).await
}

/// Every page and export that shows figures, as their readers fetch them.
async fn figures_render(app: &TestApp, facilitator: &str) {
    for path in ["/w/demo/screen", "/w/demo", "/w/demo/commitments", "/"] {
        let page = app
            .client
            .get(app.url(path))
            .header("cookie", facilitator)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "{path}");
    }
    for export in ["commitments.csv", "commitments.xlsx", "state.json"] {
        let file = app
            .client
            .get(app.url(&format!("/w/demo/export/{export}")))
            .header("cookie", facilitator)
            .send()
            .await
            .unwrap();
        assert_eq!(file.status(), 200, "{export}");
    }
    let dashboard = call(app, app::api::LoadDashboard::PATH, &[("slug", "demo")], None).await;
    assert_eq!(dashboard.status(), 200);
}

async fn one_huge_number_is_refused_and_the_ceiling_renders(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (org, _) = organisations(&app.engine.workshop("demo").await.unwrap());
    let before = version(&app).await;
    for huge in [
        "79228162514264337593543950335",
        "900000000000000000000000000",
        "1000000000000000.01",
    ] {
        let refused = save_commitment(&app, &facilitator, &org, huge, "programme").await;
        assert_eq!(refused.status(), 422, "{huge}");
        assert!(
            refused.text().await.unwrap().contains("amount_too_large"),
            "{huge}"
        );
    }
    let long_city = format!("city:{}", "x".repeat(60_000));
    let refused = save_commitment(&app, &facilitator, &org, "10", &long_city).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(version(&app).await, before, "nothing written");
    // The largest accepted amounts, many times: every page still renders.
    for _ in 0..20 {
        let accepted = save_commitment(&app, &facilitator, &org, "1000000000000000", "programme").await;
        assert_eq!(accepted.status(), 200);
    }
    figures_render(&app, &facilitator).await;
}
on_both_backends!(ceilings, one_huge_number_is_refused_and_the_ceiling_renders);

async fn an_absurd_value_already_stored_breaks_no_page(backend: Backend) {
    use app::domain::event::{Actor, Event, StoredEvent};
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    // What an older version accepted: the largest Decimal, at a rate.
    let state = app.engine.workshop("demo").await.unwrap();
    let mut commitment = state.commitments.values().next().unwrap().clone();
    commitment.id = app::domain::ids::CommitmentId::random();
    commitment.money.amount = rust_decimal::Decimal::MAX;
    let workshop = state.setup.as_ref().unwrap().id;
    let event = StoredEvent {
        seq: state.version + 1,
        recorded_at: chrono::Utc::now(),
        actor: Actor::System,
        event: Event::CommitmentRecorded { commitment },
    };
    let appended = app
        .engine
        .store()
        .append(server::store::Append {
            workshop,
            register_slug: None,
            idempotency_key: "old-version",
            request_hash: "old-version",
            version_after: event.seq,
            events: &[event],
        })
        .await
        .unwrap();
    assert_eq!(appended, server::store::AppendOutcome::Appended);
    // Any write catches the engine up with the log first.
    let (org, _) = organisations(&state);
    save_commitment(&app, &facilitator, &org, "10", "programme").await;
    assert!(app.engine.workshop("demo").await.unwrap().version > state.version + 1);
    figures_render(&app, &facilitator).await;
}
on_both_backends!(stored_absurdity, an_absurd_value_already_stored_breaks_no_page);

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
    let before = version(&app).await;
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
    assert_eq!(version(&app).await, before + 1);
    let report = server::verify::verify(app.engine.store()).await.unwrap();
    assert!(report.faults.is_empty(), "{:?}", report.faults);
}
on_both_backends!(chaining_old_logs, a_log_from_before_the_chain_is_chained_once);
