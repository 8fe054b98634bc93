//! Organisations, invite links and delegates, through the real server.

use crate::support::{call, call_status, facilitator_session, new_id, sign_in, Backend, TestApp, PASSWORD};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

struct Room {
    app: TestApp,
    facilitator: String,
    org_a: String,
    org_b: String,
}

async fn room(backend: Backend) -> Option<Room> {
    let app = TestApp::start(backend).await?;
    let facilitator = facilitator_session(&app, "ana@example.org").await;
    let id = new_id();
    let create = [
        ("id", id.as_str()),
        ("slug", "room"),
        ("title", "Room"),
        ("programme", "Programme"),
        ("reporting_currency", "USD"),
    ];
    call(&app, app::api::CreateWorkshop::PATH, &create, Some(&facilitator)).await;
    let (org_a, org_b) = (new_id(), new_id());
    for (id, name) in [(&org_a, "City of Testing"), (&org_b, "Testing Bank")] {
        let form = [
            ("slug", "room"),
            ("id", id.as_str()),
            ("name", name),
            ("kind", "local_government"),
            ("country", "th"),
            ("city", "Bangkok"),
        ];
        let response = call(&app, app::api::AddOrganisation::PATH, &form, Some(&facilitator)).await;
        assert!(
            response.status().is_success(),
            "{}",
            response.text().await.unwrap()
        );
    }
    Some(Room {
        app,
        facilitator,
        org_a,
        org_b,
    })
}

async fn invite(room: &Room, organisation: &str, cookie: &str) -> reqwest::Response {
    let form = [("slug", "room"), ("organisation", organisation)];
    call(&room.app, app::api::IssueInvite::PATH, &form, Some(cookie)).await
}

/// The room's workshop as the engine holds it now.
async fn room_state(room: &Room) -> std::sync::Arc<app::domain::state::WorkshopState> {
    room.app.engine.workshop("room").await.unwrap()
}

/// A new invite link for organisation A, issued by the room's facilitator.
async fn org_a_link(room: &Room) -> String {
    let invite = invite(room, &room.org_a, &room.facilitator).await;
    let (_, url): (String, String) = invite.json().await.unwrap();
    url
}

fn token_of(url: &str) -> String {
    url.rsplit('/').next().unwrap().to_string()
}

async fn join(room: &Room, token: &str, name: &str) -> reqwest::Response {
    let delegate = new_id();
    let form = [
        ("token", token),
        ("delegate", delegate.as_str()),
        ("name", name),
        ("email", ""),
    ];
    call(&room.app, app::api::JoinWorkshop::PATH, &form, None).await
}

fn delegate_cookie(response: &reqwest::Response) -> Option<String> {
    crate::support::cookie_named(response, "rt_delegate")
}

async fn a_delegate_joins_by_link_and_acts_only_for_their_organisation(backend: Backend) {
    let Some(room) = room(backend).await else { return };
    let url = org_a_link(&room).await;
    assert!(url.starts_with(&room.app.base) && url.contains("/join/"), "{url}");
    let token = token_of(&url);
    let view: serde_json::Value = call(&room.app, app::api::LoadInvite::PATH, &[("token", &token)], None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["organisation_name"], "City of Testing");

    let joined = join(&room, &token, "Somchai").await;
    let delegate = delegate_cookie(&joined).expect("a delegate cookie");
    let state = room_state(&room).await;
    assert_eq!(state.delegates.len(), 1);
    assert_eq!(
        state.delegates.values().next().unwrap().organisation.to_string(),
        room.org_a
    );

    // A delegate does not change the workshop's setup, nor hand out links.
    let form = [
        ("slug", "room"),
        ("id", &new_id()),
        ("name", "Sneaky Ltd"),
        ("kind", "private_sector"),
        ("country", "TH"),
        ("city", ""),
    ];
    let refused = call_status(&room.app, app::api::AddOrganisation::PATH, &form, Some(&delegate)).await;
    assert_eq!(refused, 403);
    assert_eq!(invite(&room, &room.org_a, &delegate).await.status(), 401);
    assert_eq!(room_state(&room).await.organisations.len(), 2);
}
on_both_backends!(
    join_by_link,
    a_delegate_joins_by_link_and_acts_only_for_their_organisation
);

#[tokio::test]
async fn reissued_and_revoked_links_stop_working_and_change_nothing() {
    let room = room(Backend::Sqlite).await.unwrap();
    let (_, first): (String, String) = invite(&room, &room.org_b, &room.facilitator)
        .await
        .json()
        .await
        .unwrap();
    let (_, second): (String, String) = invite(&room, &room.org_b, &room.facilitator)
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(first, second);
    let stale = join(&room, &token_of(&first), "Late").await;
    assert_eq!(stale.status(), 404);
    assert!(delegate_cookie(&stale).is_none());
    let form = [("slug", "room"), ("organisation", room.org_b.as_str())];
    let revoked = call_status(
        &room.app,
        app::api::RevokeInvites::PATH,
        &form,
        Some(&room.facilitator),
    )
    .await;
    assert!(revoked.is_success());
    assert_eq!(join(&room, &token_of(&second), "Later").await.status(), 404);
    assert!(room_state(&room).await.delegates.is_empty());
    let trail = room.app.engine.store().audit_trail(20).await.unwrap();
    let kinds: Vec<&str> = trail.iter().map(|entry| entry.kind.as_str()).collect();
    assert!(
        kinds.contains(&"invite_revoked") && kinds.contains(&"invite_refused"),
        "{kinds:?}"
    );
    assert!(
        trail
            .iter()
            .all(|entry| !entry.detail.contains(&token_of(&second))),
        "no token in the audit"
    );
}

