//! The `roundtable` binary as a user runs it.

use std::process::Command;

fn roundtable(database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roundtable"));
    command.env("DATABASE_URL", database_url).env("RUST_LOG", "off");
    command
}

/// `roundtable facilitator ACTION --email ana@example.org [--name Ana]`
/// with `password` in the environment, as a user runs it.
fn facilitator(url: &str, action: &str, password: &str) -> std::process::Output {
    let mut args = vec!["facilitator", action, "--email", "ana@example.org"];
    if action == "create" {
        args.extend(["--name", "Ana"]);
    }
    roundtable(url)
        .args(args)
        .env("ROUNDTABLE_PASSWORD", password)
        .output()
        .unwrap()
}

#[test]
fn a_bad_database_url_is_one_clear_line_and_exit_code_2() {
    for url in [
        "mysql://root:hunter2@localhost/db",
        "sqlite::memory:",
        "postgres://postgres@127.0.0.1:1/nothing",
    ] {
        let output = roundtable(url).arg("migrate").output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{url}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("roundtable: error:"), "{stderr}");
        assert!(!stderr.contains("hunter2"), "the password is never printed");
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn a_bad_address_is_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = roundtable(&format!("sqlite://{}/x.sqlite3", dir.path().display()))
        .args(["--addr", "not-an-address", "serve"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("ROUNDTABLE_ADDR"));
}

#[test]
fn demo_twice_verify_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/cli.sqlite3", dir.path().display());
    let first = roundtable(&url).arg("demo").output().unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stdout = String::from_utf8(first.stdout).unwrap();
    assert!(stdout.contains("Loaded the demo workshop"), "{stdout}");
    assert!(stdout.contains("facilitator@example.org"), "says how to sign in");
    let second = roundtable(&url).arg("demo").output().unwrap();
    assert!(String::from_utf8(second.stdout)
        .unwrap()
        .contains("nothing changed"));

    let verify = roundtable(&url).arg("verify").output().unwrap();
    assert!(verify.status.success());
    assert!(String::from_utf8(verify.stdout).unwrap().contains("0 faults"));

    let json_path = dir.path().join("demo.json");
    let jsonl_path = dir.path().join("demo.jsonl");
    for (format, path) in [("json", &json_path), ("jsonl", &jsonl_path)] {
        let status = roundtable(&url)
            .args(["export", "--workshop", "demo", "--format", format, "--out"])
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(state["schema"], "roundtable.workshop-state/3");
    assert_eq!(state["workshop"]["setup"]["slug"], "demo");
    // The seed's room: twelve cities, seven partners, six organisations the seed names.
    assert_eq!(state["workshop"]["organisations"].as_object().unwrap().len(), 26);
    assert_eq!(state["workshop"]["cities"].as_object().unwrap().len(), 12);
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl_path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, state["version"].as_u64().unwrap());
    assert_eq!(lines[0]["event"]["type"], "workshop_created");
    // Amounts are exact decimal strings, never floats.
    assert!(lines
        .iter()
        .any(|l| l["event"]["commitment"]["money"]["amount"] == "1500000000"));

    let missing = roundtable(&url)
        .args(["export", "--workshop", "nope", "--format", "json", "--out"])
        .arg(dir.path().join("x"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn verify_reports_a_payload_that_no_longer_parses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.sqlite3");
    let url = format!("sqlite://{}", path.display());
    assert!(roundtable(&url).arg("demo").status().unwrap().success());
    // Simulate a log written by a future or broken version: the triggers
    // forbid UPDATE, so drop them on this throwaway copy first.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        sqlx::query("DROP TRIGGER events_refuse_update")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("UPDATE events SET payload = '{\"type\":\"no_such_event\"}' WHERE seq = 5")
            .execute(&mut conn)
            .await
            .unwrap();
    });
    let output = roundtable(&url).arg("verify").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("FAULT demo: event 5"), "{stdout}");
}

#[test]
fn creates_a_facilitator_from_the_environment_password() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/f.sqlite3", dir.path().display());
    let create = |password: &str| facilitator(&url, "create", password);
    let short = create("short");
    assert_eq!(short.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&short.stderr).contains("password"));
    assert!(create("a long enough passphrase").status.success());
    let again = create("a long enough passphrase");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn a_facilitators_password_is_set_from_the_command_line_and_verify_shows_the_head() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/password.sqlite3", dir.path().display());
    let created = facilitator(&url, "create", "the first passphrase");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let short = facilitator(&url, "password", "short");
    assert_eq!(short.status.code(), Some(1), "a short password is refused");
    let set = facilitator(&url, "password", "a second passphrase");
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    assert!(String::from_utf8_lossy(&set.stdout).contains("sessions have ended"));
    let unknown = roundtable(&url)
        .args(["facilitator", "password", "--email", "nobody@example.org"])
        .env("ROUNDTABLE_PASSWORD", "a second passphrase")
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(1));

    // The new password is the one that works.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let config = server::config::Config::new(Some(&url), "127.0.0.1:0", None).unwrap();
        let engine = server::cli::open(&config).await.unwrap();
        let accounts = server::services::accounts::AccountService::new(engine.clone());
        let now = chrono::Utc::now();
        let old = accounts
            .sign_in_at("ana@example.org", "the first passphrase", now)
            .await;
        assert!(old.is_err());
        let new = accounts
            .sign_in_at("ana@example.org", "a second passphrase", now)
            .await;
        assert!(new.is_ok());
    });

    roundtable(&url).arg("demo").output().unwrap();
    let verify = roundtable(&url).arg("verify").output().unwrap();
    let stdout = String::from_utf8(verify.stdout).unwrap();
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("HEAD demo event ") && l.len() > 64),
        "{stdout}"
    );
}
