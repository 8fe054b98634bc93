//! A colleague's own password through a one-time link, and changing it
//! (SECURITY.md 6c).

use super::*;

async fn a_colleague_sets_their_own_password_once(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let add = [("slug", "demo"), ("email", "ben@example.org"), ("name", "Ben")];
    let link: Option<String> = call(&app, app::api::AddFacilitator::PATH, &add, Some(&facilitator))
        .await
        .json()
        .await
        .unwrap();
    let link = link.expect("a new account gets a one-time link");
    let token = link.rsplit('/').next().unwrap().to_string();
    let email: String = call(&app, app::api::LoadPasswordLink::PATH, &[("token", &token)], None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(email, "ben@example.org");
    let short = [("token", token.as_str()), ("password", "short")];
    let refused = call_status(&app, app::api::SetPasswordByLink::PATH, &short, None).await;
    assert_eq!(refused, 422);
    let set = [("token", token.as_str()), ("password", "ben's own passphrase")];
    let done = call_status(&app, app::api::SetPasswordByLink::PATH, &set, None).await;
    assert!(done.is_success() || done.is_redirection(), "{}", done);
    let twice = call_status(&app, app::api::SetPasswordByLink::PATH, &set, None).await;
    assert_eq!(twice, 404, "the link dies with its use");
    let signed = sign_in(&app, "ben@example.org", "ben's own passphrase").await;
    let ben = crate::support::session_cookie(&signed).expect("Ben signs in with his own password");
    let ben = ben.split(';').next().unwrap().to_string();

    // Ben changes it; a wrong current password changes nothing.
    let wrong = [("current", "not it at all"), ("password", "a newer passphrase")];
    let refused = call_status(&app, app::api::ChangePassword::PATH, &wrong, Some(&ben)).await;
    assert_eq!(refused, 422);
    let right = [
        ("current", "ben's own passphrase"),
        ("password", "a newer passphrase"),
    ];
    let changed = call_status(&app, app::api::ChangePassword::PATH, &right, Some(&ben)).await;
    assert_eq!(changed, 200);
    let old = sign_in(&app, "ben@example.org", "ben's own passphrase")
        .await
        .status();
    assert_eq!(old, 422);
}
on_both_backends!(passwords, a_colleague_sets_their_own_password_once);
