//! Issue 11's money items through the real server: a loan's terms, from
//! the form to the register's files and the state export.

use crate::support::{call, demo_delegate, demo_with_facilitator, new_id, Backend, TestApp};
use app::api::service::Workshops;
use leptos::server_fn::ServerFn;

/// A commitment's form as the page posts it, with `extra` fields added or
/// replacing the defaults (a firm USD loan to the programme).
fn commitment_form<'a>(
    id: &'a str,
    organisation: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("slug", "demo"),
        ("id", id),
        ("organisation", organisation),
        ("amount", "12,000,000"),
        ("currency", "USD"),
        ("instrument", "loan"),
        ("status", "firm_commitment"),
        ("earmark", "programme"),
        ("years", "2027, 2028"),
        ("conditions", ""),
        ("note", ""),
    ];
    for (name, value) in extra {
        form.retain(|(n, _)| n != name);
        form.push((name, value));
    }
    form
}

/// The commitments page's data as `cookie` sees it.
async fn commitments_view(app: &TestApp, cookie: &str) -> serde_json::Value {
    call(
        app,
        app::api::LoadCommitments::PATH,
        &[("slug", "demo")],
        Some(cookie),
    )
    .await
    .json()
    .await
    .unwrap()
}

async fn save(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
    call(app, app::api::SaveCommitment::PATH, form, Some(cookie)).await
}

async fn get_text(app: &TestApp, path: &str, cookie: &str) -> String {
    let response = app
        .client
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

async fn a_loan_keeps_its_terms_and_the_exports_carry_them(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;
    let before = state.commitments.len();

    // Terms on a grant, or a grace as long as the tenor: each named, nothing stored.
    let id = new_id();
    let terms = [
        ("interest_rate_percent", "2.5"),
        ("tenor_years", "20"),
        ("grace_years", "20"),
        ("instrument", "grant"),
    ];
    let refused = save(&app, &delegate, &commitment_form(&id, &organisation, &terms)).await;
    assert_eq!(refused.status(), 422);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["Invalid"]["instrument"], "not_a_loan", "{problem}");
    assert_eq!(problem["Invalid"]["grace_years"], "grace_range", "{problem}");
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(state.commitments.len(), before);

    // A loan on ADB-like terms, sent twice: one commitment, with its terms.
    let terms = [
        ("interest_rate_percent", "2.5 %"),
        ("tenor_years", "20"),
        ("grace_years", "5"),
    ];
    for _ in 0..2 {
        let saved = save(&app, &delegate, &commitment_form(&id, &organisation, &terms)).await;
        assert_eq!(saved.status(), 200);
    }
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(state.commitments.len(), before + 1);
    let loan = &state.commitments[&id.parse().unwrap()];
    let stored = loan.loan_terms.expect("the terms are kept");
    assert_eq!(stored.interest_rate_percent.to_string(), "2.5");
    assert_eq!((stored.tenor_years, stored.grace_years), (20, 5));

    let csv = get_text(&app, "/w/demo/export/commitments.csv", &facilitator).await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r[column("commitment_id")] == id)
        .expect("the loan is in the register");
    assert_eq!(&row[column("interest_rate_percent")], "2.5");
    assert_eq!(&row[column("tenor_years")], "20");
    assert_eq!(&row[column("grace_years")], "5");

    let json: serde_json::Value =
        serde_json::from_str(&get_text(&app, "/w/demo/export/state.json", &facilitator).await).unwrap();
    let exported = &json["workshop"]["commitments"][&id]["loan_terms"];
    assert_eq!(exported["interest_rate_percent"], "2.5", "{exported}");
    assert_eq!(exported["tenor_years"], 20);

    // Amended into a grant, the terms must go: refused while they are sent.
    let revision = new_id();
    let grant = [
        ("revision", revision.as_str()),
        ("instrument", "grant"),
        ("interest_rate_percent", "2.5"),
        ("tenor_years", "20"),
        ("grace_years", "5"),
    ];
    let refused = save(&app, &delegate, &commitment_form(&id, &organisation, &grant)).await;
    assert_eq!(refused.status(), 422);
    let grant = [("revision", revision.as_str()), ("instrument", "grant")];
    assert_eq!(
        save(&app, &delegate, &commitment_form(&id, &organisation, &grant))
            .await
            .status(),
        200
    );
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(state.commitments[&id.parse().unwrap()].loan_terms, None);
}
on_both_backends!(loan_terms, a_loan_keeps_its_terms_and_the_exports_carry_them);

