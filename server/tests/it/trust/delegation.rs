//! Who acts for an organisation: an approval that names what it approves,
//! and revoked links and removed people losing their sessions at once
//! (SECURITY.md 5, 6a, 6b).

use super::*;

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
    let before = demo_version(&app).await;
    let approve_x = [
        ("slug", "demo"),
        ("participant", id.as_str()),
        ("organisation", org_x.as_str()),
        ("decision", "approve"),
    ];
    let refused = call_status(
        &app,
        app::api::DecideDelegation::PATH,
        &approve_x,
        Some(&facilitator),
    )
    .await;
    assert_eq!(refused, 409);
    assert_eq!(demo_version(&app).await, before);
    let state = app.engine.workshop("demo").await.unwrap();
    let person: app::domain::ids::ParticipantId = id.parse().unwrap();
    assert_eq!(state.participants[&person].delegate_of, None);
}
on_both_backends!(named_approvals, an_approval_names_what_it_approves);

/// The status of loading the demo's `path` with `cookie`: 401 once the
/// session is gone.
async fn loads(app: &TestApp, path: &str, cookie: String) -> u16 {
    let slug = [("slug", "demo")];
    call_status(app, path, &slug, Some(&cookie)).await.as_u16()
}

async fn revoking_and_removing_end_sessions_at_once(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (org_a, _) = organisations(&app.engine.workshop("demo").await.unwrap());
    let register = |cookie: String| loads(&app, app::api::LoadCommitments::PATH, cookie);
    // Revoking the link ends the sessions it opened.
    let link = crate::support::demo_invite_token(&app, &facilitator, &org_a).await;
    let delegate = cookie_named(&join_by_link(&app, &link, &new_id()).await, "rt_delegate").unwrap();
    assert_eq!(register(delegate.clone()).await, 200);
    let revoke = [("slug", "demo"), ("organisation", org_a.as_str())];
    assert_eq!(
        call_status(&app, app::api::RevokeInvites::PATH, &revoke, Some(&facilitator)).await,
        200
    );
    assert_eq!(register(delegate).await, 401);

    // Removing a delegate ends their session; what they recorded stays.
    let link = crate::support::demo_invite_token(&app, &facilitator, &org_a).await;
    let person = new_id();
    let delegate = cookie_named(&join_by_link(&app, &link, &person).await, "rt_delegate").unwrap();
    assert_eq!(register(delegate.clone()).await, 200);
    let remove = [("slug", "demo"), ("person", person.as_str())];
    let by_delegate = call_status(&app, app::api::RemovePerson::PATH, &remove, Some(&delegate)).await;
    assert_eq!(by_delegate, 401, "only facilitators remove people");
    assert_eq!(
        call_status(&app, app::api::RemovePerson::PATH, &remove, Some(&facilitator)).await,
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
    let mine = |cookie: String| loads(&app, app::api::LoadMyRoom::PATH, cookie);
    assert_eq!(mine(participant.clone()).await, 200);
    let remove = [("slug", "demo"), ("person", id.as_str())];
    call(&app, app::api::RemovePerson::PATH, &remove, Some(&facilitator)).await;
    assert_eq!(mine(participant).await, 401);
}
on_both_backends!(revocation, revoking_and_removing_end_sessions_at_once);
