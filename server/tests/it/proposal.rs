//! The proposal over HTTP: issued as versions by facilitators only, exported
//! as Markdown, HTML and proposal.json to facilitators, delegates and API
//! tokens, each version pinned however the workshop moves on.

use crate::support::{call, demo_delegate, demo_with_facilitator, new_id, Backend, TestApp};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

async fn get(app: &TestApp, path: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

async fn issue(app: &TestApp, cookie: &str, id: &str, label: &str) -> reqwest::StatusCode {
    let form = [("slug", "demo"), ("id", id), ("label", label)];
    call(app, app::api::IssueProposal::PATH, &form, Some(cookie))
        .await
        .status()
}

async fn versions_are_issued_once_pinned_and_exported(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;

    // A delegate may not issue; a facilitator's double submit issues one.
    assert_eq!(issue(&app, &delegate, &new_id(), "v1").await, 403);
    let id = new_id();
    assert_eq!(issue(&app, &facilitator, &id, "v1, for the summit").await, 200);
    assert_eq!(issue(&app, &facilitator, &id, "v1, for the summit").await, 200);
    let long = "x".repeat(121);
    assert_eq!(issue(&app, &facilitator, &new_id(), &long).await, 422);
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(state.proposal_versions.len(), 1);

    let v1 = get(&app, "/w/demo/export/proposal.json?version=1", Some(&facilitator)).await;
    assert_eq!(v1.status(), 200);
    let v1: serde_json::Value = v1.json().await.unwrap();
    assert_eq!(v1["schema"], "roundtable.proposal/1");
    assert_eq!(v1["issued"]["number"], 1);

    // The workshop moves on; version 1 does not.
    let mut component = state.design.components[0].clone();
    component.title = "A renamed component".into();
    let item = app::domain::design::DesignItem::Component(component);
    app.engine
        .execute(
            "demo",
            app::domain::event::Actor::System,
            &app::domain::idempotency::IdempotencyKey::edit(),
            app::domain::command::Command::SaveItem { item, based_on: None },
        )
        .await
        .unwrap();
    let again: serde_json::Value = get(&app, "/w/demo/export/proposal.json?version=1", Some(&facilitator))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, v1, "an issued version never changes");
    let now = get(&app, "/w/demo/export/proposal.md", Some(&delegate)).await;
    assert_eq!(now.status(), 200, "delegates read the proposal");
    assert!(now.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/markdown"));
    assert!(now.text().await.unwrap().contains("A renamed component"));

    let zh = get(
        &app,
        "/w/demo/export/proposal.html?lang=zh-CN&version=1",
        Some(&facilitator),
    )
    .await;
    assert_eq!(zh.status(), 200);
    let zh = zh.text().await.unwrap();
    assert!(zh.contains("<html lang=\"zh-CN\">") && zh.contains("融资计划"));
    assert!(!zh.contains("A renamed component"));

    assert_eq!(get(&app, "/w/demo/export/proposal.md", None).await.status(), 401);
    assert_eq!(
        get(&app, "/w/demo/export/proposal.md?version=9", Some(&facilitator))
            .await
            .status(),
        404
    );
    assert_eq!(
        get(&app, "/w/demo/export/proposal.md?lang=xx", Some(&facilitator))
            .await
            .status(),
        422
    );
}
on_both_backends!(proposal_versions, versions_are_issued_once_pinned_and_exported);

/// The PDF and DOCX over HTTP, to a facilitator and a delegate (their
/// contents are read back in server/src/documents/tests.rs). A build
/// without the `documents` feature says so with 503 rather than failing.
async fn pdf_and_docx_are_served_to_the_room(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;
    let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let files = [
        (
            "pdf?lang=zh-CN",
            &facilitator,
            "application/pdf",
            "zh-CN.pdf",
            &b"%PDF-"[..],
        ),
        ("pdf", &delegate, "application/pdf", "en.pdf", &b"%PDF-"[..]),
        ("docx?lang=zh-CN", &delegate, docx, "zh-CN.docx", &b"PK"[..]),
    ];
    for (query, cookie, kind, name_ends, magic) in files {
        let path = format!("/w/demo/export/proposal.{query}");
        let path = path.as_str();
        let response = get(&app, path, Some(cookie)).await;
        if !cfg!(feature = "documents") {
            assert_eq!(response.status(), 503, "{path}");
            assert!(response.text().await.unwrap().contains("--features documents"));
            continue;
        }
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["content-type"], kind);
        let disposition = response.headers()["content-disposition"].to_str().unwrap();
        assert!(disposition.ends_with(&format!("{name_ends}\"")), "{disposition}");
        assert!(response.bytes().await.unwrap().starts_with(magic), "{path}");
    }
    assert_eq!(get(&app, "/w/demo/export/proposal.pdf", None).await.status(), 401);
    assert_eq!(
        get(&app, "/w/demo/export/proposal.pdf?version=7", Some(&facilitator))
            .await
            .status(),
        404
    );
}
on_both_backends!(proposal_files, pdf_and_docx_are_served_to_the_room);
