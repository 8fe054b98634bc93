//! The real app over HTTP, on both backends.

use crate::support::{Backend, TestApp};

async fn health_reports_backend_and_database(backend: Backend) {
    let Some(app) = TestApp::start(backend).await else {
        return;
    };
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    let expected = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(body["backend"], expected);
    assert_eq!(body["database"], "up");
}
on_both_backends!(health, health_reports_backend_and_database);

async fn home_lists_workshops(backend: Backend) {
    let Some(app) = TestApp::with_demo(backend).await else {
        return;
    };
    let html = app.page("/").await;
    assert!(html.contains(r#"href="/w/demo""#), "{html}");
    assert!(html.contains("Asia-Pacific cities: partnership afternoon"));
}
on_both_backends!(home, home_lists_workshops);

async fn workshop_page_shows_programme_and_stages(backend: Backend) {
    let Some(app) = TestApp::with_demo(backend).await else {
        return;
    };
    let response = app.client.get(app.url("/w/demo")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("Efficient Customs &amp; Logistic Information"));
    for stage in [
        "Project design",
        "Partnership framework",
        "Business model",
        "Financial commitments",
    ] {
        assert!(html.contains(stage), "missing stage {stage}");
    }
    assert!(html.contains("USD 65,900,000.00"), "required budget shown");
    assert!(html.contains("/pkg/roundtable.js"), "hydration script is linked");
}
on_both_backends!(workshop_page, workshop_page_shows_programme_and_stages);

#[tokio::test]
async fn an_unknown_workshop_is_a_404() {
    let app = TestApp::with_demo(Backend::Sqlite).await.unwrap();
    let response = app
        .client
        .get(app.url("/w/no-such-workshop"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Not found"));
}

#[tokio::test]
async fn the_language_follows_the_cookie_then_the_browser() {
    let app = TestApp::with_demo(Backend::Sqlite).await.unwrap();
    let page = |cookie: Option<&'static str>, accept: Option<&'static str>| {
        let mut request = app.client.get(app.url("/w/demo"));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(accept) = accept {
            request = request.header("accept-language", accept);
        }
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let chinese = page(Some("lang=zh-CN"), None).await;
    assert!(chinese.contains(r#"<html lang="zh-CN">"#));
    assert!(chinese.contains("项目设计"));
    assert!(!chinese.contains("Project design"));
    let from_browser = page(None, Some("zh-CN,zh;q=0.9")).await;
    assert!(from_browser.contains("项目设计"));
    let cookie_wins = page(Some("lang=en"), Some("zh-CN")).await;
    assert!(cookie_wins.contains("Project design"));
}

#[tokio::test]
async fn switching_language_sets_a_cookie_and_returns_only_to_this_site() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    let post =
        |form: &'static [(&'static str, &'static str)]| app.client.post(app.url("/lang")).form(form).send();
    let response = post(&[("lang", "zh-CN"), ("return_to", "/w/demo")])
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/w/demo");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("lang=zh-CN;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let elsewhere = post(&[("lang", "en"), ("return_to", "//evil.example/")])
        .await
        .unwrap();
    assert_eq!(elsewhere.headers()["location"], "/");
    let unknown = post(&[("lang", "xx"), ("return_to", "/")]).await.unwrap();
    assert_eq!(unknown.status(), 422);
    assert!(unknown.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn mutations_are_not_served_over_get() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    let response = app.client.get(app.url("/lang?lang=zh-CN")).send().await.unwrap();
    assert!(response.headers().get("set-cookie").is_none());
    assert_ne!(response.status(), 303);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_policy() {
    let app = TestApp::with_demo(Backend::Sqlite).await.unwrap();
    let response = app.client.get(app.url("/w/demo")).send().await.unwrap();
    let headers = response.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    let csp = headers["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!(r#"nonce="{nonce}""#)),
        "the inline script carries the policy's nonce"
    );
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert!(health.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'self'"));
}

#[tokio::test]
async fn a_cross_origin_post_is_refused_and_changes_nothing() {
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    let forged = app
        .client
        .post(app.url("/lang"))
        .header("origin", "http://evil.example")
        .form(&[("lang", "zh-CN"), ("return_to", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert!(forged.headers().get("set-cookie").is_none());
    let fetch_metadata = app
        .client
        .post(app.url("/api/list_workshops"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_metadata.status(), 403);
    let same = app
        .client
        .post(app.url("/lang"))
        .header("origin", format!("http://{}", app.addr))
        .form(&[("lang", "zh-CN"), ("return_to", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), 303);
}

/// Reads a server-sent-event stream until `wanted` has arrived.
async fn read_until<S, B>(body: &mut S, seen: &mut String, wanted: &str)
where
    S: futures::Stream<Item = Result<B, reqwest::Error>> + Unpin,
    B: AsRef<[u8]>,
{
    use futures::StreamExt;
    while !seen.contains(wanted) {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(10), body.next())
            .await
            .expect("the stream answers in time")
            .expect("the stream stays open")
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(chunk.as_ref()));
    }
}

#[tokio::test]
async fn the_live_stream_announces_each_new_version() {
    use app::api::service::Workshops;
    let app = TestApp::with_demo(Backend::Sqlite).await.unwrap();
    let version = app.engine.workshop("demo").await.unwrap().version;
    let response = app.client.get(app.url("/w/demo/live")).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let mut body = response.bytes_stream();
    let mut seen = String::new();
    read_until(
        &mut body,
        &mut seen,
        &format!("event: version\nid: {version}\ndata: {version}\n"),
    )
    .await;
    let command = app::domain::command::Command::SetStageStatus {
        stage: app::domain::model::Stage::BusinessModel,
        status: app::domain::model::StageStatus::Locked,
    };
    app.engine
        .execute(
            "demo",
            app::domain::event::Actor::System,
            &app::domain::idempotency::IdempotencyKey::stage(),
            command,
        )
        .await
        .unwrap();
    read_until(&mut body, &mut seen, &format!("data: {}\n", version + 1)).await;
    let missing = app.client.get(app.url("/w/nope/live")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn pages_travel_compressed_but_the_live_stream_is_sent_as_it_comes() {
    use app::api::service::Workshops;
    let app = TestApp::with_demo(Backend::Sqlite).await.unwrap();
    let plain = app.page("/w/demo").await;
    let compressed = app
        .client
        .get(app.url("/w/demo"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "br");
    let size = compressed.bytes().await.unwrap().len();
    assert!(size * 2 < plain.len(), "{size} bytes of {}", plain.len());

    let version = app.engine.workshop("demo").await.unwrap().version;
    let live = app
        .client
        .get(app.url("/w/demo/live"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert!(live.headers().get("content-encoding").is_none());
    let mut body = live.bytes_stream();
    let mut seen = String::new();
    read_until(&mut body, &mut seen, &format!("data: {version}\n")).await;
}

/// `/metrics`: the figures an operator watches move with the room, under
/// route templates only (no slug, no id, nothing a client typed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_requests_refusals_streams_and_commits() {
    use app::api::service::Workshops;
    use leptos::server_fn::ServerFn;
    let Some((app, facilitator, _)) = crate::support::demo_with_facilitator(Backend::Sqlite).await else {
        return;
    };
    let stream = app.client.get(app.url("/w/demo/live")).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    let organisation = app.engine.workshop("demo").await.unwrap();
    let organisation = organisation.organisations.keys().next().unwrap().to_string();
    let id = crate::support::new_id();
    let mut form = crate::support::process::commitment_form(&id, &organisation, "metrics");
    let saved = crate::support::call(&app, app::api::SaveCommitment::PATH, &form, Some(&facilitator)).await;
    assert_eq!(saved.status(), 200);
    form[3].1 = "not a number";
    form[1].1 = "0c7a3c4e-0000-4000-8000-000000000001";
    let refused = crate::support::call(&app, app::api::SaveCommitment::PATH, &form, Some(&facilitator)).await;
    assert_eq!(refused.status(), 422);
    let hostile = app
        .client
        .get(app.url("/no/such/page/12345"))
        .send()
        .await
        .unwrap();
    assert_eq!(hostile.status(), 404);

    let response = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    let value = |series: &str| -> f64 {
        text.lines()
            .find_map(|line| {
                line.strip_prefix(series)
                    .and_then(|rest| rest.trim().parse().ok())
            })
            .unwrap_or_else(|| panic!("{series} in\n{text}"))
    };
    assert_eq!(value("roundtable_live_streams "), 1.0, "the stream is open");
    assert!(value("roundtable_commands_committed_total ") >= 1.0);
    assert!(value("roundtable_refused_requests_total{reason=\"invalid\"} ") >= 1.0);
    assert!(text.contains("route=\"/w/{slug}/live\""), "{text}");
    assert!(text.contains("roundtable_group_commit_size_bucket"), "{text}");
    assert!(
        !text.contains("12345") && !text.contains("/w/demo"),
        "no path a client typed: {text}"
    );

    drop(stream);
}
