//! Ids and idempotency keys replayed, raced or reused to take someone's
//! session or change what a request meant (SECURITY.md 1, 1b).

use super::*;

async fn a_replayed_participant_id_opens_no_session(backend: Backend) {
    let Some((app, _, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let code = room_code(&app).await;
    let id = new_id();
    let first = join_room(&app, &code, &id, "Lan").await;
    assert!(cookie_named(&first, "rt_participant").is_some());
    let before = demo_version(&app).await;

    let replay = join_room(&app, &code, &id, "Lan").await;
    assert_eq!(replay.status(), 409);
    assert!(cookie_named(&replay, "rt_participant").is_none());
    let renamed = join_room(&app, &code, &id, "Mallory").await;
    assert_eq!(renamed.status(), 409, "the same key for another command");
    assert!(cookie_named(&renamed, "rt_participant").is_none());
    assert_eq!(demo_version(&app).await, before, "nothing written");
    assert_eq!(audited(&app, "idempotency_key_reused").await, 1);
}
on_both_backends!(participant_replay, a_replayed_participant_id_opens_no_session);

async fn two_racing_joins_with_one_id_get_one_session(backend: Backend) {
    let Some((app, _, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let code = room_code(&app).await;
    let id = new_id();
    let (a, b) = tokio::join!(
        join_room(&app, &code, &id, "Lan"),
        join_room(&app, &code, &id, "Lan")
    );
    let sessions = [&a, &b]
        .iter()
        .filter(|r| cookie_named(r, "rt_participant").is_some())
        .count();
    assert_eq!(sessions, 1, "{} and {}", a.status(), b.status());
    assert!(a.status() == 409 || b.status() == 409);
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(
        state
            .participants
            .values()
            .filter(|p| p.id.to_string() == id)
            .count(),
        1
    );
}
on_both_backends!(racing_joins, two_racing_joins_with_one_id_get_one_session);

async fn another_organisations_link_does_not_open_a_delegate(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (org_a, org_b) = organisations(&app.engine.workshop("demo").await.unwrap());
    let delegate = new_id();
    let link_a = crate::support::demo_invite_token(&app, &facilitator, &org_a).await;
    let joined = join_by_link(&app, &link_a, &delegate).await;
    assert!(cookie_named(&joined, "rt_delegate").is_some());
    let before = demo_version(&app).await;

    let link_b = crate::support::demo_invite_token(&app, &facilitator, &org_b).await;
    let hijack = join_by_link(&app, &link_b, &delegate).await;
    assert_eq!(hijack.status(), 409);
    assert!(cookie_named(&hijack, "rt_delegate").is_none());
    let again = join_by_link(&app, &link_a, &delegate).await;
    assert_eq!(again.status(), 409, "A's own link does not replay a join either");
    assert!(cookie_named(&again, "rt_delegate").is_none());
    assert_eq!(demo_version(&app).await, before);
}
on_both_backends!(
    delegate_replay,
    another_organisations_link_does_not_open_a_delegate
);

async fn a_key_is_bound_to_its_sender_and_command(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let id = new_id();
    let organisation = |name: &'static str| {
        let id = id.clone();
        move || {
            vec![
                ("slug", "demo".to_string()),
                ("id", id.clone()),
                ("name", name.to_string()),
                ("kind", "local_government".to_string()),
                ("country", "TH".to_string()),
                ("city", "Bangkok".to_string()),
            ]
        }
    };
    let send = |form: Vec<(&'static str, String)>| {
        let facilitator = facilitator.clone();
        let app = &app;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(app, app::api::AddOrganisation::PATH, &form, Some(&facilitator)).await
        }
    };
    assert_eq!(send(organisation("Port of Testing")()).await.status(), 200);
    let after_first = demo_version(&app).await;
    assert_eq!(
        send(organisation("Port of Testing")()).await.status(),
        200,
        "a retry is answered"
    );
    let other = send(organisation("Port of Elsewhere")()).await;
    assert_eq!(other.status(), 409);
    assert_eq!(demo_version(&app).await, after_first);
    let state = app.engine.workshop("demo").await.unwrap();
    assert!(state.organisations.values().any(|o| o.name == "Port of Testing"));
    assert!(!state
        .organisations
        .values()
        .any(|o| o.name == "Port of Elsewhere"));
    assert_eq!(audited(&app, "idempotency_key_reused").await, 1);
}
on_both_backends!(bound_keys, a_key_is_bound_to_its_sender_and_command);