/// The demo's partly paid grant: its id and its organisation's.
async fn partly_paid(app: &TestApp) -> (String, String) {
    let state = app.engine.workshop("demo").await.unwrap();
    let id = *state
        .disbursements
        .keys()
        .next()
        .expect("the demo pays part of one");
    (id.to_string(), state.commitments[&id].organisation.to_string())
}

async fn disburse(
    app: &TestApp,
    cookie: &str,
    id: &str,
    commitment: &str,
    amount: &str,
) -> reqwest::Response {
    let form = [
        ("slug", "demo"),
        ("id", id),
        ("commitment", commitment),
        ("date", "2026-11-20"),
        ("amount", amount),
    ];
    call(app, app::api::RecordDisbursement::PATH, &form, Some(cookie)).await
}

async fn paid_so_far(app: &TestApp, commitment: &str) -> (usize, rust_decimal::Decimal) {
    let state = app.engine.workshop("demo").await.unwrap();
    let commitment = &state.commitments[&commitment.parse().unwrap()];
    let records = state.disbursements[&commitment.id].len();
    (
        records,
        app::domain::disbursements::paid(&state, commitment).disbursed,
    )
}

async fn disbursements_are_recorded_once_within_the_commitment(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let (grant, organisation) = partly_paid(&app).await;
    let own = demo_delegate(&app, &facilitator, &organisation).await;
    let state = app.engine.workshop("demo").await.unwrap();
    let other = state
        .organisations
        .keys()
        .map(|o| o.to_string())
        .find(|o| *o != organisation)
        .unwrap();
    let stranger = demo_delegate(&app, &facilitator, &other).await;
    let before = paid_so_far(&app, &grant).await;
    assert_eq!(before.1.to_string(), "800000");

    // Another organisation's delegate may not; too much is named under the amount.
    assert_eq!(
        disburse(&app, &stranger, &new_id(), &grant, "1").await.status(),
        403
    );
    let too_much = disburse(&app, &own, &new_id(), &grant, "1,700,000.01").await;
    assert_eq!(too_much.status(), 422);
    let problem: serde_json::Value = too_much.json().await.unwrap();
    assert_eq!(problem["Invalid"]["amount"], "beyond_committed", "{problem}");
    assert_eq!(paid_so_far(&app, &grant).await, before);

    // A retried submit is one disbursement.
    let id = new_id();
    for _ in 0..3 {
        assert_eq!(disburse(&app, &own, &id, &grant, "200,000").await.status(), 200);
    }
    let after = paid_so_far(&app, &grant).await;
    assert_eq!(
        (after.0, after.1.to_string()),
        (before.0 + 1, "1000000".to_string())
    );

    // The page and the files show committed, disbursed and undisbursed apart.
    let view = commitments_view(&app, &own).await;
    let line = view["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["commitment"]["id"] == grant.as_str())
        .expect("the grant is on the delegate's page");
    assert_eq!(line["paid"]["undisbursed"], "1500000", "{line}");
    assert_eq!(line["may_disburse"], true);
    let csv = get_text(&app, "/w/demo/export/commitments.csv", &facilitator).await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r[column("commitment_id")] == grant)
        .unwrap();
    assert_eq!(&row[column("disbursed_amount")], "1000000");
    assert_eq!(&row[column("undisbursed_amount")], "1500000");
    let state = app.engine.workshop("demo").await.unwrap();
    let dashboard = app::domain::dashboard::Dashboard::of(&state).unwrap();
    assert_eq!(
        dashboard.disbursed + dashboard.undisbursed,
        dashboard.cash.secured
    );
}
on_both_backends!(
    disbursements,
    disbursements_are_recorded_once_within_the_commitment
);

