//! Stages 1 and 2 through the real server, on both backends: who may change
//! which item, bad input, two saves from the same start, and retries.

use crate::support::{demo_delegate, demo_with_facilitator, Backend, TestApp};
use app::api::service::Workshops;
use app::domain::design::{Agreement, DesignItem, ItemKey, PartneringStage};
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

/// Posts a JSON server function as the hydrated page does.
async fn post_json(app: &TestApp, path: &str, body: Value, cookie: &str) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn save(app: &TestApp, cookie: &str, item: &DesignItem, based_on: u64) -> reqwest::Response {
    let body = json!({ "slug": "demo", "item": item, "based_on": based_on });
    post_json(app, app::api::SaveItem::PATH, body, cookie).await
}

async fn delegates_change_their_own_records_and_shared_items(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let mut organisations = state.organisations.keys().copied();
    let (org_a, org_b) = (organisations.next().unwrap(), organisations.next().unwrap());
    let delegate = demo_delegate(&app, &facilitator, &org_a.to_string()).await;
    let agreement = |organisation| {
        DesignItem::Agreement(Agreement {
            organisation,
            stage: PartneringStage::Planning,
            ..Agreement::default()
        })
    };
    let version_of = |state: &app::domain::state::WorkshopState, organisation| {
        state.item_version(&ItemKey::Agreement { organisation })
    };

    let own = save(&app, &delegate, &agreement(org_a), version_of(&state, org_a)).await;
    assert_eq!(own.status(), 200);
    let after = app.engine.workshop("demo").await.unwrap();
    assert_eq!(
        after.partnership.agreements[&org_a].stage,
        PartneringStage::Planning
    );
    let version: u64 = own.json().await.unwrap();
    assert_eq!(
        version,
        after.item_version(&ItemKey::Agreement { organisation: org_a })
    );

    let other = save(&app, &delegate, &agreement(org_b), version_of(&after, org_b)).await;
    assert_eq!(other.status(), 403);
    let unchanged = app.engine.workshop("demo").await.unwrap();
    assert_eq!(unchanged.version, after.version, "a refusal stores nothing");

    // A shared item of stage 1: any delegate while the stage is open.
    let mut output = state.design.outputs[0].clone();
    output.title = "Single windows running in every pilot city".into();
    let key = ItemKey::Output { id: output.id };
    let saved = save(
        &app,
        &delegate,
        &DesignItem::Output(output.clone()),
        state.item_version(&key),
    )
    .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(
        app.engine.workshop("demo").await.unwrap().design.outputs[0].title,
        output.title
    );
}
on_both_backends!(rights, delegates_change_their_own_records_and_shared_items);

async fn bad_input_is_refused_by_field_and_stores_nothing(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let mut indicator = state.design.indicators[0].clone();
    indicator.name = String::new();
    indicator.target_year = Some(1800);
    let key = ItemKey::Indicator { id: indicator.id };
    let refused = save(
        &app,
        &facilitator,
        &DesignItem::Indicator(indicator),
        state.item_version(&key),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let problem: Value = refused.json().await.unwrap();
    assert_eq!(problem["Invalid"]["name"], "length", "{problem}");
    assert_eq!(problem["Invalid"]["target_year"], "range", "{problem}");
    assert_eq!(app.engine.workshop("demo").await.unwrap().version, state.version);
}
on_both_backends!(bad_input, bad_input_is_refused_by_field_and_stores_nothing);

async fn the_second_save_from_the_same_start_is_told_and_a_retry_adds_nothing(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let original = state.design.indicators[4].clone();
    let key = ItemKey::Indicator { id: original.id };
    let start = state.item_version(&key);
    let (mut first, mut second) = (original.clone(), original.clone());
    first.target = Some(rust_decimal::Decimal::new(12, 0));
    second.target = Some(rust_decimal::Decimal::new(20, 0));
    let first = DesignItem::Indicator(first);
    assert_eq!(save(&app, &facilitator, &first, start).await.status(), 200);
    let after_first = app.engine.workshop("demo").await.unwrap().version;

    let told = save(&app, &facilitator, &DesignItem::Indicator(second), start).await;
    assert_eq!(told.status(), 409);
    let problem: Value = told.json().await.unwrap();
    let theirs: DesignItem =
        serde_json::from_value(problem["ItemEditedMeanwhile"]["theirs"].clone()).expect("their version");
    assert_eq!(theirs, first);
    assert_eq!(app.engine.workshop("demo").await.unwrap().version, after_first);

    // The same save again (a retry after a lost answer) changes nothing.
    assert_eq!(save(&app, &facilitator, &first, start).await.status(), 200);
    assert_eq!(app.engine.workshop("demo").await.unwrap().version, after_first);
}
on_both_backends!(
    conflicts,
    the_second_save_from_the_same_start_is_told_and_a_retry_adds_nothing
);
