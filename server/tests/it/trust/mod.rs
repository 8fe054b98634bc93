//! The attacks of docs/SECURITY.md, each tried over HTTP against the real
//! app on both backends: each is refused with its documented status and
//! leaves the log as it was. One module per kind of threat; the helpers
//! they share are here.

use crate::support::{
    call, call_status, cookie_named, create_account, demo_version, demo_with_facilitator, new_id, sign_in,
    Backend, TestApp, PASSWORD,
};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

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

mod delegation;
mod figures;
mod guessing;
mod passwords;
mod replays;
mod tamper;
mod web;
