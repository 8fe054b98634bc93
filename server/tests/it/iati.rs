//! The programme's IATI activity file over HTTP: valid against the IATI
//! 2.03 activity schema (xmllint), every code it uses in the IATI
//! codelists (copied into tests/data/iati-2.03), a hostile organisation
//! name escaped, a confidential provider masked for another delegate, a
//! moment beyond the log not found.

use crate::support::{call, call_status, demo_delegate, demo_with_facilitator, Backend, TestApp};
use app::api::service::Workshops;
use app::domain::command::{Command, NewCommitment, NewDisbursement, NewOrganisation};
use app::domain::event::Actor;
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::{CommitmentId, DisbursementId, OrganisationId};
use app::domain::model::*;
use app::domain::money::Money;
use std::collections::BTreeSet;
use std::path::PathBuf;

const HOSTILE: &str = "<script>&\"'";
const HOSTILE_REF: &str = "GB-COH-00000001";

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/iati-2.03")
}

async fn get(app: &TestApp, path: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

async fn run(app: &TestApp, command: Command) {
    app.engine
        .execute("demo", Actor::System, &IdempotencyKey::edit(), command)
        .await
        .unwrap();
}

fn commitment(
    organisation: OrganisationId,
    kind: (Instrument, CommitmentStatus),
    public: bool,
) -> NewCommitment {
    NewCommitment {
        id: CommitmentId::random(),
        organisation,
        money: Money::parse("2500000.75", "EUR").unwrap(),
        instrument: kind.0,
        status: kind.1,
        earmark: Earmark::Programme,
        years: vec![2027],
        conditions: String::new(),
        note: String::new(),
        public,
        loan_terms: None,
        schedule: Vec::new(),
    }
}

/// A hostile organisation with an IATI identifier, a confidential firm
/// loan with terms and a disbursement on it, a pledge and a guarantee.
async fn every_kind_of_transaction(app: &TestApp) -> OrganisationId {
    let hostile = OrganisationId::random();
    run(
        app,
        Command::AddOrganisation(NewOrganisation {
            id: hostile,
            name: HOSTILE.into(),
            name_zh: Some("恶意名称".into()),
            kind: OrganisationType::PrivateSector,
            country: "GB".into(),
            city: None,
            financier: Some(false),
            iati_ref: Some(HOSTILE_REF.into()),
        }),
    )
    .await;
    let loan = NewCommitment {
        loan_terms: Some(LoanTerms {
            interest_rate_percent: rust_decimal::Decimal::new(25, 1),
            tenor_years: 12,
            grace_years: 2,
        }),
        ..commitment(
            hostile,
            (Instrument::Loan, CommitmentStatus::FirmCommitment),
            false,
        )
    };
    let loan_id = loan.id;
    run(app, Command::RecordCommitment(loan)).await;
    run(
        app,
        Command::RecordDisbursement(NewDisbursement {
            id: DisbursementId::random(),
            commitment: loan_id,
            date: chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            amount: rust_decimal::Decimal::new(100_000_050, 2),
        }),
    )
    .await;
    let state = app.engine.workshop("demo").await.unwrap();
    let other = *state.organisations.keys().next().unwrap();
    for kind in [
        (Instrument::Grant, CommitmentStatus::IndicativePledge),
        (Instrument::Guarantee, CommitmentStatus::FirmCommitment),
    ] {
        run(app, Command::RecordCommitment(commitment(other, kind, true))).await;
    }
    hostile
}

/// xmllint's verdict on `xml` against the IATI 2.03 activity schema.
fn validate(xml: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("iati.xml");
    std::fs::write(&file, xml).unwrap();
    let output = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(data().join("iati-activities-schema.xsd"))
        .arg(&file)
        .output()
        .expect("xmllint (Debian's libxml2-utils; scripts/ensure-tools.sh test installs it)");
    assert!(
        output.status.success(),
        "{}\n{xml}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The codes a codelist file lists.
fn codelist(name: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(data().join(format!("codelists/{name}.xml"))).unwrap();
    text.split("<code>")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("</code>")
                .map(|(code, _)| code.trim().to_string())
        })
        .collect()
}

/// Every value of `attribute` on the elements named `element`.
fn attributes(xml: &str, element: &str, attribute: &str) -> Vec<String> {
    let open = format!("<{element} ");
    let key = format!(" {attribute}=\"");
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| {
            let tag = format!(" {}", &rest[..rest.find('>').unwrap_or(rest.len())]);
            let start = tag.find(&key)? + key.len();
            Some(tag[start..].split('"').next()?.to_string())
        })
        .collect()
}