#[tokio::test]
async fn only_this_workshops_facilitators_hand_out_links() {
    let room = room(Backend::Sqlite).await.unwrap();
    let stranger = facilitator_session(&room.app, "bo@example.org").await;
    assert_eq!(invite(&room, &room.org_a, &stranger).await.status(), 403);
    let anonymous = call_status(
        &room.app,
        app::api::IssueInvite::PATH,
        &[("slug", "room"), ("organisation", &room.org_a)],
        None,
    )
    .await;
    assert_eq!(anonymous, 401);
}

#[tokio::test]
async fn joining_needs_a_name_and_stores_nothing_without_one() {
    let room = room(Backend::Sqlite).await.unwrap();
    let url = org_a_link(&room).await;
    let response = join(&room, &token_of(&url), "").await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("name"));
    assert!(room_state(&room).await.delegates.is_empty());
}

#[tokio::test]
async fn the_setup_page_is_for_this_workshops_facilitators_only() {
    let room = room(Backend::Sqlite).await.unwrap();
    let page = |cookie: Option<String>| {
        let mut request = room.app.client.get(room.app.url("/w/room/setup"));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    let mine = page(Some(room.facilitator.clone())).await.unwrap();
    assert_eq!(mine.status(), 200);
    let html = mine.text().await.unwrap();
    assert!(
        html.contains("City of Testing") && html.contains("Make an invite link"),
        "{html}"
    );
    assert!(html.contains(r#"<label for="country">Country</label>"#));
    let anonymous = page(None).await.unwrap();
    assert_eq!(anonymous.status(), 401);
    assert!(!anonymous.text().await.unwrap().contains("City of Testing"));
    let stranger = facilitator_session(&room.app, "bo@example.org").await;
    assert_eq!(page(Some(stranger)).await.unwrap().status(), 403);
}

#[tokio::test]
async fn an_invite_page_names_the_organisation_or_says_the_link_is_dead() {
    let room = room(Backend::Sqlite).await.unwrap();
    let url = org_a_link(&room).await;
    let live = room
        .app
        .client
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        live.contains("City of Testing") && live.contains(r#"<label for="name">Your name</label>"#),
        "{live}"
    );
    let dead = room
        .app
        .client
        .get(room.app.url("/join/0000"))
        .send()
        .await
        .unwrap();
    assert_eq!(dead.status(), 404);
    assert!(dead.text().await.unwrap().contains("not valid any more"));
}

async fn add_facilitator(room: &Room, cookie: Option<&str>, email: &str, name: &str) -> reqwest::Response {
    let form = [("slug", "room"), ("email", email), ("name", name)];
    call(&room.app, app::api::AddFacilitator::PATH, &form, cookie).await
}

#[tokio::test]
async fn a_facilitator_brings_in_a_colleague_who_can_then_run_the_workshop() {
    let room = room(Backend::Sqlite).await.unwrap();
    let nameless = add_facilitator(&room, Some(&room.facilitator), "bo@example.org", "").await;
    assert_eq!(nameless.status(), 422);
    assert!(nameless.text().await.unwrap().contains("name"));
    assert!(room
        .app
        .engine
        .store()
        .account_by_email("bo@example.org")
        .await
        .unwrap()
        .is_none());

    let added = add_facilitator(&room, Some(&room.facilitator), "bo@example.org", "Bo").await;
    assert!(added.status().is_success(), "{}", added.status());
    // The colleague chooses their own password through the one-time link;
    // the facilitator who added them never knows it.
    let link: Option<String> = added.json().await.unwrap();
    let token = link.unwrap().rsplit('/').next().unwrap().to_string();
    let set = [("token", token.as_str()), ("password", PASSWORD)];
    call(&room.app, app::api::SetPasswordByLink::PATH, &set, None).await;
    let signed_in = sign_in(&room.app, "bo@example.org", PASSWORD).await;
    let bo = crate::support::session_cookie(&signed_in)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let setup = room
        .app
        .client
        .get(room.app.url("/w/room/setup"))
        .header("cookie", bo)
        .send()
        .await
        .unwrap();
    assert_eq!(setup.status(), 200, "the colleague administers the workshop now");
}

#[tokio::test]
async fn nobody_else_adds_facilitators_nor_creates_accounts_trying() {
    let room = room(Backend::Sqlite).await.unwrap();
    let stranger = facilitator_session(&room.app, "eve@example.org").await;
    let refused = add_facilitator(&room, Some(&stranger), "mallory@example.org", "Mallory").await;
    assert_eq!(refused.status(), 403);
    let anonymous = add_facilitator(&room, None, "mallory@example.org", "Mallory").await;
    assert_eq!(anonymous.status(), 401);
    assert!(room
        .app
        .engine
        .store()
        .account_by_email("mallory@example.org")
        .await
        .unwrap()
        .is_none());
    assert_eq!(room_state(&room).await.facilitators.len(), 1);
}

#[tokio::test]
async fn a_delegates_device_session_ends_after_three_days() {
    let room = room(Backend::Sqlite).await.unwrap();
    let url = org_a_link(&room).await;
    let joined = join(&room, &token_of(&url), "Somchai").await;
    let cookie = delegate_cookie(&joined).unwrap();
    let token = cookie.split_once('=').unwrap().1;
    let now = chrono::Utc::now();
    let session = |at| room.app.services.invites.session_at(token, at);
    assert!(session(now + chrono::Duration::days(2)).await.unwrap().is_some());
    assert!(
        session(now + chrono::Duration::days(3) + chrono::Duration::minutes(5))
            .await
            .unwrap()
            .is_none()
    );
}
