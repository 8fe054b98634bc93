//! The workshop as a whole: the demo, the log it folds from, who creates it, and what any command needs.

use super::*;

#[test]
fn the_demo_decides_cleanly_and_has_what_the_issue_asks_for() {
    let (state, log) = demo();
    let overview = WorkshopOverview::of(&state).unwrap();
    assert_eq!(overview.slug, "demo");
    assert_eq!(overview.cities.len(), 12);
    assert!(overview
        .partners_by_group
        .iter()
        .any(|(g, n)| *g == PartnerGroup::Financier && *n >= 2));
    // Stage 1 from the template, partly filled in; stage 2 partly agreed.
    assert_eq!(state.design.start, Some(DesignStart::CustomsLogistics));
    assert_eq!(overview.components, 12);
    assert!(
        state
            .design
            .indicators
            .iter()
            .filter(|i| i.baseline.is_some() && i.target.is_some())
            .count()
            >= 4
    );
    assert!(state.design.risks.iter().all(|r| r.score() > 0));
    assert!(state.partnership.roles.len() >= 4);
    assert!(!state.partnership.bodies.is_empty());
    let flags = raci_flags(&state.design, &state.partnership);
    assert!(flags.iter().any(|(_, f)| f.is_empty()), "a complete row");
    assert!(
        flags.iter().any(|(_, f)| f.contains(&RaciFlag::NoAccountable)),
        "a flagged row"
    );
    assert_eq!(state.version as usize, log.len());
    let currencies: std::collections::BTreeSet<_> =
        state.commitments.values().map(|c| c.money.currency).collect();
    assert!(currencies.len() >= 4, "commitments in several currencies");
    assert_eq!(overview.required, dec!(65900000));
    // Secured cash: USD 2.5m grant + EUR 1.2m at 1.08 + CNY 15m at 0.138.
    assert_eq!(
        overview.secured_cash,
        dec!(2500000) + dec!(1296000) + dec!(2070000)
    );
    assert_eq!(overview.gap, overview.required - overview.secured_cash);
}

#[test]
fn a_fold_of_the_log_is_the_state() {
    let (state, log) = demo();
    assert_eq!(WorkshopState::from_log(&log), state);
    let json: Vec<String> = log.iter().map(|e| serde_json::to_string(e).unwrap()).collect();
    let reparsed: Vec<StoredEvent> = json.iter().map(|j| serde_json::from_str(j).unwrap()).collect();
    assert_eq!(reparsed, log);
}

#[test]
fn the_creating_facilitator_administers_the_workshop_and_nobody_else_does() {
    let creator = AccountId::random();
    let mut state = WorkshopState::default();
    let create = Command::CreateWorkshop(NewWorkshop {
        id: WorkshopId::random(),
        slug: "mine".into(),
        title: "T".into(),
        programme: "P".into(),
        reporting_currency: crate::domain::money::Currency::parse("USD").unwrap(),
    });
    state
        .execute(&Actor::Facilitator { account: creator }, create, now())
        .unwrap();
    assert!(state.facilitators.contains(&creator));
    let lock = || Command::SetStageStatus {
        stage: Stage::ProjectDesign,
        status: StageStatus::Locked,
    };
    assert!(decide(&state, &Actor::Facilitator { account: creator }, lock(), now()).is_ok());
    let other = Actor::Facilitator {
        account: AccountId::random(),
    };
    assert_eq!(decide(&state, &other, lock(), now()), Err(AppError::Forbidden));
    assert_eq!(
        decide(
            &state,
            &other,
            Command::AddFacilitator {
                account: AccountId::random()
            },
            now()
        ),
        Err(AppError::Forbidden)
    );
}