fn assert_codes_listed(xml: &str) {
    let checks: [(&str, &str, &str); 15] = [
        ("transaction-type", "code", "TransactionType"),
        ("participating-org", "role", "OrganisationRole"),
        ("participating-org", "type", "OrganisationType"),
        ("reporting-org", "type", "OrganisationType"),
        ("provider-org", "type", "OrganisationType"),
        ("sector", "code", "Sector"),
        ("sector", "vocabulary", "SectorVocabulary"),
        ("budget", "type", "BudgetType"),
        ("indicator", "measure", "IndicatorMeasure"),
        ("value", "currency", "Currency"),
        ("activity-status", "code", "ActivityStatus"),
        ("recipient-country", "code", "Country"),
        ("finance-type", "code", "FinanceType"),
        ("repayment-type", "code", "LoanRepaymentType"),
        ("repayment-plan", "code", "LoanRepaymentPeriod"),
    ];
    for (element, attribute, list) in checks {
        let codes = codelist(list);
        let used = attributes(xml, element, attribute);
        assert!(!used.is_empty(), "no {element}/@{attribute} in the file");
        for code in used {
            assert!(
                codes.contains(&code),
                "{element}/@{attribute} {code} is not in {list}"
            );
        }
    }
}

async fn the_activity_file_validates_and_uses_listed_codes(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    every_kind_of_transaction(&app).await;

    let response = get(&app, "/w/demo/export/iati.xml", Some(&facilitator)).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/xml"));
    let xml = response.text().await.unwrap();
    validate(&xml);
    assert_codes_listed(&xml);
    let types: BTreeSet<String> = attributes(&xml, "transaction-type", "code").into_iter().collect();
    for code in ["1", "10", "11", "13"] {
        assert!(types.contains(code), "transaction type {code} in {types:?}");
    }
    assert!(xml.contains("&lt;script&gt;&amp;&quot;&apos;"));
    assert!(!xml.contains(HOSTILE));
    assert!(
        xml.contains(&format!("ref=\"{HOSTILE_REF}\"")),
        "the facilitator sees who lends"
    );
    assert!(xml.contains("<narrative xml:lang=\"zh\">恶意名称</narrative>"));
    assert!(xml.contains("<value currency=\"EUR\" value-date=\"2026-01-15\">1000000.50</value>"));
    assert_eq!(xml.matches("<loan-terms rate-1=\"2.5\">").count(), 1);

    // Another organisation's delegate reads the file with the loan masked.
    let state = app.engine.workshop("demo").await.unwrap();
    let organisation = state.organisations.keys().next().unwrap().to_string();
    let delegate = demo_delegate(&app, &facilitator, &organisation).await;
    let masked = get(&app, "/w/demo/export/iati.xml", Some(&delegate)).await;
    assert_eq!(masked.status(), 200, "delegates read the activity file");
    let masked = masked.text().await.unwrap();
    validate(&masked);
    assert!(!masked.contains(HOSTILE_REF) && !masked.contains("&lt;script&gt;"));

    assert_eq!(get(&app, "/w/demo/export/iati.xml", None).await.status(), 401);
}
on_both_backends!(
    iati_activity_file,
    the_activity_file_validates_and_uses_listed_codes
);

