//! Facilitator sign-in through the real server functions.

use crate::support::{call, create_account, session_cookie, sign_in, Backend, TestApp, PASSWORD};
use leptos::server_fn::ServerFn;

const EMAIL: &str = "ana@example.org";

async fn app_with_account(backend: Backend) -> Option<TestApp> {
    let app = TestApp::start(backend).await?;
    create_account(&app, EMAIL, "Ana").await;
    Some(app)
}

async fn who(app: &TestApp, cookie: &str) -> serde_json::Value {
    call(app, app::api::WhoAmI::PATH, &[], Some(cookie))
        .await
        .json()
        .await
        .unwrap()
}

async fn sign_in_out_and_cycle(backend: Backend) {
    let Some(app) = app_with_account(backend).await else {
        return;
    };
    let wrong = sign_in(&app, EMAIL, "nope").await;
    assert_eq!(wrong.status(), 422);
    assert!(session_cookie(&wrong).is_none());

    let right = sign_in(&app, "ANA@example.org ", PASSWORD).await;
    let cookie = session_cookie(&right).expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_string();
    assert_eq!(who(&app, &pair).await["name"], "Ana");

    // Signing in again on the same device replaces the session id.
    let again = call(
        &app,
        app::api::SignIn::PATH,
        &[("email", EMAIL), ("password", PASSWORD)],
        Some(&pair),
    )
    .await;
    let new_pair = session_cookie(&again)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(pair, new_pair);
    assert!(who(&app, &pair).await.is_null(), "the old session is dead");

    let out = call(&app, app::api::SignOut::PATH, &[], Some(&new_pair)).await;
    assert!(session_cookie(&out).unwrap().contains("Max-Age=0"));
    assert!(
        who(&app, &new_pair).await.is_null(),
        "the session died at sign-out"
    );

    let trail = app.engine.store().audit_trail(10).await.unwrap();
    let kinds: Vec<&str> = trail.iter().map(|entry| entry.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["sign_out", "sign_in", "sign_out", "sign_in", "sign_in_failed"]
    );
    assert!(trail.iter().all(|entry| !entry.detail.contains(PASSWORD)));
}
on_both_backends!(sign_in, sign_in_out_and_cycle);

async fn repeated_failures_slow_down_that_account_only(backend: Backend) {
    let Some(app) = app_with_account(backend).await else {
        return;
    };
    let other = "bo@example.org";
    create_account(&app, other, "Bo").await;
    for _ in 0..5 {
        let response = sign_in(&app, EMAIL, "wrong").await.status();
        assert_eq!(response, 422);
    }
    let blocked = sign_in(&app, EMAIL, PASSWORD).await;
    assert_eq!(blocked.status(), 429, "even the right password waits");
    assert!(session_cookie(&blocked).is_none());
    let fine = sign_in(&app, other, PASSWORD).await;
    assert!(
        session_cookie(&fine).is_some(),
        "another account from the same address is not locked out"
    );
}
on_both_backends!(throttling, repeated_failures_slow_down_that_account_only);

#[tokio::test]
async fn invalid_credentials_input_names_the_field() {
    let app = app_with_account(Backend::Sqlite).await.unwrap();
    let response = sign_in(&app, "not-an-email", "x").await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("email"), "{body}");
}

#[tokio::test]
async fn the_sign_in_page_has_labelled_fields() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    let html = app.page("/signin").await;
    assert!(html.contains(r#"<label for="email">Email</label>"#), "{html}");
    assert!(html.contains(r#"<label for="password">Password</label>"#));
}

async fn sessions_end_when_idle_or_too_old(backend: Backend) {
    use chrono::{Duration, Utc};
    use server::services::accounts::IDLE_TIMEOUT;
    let Some(app) = app_with_account(backend).await else {
        return;
    };
    let accounts = &app.services.accounts;
    let start = Utc::now();
    let opened = accounts.sign_in_at(EMAIL, PASSWORD, start).await.unwrap();
    let alive = |at| accounts.session_at(&opened.token, at);
    assert!(
        alive(start + Duration::hours(3)).await.unwrap().is_some(),
        "3 h idle is fine"
    );
    // Used every 3 hours, it still ends 24 hours after sign-in.
    for hours in (6..=21).step_by(3) {
        assert!(
            alive(start + Duration::hours(hours)).await.unwrap().is_some(),
            "{hours} h"
        );
    }
    assert!(alive(start + Duration::hours(24) + Duration::minutes(1))
        .await
        .unwrap()
        .is_none());
    assert!(alive(start).await.unwrap().is_none(), "and it is gone for good");

    let idle = accounts.sign_in_at(EMAIL, PASSWORD, start).await.unwrap();
    let later = start + IDLE_TIMEOUT + Duration::minutes(1);
    assert!(
        accounts.session_at(&idle.token, later).await.unwrap().is_none(),
        "4 h idle ends it"
    );
}
on_both_backends!(timeouts, sessions_end_when_idle_or_too_old);