#[test]
fn invalid_input_names_the_field_and_the_problem() {
    let bad = Command::CreateWorkshop(NewWorkshop {
        id: WorkshopId::random(),
        slug: "Not A Slug".into(),
        title: String::new(),
        programme: "P".into(),
        reporting_currency: crate::domain::money::Currency::parse("USD").unwrap(),
    });
    let Err(AppError::Invalid(fields)) = decide(&WorkshopState::default(), &Actor::System, bad, now()) else {
        panic!("expected a validation error");
    };
    assert_eq!(fields.get("slug").map(|p| p.code()), Some("slug_format"));
    assert_eq!(fields.get("title").map(|p| p.code()), Some("length"));
}

#[test]
fn commands_other_than_create_need_a_workshop() {
    let command = Command::SetStageStatus {
        stage: Stage::Partnership,
        status: StageStatus::Open,
    };
    assert!(matches!(
        decide(&WorkshopState::default(), &Actor::System, command, now()),
        Err(AppError::NotFound(_))
    ));
}

#[test]
fn a_stored_money_value_that_breaks_the_rules_does_not_parse() {
    assert!(serde_json::from_str::<Money>(r#"{"amount":"-1","currency":"USD"}"#).is_err());
    assert!(serde_json::from_str::<Money>(r#"{"amount":"1.5","currency":"JPY"}"#).is_err());
}

/// A commercial bank is IATI type 70 (private sector) but a financier; a
/// multilateral that only trains is not. Older logs, which never said,
/// take it from the type.
#[test]
fn an_organisation_is_grouped_by_its_financier_flag_before_its_type() {
    let (mut state, _) = demo();
    let add = |name: &str, kind, financier| {
        Command::AddOrganisation(NewOrganisation {
            id: OrganisationId::random(),
            name: name.into(),
            name_zh: None,
            kind,
            country: "SG".into(),
            city: None,
            financier,
            iati_ref: None,
        })
    };
    let before = WorkshopOverview::of(&state).unwrap().partners_by_group;
    let count = |groups: &[(PartnerGroup, usize)], group| {
        groups.iter().find(|(g, _)| *g == group).map_or(0, |(_, n)| *n)
    };
    as_system(
        &mut state,
        add(
            "Straits Commercial Bank",
            OrganisationType::PrivateSector,
            Some(true),
        ),
    );
    as_system(
        &mut state,
        add("Training Institute", OrganisationType::Multilateral, Some(false)),
    );
    as_system(
        &mut state,
        add("Regional Development Fund", OrganisationType::Foundation, None),
    );
    let after = WorkshopOverview::of(&state).unwrap().partners_by_group;
    assert_eq!(
        count(&after, PartnerGroup::Financier),
        count(&before, PartnerGroup::Financier) + 2
    );
    assert_eq!(
        count(&after, PartnerGroup::Other),
        count(&before, PartnerGroup::Other) + 1
    );
    assert_eq!(
        count(&after, PartnerGroup::Private),
        count(&before, PartnerGroup::Private)
    );
    // What is recorded says it, whatever the type would have said.
    let fund = state
        .organisations
        .values()
        .find(|o| o.name == "Regional Development Fund")
        .unwrap();
    assert_eq!(fund.financier, Some(true));
    // An organisation from an older log has no flag: its type decides.
    let old: Organisation = serde_json::from_value(serde_json::json!({
        "id": OrganisationId::random(), "name": "Asian Bank", "kind": "multilateral",
        "country": "PH", "city": null
    }))
    .unwrap();
    assert!(old.is_financier());
    assert_eq!(old.group(), PartnerGroup::Financier);
}

#[test]
fn the_organisation_form_reads_the_financier_checkbox() {
    use crate::domain::forms::OrganisationForm;
    let form = |financier: &str| OrganisationForm {
        id: OrganisationId::random().to_string(),
        name: "Straits Commercial Bank".into(),
        name_zh: String::new(),
        kind: "private_sector".into(),
        country: "sg".into(),
        city: String::new(),
        financier: financier.into(),
        iati_ref: String::new(),
    };
    assert_eq!(form("true").parse().unwrap().financier, Some(true));
    assert_eq!(form("").parse().unwrap().iati_ref, None, "blank is none");
    assert_eq!(form("").parse().unwrap().financier, Some(false));
}