async fn a_moment_beyond_the_log_is_not_found(backend: Backend) {
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let end = app.engine.workshop("demo").await.unwrap().version;
    for export in ["iati.xml", "proposal.md"] {
        let at_end = get(
            &app,
            &format!("/w/demo/export/{export}?moment={end}"),
            Some(&facilitator),
        )
        .await;
        assert_eq!(at_end.status(), 200, "{export} at the log's end");
        let beyond = end + 1;
        let path = format!("/w/demo/export/{export}?moment={beyond}");
        assert_eq!(
            get(&app, &path, Some(&facilitator)).await.status(),
            404,
            "{export}"
        );
    }
    let early = get(&app, "/w/demo/export/iati.xml?moment=3", Some(&facilitator)).await;
    assert_eq!(early.status(), 200);
    validate(&early.text().await.unwrap());
    let unknown = get(&app, "/w/demo/export/iati.xml?version=7", Some(&facilitator)).await;
    assert_eq!(unknown.status(), 404);

    // The pages say so in words, and offer the way back to now.
    let beyond = end + 1;
    let said = app::i18n::Locale::En.t(app::i18n::Msg::MomentBeyondLog);
    for page in [
        format!("/w/demo/proposal?moment={beyond}"),
        format!("/w/demo?moment={beyond}"),
    ] {
        let html = get(&app, &page, Some(&facilitator)).await.text().await.unwrap();
        assert!(html.contains(said), "{page} says the moment is beyond the log");
    }
    // Nobody signed in sees no timeline, and may not replay.
    assert!(!app.page("/w/demo").await.contains("id=\"moment\""));
    assert_eq!(
        get(&app, "/w/demo/export/iati.xml?moment=3", None).await.status(),
        401
    );
    // A moment of the log replays the overview, with the timeline to pick another.
    let html = get(&app, "/w/demo?moment=3", Some(&facilitator))
        .await
        .text()
        .await
        .unwrap();
    let replayed = app::i18n::Locale::En.t(app::i18n::Msg::ReplayedOverview);
    assert!(
        html.contains(&format!("{replayed} 3")),
        "the overview says which moment it shows"
    );
    assert!(
        html.contains("<option value=\"3\" selected"),
        "the timeline marks the moment"
    );
}
on_both_backends!(iati_moment_beyond_the_log, a_moment_beyond_the_log_is_not_found);

async fn a_facilitator_sets_an_identifier_later(backend: Backend) {
    use leptos::server_fn::ServerFn;
    let Some((app, facilitator, _)) = demo_with_facilitator(backend).await else {
        return;
    };
    let state = app.engine.workshop("demo").await.unwrap();
    let (id, bank) = state
        .organisations
        .iter()
        .find(|(_, o)| o.is_financier())
        .map(|(id, o)| (id.to_string(), o.name.clone()))
        .unwrap();
    let path = app::api::SetOrganisationIatiRef::PATH;
    let form = |iati_ref: &'static str| {
        [
            ("slug", "demo"),
            ("organisation", id.as_str()),
            ("iati_ref", iati_ref),
        ]
    };

    let refused = call(&app, path, &form("XM DAC 41114"), Some(&facilitator)).await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused.text().await.unwrap().contains("iati_ref_format"),
        "the problem is the field's"
    );
    let delegate = demo_delegate(&app, &facilitator, &id).await;
    assert_eq!(
        call_status(&app, path, &form("XM-DAC-41114"), Some(&delegate)).await,
        403
    );
    assert_eq!(
        call_status(&app, path, &form("XM-DAC-41114"), Some(&facilitator)).await,
        200
    );

    let xml = get(&app, "/w/demo/export/iati.xml", Some(&facilitator))
        .await
        .text()
        .await
        .unwrap();
    validate(&xml);
    let named = "<participating-org ref=\"XM-DAC-41114\" type=";
    assert!(
        xml.contains(named) && xml.contains(&bank),
        "the financier is named by its identifier"
    );
}
on_both_backends!(iati_identifier_set_later, a_facilitator_sets_an_identifier_later);
