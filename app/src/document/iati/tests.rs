//! The IATI activity: each kind of commitment its transaction type, loan
//! terms only where recorded, confidential providers masked, hostile text
//! escaped, the organisation identifier's format.

use super::*;
use crate::domain::command::{Command, NewCommitment, NewDisbursement, NewOrganisation};
use crate::domain::design::IatiRole;
use crate::domain::error::{AppError, Problem};
use crate::domain::event::Actor;
use crate::domain::ids::{CommitmentId, DisbursementId, OrganisationId};
use crate::domain::model::*;
use crate::domain::money::Money;
use crate::domain::state::WorkshopState;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rust_decimal_macros::dec;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap()
}

fn demo() -> WorkshopState {
    crate::domain::demo::demo_state(at())
}

/// A new organisation in `state`, with `name` and an IATI identifier.
fn organisation(state: &mut WorkshopState, name: &str, iati_ref: Option<&str>) -> OrganisationId {
    let id = OrganisationId::random();
    let command = Command::AddOrganisation(NewOrganisation {
        id,
        name: name.into(),
        name_zh: Some("测试银行".into()),
        kind: OrganisationType::PrivateSector,
        country: "CN".into(),
        city: None,
        financier: Some(false),
        iati_ref: iati_ref.map(String::from),
    });
    state.execute(&Actor::System, command, at()).unwrap();
    id
}

fn commit(
    state: &mut WorkshopState,
    organisation: OrganisationId,
    (instrument, status): (Instrument, CommitmentStatus),
    public: bool,
    loan_terms: Option<LoanTerms>,
) -> CommitmentId {
    let id = CommitmentId::random();
    let command = Command::RecordCommitment(NewCommitment {
        id,
        organisation,
        money: Money::parse("1000000.5", "EUR").unwrap(),
        instrument,
        status,
        earmark: Earmark::Programme,
        years: vec![2027],
        conditions: String::new(),
        note: String::new(),
        public,
        loan_terms,
        schedule: Vec::new(),
    });
    state.execute(&Actor::System, command, at()).unwrap();
    id
}

fn of(state: &WorkshopState, viewer: &Actor, commitment: CommitmentId) -> Vec<Transaction> {
    let reference = commitment.to_string();
    transactions(state, viewer)
        .into_iter()
        .filter(|t| t.reference.starts_with(&reference))
        .collect()
}

fn terms() -> LoanTerms {
    LoanTerms {
        interest_rate_percent: dec!(2.5),
        tenor_years: 15,
        grace_years: 3,
    }
}

#[test]
fn each_kind_of_commitment_is_its_transaction_type() {
    let mut state = demo();
    let bank = organisation(&mut state, "Test Bank", Some("CN-SHA-123"));
    let pledge = commit(
        &mut state,
        bank,
        (Instrument::Grant, CommitmentStatus::IndicativePledge),
        true,
        None,
    );
    let firm = commit(
        &mut state,
        bank,
        (Instrument::Grant, CommitmentStatus::FirmCommitment),
        true,
        None,
    );
    let guarantee = commit(
        &mut state,
        bank,
        (Instrument::Guarantee, CommitmentStatus::FirmCommitment),
        true,
        None,
    );
    let interest = commit(
        &mut state,
        bank,
        (Instrument::Grant, CommitmentStatus::ExpressionOfInterest),
        true,
        None,
    );
    let paid_on = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let disbursement = Command::RecordDisbursement(NewDisbursement {
        id: DisbursementId::random(),
        commitment: firm,
        date: paid_on,
        amount: dec!(250000.25),
    });
    state.execute(&Actor::System, disbursement, at()).unwrap();

    let kinds = |id| {
        of(&state, &Actor::System, id)
            .iter()
            .map(|t| t.kind.code())
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(pledge), [13]);
    assert_eq!(kinds(firm), [11, 1]);
    assert_eq!(kinds(guarantee), [10]);
    assert!(
        kinds(interest).is_empty(),
        "an expression of interest is no money"
    );

    let firm = of(&state, &Actor::System, firm);
    assert_eq!(firm[0].value.text(), "1000000.50");
    assert_eq!(firm[0].value.currency.code(), "EUR");
    assert_eq!(firm[1].value.text(), "250000.25");
    assert_eq!((firm[1].date, firm[1].value.date), (paid_on, paid_on));
    assert_eq!(firm[0].provider.reference.as_deref(), Some("CN-SHA-123"));
    assert_eq!(firm[0].finance_type, Some(110));
}

