//! Hostile input to every server function: oversized, empty, malformed and
//! absurd values, as a signed-in facilitator (who gets furthest). No answer
//! may be a 5xx, and a refused call changes nothing in the log.

use crate::support::{call_status, demo_version, demo_with_facilitator, Backend, TestApp};
use app::api::service::Workshops;
use app::domain::design::DesignItem;
use leptos::server_fn::ServerFn;
use serde_json::Value;

/// Values each field is tried with; the long ones `long` characters.
fn hostile_values(long: usize) -> Vec<String> {
    vec![
        "ｘ".repeat(long),
        String::new(),
        "-1".into(),
        "79228162514264337593543950335".into(),
        "1e400".into(),
        "NaN".into(),
        "0".into(),
        "\u{0}\u{202e}".into(),
        "<script>alert(1)</script>".into(),
        uuid::Uuid::new_v4().to_string(),
        "../../etc/passwd".into(),
        "city:".to_string() + &"y".repeat(long),
    ]
}

/// How long the long values may be for a form of `fields` fields, so the
/// whole body stays under the server's limit (each "ｘ" is 9 bytes once
/// form-encoded) and is really read: past the limit the server answers
/// 413 before reading, and a client still sending may see the connection
/// close instead (that limit has its own test below).
fn long_enough_for(fields: usize) -> usize {
    (server::http::MAX_REQUEST_BODY * 8 / 10) / (fields + 1) / 9
}

