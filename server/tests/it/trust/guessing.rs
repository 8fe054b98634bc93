//! Guessing passwords and room codes, in parallel and one at a time
//! (SECURITY.md 4a, 4c).

use super::*;

async fn parallel_password_guesses_stop_at_five(backend: Backend) {
    let Some(app) = TestApp::start(backend).await else {
        return;
    };
    create_account(&app, "ana@example.org", "Ana").await;
    let guesses = (0..30).map(|i| {
        let app = &app;
        async move {
            let password = format!("guess number {i}");
            sign_in(app, "ana@example.org", &password).await.status().as_u16()
        }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert!(checked <= 5, "{statuses:?}");
    assert_eq!(checked + throttled, 30, "{statuses:?}");
    assert!(audited(&app, "sign_in_failed").await <= 5);
    // Guessing on, one at a time, is checked until five have failed in all.
    for i in 0..10 {
        let password = format!("later guess {i}");
        let status = sign_in(&app, "ana@example.org", &password).await.status();
        assert!(status == 422 || status == 429, "{status}");
    }
    assert_eq!(audited(&app, "sign_in_failed").await, 5);
    // The right password waits too, until the window moves on.
    let right = sign_in(&app, "ana@example.org", PASSWORD).await.status();
    assert_eq!(right, 429);
}
on_both_backends!(password_guessing, parallel_password_guesses_stop_at_five);

async fn wrong_room_codes_are_throttled_per_client(backend: Backend) {
    let Some((app, _, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let code = room_code(&app).await;
    let guesses = (0..20).map(|_| {
        let app = &app;
        async move { join_room(app, "ZZZZZ9", &new_id(), "Eve").await.status().as_u16() }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    assert!(checked <= 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 20 - checked);
    for _ in 0..12 {
        let status = join_room(&app, "ZZZZZ9", &new_id(), "Eve").await.status();
        assert!(status == 422 || status == 429, "{status}");
    }
    assert_eq!(audited(&app, "room_code_refused").await, 10);
    let before = demo_version(&app).await;
    let right = join_room(&app, &code, &new_id(), "Eve").await;
    assert_eq!(right.status(), 429, "this client waits, whatever it types");
    assert_eq!(demo_version(&app).await, before);
}
on_both_backends!(room_code_guessing, wrong_room_codes_are_throttled_per_client);
