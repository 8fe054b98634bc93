//! The demo is the seed's room, and the template cites its sources as they
//! are: what a reader of the field checks first.

use super::*;

#[test]
fn the_demo_names_the_seeds_organisations_with_their_chinese_names() {
    let (state, _) = demo();
    let find = |name: &str| {
        state
            .organisations
            .values()
            .find(|o| o.name.contains(name))
            .unwrap_or_else(|| panic!("{name} is in the demo"))
    };
    assert_eq!(
        find("Shanghai Municipal Informatization Commission")
            .name_zh
            .as_deref(),
        Some("上海市信息化委员会")
    );
    assert_eq!(find("UNITAR").name_zh.as_deref(), Some("联合国训练研究所"));
    for name in ["CIFAL Shanghai", "RCOCI", "CITYNET", "UCLG-ASPAC"] {
        find(name);
    }
    // Every demo city is a record, with its UN/LOCODE where it has one.
    assert_eq!(state.cities.len(), 12);
    let shanghai = state.cities.values().find(|c| c.name == "Shanghai").unwrap();
    assert_eq!(shanghai.locode.as_deref(), Some("CNSHA"));
    assert_eq!(shanghai.name_zh.as_deref(), Some("上海"));
    // No commitment names a city by its text any more.
    assert!(state
        .commitments
        .values()
        .all(|c| !matches!(c.earmark, Earmark::NamedCity { .. })));
}

#[test]
fn capacity_building_belongs_to_cifal_and_unitar_and_no_lender_is_accountable() {
    let (state, _) = demo();
    let name = |id: &OrganisationId| state.organisations[id].name.clone();
    let capacity = state
        .design
        .components
        .iter()
        .find(|c| c.title == "Capacity building")
        .unwrap();
    assert!(name(&capacity.lead.unwrap()).starts_with("CIFAL Shanghai"));
    let roles: Vec<(String, Raci)> = state
        .partnership
        .responsibilities
        .iter()
        .filter(|r| r.component == capacity.id)
        .filter_map(|r| r.role.map(|role| (name(&r.organisation), role)))
        .collect();
    assert!(roles
        .iter()
        .any(|(n, r)| n.starts_with("CIFAL") && *r == Raci::Accountable));
    assert!(roles
        .iter()
        .any(|(n, r)| n.contains("UNITAR") && *r == Raci::Responsible));
    // A lender supervises (consulted or informed); it is never accountable.
    let lenders: Vec<OrganisationId> = state
        .partnership
        .roles
        .values()
        .filter(|r| r.ppp.contains(&PppRole::Lender))
        .map(|r| r.organisation)
        .collect();
    assert!(!lenders.is_empty());
    for cell in &state.partnership.responsibilities {
        if lenders.contains(&cell.organisation) {
            assert!(
                matches!(cell.role, Some(Raci::Consulted | Raci::Informed) | None),
                "{cell:?}"
            );
        }
    }
    // Nor does it lead a component or chair a body.
    assert!(state
        .design
        .components
        .iter()
        .all(|c| c.lead.is_none_or(|lead| !lenders.contains(&lead))));
    assert!(state
        .partnership
        .bodies
        .iter()
        .all(|b| b.chair.is_none_or(|chair| !lenders.contains(&chair))));
}

#[test]
fn each_partners_agreement_is_in_step_with_its_commitments() {
    let (state, _) = demo();
    for commitment in state.commitments.values() {
        let agreement = state.partnership.agreements.get(&commitment.organisation);
        let name = &state.organisations[&commitment.organisation].name;
        if commitment.status >= CommitmentStatus::LetterOfIntent
            && commitment.status != CommitmentStatus::Withdrawn
        {
            assert!(
                agreement.is_some_and(|a| a.letter_of_intent.is_some()),
                "{name}: {:?} without a letter of intent",
                commitment.status
            );
        }
        if commitment.status >= CommitmentStatus::MouSigned
            && commitment.status != CommitmentStatus::Withdrawn
        {
            assert!(
                agreement.is_some_and(|a| a.mou.is_some()),
                "{name}: {:?} without an MoU",
                commitment.status
            );
        }
    }
}

