//! Redirects only to this site; cookies bound to the host and HSTS over
//! HTTPS (SECURITY.md 7, 7b).

use super::*;

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
    create_account(&app, "ana@example.org", "Ana").await;
    let response = app
        .client
        .post(app.url(app::api::SignIn::PATH))
        .header("accept", "application/json")
        .header("x-forwarded-proto", "https")
        .form(&[("email", "ana@example.org"), ("password", PASSWORD)])
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