#[test]
fn loan_terms_travel_only_with_loans_that_record_them() {
    let mut state = demo();
    let bank = organisation(&mut state, "Test Bank", None);
    let firm = (Instrument::Loan, CommitmentStatus::FirmCommitment);
    let with_terms = commit(&mut state, bank, firm, true, Some(terms()));
    let without = commit(&mut state, bank, firm, true, None);
    let grant = commit(
        &mut state,
        bank,
        (Instrument::Grant, CommitmentStatus::FirmCommitment),
        true,
        None,
    );
    assert_eq!(
        of(&state, &Actor::System, with_terms)[0].loan_terms,
        Some(terms())
    );
    assert_eq!(of(&state, &Actor::System, without)[0].loan_terms, None);
    assert_eq!(of(&state, &Actor::System, grant)[0].loan_terms, None);

    let ours: Vec<Transaction> = [with_terms, without, grant]
        .into_iter()
        .flat_map(|id| of(&state, &Actor::System, id))
        .collect();
    let crs = super::transactions::crs_loan_terms(&ours).expect("the loan with terms fills crs-add");
    assert_eq!(crs.rate_percent, dec!(2.5));
    assert_eq!(
        crs.commitment_date,
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    );
    assert_eq!(
        crs.first_repayment,
        NaiveDate::from_ymd_opt(2030, 11, 28).unwrap()
    );
    assert_eq!(
        crs.final_repayment,
        NaiveDate::from_ymd_opt(2041, 11, 28).unwrap()
    );
    assert_eq!(
        super::transactions::crs_loan_terms(&ours[1..]),
        None,
        "no terms, no crs-add"
    );

    let activity = IatiActivity::of(&state, &Actor::System, at().date_naive()).unwrap();
    let xml = iati_xml(&activity, at());
    assert_eq!(xml.matches("<crs-add>").count(), 1);
    assert!(xml.contains("<rt:loan-terms rate-1=\"2.5\" tenor-years=\"15\" grace-years=\"3\"/>"));
}

#[test]
fn a_confidential_provider_is_masked_for_another_delegate() {
    let mut state = demo();
    let secret = organisation(&mut state, "Quiet Capital", Some("GB-COH-0001"));
    let other = organisation(&mut state, "Open Fund", None);
    let id = commit(
        &mut state,
        secret,
        (Instrument::Grant, CommitmentStatus::FirmCommitment),
        false,
        None,
    );
    let stranger = Actor::Delegate {
        organisation: other,
        delegate: None,
    };
    let own = Actor::Delegate {
        organisation: secret,
        delegate: None,
    };
    let masked = &of(&state, &stranger, id)[0].provider;
    assert_eq!(masked.reference, None);
    assert_eq!(masked.type_code, None);
    assert!(masked.names.iter().all(|n| !n.text.contains("Quiet")));
    let named = &of(&state, &own, id)[0].provider;
    assert_eq!(named.reference.as_deref(), Some("GB-COH-0001"));

    // Nor does the masked commitment make it a funder in the stranger's file.
    let funds = |viewer: &Actor| {
        participating(&state, viewer)
            .iter()
            .any(|p| p.organisation == Some(secret) && p.role == IatiRole::Funding)
    };
    assert!(!funds(&stranger));
    assert!(funds(&own));
}

#[test]
fn the_demos_activity_has_its_roles_budgets_and_results() {
    let state = demo();
    let activity = IatiActivity::of(&state, &Actor::System, at().date_naive()).unwrap();
    assert!(activity
        .identifier
        .ends_with(&format!("-{}", state.setup.as_ref().unwrap().slug)));
    let roles: Vec<u8> = activity.participating.iter().map(|p| p.role.code()).collect();
    for code in [1, 2, 4] {
        assert!(roles.contains(&code), "role {code} in {roles:?}");
    }
    let budget_total: rust_decimal::Decimal = activity.budgets.iter().map(|b| b.value.amount).sum();
    let required: rust_decimal::Decimal = crate::domain::schedule::by_year(&state)
        .years
        .iter()
        .map(|y| y.required)
        .sum();
    assert_eq!(budget_total, required);
    assert!(!activity.results.is_empty());
    let shares: rust_decimal::Decimal = activity.countries.iter().map(|(_, s)| *s).sum();
    assert!(activity.countries.is_empty() || shares == dec!(100));
}

