//! Huge numbers refused at the door, and absurd ones already stored
//! breaking no page (SECURITY.md 2, 2b, 3).

use super::*;

async fn save_commitment(
    app: &TestApp,
    facilitator: &str,
    organisation: &str,
    amount: &str,
    earmark: &str,
) -> reqwest::Response {
    let id = new_id();
    let form = [
        ("slug", "demo"),
        ("id", id.as_str()),
        ("organisation", organisation),
        ("amount", amount),
        ("currency", "USD"),
        ("instrument", "grant"),
        ("status", "firm_commitment"),
        ("earmark", earmark),
        ("years", "2027"),
        ("conditions", ""),
        ("note", ""),
        ("public", "on"),
    ];
    call(app, app::api::SaveCommitment::PATH, &form, Some(facilitator)).await
}

/// Every page and export that shows figures, as their readers fetch them.
async fn figures_render(app: &TestApp, facilitator: &str) {
    for path in ["/w/demo/screen", "/w/demo", "/w/demo/commitments", "/"] {
        let page = app
            .client
            .get(app.url(path))
            .header("cookie", facilitator)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "{path}");
    }
    for export in ["commitments.csv", "commitments.xlsx", "state.json"] {
        let file = app
            .client
            .get(app.url(&format!("/w/demo/export/{export}")))
            .header("cookie", facilitator)
            .send()
            .await
            .unwrap();
        assert_eq!(file.status(), 200, "{export}");
    }
    let dashboard = call_status(app, app::api::LoadDashboard::PATH, &[("slug", "demo")], None).await;
    assert_eq!(dashboard, 200);
}

async fn one_huge_number_is_refused_and_the_ceiling_renders(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (org, _) = organisations(&app.engine.workshop("demo").await.unwrap());
    let before = demo_version(&app).await;
    for huge in [
        "79228162514264337593543950335",
        "900000000000000000000000000",
        "1000000000000000.01",
    ] {
        let refused = save_commitment(&app, &facilitator, &org, huge, "programme").await;
        assert_eq!(refused.status(), 422, "{huge}");
        assert!(
            refused.text().await.unwrap().contains("amount_too_large"),
            "{huge}"
        );
    }
    let long_city = format!("city:{}", "x".repeat(60_000));
    let refused = save_commitment(&app, &facilitator, &org, "10", &long_city).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(demo_version(&app).await, before, "nothing written");
    // The largest accepted amounts, many times: every page still renders.
    for _ in 0..20 {
        let accepted = save_commitment(&app, &facilitator, &org, "1000000000000000", "programme").await;
        assert_eq!(accepted.status(), 200);
    }
    figures_render(&app, &facilitator).await;
}
on_both_backends!(ceilings, one_huge_number_is_refused_and_the_ceiling_renders);

async fn an_absurd_value_already_stored_breaks_no_page(backend: Backend) {
    use app::domain::event::{Actor, Event, StoredEvent};
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    // What an older version accepted: the largest Decimal, at a rate.
    let state = app.engine.workshop("demo").await.unwrap();
    let mut commitment = state.commitments.values().next().unwrap().clone();
    commitment.id = app::domain::ids::CommitmentId::random();
    commitment.money.amount = rust_decimal::Decimal::MAX;
    let workshop = state.setup.as_ref().unwrap().id;
    let event = StoredEvent {
        seq: state.version + 1,
        recorded_at: chrono::Utc::now(),
        actor: Actor::System,
        event: Event::CommitmentRecorded { commitment },
    };
    let appended = app
        .engine
        .store()
        .append(server::store::Append {
            workshop,
            register_slug: None,
            idempotency_key: "old-version",
            request_hash: "old-version",
            version_after: event.seq,
            events: &[event],
        })
        .await
        .unwrap();
    assert_eq!(appended, server::store::AppendOutcome::Appended);
    // Any write catches the engine up with the log first.
    let (org, _) = organisations(&state);
    save_commitment(&app, &facilitator, &org, "10", "programme").await;
    assert!(app.engine.workshop("demo").await.unwrap().version > state.version + 1);
    figures_render(&app, &facilitator).await;
}
on_both_backends!(stored_absurdity, an_absurd_value_already_stored_breaks_no_page);
