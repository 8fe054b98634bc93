//! Participating cities through the real server: a facilitator lists one,
//! a delegate may not; a commitment earmarked to it, and a component
//! attributed to it, give it a required amount in the gap by city.

use crate::support::{call, demo_delegate, demo_with_facilitator, new_id, Backend};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

fn city_form<'a>(id: &'a str, name: &'a str, locode: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("slug", "demo"),
        ("id", id),
        ("name", name),
        ("name_zh", "岘港"),
        ("country", "vn"),
        ("locode", locode),
        ("organisation", ""),
    ]
}

async fn a_listed_city_takes_earmarks_and_has_a_required_amount(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;
    let cities_before = state.cities.len();

    // A delegate may not list a city; a malformed UN/LOCODE is named.
    let id = new_id();
    let save = app::api::SaveCity::PATH;
    let refused = call(&app, save, &city_form(&id, "Da Nang", "VN DAD"), Some(&delegate)).await;
    assert_eq!(refused.status(), 403);
    let refused = call(
        &app,
        save,
        &city_form(&id, "Da Nang", "VN-DAD"),
        Some(&facilitator),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["Invalid"]["locode"], "locode_format", "{problem}");
    assert_eq!(
        app.engine.workshop("demo").await.unwrap().cities.len(),
        cities_before
    );

    // Listed twice (a retried submit): one city, its codes in capitals.
    for _ in 0..2 {
        let saved = call(
            &app,
            save,
            &city_form(&id, "Da Nang", "vn dad"),
            Some(&facilitator),
        )
        .await;
        assert_eq!(saved.status(), 200);
    }
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(state.cities.len(), cities_before + 1);
    let city = &state.cities[&id.parse().unwrap()];
    assert_eq!(
        (city.country.as_str(), city.locode.as_deref()),
        ("VN", Some("VNDAD"))
    );

    // The setup page lists it, for facilitators only.
    let listed = call(
        &app,
        app::api::LoadCities::PATH,
        &[("slug", "demo")],
        Some(&facilitator),
    )
    .await;
    let listed: serde_json::Value = listed.json().await.unwrap();
    assert!(listed["cities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["city"]["name"] == "Da Nang"));
    let hidden = call(
        &app,
        app::api::LoadCities::PATH,
        &[("slug", "demo")],
        Some(&delegate),
    )
    .await;
    assert_eq!(hidden.status(), 403);

    // A delegate's commitment picks it from the list; a city by its text
    // is refused.
    let earmark = format!("city:{id}");
    let commitment = new_id();
    let form = |earmark: &str| {
        vec![
            ("slug", "demo".to_string()),
            ("id", commitment.clone()),
            ("organisation", organisation.clone()),
            ("amount", "250,000".into()),
            ("currency", "USD".into()),
            ("instrument", "grant".into()),
            ("status", "firm_commitment".into()),
            ("earmark", earmark.to_string()),
            ("years", "2027".into()),
            ("conditions", String::new()),
            ("note", String::new()),
        ]
    };
    let post = |form: Vec<(&'static str, String)>| {
        let app = &app;
        let delegate = delegate.clone();
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(app, app::api::SaveCommitment::PATH, &pairs, Some(&delegate)).await
        }
    };
    let refused = post(form("city-named:Da Nang")).await;
    assert_eq!(refused.status(), 422);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["Invalid"]["earmark"], "city_records_only", "{problem}");
    assert_eq!(post(form(&earmark)).await.status(), 200);

    // A component attributed to it gives it a required amount: the gap by
    // city on the commitments page.
    let state = app.engine.workshop("demo").await.unwrap();
    let mut component = state.design.components[0].clone();
    component.cities.push(id.parse().unwrap());
    let shares = component.cities.len();
    let cost: rust_decimal::Decimal = component.yearly_cost.iter().map(|l| l.amount.amount).sum();
    app.engine
        .execute(
            "demo",
            app::domain::event::Actor::System,
            &app::domain::idempotency::IdempotencyKey::edit(),
            app::domain::command::Command::SaveItem {
                item: app::domain::design::DesignItem::Component(component),
                based_on: None,
            },
        )
        .await
        .unwrap();
    let view = call(
        &app,
        app::api::LoadCommitments::PATH,
        &[("slug", "demo")],
        Some(&facilitator),
    )
    .await;
    let view: serde_json::Value = view.json().await.unwrap();
    let bar = view["dashboard"]["by_city"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == "Da Nang")
        .cloned()
        .expect("Da Nang is in the gap by city");
    let share =
        app::domain::cities::split_evenly(cost, shares, app::domain::money::Currency::parse("USD").unwrap());
    let amount =
        |value: &serde_json::Value| -> rust_decimal::Decimal { value.as_str().unwrap().parse().unwrap() };
    assert_eq!(amount(&bar["required"]), *share.last().unwrap(), "{bar}");
    assert_eq!(
        amount(&bar["tiers"]["secured"]),
        rust_decimal::Decimal::from(250_000),
        "{bar}"
    );
}

on_both_backends!(
    listed_city,
    a_listed_city_takes_earmarks_and_has_a_required_amount
);