#[test]
fn the_template_cites_its_sources_as_they_are() {
    let items = crate::domain::template::customs_logistics(WorkshopId::random());
    let components: Vec<&Component> = items
        .iter()
        .filter_map(|i| match i {
            DesignItem::Component(c) => Some(c),
            _ => None,
        })
        .collect();
    let indicators: Vec<&Indicator> = items
        .iter()
        .filter_map(|i| match i {
            DesignItem::Indicator(i) => Some(i),
            _ => None,
        })
        .collect();
    let describing = |text: &str| components.iter().find(|c| c.description.contains(text)).unwrap();
    // Recommendation 33 is a national single window, which cities connect to.
    let single_window = describing("Recommendation 33");
    assert!(single_window.description.contains("national single window"));
    assert!(single_window.description.contains("connect"));
    // Recommendation 35 is its legal framework, on the UNCITRAL model laws.
    let legal = describing("Recommendation 35");
    assert!(legal.description.contains("legal framework") && legal.description.contains("UNCITRAL"));
    assert!(components.iter().any(|c| c
        .description
        .contains("Framework Agreement on Facilitation of Cross-border Paperless Trade")));
    for article in ["6.2", "8", "10.1", "10.2", "10.3", "10.4"] {
        assert!(
            components.iter().any(|c| c.tfa.iter().any(|t| t == article)),
            "{article}"
        );
    }
    assert!(components
        .iter()
        .any(|c| c.description.contains("customs administration")));
    // KPIs: no Doing Business; B-READY, the UN Global Survey, the OECD
    // TFIs; the LPI's six components; time and cost to comply for exports
    // and imports, border and documentary.
    let named = |text: &str| {
        indicators
            .iter()
            .any(|i| i.name.contains(text) || i.means_of_verification.contains(text))
    };
    assert!(!named("Doing Business"));
    for source in [
        "B-READY",
        "UN Global Survey on Digital and Sustainable Trade Facilitation",
        "OECD Trade Facilitation Indicators",
    ] {
        assert!(named(source), "{source}");
    }
    for component in [
        "customs",
        "infrastructure",
        "international shipments",
        "logistics competence and quality",
        "timeliness",
        "tracking and tracing",
    ] {
        assert!(named(&format!("LPI: {component}")), "{component}");
    }
    for measure in ["Time", "Cost"] {
        for flow in ["export", "import"] {
            for compliance in ["border", "documentary"] {
                assert!(
                    named(&format!("{measure} to {flow}: {compliance} compliance")),
                    "{measure} {flow} {compliance}"
                );
            }
        }
    }
}

#[test]
fn the_templates_first_items_keep_their_ids() {
    let workshop = WorkshopId::random();
    let items = crate::domain::template::customs_logistics(workshop);
    let has = |key: ItemKey| items.iter().any(|i| i.key() == key);
    for n in 1..=12 {
        assert!(has(ItemKey::Component {
            id: crate::domain::template::component_id(workshop, n)
        }));
        assert!(has(ItemKey::Indicator {
            id: crate::domain::template::indicator_id(workshop, n)
        }));
    }
    let first = items.iter().find(|i| {
        i.key()
            == ItemKey::Indicator {
                id: crate::domain::template::indicator_id(workshop, 1),
            }
    });
    assert!(
        matches!(first, Some(DesignItem::Indicator(i)) if i.name.starts_with("Logistics Performance Index"))
    );
}

#[test]
fn the_demos_cities_carry_chinese_names_and_customs_is_a_partner_with_its_own_components() {
    let (state, _) = demo();
    // Every city's government has its Chinese name, as the seed's do.
    for organisation in state
        .organisations
        .values()
        .filter(|o| o.kind == OrganisationType::LocalGovernment)
    {
        assert!(organisation.name_zh.is_some(), "{}", organisation.name);
    }
    let customs = state
        .organisations
        .values()
        .find(|o| o.name.contains("Customs"))
        .expect("a customs administration");
    assert_eq!(customs.kind.iati_code(), 10);
    assert!(!customs.is_financier());
    assert_eq!(customs.name_zh.as_deref(), Some("中华人民共和国海关总署"));
    // It does and answers for customs automation alone: an A/R cell, which
    // the matrix does not flag.
    let automation = state
        .design
        .components
        .iter()
        .find(|c| c.title == "Customs automation")
        .unwrap();
    let cell = state
        .partnership
        .responsibilities
        .iter()
        .find(|r| r.component == automation.id && r.organisation == customs.id)
        .unwrap();
    assert_eq!(cell.role, Some(Raci::AccountableResponsible));
    let flags = crate::domain::design::raci_flags(&state.design, &state.partnership);
    let automation_flags = flags.iter().find(|(id, _)| *id == automation.id).unwrap();
    assert!(automation_flags.1.is_empty(), "{automation_flags:?}");
    assert!(state
        .partnership
        .bodies
        .iter()
        .any(|b| b.kind == BodyKind::SteeringCommittee && b.members.contains(&customs.id)));
}