async fn a_commitment_laid_out_by_year_shows_in_the_plan_by_year(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let before = state.commitments.len();
    let id = new_id();
    let wrong = [
        ("amount", "1,000,000"),
        ("schedule", "2030: 600,000\n2031: 300,000"),
    ];
    let refused = save(&app, &facilitator, &commitment_form(&id, &organisation, &wrong)).await;
    assert_eq!(refused.status(), 422);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["Invalid"]["schedule"], "schedule_sum", "{problem}");
    assert_eq!(
        app.engine.workshop("demo").await.unwrap().commitments.len(),
        before
    );

    let right = [
        ("amount", "1,000,000"),
        ("schedule", "2030: 600,000\n2031: 400,000"),
    ];
    let saved = save(&app, &facilitator, &commitment_form(&id, &organisation, &right)).await;
    assert_eq!(saved.status(), 200);
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(state.commitments[&id.parse().unwrap()].years, vec![2030, 2031]);

    let view = commitments_view(&app, &facilitator).await;
    let year = |y: u64| {
        view["by_year"]["years"]
            .as_array()
            .unwrap()
            .iter()
            .find(|line| line["year"] == y)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(year(2030)["secured"], "600000", "{}", view["by_year"]);
    assert_eq!(year(2031)["secured"], "400000");
    let csv = get_text(&app, "/w/demo/export/commitments.csv", &facilitator).await;
    assert!(
        csv.contains("2030:600000 2031:400000"),
        "the register carries the schedule"
    );
}
on_both_backends!(schedules, a_commitment_laid_out_by_year_shows_in_the_plan_by_year);

async fn a_rate_set_later_converts_only_through_the_logged_re_rating(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;
    let id = new_id();
    let kes = [
        ("currency", "KES"),
        ("amount", "1,000,000"),
        ("instrument", "grant"),
    ];
    assert_eq!(
        save(&app, &facilitator, &commitment_form(&id, &organisation, &kes))
            .await
            .status(),
        200
    );
    let today = chrono::Utc::now().date_naive().to_string();
    let rate = [
        ("slug", "demo"),
        ("currency", "KES"),
        ("per_unit", "0.0077"),
        ("as_of", today.as_str()),
        ("source", "central bank"),
    ];
    let set = call(&app, app::api::SetExchangeRate::PATH, &rate, Some(&facilitator)).await;
    assert_eq!(set.status(), 200);
    let converted =
        |state: &app::domain::state::WorkshopState| state.converted(&state.commitments[&id.parse().unwrap()]);
    assert_eq!(converted(&app.engine.workshop("demo").await.unwrap()), None);

    let re_rate = [
        ("slug", "demo"),
        ("currency", "KES"),
        ("rate_as_of", today.as_str()),
        ("since", ""),
    ];
    let by_delegate = call(&app, app::api::ReRate::PATH, &re_rate, Some(&delegate)).await;
    assert_eq!(by_delegate.status(), 403);
    let by_facilitator = call(&app, app::api::ReRate::PATH, &re_rate, Some(&facilitator)).await;
    assert_eq!(by_facilitator.status(), 200);
    let state = app.engine.workshop("demo").await.unwrap();
    assert_eq!(converted(&state).map(|v| v.to_string()), Some("7700.00".into()));
    let history = &state.commitment_history[&id.parse().unwrap()];
    assert_eq!(history.len(), 2, "the re-rating is in the commitment's history");
    let log = get_text(&app, "/w/demo/export/events.jsonl", &facilitator).await;
    assert!(log.contains("commitments_re_rated"), "the re-rating is logged");
}
on_both_backends!(
    re_rating,
    a_rate_set_later_converts_only_through_the_logged_re_rating
);
