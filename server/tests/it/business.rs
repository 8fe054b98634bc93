//! Stage 3 through the real server, on both backends: votes and their
//! settling, refused input, and the model in the state export.

use crate::support::{demo_delegate, demo_with_facilitator, Backend, TestApp};
use app::api::service::Workshops;
use app::domain::business::{Allocation, AllocationVote, RiskAllocation};
use app::domain::design::{DesignItem, ItemKey};
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

async fn save(app: &TestApp, cookie: &str, item: &DesignItem, based_on: u64) -> reqwest::Response {
    app.client
        .post(app.url(app::api::SaveItem::PATH))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .json(&json!({ "slug": "demo", "item": item, "based_on": based_on }))
        .send()
        .await
        .unwrap()
}

async fn delegates_vote_and_a_facilitator_settles(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let risk = state.design.risks[3].id;
    let mut organisations = state.organisations.keys().copied();
    let (own, other) = (organisations.next().unwrap(), organisations.next().unwrap());
    let delegate = demo_delegate(&app, &facilitator, &own.to_string()).await;
    let vote = |organisation| {
        DesignItem::Vote(AllocationVote {
            risk,
            organisation,
            allocation: Allocation::Private,
        })
    };
    assert_eq!(save(&app, &delegate, &vote(own), 0).await.status(), 200);
    assert_eq!(save(&app, &delegate, &vote(other), 0).await.status(), 403);
    let settle = DesignItem::Allocation(RiskAllocation {
        risk,
        allocation: Allocation::Shared,
    });
    assert_eq!(save(&app, &delegate, &settle, 0).await.status(), 403);
    let after_votes = app.engine.workshop("demo").await.unwrap();
    assert_eq!(
        after_votes
            .business
            .votes
            .iter()
            .filter(|v| v.risk == risk)
            .count(),
        1
    );
    assert_eq!(after_votes.business.allocation_of(risk), None);
    assert_eq!(save(&app, &facilitator, &settle, 0).await.status(), 200);
    let settled = app.engine.workshop("demo").await.unwrap();
    assert_eq!(settled.business.allocation_of(risk), Some(Allocation::Shared));
}
on_both_backends!(votes, delegates_vote_and_a_facilitator_settles);

async fn a_year_beyond_the_term_is_refused_and_stores_nothing(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let mut revenue = state.business.revenues[0].clone();
    revenue.first_year = 15;
    revenue.price_growth_percent = rust_decimal::Decimal::new(500, 0);
    let key = ItemKey::Revenue { id: revenue.id };
    let refused = save(
        &app,
        &facilitator,
        &DesignItem::Revenue(revenue),
        state.item_version(&key),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let problem: Value = refused.json().await.unwrap();
    assert_eq!(
        problem["Invalid"]["price_growth_percent"], "rate_out_of_range",
        "{problem}"
    );
    assert_eq!(app.engine.workshop("demo").await.unwrap().version, state.version);
}
on_both_backends!(beyond_term, a_year_beyond_the_term_is_refused_and_stores_nothing);

async fn the_state_export_carries_the_model_and_its_figures(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let export: Value = app
        .client
        .get(app.url("/w/demo/export/state.json"))
        .header("cookie", facilitator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let business = &export["workshop"]["business"];
    assert_eq!(business["structure"]["term_years"], 15, "{business}");
    assert_eq!(business["revenues"].as_array().map(Vec::len), Some(3));
    let figures = &export["business_model_figures"];
    assert_eq!(figures["state"], "computed", "{figures}");
    assert_eq!(figures["projection"]["rows"].as_array().map(Vec::len), Some(15));
    assert!(figures["projection"]["npv"].is_string(), "{figures}");
    assert_eq!(figures["sensitivity"].as_array().map(Vec::len), Some(11));
}
on_both_backends!(export, the_state_export_carries_the_model_and_its_figures);