#[test]
fn a_text_mostly_in_chinese_is_a_chinese_narrative() {
    assert_eq!(Narrative::typed("亚太城市海关与物流信息").lang, Some("zh"));
    assert_eq!(Narrative::typed("Shanghai (上海) customs pilot").lang, None);
    assert_eq!(Narrative::typed("Customs").lang, None);
}

#[test]
fn hostile_text_is_escaped() {
    assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
    assert_eq!(escape("a\u{0}b\u{1b}c\td"), "abc\td");
    let mut state = demo();
    let hostile = organisation(&mut state, "<script>&\"'", None);
    commit(
        &mut state,
        hostile,
        (Instrument::Grant, CommitmentStatus::IndicativePledge),
        true,
        None,
    );
    let xml = iati_xml(
        &IatiActivity::of(&state, &Actor::System, at().date_naive()).unwrap(),
        at(),
    );
    assert!(xml.contains("<narrative>&lt;script&gt;&amp;&quot;&apos;</narrative>"));
    assert!(!xml.contains("<script>"));
}

#[test]
fn an_iati_identifier_needs_an_agency_prefix_and_a_number() {
    for good in [
        "CN-SHA-123",
        "XM-DAC-41114",
        "GB-COH-01234567",
        "XI-IATI-EC_INTPA",
        "NL-KVK-4.1-x",
    ] {
        assert!(valid_iati_ref(good).is_ok(), "{good}");
    }
    let too_long = format!("XM-DAC-{}", "1".repeat(IATI_REF_MAX));
    for bad in [
        "",
        "41114",
        "XM-DAC",
        "XM-DAC-",
        "xm-dac-1",
        "X-DAC-1",
        "XM--1",
        "XM-DAC-1 2",
        "XM-DAC-<1>",
        &too_long,
    ] {
        assert!(valid_iati_ref(bad).is_err(), "{bad}");
    }
    let mut state = demo();
    let command = Command::AddOrganisation(NewOrganisation {
        id: OrganisationId::random(),
        name: "Badly Numbered".into(),
        name_zh: None,
        kind: OrganisationType::Foundation,
        country: "SG".into(),
        city: None,
        financier: None,
        iati_ref: Some("DAC 41114".into()),
    });
    assert_eq!(
        state.execute(&Actor::System, command, at()).unwrap_err(),
        AppError::invalid("iati_ref", Problem::IatiRefFormat)
    );
}

#[test]
fn an_identifier_set_later_is_the_organisations_ref() {
    use crate::domain::command::OrganisationIatiRef;
    let mut state = demo();
    let bank = organisation(&mut state, "Late Bank", None);
    commit(
        &mut state,
        bank,
        (Instrument::Grant, CommitmentStatus::FirmCommitment),
        true,
        None,
    );
    let set = |iati_ref: &str| {
        Command::SetOrganisationIatiRef(OrganisationIatiRef {
            organisation: bank,
            iati_ref: Some(iati_ref.into()),
        })
    };
    assert_eq!(
        state.execute(&Actor::System, set("not one"), at()).unwrap_err(),
        AppError::invalid("iati_ref", Problem::IatiRefFormat)
    );
    assert_eq!(
        state
            .execute(&Actor::System, set(" CN-SHA-77 "), at())
            .unwrap()
            .len(),
        1
    );
    assert!(
        state
            .execute(&Actor::System, set("CN-SHA-77"), at())
            .unwrap()
            .is_empty(),
        "the same is no change"
    );
    let funder = participating(&state, &Actor::System)
        .into_iter()
        .find(|p| p.organisation == Some(bank))
        .unwrap();
    assert_eq!(funder.org.reference.as_deref(), Some("CN-SHA-77"));
    let delegate = Actor::Delegate {
        organisation: bank,
        delegate: None,
    };
    assert_eq!(
        state.execute(&delegate, set("CN-SHA-78"), at()).unwrap_err(),
        AppError::Forbidden,
        "only facilitators set it"
    );
}
