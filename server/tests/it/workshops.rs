//! Facilitators create and administer workshops.

use crate::support::{call, call_status, facilitator_session, Backend, TestApp};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

fn form<'a>(id: &'a str, slug: &'a str, currency: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("id", id),
        ("slug", slug),
        ("title", "Afternoon session"),
        ("programme", "Port community systems"),
        ("reporting_currency", currency),
    ]
}

async fn a_facilitator_creates_a_workshop_once(backend: Backend) {
    let Some(app) = TestApp::start(backend).await else {
        return;
    };
    let cookie = facilitator_session(&app, "ana@example.org").await;
    let id = uuid::Uuid::new_v4().to_string();
    let path = app::api::CreateWorkshop::PATH;
    let created = call(&app, path, &form(&id, "ports", "eur"), Some(&cookie)).await;
    assert!(
        created.status().is_success() || created.status().is_redirection(),
        "{}",
        created.status()
    );
    // A retried submit of the same form is the same workshop, not an error.
    let retried = call_status(&app, path, &form(&id, "ports", "eur"), Some(&cookie)).await;
    assert!(retried.is_success() || retried.is_redirection());
    let state = app.engine.workshop("ports").await.unwrap();
    assert_eq!(state.version, 2, "created, and its creator made facilitator");
    assert_eq!(state.reporting_currency().unwrap().code(), "EUR");
    assert_eq!(state.facilitators.len(), 1);
    // Another form with the same short name is told so, next to the field.
    let other = uuid::Uuid::new_v4().to_string();
    let taken = call(&app, path, &form(&other, "ports", "EUR"), Some(&cookie)).await;
    assert_eq!(taken.status(), 422);
    assert!(taken.text().await.unwrap().contains("taken"));
}
on_both_backends!(create, a_facilitator_creates_a_workshop_once);

#[tokio::test]
async fn bad_input_names_each_field_and_stores_nothing() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    let cookie = facilitator_session(&app, "ana@example.org").await;
    let id = uuid::Uuid::new_v4().to_string();
    let path = app::api::CreateWorkshop::PATH;
    let bad_slug = call(&app, path, &form(&id, "Not a slug!", "USD"), Some(&cookie)).await;
    assert_eq!(bad_slug.status(), 422);
    assert!(bad_slug.text().await.unwrap().contains("slug_format"));
    let bad_currency = call(&app, path, &form(&id, "fine", "XXQ"), Some(&cookie)).await;
    assert_eq!(bad_currency.status(), 422);
    assert!(bad_currency.text().await.unwrap().contains("unknown_currency"));
    assert!(app.engine.workshops().await.unwrap().is_empty());
}

#[tokio::test]
async fn nobody_creates_a_workshop_without_signing_in() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    let id = uuid::Uuid::new_v4().to_string();
    let response = call_status(
        &app,
        app::api::CreateWorkshop::PATH,
        &form(&id, "sneaky", "USD"),
        None,
    )
    .await;
    assert_eq!(response, 401);
    assert!(app.engine.workshops().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_demo_facilitator_administers_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/d.sqlite3", dir.path().display());
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .env("DATABASE_URL", &url)
        .arg("demo")
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let config = server::config::Config::new(Some(&url), "127.0.0.1:0", None).unwrap();
    let engine = server::cli::open(&config).await.unwrap();
    let account = engine
        .store()
        .account_by_email("facilitator@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(engine
        .workshop("demo")
        .await
        .unwrap()
        .facilitators
        .contains(&account.id));
}
