//! Exports over HTTP, for a workshop's facilitators and API tokens only.

use crate::support::{call_status, demo_with_facilitator, facilitator_session, Backend, TestApp};
use app::api::service::Workshops;
use app::domain::event::Actor;

async fn get(app: &TestApp, path: &str, auth: Option<(&str, String)>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some((name, value)) = auth {
        request = request.header(name, value);
    }
    request.send().await.unwrap()
}

async fn exports_need_a_token_or_a_facilitator(backend: Backend) {
    let Some((app, cookie, facilitator)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state_path = "/w/demo/export/state.json";
    assert_eq!(get(&app, state_path, None).await.status(), 401);

    let by_session = get(&app, state_path, Some(("cookie", cookie))).await;
    assert_eq!(by_session.status(), 200);
    let state: serde_json::Value = by_session.json().await.unwrap();
    assert_eq!(state["schema"], "roundtable.workshop-state/3");
    // Stages 1 and 2 travel whole: the results framework with baselines and
    // targets, costed components, scored risks, roles and the matrix.
    let design = &state["workshop"]["design"];
    let partnership = &state["workshop"]["partnership"];
    let measured = design["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["baseline"].is_string() && i["target"].is_string())
        .count();
    assert!(measured >= 4, "{design}");
    assert!(design["components"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| !c["yearly_cost"].as_array().unwrap().is_empty()));
    assert!(design["risks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["likelihood"].as_u64().is_some()));
    assert!(!design["phases"].as_array().unwrap().is_empty());
    assert!(!design["activities"].as_array().unwrap().is_empty());
    assert!(!partnership["roles"].as_object().unwrap().is_empty());
    assert!(!partnership["responsibilities"].as_array().unwrap().is_empty());
    assert!(!partnership["bodies"].as_array().unwrap().is_empty());
    assert!(!partnership["agreements"].as_object().unwrap().is_empty());

    let (id, token) = app
        .services
        .api_tokens
        .create("demo", &facilitator)
        .await
        .unwrap();
    let bearer = || Some(("authorization", format!("Bearer {token}")));
    let log = get(&app, "/w/demo/export/events.jsonl", bearer()).await;
    assert_eq!(log.status(), 200);
    assert_eq!(log.headers()["content-type"], "application/x-ndjson");
    let lines = log.text().await.unwrap().lines().count() as u64;
    assert_eq!(lines, app.engine.workshop("demo").await.unwrap().version);

    let wrong = get(&app, state_path, Some(("authorization", "Bearer nope".into()))).await;
    assert_eq!(wrong.status(), 401);
    app.services
        .api_tokens
        .revoke("demo", &facilitator, id)
        .await
        .unwrap();
    assert_eq!(
        get(&app, state_path, bearer()).await.status(),
        401,
        "a revoked token reads nothing"
    );
}
on_both_backends!(exports, exports_need_a_token_or_a_facilitator);

#[tokio::test]
async fn another_workshops_facilitator_or_token_reads_nothing_here() {
    let (app, _, _) = demo_with_facilitator(Backend::Sqlite).await.unwrap();
    let stranger = facilitator_session(&app, "bo@example.org").await;
    assert_eq!(
        get(&app, "/w/demo/export/state.json", Some(("cookie", stranger)))
            .await
            .status(),
        403
    );
    let bo = app
        .engine
        .store()
        .account_by_email("bo@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let outsider = Actor::Facilitator { account: bo };
    assert_eq!(
        app.services
            .api_tokens
            .create("demo", &outsider)
            .await
            .unwrap_err(),
        app::domain::error::AppError::Forbidden
    );
}

#[test]
fn the_command_line_creates_a_token_for_a_facilitator_of_the_workshop() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.sqlite3", dir.path().display());
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "off")
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["demo"]).status.success());
    let created = run(&[
        "token",
        "create",
        "--workshop",
        "demo",
        "--email",
        "facilitator@example.org",
    ]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let stdout = String::from_utf8(created.stdout).unwrap();
    assert!(
        stdout.lines().nth(1).is_some_and(|token| token.len() == 64),
        "{stdout}"
    );
    let unknown = run(&[
        "token",
        "create",
        "--workshop",
        "demo",
        "--email",
        "nobody@example.org",
    ]);
    assert_eq!(unknown.status.code(), Some(1));
}

#[tokio::test]
async fn a_facilitator_makes_lists_and_revokes_tokens_through_the_server() {
    use crate::support::call;
    use leptos::server_fn::ServerFn;
    let (app, cookie, _) = demo_with_facilitator(Backend::Sqlite).await.unwrap();
    let created = call(
        &app,
        app::api::CreateApiToken::PATH,
        &[("slug", "demo")],
        Some(&cookie),
    )
    .await;
    let (id, secret): (String, String) = created.json().await.unwrap();
    let bearer = || Some(("authorization", format!("Bearer {secret}")));
    assert_eq!(
        get(&app, "/w/demo/export/state.json", bearer()).await.status(),
        200
    );
    let listed: serde_json::Value = call(
        &app,
        app::api::ListApiTokens::PATH,
        &[("slug", "demo")],
        Some(&cookie),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(listed[0]["id"], id.as_str());
    assert!(
        !listed.to_string().contains(&secret),
        "the list never shows the secret"
    );
    let revoke = [("slug", "demo"), ("id", id.as_str())];
    assert!(
        call_status(&app, app::api::RevokeApiToken::PATH, &revoke, Some(&cookie))
            .await
            .is_success()
    );
    assert_eq!(
        get(&app, "/w/demo/export/state.json", bearer()).await.status(),
        401
    );
    let anonymous = call_status(&app, app::api::CreateApiToken::PATH, &[("slug", "demo")], None).await;
    assert_eq!(anonymous, 401);
}

/// The register's CSV sums, tier by tier and kind by kind, to exactly the
/// dashboard's figures; the XLSX is a real workbook; both need the same
/// rights as the other exports.
async fn the_register_files_match_the_dashboard(backend: Backend) {
    use app::domain::dashboard::Dashboard;
    use rust_decimal::Decimal;
    let Some((app, cookie, facilitator)) = demo_with_facilitator(backend).await else {
        return;
    };
    assert_eq!(
        get(&app, "/w/demo/export/commitments.csv", None).await.status(),
        401
    );
    let response = get(
        &app,
        "/w/demo/export/commitments.csv",
        Some(("cookie", cookie.clone())),
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let body = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, server::register::COLUMNS);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (tier, kind, converted) = (
        column("tier"),
        column("contribution_kind"),
        column("converted_amount"),
    );
    let mut sums: std::collections::BTreeMap<(String, String), Decimal> = Default::default();
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        rows += 1;
        if let Ok(amount) = record[converted].parse::<Decimal>() {
            *sums
                .entry((record[tier].to_string(), record[kind].to_string()))
                .or_default() += amount;
        }
    }
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(rows, state.commitments.len());
    let dashboard = Dashboard::of(&state).unwrap();
    let sum = |t: &str, k: &str| {
        sums.get(&(t.to_string(), k.to_string()))
            .copied()
            .unwrap_or_default()
    };
    assert_eq!(sum("secured", "cash"), dashboard.cash.secured);
    assert_eq!(sum("pledged", "cash"), dashboard.cash.pledged);
    assert_eq!(
        sum("secured", "guarantee") + sum("pledged", "guarantee"),
        dashboard.guarantees.secured + dashboard.guarantees.pledged
    );
    assert_eq!(
        sum("secured", "in_kind") + sum("pledged", "in_kind"),
        dashboard.in_kind.secured + dashboard.in_kind.pledged
    );

    let (_, token) = app
        .services
        .api_tokens
        .create("demo", &facilitator)
        .await
        .unwrap();
    let xlsx = get(
        &app,
        "/w/demo/export/commitments.xlsx",
        Some(("authorization", format!("Bearer {token}"))),
    )
    .await;
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip archive");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("xl/workbook.xml") && text.contains("xl/worksheets/sheet1.xml"));
}
on_both_backends!(register, the_register_files_match_the_dashboard);