/// Every form-encoded server function that changes something, with its
/// fields (slug is always the demo's, or nothing would be found).
fn mutations() -> Vec<(&'static str, &'static [&'static str])> {
    use app::api::*;
    vec![
        (
            SaveCommitment::PATH,
            &[
                "revision",
                "id",
                "organisation",
                "amount",
                "currency",
                "instrument",
                "status",
                "earmark",
                "years",
                "conditions",
                "note",
                "public",
            ],
        ),
        (
            SetExchangeRate::PATH,
            &["currency", "per_unit", "as_of", "source"],
        ),
        (SetFundingTarget::PATH, &["amount"]),
        (SaveDesignText::PATH, &["field", "text", "based_on"]),
        (StartDesign::PATH, &["start"]),
        (
            CreateWorkshop::PATH,
            &["id", "title", "programme", "reporting_currency"],
        ),
        (JoinRoom::PATH, &["code", "id", "name"]),
        (RequestDelegation::PATH, &["organisation"]),
        (
            DecideDelegation::PATH,
            &["participant", "organisation", "decision"],
        ),
        (RemovePerson::PATH, &["person"]),
        (OpenDiscussion::PATH, &["id", "question"]),
        (CloseDiscussion::PATH, &["item"]),
        (Contribute::PATH, &["item", "id", "text"]),
        (
            AddOrganisation::PATH,
            &["id", "name", "kind", "country", "city", "financier"],
        ),
        (StartStageTimer::PATH, &["start", "minutes"]),
        (IssueInvite::PATH, &["organisation"]),
        (RevokeInvites::PATH, &["organisation"]),
        (JoinWorkshop::PATH, &["token", "delegate", "name", "email"]),
        (AddFacilitator::PATH, &["email", "name"]),
        (RevokeApiToken::PATH, &["id"]),
        (SetStageStatus::PATH, &["stage", "status"]),
        (ChangePassword::PATH, &["current", "password"]),
        (SetPasswordByLink::PATH, &["token", "password"]),
        (SignIn::PATH, &["email", "password"]),
    ]
}

/// A form as a failure message shows it: long values by their length.
fn shown(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| match v.chars().count() {
            n if n > 40 => format!("{k}=<{n} chars>"),
            _ => format!("{k}={v:?}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Posts a form; checks the answer is no 5xx, and that a refusal wrote
/// nothing.
async fn send_form(app: &TestApp, cookie: &str, path: &str, form: &[(&str, &str)]) {
    let before = demo_version(app).await;
    let status = call_status(app, path, form, Some(cookie)).await;
    assert!(
        !status.is_server_error(),
        "{path} answered {status} to {}",
        shown(form)
    );
    if !status.is_success() && !status.is_redirection() {
        assert_eq!(
            demo_version(app).await,
            before,
            "{path} refused ({status}) yet wrote"
        );
    }
}

async fn no_form_input_breaks_a_server_function(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    for (path, fields) in mutations() {
        let values = hostile_values(long_enough_for(fields.len()));
        // Every field at once with the same hostile value…
        for value in &values {
            let mut form = vec![("slug", "demo")];
            form.extend(fields.iter().map(|f| (*f, value.as_str())));
            send_form(&app, &facilitator, path, &form).await;
        }
        // …and a deterministic mix, each field its own value.
        let mut seed = 0x9e37_79b9_u64;
        for _ in 0..8 {
            let mut form = vec![("slug", "demo")];
            for field in fields.iter() {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                form.push((*field, values[(seed >> 33) as usize % values.len()].as_str()));
            }
            send_form(&app, &facilitator, path, &form).await;
        }
    }
    // The pages still render after all of it.
    for page in [
        "/w/demo/screen",
        "/w/demo",
        "/w/demo/design",
        "/w/demo/partnership",
    ] {
        let response = app
            .client
            .get(app.url(page))
            .header("cookie", &facilitator)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{page}");
    }
}
on_both_backends!(forms, no_form_input_breaks_a_server_function);

/// One item of each kind from the demo.
fn sample_items(app_state: &app::domain::state::WorkshopState) -> Vec<DesignItem> {
    let design = &app_state.design;
    let partnership = &app_state.partnership;
    let mut items = Vec::new();
    items.extend(design.phases.first().cloned().map(DesignItem::Phase));
    items.extend(design.outputs.first().cloned().map(DesignItem::Output));
    items.extend(design.activities.first().cloned().map(DesignItem::Activity));
    items.extend(design.indicators.first().cloned().map(DesignItem::Indicator));
    items.extend(design.components.first().cloned().map(DesignItem::Component));
    items.extend(design.risks.first().cloned().map(DesignItem::Risk));
    items.extend(partnership.roles.values().next().cloned().map(DesignItem::Roles));
    items.extend(
        partnership
            .responsibilities
            .first()
            .cloned()
            .map(DesignItem::Responsibility),
    );
    items.extend(partnership.bodies.first().cloned().map(DesignItem::Body));
    items.extend(
        partnership
            .agreements
            .values()
            .next()
            .cloned()
            .map(DesignItem::Agreement),
    );
    items
}

/// Copies of `value` with one leaf made hostile at a time: a huge string,
/// a huge number, a negative one, and a list grown to thousands.
fn mutants(value: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    match value {
        Value::String(_) => {
            out.push(Value::String("ｘ".repeat(25_000)));
            out.push(Value::String("79228162514264337593543950335".into()));
        }
        Value::Number(_) => {
            out.push(serde_json::json!(u64::MAX));
            out.push(serde_json::json!(-1));
        }
        Value::Array(list) => {
            if let Some(first) = list.first() {
                out.push(Value::Array(vec![first.clone(); 5_000]));
            }
            for (i, element) in list.iter().enumerate() {
                for mutant in mutants(element) {
                    let mut copy = list.clone();
                    copy[i] = mutant;
                    out.push(Value::Array(copy));
                }
            }
        }
        Value::Object(map) => {
            for (key, field) in map {
                for mutant in mutants(field) {
                    let mut copy = map.clone();
                    copy.insert(key.clone(), mutant);
                    out.push(Value::Object(copy));
                }
            }
        }
        Value::Bool(_) | Value::Null => {}
    }
    out
}

async fn no_item_breaks_the_item_editor(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let items = sample_items(&state);
    assert_eq!(items.len(), 10, "one of each kind");
    let mut tried = 0;
    for item in items {
        let based_on = state.item_version(&item.key());
        let original = serde_json::to_value(&item).unwrap();
        for mutant in mutants(&original) {
            let body = serde_json::json!({ "slug": "demo", "item": mutant, "based_on": based_on });
            let before = demo_version(&app).await;
            let response = app
                .client
                .post(app.url(app::api::SaveItem::PATH))
                .header("accept", "application/json")
                .header("cookie", &facilitator)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status();
            assert!(
                !status.is_server_error(),
                "{status} for {:.300}",
                body.to_string()
            );
            if !status.is_success() {
                assert_eq!(demo_version(&app).await, before);
            }
            tried += 1;
        }
    }
    assert!(tried > 100, "{tried} mutants");
    let screen = app.client.get(app.url("/w/demo/screen")).send().await.unwrap();
    assert_eq!(screen.status(), 200);
}
on_both_backends!(items, no_item_breaks_the_item_editor);

#[tokio::test]
async fn an_oversized_body_is_refused_unread() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::start(Backend::Sqlite).await.unwrap();
    // Only the head is sent: the server must refuse on the declared
    // length alone, without waiting for (or reading) a megabyte.
    let mut stream = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        app::api::SignIn::PATH,
        app.addr,
        server::http::MAX_REQUEST_BODY + 1
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 64];
    let read = stream.read(&mut answer).await.unwrap();
    let status_line = String::from_utf8_lossy(&answer[..read]);
    assert!(status_line.starts_with("HTTP/1.1 413"), "{status_line}");
}
